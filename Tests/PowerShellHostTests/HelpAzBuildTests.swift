import Foundation
import Testing

@testable import PowerShellHost

/// The three places where Get-Help in PowerShell 7.6.x, showing Az's help as Az builds it
/// (platyPS 0.14 `New-ExternalHelp`, then Az's `Edit-AzMamlHelp`), is not what a plain reading of
/// the markdown gives. Every expected line is written out here and derived from the source rule
/// named beside it (not recorded): platyPS `src/Markdown.MAML/` at 0.14.2, PowerShell
/// `Help_format_ps1xml.cs` and `MamlNode.cs` at v7.6.5, Azure/azure-powershell
/// `tools/HelpGeneration/HelpGeneration.psm1`.
@Suite struct HelpAzBuildTests {
    static let widths = [80, 120]

    /// Every help file of the package (`help/*.md`), by command name.
    static func helpFiles() throws -> [(name: String, markdown: String)] {
        let folder = HelpTestSupport.packageRoot.appendingPathComponent("help")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".md") }
            .sorted()
        return try names.map {
            (String($0.dropLast(3)), try String(contentsOf: folder.appendingPathComponent($0), encoding: .utf8))
        }
    }

    static func parse(_ markdown: String) throws -> HelpDocument {
        let (document, diagnostics) = HelpMarkdownParser.parse(markdown)
        #expect(diagnostics == [])
        return try #require(document)
    }

    /// The rendered lines, each without its line break.
    static func lines(_ document: HelpDocument, _ view: HelpView, _ width: Int) -> [String] {
        let rendered = HelpRenderer.render(document, view: view, width: width)
        #expect(rendered.hasSuffix("\n"))
        return rendered.dropLast().split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    /// The lines from the first one equal to `start` up to (not including) the first one after it
    /// for which `end` holds.
    static func block(_ lines: [String], from start: String, to end: (String) -> Bool) -> [String] {
        guard let first = lines.firstIndex(of: start) else { return [] }
        let rest = lines[(first + 1)...]
        let last = rest.firstIndex(where: end) ?? lines.endIndex
        return Array(lines[first..<last])
    }

    // MARK: - 1. Switch parameters in the parameter blocks

    /// One spelling of `-Force`'s `Type:` and what Get-Help shows for it.
    struct SwitchTypeCase: Sendable, CustomTestStringConvertible {
        let type: String
        /// After `-Force` in -Detailed, -Full and -Parameter.
        let parameterValue: String
        /// `-Force` in the syntax line.
        let syntax: String
        /// The `Default value` row (the file says `None`).
        let defaultValue: String
        var testDescription: String { "Type: \(type)" }
    }

    /// platyPS 0.14: `MamlParameter.IsSwitchParameter()` is true only for `SwitchParameter` and
    /// `switch` (OrdinalIgnoreCase); `ModelTransformerVersion2` sets `ValueRequired =
    /// !IsSwitchParameter()`; `MamlRenderer.ConvertPSTypeToMamlType` turns only those into
    /// `SwitchParameter`; `MamlRenderer.CreateParameter` drops the syntax value and turns a `None`
    /// default into `False` when the MAML type is exactly `SwitchParameter` or
    /// `System.Management.Automation.SwitchParameter`. PowerShell's `MamlParameterValueControl`
    /// prints ` <type>` for `required="true"`, else ` [<type>]`.
    static let switchTypeCases = [
        // Az's spelling: a required value of the full type, but a switch for the syntax and default.
        SwitchTypeCase(
            type: "System.Management.Automation.SwitchParameter",
            parameterValue: " <System.Management.Automation.SwitchParameter>",
            syntax: "[-Force]", defaultValue: "False"),
        // The shorthands keep `[<SwitchParameter>]`.
        SwitchTypeCase(
            type: "SwitchParameter", parameterValue: " [<SwitchParameter>]", syntax: "[-Force]", defaultValue: "False"),
        SwitchTypeCase(
            type: "switch", parameterValue: " [<SwitchParameter>]", syntax: "[-Force]", defaultValue: "False"),
        SwitchTypeCase(
            type: "SWITCHPARAMETER", parameterValue: " [<SwitchParameter>]", syntax: "[-Force]", defaultValue: "False"),
        // CreateParameter compares the full name ordinally: in lower case it is no switch at all.
        SwitchTypeCase(
            type: "system.management.automation.switchparameter",
            parameterValue: " <system.management.automation.switchparameter>",
            syntax: "[-Force <system.management.automation.switchparameter>]", defaultValue: "None"),
        SwitchTypeCase(
            type: "System.Boolean", parameterValue: " <System.Boolean>", syntax: "[-Force <System.Boolean>]",
            defaultValue: "None"),
    ]

    /// The shipped file with `-Force`'s `Type:` line replaced.
    static func documentWithForceType(_ type: String) throws -> HelpDocument {
        let block = "### -Force\nForces the command to run without asking for user confirmation.\n\n```yaml\nType: "
        let original = block + "System.Management.Automation.SwitchParameter\n"
        let markdown = try HelpTestSupport.helpMarkdown()
        let range = try #require(markdown.range(of: original))
        return try parse(markdown.replacingCharacters(in: range, with: block + type + "\n"))
    }

    @Test("switch parameter lines follow platyPS's type rules", arguments: switchTypeCases, widths)
    func switchParameterLines(_ switchCase: SwitchTypeCase, width: Int) throws {
        let document = try Self.documentWithForceType(switchCase.type)
        #expect(document.parameter(named: "Force")?.type == switchCase.type)
        let heading = "-Force" + switchCase.parameterValue
        // MamlFullParameterControl in -Parameter: the object's lines between Out-Default's empty lines.
        #expect(
            Self.lines(document, .parameter("Force"), width) == [
                "", heading,
                "    Forces the command to run without asking for user confirmation.",
                "    ",
                "    Required?                    false",
                "    Position?                    named",
                "    Default value                \(switchCase.defaultValue)",
                "    Accept pipeline input?       False",
                "    Aliases                      none",
                "    Accept wildcard characters?  false",
                "    ",
                "", "",
            ])
        // -Full: the same block inside the PARAMETERS frame.
        let full = Self.lines(document, .full, width)
        #expect(Self.block(full, from: "    " + heading) { $0.hasPrefix("    -") }.count == 10)
        #expect(full.contains("        Default value                \(switchCase.defaultValue)"))
        // -Detailed: the heading and the description only.
        let detailed = Self.lines(document, .detailed, width)
        #expect(
            Self.block(detailed, from: "    " + heading) { $0.hasPrefix("    -") }
                == [
                    "    " + heading, "        Forces the command to run without asking for user confirmation.",
                    "        ",
                ])
        // SYNTAX, its wrapped lines joined again (each wrapped line keeps its trailing space).
        let syntax = Self.block(full, from: "SYNTAX") { $0 == "    " }.dropFirst().map { String($0.dropFirst(4)) }
            .joined()
        #expect(syntax.contains(" \(switchCase.syntax) "), "\(syntax)")
    }

    /// Every help file: a parameter typed `System.Management.Automation.SwitchParameter` shows
    /// `-Name <System.Management.Automation.SwitchParameter>`, keeps `[-Name]` in the syntax and
    /// `False` as its default; `[<SwitchParameter>]` appears only for the shorthand spellings.
    @Test("every help file's switches, at 80 and 120 columns", arguments: widths)
    func everyHelpFileSwitches(_ width: Int) throws {
        for (name, markdown) in try Self.helpFiles() {
            let document = try Self.parse(markdown)
            let full = Self.lines(document, .full, width)
            let detailed = Self.lines(document, .detailed, width)
            let syntax = Self.block(full, from: "SYNTAX") { $0 == "    " }.dropFirst().map { String($0.dropFirst(4)) }
                .joined()
            for parameter in document.parameters where parameter.type == "System.Management.Automation.SwitchParameter"
            {
                let heading = "-\(parameter.name) <System.Management.Automation.SwitchParameter>"
                #expect(full.contains("    " + heading), "\(name) -\(parameter.name)")
                #expect(detailed.contains("    " + heading), "\(name) -\(parameter.name)")
                #expect(Self.lines(document, .parameter(parameter.name), width).dropFirst().first == heading, "\(name)")
                // MamlParameterControl: a switch mandatory in its set (Get-AzCognitiveServicesAccount's
                // -InRemovedState) is `-Name` without brackets; any other is `[-Name]`.
                let switchSyntax = parameter.isRequired ? " -\(parameter.name) " : " [-\(parameter.name)] "
                #expect(syntax.contains(switchSyntax), "\(name) -\(parameter.name)")
                let defaultRow = Self.block(full, from: "    " + heading) { $0.hasPrefix("    -") }.first {
                    $0.hasPrefix("        Default value ")
                }
                let expectedDefault =
                    (parameter.defaultValue ?? "None") == "None" ? "False" : (parameter.defaultValue ?? "")
                #expect(
                    defaultRow == "        Default value                \(expectedDefault)",
                    "\(name) -\(parameter.name)")
            }
            let shorthand = document.parameters.contains {
                ["switch", "switchparameter"].contains($0.type?.lowercased())
            }
            #expect(shorthand || !(full + detailed).contains { $0.contains("[<SwitchParameter>]") }, "\(name)")
        }
    }

    // MARK: - 2. The NOTES block of -Full

    struct NotesCase: Sendable, CustomTestStringConvertible {
        let name: String
        /// MAML paragraphs, `\n`-separated.
        let notes: String
        let at80: [String]
        let at120: [String]
        var testDescription: String { name }
    }

    /// PowerShell 7.0–7.6.x `ViewsOf_MamlCommandHelpInfo_FullView`: `control15` writes NOTES;
    /// `control16` opens a 4-column frame, binds the alertSet's `title` (platyPS writes none) and
    /// two newlines (two indent-4 lines), binds each `alert` paragraph in a second 4-column frame
    /// (`MamlAlertControl`: Text, newline; `MamlNode.GetParaPSObject` appends a line break to
    /// every non-empty paragraph but the last), then one more newline (indent 4).
    static let notesCases = [
        NotesCase(
            name: "empty NOTES: platyPS writes one empty <maml:para>", notes: "",
            at80: ["NOTES", "    ", "    ", "        ", "    "], at120: ["NOTES", "    ", "    ", "        ", "    "]),
        NotesCase(
            name: "one paragraph", notes: "Use Key2 while Key1 is regenerated.",
            at80: ["NOTES", "    ", "    ", "        Use Key2 while Key1 is regenerated.", "    "],
            at120: ["NOTES", "    ", "    ", "        Use Key2 while Key1 is regenerated.", "    "]),
        NotesCase(
            name: "two paragraphs: the first gets a line break appended", notes: "First note.\nSecond note.",
            at80: ["NOTES", "    ", "    ", "        First note.", "        ", "        Second note.", "    "],
            at120: ["NOTES", "    ", "    ", "        First note.", "        ", "        Second note.", "    "]),
        NotesCase(
            name: "a long paragraph wraps at width - 1 - 8",
            notes:
                "Regenerating a key breaks every client that still uses it, so move the clients to the other key first.",
            at80: [
                "NOTES", "    ", "    ",
                "        Regenerating a key breaks every client that still uses it, so move the ",
                "        clients to the other key first.", "    ",
            ],
            at120: [
                "NOTES", "    ", "    ",
                "        Regenerating a key breaks every client that still uses it, so move the clients to the other key first.",
                "    ",
            ]),
    ]

    static func notesBlock(_ lines: [String]) -> [String] {
        block(lines, from: "NOTES") { $0.contains("-------------------------- Example") || $0 == "RELATED LINKS" }
    }

    @Test("NOTES in -Full has PowerShell 7.6's four-line layout", arguments: notesCases, widths)
    func notesLayout(_ notesCase: NotesCase, width: Int) throws {
        var document = try HelpTestSupport.document()
        document.notes = notesCase.notes
        #expect(Self.notesBlock(Self.lines(document, .full, width)) == (width == 80 ? notesCase.at80 : notesCase.at120))
    }

    /// Every help file: NOTES, two indent-4 lines, the notes at indent 8 (one indent-8 line when
    /// the section is empty), one indent-4 line.
    @Test("every help file's NOTES block, at 80 and 120 columns", arguments: widths)
    func everyHelpFileNotes(_ width: Int) throws {
        for (name, markdown) in try Self.helpFiles() {
            let document = try Self.parse(markdown)
            let notes = Self.notesBlock(Self.lines(document, .full, width))
            #expect(notes.prefix(3) == ["NOTES", "    ", "    "], "\(name)")
            #expect(notes.last == "    ", "\(name)")
            let alert = notes.dropFirst(3).dropLast()
            #expect(!alert.isEmpty && alert.allSatisfy { $0.hasPrefix("        ") }, "\(name)")
            if document.notes.isEmpty { #expect(Array(alert) == ["        "], "\(name)") }
        }
    }

    // MARK: - 3. After each example

    struct ExampleCase: Sendable, CustomTestStringConvertible {
        let name: String
        let view: HelpView
        let remarks: String
        /// The lines after the example's last code line, up to the next section or the end.
        let tail: [String]
        var testDescription: String { "\(name), \(view)" }
    }

    /// `MamlExampleControl`: code, newline, `results` (none), newline (one indent-4 line), then
    /// each remarks paragraph. platyPS writes remarks `""` as one empty paragraph; Az's
    /// `Edit-AzMamlHelp` adds two `<maml:para></maml:para>` before `</dev:remarks>`: two more
    /// indent-4 lines. Then -Examples ends (the final flush outside every frame, Out-Default's
    /// empty line), -Detailed goes on to REMARKS, and -Full writes one more newline in its
    /// examples frame before RELATED LINKS.
    static let exampleCases = [
        ExampleCase(name: "no remarks", view: .examples, remarks: "", tail: ["    ", "    ", "    ", "    ", "", ""]),
        ExampleCase(
            name: "one remark", view: .examples, remarks: "This command regenerates Key1 of the account myluis.",
            tail: ["    ", "    This command regenerates Key1 of the account myluis.", "    ", "    ", "", ""]),
        ExampleCase(
            name: "no remarks", view: .detailed, remarks: "", tail: ["    ", "    ", "    ", "    ", "REMARKS"]),
        ExampleCase(
            name: "one remark", view: .detailed, remarks: "This command regenerates Key1 of the account myluis.",
            tail: ["    ", "    This command regenerates Key1 of the account myluis.", "    ", "    ", "REMARKS"]),
        ExampleCase(
            name: "no remarks", view: .full, remarks: "",
            tail: ["    ", "    ", "    ", "    ", "    ", "RELATED LINKS"]),
        ExampleCase(
            name: "one remark", view: .full, remarks: "This command regenerates Key1 of the account myluis.",
            tail: [
                "    ", "    This command regenerates Key1 of the account myluis.", "    ", "    ", "    ",
                "RELATED LINKS",
            ]),
    ]

    static let lastCodeLine = "    xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"

    @Test("two more indent-4 lines after each example (Edit-AzMamlHelp)", arguments: exampleCases, widths)
    func exampleTail(_ exampleCase: ExampleCase, width: Int) throws {
        var document = try HelpTestSupport.document()
        document.examples[0].remarks = exampleCase.remarks
        let lines = Self.lines(document, exampleCase.view, width)
        let code = try #require(lines.firstIndex(of: Self.lastCodeLine))
        #expect(Array(lines[(code + 1)...].prefix(exampleCase.tail.count)) == exampleCase.tail)
    }

    /// Between two examples: the first one's remarks and Az's two empty paragraphs come right
    /// before the second title.
    @Test("two examples: Az's empty paragraphs before the next title", arguments: widths)
    func twoExamples(_ width: Int) throws {
        var document = try HelpTestSupport.document()
        document.examples.append(
            HelpDocument.Example(title: "Example 2", code: ["PS C:\\> Get-Date"], remarks: "Second."))
        let lines = Self.lines(document, .examples, width)
        let code = try #require(lines.firstIndex(of: Self.lastCodeLine))
        #expect(
            Array(lines[(code + 1)...]) == [
                "    ", "    ", "    ", "    ",
                "    -------------------------- Example 2 --------------------------",
                "    ", "    PS C:\\> Get-Date", "    ", "    Second.", "    ", "    ", "", "",
            ])
    }

    /// Every help file, every example: in -Examples the two lines before the next title (or before
    /// the closing empty lines) are indent-4 lines, after the example's remarks.
    @Test("every help file's examples, at 80 and 120 columns", arguments: widths)
    func everyHelpFileExamples(_ width: Int) throws {
        for (name, markdown) in try Self.helpFiles() {
            let document = try Self.parse(markdown)
            #expect(!document.examples.isEmpty, "\(name)")
            let lines = Self.lines(document, .examples, width)
            let titleLines = Set(document.examples.map { "    " + HelpRenderer.padExampleTitle($0.title) })
            let titles = lines.indices.filter { titleLines.contains(lines[$0]) }
            #expect(titles.count == document.examples.count, "\(name)")
            let ends = titles.dropFirst() + [lines.count - 2]
            for (example, end) in zip(document.examples, ends) {
                #expect(lines[(end - 2)..<end] == ["    ", "    "], "\(name) \(example.title)")
                if let remark = example.remarks.split(separator: "\n").last {
                    // The remarks' last paragraph (wrapped or not) ends right before them.
                    #expect(remark.hasSuffix(lines[end - 3].trimmingWhitespace()), "\(name) \(example.title)")
                } else {
                    #expect(lines[end - 4..<end - 2] == ["    ", "    "], "\(name) \(example.title)")
                }
            }
        }
    }
}

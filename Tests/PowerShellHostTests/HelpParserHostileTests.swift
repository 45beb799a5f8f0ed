import Testing

@testable import PowerShellHost

/// Every diagnostic the help parser can give, each from a small broken file, and each broken
/// file then rendered in every view at several widths: a diagnostic, never a crash (the cases
/// `HelpParserTests.brokenCopies` covers are not repeated here). The fuzz target
/// `Scripts/fuzz.sh help` explores the rest.
@Suite struct HelpParserHostileTests {
    struct Broken: CustomTestStringConvertible, Sendable {
        let name: String
        let markdown: String
        let line: Int
        let message: String
        var severity = HelpDiagnostic.Severity.error
        var testDescription: String { name }
    }

    static let sections =
        "## SYNOPSIS\nS\n## SYNTAX\n## DESCRIPTION\nD\n## EXAMPLES\n## PARAMETERS\n## INPUTS\n## OUTPUTS\n## NOTES\n## RELATED LINKS\n"

    static let cases: [Broken] = [
        Broken(
            name: "front matter line without colon", markdown: "---\nschema 2.0.0\n---\n# X\n" + sections, line: 2,
            message: "Invalid yaml: expected simple key-value pairs"),
        Broken(
            name: "text before the command name", markdown: "Some text\n# X\n" + sections, line: 1,
            message: "Expect Heading level 1 with the command name (# Command-Name)"),
        Broken(
            name: "empty command name", markdown: "# \n" + sections, line: 1,
            message: "No command name: the file has no # Command-Name heading"),
        Broken(
            name: "text after the command name", markdown: "# X\nstray text\n" + sections, line: 2,
            message: "Expect Heading"),
        Broken(
            name: "level 3 heading where a section belongs", markdown: "# X\n### Deep\n" + sections, line: 2,
            message: "Expect Heading level 2"),
        Broken(
            name: "duplicate section", markdown: "# X\n" + sections + "## NOTES\nagain\n", line: 13,
            message: "Duplicate section ## NOTES", severity: .warning),
        Broken(
            name: "level 4 heading inside an example",
            markdown: "# X\n## EXAMPLES\n### Example 1\n#### Sub\n"
                + sections.replacingOccurrences(of: "## EXAMPLES\n", with: ""),
            line: 4, message: "Expect Heading level 3, got level 4 (Sub) in example Example 1"),
        Broken(
            name: "parameter heading without a dash",
            markdown: "# X\n## PARAMETERS\n### Path\nP.\n```yaml\nType: String\n```\n", line: 3,
            message: "Parameter heading should start with a dash: ### -Path", severity: .warning),
        Broken(
            name: "parameter documented twice",
            markdown:
                "# X\n## PARAMETERS\n### -Path\nP.\n```yaml\nType: String\n```\n### -Path\nP.\n```yaml\nType: String\n```\n",
            line: 8,
            message: "Parameter -Path is documented twice"),
        Broken(
            name: "parameter without Type", markdown: "# X\n## PARAMETERS\n### -Path\nP.\n```yaml\nPosition: 0\n```\n",
            line: 5,
            message: "Parameter -Path has no Type", severity: .warning),
        Broken(
            name: "position overflowing Int",
            markdown:
                "# X\n## PARAMETERS\n### -Path\nP.\n```yaml\nType: String\nPosition: 99999999999999999999999\n```\n",
            line: 7,
            message: "Invalid Position value '99999999999999999999999' for -Path: expected Named or a 0-based integer"),
    ]

    @Test(arguments: cases)
    func brokenFileGivesItsDiagnostic(_ broken: Broken) {
        let (document, diagnostics) = HelpMarkdownParser.parse(broken.markdown)
        #expect(
            diagnostics.contains(HelpDiagnostic(line: broken.line, message: broken.message, severity: broken.severity)),
            "\(diagnostics)")
        // A broken file with a command name still yields a document to show (the parser reports
        // and goes on); without one there is nothing to render.
        if broken.message.hasPrefix("No command name") {
            #expect(document == nil)
        } else if let document {
            Self.renderEverything(document)
        } else {
            Issue.record("no document for \(broken.name)")
        }
    }

    /// Every view at a normal, a one-column and an odd width, and the man page, each checked for
    /// what every render must be: the main views open with Out-Default's empty line and `NAME`; `-Parameter` shows exactly one `-Name <Type>` block per
    /// matching parameter; `-Online` is the first link's URI or nothing; at 80 columns no line is
    /// longer than 79; the man page has its `.TH` line.
    static func renderEverything(_ document: HelpDocument, sourceLocation: SourceLocation = #_sourceLocation) {
        let patterns = ["*", "[", "P*"]
        for width in [80, 1, 7] {
            for view in [HelpView.standard, .detailed, .full, .examples] {
                let text = HelpRenderer.render(document, view: view, width: width)
                #expect(text.hasPrefix("\n"), "\(view) at \(width)", sourceLocation: sourceLocation)
                #expect(text.hasSuffix("\n"), "\(view) at \(width)", sourceLocation: sourceLocation)
                let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
                if width > 4 {
                    // "NAME" fits from 5 columns on (ComplexWriter uses the width minus one).
                    #expect(
                        lines.dropFirst().first == "NAME", "\(view) at \(width): \(text.prefix(80).debugDescription)",
                        sourceLocation: sourceLocation)
                }
                // ComplexWriter breaks at spaces, and inside a word longer than the line: at a normal
                // width no line is longer than the width minus one (at 1 and 7 columns the
                // indentation alone is wider).
                for line in lines where width == 80 {
                    #expect(
                        line.count <= width - 1,
                        "\(view) at \(width): overlong line \(line.prefix(100).debugDescription)",
                        sourceLocation: sourceLocation)
                }
            }
            for pattern in patterns {
                let text = HelpRenderer.render(document, view: .parameter(pattern), width: width)
                let matching = HelpRenderer.matchingParameters(document, pattern: pattern)
                if matching.isEmpty {
                    #expect(text == "", "-Parameter \(pattern) at \(width)", sourceLocation: sourceLocation)
                } else {
                    #expect(
                        text.hasPrefix("\n-"), "-Parameter \(pattern) at \(width): \(text.prefix(80).debugDescription)",
                        sourceLocation: sourceLocation)
                    let blocks = text.split(separator: "\n").filter { $0.hasPrefix("-") && !$0.hasPrefix("--") }.count
                    #expect(
                        blocks >= matching.count, "-Parameter \(pattern) at \(width): \(blocks) blocks",
                        sourceLocation: sourceLocation)
                }
            }
            let online = HelpRenderer.render(document, view: .online, width: width)
            #expect(
                online == (HelpRenderer.onlineURI(of: document).map { $0 + "\n" } ?? ""), sourceLocation: sourceLocation
            )
        }
        #expect(ManPageGenerator.render(document).contains("\n.TH \""), sourceLocation: sourceLocation)
    }

    @Test(
        "degenerate files render in every view without a crash",
        arguments: [
            "# X", "# X\n## PARAMETERS\n### -\n```yaml\n```\n", "# X\n## EXAMPLES\n### \n```\n",
            "# X\n## SYNTAX\n### \n```\n```\n",
            "# X\n## RELATED LINKS\n[]()\n[a](\n", "# \u{1B}[2J\n## SYNOPSIS\n\u{0}\u{7}\n",
            "# X\n" + String(repeating: "## NOTES\n", count: 2000),
            "# X\n## DESCRIPTION\n" + String(repeating: "*", count: 10_000),
            "# X\n## DESCRIPTION\n" + String(repeating: "[", count: 10_000),
            "# X\n## PARAMETERS\n"
                + (0..<500).map { "### -P\($0)\n```yaml\nType: String\nPosition: \($0)\n```\n" }.joined(),
        ])
    func degenerateFilesRender(_ markdown: String) throws {
        let (document, _) = HelpMarkdownParser.parse(markdown)
        Self.renderEverything(try #require(document))
    }
}

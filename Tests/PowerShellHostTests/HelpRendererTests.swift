import Foundation
import Testing

@testable import PowerShellHost

/// Get-Help views of the shipped help file. Two views are written out by hand, line by line,
/// from PowerShell's own rules rather than from the renderer: the default view (reference §11.3
/// at 80 columns) and the `-Examples` view at 80 columns. Beside each line is the rule it
/// follows: the custom controls of `Help_format_ps1xml.cs` (DefaultCommandHelp,
/// ExampleCommandHelp, MamlDetailsControl, MamlExampleControl, …) and `ComplexWriter.cs`:
/// - text accumulates in a buffer; each newline directive flushes it as lines, word-wrapped to
///   the console width minus one (79 at 80 columns, ConsoleLineOutput keeps the last column
///   free) minus the frame indents, each padded with the sum of the active frame indents;
/// - flushing an empty buffer gives one line of just the indent ("    " inside a 4-frame);
/// - `WriteObject` ends with one more flush, outside every frame;
/// - GenerateLinesWithWordWrap: a word keeps its trailing space on a wrapped line; a word
///   longer than the line is cut;
/// - Out-Default writes an empty line before and after the object.
/// The other views are snapshots under `Snapshots/`, re-recorded with
/// `AZSHIM_RECORD_SNAPSHOTS=1 swift test --filter Help`: they pin the renderer's output, and
/// `noLineIsWiderThanTheConsoleMinusOne` and the section-order tests check them against the rules.
@Suite struct HelpRendererTests {
    /// §11.3 byte for byte, with the help file's own online URL (DefaultCommandHelp).
    static let defaultViewAt80 =
        [
            "",  // Out-Default: the empty line before the object
            "NAME",  // MamlDetailsControl: AddText(Name), AddNewline
            "    New-AzCognitiveServicesAccountKey",  // Frame(4): Name, AddNewline
            "    ",  // Frame(4): AddNewline on an empty buffer: the indent alone
            "SYNOPSIS",  // AddText(Synopsis), AddNewline
            "    Regenerates an account key.",  // Frame(4): MamlShortDescriptionControl, one para: Text, AddNewline
            "    ",  // Frame(4): AddNewline (empty)
            "    ",  // Frame(4): AddNewline (empty)
            "SYNTAX",  // MamlIndentedSyntaxControl: AddText(Syntax), AddNewline
            // Frame(4), control5: name, " ", each MamlParameterControl item, "[<CommonParameters>]",
            // wrapped at 75 (79 - 4); "[-Name] " would end at 78, so it starts the next line;
            // the type name longer than the rest of the line is cut where the line ends.
            "    New-AzCognitiveServicesAccountKey [-ResourceGroupName] <System.String> ",
            "    [-Name] <System.String> [-KeyName] {Key1 | Key2} [-DefaultProfile <Microsof",
            "    t.Azure.Commands.Common.Authentication.Abstractions.Core.IAzureContextConta",
            "    iner>] [-Force] [-Confirm] [-WhatIf] [<CommonParameters>]",
            "    ",  // control5: AddNewline(2), the second on an empty buffer
            "    ",  // MamlIndentedSyntaxControl: Frame(4) AddNewline after the syntax (empty)
            "DESCRIPTION",  // MamlIndentedDescriptionControl: AddText(DetailedDescription), AddNewline
            "    The New-AzCognitiveServicesAccountKey cmdlet regenerates an API key for a ",  // para, wrapped at 75
            "    Cognitive Services account.",
            "    ",  // Frame(4): AddNewline (empty)
            "",  // AddNewline after EndFrame: no frame, so no indent
            "RELATED LINKS",  // AddText(RelatedLinks), AddNewline
            // Frame(4), control6 per link: linkText, ' ' (linkText not empty), uri, AddNewline; the
            // URL is one word longer than the 75 columns left after "Online Version: ", so it is cut.
            "    Online Version: https://docs.microsoft.com/powershell/module/az.cognitivese",
            "    rvices/new-azcognitiveservicesaccountkey",
            "    Get-AzCognitiveServicesAccountKey ",  // a link without URI: linkText + ' ' + "" (trailing space)
            "",  // AddNewline after EndFrame (no indent)
            "REMARKS",  // AddText(RemarksSection), AddNewline
            // Frame(4): ExampleHelpInfo + "\"" + "Get-Help <name> -Examples" + "\"", AddNewline, at 75:
            // "-Examples\"" would end at 81.
            "    To see the examples, type: \"Get-Help New-AzCognitiveServicesAccountKey ",
            "    -Examples\"",
            // VerboseHelpInfo, the same way:
            "    For more information, type: \"Get-Help New-AzCognitiveServicesAccountKey ",
            "    -Detailed\"",
            "    For technical information, type: \"Get-Help ",  // FullHelpInfo: the name would end at 77
            "    New-AzCognitiveServicesAccountKey -Full\"",
            // RelatedLinksHelpInfoControl (a related link exists): its script's text starts with 4
            // spaces and has no newline, so WriteObject's last flush writes it outside every frame:
            // its own spaces are its indent, and it fits the 79 columns exactly.
            "    For online help, type: \"Get-Help New-AzCognitiveServicesAccountKey -Online\"",
            "",  // Out-Default: the empty line after the object
        ].joined(separator: "\n") + "\n"

    /// `-Examples` at 80 columns (ExampleCommandHelp: MamlDetailsControl, then Frame(4) with
    /// ExamplesControl, one MamlExampleControl per example), written out by hand from the help
    /// file's one example and the rules above; not a recording of the renderer.
    static let examplesViewAt80 =
        [
            "",  // Out-Default: the empty line before the object
            "NAME",  // MamlDetailsControl: AddText(Name), AddNewline
            "    New-AzCognitiveServicesAccountKey",  // Frame(4): Name, AddNewline
            "    ",  // Frame(4): AddNewline (empty)
            "SYNOPSIS",  // AddText(Synopsis), AddNewline
            "    Regenerates an account key.",  // Frame(4): the synopsis para, AddNewline
            "    ",  // Frame(4): AddNewline (empty)
            "    ",  // Frame(4): AddNewline (empty)
            // Frame(4), MamlExampleControl: Title (platyPS pads it with dashes to 64 columns, 63 for
            // an odd title), AddNewline.
            "    -------------------------- Example 1 --------------------------",
            "    ",  // AddNewline (empty)
            // Introduction (none), then Code: the fenced block's lines, AddNewline; each line is
            // wrapped at 75: "cognitive-services-resource-group " would end at 95.
            "    PS C:\\> New-AzCognitiveServicesAccountKey -ResourceGroupName ",
            "    cognitive-services-resource-group -name myluis -keyname Key1",
            "    ",  // the code's empty line, in the frame
            "    Key1                             Key2",
            "    ----                             ----",
            "    xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
            "    ",  // results (none), AddNewline: the indent alone
            "    ",  // remarks: platyPS writes one empty para when the markdown has no remarks
            "    ",  // remarks: Edit-AzMamlHelp adds two empty paras to every example's remarks …
            "    ",  // … (MamlShortDescriptionControl: Text "", AddNewline)
            "",  // WriteObject's last flush, of an empty buffer outside every frame
            "",  // Out-Default: the empty line after the object
        ].joined(separator: "\n") + "\n"

    @Test func examplesViewMatchesTheRulesByteForByte() throws {
        let rendered = HelpRenderer.render(try HelpTestSupport.document(), view: .examples, width: 80)
        #expect(
            rendered == Self.examplesViewAt80,
            "\(HelpTestSupport.firstDifference(rendered, Self.examplesViewAt80) ?? "")")
    }

    @Test func defaultViewMatchesReferenceByteForByte() throws {
        let rendered = HelpRenderer.render(try HelpTestSupport.document(), view: .standard, width: 80)
        #expect(
            rendered == Self.defaultViewAt80, "\(HelpTestSupport.firstDifference(rendered, Self.defaultViewAt80) ?? "")"
        )
        #expect(Array(rendered.utf8) == Array(Self.defaultViewAt80.utf8))
    }

    /// At 300 columns nothing wraps: the §11.3 lines appear exactly as the reference prints them.
    @Test func wideDefaultViewHasUnwrappedReferenceLines() throws {
        let rendered = HelpRenderer.render(try HelpTestSupport.document(), view: .standard, width: 300)
        let lines = rendered.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(
            lines.contains(
                "    New-AzCognitiveServicesAccountKey [-ResourceGroupName] <System.String> [-Name] <System.String> [-KeyName] {Key1 | Key2} [-DefaultProfile <Microsoft.Azure.Commands.Common.Authentication.Abstractions.Core.IAzureContextContainer>] [-Force] [-Confirm] [-WhatIf] [<CommonParameters>]"
            ))
        #expect(
            lines.contains("    To see the examples, type: \"Get-Help New-AzCognitiveServicesAccountKey -Examples\""))
        #expect(lines.contains("    Get-AzCognitiveServicesAccountKey "))
    }

    struct SnapshotCase: Sendable, CustomTestStringConvertible {
        let view: HelpView
        let width: Int
        var fileName: String {
            let name: String
            switch view {
            case .standard: name = "standard"
            case .detailed: name = "detailed"
            case .full: name = "full"
            case .examples: name = "examples"
            case .online: name = "online"
            case .parameter(let pattern): name = "parameter-" + pattern.replacing("*", with: "star")
            }
            return "\(name)-\(width).txt"
        }
        var testDescription: String { fileName }
    }

    static let snapshotCases: [SnapshotCase] = [80, 120].flatMap { width in
        [HelpView.standard, .detailed, .full, .examples, .parameter("KeyName"), .parameter("*Name"), .online]
            .map { SnapshotCase(view: $0, width: width) }
    }

    @Test(arguments: snapshotCases)
    func viewMatchesSnapshot(_ snapshot: SnapshotCase) throws {
        let rendered = HelpRenderer.render(try HelpTestSupport.document(), view: snapshot.view, width: snapshot.width)
        let file = HelpTestSupport.snapshotsDirectory.appendingPathComponent(snapshot.fileName)
        if ProcessInfo.processInfo.environment["AZSHIM_RECORD_SNAPSHOTS"] == "1" {
            try FileManager.default.createDirectory(
                at: HelpTestSupport.snapshotsDirectory, withIntermediateDirectories: true)
            try rendered.write(to: file, atomically: true, encoding: .utf8)
            return
        }
        let expected = try String(contentsOf: file, encoding: .utf8)
        #expect(rendered == expected, "\(HelpTestSupport.firstDifference(rendered, expected) ?? "")")
    }

    @Test(arguments: [80, 120])
    func noLineIsWiderThanTheConsoleMinusOne(_ width: Int) throws {
        let document = try HelpTestSupport.document()
        for view in [HelpView.standard, .detailed, .full, .examples, .parameter("*")] {
            for line in HelpRenderer.render(document, view: view, width: width).split(separator: "\n") {
                #expect(line.count <= width - 1, "\(view): \(line)")
            }
        }
    }

    @Test func fullViewSectionOrder() throws {
        let rendered = HelpRenderer.render(try HelpTestSupport.document(), view: .full, width: 120)
        let headers = rendered.split(separator: "\n").filter { $0.first?.isUppercase == true }.map(String.init)
        #expect(
            headers == [
                "NAME", "SYNOPSIS", "SYNTAX", "DESCRIPTION", "PARAMETERS", "INPUTS", "OUTPUTS", "NOTES",
                "RELATED LINKS",
            ])
    }

    @Test func detailedViewSectionOrder() throws {
        let rendered = HelpRenderer.render(try HelpTestSupport.document(), view: .detailed, width: 120)
        let headers = rendered.split(separator: "\n").filter { $0.first?.isUppercase == true }.map(String.init)
        #expect(headers == ["NAME", "SYNOPSIS", "SYNTAX", "DESCRIPTION", "PARAMETERS", "REMARKS"])
    }

    /// platyPS `PadExampleTitle`: `(64 - length - 2) / 2` dashes each side, so an odd title gives 63.
    @Test func exampleTitleIsPaddedWithDashes() {
        #expect(
            HelpRenderer.padExampleTitle("Example 1")
                == "-------------------------- Example 1 --------------------------")
        #expect(HelpRenderer.padExampleTitle("Example 10").count == 64)
    }

    @Test func onlineViewPrintsTheURL() throws {
        let rendered = HelpRenderer.render(try HelpTestSupport.document(), view: .online, width: 80)
        #expect(
            rendered
                == "https://docs.microsoft.com/powershell/module/az.cognitiveservices/new-azcognitiveservicesaccountkey\n"
        )
    }

    @Test func parameterWildcards() throws {
        let document = try HelpTestSupport.document()
        #expect(
            HelpRenderer.matchingParameters(document, pattern: "*Name").map(\.name) == [
                "KeyName", "Name", "ResourceGroupName",
            ])
        #expect(HelpRenderer.matchingParameters(document, pattern: "k?yname").map(\.name) == ["KeyName"])
        #expect(HelpRenderer.matchingParameters(document, pattern: "[CW]*").map(\.name) == ["Confirm", "WhatIf"])
        #expect(HelpRenderer.render(document, view: .parameter("Nope"), width: 80) == "")
    }

    struct WrapCase: Sendable {
        let text: String
        let width: Int
        let lines: [String]
    }

    /// `GenerateLinesWithWordWrap`: words keep their trailing space; long words are cut.
    @Test(arguments: [
        WrapCase(text: "", width: 10, lines: [""]),
        WrapCase(text: "short", width: 10, lines: ["short"]),
        WrapCase(text: "aaaa bbbb cccc", width: 10, lines: ["aaaa bbbb ", "cccc"]),
        WrapCase(text: "aaaaaaaaaaaaaa b", width: 10, lines: ["aaaaaaaaaa", "aaaa b"]),
        WrapCase(text: "a\nb", width: 10, lines: ["a", "b"]),
        WrapCase(text: "x\n", width: 10, lines: ["x", ""]),
    ])
    func wordWrap(_ wrap: WrapCase) {
        #expect(
            HelpLayoutWriter.generateLines(wrap.text, firstLineWidth: wrap.width, followingLinesWidth: wrap.width)
                == wrap.lines)
    }
}

import Foundation
import Testing

@testable import PowerShellHost

/// Get-Help views of the shipped help file. The default view is written out literally
/// (reference §11.3 at 80 columns, wrapped as ComplexWriter wraps it); the others are snapshots
/// under `Snapshots/`, re-recorded with `AZSHIM_RECORD_SNAPSHOTS=1 swift test --filter Help`.
@Suite struct HelpRendererTests {
    /// §11.3 byte for byte, with the help file's own online URL. Notes on the bytes:
    /// - an empty line before and after the object (Out-Default);
    /// - "blank" lines inside a section are the 4-space indent (an empty ComplexWriter flush);
    /// - 80 columns leave 79 for text (ConsoleLineOutput keeps the last column free), 75 inside
    ///   the 4-space frame; a wrapped line keeps the space after its last word;
    /// - words longer than the line (the IAzureContextContainer type, the URL) are cut;
    /// - the related link without URI ends with a space (`linkText + ' ' + uri`);
    /// - the online line is flushed outside every frame, so its own 4 spaces are its indent.
    static let defaultViewAt80 = [
        "",
        "NAME",
        "    New-AzCognitiveServicesAccountKey",
        "    ",
        "SYNOPSIS",
        "    Regenerates an account key.",
        "    ",
        "    ",
        "SYNTAX",
        "    New-AzCognitiveServicesAccountKey [-ResourceGroupName] <System.String> ",
        "    [-Name] <System.String> [-KeyName] {Key1 | Key2} [-DefaultProfile <Microsof",
        "    t.Azure.Commands.Common.Authentication.Abstractions.Core.IAzureContextConta",
        "    iner>] [-Force] [-Confirm] [-WhatIf] [<CommonParameters>]",
        "    ",
        "    ",
        "DESCRIPTION",
        "    The New-AzCognitiveServicesAccountKey cmdlet regenerates an API key for a ",
        "    Cognitive Services account.",
        "    ",
        "",
        "RELATED LINKS",
        "    Online Version: https://docs.microsoft.com/powershell/module/az.cognitivese",
        "    rvices/new-azcognitiveservicesaccountkey",
        "    Get-AzCognitiveServicesAccountKey ",
        "",
        "REMARKS",
        "    To see the examples, type: \"Get-Help New-AzCognitiveServicesAccountKey ",
        "    -Examples\"",
        "    For more information, type: \"Get-Help New-AzCognitiveServicesAccountKey ",
        "    -Detailed\"",
        "    For technical information, type: \"Get-Help ",
        "    New-AzCognitiveServicesAccountKey -Full\"",
        "    For online help, type: \"Get-Help New-AzCognitiveServicesAccountKey -Online\"",
        "",
    ].joined(separator: "\n") + "\n"

    @Test func defaultViewMatchesReferenceByteForByte() throws {
        let rendered = HelpRenderer.render(try HelpTestSupport.document(), view: .standard, width: 80)
        #expect(rendered == Self.defaultViewAt80, "\(HelpTestSupport.firstDifference(rendered, Self.defaultViewAt80) ?? "")")
        #expect(Array(rendered.utf8) == Array(Self.defaultViewAt80.utf8))
    }

    /// At 300 columns nothing wraps: the §11.3 lines appear exactly as the reference prints them.
    @Test func wideDefaultViewHasUnwrappedReferenceLines() throws {
        let rendered = HelpRenderer.render(try HelpTestSupport.document(), view: .standard, width: 300)
        let lines = rendered.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.contains(
            "    New-AzCognitiveServicesAccountKey [-ResourceGroupName] <System.String> [-Name] <System.String> [-KeyName] {Key1 | Key2} [-DefaultProfile <Microsoft.Azure.Commands.Common.Authentication.Abstractions.Core.IAzureContextContainer>] [-Force] [-Confirm] [-WhatIf] [<CommonParameters>]"))
        #expect(lines.contains("    To see the examples, type: \"Get-Help New-AzCognitiveServicesAccountKey -Examples\""))
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
            try FileManager.default.createDirectory(at: HelpTestSupport.snapshotsDirectory, withIntermediateDirectories: true)
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
        #expect(headers == ["NAME", "SYNOPSIS", "SYNTAX", "DESCRIPTION", "PARAMETERS", "INPUTS", "OUTPUTS", "NOTES", "RELATED LINKS"])
    }

    @Test func detailedViewSectionOrder() throws {
        let rendered = HelpRenderer.render(try HelpTestSupport.document(), view: .detailed, width: 120)
        let headers = rendered.split(separator: "\n").filter { $0.first?.isUppercase == true }.map(String.init)
        #expect(headers == ["NAME", "SYNOPSIS", "SYNTAX", "DESCRIPTION", "PARAMETERS", "REMARKS"])
    }

    /// platyPS `PadExampleTitle`: `(64 - length - 2) / 2` dashes each side, so an odd title gives 63.
    @Test func exampleTitleIsPaddedWithDashes() {
        #expect(HelpRenderer.padExampleTitle("Example 1") == "-------------------------- Example 1 --------------------------")
        #expect(HelpRenderer.padExampleTitle("Example 10").count == 64)
    }

    @Test func onlineViewPrintsTheURL() throws {
        let rendered = HelpRenderer.render(try HelpTestSupport.document(), view: .online, width: 80)
        #expect(rendered == "https://docs.microsoft.com/powershell/module/az.cognitiveservices/new-azcognitiveservicesaccountkey\n")
    }

    @Test func parameterWildcards() throws {
        let document = try HelpTestSupport.document()
        #expect(HelpRenderer.matchingParameters(document, pattern: "*Name").map(\.name) == ["KeyName", "Name", "ResourceGroupName"])
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
        #expect(HelpLayoutWriter.generateLines(wrap.text, firstLineWidth: wrap.width, followingLinesWidth: wrap.width) == wrap.lines)
    }
}

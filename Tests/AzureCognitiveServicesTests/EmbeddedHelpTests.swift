import Foundation
import TestSupport
import Testing

@testable import AzureCognitiveServices
@testable import PowerShellHost

/// The help embedded in the binary, the help files it is generated from, and the cmdlet's
/// metadata must all agree.
@Suite struct EmbeddedHelpTests {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static let metadata = NewAzCognitiveServicesAccountKey.metadata

    static func helpFiles() throws -> [String: String] {
        let folder = packageRoot.appendingPathComponent("help")
        var files: [String: String] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) where name.hasSuffix(".md") {
            files[String(name.dropLast(3))] = try String(
                contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
        }
        return files
    }

    @Test func embeddedTextEqualsHelpFiles() throws {
        let files = try Self.helpFiles()
        #expect(!files.isEmpty)
        #expect(Set(EmbeddedHelp.markdown.keys) == Set(files.keys), "run Scripts/generate-embedded-help.sh")
        for (name, text) in files {
            #expect(
                EmbeddedHelp.markdown[name] == text, "help/\(name).md changed: run Scripts/generate-embedded-help.sh")
        }
    }

    @Test func generatorReproducesTheCheckedInFile() throws {
        let run = try ChildProcess.run(
            "/bin/bash", [Self.packageRoot.appendingPathComponent("Scripts/generate-embedded-help.sh").path, "-"])
        let checkedIn = try String(
            contentsOf: Self.packageRoot.appendingPathComponent(
                "Sources/AzureCognitiveServices/Help/EmbeddedHelp.swift"), encoding: .utf8)
        #expect(run.status == 0, "\(run.stderrText)")
        #expect(run.stdoutText == checkedIn, "run Scripts/generate-embedded-help.sh")
    }

    @Test("every cmdlet has a help file that parses cleanly", arguments: AzureCmdlets.all.map(\.metadata.name))
    func embeddedHelpParsesCleanly(_ name: String) throws {
        let markdown = try #require(EmbeddedHelp.markdown[name])
        let (document, diagnostics) = HelpMarkdownParser.parse(markdown)
        #expect(document?.name == name)
        #expect(diagnostics == [])
    }

    @Test("every cmdlet's metadata agrees with its help file", arguments: AzureCmdlets.all.map(\.metadata.name))
    func metadataAgreesWithHelpFile(_ name: String) throws {
        let definition = try #require(AzureCmdlets.named(name))
        let markdown = try #require(definition.helpMarkdown)
        let document = try #require(HelpMarkdownParser.parse(markdown).document)
        #expect(HelpMetadataCheck.differences(metadata: definition.metadata, document: document) == [])
    }

    struct Tampering: Sendable, CustomTestStringConvertible {
        let original: String
        let replacement: String
        let difference: String
        var testDescription: String { difference }
    }

    @Test(arguments: [
        Tampering(
            original: "Position: 2", replacement: "Position: 3",
            difference: "-KeyName: help says Position 3, metadata says 2"),
        Tampering(
            original: "Required: True\nPosition: 1", replacement: "Required: False\nPosition: 1",
            difference: "-Name: help says Required False, metadata says True"),
        Tampering(
            original: "Aliases: CognitiveServicesAccountName, AccountName", replacement: "Aliases: AccountName",
            difference: "-Name: help says Aliases AccountName, metadata says CognitiveServicesAccountName, AccountName"),
        Tampering(
            original: "Accepted values: Key1, Key2", replacement: "Accepted values: Key1, Key2, Key3",
            difference: "-KeyName: help says Accepted values Key1, Key2, Key3, metadata says Key1, Key2"),
        Tampering(
            original: "Type: System.String\nParameter Sets: (All)\nAliases:\n",
            replacement: "Type: System.Object\nParameter Sets: (All)\nAliases:\n",
            difference: "-ResourceGroupName: help says Type System.Object, metadata says System.String"),
        Tampering(
            original: "Accept pipeline input: True (ByPropertyName)", replacement: "Accept pipeline input: False",
            difference: "-KeyName: help says Accept pipeline input False, metadata says True (ByPropertyName)"),
        Tampering(
            original: "### -Force\n", replacement: "### -Forced\n",
            difference: "-Force: declared, but the help file has no ### -Force block"),
        Tampering(
            original: "Aliases: wi", replacement: "Aliases:",
            difference: "-WhatIf: help says Aliases , metadata says wi"),
        Tampering(
            original: "### CommonParameters", replacement: "### -Verbosity\n```yaml\nType: System.String\n```\n",
            difference: "-Verbosity: documented in the help file, but the command does not declare it"),
    ])
    func tamperedHelpFileFailsTheCheck(_ tampering: Tampering) throws {
        let markdown = try #require(EmbeddedHelp.markdown["New-AzCognitiveServicesAccountKey"])
        let range = try #require(markdown.firstRange(of: tampering.original))
        var tampered = markdown
        tampered.replaceSubrange(range, with: tampering.replacement)
        let document = try #require(HelpMarkdownParser.parse(tampered).document)
        #expect(
            HelpMetadataCheck.differences(metadata: Self.metadata, document: document).contains(tampering.difference))
    }

    @Test func manPageHasTheSections() throws {
        let markdown = try #require(EmbeddedHelp.markdown["New-AzCognitiveServicesAccountKey"])
        let page = ManPageGenerator.render(try #require(HelpMarkdownParser.parse(markdown).document))
        #expect(page.contains(".TH \"NEW-AZCOGNITIVESERVICESACCOUNTKEY\" 1"))
        for section in ["NAME", "SYNOPSIS", "DESCRIPTION", "PARAMETERS", "EXAMPLES", "INPUTS", "OUTPUTS", "SEE ALSO"] {
            #expect(page.contains("\n.SH \(section)\n"), "\(section)")
        }
        #expect(page.contains("New\\-AzCognitiveServicesAccountKey \\- Regenerates an account key."))
        #expect(page.contains("\\fB\\-KeyName\\fR"))
    }
}

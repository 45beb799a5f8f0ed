import AzShimSupport
import Foundation
import PowerShellHost
import Testing

@testable import AzureCognitiveServices

/// Get-AzCognitiveServicesAccount's help: one SYNTAX line per parameter set as Get-Help renders
/// them (platyPS `GatherSyntax`/`FillUpSyntax`: sets in the order the PARAMETERS section names
/// them, each parameter's own yaml block for that set), and the metadata-vs-help check in every set.
struct GetAccountHelpTests {
    static let name = "Get-AzCognitiveServicesAccount"
    static let profile =
        "[-DefaultProfile <Microsoft.Azure.Commands.Common.Authentication.Abstractions.Core.IAzureContextContainer>]"

    static func document(_ markdown: String? = nil) throws -> HelpDocument {
        let text = try #require(markdown ?? EmbeddedHelp.markdown[name])
        let (document, _) = HelpMarkdownParser.parse(text)
        return try #require(document)
    }

    @Test("one syntax line per set, each parameter as its set declares it")
    func syntaxLines() throws {
        let document = try Self.document()
        #expect(
            document.syntaxItems.map { document.syntaxLine($0) } == [
                "\(Self.name) [-ResourceGroupName] <System.String> [-Name] <System.String> [-Location] <System.String> \(Self.profile) -InRemovedState [<CommonParameters>]",
                "\(Self.name) \(Self.profile) -InRemovedState [<CommonParameters>]",
                "\(Self.name) [-ResourceGroupName] <System.String> [-Name] <System.String> \(Self.profile) [<CommonParameters>]",
                "\(Self.name) [[-ResourceGroupName] <System.String>] \(Self.profile) [<CommonParameters>]",
            ])
        #expect(
            document.syntaxItems.map(\.parameterSetName) == [
                "GetDeletedAccountParameterSet", "ListDeletedAccountParameterSet", "AccountNameParameterSet",
                "ResourceGroupParameterSet",
            ])
    }

    @Test("the shipped help file agrees with the metadata in every set")
    func agrees() throws {
        #expect(
            HelpMetadataCheck.differences(
                metadata: GetAzCognitiveServicesAccount.metadata, document: try Self.document()) == [])
    }

    @Test("a set's yaml block that disagrees with the metadata is reported with the set's name")
    func tamperedSetBlock() throws {
        let original = try #require(EmbeddedHelp.markdown[Self.name])
        let secondBlock =
            "Parameter Sets: AccountNameParameterSet, GetDeletedAccountParameterSet\nAliases:\n\nRequired: True\nPosition: 0"
        #expect(original.contains(secondBlock))
        let tampered = original.replacingOccurrences(
            of: secondBlock,
            with: "Parameter Sets: AccountNameParameterSet\nAliases:\n\nRequired: False\nPosition: 0")
        #expect(
            HelpMetadataCheck.differences(
                metadata: GetAzCognitiveServicesAccount.metadata, document: try Self.document(tampered))
                == [
                    "-ResourceGroupName: help says Parameter Sets ResourceGroupParameterSet, AccountNameParameterSet, metadata says ResourceGroupParameterSet, AccountNameParameterSet, GetDeletedAccountParameterSet",
                    "-ResourceGroupName in AccountNameParameterSet: help says Required False, metadata says True",
                    "-ResourceGroupName in GetDeletedAccountParameterSet: help says Required False, metadata says True",
                ])
    }

    @Test("-? renders the new help file with its four syntax lines")
    func questionMark() throws {
        let stdout = MemorySink()
        let stderr = MemorySink()
        let io = HostIO(
            environment: ["AZURE_ENVIRONMENT": "Emulator"], standardInput: MemoryByteSource([]), standardOutput: stdout,
            standardError: stderr)
        #expect(CommandHost.run(GetAzCognitiveServicesAccount.definition, arguments: ["-?"], io: io) == 0)
        #expect(stdout.text.contains("SYNOPSIS\n    Gets Cognitive Services accounts."))
        #expect(stdout.text.components(separatedBy: "\n    Get-AzCognitiveServicesAccount ").count == 5)
    }
}

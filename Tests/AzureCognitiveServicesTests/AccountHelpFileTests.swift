import Foundation
import PowerShellHost
import Testing

@testable import AzureCognitiveServices

/// help/Get-AzCognitiveServicesAccount.md (az-cognitiveservices-module.md §2.1, §4): it
/// parses without a diagnostic, declares the parameters with their real sets, types and
/// positions, and Get-Help renders it.
struct AccountHelpFileTests {
    static let name = "Get-AzCognitiveServicesAccount"

    static func markdown() throws -> String {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        return try String(contentsOf: root.appendingPathComponent("help/\(name).md"), encoding: .utf8)
    }

    @Test("the help file parses cleanly with the real parameters, sets, types and positions")
    func parses() throws {
        let markdown = try Self.markdown()
        let (document, diagnostics) = HelpMarkdownParser.parse(markdown)
        #expect(diagnostics == [])
        let help = try #require(document)
        #expect(help.name == Self.name)
        #expect(
            help.parameters.map(\.name) == [
                "DefaultProfile", "InRemovedState", "Location", "Name", "ResourceGroupName",
            ])
        let byName = Dictionary(uniqueKeysWithValues: help.parameters.map { ($0.name, $0) })
        #expect(
            byName["ResourceGroupName"]?.parameterSets == [
                "ResourceGroupParameterSet", "AccountNameParameterSet", "GetDeletedAccountParameterSet",
            ])
        #expect(byName["Name"]?.aliases == ["CognitiveServicesAccountName", "AccountName"])
        #expect(byName["Name"]?.parameterSets == ["AccountNameParameterSet", "GetDeletedAccountParameterSet"])
        #expect(byName["Location"]?.parameterSets == ["GetDeletedAccountParameterSet"])
        #expect(byName["InRemovedState"]?.isSwitch == true)
        #expect(
            byName["InRemovedState"]?.parameterSets == [
                "GetDeletedAccountParameterSet", "ListDeletedAccountParameterSet",
            ])
        #expect(help.outputs.map(\.typeName) == [CognitiveServicesAccount.typeName])
    }

    @Test("Get-Help renders every view of it")
    func renders() throws {
        let files = EmbeddedHelp.markdown.merging([Self.name: try Self.markdown()]) { $1 }
        for view in [[], ["-Full"], ["-Examples"], ["-Parameter", "ResourceGroupName"]] {
            let result = HelpCommand.run(arguments: [Self.name] + view, helpFiles: files, width: 80)
            #expect(result.exitStatus == 0)
            #expect(result.stdout.contains(Self.name) || result.stdout.contains("-ResourceGroupName"))
        }
    }
}

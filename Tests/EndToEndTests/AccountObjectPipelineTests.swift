import Foundation
import PowerShellHost
import Testing

@testable import AzureCognitiveServices

/// Rich objects in the pipeline: the JSON lines of PSCognitiveServicesAccount objects (what
/// `Get-AzCognitiveServicesAccount --output json` will write) bind New- and
/// Get-AzCognitiveServicesAccountKey by property name, `AccountName` through -Name's alias,
/// exactly as flat hand-written lines do; and a key read never creates an account.
struct AccountObjectPipelineTests {
    /// The accounts of `resourceGroup` on the harness's emulator as JSON lines, read through the
    /// client as Get-AzCognitiveServicesAccount reads them.
    static func accountLines(_ harness: Harness, resourceGroup: String) throws -> String {
        let emulator = EmulatorBackend(stateFilePath: harness.stateFile, autocreate: false, pageSize: 2)
        let client = CognitiveServicesClient(
            transport: emulator, subscription: AzureSession.emulatorSubscription, apiVersion: "2024-10-01")
        var lines = ""
        try client.listAccounts(.resourceGroup(resourceGroup)) { accounts in
            for account in accounts { lines += account.psObject.compressedJSON + "\n" }
            return .fetchNext
        }
        return lines
    }

    @Test(
        "account objects piped into New-AzCognitiveServicesAccountKey -KeyName Key2 regenerate each Key2",
        arguments: [1, 4])
    func rotation(throttleLimit: Int) throws {
        let harness = Harness()
        defer { harness.remove() }
        let names = ["alpha", "beta", "gamma"]
        for name in names { _ = harness.run(["rg", name, "Key1"]) }
        _ = harness.run(["other", "delta", "Key1"])
        let before = try names.map { try #require(harness.storedKeys(account: $0)) }
        let input = try Self.accountLines(harness, resourceGroup: "rg")
        #expect(input.split(separator: "\n").count == 3)
        #expect(input.hasPrefix(#"{"ResourceGroupName":"rg","AccountName":"alpha","Id":"/subscriptions/"#))
        let result = harness.run(
            ["-KeyName", "Key2", "--output", "json", "--throttle-limit", String(throttleLimit)], stdin: input)
        #expect(result.stderr == "")
        #expect(result.status == 0)
        let after = try names.map { try #require(harness.storedKeys(account: $0)) }
        #expect(result.stdout == after.map { "{\"Key1\":\"\($0.0)\",\"Key2\":\"\($0.1)\"}\n" }.joined())
        for (old, new) in zip(before, after) {
            #expect(old.0 == new.0 && old.1 != new.1)
        }
        #expect(harness.storedKeys(resourceGroup: "other", account: "delta") != nil)
    }

    @Test("account objects piped into Get-AzCognitiveServicesAccountKey list each account's keys")
    func listKeys() throws {
        let harness = Harness()
        defer { harness.remove() }
        for name in ["one", "two"] { _ = harness.run(["rg", name, "Key1"]) }
        let input = try Self.accountLines(harness, resourceGroup: "rg")
        let result = harness.run(
            ["--output", "json"], stdin: input, definition: GetAzCognitiveServicesAccountKey.definition)
        let expected = try ["one", "two"].map { name in
            let keys = try #require(harness.storedKeys(account: name))
            return "{\"Key1\":\"\(keys.0)\",\"Key2\":\"\(keys.1)\"}\n"
        }.joined()
        #expect(result.stdout == expected && result.status == 0)
    }

    @Test("Get-AzCognitiveServicesAccountKey of a misspelt account is ARM's 404 and creates nothing")
    func readCreatesNothing() throws {
        let harness = Harness()
        defer { harness.remove() }
        _ = harness.run(["rg", "myluis", "Key1"])
        let state = FileManager.default.contents(atPath: harness.stateFile)
        let result = harness.run(["rg", "myluiss"], definition: GetAzCognitiveServicesAccountKey.definition)
        #expect(result.status == 1 && result.stdout == "")
        #expect(
            result.stderr
                == "Get-AzCognitiveServicesAccountKey: Operation returned an invalid status code 'NotFound'\n"
                + "The Resource 'Microsoft.CognitiveServices/accounts/myluiss' under resource group 'rg' was not found. "
                + "For more details please go to https://aka.ms/ARMResourceNotFoundFix\n")
        #expect(harness.storedKeys(account: "myluiss") == nil)
        #expect(FileManager.default.contents(atPath: harness.stateFile) == state)
    }
}

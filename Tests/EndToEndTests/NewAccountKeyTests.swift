import AzureCognitiveServices
import Foundation
import PowerShellHost
import Testing

/// In-process end to end: argv + stdin + environment → stdout, stderr, exit status.
struct NewAccountKeyTests {
    static let prefix = "New-AzCognitiveServicesAccountKey: "

    @Test("the help file's example prints PowerShell's table (§10.2)")
    func table() throws {
        let harness = Harness()
        defer { harness.remove() }
        let result = harness.run([
            "-ResourceGroupName", "cognitive-services-resource-group", "-name", "myluis", "-keyname", "Key1",
        ])
        #expect(result.status == 0)
        #expect(result.stderr == "")
        let keys = try #require(
            harness.storedKeys(resourceGroup: "cognitive-services-resource-group", account: "myluis"))
        #expect(
            result.stdout
                == "\nKey1                             Key2\n----                             ----\n\(keys.0) \(keys.1)\n\n"
        )
        #expect(keys.0.count == 32 && keys.0.allSatisfy { "0123456789abcdef".contains($0) })
    }

    @Test("Key1, Key2, Key1: each run changes only the key it names")
    func keySequence() throws {
        let harness = Harness()
        defer { harness.remove() }
        let first = try #require(Harness.tableKeys(harness.run(["rg", "myluis", "Key1"]).stdout))
        let second = try #require(Harness.tableKeys(harness.run(["rg", "myluis", "Key2"]).stdout))
        let third = try #require(Harness.tableKeys(harness.run(["rg", "myluis", "Key1"]).stdout))
        #expect(second.0 == first.0 && second.1 != first.1)
        #expect(third.0 != second.0 && third.1 == second.1)
        let stored = try #require(harness.storedKeys(account: "myluis"))
        #expect(stored == third)
    }

    @Test("the emulator state file is 0600 in a 0700 folder, and no temporary file lingers")
    func stateFileModes() throws {
        let harness = Harness()
        defer { harness.remove() }
        _ = harness.run(["rg", "myluis", "Key1"])
        let folder = (harness.stateFile as NSString).deletingLastPathComponent
        let fileMode = try FileManager.default.attributesOfItem(atPath: harness.stateFile)[.posixPermissions] as? Int
        let folderMode = try FileManager.default.attributesOfItem(atPath: folder)[.posixPermissions] as? Int
        #expect(fileMode == 0o600)
        #expect(folderMode == 0o700)
        let names = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
        #expect(names == ["emulator.json", "emulator.json.lock"])
    }

    @Test("without credentials or AZURE_ENVIRONMENT the emulator is used and one WARNING says so")
    func emulatorWarning() {
        var harness = Harness()
        defer { harness.remove() }
        harness.environment["AZURE_ENVIRONMENT"] = nil
        let result = harness.run(["rg", "myluis", "Key1"])
        #expect(result.status == 0)
        #expect(
            result.stderr
                == "WARNING: No Azure credentials are configured, so AzShim uses its local emulator (state file '\(harness.stateFile)'). Set AZURE_ENVIRONMENT=Emulator to use it without this warning, or configure credentials.\n"
        )
        let silenced = harness.run(["rg", "myluis", "Key1", "-WarningAction", "SilentlyContinue"])
        #expect(silenced.stderr == "")
    }

    @Test("AZSHIM_EMULATOR_AUTOCREATE=0: an unknown account gets ARM's 404 (azure-semantics §4.1)")
    func noAutocreate() {
        let harness = Harness()
        defer { harness.remove() }
        let result = harness.run(["rg", "nope", "Key1"], environment: ["AZSHIM_EMULATOR_AUTOCREATE": "0"])
        #expect(result.status == 1)
        #expect(result.stdout == "")
        #expect(
            result.stderr
                == Self.prefix
                + "Operation returned an invalid status code 'NotFound'\nThe Resource 'Microsoft.CognitiveServices/accounts/nope' under resource group 'rg' was not found. For more details please go to https://aka.ms/ARMResourceNotFoundFix\n"
        )
    }

    @Test("a corrupt state file is a clear error and stays unchanged")
    func corruptStateFile() throws {
        let harness = Harness()
        defer { harness.remove() }
        try FileManager.default.createDirectory(
            atPath: (harness.stateFile as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data("{\"accounts\": [oops".utf8).write(to: URL(fileURLWithPath: harness.stateFile))
        let result = harness.run(["rg", "myluis", "Key1"])
        #expect(result.status == 1)
        #expect(result.stdout == "")
        #expect(
            result.stderr
                == Self.prefix
                + "The emulator state file '\(harness.stateFile)' is not valid JSON (line 1, column 15: expected a JSON value). It was left unchanged; repair or remove it.\n"
        )
        #expect(FileManager.default.contents(atPath: harness.stateFile) == Data("{\"accounts\": [oops".utf8))
    }

    struct ValidationCase: Sendable, CustomTestStringConvertible {
        let arguments: [String]
        let message: String
        var testDescription: String { arguments.joined(separator: " ") }
    }

    @Test(
        "the SDK's client-side validation runs before any request (azure-semantics §1.7)",
        arguments: [
            ValidationCase(
                arguments: ["rg", "a", "Key1"], message: "'accountName' is less than minimum length of '2'."),
            ValidationCase(
                arguments: ["rg", String(repeating: "a", count: 65), "Key1"],
                message: "'accountName' exceeds maximum length of '64'."),
            ValidationCase(
                arguments: ["rg", "-acct", "Key1", "--"],
                message: "'accountName' does not match expected pattern '^[a-zA-Z0-9][a-zA-Z0-9_.-]*$'."),
            ValidationCase(
                arguments: ["rg", "my acct", "Key1"],
                message: "'accountName' does not match expected pattern '^[a-zA-Z0-9][a-zA-Z0-9_.-]*$'."),
            ValidationCase(
                arguments: [String(repeating: "r", count: 91), "acct", "Key1"],
                message: "'resourceGroupName' exceeds maximum length of '90'."),
            ValidationCase(
                arguments: ["r/g", "acct", "Key1"],
                message: "'resourceGroupName' does not match expected pattern '^[-\\w\\._\\(\\)]+$'."),
        ])
    func clientValidation(_ row: ValidationCase) {
        let harness = Harness()
        defer { harness.remove() }
        var arguments = row.arguments
        if arguments.last == "--" {
            arguments.removeLast()
            arguments.insert("--", at: 0)
        }
        let result = harness.run(arguments)
        #expect(result.status == 1)
        #expect(result.stderr == Self.prefix + row.message + "\n")
        #expect(!FileManager.default.fileExists(atPath: harness.stateFile))
    }

    @Test("a resource group of letters in other scripts passes the \\w pattern")
    func unicodeResourceGroup() {
        let harness = Harness()
        defer { harness.remove() }
        #expect(harness.run(["grüße_(1)", "acct", "Key1"]).status == 0)
    }
}

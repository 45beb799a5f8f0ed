import AzureCognitiveServices
import Foundation
import PowerShellHost
import Testing

/// Get-AzCognitiveServicesAccountKey on the same host: binding, help and output as for New-.
struct GetAccountKeyTests {
    static let get = GetAzCognitiveServicesAccountKey.definition
    static let prefix = "Get-AzCognitiveServicesAccountKey: "

    @Test("Get after New shows the same keys, in every output format")
    func sameKeys() throws {
        let harness = Harness()
        defer { harness.remove() }
        let regenerated = harness.run(["rg", "myluis", "Key1"])
        let table = harness.run(["rg", "myluis"], definition: Self.get)
        #expect(table.stdout == regenerated.stdout)
        #expect(table.stderr == "" && table.status == 0)
        let keys = try #require(harness.storedKeys(account: "myluis"))
        #expect(
            harness.run(["-Name", "myluis", "-ResourceGroupName", "rg", "--output", "json"], definition: Self.get)
                .stdout
                == "{\"Key1\":\"\(keys.0)\",\"Key2\":\"\(keys.1)\"}\n")
        #expect(
            harness.run(["rg", "myluis", "--output", "list"], definition: Self.get).stdout
                == "\nKey1 : \(keys.0)\nKey2 : \(keys.1)\n\n")
        #expect(harness.storedKeys(account: "myluis")! == keys, "Get changes nothing")
    }

    @Test("a JSON-lines list of accounts piped through lists each one's keys, in order")
    func pipeline() throws {
        let harness = Harness()
        defer { harness.remove() }
        for account in ["one", "two", "three"] { _ = harness.run(["rg", account, "Key2"]) }
        let input = ["one", "two", "three"].map { "{\"ResourceGroupName\":\"rg\",\"AccountName\":\"\($0)\"}" }.joined(
            separator: "\n")
        let result = harness.run(["--output", "json"], stdin: input, definition: Self.get)
        let expected = try ["one", "two", "three"].map { account in
            let keys = try #require(harness.storedKeys(account: account))
            return "{\"Key1\":\"\(keys.0)\",\"Key2\":\"\(keys.1)\"}\n"
        }.joined()
        #expect(result.stdout == expected)
        #expect(result.status == 0)
    }

    struct Row: Sendable, CustomTestStringConvertible {
        let arguments: [String]
        let message: String
        var testDescription: String { arguments.joined(separator: " ") }
    }

    @Test(
        "binding errors name Get's own parameters",
        arguments: [
            Row(
                arguments: ["rg", "acct", "-KeyName", "Key1"],
                message: "A parameter cannot be found that matches parameter name 'KeyName'."),
            Row(
                arguments: ["rg", "acct", "Key1"],
                message: "A positional parameter cannot be found that accepts argument 'Key1'."),
            Row(
                arguments: ["-W"],
                message:
                    "Parameter cannot be processed because the parameter name 'W' is ambiguous. Possible matches include: -WarningAction -WarningVariable."
            ),
            Row(
                arguments: ["rg", "acct", "-WhatIf"],
                message: "A parameter cannot be found that matches parameter name 'WhatIf'."),
            Row(
                arguments: [],
                message:
                    "Cannot process command because of one or more missing mandatory parameters: ResourceGroupName Name."
            ),
            Row(
                arguments: ["", "acct"],
                message:
                    "Cannot validate argument on parameter 'ResourceGroupName'. The argument is null or empty. Provide an argument that is not null or empty, and then try the command again."
            ),
        ])
    func bindingErrors(_ row: Row) {
        let result = Harness().run(row.arguments, definition: Self.get)
        #expect(result.stderr == Self.prefix + row.message + "\n")
        #expect(result.status == 1)
    }

    @Test("-C means Name: Get has no -Confirm to compete with the alias CognitiveServicesAccountName")
    func prefixWithoutConfirm() throws {
        let harness = Harness()
        defer { harness.remove() }
        // A read never creates an account: New- creates it first.
        _ = harness.run(["rg", "acct", "Key1"])
        #expect(harness.run(["-C", "acct", "rg"], definition: Self.get).status == 0)
        #expect(harness.storedKeys(account: "acct") != nil)
    }

    @Test("-? renders Get's own help file; --help=full and --help=parameter=Name work too")
    func help() {
        let standard = Harness().run(["-?"], definition: Self.get)
        #expect(standard.status == 0)
        #expect(
            standard.stdout.hasPrefix(
                "\nNAME\n    Get-AzCognitiveServicesAccountKey\n    \nSYNOPSIS\n    Gets the API keys for an account.\n"
            ))
        #expect(standard.stdout.contains("New-AzCognitiveServicesAccountKey"))
        #expect(Harness().run(["--help=full"], definition: Self.get).stdout.contains("PARAMETERS"))
        #expect(Harness().run(["--help=parameter=Name"], definition: Self.get).stdout.contains("-Name <System.String>"))
    }

    @Test("Get-Help finds both cmdlets")
    func getHelp() {
        for name in ["New-AzCognitiveServicesAccountKey", "Get-AzCognitiveServicesAccountKey"] {
            let result = HelpCommand.run(arguments: [name, "-Examples"], helpFiles: EmbeddedHelp.markdown, width: 80)
            #expect(result.exitStatus == 0)
            #expect(result.stdout.contains("Example 1"))
        }
    }

    @Test("the binary chooses the cmdlet by the name it is invoked as")
    func invocationName() throws {
        let harness = Harness()
        defer { harness.remove() }
        let link = harness.folder + "/Get-AzCognitiveServicesAccountKey"
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: Harness.executable)
        let result = try harness.runBinary(["-KeyName", "Key1"], executable: link)
        #expect(result.stderr == Self.prefix + "A parameter cannot be found that matches parameter name 'KeyName'.\n")
        #expect(result.status == 1)
        #expect(result.stdout == "")
    }
}

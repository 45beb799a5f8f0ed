import AzShimSupport
import AzureCognitiveServices
import Foundation
import PowerShellHost
import TestSupport
import Testing

/// The command-line rows of powershell-semantics.md §12, host options, output formats and the
/// mandatory-parameter prompt (§5), through the whole host.
struct CommandLineTests {
    static let prefix = "New-AzCognitiveServicesAccountKey: "

    struct Row: Sendable, CustomTestStringConvertible {
        let arguments: [String]
        let stderr: String
        var testDescription: String { arguments.joined(separator: " ") }
    }

    static let errorRows: [Row] = [
        Row(
            arguments: ["rg", "acct", "Key3"],
            stderr:
                "Cannot bind parameter 'KeyName'. Cannot convert value \"Key3\" to type \"Microsoft.Azure.Management.CognitiveServices.Models.KeyName\". Error: \"Unable to match the identifier name Key3 to a valid enumerator name. Specify one of the following enumerator names and try again:\nKey1, Key2\""
        ),
        Row(
            arguments: ["rg", "acct", "Key1", "extra"],
            stderr: "A positional parameter cannot be found that accepts argument 'extra'."),
        Row(
            arguments: ["-Foo", "rg", "acct", "Key1"],
            stderr: "A parameter cannot be found that matches parameter name 'Foo'."),
        Row(
            arguments: ["-W", "rg", "acct", "Key1"],
            stderr:
                "Parameter cannot be processed because the parameter name 'W' is ambiguous. Possible matches include: -WarningAction -WarningVariable -WhatIf."
        ),
        Row(
            arguments: ["rg", "acct", "-KeyName"],
            stderr:
                "Missing an argument for parameter 'KeyName'. Specify a parameter of type 'Microsoft.Azure.Management.CognitiveServices.Models.KeyName' and try again."
        ),
        Row(
            arguments: ["-Name", "a", "-Name", "b", "rg", "Key1"],
            stderr:
                "Cannot bind parameter because parameter 'Name' is specified more than once. To provide multiple values to parameters that can accept multiple values, use the array syntax. For example, \"-parameter value1,value2,value3\"."
        ),
        Row(
            arguments: ["", "acct", "Key1"],
            stderr:
                "Cannot validate argument on parameter 'ResourceGroupName'. The argument is null or empty. Provide an argument that is not null or empty, and then try the command again."
        ),
        Row(
            arguments: [],
            stderr:
                "Cannot process command because of one or more missing mandatory parameters: ResourceGroupName Name KeyName."
        ),
        Row(
            arguments: ["rg", "acct", "Key1", "-ErrorAction", "Suspend"],
            stderr:
                "Cannot bind parameter 'ErrorAction' to the target. Exception setting \"ErrorAction\": \"The Suspend ActionPreference value is reserved for future use and is not supported at this time. For more information about preference variables, see the Help topic, \"about_Preference_Variables.\"\""
        ),
        Row(
            arguments: ["rg", "acct", "Key1", "-Force:\"false\""],
            stderr:
                "Cannot convert 'System.String' to the type 'System.Management.Automation.SwitchParameter' required by parameter 'Force'. "
        ),
    ]

    @Test("§12 command-line rows: ConciseView on stderr, nothing on stdout, status 1", arguments: errorRows)
    func errorRow(_ row: Row) {
        let harness = Harness()
        defer { harness.remove() }
        let result = harness.run(row.arguments)
        #expect(result.stdout == "")
        #expect(result.stderr == Self.prefix + row.stderr + "\n")
        #expect(result.status == 1)
        #expect(!FileManager.default.fileExists(atPath: harness.stateFile))
    }

    @Test(
        "§12 rg acct key2 / 1 / '1' bind Key2",
        arguments: [["rg", "acct", "key2"], ["rg", "acct", "1"], ["-KeyName:1", "rg", "acct"]])
    func keyTwo(_ arguments: [String]) throws {
        let harness = Harness()
        defer { harness.remove() }
        let before = try #require(Harness.tableKeys(harness.run(["rg", "acct", "Key1"]).stdout))
        let after = try #require(Harness.tableKeys(harness.run(arguments).stdout))
        #expect(after.0 == before.0 && after.1 != before.1)
    }

    @Test("-WhatIf prints PowerShell's What-if line on stderr, nothing on stdout, changes nothing (§8.1)")
    func whatIf() throws {
        let harness = Harness()
        defer { harness.remove() }
        let before = try #require(Harness.tableKeys(harness.run(["rg", "acct", "Key1"]).stdout))
        let result = harness.run(["rg", "acct", "Key1", "-WhatIf"])
        #expect(result.stdout == "")
        #expect(
            result.stderr
                == "What if: Performing the operation \"Regenerating Key Key1 for account acct.\" on target \"acct\".\n"
        )
        #expect(result.status == 0)
        #expect(harness.storedKeys(account: "acct")! == before)
    }

    @Test("-WhatIf -Force changes nothing and warns that Az would have (DESIGN.md deviation)")
    func whatIfForce() throws {
        let harness = Harness()
        defer { harness.remove() }
        let before = try #require(Harness.tableKeys(harness.run(["rg", "acct", "Key1"]).stdout))
        let result = harness.run(["rg", "acct", "Key2", "-WhatIf", "-Force"])
        #expect(result.stdout == "")
        #expect(
            result.stderr
                == "What if: Performing the operation \"Regenerating Key Key2 for account acct.\" on target \"acct\".\nWARNING: The Az module would regenerate Key2 of 'acct' anyway, because -Force overrides -WhatIf there; AzShim changes nothing under -WhatIf.\n"
        )
        #expect(harness.storedKeys(account: "acct")! == before)
    }

    @Test(
        "--output json writes one compressed object per line; --output list is Format-List; AZSHIM_OUTPUT sets the default"
    )
    func outputFormats() throws {
        let harness = Harness()
        defer { harness.remove() }
        let json = harness.run(["rg", "acct", "Key1", "--output", "json"])
        let keys = try #require(harness.storedKeys(account: "acct"))
        #expect(json.stdout == "{\"Key1\":\"\(keys.0)\",\"Key2\":\"\(keys.1)\"}\n")
        let list = harness.run(["rg", "acct", "Key2", "--output=list"])
        let listed = try #require(harness.storedKeys(account: "acct"))
        #expect(list.stdout == "\nKey1 : \(listed.0)\nKey2 : \(listed.1)\n\n")
        let fromEnvironment = harness.run(["rg", "acct", "Key1"], environment: ["AZSHIM_OUTPUT": "json"])
        #expect(fromEnvironment.stdout.hasPrefix("{\"Key1\":"))
        let bad = harness.run(["rg", "acct", "Key1", "--output", "yaml"])
        #expect(bad.status == 2)
        #expect(bad.stderr == Self.prefix + "The option --output takes table, list or json, not 'yaml'.\n")
    }

    @Test("--version prints `AzShim` and the version of AzShimVersion.swift, in-process and as the binary")
    func version() throws {
        let expected = "AzShim " + (try PackageFiles.releaseVersion()) + "\n"
        let result = Harness().run(["--version"])
        #expect(result.stdout == expected)
        #expect(result.stderr == "" && result.status == 0)
        let harness = Harness()
        defer { harness.remove() }
        let binary = try harness.runBinary(["--version"])
        #expect(binary.stdout == expected)
        #expect(binary.stderr == "" && binary.status == 0)
    }

    @Test("a table is cut with … only when stdout is a terminal narrower than it")
    func narrowTerminal() throws {
        let harness = Harness()
        defer { harness.remove() }
        let result = harness.run(["rg", "acct", "Key1"], stdoutIsTerminal: true, columns: 50)
        let keys = try #require(harness.storedKeys(account: "acct"))
        // 49 usable columns: Key1 keeps 32, Key2 gets 16 (15 characters and the ellipsis).
        #expect(
            result.stdout
                == "\nKey1                             Key2\n----                             ----\n\(keys.0) \(keys.1.prefix(15))…\n\n"
        )
        let redirected = harness.run(["rg", "acct", "Key1"], environment: ["COLUMNS": "50"])
        #expect(redirected.stdout.contains(harness.storedKeys(account: "acct")!.1))
    }

    @Test("errors are red only on a terminal, and never with NO_COLOR or TERM=dumb")
    func colour() {
        let harness = Harness()
        let stdout = MemorySink()
        let stderr = MemorySink()
        func run(_ environment: [String: String]) -> String {
            let io = HostIO(
                environment: environment, standardInput: MemoryByteSource([]), standardOutput: stdout,
                standardError: stderr, standardErrorIsTerminal: true)
            let before = stderr.text.count
            _ = CommandHost.run(NewAzCognitiveServicesAccountKey.definition, arguments: ["-Foo"], io: io)
            return String(stderr.text.dropFirst(before))
        }
        defer { harness.remove() }
        #expect(
            run([:])
                == "\u{1B}[31;1mNew-AzCognitiveServicesAccountKey: \u{1B}[31;1mA parameter cannot be found that matches parameter name 'Foo'.\u{1B}[0m\n"
        )
        #expect(
            run(["NO_COLOR": "1"]) == Self.prefix + "A parameter cannot be found that matches parameter name 'Foo'.\n")
        #expect(
            run(["TERM": "dumb"]) == Self.prefix + "A parameter cannot be found that matches parameter name 'Foo'.\n")
    }

    @Test("control characters in values are escaped in messages, never sent to the terminal")
    func controlCharacters() {
        let result = Harness().run(["rg", "acct", "Key1", "\u{1B}[31mred"])
        #expect(
            result.stderr == Self.prefix + "A positional parameter cannot be found that accepts argument '^[[31mred'.\n"
        )
    }

    // MARK: - §5 mandatory-parameter prompt

    @Test("§5.2 the prompt asks for each missing parameter in metadata order")
    func prompt() throws {
        let harness = Harness()
        defer { harness.remove() }
        let terminal = ScriptedTerminal(answers: ["rg", "!?", "acct", "Key2"])
        let result = harness.run([], terminal: terminal)
        #expect(result.status == 0)
        #expect(
            terminal.transcript
                == "\ncmdlet New-AzCognitiveServicesAccountKey at command pipeline position 1\nSupply values for the following parameters:\n(Type !? for Help.)\nResourceGroupName: rg\nName: !?\nCognitive Services Account Name.\nName: acct\nKeyName: Key2\n"
        )
        #expect(Harness.tableKeys(result.stdout) != nil)
    }

    @Test("§5.2 only the missing parameters are asked; !\"\" enters an empty string, validated as typed")
    func promptEmptyString() {
        let terminal = ScriptedTerminal(answers: ["!\"\""])
        let result = Harness().run(["-Name", "acct", "-KeyName", "Key1"], terminal: terminal)
        #expect(
            terminal.transcript
                == "\ncmdlet New-AzCognitiveServicesAccountKey at command pipeline position 1\nSupply values for the following parameters:\n(Type !? for Help.)\nResourceGroupName: !\"\"\n"
        )
        #expect(
            result.stderr
                == Self.prefix
                + "Cannot validate argument on parameter 'ResourceGroupName'. The argument is null or empty. Provide an argument that is not null or empty, and then try the command again.\n"
        )
        #expect(result.status == 1)
    }

    @Test("§5.2 an unknown prompt command asks again; !! escapes a leading !; Ctrl+D cancels")
    func promptCommands() {
        let terminal = ScriptedTerminal(answers: ["!x", "!!rg"])
        let result = Harness().run(["-Name", "acct"], terminal: terminal)
        #expect(
            terminal.transcript
                == "\ncmdlet New-AzCognitiveServicesAccountKey at command pipeline position 1\nSupply values for the following parameters:\n(Type !? for Help.)\nResourceGroupName: !x\n\"!x\" cannot be recognized as a valid Prompt command.\nResourceGroupName: !!rg\nKeyName: \n"
        )
        #expect(
            result.stderr
                == Self.prefix
                + "Cannot process command because of one or more missing mandatory parameters: ResourceGroupName KeyName.\n"
        )
    }

    @Test("§5.2 an invalid KeyName answer fails with the enum error")
    func promptInvalidKey() {
        let terminal = ScriptedTerminal(answers: ["Key9"])
        let result = Harness().run(["rg", "acct"], terminal: terminal)
        #expect(result.stderr.hasPrefix(Self.prefix + "Cannot bind parameter 'KeyName'. Cannot convert value \"Key9\""))
    }
}

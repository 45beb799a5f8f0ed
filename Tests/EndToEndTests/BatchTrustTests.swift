import AzShimSupport
import Foundation
import PowerShellHost
import TestSupport
import Testing

@testable import AzureCognitiveServices

/// Issue 17, batches a user can trust: `--include-input` ties each result to its input object,
/// a command waiting on a silent stdin pipe says so, every `AZSHIM_*` setting is checked before
/// anything runs, the emulator never guesses where to keep keys, and Azure CLI objects get a hint.
struct BatchTrustTests {
    /// Three accounts, the middle one unknown to an emulator that does not create accounts.
    static let input = """
        {"ResourceGroupName":"rg","Name":"alpha"}
        {"ResourceGroupName":"rg","Name":"missing"}
        {"ResourceGroupName":"rg","Name":"gamma"}

        """

    // MARK: - --include-input

    @Test(
        "--include-input: three inputs, one failing, give two JSON lines whose Input names their account",
        arguments: [1, 8])
    func includeInput(throttleLimit: Int) throws {
        let harness = Harness()
        defer { harness.remove() }
        for name in ["alpha", "gamma"] { _ = harness.run(["rg", name, "Key1"]) }
        let result = harness.run(
            ["-KeyName", "Key2", "--output", "json", "--include-input", "--throttle-limit", String(throttleLimit)],
            stdin: Self.input, environment: ["AZSHIM_EMULATOR_AUTOCREATE": "0"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("missing"))
        let lines = result.stdout.split(separator: "\n")
        try #require(lines.count == 2)
        for (line, name) in zip(lines, ["alpha", "gamma"]) {
            let object = try JSONParser.parse(Array(line.utf8))
            guard case .object(let members) = object else {
                Issue.record("not an object: \(line)")
                continue
            }
            #expect(members.first?.key == "Input")
            #expect(object["Input"] == .object([("ResourceGroupName", .string("rg")), ("Name", .string(name))]))
            let keys = try #require(harness.storedKeys(account: name))
            #expect(object["Key1"]?.stringValue == keys.0)
            #expect(object["Key2"]?.stringValue == keys.1)
        }
    }

    @Test("--include-input keeps the input object exactly as parsed, nested values included")
    func includeInputVerbatim() throws {
        let harness = Harness()
        defer { harness.remove() }
        let line = #"{"Name":"acct","ResourceGroupName":"rg","Tags":{"team":"a","n":[1,2.50,null]},"x":true}"#
        let result = harness.run(["-KeyName", "Key1", "--output", "json", "--include-input"], stdin: line + "\n")
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix(#"{"Input":"# + line + #","Key1":""#))
    }

    @Test("AZSHIM_INCLUDE_INPUT=1 is --include-input; a command line without pipeline input gains nothing")
    func includeInputFromEnvironment() throws {
        let harness = Harness()
        defer { harness.remove() }
        let piped = harness.run(
            ["-KeyName", "Key1"], stdin: #"{"ResourceGroupName":"rg","Name":"acct"}"# + "\n",
            environment: ["AZSHIM_INCLUDE_INPUT": "1", "AZSHIM_OUTPUT": "json"])
        #expect(piped.status == 0)
        #expect(piped.stdout.hasPrefix(#"{"Input":{"ResourceGroupName":"rg","Name":"acct"},"Key1":"#))
        let commandLine = harness.run(["rg", "acct", "Key1", "--output", "json", "--include-input"])
        #expect(commandLine.status == 0)
        #expect(commandLine.stdout.hasPrefix(#"{"Key1":""#))
    }

    @Test(
        "--include-input in a table or list view is a usage error (exit 2) and rotates nothing",
        arguments: [
            ["--include-input"], ["--include-input", "--output", "table"], ["--include-input", "--output", "list"],
        ])
    func includeInputNeedsJSON(options: [String]) throws {
        let harness = Harness()
        defer { harness.remove() }
        _ = harness.run(["rg", "acct", "Key1"])
        let before = harness.storedKeys(account: "acct")
        let result = harness.run(["-KeyName", "Key2"] + options, stdin: #"{"ResourceGroupName":"rg","Name":"acct"}"#)
        #expect(result.status == 2)
        #expect(result.stdout == "")
        #expect(
            result.stderr.hasPrefix("New-AzCognitiveServicesAccountKey: The option --include-input needs --output json")
        )
        #expect(harness.storedKeys(account: "acct")! == before!)
    }

    @Test("every place that lists the host options knows --include-input: completion, man page, -? still answers")
    func includeInputIsListed() throws {
        let harness = Harness()
        defer { harness.remove() }
        let completion = harness.run(["--completion", "bash"])
        #expect(completion.stdout.contains("--include-input"))
        let manual = try harness.runBinary(["--man"])
        #expect(manual.stdout.contains(".SH HOST OPTIONS\n"))
        #expect(manual.stdout.contains("\\fB\\-\\-include\\-input\\fR\n"))
        let help = harness.run(["--include-input", "-?"])
        #expect(help.status == 0)
        #expect(help.stdout.hasPrefix("\nNAME\n    New-AzCognitiveServicesAccountKey\n"))
    }

    // MARK: - Settings from the environment

    struct SettingCase: CustomTestStringConvertible, Sendable {
        let variable: String
        let value: String
        let message: String
        var testDescription: String { "\(variable)=\(value)" }
    }

    static let badSettings: [SettingCase] = [
        .init(
            variable: "AZSHIM_OUTPUT", value: "xml",
            message: "AZSHIM_OUTPUT 'xml' is not valid: expected table, list or json."),
        .init(
            variable: "AZSHIM_INCLUDE_INPUT", value: "yes",
            message: "AZSHIM_INCLUDE_INPUT 'yes' is not valid: expected 1 (on) or 0 (off)."),
        .init(
            variable: "AZSHIM_HTTP_TIMEOUT", value: "abc",
            message: "AZSHIM_HTTP_TIMEOUT 'abc' is not valid: expected seconds, more than 0 and at most 3600."),
        .init(
            variable: "AZSHIM_HTTP_TOTAL_TIMEOUT", value: "-1",
            message: "AZSHIM_HTTP_TOTAL_TIMEOUT '-1' is not valid: expected seconds, more than 0 and at most 86400."),
        .init(
            variable: "AZSHIM_EMULATOR_AUTOCREATE", value: "no",
            message: "AZSHIM_EMULATOR_AUTOCREATE 'no' is not valid: expected 1 (create unknown accounts) or 0 (do not)."
        ),
        .init(
            variable: "AZSHIM_API_VERSION", value: "2024-10-01&x=1",
            message: "AZSHIM_API_VERSION '2024-10-01&x=1' is not valid: expected an api-version such as 2024-10-01."),
        .init(
            variable: "AZSHIM_CA_FILE", value: "/nonexistent/ca.pem",
            message: "AZSHIM_CA_FILE '/nonexistent/ca.pem' is not valid: expected a readable file of PEM certificates."),
    ]

    @Test(
        "a bad AZSHIM_* value is exit 2 before anything runs: no key rotated, state file unchanged",
        arguments: badSettings)
    func badSetting(_ setting: SettingCase) throws {
        let harness = Harness()
        defer { harness.remove() }
        _ = harness.run(["rg", "acct", "Key1"])
        let before = try #require(FileManager.default.contents(atPath: harness.stateFile))
        for arguments in [["rg", "acct", "Key1"], ["rg", "acct", "Key1", "--output", "json"]] {
            let result = harness.run(arguments, environment: [setting.variable: setting.value])
            #expect(result.status == 2)
            #expect(result.stdout == "")
            #expect(result.stderr == "New-AzCognitiveServicesAccountKey: \(setting.message)\n")
        }
        #expect(FileManager.default.contents(atPath: harness.stateFile) == before)
    }

    @Test("good and empty AZSHIM_* values are accepted", arguments: ["JSON", "json", ""])
    func goodOutputSetting(value: String) throws {
        let harness = Harness()
        defer { harness.remove() }
        let result = harness.run(
            ["rg", "acct", "Key1"],
            environment: ["AZSHIM_OUTPUT": value, "AZSHIM_EMULATOR_AUTOCREATE": "1", "AZSHIM_INCLUDE_INPUT": "0"])
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix(value.isEmpty ? "\nKey1" : #"{"Key1":"#))
    }

    // MARK: - The emulator's state file and -DefaultProfile

    @Test("without HOME, XDG_STATE_HOME and AZSHIM_EMULATOR_STATE the emulator refuses and writes nothing")
    func noHome() throws {
        let folder = NSTemporaryDirectory() + "azshim-nohome-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let end = try ChildProcess.run(
            "/bin/sh",
            [
                "-c", "cd \"$1\" && exec env -i AZURE_ENVIRONMENT=\"$2\" \"$3\" rg acct Key1", "sh", folder, "Emulator",
                Harness.executable,
            ])
        #expect(end.shellStatus == 1)
        #expect(end.stdoutText == "")
        #expect(
            end.stderrText
                == "New-AzCognitiveServicesAccountKey: The emulator cannot place its state file (which holds account keys): "
                + "HOME and XDG_STATE_HOME are both unset. Set HOME or XDG_STATE_HOME, or set AZSHIM_EMULATOR_STATE to the file to use.\n"
        )
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).isEmpty)
    }

    @Test("XDG_STATE_HOME alone places the emulator's state file")
    func stateHome() throws {
        let folder = NSTemporaryDirectory() + "azshim-xdg-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(
            EmulatorBackend.stateFilePath(environment: ["XDG_STATE_HOME": folder]) == folder + "/azshim/emulator.json")
        #expect(EmulatorBackend.stateFilePath(environment: ["HOME": ""]) == nil)
        #expect(EmulatorBackend.stateFilePath(environment: [:]) == nil)
    }

    @Test("-DefaultProfile with a path that cannot be read is an error with AZURE_ENVIRONMENT=Emulator too")
    func defaultProfileOnEmulator() throws {
        let harness = Harness()
        defer { harness.remove() }
        let result = harness.run(["rg", "acct", "Key1", "-DefaultProfile", harness.folder + "/none.json"])
        #expect(result.status == 1)
        #expect(
            result.stderr
                == "New-AzCognitiveServicesAccountKey: Cannot use the context file '\(harness.folder)/none.json' given to -DefaultProfile: No such file or directory\n"
        )
        #expect(harness.storedKeys(account: "acct") == nil)
    }

    // MARK: - Azure CLI objects

    @Test("an Azure CLI object gets PowerShell's error and one jq hint line", arguments: [1, 4])
    func azureCLIHint(throttleLimit: Int) throws {
        let harness = Harness()
        defer { harness.remove() }
        let result = harness.run(
            ["-KeyName", "Key1", "--throttle-limit", String(throttleLimit)],
            stdin: #"{"name":"acct","resourceGroup":"rg","kind":"TextAnalytics"}"# + "\n" + #"{"other":1}"# + "\n")
        #expect(result.status == 1)
        #expect(
            result.stderr == """
                New-AzCognitiveServicesAccountKey: The input object cannot be bound because it did not contain the information required to bind all mandatory parameters:  ResourceGroupName
                \(AzureCLIInputHint.text)
                New-AzCognitiveServicesAccountKey: The input object cannot be bound to any parameters for the command either because the command does not take pipeline input or the input and its properties do not match any of the parameters that take pipeline input.

                """)
        #expect(AzureCLIInputHint.text.contains("jq -c '.[] | {ResourceGroupName: .resourceGroup, Name: .name}'"))
        #expect(harness.storedKeys(account: "acct") == nil)
    }

    @Test("the jq mapping in the hint binds: mapped az objects rotate their keys")
    func hintMappingBinds() throws {
        let harness = Harness()
        defer { harness.remove() }
        // What `jq -c '.[] | {ResourceGroupName: .resourceGroup, Name: .name}'` writes for az's list.
        let result = harness.run(
            ["-KeyName", "Key1", "--output", "json"], stdin: #"{"ResourceGroupName":"rg","Name":"acct"}"# + "\n")
        #expect(result.status == 0)
        #expect(harness.storedKeys(account: "acct") != nil)
        #expect(
            AzureCLIInputHint.hint(
                for: .object([("ResourceGroupName", .string("rg")), ("resourceGroup", .string("rg"))])) == nil)
        #expect(AzureCLIInputHint.hint(for: .string("x")) == nil)
    }

    // MARK: - Waiting for pipeline input

    /// `command` run by `sh -c` with the built binary as `$1`, the harness's environment.
    func shell(_ harness: Harness, _ command: String) throws -> ChildProcess.End {
        try ChildProcess.run(
            "/bin/sh", ["-c", command, "sh", Harness.executable],
            environment: ["PATH": "/usr/bin:/bin"].merging(harness.environment) { $1 })
    }

    static let notice =
        "New-AzCognitiveServicesAccountKey: waiting for pipeline input on standard input (JSON objects) for: KeyName. "
        + "Give the parameters on the command line, or close standard input.\n"

    @Test("a pipe that stays silent for 3 s gets one notice naming the unbound parameter; late input still runs")
    func waitingNotice() throws {
        let harness = Harness()
        defer { harness.remove() }
        let end = try shell(harness, #"(sleep 5; printf '{"KeyName":"Key2"}\n') | "$1" rg acct --output json"#)
        #expect(end.stderrText == Self.notice)
        #expect(end.shellStatus == 0)
        let keys = try #require(harness.storedKeys(account: "acct"))
        #expect(end.stdoutText == "{\"Key1\":\"\(keys.0)\",\"Key2\":\"\(keys.1)\"}\n")
    }

    @Test("no notice when input arrives in time, though the pipe stays open longer")
    func noNoticeWhenInputArrives() throws {
        let harness = Harness()
        defer { harness.remove() }
        let end = try shell(harness, #"(printf '{"KeyName":"Key2"}\n'; sleep 5) | "$1" rg acct --output json"#)
        #expect(end.stderrText == "")
        #expect(end.shellStatus == 0)
    }

    @Test("no notice when stdin is a regular file, /dev/null, or a pipe closed at once")
    func noNoticeWithoutPipe() throws {
        let harness = Harness()
        defer { harness.remove() }
        let empty = harness.folder + "/empty"
        #expect(FileManager.default.createFile(atPath: empty, contents: Data()))
        for command in [#""$1" rg acct < /dev/null"#, #""$1" rg acct < "# + empty, #"true | "$1" rg acct"#] {
            let end = try shell(harness, command)
            #expect(end.shellStatus == 1)
            #expect(
                end.stderrText
                    == "New-AzCognitiveServicesAccountKey: Cannot process command because of one or more missing mandatory parameters: KeyName.\n"
            )
        }
    }

    @Test("the notice names every missing pipeline parameter; with none mandatory, every unbound one")
    func noticeNames() throws {
        let harness = Harness()
        defer { harness.remove() }
        let stderr = MemorySink()
        var io = HostIO(
            environment: harness.environment, standardInput: MemoryByteSource(Array("\n".utf8)),
            standardOutput: MemorySink(), standardError: stderr)
        io.standardInputWait = { _ in false }
        _ = CommandHost.run(NewAzCognitiveServicesAccountKey.definition, arguments: [], io: io)
        #expect(
            stderr.text.hasPrefix(
                "New-AzCognitiveServicesAccountKey: waiting for pipeline input on standard input (JSON objects) for: ResourceGroupName, Name, KeyName. "
            ))
        let listing = MemorySink()
        io.standardError = listing
        _ = CommandHost.run(GetAzCognitiveServicesAccount.definition, arguments: [], io: io)
        #expect(
            listing.text.hasPrefix(
                "Get-AzCognitiveServicesAccount: waiting for pipeline input on standard input (JSON objects) for: ResourceGroupName, Name. "
            ))
        let ready = MemorySink()
        io.standardError = ready
        io.standardInputWait = { _ in true }
        _ = CommandHost.run(NewAzCognitiveServicesAccountKey.definition, arguments: ["rg", "acct", "Key1"], io: io)
        _ = CommandHost.run(NewAzCognitiveServicesAccountKey.definition, arguments: ["rg", "acct"], io: io)
        #expect(!ready.text.contains("waiting"))
    }

    @Test(
        "Get-AzCognitiveServicesAccount with no arguments and stdin closed lists at once, as PowerShell's bare command does"
    )
    func bareListing() throws {
        let harness = Harness()
        defer { harness.remove() }
        _ = harness.run(["rg", "acct", "Key1"])
        let end = try shell(
            harness, #"exec "$(dirname "$1")/Get-AzCognitiveServicesAccount" --output json < /dev/null"#)
        #expect(end.shellStatus == 0)
        #expect(end.stderrText == "")
        #expect(end.stdoutText.hasPrefix(#"{"ResourceGroupName":"rg","AccountName":"acct","#))
    }
}

import Foundation
import Testing

/// The Confirm prompt through a real pseudo-terminal: the built binary's controlling terminal is a
/// pty (prompts on `/dev/tty`), its stdin a JSON file (the pipeline), its stdout a file (§8.3).
@Suite(.serialized)
struct PseudoTerminalTests {
    static let choices = "[Y] Yes  [A] Yes to All  [N] No  [L] No to All  [S] Suspend  [?] Help (default is \"Y\"): "
    static func prompt(_ account: String) -> String {
        "\nConfirm\nAre you sure you want to perform this action?\n"
            + "Performing the operation \"Regenerating Key Key1 for account \(account).\" on target \"\(account)\".\n"
            + choices
    }
    static let help =
        "Y - Continue with only the next step of the operation.\nA - Continue with all the steps of the operation.\n"
        + "N - Skip this operation and proceed with the next operation.\nL - Skip this operation and all subsequent operations.\n"
        + "S - Pause the current pipeline and return to the command prompt. Type \"exit\" to resume the pipeline.\n"
    static let suspend =
        "Suspend is not available: AzShim runs as a separate process and has no nested prompt to return to.\n"

    struct Case: CustomTestStringConvertible, Sendable {
        let accounts: [String]
        let answers: [String]
        let transcript: String
        let regenerated: [String]
        var testDescription: String {
            "\(accounts.count) object(s): " + answers.map { "'\($0)'" }.joined(separator: " ")
        }
    }

    static let cases: [Case] = [
        Case(accounts: ["a1"], answers: ["Y"], transcript: prompt("a1") + "Y\n", regenerated: ["a1"]),
        Case(accounts: ["a1"], answers: ["N"], transcript: prompt("a1") + "N\n", regenerated: []),
        Case(accounts: ["a1"], answers: ["A"], transcript: prompt("a1") + "A\n", regenerated: ["a1"]),
        Case(accounts: ["a1"], answers: ["L"], transcript: prompt("a1") + "L\n", regenerated: []),
        Case(accounts: ["a1"], answers: [""], transcript: prompt("a1") + "\n", regenerated: ["a1"]),
        Case(
            accounts: ["a1"], answers: ["?", "n"], transcript: prompt("a1") + "?\n" + help + choices + "n\n",
            regenerated: []),
        Case(
            accounts: ["a1"], answers: ["S", "y"], transcript: prompt("a1") + "S\n" + suspend + prompt("a1") + "y\n",
            regenerated: ["a1"]),
        Case(
            accounts: ["a1"], answers: ["what", "N"], transcript: prompt("a1") + "what\n" + choices + "N\n",
            regenerated: []),
        Case(
            accounts: ["a1", "a2", "a3"], answers: ["Y", "N", "Y"],
            transcript: prompt("a1") + "Y\n" + prompt("a2") + "N\n" + prompt("a3") + "Y\n", regenerated: ["a1", "a3"]),
        Case(
            accounts: ["a1", "a2", "a3"], answers: ["N", "A"], transcript: prompt("a1") + "N\n" + prompt("a2") + "A\n",
            regenerated: ["a2", "a3"]),
        Case(
            accounts: ["a1", "a2", "a3"], answers: ["Y", "L"], transcript: prompt("a1") + "Y\n" + prompt("a2") + "L\n",
            regenerated: ["a1"]),
        Case(
            accounts: ["a1", "a2", "a3"], answers: ["", "?", "x", "", "S", "N"],
            transcript: prompt("a1") + "\n" + prompt("a2") + "?\n" + help + choices + "x\n" + choices + "\n"
                + prompt("a3") + "S\n" + suspend
                + prompt("a3") + "N\n",
            regenerated: ["a1", "a2"]),
    ]

    @Test("the Confirm prompt on a real terminal, answers read from it, pipeline from stdin", arguments: cases)
    func confirm(_ row: Case) throws {
        let harness = Harness()
        defer { harness.remove() }
        let stdin = row.accounts.map { #"{"ResourceGroupName":"rg","Name":"\#($0)","KeyName":"Key1"}"# + "\n" }.joined()
        var environment = harness.environment
        environment["TERM"] = "dumb"
        let result = try PseudoTerminal.run(
            arguments: ["-Confirm", "--output", "json"], stdin: stdin, environment: environment, answers: row.answers,
            folder: harness.folder)
        #expect(result.transcript == row.transcript)
        #expect(result.stderr == "")
        #expect(result.status == 0)
        #expect(result.stdout.split(separator: "\n").count == row.regenerated.count)
        for account in row.accounts {
            #expect((harness.storedKeys(account: account) != nil) == row.regenerated.contains(account))
        }
    }

    @Test("on a colour terminal the prompt is coloured; the pty's width wraps it")
    func colourAndWidth() throws {
        let harness = Harness()
        defer { harness.remove() }
        var environment = harness.environment
        environment["TERM"] = "xterm"
        let result = try PseudoTerminal.run(
            arguments: ["rg", "a1", "Key1", "-Confirm"], stdin: "", environment: environment, answers: ["N"],
            columns: 60,
            folder: harness.folder)
        #expect(
            result.transcript
                == "\n\u{1B}[97mConfirm\n\u{1B}[39;49mAre you sure you want to perform this action?\n"
                + "Performing the operation \"Regenerating Key Key1 for account\n a1.\" on target \"a1\".\n"
                + "\u{1B}[93m[Y] Yes  \u{1B}[39;49m\u{1B}[97m[A] Yes to All  \u{1B}[39;49m\u{1B}[97m[N] No  \u{1B}[39;49m"
                + "\u{1B}[97m[L] No to All  \u{1B}[39;49m\n\u{1B}[97m[S] Suspend\u{1B}[39;49m[?] Help (default is \"Y\"): N\n"
        )
        #expect(result.status == 0)
    }

    @Test("no controlling terminal: PowerShell's NonInteractive message, nothing changed")
    func noTerminal() throws {
        let harness = Harness()
        defer { harness.remove() }
        // A new session that opens no terminal: /dev/tty cannot be opened.
        let result = try PseudoTerminal.run(
            arguments: ["rg", "a1", "Key1", "-Confirm"], stdin: "", environment: harness.environment, answers: [],
            attachTerminal: false, folder: harness.folder)
        #expect(
            result.stderr
                == "New-AzCognitiveServicesAccountKey: PowerShell is in NonInteractive mode. Read and Prompt functionality is not available.\n"
        )
        #expect(result.transcript == "")
        #expect(result.status == 1)
        #expect(harness.storedKeys(account: "a1") == nil)
    }
}

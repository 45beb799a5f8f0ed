import AzureCognitiveServices
import Foundation
import PowerShellHost
import Testing

/// ShouldProcess (§8): What-if, auto-confirm, the Confirm prompt (`MshCommandRuntime.DoShouldProcess`,
/// `InquireHelper`; `ConsoleHostUserInterfacePromptForChoice.cs`), in process with a scripted terminal.
struct ShouldProcessTests {
    static let prefix = "New-AzCognitiveServicesAccountKey: "
    static let operation = "Performing the operation \"Regenerating Key Key1 for account acct.\" on target \"acct\"."
    /// §8.3: empty line, caption, message (two lines), the choices.
    static let prompt = "\nConfirm\nAre you sure you want to perform this action?\n" + operation + "\n" + choices
    static let choices = "[Y] Yes  [A] Yes to All  [N] No  [L] No to All  [S] Suspend  [?] Help (default is \"Y\"): "
    static let help =
        "Y - Continue with only the next step of the operation.\n"
        + "A - Continue with all the steps of the operation.\n"
        + "N - Skip this operation and proceed with the next operation.\n"
        + "L - Skip this operation and all subsequent operations.\n"
        + "S - Pause the current pipeline and return to the command prompt. Type \"exit\" to resume the pipeline.\n"
    static let suspend =
        "Suspend is not available: AzShim runs as a separate process and has no nested prompt to return to.\n"

    struct AnswerCase: CustomTestStringConvertible, Sendable {
        let answers: [String]
        let regenerated: Bool
        let transcript: String
        var testDescription: String { answers.map { "'\($0)'" }.joined(separator: ", ") }
    }

    static let answerCases: [AnswerCase] = [
        AnswerCase(answers: ["Y"], regenerated: true, transcript: prompt + "Y\n"),
        AnswerCase(answers: ["y"], regenerated: true, transcript: prompt + "y\n"),
        AnswerCase(answers: ["yes"], regenerated: true, transcript: prompt + "yes\n"),
        AnswerCase(answers: [" Yes to all "], regenerated: true, transcript: prompt + " Yes to all \n"),
        AnswerCase(answers: [""], regenerated: true, transcript: prompt + "\n"),
        AnswerCase(answers: ["A"], regenerated: true, transcript: prompt + "A\n"),
        AnswerCase(answers: ["N"], regenerated: false, transcript: prompt + "N\n"),
        AnswerCase(answers: ["no"], regenerated: false, transcript: prompt + "no\n"),
        AnswerCase(answers: ["L"], regenerated: false, transcript: prompt + "L\n"),
        AnswerCase(answers: ["?", "N"], regenerated: false, transcript: prompt + "?\n" + help + choices + "N\n"),
        AnswerCase(
            answers: ["x", "maybe", "  ", "N"], regenerated: false,
            transcript: prompt + "x\n" + choices + "maybe\n" + choices + "  \n" + choices + "N\n"),
        AnswerCase(answers: ["S", "Y"], regenerated: true, transcript: prompt + "S\n" + suspend + prompt + "Y\n"),
    ]

    @Test(
        "-Confirm: each answer (§8.3: Enter = Yes, ? = help, garbage asks again, S cannot suspend)",
        arguments: answerCases)
    func confirmAnswers(_ row: AnswerCase) throws {
        let harness = Harness()
        defer { harness.remove() }
        let before = harness.storedKeys(account: "acct").map { [$0.0, $0.1] }
        let terminal = ScriptedTerminal(answers: row.answers)
        let result = harness.run(["rg", "acct", "Key1", "-Confirm"], terminal: terminal)
        #expect(terminal.transcript == row.transcript)
        #expect(result.stderr == "")
        #expect(result.status == 0)
        #expect((result.stdout != "") == row.regenerated)
        if !row.regenerated { #expect(harness.storedKeys(account: "acct").map { [$0.0, $0.1] } == before) }
    }

    static let pipeline =
        #"{"ResourceGroupName":"rg","Name":"a1","KeyName":"Key1"}"# + "\n"
        + #"{"ResourceGroupName":"rg","Name":"a2","KeyName":"Key1"}"#
        + "\n" + #"{"ResourceGroupName":"rg","Name":"a3","KeyName":"Key1"}"# + "\n"

    static func pipelinePrompt(_ account: String) -> String {
        "\nConfirm\nAre you sure you want to perform this action?\n"
            + "Performing the operation \"Regenerating Key Key1 for account \(account).\" on target \"\(account)\".\n"
            + choices
    }

    struct PipelineCase: CustomTestStringConvertible, Sendable {
        let answers: [String]
        /// The accounts asked about, in order.
        let asked: [String]
        let regenerated: [String]
        var testDescription: String { answers.joined(separator: ",") }
    }

    static let pipelineCases: [PipelineCase] = [
        PipelineCase(answers: ["Y", "N", "Y"], asked: ["a1", "a2", "a3"], regenerated: ["a1", "a3"]),
        PipelineCase(answers: ["A"], asked: ["a1"], regenerated: ["a1", "a2", "a3"]),
        PipelineCase(answers: ["N", "A"], asked: ["a1", "a2"], regenerated: ["a2", "a3"]),
        PipelineCase(answers: ["L"], asked: ["a1"], regenerated: []),
        PipelineCase(answers: ["Y", "L"], asked: ["a1", "a2"], regenerated: ["a1"]),
        PipelineCase(answers: ["", "", ""], asked: ["a1", "a2", "a3"], regenerated: ["a1", "a2", "a3"]),
    ]

    @Test("-Confirm over a three-object pipeline: Yes to All / No to All hold for the rest", arguments: pipelineCases)
    func confirmPipeline(_ row: PipelineCase) throws {
        let harness = Harness()
        defer { harness.remove() }
        let terminal = ScriptedTerminal(answers: row.answers)
        let result = harness.run(["-Confirm", "--output", "json"], stdin: Self.pipeline, terminal: terminal)
        let expected = zip(row.asked, row.answers).map { Self.pipelinePrompt($0) + $1 + "\n" }.joined()
        #expect(terminal.transcript == expected)
        #expect(result.status == 0)
        #expect(result.stdout.split(separator: "\n").count == row.regenerated.count)
        for account in ["a1", "a2", "a3"] {
            #expect((harness.storedKeys(account: account) != nil) == row.regenerated.contains(account))
        }
    }

    struct ModeCase: CustomTestStringConvertible, Sendable {
        let arguments: [String]
        let environment: [String: String]
        let prompts: Bool
        let stderr: String
        let regenerated: Bool
        var testDescription: String { (arguments + environment.map { "\($0)=\($1)" }).joined(separator: " ") }
    }

    static let whatIf = "What if: " + operation + "\n"
    static let modeCases: [ModeCase] = [
        // §8.2 step 3: ConfirmPreference High > ConfirmImpact Medium: no prompt.
        ModeCase(arguments: [], environment: [:], prompts: false, stderr: "", regenerated: true),
        ModeCase(arguments: ["-Confirm:false"], environment: [:], prompts: false, stderr: "", regenerated: true),
        ModeCase(arguments: ["-Confirm:$false"], environment: [:], prompts: false, stderr: "", regenerated: true),
        ModeCase(
            arguments: ["-Confirm:false"], environment: ["ConfirmPreference": "Low"], prompts: false, stderr: "",
            regenerated: true),
        ModeCase(arguments: ["-cf"], environment: [:], prompts: true, stderr: "", regenerated: false),
        ModeCase(
            arguments: [], environment: ["ConfirmPreference": "Medium"], prompts: true, stderr: "", regenerated: false),
        ModeCase(
            arguments: [], environment: ["ConfirmPreference": "low"], prompts: true, stderr: "", regenerated: false),
        ModeCase(
            arguments: [], environment: ["ConfirmPreference": "None"], prompts: false, stderr: "", regenerated: true),
        // DESIGN.md: -Force does not make a "No" a "Yes".
        ModeCase(arguments: ["-Confirm", "-Force"], environment: [:], prompts: true, stderr: "", regenerated: false),
        // §8.2 step 2: What-if before Confirm.
        ModeCase(
            arguments: ["-WhatIf", "-Confirm"], environment: [:], prompts: false, stderr: whatIf, regenerated: false),
        ModeCase(arguments: ["-WhatIf"], environment: [:], prompts: false, stderr: whatIf, regenerated: false),
        ModeCase(
            arguments: [], environment: ["WhatIfPreference": "true"], prompts: false, stderr: whatIf, regenerated: false
        ),
        ModeCase(
            arguments: ["-WhatIf:false"], environment: ["WhatIfPreference": "true"], prompts: false, stderr: "",
            regenerated: true),
        // §8.2 step 3: the VERBOSE line only under the -Verbose switch.
        ModeCase(
            arguments: ["-Verbose"], environment: [:], prompts: false, stderr: "VERBOSE: " + operation + "\n",
            regenerated: true),
        ModeCase(
            arguments: ["-Verbose", "-Confirm:false"], environment: [:], prompts: false,
            stderr: "VERBOSE: " + operation + "\n", regenerated: true),
        ModeCase(
            arguments: [], environment: ["VerbosePreference": "Continue"], prompts: false, stderr: "", regenerated: true
        ),
        // 7.6 (#26081): -Debug does not make ShouldProcess prompt.
        ModeCase(arguments: ["-Debug"], environment: [:], prompts: false, stderr: "", regenerated: true),
    ]

    @Test("decision order and ConfirmPreference (§8.2, §8.4)", arguments: modeCases)
    func modes(_ row: ModeCase) {
        let harness = Harness()
        defer { harness.remove() }
        let terminal = ScriptedTerminal(answers: ["N"])
        let result = harness.run(
            ["rg", "acct", "Key1"] + row.arguments, terminal: terminal, environment: row.environment)
        #expect((terminal.transcript == Self.prompt + "N\n") == row.prompts)
        if !row.prompts { #expect(terminal.transcript == "") }
        let stderr = result.stderr.split(separator: "\n", omittingEmptySubsequences: false)
            .filter { !$0.hasPrefix("DEBUG: ") }.joined(separator: "\n")
        #expect(stderr == row.stderr)
        #expect((result.stdout != "") == row.regenerated)
        #expect(result.status == 0)
    }

    @Test(
        "-Confirm with no terminal: PowerShell's NonInteractive message, nothing changed, per object (Az writes it as non-terminating)"
    )
    func noTerminal() {
        let harness = Harness()
        defer { harness.remove() }
        let single = harness.run(["rg", "acct", "Key1", "-Confirm"])
        #expect(single.stdout == "")
        #expect(
            single.stderr == Self.prefix
                + "PowerShell is in NonInteractive mode. Read and Prompt functionality is not available.\n")
        #expect(single.status == 1)
        #expect(harness.storedKeys(account: "acct") == nil)
        let piped = harness.run(["-Confirm"], stdin: Self.pipeline)
        #expect(piped.stderr == String(repeating: single.stderr, count: 3))
        let stopped = harness.run(["-Confirm", "-ErrorAction", "Stop"], stdin: Self.pipeline)
        #expect(stopped.stderr == single.stderr)
        #expect(harness.storedKeys(account: "a1") == nil)
    }

    @Test("-Confirm when the terminal ends (Ctrl+D): The prompt was canceled., nothing changed")
    func terminalEnds() {
        let harness = Harness()
        defer { harness.remove() }
        let result = harness.run(["-Confirm"], stdin: Self.pipeline, terminal: ScriptedTerminal(answers: []))
        #expect(result.stderr == Self.prefix + "The prompt was canceled.\n")
        #expect(result.status == 1)
        #expect(harness.storedKeys(account: "a1") == nil)
    }

    @Test("-WhatIf -Force: What-if line, then AzShim's WARNING; nothing changes (DESIGN.md deviation)")
    func whatIfForce() {
        let harness = Harness()
        defer { harness.remove() }
        let result = harness.run(["rg", "acct", "Key1", "-WhatIf", "-Force"])
        #expect(
            result.stderr
                == Self.whatIf
                + "WARNING: The Az module would regenerate Key1 of 'acct' anyway, because -Force overrides -WhatIf there; AzShim changes nothing under -WhatIf.\n"
        )
        #expect(result.stdout == "")
        #expect(harness.storedKeys(account: "acct") == nil)
    }

    struct WrapCase: CustomTestStringConvertible, Sendable {
        let columns: Int
        let transcript: String
        var testDescription: String { "\(columns) columns" }
    }

    /// `WrapToCurrentWindowWidth` (width - 1) for caption and message; `WriteChoiceHelper` moves a
    /// piece that would pass width - 1 to a new line and trims its trailing spaces.
    static let wrapCases: [WrapCase] = [
        WrapCase(
            columns: 120,
            transcript: prompt + "Y\n"),
        // 59 cells: "…account" fills the line exactly, so the space after it begins the next line;
        // "[S] Suspend  " does not fit: new line, trailing spaces trimmed, and "[?] Help " follows
        // directly (WriteChoiceHelper counts the untrimmed length).
        WrapCase(
            columns: 60,
            transcript: "\nConfirm\nAre you sure you want to perform this action?\n"
                + "Performing the operation \"Regenerating Key Key1 for account\n acct.\" on target \"acct\".\n"
                + "[Y] Yes  [A] Yes to All  [N] No  [L] No to All  \n[S] Suspend[?] Help (default is \"Y\"): Y\n"),
        WrapCase(
            columns: 30,
            transcript: "\nConfirm\nAre you sure you want to \nperform this action?\n"
                + "Performing the operation \n\"Regenerating Key Key1 for \naccount acct.\" on target \n\"acct\".\n"
                + "[Y] Yes  [A] Yes to All  \n[N] No[L] No to All  \n[S] Suspend[?] Help \n(default is \"Y\"):Y\n"),
    ]

    @Test("the prompt wraps at the terminal width as the console host does (§8.3)", arguments: wrapCases)
    func wrapping(_ row: WrapCase) {
        let harness = Harness()
        defer { harness.remove() }
        let terminal = ScriptedTerminal(answers: ["Y"], columns: row.columns)
        _ = harness.run(["rg", "acct", "Key1", "-Confirm"], terminal: terminal)
        #expect(terminal.transcript == row.transcript)
    }

    @Test("on a colour terminal: caption and choices white, the default yellow; none with NO_COLOR or TERM=dumb")
    func colours() {
        let harness = Harness()
        defer { harness.remove() }
        let white = "\u{1B}[97m"
        let yellow = "\u{1B}[93m"
        let restore = "\u{1B}[39;49m"
        let terminal = ScriptedTerminal(answers: ["N"], interpretsEscapes: true)
        _ = harness.run(["rg", "acct", "Key1", "-Confirm"], terminal: terminal, environment: ["TERM": "xterm"])
        #expect(
            terminal.transcript
                == "\n\(white)Confirm\n\(restore)Are you sure you want to perform this action?\n\(Self.operation)\n"
                + "\(yellow)[Y] Yes  \(restore)\(white)[A] Yes to All  \(restore)\(white)[N] No  \(restore)"
                + "\(white)[L] No to All  \(restore)\(white)[S] Suspend  \(restore)[?] Help (default is \"Y\"): N\n")
        for environment in [["NO_COLOR": "1"], ["TERM": "dumb"]] {
            let plain = ScriptedTerminal(answers: ["N"], interpretsEscapes: true)
            _ = harness.run(["rg", "acct", "Key1", "-Confirm"], terminal: plain, environment: environment)
            #expect(plain.transcript == Self.prompt + "N\n")
        }
    }
}

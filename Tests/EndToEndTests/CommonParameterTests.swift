import AzShimSupport
import AzureCognitiveServices
import Foundation
import PowerShellHost
import Testing

/// Common parameters and preference variables at run time (§7, §9): streams, -ErrorAction,
/// -WarningAction, Inquire, Stop, preference variables from the environment, *Variable validation.
struct CommonParameterTests {
    static let prefix = "New-AzCognitiveServicesAccountKey: "
    static func emulatorWarning(_ state: String) -> String {
        "WARNING: No Azure credentials are configured, so AzShim uses its local emulator (state file '\(state)'). Set AZURE_ENVIRONMENT=Emulator to use it without this warning, or configure credentials."
    }
    static func notFound(_ account: String) -> String {
        "Operation returned an invalid status code 'NotFound'\nThe Resource 'Microsoft.CognitiveServices/accounts/\(account)' under resource group 'rg' was not found. For more details please go to https://aka.ms/ARMResourceNotFoundFix"
    }
    static let missing = ["AZSHIM_EMULATOR_AUTOCREATE": "0"]
    static let threeMissing =
        #"{"ResourceGroupName":"rg","Name":"n1","KeyName":"Key1"}"# + "\n"
        + #"{"ResourceGroupName":"rg","Name":"n2","KeyName":"Key1"}"#
        + "\n" + #"{"ResourceGroupName":"rg","Name":"n3","KeyName":"Key1"}"# + "\n"
    static let inquireChoices = "[Y] Yes  [A] Yes to All  [H] Halt Command  [S] Suspend  [?] Help (default is \"Y\"): "
    static let halt = prefix + "The running command stopped because the user selected the Stop option.\n"

    // MARK: - Errors (§7.3)

    struct ErrorCase: CustomTestStringConvertible, Sendable {
        let arguments: [String]
        let environment: [String: String]
        let stderr: String
        var testDescription: String { (arguments + environment.map { "\($0)=\($1)" }).joined(separator: " ") }
    }

    static let errorCases: [ErrorCase] = [
        ErrorCase(
            arguments: [], environment: [:], stderr: [1, 2, 3].map { prefix + notFound("n\($0)") + "\n" }.joined()),
        ErrorCase(
            arguments: ["-ErrorAction", "Continue"], environment: [:],
            stderr: [1, 2, 3].map { prefix + notFound("n\($0)") + "\n" }.joined()),
        ErrorCase(arguments: ["-ErrorAction", "SilentlyContinue"], environment: [:], stderr: ""),
        ErrorCase(arguments: ["-ea", "Ignore"], environment: [:], stderr: ""),
        // Stop: the first error, as its own record (ActionPreferenceStopException carries it), ends the command.
        ErrorCase(arguments: ["-ErrorAction", "Stop"], environment: [:], stderr: prefix + notFound("n1") + "\n"),
        ErrorCase(
            arguments: [], environment: ["ErrorActionPreference": "Stop"], stderr: prefix + notFound("n1") + "\n"),
        ErrorCase(arguments: [], environment: ["ErrorActionPreference": "st"], stderr: prefix + notFound("n1") + "\n"),
        ErrorCase(arguments: [], environment: ["ErrorActionPreference": "1"], stderr: prefix + notFound("n1") + "\n"),
        ErrorCase(arguments: [], environment: ["ErrorActionPreference": "SilentlyContinue"], stderr: ""),
        // A common parameter beats its preference variable.
        ErrorCase(
            arguments: ["-ErrorAction", "Continue"], environment: ["ErrorActionPreference": "Stop"],
            stderr: [1, 2, 3].map { prefix + notFound("n\($0)") + "\n" }.joined()),
        ErrorCase(
            arguments: ["-ErrorAction", "Stop"], environment: ["ErrorActionPreference": "SilentlyContinue"],
            stderr: prefix + notFound("n1") + "\n"),
    ]

    @Test(
        "-ErrorAction and $ErrorActionPreference over three failing objects (exit 1 in every case)",
        arguments: errorCases)
    func errorAction(_ row: ErrorCase) {
        let harness = Harness()
        defer { harness.remove() }
        let result = harness.run(
            row.arguments, stdin: Self.threeMissing, environment: Self.missing.merging(row.environment) { $1 })
        #expect(result.stderr == row.stderr)
        #expect(result.stdout == "")
        #expect(result.status == 1)
    }

    struct InquireCase: CustomTestStringConvertible, Sendable {
        let answers: [String]
        let transcript: String
        let stderr: String
        var testDescription: String { answers.joined(separator: ",") }
    }

    static func errorPrompt(_ account: String) -> String { "\nConfirm\n" + notFound(account) + "\n" + inquireChoices }
    static let inquireHelp =
        "Y - Continue with only the next step of the operation.\nA - Continue with all the steps of the operation.\n"
        + "H - Stop this command.\nS - Pause the current pipeline and return to the command prompt. Type \"exit\" to resume the pipeline.\n"

    static let inquireCases: [InquireCase] = [
        InquireCase(
            answers: ["Y", "y", ""],
            transcript: errorPrompt("n1") + "Y\n" + errorPrompt("n2") + "y\n" + errorPrompt("n3") + "\n",
            stderr: [1, 2, 3].map { prefix + notFound("n\($0)") + "\n" }.joined()),
        InquireCase(
            answers: ["A"], transcript: errorPrompt("n1") + "A\n",
            stderr: [1, 2, 3].map { prefix + notFound("n\($0)") + "\n" }.joined()),
        // Halt: the error itself is not shown; InquireHalt is.
        InquireCase(answers: ["H"], transcript: errorPrompt("n1") + "H\n", stderr: halt),
        InquireCase(
            answers: ["Y", "h"], transcript: errorPrompt("n1") + "Y\n" + errorPrompt("n2") + "h\n",
            stderr: prefix + notFound("n1") + "\n" + halt),
        InquireCase(
            answers: ["?", "x", "H"],
            transcript: errorPrompt("n1") + "?\n" + inquireHelp + inquireChoices + "x\n" + inquireChoices + "H\n",
            stderr: halt),
        InquireCase(
            answers: ["S", "H"],
            transcript: errorPrompt("n1")
                + "S\nSuspend is not available: AzShim runs as a separate process and has no nested prompt to return to.\n"
                + errorPrompt("n1") + "H\n", stderr: halt),
    ]

    @Test(
        "-ErrorAction Inquire asks before the error is shown (§7.3: Yes, Yes to All, Halt Command, Suspend)",
        arguments: inquireCases)
    func errorInquire(_ row: InquireCase) {
        let harness = Harness()
        defer { harness.remove() }
        let terminal = ScriptedTerminal(answers: row.answers)
        let result = harness.run(
            ["-ErrorAction", "Inquire"], stdin: Self.threeMissing, terminal: terminal, environment: Self.missing)
        #expect(terminal.transcript == row.transcript)
        #expect(result.stderr == row.stderr)
        #expect(result.status == 1)
    }

    @Test("-ErrorAction Inquire without a terminal: the NonInteractive message ends the command")
    func errorInquireNoTerminal() {
        let harness = Harness()
        defer { harness.remove() }
        let result = harness.run(["-ErrorAction", "Inquire"], stdin: Self.threeMissing, environment: Self.missing)
        #expect(
            result.stderr == Self.prefix
                + "PowerShell is in NonInteractive mode. Read and Prompt functionality is not available.\n")
        #expect(result.status == 1)
    }

    // MARK: - Warnings (§7.4)

    struct WarningCase: CustomTestStringConvertible, Sendable {
        let arguments: [String]
        let environment: [String: String]
        let warned: Bool
        let stopped: Bool
        var testDescription: String { (arguments + environment.map { "\($0)=\($1)" }).joined(separator: " ") }
    }

    static let warningCases: [WarningCase] = [
        WarningCase(arguments: [], environment: [:], warned: true, stopped: false),
        WarningCase(arguments: ["-WarningAction", "Continue"], environment: [:], warned: true, stopped: false),
        WarningCase(
            arguments: ["-WarningAction", "SilentlyContinue"], environment: [:], warned: false, stopped: false),
        WarningCase(arguments: ["-wa", "Ignore"], environment: [:], warned: false, stopped: false),
        WarningCase(arguments: ["-WarningAction", "Stop"], environment: [:], warned: true, stopped: true),
        WarningCase(
            arguments: [], environment: ["WarningPreference": "SilentlyContinue"], warned: false, stopped: false),
        WarningCase(arguments: [], environment: ["WarningPreference": "Stop"], warned: true, stopped: true),
        // -Verbose (and -Debug) make WarningPreference Continue unless -WarningAction is given.
        WarningCase(
            arguments: ["-Verbose"], environment: ["WarningPreference": "SilentlyContinue"], warned: true,
            stopped: false),
        WarningCase(
            arguments: ["-Debug"], environment: ["WarningPreference": "SilentlyContinue"], warned: true, stopped: false),
        WarningCase(
            arguments: ["-Verbose:false"], environment: ["WarningPreference": "SilentlyContinue"], warned: false,
            stopped: false),
        WarningCase(
            arguments: ["-Verbose", "-WarningAction", "SilentlyContinue"], environment: [:], warned: false,
            stopped: false),
        WarningCase(
            arguments: ["-WarningAction", "Continue"], environment: ["WarningPreference": "Stop"], warned: true,
            stopped: false),
    ]

    @Test(
        "-WarningAction and $WarningPreference; Stop shows the warning, then §7.4's message, and changes nothing",
        arguments: warningCases)
    func warningAction(_ row: WarningCase) {
        var harness = Harness()
        defer { harness.remove() }
        harness.environment["AZURE_ENVIRONMENT"] = nil
        let result = harness.run(["rg", "acct", "Key1"] + row.arguments, environment: row.environment)
        let warning = Self.emulatorWarning(harness.stateFile)
        var expected = row.warned ? warning + "\n" : ""
        if row.stopped {
            expected +=
                Self.prefix
                + "The running command stopped because the preference variable \"WarningPreference\" or common parameter is set to Stop: "
                + warning.dropFirst("WARNING: ".count) + "\n"
        }
        let stderr = result.stderr.split(separator: "\n", omittingEmptySubsequences: false).filter {
            !$0.hasPrefix("DEBUG: ") && !$0.hasPrefix("VERBOSE: ")
        }.joined(separator: "\n")
        #expect(stderr == expected)
        #expect((result.stdout == "") == row.stopped)
        #expect(result.status == (row.stopped ? 1 : 0))
        if row.stopped { #expect(harness.storedKeys(account: "acct") == nil) }
    }

    static let continuePrompt = "\nConfirm\nContinue with this operation?\n" + inquireChoices

    @Test(
        "-WarningAction Inquire: the warning, then `Continue with this operation?`; Halt stops before any change",
        arguments: [("Y", false), ("", false), ("A", false), ("H", true)])
    func warningInquire(_ answer: String, _ halts: Bool) {
        var harness = Harness()
        defer { harness.remove() }
        harness.environment["AZURE_ENVIRONMENT"] = nil
        let terminal = ScriptedTerminal(answers: [answer])
        let result = harness.run(["rg", "acct", "Key1", "-WarningAction", "Inquire"], terminal: terminal)
        #expect(terminal.transcript == Self.continuePrompt + answer + "\n")
        #expect(result.stderr == Self.emulatorWarning(harness.stateFile) + "\n" + (halts ? Self.halt : ""))
        #expect((result.stdout == "") == halts)
        #expect(result.status == (halts ? 1 : 0))
    }

    // MARK: - Verbose and debug (§7.4, §9.1)

    @Test("-Debug: Az's begin and end processing lines with a local HH:mm:ss time; never a prompt (DESIGN.md)")
    func debugLines() throws {
        let harness = Harness()
        defer { harness.remove() }
        let terminal = ScriptedTerminal(answers: [])
        let result = harness.run(["rg", "acct", "Key1", "-Debug"], terminal: terminal)
        #expect(terminal.transcript == "")
        #expect(result.status == 0)
        let lines = result.stderr.split(separator: "\n").map(String.init).filter {
            $0.hasPrefix("DEBUG: ") && $0.contains("processing")
        }
        try #require(lines.count == 2)
        let begin = try #require(
            lines[0].wholeMatch(
                of:
                    #/DEBUG: (\d\d:\d\d:\d\d) - NewAzureCognitiveServicesAccountKeyCommand begin processing with ParameterSet '__AllParameterSets'\./#
            ))
        #expect(
            lines[1].wholeMatch(
                of: #/DEBUG: \d\d:\d\d:\d\d - NewAzureCognitiveServicesAccountKeyCommand end processing\./#) != nil)
        #expect(begin.output.1.count == 8)
        for (arguments, environment) in [
            (["-Debug:false"], [:]), ([], [:]), (["-Debug:false"], ["DebugPreference": "Continue"]),
        ] as [([String], [String: String])] {
            #expect(
                !harness.run(["rg", "acct", "Key1"] + arguments, environment: environment).stderr.contains("DEBUG: "))
        }
        #expect(
            harness.run(["rg", "acct", "Key1"], environment: ["DebugPreference": "Continue"]).stderr.contains(
                "begin processing"))
    }

    @Test("CommandRuntime.timeOfDay is the local time as HH:mm:ss")
    func timeOfDay() {
        #expect(CommandRuntime.timeOfDay().wholeMatch(of: #/\d\d:\d\d:\d\d/#) != nil)
    }

    struct StopCase: CustomTestStringConvertible, Sendable {
        let environment: [String: String]
        let variable: String
        var testDescription: String { environment.map { "\($0)=\($1)" }.joined() }
    }

    @Test("$DebugPreference=Stop: the line is shown, then the command stops with ErrorPreferenceStop")
    func debugStop() {
        let harness = Harness()
        defer { harness.remove() }
        let result = harness.run(["rg", "acct", "Key1"], environment: ["DebugPreference": "Stop"])
        let lines = result.stderr.split(separator: "\n").map(String.init)
        #expect(lines.count == 2)
        #expect(lines.first?.hasPrefix("DEBUG: ") == true)
        #expect(
            lines.last?.hasPrefix(
                Self.prefix
                    + "The running command stopped because the preference variable \"DebugPreference\" or common parameter is set to Stop: "
            ) == true)
        #expect(
            lines.last?.hasSuffix(
                " - NewAzureCognitiveServicesAccountKeyCommand begin processing with ParameterSet '__AllParameterSets'."
            ) == true)
        #expect(result.stdout == "")
        #expect(result.status == 1)
        #expect(harness.storedKeys(account: "acct") == nil)
    }

    @Test("$DebugPreference=Inquire prompts after the line (an explicit Inquire, not -Debug)")
    func debugInquire() {
        let harness = Harness()
        defer { harness.remove() }
        let terminal = ScriptedTerminal(answers: ["A"])
        let result = harness.run(
            ["rg", "acct", "Key1"], terminal: terminal, environment: ["DebugPreference": "Inquire"])
        #expect(terminal.transcript == Self.continuePrompt + "A\n")
        #expect(result.stderr.split(separator: "\n").count == 2)
        #expect(result.status == 0)
    }

    @Test(
        "VERBOSE/WARNING/DEBUG prefixes; yellow ESC[33;1m…ESC[0m only on a terminal without NO_COLOR or TERM=dumb (§9.1, §9.3)"
    )
    func colours() throws {
        let harness = Harness()
        defer { harness.remove() }
        let operation = "Performing the operation \"Regenerating Key Key1 for account acct.\" on target \"acct\"."
        func run(_ terminal: Bool, _ environment: [String: String]) -> String {
            let stdout = MemorySink()
            let stderr = MemorySink()
            let io = HostIO(
                environment: harness.environment.merging(environment) { $1 }, standardInput: MemoryByteSource([]),
                standardOutput: stdout, standardError: stderr, standardErrorIsTerminal: terminal)
            _ = CommandHost.run(
                NewAzCognitiveServicesAccountKey.definition, arguments: ["rg", "acct", "Key1", "-Verbose"], io: io)
            return stderr.text
        }
        #expect(run(true, ["TERM": "xterm"]) == "\u{1B}[33;1mVERBOSE: \(operation)\u{1B}[0m\n")
        #expect(run(false, [:]) == "VERBOSE: \(operation)\n")
        #expect(run(true, ["NO_COLOR": "1"]) == "VERBOSE: \(operation)\n")
        #expect(run(true, ["TERM": "dumb"]) == "VERBOSE: \(operation)\n")
    }

    @Test("-InformationAction and -ProgressAction are accepted (nothing is written to those streams); Suspend is not")
    func informationAndProgress() {
        let harness = Harness()
        defer { harness.remove() }
        for arguments in [
            ["-InformationAction", "Continue"], ["-infa", "Ignore"], ["-ProgressAction", "SilentlyContinue"],
            ["-proga", "Stop"],
        ] {
            let result = harness.run(["rg", "acct", "Key1"] + arguments)
            #expect(result.status == 0)
            #expect(result.stderr == "")
        }
        let suspended = harness.run(["rg", "acct", "Key1", "-ProgressAction", "Suspend"])
        #expect(
            suspended.stderr == Self.prefix
                + "Cannot bind parameter 'ProgressAction' to the target. Exception setting \"ProgressAction\": \"The Suspend ActionPreference value is reserved for future use and is not supported at this time. For more information about preference variables, see the Help topic, \"about_Preference_Variables.\"\"\n"
        )
    }

    // MARK: - Preference variables from the environment

    struct VariableCase: CustomTestStringConvertible, Sendable {
        let name: String
        let value: String
        let message: String
        var testDescription: String { "\(name)=\(value)" }
    }

    static let actionNames = "SilentlyContinue, Stop, Continue, Inquire, Ignore, Suspend, Break"
    static let reserved =
        "The Suspend ActionPreference value is reserved for future use and is not supported at this time. For more information about preference variables, see the Help topic, \"about_Preference_Variables.\""

    /// `ArgumentTypeConverterAttribute.Transform` → `ArgumentTransformationMetadataException(e.Message)`,
    /// category MetadataError, which ConciseView names when there is no command.
    static let variableCases: [VariableCase] = [
        VariableCase(
            name: "ErrorActionPreference", value: "Bogus",
            message:
                "Cannot convert value \"Bogus\" to type \"System.Management.Automation.ActionPreference\". Error: \"Unable to match the identifier name Bogus to a valid enumerator name. Specify one of the following enumerator names and try again:\n\(actionNames)\""
        ),
        VariableCase(
            name: "WarningPreference", value: "S",
            message:
                "Cannot convert value \"S\" to type \"System.Management.Automation.ActionPreference\". Error: \"The identifier name S cannot be processed because it is either too similar or identical to the following enumerator names: SilentlyContinue, Stop, Suspend. Use a more specific identifier name.\""
        ),
        VariableCase(
            name: "VerbosePreference", value: "9",
            message:
                "Cannot convert value \"9\" to type \"System.Management.Automation.ActionPreference\" due to enumeration values that are not valid. Specify one of the following enumeration values and try again. The possible enumeration values are \"\(actionNames.replacingOccurrences(of: ", ", with: ","))\"."
        ),
        VariableCase(name: "DebugPreference", value: "Suspend", message: reserved),
        VariableCase(name: "InformationPreference", value: "suspend", message: reserved),
        VariableCase(
            name: "ProgressPreference", value: "Nope",
            message:
                "Cannot convert value \"Nope\" to type \"System.Management.Automation.ActionPreference\". Error: \"Unable to match the identifier name Nope to a valid enumerator name. Specify one of the following enumerator names and try again:\n\(actionNames)\""
        ),
        VariableCase(
            name: "ConfirmPreference", value: "Highest",
            message:
                "Cannot convert value \"Highest\" to type \"System.Management.Automation.ConfirmImpact\". Error: \"Unable to match the identifier name Highest to a valid enumerator name. Specify one of the following enumerator names and try again:\nNone, Low, Medium, High\""
        ),
    ]

    @Test(
        "a preference variable PowerShell's assignment would reject: its conversion error as MetadataError, nothing runs",
        arguments: variableCases)
    func badVariable(_ row: VariableCase) {
        let harness = Harness()
        defer { harness.remove() }
        let result = harness.run(["rg", "acct", "Key1"], environment: [row.name: row.value])
        #expect(result.stderr == "MetadataError: " + row.message + "\n")
        #expect(result.stdout == "")
        #expect(result.status == 1)
        #expect(harness.storedKeys(account: "acct") == nil)
    }

    @Test(
        "WhatIfPreference: false, 0, $false and empty are false; anything else is true ([bool] of a non-empty string)",
        arguments: [
            ("true", true), ("1", true), ("$true", true), ("yes", true), ("false", false), ("FALSE", false),
            ("0", false), ("$false", false), ("", false),
        ])
    func whatIfPreference(_ value: String, _ whatIf: Bool) {
        let harness = Harness()
        defer { harness.remove() }
        let result = harness.run(["rg", "acct", "Key1"], environment: ["WhatIfPreference": value])
        #expect(result.stderr.hasPrefix("What if: ") == whatIf)
        #expect((result.stdout == "") == whatIf)
    }

    @Test("the environment variables behave as the matching parameters")
    func environmentAsParameters() {
        let harness = Harness()
        defer { harness.remove() }
        let pairs: [([String], [String: String], [String: String])] = [
            (["-ErrorAction", "Stop"], ["ErrorActionPreference": "Stop"], Self.missing),
            (["-WhatIf"], ["WhatIfPreference": "true"], [:]),
            (["-ErrorAction", "SilentlyContinue"], ["ErrorActionPreference": "SilentlyContinue"], Self.missing),
        ]
        for (arguments, variables, extra) in pairs {
            let byParameter = harness.run(arguments, stdin: Self.threeMissing, environment: extra)
            let byVariable = harness.run([], stdin: Self.threeMissing, environment: extra.merging(variables) { $1 })
            #expect(byParameter.stderr == byVariable.stderr)
            #expect(byParameter.status == byVariable.status)
        }
        // $VerbosePreference shows verbose records; the ShouldProcess line needs the switch (§8.2).
        let emptyVerbose = harness.run(["rg", "acct", "Key1"], environment: ["VerbosePreference": "Continue"])
        #expect(emptyVerbose.stderr == "")
    }

    // MARK: - *Variable and OutBuffer validation (§7.1)

    struct ValidationCase: CustomTestStringConvertible, Sendable {
        let arguments: [String]
        let message: String?
        var testDescription: String { arguments.joined(separator: " ") }
    }

    static let validationCases: [ValidationCase] = [
        ValidationCase(arguments: ["-ErrorVariable", "errs"], message: nil),
        ValidationCase(arguments: ["-ev", "+errs"], message: nil),
        ValidationCase(arguments: ["-WarningVariable", "global:w"], message: nil),
        ValidationCase(arguments: ["-InformationVariable", "SCRIPT:i"], message: nil),
        ValidationCase(arguments: ["-OutVariable", "private:o"], message: nil),
        ValidationCase(arguments: ["-PipelineVariable", "local:p"], message: nil),
        ValidationCase(arguments: ["-ov", "variable:o"], message: nil),
        ValidationCase(arguments: ["-ov", "variable:env:o"], message: nil),
        ValidationCase(arguments: ["-ov", ":o"], message: nil),
        ValidationCase(arguments: ["-ev", "global:env:x"], message: nil),
        ValidationCase(arguments: ["-OutBuffer", "0"], message: nil),
        ValidationCase(arguments: ["-ob", "2147483647"], message: nil),
        ValidationCase(
            arguments: ["-ErrorVariable", "env:HOME"],
            message:
                "Cannot validate argument on parameter 'ErrorVariable'. Cannot validate argument 'env:HOME' because it is not a valid variable name."
        ),
        ValidationCase(
            arguments: ["-ErrorVariable", "+env:HOME"],
            message:
                "Cannot validate argument on parameter 'ErrorVariable'. Cannot validate argument 'env:HOME' because it is not a valid variable name."
        ),
        ValidationCase(
            arguments: ["-OutVariable", "using:x"],
            message:
                "Cannot validate argument on parameter 'OutVariable'. Cannot validate argument 'using:x' because it is not a valid variable name."
        ),
        ValidationCase(
            arguments: ["-OutVariable", "g:x"],
            message:
                "Cannot validate argument on parameter 'OutVariable'. Cannot validate argument 'g:x' because it is not a valid variable name."
        ),
        ValidationCase(
            arguments: ["-OutVariable", "globalx:y"],
            message:
                "Cannot validate argument on parameter 'OutVariable'. Cannot validate argument 'globalx:y' because it is not a valid variable name."
        ),
        ValidationCase(
            arguments: ["-PipelineVariable", ""],
            message:
                "Cannot validate argument on parameter 'PipelineVariable'. Cannot process argument because the value of argument \"path\" is not valid. Change the value of the \"path\" argument and run the operation again."
        ),
        ValidationCase(
            arguments: ["-ErrorVariable", "+"],
            message:
                "Cannot validate argument on parameter 'ErrorVariable'. Cannot process argument because the value of argument \"path\" is not valid. Change the value of the \"path\" argument and run the operation again."
        ),
        ValidationCase(
            arguments: ["-OutBuffer", "-1"],
            message:
                "Cannot validate argument on parameter 'OutBuffer'. The -1 argument is less than the minimum allowed range of 0. Supply an argument that is greater than or equal to 0 and then try the command again."
        ),
    ]

    @Test(
        "*Variable and -OutBuffer are validated as PowerShell does (VariablePath.IsVariable) and have no further effect",
        arguments: validationCases)
    func validation(_ row: ValidationCase) {
        let harness = Harness()
        defer { harness.remove() }
        let result = harness.run(["rg", "acct", "Key1"] + row.arguments)
        if let message = row.message {
            #expect(result.stderr == Self.prefix + message + "\n")
            #expect(result.status == 1)
        } else {
            #expect(result.stderr == "")
            #expect(result.status == 0)
            #expect(Harness.tableKeys(result.stdout) != nil)
        }
    }
}

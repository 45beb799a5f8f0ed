/// ShouldProcess for one command run (`MshCommandRuntime.DoShouldProcess`), remembering
/// "Yes to All" and "No to All" across pipeline objects.
///
/// Order: a remembered to-All answer; What-if (prints the line, returns false); auto-confirm
/// when `$ConfirmPreference` is above the command's ConfirmImpact (a `VERBOSE:` line under
/// `-Verbose`); otherwise the Confirm prompt on the terminal.
///
/// Example: `-WhatIf` prints `What if: Performing the operation "Regenerating Key Key1 for account acct." on target "acct".`
final class ShouldProcessConfirmation {
    enum Decision: Equatable {
        case proceed, skip, halt
    }

    private var yesToAll = false
    private var noToAll = false

    static func operation(target: String, action: String) -> String {
        "Performing the operation \"\(action)\" on target \"\(target)\"."
    }

    func decide(target: String, action: String, runtime: CommandRuntime) -> Decision {
        if noToAll { return .skip }
        if yesToAll { return .proceed }
        let operation = Self.operation(target: target, action: action)
        if runtime.preferences.whatIf {
            runtime.writeHostLine("What if: " + operation)
            return .skip
        }
        let preference = runtime.preferences.confirm
        if preference == .none || preference > runtime.metadata.confirmImpact {
            runtime.writeVerbose(operation)
            return .proceed
        }
        guard let terminal = runtime.io.terminal else {
            runtime.writeTerminatingError(Self.nonInteractive)
            return .halt
        }
        let prompt = ChoicePrompt(
            caption: "Confirm", message: "Are you sure you want to perform this action?\n" + operation,
            choices: [ChoicePrompt.yes, ChoicePrompt.yesToAll, ChoicePrompt.no, ChoicePrompt.noToAll, ChoicePrompt.suspend], defaultIndex: 0)
        while true {
            switch prompt.ask(terminal) {
            case 0: return .proceed
            case 1:
                yesToAll = true
                return .proceed
            case 2: return .skip
            case 3:
                noToAll = true
                return .skip
            case 4:
                terminal.write(Self.suspendUnavailable + "\n")
            default:
                runtime.writeTerminatingError(Self.nonInteractive)
                return .halt
            }
        }
    }

    /// `-ErrorAction Inquire` / `-WarningAction Inquire`: Yes, Yes to All, Halt Command, Suspend.
    /// Returns false when the command must stop.
    func inquire(_ message: String, io: HostIO, allowSkip: Bool) -> Bool {
        if yesToAll { return true }
        guard let terminal = io.terminal else { return false }
        let prompt = ChoicePrompt(
            caption: "Confirm", message: message, choices: [ChoicePrompt.yes, ChoicePrompt.yesToAll, ChoicePrompt.halt, ChoicePrompt.suspend],
            defaultIndex: 0)
        while true {
            switch prompt.ask(terminal) {
            case 0: return true
            case 1:
                yesToAll = true
                return true
            case 3: terminal.write(Self.suspendUnavailable + "\n")
            default: return false
            }
        }
    }

    /// AzShim runs in a child process of the shell: there is no PowerShell prompt to suspend to.
    static let suspendUnavailable =
        "Suspend is not available: AzShim runs as a separate process and has no nested prompt to return to."

    /// `ConsoleHostUserInterfaceStrings.ReadFailsOnNonInteractiveFlag`.
    static let nonInteractive = ErrorRecord(
        message: "PowerShell is in NonInteractive mode. Read and Prompt functionality is not available.",
        errorId: "HostFunctionNotImplemented", category: .invalidOperation)
}

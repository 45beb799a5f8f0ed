/// ShouldProcess for one command run (`MshCommandRuntime.DoShouldProcess`), remembering
/// "Yes to All" and "No to All" across pipeline objects.
///
/// Order: a remembered to-All answer; What-if (prints the line, returns false); auto-confirm
/// when `$ConfirmPreference` is None or above the command's ConfirmImpact (a `VERBOSE:` line only
/// under the `-Verbose` switch — `this.Verbose` is the switch, not `$VerbosePreference`);
/// otherwise the Confirm prompt on the terminal (`InquireHelper` with Yes, Yes to All, No,
/// No to All, Suspend).
///
/// Example: `-WhatIf` prints `What if: Performing the operation "Regenerating Key Key1 for account acct." on target "acct".`
final class ShouldProcessConfirmation {
    enum Decision: Equatable {
        case proceed, skip, halt
    }

    private(set) var status = ContinueStatus.yes

    /// `CommandBaseStrings.ShouldProcessMessage`.
    static func operation(target: String, action: String) -> String {
        "Performing the operation \"\(action)\" on target \"\(target)\"."
    }

    /// The decision when it needs no prompt (a remembered to-All answer, What-if, auto-confirm),
    /// with its What-if or VERBOSE line written; nil when the Confirm prompt must ask.
    func decideWithoutPrompt(target: String, action: some ShouldProcessAction, runtime: CommandRuntime) -> Decision? {
        switch status {
        case .noToAll: return .skip
        case .yesToAll: return .proceed
        default: break
        }
        if runtime.preferences.whatIf {
            runtime.writeWhatIfLine(target: target, action: action)
            return .skip
        }
        let operation = Self.operation(target: target, action: action.text)
        let preference = runtime.preferences.confirm
        if preference == .none || preference > runtime.metadata.confirmImpact {
            if runtime.preferences.verboseSwitch { runtime.writeVerbose(operation) }
            return .proceed
        }
        return nil
    }

    /// True when a ShouldProcess call now would show the Confirm prompt.
    func mayPrompt(runtime: CommandRuntime) -> Bool {
        guard runtime.metadata.supportsShouldProcess, status != .noToAll, status != .yesToAll else { return false }
        let preference = runtime.preferences.confirm
        return !runtime.preferences.whatIf && preference != .none && !(preference > runtime.metadata.confirmImpact)
    }

    func decide(target: String, action: some ShouldProcessAction, runtime: CommandRuntime) -> Decision {
        if let decision = decideWithoutPrompt(target: target, action: action, runtime: runtime) { return decision }
        let operation = Self.operation(target: target, action: action.text)
        // `ShouldProcessWarningFallback`.
        let inquiry = Inquiry(
            message: "Are you sure you want to perform this action?\n" + operation, allowYesToAll: true,
            allowNoToAll: true, replaceNoWithHalt: false)
        switch runtime.ask(inquiry) {
        case .answered(let answer):
            status = answer
            return answer == .yes || answer == .yesToAll ? .proceed : .skip
        case .halted:
            return .halt
        case .notInteractive:
            // PromptForChoice throws PSInvalidOperationException; Az's ProcessRecord catches it
            // (`catch (Exception ex) when (!IsTerminatingError(ex))`) and writes it as a
            // non-terminating error: this object is skipped, the next one is asked again.
            runtime.writeError(Self.nonInteractive)
            return .skip
        case .canceled:
            runtime.writeTerminatingError(Self.canceled)
            return .halt
        }
    }

    /// `ConsoleHostUserInterfaceStrings.ReadFailsOnNonInteractiveFlag`.
    static let nonInteractive = ErrorRecord(
        message: "PowerShell is in NonInteractive mode. Read and Prompt functionality is not available.",
        errorId: "HostFunctionNotImplemented", category: .invalidOperation)

    /// `ConsoleHostUserInterfaceStrings.PromptCanceledError` (`PromptForChoiceCanceled`): the
    /// terminal ended before an answer.
    static let canceled = ErrorRecord(
        message: "The prompt was canceled.", errorId: "PromptForChoiceCanceled", category: .operationStopped)
}

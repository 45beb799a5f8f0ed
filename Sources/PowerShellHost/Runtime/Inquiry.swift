/// `MshCommandRuntime.InquireHelper`: the Confirm prompt with Yes, optionally Yes to All, No or
/// Halt Command, optionally No to All, and Suspend, on the terminal (`/dev/tty`).
///
/// Suspend would enter a nested PowerShell prompt; AzShim is a child process of a shell and has
/// none, so it says so and asks again.
///
/// Example: `-ErrorAction Inquire` asks with caption `Confirm`, the error's message, and
/// `[Y] Yes  [A] Yes to All  [H] Halt Command  [S] Suspend  [?] Help (default is "Y"): `.
struct Inquiry {
    enum Outcome: Equatable {
        case answered(ContinueStatus)
        /// Halt Command: `ActionPreferenceStopException(InquireHalt)`.
        case halted
        /// No terminal: `PowerShell is in NonInteractive mode. …`.
        case notInteractive
        /// The terminal ended (Ctrl+D) before an answer.
        case canceled
    }

    /// `CommandBaseStrings.ShouldContinuePromptCaption`, the message when there is none.
    static let defaultMessage = "Continue with this operation?"
    /// `CommandBaseStrings.InquireCaptionDefault`.
    static let defaultCaption = "Confirm"

    /// Said on the terminal when Suspend is chosen, then the prompt is shown again (AzShim).
    static let suspendUnavailable =
        "Suspend is not available: AzShim runs as a separate process and has no nested prompt to return to."

    let message: String
    var caption = Inquiry.defaultCaption
    var allowYesToAll = true
    var allowNoToAll = false
    var replaceNoWithHalt = true

    func ask(_ terminal: (any PromptTerminal)?, colour: Bool) -> Outcome {
        guard let terminal else { return .notInteractive }
        var choices = [ChoicePrompt.yes]
        var outcomes: [Outcome?] = [.answered(.yes)]
        if allowYesToAll {
            choices.append(ChoicePrompt.yesToAll)
            outcomes.append(.answered(.yesToAll))
        }
        if replaceNoWithHalt {
            choices.append(ChoicePrompt.halt)
            outcomes.append(.halted)
        } else {
            choices.append(ChoicePrompt.no)
            outcomes.append(.answered(.no))
        }
        if allowNoToAll {
            choices.append(ChoicePrompt.noToAll)
            outcomes.append(.answered(.noToAll))
        }
        choices.append(ChoicePrompt.suspend)
        outcomes.append(nil)
        let prompt = ChoicePrompt(
            caption: caption.isEmpty ? Self.defaultCaption : caption,
            message: message.isEmpty ? Self.defaultMessage : message, choices: choices, defaultIndex: 0)
        while true {
            guard let index = prompt.ask(terminal, colour: colour) else { return .canceled }
            if let outcome = outcomes[index] { return outcome }
            terminal.write(Self.suspendUnavailable + "\n")
        }
    }
}

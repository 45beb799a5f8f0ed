/// The console host's `PromptForChoice` (`ConsoleHostUserInterfacePromptForChoice.cs`): an empty
/// line, the caption, the message, then the choices on one line
/// (`[Y] Yes  [A] Yes to All  …  [?] Help (default is "Y"): `). Enter picks the default; a hot key
/// or the full label picks a choice (case-insensitive, surrounding white space ignored); `?` prints
/// each choice's help (`Y - Continue with only the next step of the operation.`) and asks again;
/// anything else asks again.
///
/// Layout as `WriteChoicePrompt`/`WriteChoiceHelper`: each piece that would pass column
/// `width - 1` starts a new line and loses its trailing spaces; caption, message and help lines
/// are word-wrapped (`WrapToCurrentWindowWidth`). Colours (on a terminal that interprets them):
/// caption and choices white, the default choice yellow — `Console.ForegroundColor` as .NET
/// writes it for xterm (`ESC[97m`, `ESC[93m`, restored with `ESC[39;49m`).
///
/// Example: `-Confirm` shows caption `Confirm`, message `Are you sure you want to perform this action?`
/// + newline + `Performing the operation "Regenerating Key Key1 for account acct." on target "acct".`
struct ChoicePrompt {
    struct Choice {
        /// With `&` before the hot key, as in `CommandBaseStrings.resx`: `Yes to &All`.
        let label: String
        let help: String

        /// `HostUIHelperMethods.BuildHotkeysAndPlainLabels`: the letter after `&`, upper-cased.
        var hotKey: String {
            guard let ampersand = label.firstIndex(of: "&"), label.index(after: ampersand) < label.endIndex else {
                return ""
            }
            return String(label[label.index(after: ampersand)]).uppercased()
        }

        var plainLabel: String { label.replacingAll("&", with: "") }
    }

    let caption: String
    let message: String
    let choices: [Choice]
    let defaultIndex: Int

    // `CommandBaseStrings.resx`.
    static let yes = Choice(label: "&Yes", help: "Continue with only the next step of the operation.")
    static let yesToAll = Choice(label: "Yes to &All", help: "Continue with all the steps of the operation.")
    static let no = Choice(label: "&No", help: "Skip this operation and proceed with the next operation.")
    static let noToAll = Choice(label: "No to A&ll", help: "Skip this operation and all subsequent operations.")
    static let halt = Choice(label: "&Halt Command", help: "Stop this command.")
    static let suspend = Choice(
        label: "&Suspend",
        help: "Pause the current pipeline and return to the command prompt. Type \"exit\" to resume the pipeline.")

    static let white = "\u{1B}[97m"
    static let yellow = "\u{1B}[93m"
    static let restore = "\u{1B}[39;49m"

    /// The index chosen, or nil when the terminal ended (Ctrl+D).
    func ask(_ terminal: any PromptTerminal, colour: Bool) -> Int? {
        let columns = terminal.columns
        func painted(_ text: String, _ style: String) -> String { colour ? style + text + Self.restore : text }
        if !caption.isEmpty {
            terminal.write("\n")
            terminal.write(
                painted(
                    ConsoleWordWrap.wrap(TerminalText.escapingControls(caption), columns: columns) + "\n", Self.white))
        }
        // The message can carry user input (a pipeline object's account name, an error text):
        // control characters are shown, never interpreted by the terminal.
        if !message.isEmpty {
            terminal.write(ConsoleWordWrap.wrap(TerminalText.escapingControls(message), columns: columns) + "\n")
        }
        while true {
            terminal.write(choiceLine(columns: columns, painted: painted))
            guard let answer = terminal.readLine() else { return nil }
            if answer.isEmpty { return defaultIndex }
            let trimmed = answer.trimmingWhitespace()
            if trimmed == "?" {
                for choice in choices {
                    let key = choice.hotKey.isEmpty ? choice.plainLabel : choice.hotKey
                    terminal.write(ConsoleWordWrap.wrap("\(key) - \(choice.help)", columns: columns) + "\n")
                }
                continue
            }
            if let index = Self.determineChoicePicked(trimmed, choices) { return index }
        }
    }

    /// `WriteChoicePrompt` + `WriteChoiceHelper`: the pieces, each moved to a new line (and
    /// trimmed at its end) when it would pass `width - 1`.
    func choiceLine(columns: Int?, painted: (String, String) -> String) -> String {
        let limit = (columns ?? Int.max) - 1
        var length = 0
        var result = ""
        func add(_ text: String, _ style: String?) {
            let cells = DisplayWidth.of(text)
            var piece = text
            if length + cells > limit {
                result += "\n"
                piece = String(text.reversed().drop(while: { $0.isWhitespace }).reversed())
                length = cells
            } else {
                length += cells
            }
            result += style.map { painted(piece, $0) } ?? piece
        }
        for (index, choice) in choices.enumerated() {
            add("[\(choice.hotKey)] \(choice.plainLabel)  ", index == defaultIndex ? Self.yellow : Self.white)
        }
        add("[?] Help ", nil)
        let key = choices[defaultIndex].hotKey.isEmpty ? choices[defaultIndex].plainLabel : choices[defaultIndex].hotKey
        add("(default is \"\(key)\"): ", nil)
        return result
    }

    /// `HostUIHelperMethods.DetermineChoicePicked`: a full label first, then a hot key, both
    /// compared case-insensitively.
    static func determineChoicePicked(_ response: String, _ choices: [Choice]) -> Int? {
        let folded = response.lowercased()
        if let index = choices.firstIndex(where: { $0.plainLabel.lowercased() == folded }) { return index }
        return choices.firstIndex(where: { !$0.hotKey.isEmpty && $0.hotKey.lowercased() == folded })
    }
}

extension String {
    func replacingAll(_ target: Character, with replacement: String) -> String {
        var result = ""
        for character in self { if character == target { result += replacement } else { result.append(character) } }
        return result
    }
}

/// The console host's `PromptForChoice`: an empty line, the caption, the message, then the
/// choices on one line (`[Y] Yes  [A] Yes to All  …  [?] Help (default is "Y"): `). Enter picks
/// the default; a hot key or the full label picks a choice (case-insensitive); `?` prints
/// each choice's help and asks again; anything else asks again.
///
/// Example: `-Confirm` shows caption `Confirm`, message `Are you sure you want to perform this action?`
/// + newline + `Performing the operation "…" on target "…".`
struct ChoicePrompt {
    struct Choice {
        /// With `&` before the hot key, as in `CommandBaseStrings.resx`: `Yes to &All`.
        let label: String
        let help: String

        var hotKey: String {
            guard let ampersand = label.firstIndex(of: "&") else { return String(label.prefix(1)) }
            return String(label[label.index(after: ampersand)]).uppercased()
        }

        var plainLabel: String { label.replacingAll("&", with: "") }
    }

    let caption: String
    let message: String
    let choices: [Choice]
    let defaultIndex: Int

    static let yes = Choice(label: "&Yes", help: "Continue with only the next step of the operation.")
    static let yesToAll = Choice(label: "Yes to &All", help: "Continue with all the steps of the operation.")
    static let no = Choice(label: "&No", help: "Skip this operation and proceed with the next operation.")
    static let noToAll = Choice(label: "No to A&ll", help: "Skip this operation and all subsequent operations.")
    static let halt = Choice(label: "&Halt Command", help: "Stop this command.")
    static let suspend = Choice(
        label: "&Suspend",
        help: "Pause the current pipeline and return to the command prompt. Type \"exit\" to resume the pipeline.")

    /// The index chosen, or nil when the terminal ended (Ctrl+D) or there is none.
    func ask(_ terminal: any PromptTerminal) -> Int? {
        terminal.write("\n\(caption)\n\(message)\n")
        while true {
            let line = choices.map { "[\($0.hotKey)] \($0.plainLabel)  " }.joined()
            terminal.write(line + "[?] Help (default is \"\(choices[defaultIndex].hotKey)\"): ")
            guard let answer = terminal.readLine()?.trimmingCharacters(in: .whitespaces) else { return nil }
            if answer.isEmpty { return defaultIndex }
            if answer == "?" {
                for choice in choices { terminal.write("\(choice.hotKey) - \(choice.help)\n") }
                continue
            }
            let folded = answer.lowercased()
            if let index = choices.firstIndex(where: { $0.plainLabel.lowercased() == folded || $0.hotKey.lowercased() == folded }) {
                return index
            }
        }
    }
}

extension String {
    func replacingAll(_ target: Character, with replacement: String) -> String {
        var result = ""
        for character in self { if character == target { result += replacement } else { result.append(character) } }
        return result
    }
}

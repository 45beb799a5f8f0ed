/// Renders an error record as PowerShell 7's ConciseView for a command (case A): the command
/// name, a colon, the message; red (`ESC[31;1m`) only when colour is allowed.
///
/// Example: `New-AzCognitiveServicesAccountKey: A parameter cannot be found that matches parameter name 'Foo'.`
///
/// A record's `hint` (AzShim's advice, not PowerShell's) follows on a line of its own, uncoloured.
package enum ErrorView {
    package static func concise(commandName: String, _ record: ErrorRecord, colour: Bool) -> String {
        let message = TerminalText.escapingControls(record.message)
        let hint = record.hint.map { TerminalText.escapingControls($0) + "\n" } ?? ""
        guard colour else { return "\(commandName): \(message)\n" + hint }
        return "\u{1B}[31;1m\(commandName): \u{1B}[31;1m\(message)\u{1B}[0m\n" + hint
    }
}

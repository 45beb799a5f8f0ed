/// The terminal prompts talk to: `/dev/tty`, never the pipeline. Questions are written to it
/// and answers read from it, one line at a time.
///
/// Example: the mandatory-parameter prompt writes `KeyName: ` and reads `Key1`.
package protocol PromptTerminal: AnyObject {
    func write(_ text: String)
    /// The next line without its newline, or nil at end of input (Ctrl+D).
    func readLine() -> String?
    /// The terminal's width in columns (`RawUI.WindowSize.Width`), or nil when unknown: then
    /// prompts are not wrapped.
    var columns: Int? { get }
    /// Whether the terminal interprets colour escapes (a real terminal does; a script does not).
    var interpretsEscapes: Bool { get }
}

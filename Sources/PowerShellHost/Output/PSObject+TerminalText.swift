extension PSObject {
    /// This object with every property name and value passed through
    /// `TerminalText.escapingControls`, as the table and list views show it on a terminal.
    ///
    /// Example: a `Key1` of `"\u{1B}[2J\u{1B}]0;owned\u{07}"` from a hostile server is shown as
    /// `^[[2J^[]0;owned^G` and never clears the screen or retitles the window.
    func escapingControls() -> PSObject {
        mappingStrings(TerminalText.escapingControls)
    }
}

/// The characters PowerShell accepts as a parameter dash: `-`, en dash, em dash and
/// horizontal bar (`CharExtensions.IsDash`), so `–KeyName` pasted from a web page works.
///
/// Example: `Dash.isDash("—")` is true.
enum Dash {
    static func isDash(_ character: Character) -> Bool {
        character == "-" || character == "\u{2013}" || character == "\u{2014}" || character == "\u{2015}"
    }
}

extension Array where Element == String {
    /// The elements with `separator` between them, as the standard library's
    /// `joined(separator:)` gives them. This overload (more specific, so the module's calls on
    /// `[String]` pick it) is compiled here, specialised: the standard library's generic one
    /// resolves its associated types at run time on its first call, ~86,000 instructions of a
    /// cmdlet's `-?` (callgrind, issue 14).
    ///
    /// Example: `["Key1", "Key2"].joined(separator: ", ")` is `"Key1, Key2"`.
    func joined(separator: String) -> String {
        guard let first else { return "" }
        var result = first
        var length = first.utf8.count
        for element in dropFirst() { length += separator.utf8.count + element.utf8.count }
        result.reserveCapacity(length)
        for element in dropFirst() {
            result += separator
            result += element
        }
        return result
    }
}

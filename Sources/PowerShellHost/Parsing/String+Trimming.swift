extension StringProtocol {
    /// The text without leading and trailing white space, as .NET's `String.Trim()` (FoundationEssentials
    /// has no `CharacterSet`).
    ///
    /// Example: `" Key1 ".trimmingWhitespace()` is `Key1`, as `-KeyName ' Key1 '` binds Key1.
    func trimmingWhitespace() -> String {
        let scalars = unicodeScalars
        guard let start = scalars.firstIndex(where: { !Self.isWhitespace($0) }),
            let end = scalars.lastIndex(where: { !Self.isWhitespace($0) })
        else { return "" }
        // Nothing to trim (the usual case, e.g. every `"KeyName":"Key1"` of a pipeline).
        if start == scalars.startIndex && scalars.index(after: end) == scalars.endIndex { return String(self) }
        // The bytes between, copied at once (appending the scalars one by one is far slower).
        return String(decoding: utf8[start..<scalars.index(after: end)], as: UTF8.self)
    }

    private static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        // ASCII first: the Unicode property lookup is slow, and its answer there is tab to CR and space.
        if scalar.isASCII { return scalar.value == 0x20 || (0x09...0x0D).contains(scalar.value) }
        return scalar.properties.isWhitespace
    }
}

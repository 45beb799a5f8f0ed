extension StringProtocol where SubSequence == Substring {
    /// The lines of help text, cut at each `\n` byte, as
    /// `split(separator: "\n", omittingEmptySubsequences: false)` cuts them: the help parser
    /// turns CR LF into LF first, and LF always stands alone as a Character, so a byte search
    /// finds the same places without walking grapheme clusters (the slow part of `-?`).
    ///
    /// Example: `"a\n\nb".helpLines` is `["a", "", "b"]`; `"".helpLines` is `[""]`.
    var helpLines: [Substring] {
        var lines: [Substring] = []
        var start = startIndex
        while let newline = utf8[start...].firstIndex(of: UInt8(ascii: "\n")) {
            lines.append(self[start..<newline])
            start = utf8.index(after: newline)
        }
        lines.append(self[start...])
        return lines
    }

    /// Whether every scalar is white space (true for an empty text), as `allSatisfy(\.isWhitespace)`
    /// answers for help text: ASCII by its value, anything else by its Unicode property.
    ///
    /// Example: `" \t".isBlank` is true; `" x ".isBlank` is false.
    var isBlank: Bool {
        unicodeScalars.allSatisfy { scalar in
            guard scalar.isASCII else { return scalar.properties.isWhitespace }
            return scalar.value == 0x20 || (0x09...0x0D).contains(scalar.value)
        }
    }
}

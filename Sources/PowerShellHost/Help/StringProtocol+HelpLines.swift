extension StringProtocol where SubSequence == Substring {
    /// The lines of help text, cut at each `\n` byte, as
    /// `split(separator: "\n", omittingEmptySubsequences: false)` cuts them: the help parser
    /// turns CR LF into LF first, and LF always stands alone as a Character, so a byte search
    /// finds the same places without walking grapheme clusters (the slow part of `-?`).
    ///
    /// Example: `"a\n\nb".helpLines` is `["a", "", "b"]`; `"".helpLines` is `[""]`.
    var helpLines: [Substring] {
        // The `\n` offsets from the contiguous bytes when there are any (a help file's text is):
        // stepping a UTF-8 view index byte by byte cost a quarter of the parse of `-?` (issue 14).
        let newlines: [Int]? = utf8.withContiguousStorageIfAvailable { bytes in
            var offsets: [Int] = []
            for offset in bytes.indices where bytes[offset] == UInt8(ascii: "\n") { offsets.append(offset) }
            return offsets
        }
        var lines: [Substring] = []
        var start = startIndex
        if let newlines {
            lines.reserveCapacity(newlines.count + 1)
            for offset in newlines {
                let newline = utf8.index(utf8.startIndex, offsetBy: offset)
                lines.append(self[start..<newline])
                start = utf8.index(after: newline)
            }
        } else {
            while let newline = utf8[start...].firstIndex(of: UInt8(ascii: "\n")) {
                lines.append(self[start..<newline])
                start = utf8.index(after: newline)
            }
        }
        lines.append(self[start...])
        return lines
    }

    /// Whether the text has the byte `byte`, read from the contiguous bytes when there are any.
    ///
    /// Example: `"a\r\nb".containsByte(13)` is true.
    func containsByte(_ byte: UInt8) -> Bool {
        utf8.withContiguousStorageIfAvailable { $0.contains(byte) } ?? utf8.contains(byte)
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

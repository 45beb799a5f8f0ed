/// Makes untrusted text safe to print on a terminal: control characters other than newline
/// and tab (ANSI escapes among them) are shown as `^[`-style caret notation, never interpreted.
///
/// Example: `TerminalText.escapingControls("a\u{1B}[31mb")` is `a^[[31mb`.
package enum TerminalText {
    package static func escapingControls(_ text: String) -> String {
        guard hasControls(text) else { return text }
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if isControl(scalar) && scalar.value >= 0x80 {
                result.append(contentsOf: "\\u{\(String(scalar.value, radix: 16))}".unicodeScalars)
            } else if isControl(scalar) {
                result.append("^")
                result.append(Unicode.Scalar(UInt8(truncatingIfNeeded: scalar.value ^ 0x40)))
            } else {
                result.append(scalar)
            }
        }
        return String(result)
    }

    /// Whether `text` holds a control character, judged on its UTF-8 bytes: C0 and DEL are single
    /// bytes, and C1 (U+0080–U+009F) is always encoded C2 80–C2 9F.
    static func hasControls(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { hasControls($0) }
    }

    /// `hasControls(_:)` on the UTF-8 bytes of a text.
    static func hasControls(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        let count = bytes.count
        // Eight bytes at a time while they are all printable ASCII (0x20–0x7E): no byte below
        // 0x20 (`hasless`) and none above 0x7E (`hasmore`), from Sean Anderson's "Bit Twiddling Hacks".
        if let base = bytes.baseAddress {
            let ones: UInt64 = 0x0101_0101_0101_0101
            let highs: UInt64 = 0x8080_8080_8080_8080
            while index + 8 <= count {
                let word = UInt64(littleEndian: UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self))
                let below = (word &- ones &* 0x20) & ~word & highs
                let above = ((word &+ ones) | word) & highs
                if below | above != 0 { break }
                index += 8
            }
        }
        while index < count {
            let byte = bytes[index]
            if byte < 0x20 {
                if byte != 0x0A && byte != 0x09 { return true }
            } else if byte == 0x7F {
                return true
            } else if byte == 0xC2, index + 1 < count, bytes[index + 1] < 0xA0 {
                // A valid C2 sequence continues with 80–BF: below A0 it is C1.
                return true
            }
            index += 1
        }
        return false
    }

    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        (scalar.value < 0x20 && scalar != "\n" && scalar != "\t") || scalar.value == 0x7F
            || (0x80..<0xA0).contains(scalar.value)
    }
}

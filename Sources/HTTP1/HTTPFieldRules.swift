/// RFC 9110's rules for what may appear in a header field (§5.1 names, §5.5 values) and
/// RFC 9112's for a request line, checked on every request before it is written and on every
/// response head as it is read: a value carrying CR or LF would start a new header line, or a
/// second request, on the wire.
///
/// Example: `HTTPFieldRules.valueProblem("Bearer abc\r\nX-Evil: 1")` is
/// `"a carriage return at character 11"`; `HTTPFieldRules.valueProblem("Bearer abc")` is nil.
package enum HTTPFieldRules {
    /// RFC 9110 `tchar`: what a field name or a method is made of.
    package static func isTokenByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"):
            true
        case UInt8(ascii: "!"), UInt8(ascii: "#"), UInt8(ascii: "$"), UInt8(ascii: "%"), UInt8(ascii: "&"),
            UInt8(ascii: "'"), UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."),
            UInt8(ascii: "^"), UInt8(ascii: "_"), UInt8(ascii: "`"), UInt8(ascii: "|"), UInt8(ascii: "~"):
            true
        default: false
        }
    }

    /// A non-empty run of `tchar`.
    package static func isToken<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> Bool {
        !bytes.isEmpty && bytes.allSatisfy(isTokenByte)
    }

    /// True for the bytes a field value may hold: visible ASCII, space, tab, and obs-text
    /// (0x80–0xFF); false for NUL, CR, LF, the other control characters and DEL.
    package static func isValueByte(_ byte: UInt8) -> Bool {
        byte == 0x09 || (byte >= 0x20 && byte != 0x7F)
    }

    /// Why `value` cannot be sent as a field value (`"a line feed at character 12"`), or nil.
    /// The description names the character, never the value (it may be a secret).
    package static func valueProblem(_ value: String) -> String? {
        for (offset, byte) in value.utf8.enumerated() where !isValueByte(byte) {
            return "\(describe(byte)) at character \(offset + 1)"
        }
        return nil
    }

    /// Why `target` cannot be a request target (`origin-form`: visible ASCII only), or nil.
    package static func targetProblem(_ target: String) -> String? {
        for (offset, byte) in target.utf8.enumerated() where byte <= 0x20 || byte >= 0x7F {
            return "\(describe(byte)) at character \(offset + 1)"
        }
        return target.hasPrefix("/") ? nil : "it does not start with '/'"
    }

    /// `a carriage return`, `a line feed`, `a NUL byte`, `a space`, `the control character U+001B`, …
    package static func describe(_ byte: UInt8) -> String {
        switch byte {
        case 0x0D: "a carriage return"
        case 0x0A: "a line feed"
        case 0x00: "a NUL byte"
        case 0x20: "a space"
        case 0x09: "a tab"
        case 0x7F: "the control character DEL"
        case ..<0x20: "the control character U+00\(byte < 0x10 ? "0" : "")\(String(byte, radix: 16, uppercase: true))"
        default: "a byte outside ASCII"
        }
    }
}

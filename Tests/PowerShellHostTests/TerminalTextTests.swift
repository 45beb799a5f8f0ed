import PowerShellHost
import Testing

/// `TerminalText.escapingControls` reads UTF-8 bytes eight at a time (issue 17's fast path); its
/// answers must stay those of the scalar-by-scalar definition it replaced, whatever the
/// alignment of a control character within the string.
struct TerminalTextTests {
    /// The definition before the fast path: every scalar on its own.
    static func reference(_ text: String) -> String {
        func isControl(_ scalar: Unicode.Scalar) -> Bool {
            (scalar.value < 0x20 && scalar != "\n" && scalar != "\t") || scalar.value == 0x7F
                || (0x80..<0xA0).contains(scalar.value)
        }
        var result = ""
        for scalar in text.unicodeScalars {
            if isControl(scalar) && scalar.value >= 0x80 {
                result += "\\u{\(String(scalar.value, radix: 16))}"
            } else if isControl(scalar) {
                result += "^" + String(Unicode.Scalar(UInt8(truncatingIfNeeded: scalar.value ^ 0x40)))
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    @Test("every scalar up to U+03FF and a few beyond, at every offset of a 16-byte word")
    func matchesTheScalarDefinition() throws {
        var scalars = (0..<0x400).compactMap(Unicode.Scalar.init)
        scalars += [0x2028, 0x200B, 0xFEFF, 0x212A, 0x1F600, 0x10FFFF].compactMap(Unicode.Scalar.init)
        for scalar in scalars {
            for offset in 0..<17 {
                let text = String(repeating: "x", count: offset) + String(scalar) + String(repeating: "y", count: 9)
                #expect(
                    TerminalText.escapingControls(text) == Self.reference(text),
                    "U+\(String(scalar.value, radix: 16)) at \(offset)")
            }
        }
    }

    @Test(
        "tricky names",
        arguments: [
            "", "plain-ascii-name-longer-than-eight", "é€😀", "a\u{1B}[31mb", "\u{85}x", "x\u{9F}", "\u{A0}\u{A0}",
            "\u{7F}", "tab\there\nand newline", "C\u{301}", "\u{212A}elvin",
            String(repeating: "z", count: 37) + "\u{1B}",
            "\u{C2}\u{A0}", "日本語\u{0}\u{1}\u{1F}",
        ])
    func trickyNames(_ text: String) {
        #expect(TerminalText.escapingControls(text) == Self.reference(text))
    }
}

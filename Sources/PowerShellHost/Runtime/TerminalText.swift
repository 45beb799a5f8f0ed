/// Makes untrusted text safe to print on a terminal: control characters other than newline
/// and tab (ANSI escapes among them) are shown as `^[`-style caret notation, never interpreted.
///
/// Example: `TerminalText.escapingControls("a\u{1B}[31mb")` is `a^[[31mb`.
package enum TerminalText {
    package static func escapingControls(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isControl) else { return text }
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

    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        (scalar.value < 0x20 && scalar != "\n" && scalar != "\t") || scalar.value == 0x7F
            || (0x80..<0xA0).contains(scalar.value)
    }
}

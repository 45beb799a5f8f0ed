/// How many terminal cells a string takes: East Asian wide and fullwidth characters two,
/// combining marks and other zero-width characters none, everything else one.
///
/// Example: `DisplayWidth.of("Key1")` is 4; `DisplayWidth.of("鍵")` is 2.
enum DisplayWidth {
    static func of(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { $0 + width($1) }
    }

    static func width(_ scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        // ASCII has no marks and no wide characters: the common case needs no Unicode tables.
        if value < 0x80 { return value == 0 ? 0 : 1 }
        if scalar.properties.generalCategory == .nonspacingMark
            || scalar.properties.generalCategory == .enclosingMark || (0x200B...0x200F).contains(value)
        {
            return 0
        }
        return wide.contains { $0.contains(value) } ? 2 : 1
    }

    /// East Asian wide and fullwidth ranges, and the emoji blocks terminals draw two cells wide.
    private static let wide: [ClosedRange<UInt32>] = [
        0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
        0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
        0xFFE0...0xFFE6, 0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x3FFFD,
    ]

    /// The longest prefix of `text` that fits in `cells`.
    static func prefix(_ text: String, fitting cells: Int) -> String {
        var used = 0
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            let next = width(scalar)
            if used + next > cells { break }
            used += next
            result.append(scalar)
        }
        return String(result)
    }
}

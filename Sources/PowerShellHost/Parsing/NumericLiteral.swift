/// PowerShell's numeric literals as the tokenizer scans command arguments
/// (`engine/parser/tokenizer.cs` `ScanNumber`): decimal and `0x` hexadecimal integers,
/// reals with `.` and exponents, an optional sign and a `kb`/`mb`/`gb`/`tb`/`pb` multiplier.
///
/// Example: `NumericLiteral.parse("1kb")` is `.integer(text: "1kb", value: 1024)`;
/// `NumericLiteral.parse("-5x")` is nil (a bare string).
enum NumericLiteral {
    static func parse(_ text: String) -> ArgumentValue? {
        var body = Substring(text)
        var negative = false
        if let first = body.first, first == "-" || first == "+" || Dash.isDash(first) {
            negative = first != "+"
            body = body.dropFirst()
        }
        var multiplier: Int64 = 1
        let lowered = body.lowercased()
        for (suffix, factor) in [
            ("kb", Int64(1) << 10), ("mb", 1 << 20), ("gb", 1 << 30), ("tb", 1 << 40), ("pb", 1 << 50),
        ]
        where lowered.hasSuffix(suffix) {
            multiplier = factor
            body = body.dropLast(2)
            break
        }
        guard !body.isEmpty else { return nil }
        if body.lowercased().hasPrefix("0x") {
            let digits = body.dropFirst(2)
            guard !digits.isEmpty, digits.allSatisfy(\.isHexDigit) else { return nil }
            let magnitude = UInt64(digits, radix: 16)
            let value = magnitude.flatMap { Int64(exactly: $0) }.flatMap { Self.scaled($0, multiplier, negative) }
            return .integer(text: text, value: value)
        }
        if body.allSatisfy(\.isASCIIDigit) {
            let value = Int64(body).flatMap { Self.scaled($0, multiplier, negative) }
            return .integer(text: text, value: value)
        }
        guard isReal(body), let magnitude = Double(String(body)) else { return nil }
        return .real(text: text, value: (negative ? -magnitude : magnitude) * Double(multiplier))
    }

    private static func scaled(_ value: Int64, _ multiplier: Int64, _ negative: Bool) -> Int64? {
        let (product, overflow) = value.multipliedReportingOverflow(by: multiplier)
        return overflow ? nil : (negative ? -product : product)
    }

    /// `1.5`, `.5`, `1.`, `1e3`, `1.5E-2`.
    private static func isReal(_ text: Substring) -> Bool {
        var mantissa = text
        if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            mantissa = text[..<e]
            var exponent = text[text.index(after: e)...]
            if let sign = exponent.first, sign == "+" || sign == "-" { exponent = exponent.dropFirst() }
            guard !exponent.isEmpty, exponent.allSatisfy(\.isASCIIDigit) else { return false }
        }
        let parts = mantissa.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2, parts.allSatisfy({ $0.allSatisfy(\.isASCIIDigit) }) else { return false }
        return parts.contains { !$0.isEmpty }
    }
}

extension Character {
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}

/// .NET's formatting of `double` (.NET Core 3.0 and later, invariant digits), without Foundation.
///
/// - `roundTrip`: `ToString()` / `"R"`: the shortest digits that round-trip, fixed-point
///   unless the decimal exponent is 15 or more or below -4 (`Number.Formatting.cs`,
///   `FormatGeneral` with 15 as the digit limit): `0.5`, `100000000000000`, `1E+15`, `1E-05`.
/// - `fixed2`: `ToString("F")` (two decimals, `NumberDecimalDigits`), from the exact binary
///   value, rounded half away from zero: `0.13` for 0.125, `2.67` for 2.675 (really 2.67499…).
///
/// Example: `DotNetNumberFormat.roundTrip(1e15)` is `"1E+15"`; `DotNetNumberFormat.fixed2(-0.001)` is `"-0.00"`.
enum DotNetNumberFormat {
    static func roundTrip(_ number: Double) -> String {
        if number.isNaN { return "NaN" }
        if number.isInfinite { return number < 0 ? "-∞" : "∞" }
        let sign = number.sign == .minus ? "-" : ""
        guard let (digits, scale) = shortestDigits(number) else { return sign + "0" }
        // `digits` × 10^(scale − digits.count): 0.D × 10^scale.
        if scale > 15 || scale < -3 {
            let exponent = scale - 1
            var text = String(digits.first ?? "0")
            if digits.count > 1 { text += "." + digits.dropFirst() }
            let magnitude = String(abs(exponent))
            return sign + text + "E" + (exponent < 0 ? "-" : "+") + (magnitude.count < 2 ? "0" : "") + magnitude
        }
        if scale <= 0 { return sign + "0." + String(repeating: "0", count: -scale) + digits }
        if scale >= digits.count { return sign + digits + String(repeating: "0", count: scale - digits.count) }
        return sign + digits.prefix(scale) + "." + digits.dropFirst(scale)
    }

    /// The shortest round-trip digits of `|number|` without leading or trailing zeros, and the
    /// position of the decimal point relative to them (`0.D × 10^scale`); nil for zero.
    /// Swift's `description` is itself the shortest round-trip form (`1e-05`, `123.45`).
    private static func shortestDigits(_ number: Double) -> (String, Int)? {
        let text = String(describing: number.magnitude)
        let parts = text.split(separator: "e", maxSplits: 1)
        let mantissa = parts.first.map(String.init) ?? text
        let exponent = parts.count > 1 ? Int(parts[1]) ?? 0 : 0
        let pieces = mantissa.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        let whole = pieces.first.map(String.init) ?? ""
        let fraction = pieces.count > 1 ? String(pieces[1]) : ""
        var digits = Substring(whole + fraction)
        var scale = whole.count + exponent
        while digits.first == "0" {
            digits = digits.dropFirst()
            scale -= 1
        }
        while digits.last == "0" { digits = digits.dropLast() }
        return digits.isEmpty ? nil : (String(digits), scale)
    }

    static func fixed2(_ number: Double) -> String {
        if number.isNaN || number.isInfinite { return roundTrip(number) }
        let sign = number.sign == .minus ? "-" : ""
        var (digits, point) = exactDecimal(number.magnitude)
        // Keep two decimals; round half away from zero on the exact digits.
        let keep = point + 2
        if keep < 0 {
            digits = []
            point = 0
        } else if keep < digits.count {
            let roundUp = digits[keep] >= 5
            digits = Array(digits[..<keep])
            if roundUp {
                var index = digits.count - 1
                while index >= 0 {
                    if digits[index] == 9 {
                        digits[index] = 0
                        index -= 1
                    } else {
                        digits[index] += 1
                        break
                    }
                }
                if index < 0 {
                    digits.insert(1, at: 0)
                    point += 1
                }
            }
        }
        while digits.count < point + 2 { digits.append(0) }
        while point < 1 {
            digits.insert(0, at: 0)
            point += 1
        }
        let text = digits.map { String($0) }.joined()
        return sign + text.prefix(point) + "." + text.dropFirst(point).prefix(2)
    }

    /// The exact decimal expansion of a finite, non-negative double: its digits (most
    /// significant first) and how many of them precede the decimal point.
    static func exactDecimal(_ number: Double) -> ([UInt8], Int) {
        guard number > 0 else { return ([0], 1) }
        // number = significand × 2^exponent with an integer significand.
        var significand = number.significandBitPattern
        var exponent = Int(number.exponent) - Double.significandBitCount
        if number.isNormal { significand |= 1 << UInt64(Double.significandBitCount) } else { exponent = -1074 }
        // Little-endian decimal digits of the significand.
        var digits: [UInt8] = []
        var rest = significand
        while rest > 0 {
            digits.append(UInt8(rest % 10))
            rest /= 10
        }
        var fractionDigits = 0
        if exponent >= 0 {
            for _ in 0..<exponent { multiply(&digits, by: 2) }
        } else {
            // m × 2^−k = m × 5^k / 10^k.
            for _ in 0..<(-exponent) { multiply(&digits, by: 5) }
            fractionDigits = -exponent
        }
        while digits.count <= fractionDigits { digits.append(0) }
        let ordered = Array(digits.reversed())
        return (ordered, ordered.count - fractionDigits)
    }

    private static func multiply(_ digits: inout [UInt8], by factor: UInt8) {
        var carry: UInt16 = 0
        for index in digits.indices {
            let product = UInt16(digits[index]) * UInt16(factor) + carry
            digits[index] = UInt8(product % 10)
            carry = product / 10
        }
        while carry > 0 {
            digits.append(UInt8(carry % 10))
            carry /= 10
        }
    }
}

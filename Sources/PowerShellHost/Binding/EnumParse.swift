/// .NET's `Enum.Parse(type, text, ignoreCase: true)` for a non-`[Flags]` enum: surrounding white
/// space ignored, numeric strings accepted, and comma lists of names or numbers OR-ed together.
///
/// Example: `EnumParse.parse("Key1,Key2", keyName)` is `.value(1)`; `"Key3"` is `.noMatch`.
enum EnumParse {
    enum Outcome: Equatable {
        case value(Int)
        case overflow
        case noMatch
    }

    static func parse(_ text: String, _ enumeration: EnumerationType) -> Outcome {
        let parts = text.split(separator: ",", omittingEmptySubsequences: false)
        var result = 0
        for part in parts {
            let trimmed = part.trimmingCharacters(in: .whitespaces)
            guard let first = trimmed.first else { return .noMatch }
            if first.isASCIIDigit || first == "-" || first == "+" {
                guard let number = Int64(trimmed) else {
                    let digits = trimmed.drop { $0 == "-" || $0 == "+" }
                    return !digits.isEmpty && digits.allSatisfy(\.isASCIIDigit) ? .overflow : .noMatch
                }
                guard let small = Int32(exactly: number) else { return .overflow }
                result |= Int(small)
            } else if let member = enumeration.member(named: trimmed) {
                result |= member.value
            } else {
                return .noMatch
            }
        }
        return .value(result)
    }
}

extension StringProtocol {
    /// The text without leading and trailing characters of `set`.
    func trimmingCharacters(in set: TrimSet) -> String {
        let scalars = unicodeScalars
        guard let start = scalars.firstIndex(where: { !set.contains($0) }),
            let end = scalars.lastIndex(where: { !set.contains($0) })
        else { return "" }
        // Nothing to trim (the usual case, e.g. every `"KeyName":"Key1"` of a pipeline).
        if start == scalars.startIndex && scalars.index(after: end) == scalars.endIndex { return String(self) }
        return String(String.UnicodeScalarView(scalars[start...end]))
    }
}

/// The characters `trimmingCharacters(in:)` removes (FoundationEssentials has no CharacterSet).
enum TrimSet {
    case whitespaces
    func contains(_ scalar: Unicode.Scalar) -> Bool {
        // ASCII first: the Unicode property lookup is slow, and its answer there is tab to CR and space.
        if scalar.isASCII { return scalar.value == 0x20 || (0x09...0x0D).contains(scalar.value) }
        return scalar.properties.isWhitespace
    }
}

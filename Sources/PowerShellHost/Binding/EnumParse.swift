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
            let trimmed = part.trimmingWhitespace()
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

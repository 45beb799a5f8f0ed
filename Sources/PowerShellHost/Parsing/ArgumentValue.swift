/// A command-line value as PowerShell's parser would type the same word: a string, a
/// number (keeping its source text), `$true`/`$false`, `$null`, or a comma array.
///
/// Example: in `New-AzCognitiveServicesAccountKey rg acct 1`, the word `1` is
/// `.integer(text: "1", value: 1)` and binds KeyName to Key2.
package enum ArgumentValue: Sendable, Equatable {
    case string(String)
    /// An integer literal; `value` is nil when it does not fit in 64 bits.
    case integer(text: String, value: Int64?)
    case real(text: String, value: Double)
    case bool(Bool)
    case null
    case array([ArgumentValue])

    /// Reads one argv word as a PowerShell bare word would be read.
    ///
    /// `'$true'`, `'$false'` and `'$null'` (as quoted in a POSIX shell) are the variables;
    /// `0x10`, `-5`, `1.5`, `1kb` are numbers; `Key1,Key2` is an array.
    package init(word: String) {
        switch word.lowercased() {
        case "$true": self = .bool(true)
        case "$false": self = .bool(false)
        case "$null": self = .null
        default:
            if word.contains(","), let elements = Self.arrayElements(word) {
                self = .array(elements.map(Self.scalar))
            } else {
                self = Self.scalar(word)
            }
        }
    }

    private static func arrayElements(_ word: String) -> [String]? {
        let parts = word.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        return parts.contains(where: \.isEmpty) ? nil : parts
    }

    private static func scalar(_ word: String) -> ArgumentValue {
        switch word.lowercased() {
        case "$true": return .bool(true)
        case "$false": return .bool(false)
        case "$null": return .null
        default: return NumericLiteral.parse(word) ?? .string(word)
        }
    }

    /// The .NET type name of the value, as binding messages print it.
    package var typeName: String {
        switch self {
        case .string: "System.String"
        case .integer(_, let value):
            if let value, Int64(Int32.min)...Int64(Int32.max) ~= value { "System.Int32" } else { "System.Int64" }
        case .real: "System.Double"
        case .bool: "System.Boolean"
        case .null: "null"
        case .array: "System.Object[]"
        }
    }

    /// `ToString()` of the value, as `A positional parameter cannot be found that accepts
    /// argument '…'` prints it (`$null` for null).
    package var displayText: String {
        switch self {
        case .string(let text): text
        case .integer(let text, let value): value.map(String.init) ?? text
        case .real(let text, _): text
        case .bool(let flag): flag ? "True" : "False"
        case .null: "$null"
        case .array: "System.Object[]"
        }
    }

    /// The text a `[string]` parameter receives: numbers keep their source text
    /// (`Compiler.cs` `GetCommandArgumentExpression`), booleans become `True`/`False`.
    package var stringValue: String? {
        switch self {
        case .string(let text): text
        case .integer(let text, _), .real(let text, _): text
        case .bool(let flag): flag ? "True" : "False"
        case .null, .array: nil
        }
    }
}

import AzShimSupport

/// Output values as `ConvertTo-Json` writes them (`JsonObject.ConvertToJson`: objects become
/// dictionaries of their properties, in declaration order, nulls kept; lists become arrays;
/// enums their number, or their name when the enum type is string-converted; doubles as
/// Newtonsoft writes them). Unlike `ConvertTo-Json` there is no depth limit (AzShim writes the
/// whole object; see the README's deviations).
///
/// The result is a `JSONValue`, the same type the pipeline reader produces, so an object
/// written by one command binds by property name in the next exactly as a hand-written line.
///
/// Example: `PSValueJSON.json(.list([.integer(1), .double(120), .null]))` is `[1,120.0,null]`.
package enum PSValueJSON {
    package static func json(_ value: PSValue) -> JSONValue {
        switch value {
        case .null: .null
        case .string(let text): .string(text)
        case .integer(let number): .number(String(number))
        case .double(let number): newtonsoftDouble(number)
        case .bool(let flag): .bool(flag)
        case .enumeration(let member): member.serializedName.map(JSONValue.string) ?? .number(String(member.value))
        case .object(let object): .object(object.properties.map { ($0.name, json($0.value)) })
        case .list(let elements): .array(elements.map(json))
        case .dictionary(let entries): .object(entries.map { ($0.key, json($0.value)) })
        }
    }

    /// Newtonsoft's `JsonConvert.ToString(double)`: the round-trip form with a decimal point
    /// ensured (`120.0`, `0.5`, `1E+15`); NaN and the infinities as strings
    /// (`FloatFormatHandling.String`, the default).
    static func newtonsoftDouble(_ number: Double) -> JSONValue {
        if number.isNaN { return .string("NaN") }
        if number.isInfinite { return .string(number < 0 ? "-Infinity" : "Infinity") }
        let text = DotNetNumberFormat.roundTrip(number)
        if text.contains(".") || text.contains("E") { return .number(text) }
        return .number(text + ".0")
    }
}

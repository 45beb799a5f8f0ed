/// How the table and list views turn a property value into text, as PowerShell's formatter
/// does (`src/System.Management.Automation/FormatAndOutput/common/Utilities/MshObjectUtil.cs`,
/// `PSObjectHelper.SmartToString` and `GetObjectName`; `PSObject.ToString`):
///
/// - a list or dictionary: `{` + its first `$FormatEnumerationLimit` (4) elements joined by
///   `, ` + `…` when there are more + `}`; each element by `GetObjectName`;
/// - anything else: its `ToString()`: strings as they are, `$null` empty, numbers (in tables,
///   doubles with two decimals, `FormatField`'s `isTable`), `True`/`False`, an enum's name, an
///   object's `ToString()` override or else its .NET type name.
///
/// `GetObjectName` shows a list element by its `ToString()` when its type overrides it (strings,
/// numbers, `KeyValuePair`'s `[key, value]`, `PSCognitiveServicesAccount`'s Id), `$null` for
/// null, else the value of its first property matching `name`, `id`, `key`, `*key`, `*name`,
/// `*id` (`GetDisplayNameExpression`), else its type name.
///
/// Example: `PSValueDisplay.text(.list(["a","b","c","d","e"].map(PSValue.string)))` is
/// `{a, b, c, d…}`; a list of SkuCapability objects shows their `Name`s:
/// `{DynamicThrottling, VirtualNetworks}`.
package enum PSValueDisplay {
    /// `$FormatEnumerationLimit`'s default.
    package static let enumerationLimit = 4

    /// `SmartToString`: the text of a property value in a list (or, with `isTable`, a table) view.
    package static func text(_ value: PSValue, isTable: Bool = false, enumerationLimit: Int = enumerationLimit)
        -> String
    {
        switch value {
        case .list(let elements): enumeration(elements.map(objectName), limit: enumerationLimit)
        case .dictionary(let entries): enumeration(entries.map(keyValuePair), limit: enumerationLimit)
        case .double(let number) where isTable: DotNetNumberFormat.fixed2(number)
        default: toString(value)
        }
    }

    private static func enumeration(_ names: [String], limit: Int) -> String {
        var text = "{"
        for (index, name) in names.enumerated() {
            if limit >= 0 && index == limit {
                text += "…"
                break
            }
            if index > 0 { text += ", " }
            text += name
        }
        return text + "}"
    }

    /// `PSObject.ToString()` of a value: lists and dictionaries as their elements joined by a
    /// space (`$OFS`), a dictionary's own type name when it stands alone.
    package static func toString(_ value: PSValue) -> String {
        switch value {
        case .null: ""
        case .string(let text): text
        case .integer(let number): String(number)
        case .double(let number): DotNetNumberFormat.roundTrip(number)
        case .bool(let flag): flag ? "True" : "False"
        case .enumeration(let member): member.name
        case .object(let object): object.toStringResult
        case .list(let elements): elements.map(toString).joined(separator: " ")
        case .dictionary(let entries): entries.map(keyValuePair).joined(separator: " ")
        }
    }

    /// `GetObjectName`: one element of an enumerated property value.
    static func objectName(_ value: PSValue) -> String {
        switch value {
        case .null: return "$null"
        case .object(let object):
            if let override = object.toStringOverride { return override }
            if let display = displayNameProperty(of: object) { return toString(display) }
            return object.typeName
        default: return toString(value)
        }
    }

    /// `KeyValuePair<TKey,TValue>.ToString()`: `[key, value]`.
    private static func keyValuePair(_ entry: PSValue.Entry) -> String {
        "[" + entry.key + ", " + toString(entry.value) + "]"
    }

    /// The value of the first property matching `name`, `id`, `key`, `*key`, `*name`, `*id`
    /// (case-insensitive), in that order of patterns.
    static func displayNameProperty(of object: PSObject) -> PSValue? {
        let names = object.properties.map { $0.name.lowercased() }
        for pattern in ["name", "id", "key"] {
            if let index = names.firstIndex(of: pattern) { return object.properties[index].value }
        }
        for suffix in ["key", "name", "id"] {
            if let index = names.firstIndex(where: { $0.hasSuffix(suffix) }) { return object.properties[index].value }
        }
        return nil
    }
}

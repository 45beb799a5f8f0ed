/// A property value of an output object, typed as the .NET value it stands for, so the views
/// can show it as PowerShell would (`True`, `{a, b}`, a type name) and `--output json` can
/// write it as `ConvertTo-Json` would (`true`, `["a","b"]`, a nested object).
///
/// Example: Get-AzCognitiveServicesAccount's `Sku` is
/// `.object(PSObject(typeName: "Microsoft.Azure.Management.CognitiveServices.Models.Sku", properties: [.init("Name", .string("S0")), …]))`,
/// shown as its type name in the list view and as `{"Name":"S0",…}` in JSON; its `Tags` are
/// `.dictionary([.init("env", .string("prod"))])`, shown as `{[env, prod]}`.
package enum PSValue: Sendable, Hashable {
    /// `$null`: an empty cell, JSON `null`.
    case null
    case string(String)
    /// `Int32`/`Int64`: `5`.
    case integer(Int64)
    /// `Double`: `0.5`, `1E+15` (.NET's shortest round-trip form); JSON `120.0` (Newtonsoft).
    case double(Double)
    /// `True`/`False`; JSON `true`/`false`.
    case bool(Bool)
    /// A .NET enum value: its name on screen, its number (or its serialized name) in JSON.
    case enumeration(PSEnumeration)
    /// A nested object with a .NET type name.
    case object(PSObject)
    /// An `IList`: `{a, b, c, d…}` on screen (`$FormatEnumerationLimit`), an array in JSON.
    case list([PSValue])
    /// An `IDictionary<string, …>` (a .NET `Dictionary`, so its entries are `KeyValuePair`s):
    /// `{[key, value]}` on screen, an object in JSON.
    case dictionary([Entry])

    /// One key and value of a `.dictionary`, in insertion order.
    package struct Entry: Sendable, Hashable {
        package var key: String
        package var value: PSValue

        package init(_ key: String, _ value: PSValue) {
            self.key = key
            self.value = value
        }
    }

    /// A string, or `.null` for nil: `PSValue("rg")`, `PSValue(nil as String?)`.
    package init(_ text: String?) {
        self = text.map(PSValue.string) ?? .null
    }

    /// A nullable .NET `bool?`.
    package init(_ flag: Bool?) {
        self = flag.map(PSValue.bool) ?? .null
    }

    /// The string, when this is one.
    package var stringValue: String? {
        if case .string(let text) = self { return text }
        return nil
    }

    /// Every string in the value, nested ones and dictionary keys included, passed through
    /// `transform` (property names and type names are the program's own and left alone).
    /// See `PSObject.mappingStrings`.
    package func mappingStrings(_ transform: (String) -> String) -> PSValue {
        switch self {
        case .string(let text): .string(transform(text))
        case .object(let object): .object(object.mappingStrings(transform))
        case .list(let elements): .list(elements.map { $0.mappingStrings(transform) })
        case .dictionary(let entries):
            .dictionary(entries.map { Entry(transform($0.key), $0.value.mappingStrings(transform)) })
        case .null, .integer, .double, .bool, .enumeration: self
        }
    }
}

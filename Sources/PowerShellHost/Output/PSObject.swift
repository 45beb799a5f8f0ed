import AzShimSupport

/// An output object: its .NET type name, its properties in declaration order, and what its
/// `ToString()` returns, as the views and `--output json` see it.
///
/// Example: New-AzCognitiveServicesAccountKey writes
/// `PSObject(typeName: "Microsoft.Azure.Management.CognitiveServices.Models.ApiKeys", properties: [.init("Key1", .string("…")), .init("Key2", .string("…"))])`;
/// Get-AzCognitiveServicesAccount writes a `PSCognitiveServicesAccount` of 24 properties whose
/// `toStringOverride` is its `Id` (the type overrides `ToString()`).
package struct PSObject: Sendable, Hashable {
    /// One property: its name as .NET declares it, and its value.
    package struct Property: Sendable, Hashable {
        package var name: String
        package var value: PSValue

        package init(_ name: String, _ value: PSValue) {
            self.name = name
            self.value = value
        }
    }

    package var typeName: String
    package var properties: [Property]
    /// What the type's own `ToString()` returns, or nil when the type does not override it
    /// (then `ToString()` is the type name, as `System.Object.ToString()` is).
    package var toStringOverride: String?

    package init(typeName: String, properties: [Property], toStringOverride: String? = nil) {
        self.typeName = typeName
        self.properties = properties
        self.toStringOverride = toStringOverride
    }

    /// An object of string properties (nil is `$null`), the shape of the key cmdlets' output:
    /// `PSObject(typeName: "…ApiKeys", properties: [("Key1", key1), ("Key2", key2)])`.
    package init(typeName: String, properties: [(name: String, value: String?)]) {
        self.init(typeName: typeName, properties: properties.map { Property($0.name, PSValue($0.value)) })
    }

    /// `ToString()`: the override, else the type name.
    package var toStringResult: String { toStringOverride ?? typeName }

    /// The property with this name, ignoring case, as PowerShell's member lookup does.
    package subscript(name: String) -> PSValue? {
        if let exact = properties.first(where: { $0.name == name }) { return exact.value }
        let folded = name.lowercased()
        return properties.first { $0.name.lowercased() == folded }?.value
    }

    /// `ConvertTo-Json -Compress` of the whole object, at any depth:
    /// `{"Key1":"…","Key2":"…"}`; nested objects become JSON objects, lists arrays.
    package var compressedJSON: String {
        JSONWriter.compact(PSValueJSON.json(.object(self)))
    }

    /// This object with every string value passed through `transform`, nested ones included
    /// (`toStringOverride` too; property and type names are the program's own). The views call
    /// it, when they must, before layout, e.g. to show control characters in caret notation.
    package func mappingStrings(_ transform: (String) -> String) -> PSObject {
        PSObject(
            typeName: typeName, properties: properties.map { Property($0.name, $0.value.mappingStrings(transform)) },
            toStringOverride: toStringOverride.map(transform))
    }
}

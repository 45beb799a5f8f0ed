/// An output object: its .NET type name and its properties in order, as the formatters see it.
///
/// Example: New-AzCognitiveServicesAccountKey writes
/// `PSObject(typeName: "Microsoft.Azure.Management.CognitiveServices.Models.ApiKeys", properties: [("Key1", "…"), ("Key2", "…")])`.
public struct PSObject: Sendable, Equatable {
    public let typeName: String
    public let properties: [(name: String, value: String?)]

    public init(typeName: String, properties: [(name: String, value: String?)]) {
        self.typeName = typeName
        self.properties = properties
    }

    public static func == (lhs: PSObject, rhs: PSObject) -> Bool {
        lhs.typeName == rhs.typeName && lhs.properties.map(\.name) == rhs.properties.map(\.name)
            && lhs.properties.map(\.value) == rhs.properties.map(\.value)
    }

    /// `ConvertTo-Json -Compress` of the object: `{"Key1":"…","Key2":"…"}`.
    public var compressedJSON: String {
        JSONWriter.compact(.object(properties.map { ($0.name, $0.value.map(JSONValue.string) ?? .null) }))
    }
}

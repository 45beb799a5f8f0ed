import AzShimSupport
import PowerShellHost

/// A model class of Az's generated SDK (`Microsoft.Azure.Management.CognitiveServices.Models`):
/// its .NET type name and its public properties in the order .NET reflection lists them
/// (declared ones first, then those of the base class), each with the JSON member Newtonsoft
/// reads it from. Decoding an ARM response through it gives the nested `PSObject` an Az cmdlet
/// would write: every property present, absent ones `$null`, as `ConvertTo-Json` shows them.
///
/// Example: `CognitiveServicesModels.sku.decode(["name": "S0"])` is a
/// `Microsoft.Azure.Management.CognitiveServices.Models.Sku` with `Name` `S0` and `Tier`, `Size`,
/// `Family`, `Capacity` `$null`.
struct SDKModel: Sendable {
    /// The kind of value a property holds, as the SDK declares it.
    indirect enum Kind: Sendable {
        case string
        /// `int?`.
        case integer
        /// `double?`.
        case double
        /// `bool?`.
        case bool
        case object(SDKModel)
        /// `IList<…>`.
        case list(Kind)
        /// `IDictionary<string, …>`.
        case dictionary(Kind)
        /// A .NET enum, read from its serialized name.
        case enumeration(SDKEnumeration)
        /// `object` / extension data: any JSON, objects as dictionaries.
        case any
    }

    struct Field: Sendable {
        /// The .NET property name (what PowerShell and `ConvertTo-Json` show).
        let name: String
        /// The JSON member (`[JsonProperty(PropertyName = …)]`).
        let jsonName: String
        let kind: Kind

        init(_ name: String, _ jsonName: String, _ kind: Kind) {
            self.name = name
            self.jsonName = jsonName
            self.kind = kind
        }
    }

    /// Why a response could not be turned into SDK objects: its JSON has a value of the wrong
    /// type where the SDK expects another (Newtonsoft throws, Az says `Unable to deserialize
    /// the response.`).
    struct DecodingError: Error, Sendable, Equatable {
        /// Where, for tests and debugging: `properties.capabilities[2].name`.
        let path: String
    }

    let typeName: String
    let fields: [Field]
    /// The JSON members not declared as fields, as Newtonsoft's `[JsonExtensionData]` keeps
    /// them (ApiProperties' `AdditionalProperties`): the property that receives them.
    let extensionDataField: String?

    init(_ typeName: String, _ fields: [Field], extensionDataField: String? = nil) {
        self.typeName = typeName
        self.fields = fields
        self.extensionDataField = extensionDataField
    }

    /// The object this model reads from `json`: `.null` for a missing or null member.
    func decode(_ json: JSONValue?, path: String = "") throws(DecodingError) -> PSValue {
        try SDKModel.decode(json, as: .object(self), path: path)
    }

    /// The properties of this model read from a JSON object's members.
    func object(_ members: [(key: String, value: JSONValue)], path: String) throws(DecodingError) -> PSObject {
        var properties: [PSObject.Property] = []
        for field in fields {
            // Newtonsoft matches member names exactly first, then ignoring case.
            let member =
                members.first { $0.key == field.jsonName }
                ?? members.first { $0.key.lowercased() == field.jsonName.lowercased() }
            let value: PSValue
            if field.name == extensionDataField {
                let declared = Set(fields.map { $0.jsonName.lowercased() })
                let extra = members.filter { !declared.contains($0.key.lowercased()) }
                value =
                    extra.isEmpty ? .null : .dictionary(extra.map { PSValue.Entry($0.key, Self.anyValue($0.value)) })
            } else {
                value = try Self.decode(member?.value, as: field.kind, path: Self.join(path, field.jsonName))
            }
            properties.append(PSObject.Property(field.name, value))
        }
        return PSObject(typeName: typeName, properties: properties)
    }

    static func decode(_ json: JSONValue?, as kind: Kind, path: String) throws(DecodingError) -> PSValue {
        guard let json, json != .null else { return .null }
        switch (kind, json) {
        case (.string, .string(let text)): return .string(text)
        // Newtonsoft reads numbers and booleans into a string property as their JSON text.
        case (.string, .number(let text)): return .string(text)
        case (.string, .bool(let flag)): return .string(flag ? "True" : "False")
        case (.integer, .number(let text)):
            guard let number = Int64(text), (Int64(Int32.min)...Int64(Int32.max)).contains(number) else {
                throw DecodingError(path: path)
            }
            return .integer(number)
        case (.double, .number(let text)):
            guard let number = Double(text) else { throw DecodingError(path: path) }
            return .double(number)
        case (.bool, .bool(let flag)): return .bool(flag)
        case (.object(let model), .object(let members)): return .object(try model.object(members, path: path))
        case (.list(let element), .array(let items)):
            var values: [PSValue] = []
            values.reserveCapacity(items.count)
            for (index, item) in items.enumerated() {
                values.append(try decode(item, as: element, path: path + "[\(index)]"))
            }
            return .list(values)
        case (.dictionary(let element), .object(let members)):
            var entries: [PSValue.Entry] = []
            for member in members {
                entries.append(
                    PSValue.Entry(member.key, try decode(member.value, as: element, path: join(path, member.key))))
            }
            return .dictionary(entries)
        case (.enumeration(let type), .string(let text)):
            guard let member = type.member(serializedAs: text) else { throw DecodingError(path: path) }
            return .enumeration(member)
        case (.any, _): return anyValue(json)
        default: throw DecodingError(path: path)
        }
    }

    /// Untyped JSON: objects as dictionaries, whole numbers as integers.
    static func anyValue(_ json: JSONValue) -> PSValue {
        switch json {
        case .null: .null
        case .bool(let flag): .bool(flag)
        case .string(let text): .string(text)
        case .number(let text): Int64(text).map(PSValue.integer) ?? Double(text).map(PSValue.double) ?? .string(text)
        case .array(let items): .list(items.map(anyValue))
        case .object(let members): .dictionary(members.map { PSValue.Entry($0.key, anyValue($0.value)) })
        }
    }

    private static func join(_ path: String, _ name: String) -> String {
        path.isEmpty ? name : path + "." + name
    }
}

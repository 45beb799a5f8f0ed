/// A .NET enum value in an output object: shown by its name, written to JSON as its number
/// (`ConvertTo-Json` leaves enums to Newtonsoft, which writes the number) unless the enum type
/// carries Newtonsoft's `StringEnumConverter`, which writes its serialized name.
///
/// Example: PSNetworkRuleSet's `DefaultAction` `Deny` is
/// `PSEnumeration(typeName: "…PSNetWorkRuleDefaultActionEnum", name: "Deny", value: 0)`: `Deny`
/// on screen, `0` in JSON; an Identity's `Type` (`ResourceIdentityType`, string-converted) is
/// `PSEnumeration(typeName: "…ResourceIdentityType", name: "SystemAssigned", value: 1, serializedName: "SystemAssigned")`.
package struct PSEnumeration: Sendable, Hashable {
    package var typeName: String
    /// `ToString()`: the member's name.
    package var name: String
    /// The underlying number.
    package var value: Int64
    /// The JSON string when the enum type is serialized by name (`[JsonConverter(typeof(StringEnumConverter))]`,
    /// the `EnumMember` value), else nil: JSON gets the number.
    package var serializedName: String?

    package init(typeName: String, name: String, value: Int64, serializedName: String? = nil) {
        self.typeName = typeName
        self.name = name
        self.value = value
        self.serializedName = serializedName
    }
}

import PowerShellHost

/// A .NET enum of the SDK or of Az: its members with their numbers and the names they are
/// read from (and, for string-converted enums, written back to JSON as).
///
/// Example: `ResourceIdentityType` reads `"SystemAssigned, UserAssigned"` as its member
/// `SystemAssignedUserAssigned` (3), which `ConvertTo-Json` writes back as
/// `"SystemAssigned, UserAssigned"` because the type carries `StringEnumConverter`.
struct SDKEnumeration: Sendable {
    struct Member: Sendable {
        /// The .NET member name (`ToString()`).
        let name: String
        let value: Int64
        /// The JSON spelling (`[EnumMember(Value = …)]`), the name when it has none.
        let serializedName: String
    }

    let typeName: String
    let members: [Member]
    /// True when the enum type carries `[JsonConverter(typeof(StringEnumConverter))]`, so
    /// `ConvertTo-Json` writes the serialized name instead of the number.
    let writesNames: Bool
    /// How the serialized name is matched: Newtonsoft's `StringEnumConverter` ignores case;
    /// `Enum.Parse(Type, string)` does not.
    let ignoresCase: Bool

    /// The member serialized as `text`, or nil.
    func member(serializedAs text: String) -> PSEnumeration? {
        let found =
            members.first { $0.serializedName == text }
            ?? (ignoresCase ? members.first { $0.serializedName.lowercased() == text.lowercased() } : nil)
        return found.map {
            PSEnumeration(
                typeName: typeName, name: $0.name, value: $0.value,
                serializedName: writesNames ? $0.serializedName : nil)
        }
    }
}

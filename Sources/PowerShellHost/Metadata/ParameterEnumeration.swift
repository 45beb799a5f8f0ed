/// A .NET enum declared as a Swift enum, so a cmdlet reads the bound member as a case. Each
/// case's raw value is the .NET member name; the members' numeric values are their positions
/// in `allCases` unless the type says otherwise (`enumerationType`).
///
/// Example: Az's `KeyName` is `enum KeyName: String, ParameterEnumeration { case key1 = "Key1",
/// key2 = "Key2" }`; `-KeyName 1` then reads as `.key2`.
public protocol ParameterEnumeration: BindableValue, CaseIterable, RawRepresentable where RawValue == String {
    /// The .NET type's full name, as binding messages print it.
    static var fullName: String { get }
    /// The .NET enum: its members in declaration order with their values.
    static var enumerationType: EnumerationType { get }
}

extension ParameterEnumeration {
    /// Inlinable, so that each enum's conformance gets a copy specialized to its own `allCases`:
    /// the generic copy reached `AllCases` and its `Collection` conformance through the runtime
    /// (a demangled type and a scan of every conformance record), a third of the start-up work
    /// of `New-AzCognitiveServicesAccountKey -Foo` before any argument was looked at (issue 14).
    @inlinable public static var enumerationType: EnumerationType {
        var members: [EnumerationType.Member] = []
        for (offset, member) in allCases.enumerated() {
            members.append(EnumerationType.Member(member.rawValue, offset))
        }
        return EnumerationType(fullName: fullName, members: members)
    }

    @inlinable public static var parameterType: ParameterType { .enumeration(enumerationType) }

    @inlinable public init?(boundValue: ParameterValue) {
        guard case .enumeration(let name, _) = boundValue else { return nil }
        self.init(rawValue: name)
    }
}

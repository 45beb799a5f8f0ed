/// A parameter's value after conversion to its type.
///
/// Example: `-KeyName key2` binds `.enumeration(name: "Key2", value: 1)`.
public enum ParameterValue: Sendable, Equatable {
    case string(String)
    case integer(Int)
    case switchValue(Bool)
    case enumeration(name: String, value: Int)
    case null

    public var string: String? {
        if case .string(let text) = self { return text }
        return nil
    }

    public var enumerationName: String? {
        if case .enumeration(let name, _) = self { return name }
        return nil
    }

    public var isPresentSwitch: Bool { self == .switchValue(true) }
}

/// A parameter's value after conversion to its type.
///
/// Example: `-KeyName key2` binds `.enumeration(name: "Key2", value: 1)`.
public enum ParameterValue: Sendable, Equatable {
    case string(String)
    /// A `System.String[]` value: `-Parameter Key*,Name` binds `.strings(["Key*", "Name"])`.
    case strings([String])
    case integer(Int)
    case switchValue(Bool)
    case enumeration(name: String, value: Int)
    case null

    /// `== .null || == .string("")`, without building either value to compare with.
    var isNullOrEmptyString: Bool {
        switch self {
        case .null: true
        case .string(let text): text.isEmpty
        default: false
        }
    }

    package var string: String? {
        if case .string(let text) = self { return text }
        return nil
    }
}

/// A Swift type a cmdlet reads a bound parameter as, and the .NET type the binder converts the
/// argument to for it. `ParameterKey<Value>` declares a parameter of such a type.
///
/// Example: `String` is bound as `System.String`, so `ParameterKey<String>(name: "Name")` reads
/// `New-AzCognitiveServicesAccountKey rg myluis Key1` as `"myluis"`.
public protocol BindableValue: Sendable {
    /// The .NET type the binder converts to (`System.String` for `String`).
    static var parameterType: ParameterType { get }
    /// Reads a converted value; nil for a value of another kind (`$null` included).
    init?(boundValue: ParameterValue)
}

extension String: BindableValue {
    public static var parameterType: ParameterType { .string }

    @inlinable public init?(boundValue: ParameterValue) {
        guard case .string(let text) = boundValue else { return nil }
        self = text
    }
}

extension Array: BindableValue where Element == String {
    public static var parameterType: ParameterType { .stringArray }

    @inlinable public init?(boundValue: ParameterValue) {
        guard case .strings(let texts) = boundValue else { return nil }
        self = texts
    }
}

extension Int: BindableValue {
    /// `System.Int32`: the binder rejects values outside its range.
    public static var parameterType: ParameterType { .int32 }

    @inlinable public init?(boundValue: ParameterValue) {
        guard case .integer(let number) = boundValue else { return nil }
        self = number
    }
}

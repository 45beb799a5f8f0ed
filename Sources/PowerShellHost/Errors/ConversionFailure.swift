/// Why a value could not be converted to a parameter's type.
package enum ConversionFailure: Error, Sendable, Equatable {
    /// A string (or other non-boolean) given to a switch: `-Force:"false"`.
    case switchFromType(argumentType: String)
    /// An array given to a scalar parameter: `-Name a,b`.
    case notSupported(argumentType: String)
    /// `Unable to match the identifier name {value} to a valid enumerator name.`
    case enumNameNoMatch(value: String, typeName: String, names: [String])
    /// `The identifier name {value} cannot be processed because it is either too similar…`
    case enumNameAmbiguous(value: String, typeName: String, matches: [String])
    /// A number that is not a member: `-KeyName 2`.
    case enumValueUndefined(value: String, typeName: String, names: [String])
    /// A .NET conversion exception, with its message: `-OutBuffer abc`.
    case invalidCast(value: String, typeName: String, reason: String)
    /// `$null` to a value type.
    case fromNull(typeName: String)
}

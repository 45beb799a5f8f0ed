/// Why a converted value failed a validation attribute.
package enum ValidationFailure: Sendable, Equatable {
    case nullOrEmpty
    case belowMinimum(value: String, minimum: Int)
    case aboveMaximum(value: String, maximum: Int)
    case notVariableName(String)
    /// `-ErrorVariable ''` or `-ErrorVariable +`: `new VariablePath("")` throws `ArgumentException("path")`.
    case emptyPath
}

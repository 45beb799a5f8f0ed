/// An error as PowerShell's `ErrorRecord` carries it: the message users see, the ErrorId and
/// category, and whether it ends the command. Every error, whatever its domain, becomes one
/// of these before it is written, so one writer shows them all (`ErrorView`).
///
/// Example: `ErrorRecord(BindingError.namedParameterNotFound(typed: "Foo", argumentIndex: 0))`
/// has the message `A parameter cannot be found that matches parameter name 'Foo'.`
package struct ErrorRecord: Error, Sendable, Equatable {
    /// `System.Management.Automation.ErrorCategory` names used here.
    package enum Category: String, Sendable {
        case invalidArgument = "InvalidArgument"
        case invalidData = "InvalidData"
        case invalidOperation = "InvalidOperation"
        case objectNotFound = "ObjectNotFound"
        case closeError = "CloseError"
        case operationStopped = "OperationStopped"
        case connectionError = "ConnectionError"
        case authenticationError = "AuthenticationError"
        case notSpecified = "NotSpecified"
        case resourceUnavailable = "ResourceUnavailable"
    }

    package let message: String
    package let errorId: String
    package let category: Category
    /// AzShim's own advice, shown on a line of its own after PowerShell's message (nil: none).
    package var hint: String?

    package init(message: String, errorId: String, category: Category) {
        self.message = message
        self.errorId = errorId
        self.category = category
    }

    package init(_ error: BindingError) {
        let category: Category =
            switch error {
            case .validationFailed, .nullNotAllowed: .invalidData
            default: .invalidArgument
            }
        self.init(message: BindingErrorMessages.message(for: error), errorId: error.errorId, category: category)
    }
}

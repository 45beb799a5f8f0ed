/// Why binding parameters failed, as data. `BindingErrorMessages` renders each case with
/// PowerShell's template; `argumentIndex` points at the word the user typed.
///
/// Example: `New-AzCognitiveServicesAccountKey -W` fails with
/// `.ambiguousParameter(typed: "W", matches: ["WarningAction", "WarningVariable", "WhatIf"], argumentIndex: 0)`.
package enum BindingError: Error, Sendable, Equatable {
    /// `-Name:` at the end of the line: a parse error (`ParserStrings.ParameterRequiresArgument`).
    case parameterRequiresArgument(tokenText: String, argumentIndex: Int)
    /// `-Force:` with nothing after the colon, what bash leaves of `-Force:$false` (AzShim).
    case switchValueExpandedByShell(tokenText: String, argumentIndex: Int)
    case ambiguousParameter(typed: String, matches: [String], argumentIndex: Int)
    case namedParameterNotFound(typed: String, argumentIndex: Int)
    case positionalParameterNotFound(argument: String, argumentIndex: Int)
    case missingArgument(parameter: String, typeName: String, argumentIndex: Int)
    case parameterAlreadyBound(parameter: String, argumentIndex: Int)
    case cannotConvert(parameter: String, failure: ConversionFailure, argumentIndex: Int?)
    case validationFailed(parameter: String, failure: ValidationFailure, argumentIndex: Int?)
    /// A mandatory parameter given `$null`.
    case nullNotAllowed(parameter: String, argumentIndex: Int?)
    /// `-ErrorAction Suspend` (and the other `*Action` parameters).
    case actionPreferenceReserved(parameter: String, value: String, argumentIndex: Int?)
    case missingMandatoryParameters([String])
    /// The bound parameters belong to no one parameter set (`Get-Help X -Full -Examples`).
    case ambiguousParameterSet
    /// A pipeline object none of whose properties bound.
    case inputObjectNotBound
    /// A pipeline object that bound something but left these mandatory parameters unbound.
    case inputObjectMissingMandatory([String])
    /// The mandatory-parameter prompt could not read an answer (no terminal, or end of input).
    case promptNotAvailable([String])

    /// PowerShell's ErrorId (the first part of the FullyQualifiedErrorId).
    package var errorId: String {
        switch self {
        case .parameterRequiresArgument, .switchValueExpandedByShell: "ParameterRequiresArgument"
        case .ambiguousParameter: "AmbiguousParameter"
        case .namedParameterNotFound: "NamedParameterNotFound"
        case .positionalParameterNotFound: "PositionalParameterNotFound"
        case .missingArgument: "MissingArgument"
        case .parameterAlreadyBound: "ParameterAlreadyBound"
        case .cannotConvert(_, let failure, _):
            switch failure {
            case .switchFromType, .notSupported: "CannotConvertArgument"
            default: "CannotConvertArgumentNoMessage"
            }
        case .validationFailed: "ParameterArgumentValidationError"
        case .nullNotAllowed: "ParameterArgumentValidationErrorNullNotAllowed"
        case .actionPreferenceReserved: "ParameterBindingFailed"
        case .missingMandatoryParameters, .promptNotAvailable: "MissingMandatoryParameter"
        case .ambiguousParameterSet: "AmbiguousParameterSet"
        case .inputObjectNotBound: "InputObjectNotBound"
        case .inputObjectMissingMandatory: "InputObjectMissingMandatory"
        }
    }

    /// The word of the command line the error is about, when there is one.
    package var argumentIndex: Int? {
        switch self {
        case .parameterRequiresArgument(_, let index), .switchValueExpandedByShell(_, let index),
            .ambiguousParameter(_, _, let index), .namedParameterNotFound(_, let index),
            .positionalParameterNotFound(_, let index), .missingArgument(_, _, let index),
            .parameterAlreadyBound(_, let index):
            index
        case .cannotConvert(_, _, let index), .validationFailed(_, _, let index), .nullNotAllowed(_, let index),
            .actionPreferenceReserved(_, _, let index):
            index
        case .missingMandatoryParameters, .ambiguousParameterSet, .inputObjectNotBound, .inputObjectMissingMandatory,
            .promptNotAvailable:
            nil
        }
    }
}

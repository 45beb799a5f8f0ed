/// Every parameter-binding message template of PowerShell, in one place, and the one
/// function that fills them (`ParameterBinderStrings.resx`, `ExtendedTypeSystem.resx`,
/// `EnumExpressionEvaluatorStrings.resx`, `Metadata.resx`, `ParserStrings.resx`).
///
/// Example: `.missingArgument(parameter: "KeyName", typeName: "…KeyName", argumentIndex: 2)`
/// renders as `Missing an argument for parameter 'KeyName'. Specify a parameter of type '…KeyName' and try again.`
package enum BindingErrorMessages {
    package static func message(for error: BindingError) -> String {
        switch error {
        case .parameterRequiresArgument(let text, _):
            "Parameter \(text) requires an argument."
        case .switchValueExpandedByShell(let text, _):
            "Parameter \(text) requires an argument. A POSIX shell expands $true and $false before AzShim "
                + "sees them: write '\(text)$false' in single quotes, or \(text)false."
        case .ambiguousParameter(let typed, let matches, _):
            "Parameter cannot be processed because the parameter name '\(typed)' is ambiguous. "
                + "Possible matches include:\(matches.map { " -" + $0 }.joined())."
        case .namedParameterNotFound(let typed, _):
            "A parameter cannot be found that matches parameter name '\(typed)'."
        case .positionalParameterNotFound(let argument, _):
            "A positional parameter cannot be found that accepts argument '\(argument)'."
        case .missingArgument(let parameter, let typeName, _):
            "Missing an argument for parameter '\(parameter)'. Specify a parameter of type '\(typeName)' and try again."
        case .parameterAlreadyBound(let parameter, _):
            "Cannot bind parameter because parameter '\(parameter)' is specified more than once. "
                + "To provide multiple values to parameters that can accept multiple values, use the array syntax. "
                + "For example, \"-parameter value1,value2,value3\"."
        case .cannotConvert(let parameter, let failure, _):
            conversionMessage(parameter: parameter, failure: failure)
        case .validationFailed(let parameter, let failure, _):
            "Cannot validate argument on parameter '\(parameter)'. \(validationMessage(failure))"
        case .nullNotAllowed(let parameter, _):
            "Cannot bind argument to parameter '\(parameter)' because it is null."
        case .actionPreferenceReserved(let parameter, let value, _):
            "Cannot bind parameter '\(parameter)' to the target. Exception setting \"\(parameter)\": "
                + "\"The \(value) ActionPreference value is reserved for future use and is not supported at this time. "
                + "For more information about preference variables, see the Help topic, \"about_Preference_Variables.\"\""
        case .missingMandatoryParameters(let names), .promptNotAvailable(let names):
            "Cannot process command because of one or more missing mandatory parameters:\(names.map { " " + $0 }.joined())."
        case .ambiguousParameterSet:
            "Parameter set cannot be resolved using the specified named parameters. One or more parameters issued "
                + "cannot be used together or an insufficient number of parameters were provided."
        case .inputObjectNotBound:
            "The input object cannot be bound to any parameters for the command either because the command does not "
                + "take pipeline input or the input and its properties do not match any of the parameters that take "
                + "pipeline input."
        case .inputObjectMissingMandatory(let names):
            "The input object cannot be bound because it did not contain the information required to bind all "
                + "mandatory parameters: \(names.map { " " + $0 }.joined())"
        }
    }

    private static func conversionMessage(parameter: String, failure: ConversionFailure) -> String {
        switch failure {
        case .switchFromType(let argumentType):
            // CannotConvertArgument with an empty {7}: note the trailing space.
            return "Cannot convert '\(argumentType)' to the type 'System.Management.Automation.SwitchParameter' "
                + "required by parameter '\(parameter)'. "
        case .notSupported(let argumentType):
            return "Cannot convert '\(argumentType)' to the type 'System.String' required by parameter "
                + "'\(parameter)'. Specified method is not supported."
        case .enumNameNoMatch(let value, let typeName, let names):
            return cannotBind(parameter)
                + invalidCast(
                    value, typeName,
                    "Unable to match the identifier name \(value) to a valid enumerator name. "
                        + "Specify one of the following enumerator names and try again:\n\(names.joined(separator: ", "))"
                )
        case .enumNameAmbiguous(let value, let typeName, let matches):
            return cannotBind(parameter)
                + invalidCast(
                    value, typeName,
                    "The identifier name \(value) cannot be processed because it is either too similar or identical "
                        + "to the following enumerator names: \(matches.joined(separator: ", ")). "
                        + "Use a more specific identifier name.")
        case .enumValueUndefined(let value, let typeName, let names):
            return cannotBind(parameter)
                + "Cannot convert value \"\(value)\" to type \"\(typeName)\" due to enumeration values that are not "
                + "valid. Specify one of the following enumeration values and try again. The possible enumeration "
                + "values are \"\(names.joined(separator: ","))\"."
        case .invalidCast(let value, let typeName, let reason):
            return cannotBind(parameter) + invalidCast(value, typeName, reason)
        case .fromNull(let typeName):
            return cannotBind(parameter) + "Cannot convert null to type \"\(typeName)\"."
        }
    }

    private static func cannotBind(_ parameter: String) -> String { "Cannot bind parameter '\(parameter)'. " }

    private static func invalidCast(_ value: String, _ typeName: String, _ reason: String) -> String {
        "Cannot convert value \"\(value)\" to type \"\(typeName)\". Error: \"\(reason)\""
    }

    private static func validationMessage(_ failure: ValidationFailure) -> String {
        switch failure {
        case .nullOrEmpty:
            "The argument is null or empty. Provide an argument that is not null or empty, and then try the command again."
        case .belowMinimum(let value, let minimum):
            "The \(value) argument is less than the minimum allowed range of \(minimum). "
                + "Supply an argument that is greater than or equal to \(minimum) and then try the command again."
        case .aboveMaximum(let value, let maximum):
            "The \(value) argument is greater than the maximum allowed range of \(maximum). "
                + "Supply an argument that is less than or equal to \(maximum) and then try the command again."
        case .notVariableName(let name):
            "Cannot validate argument '\(name)' because it is not a valid variable name."
        case .emptyPath:
            // AutomationExceptions.Argument with "path" (PSTraceSource.NewArgumentException).
            "Cannot process argument because the value of argument \"path\" is not valid. "
                + "Change the value of the \"path\" argument and run the operation again."
        }
    }
}

/// The effective preferences of one command run: each common parameter beats its preference
/// variable, as in PowerShell (`MshCommandRuntime` preference getters).
///
/// - `-Verbose` / `-Verbose:$false`: VerbosePreference Continue / SilentlyContinue; `-Verbose` also
///   makes WarningPreference Continue unless `-WarningAction` is given.
/// - `-Debug` / `-Debug:$false`: DebugPreference Continue / SilentlyContinue. PowerShell also turns
///   Verbose and Warning into Inquire under `-Debug`; AzShim keeps them at Continue, as PowerShell
///   does for a host that cannot prompt (DESIGN.md: `-Debug` never prompts by itself).
/// - `-Confirm` / `-Confirm:$false`: ConfirmPreference Low / None. `-WhatIf` / `-WhatIf:$false`.
///
/// Example: `-Verbose` makes `verbose` Continue; `-WarningAction Ignore` makes `warning` Ignore.
package struct Preferences: Sendable, Equatable {
    package var error: ActionPreference = .continue
    package var warning: ActionPreference = .continue
    package var verbose: ActionPreference = .silentlyContinue
    package var debug: ActionPreference = .silentlyContinue
    package var information: ActionPreference = .silentlyContinue
    package var progress: ActionPreference = .continue
    package var confirm: CommandMetadata.ConfirmImpact = .high
    package var whatIf = false
    /// The `-Verbose` switch itself (`MshCommandRuntime.Verbose`): ShouldProcess writes its
    /// `VERBOSE: Performing the operation …` line only under the switch, not for `$VerbosePreference`.
    package var verboseSwitch = false

    package init() {}

    /// Applies the common parameters bound on the command line over `self`.
    package func applying(_ bound: BoundParameters) -> Preferences {
        var result = self
        let verbose = bound[CommonParameters.verbose]
        let debug = bound[CommonParameters.debug]
        if bound.contains(CommonParameters.debug) { result.debug = debug ? .continue : .silentlyContinue }
        if bound.contains(CommonParameters.verbose) {
            result.verboseSwitch = verbose
            result.verbose = verbose ? .continue : .silentlyContinue
        } else if debug {
            result.verbose = .continue
        }
        if !bound.contains(CommonParameters.warningAction), debug || verbose {
            result.warning = .continue
        }
        if let action = bound[CommonParameters.errorAction] { result.error = action }
        if let action = bound[CommonParameters.warningAction] { result.warning = action }
        if let action = bound[CommonParameters.informationAction] { result.information = action }
        if let action = bound[CommonParameters.progressAction] { result.progress = action }
        if bound.contains(CommonParameters.whatIf) { result.whatIf = bound[CommonParameters.whatIf] }
        if bound.contains(CommonParameters.confirm) { result.confirm = bound[CommonParameters.confirm] ? .low : .none }
        return result
    }
}

extension Preferences {
    /// The preference variables a ported script sets, read from environment variables of the
    /// same names (`export ErrorActionPreference=Stop` as `$ErrorActionPreference = 'Stop'`).
    ///
    /// The ActionPreference variables and `$ConfirmPreference` carry PowerShell's
    /// `ArgumentTypeConverterAttribute` (`InitialSessionState.cs`), so a value that does not convert
    /// fails as the assignment would, with the `PSInvalidCastException` message
    /// (`ArgumentTypeConverterAttribute.Transform`), and `Suspend` fails with
    /// `ActionPreferenceReservedForFutureUseError`. `$WhatIfPreference` has no converter: PowerShell
    /// reads it with `LanguagePrimitives.TryConvertTo<bool>` (`GetBooleanPreference`), where any
    /// non-empty string is true; AzShim reads `false`, `0` and `$false` as false, as the values a
    /// script would have assigned (`$false`, `0`), since a POSIX shell cannot carry `$false`.
    package static func fromEnvironment(_ environment: [String: String]) throws(PreferenceVariableError) -> Preferences
    {
        try fromEnvironment { environment[$0] }
    }

    /// The same, reading each variable by name through `variable` (`HostIO.environmentValue`), so
    /// a run that stops at binding never decodes the whole environment (issue 14).
    ///
    /// Example: `try Preferences.fromEnvironment { $0 == "WhatIfPreference" ? "1" : nil }.whatIf` is true.
    package static func fromEnvironment(_ variable: (String) -> String?) throws(PreferenceVariableError)
        -> Preferences
    {
        var result = Preferences()
        func convert(_ name: String, _ type: EnumerationType) throws(PreferenceVariableError) -> ParameterValue? {
            guard let text = variable(name) else { return nil }
            let parameter = ParameterMetadata(name: name, type: .enumeration(type))
            do {
                return try ValueConverter.convert(.string(text), for: parameter, argumentIndex: nil)
            } catch {
                throw PreferenceVariableError(variable: name, message: Self.castMessage(error, parameter: name))
            }
        }
        func action(_ name: String) throws(PreferenceVariableError) -> ActionPreference? {
            guard let value = try convert(name, .actionPreference) else { return nil }
            let preference = ActionPreference(boundValue: value)
            if preference == .suspend {
                throw PreferenceVariableError(
                    variable: name,
                    message:
                        "The Suspend ActionPreference value is reserved for future use and is not supported at this time. "
                        + "For more information about preference variables, see the Help topic, \"about_Preference_Variables.\""
                )
            }
            return preference
        }
        result.error = try action("ErrorActionPreference") ?? result.error
        result.warning = try action("WarningPreference") ?? result.warning
        result.verbose = try action("VerbosePreference") ?? result.verbose
        result.debug = try action("DebugPreference") ?? result.debug
        result.information = try action("InformationPreference") ?? result.information
        result.progress = try action("ProgressPreference") ?? result.progress
        if case .enumeration(_, let number)? = try convert("ConfirmPreference", .confirmImpact),
            let impact = CommandMetadata.ConfirmImpact(rawValue: number)
        {
            result.confirm = impact
        }
        if let text = variable("WhatIfPreference") {
            switch text.lowercased() {
            case "false", "0", "$false", "": result.whatIf = false
            default: result.whatIf = true
            }
        }
        return result
    }

    /// The `PSInvalidCastException` message alone: the binder's text without its
    /// `Cannot bind parameter '…'. ` prefix, which an assignment does not have.
    private static func castMessage(_ error: BindingError, parameter: String) -> String {
        let message = BindingErrorMessages.message(for: error)
        let prefix = "Cannot bind parameter '\(parameter)'. "
        return message.hasPrefix(prefix) ? String(message.dropFirst(prefix.count)) : message
    }
}

/// A preference variable from the environment that PowerShell's assignment would reject. Shown
/// as ConciseView shows an `ArgumentTransformationMetadataException` from a script statement: the
/// category as the reason (`MetadataError: …`); nothing runs.
///
/// Example: `ErrorActionPreference=Bogus` gives `MetadataError: Cannot convert value "Bogus" to type
/// "System.Management.Automation.ActionPreference". Error: "Unable to match the identifier name Bogus …`.
package struct PreferenceVariableError: Error, Sendable, Equatable {
    package let variable: String
    package let message: String

    /// `ErrorCategory.MetadataError`, ConciseView's reason for an error with no command.
    package static let reason = "MetadataError"

    package var record: ErrorRecord {
        ErrorRecord(message: message, errorId: "RuntimeException", category: .invalidData)
    }
}

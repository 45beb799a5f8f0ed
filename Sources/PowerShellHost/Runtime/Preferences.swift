/// The effective preferences of one command run: each common parameter beats its preference
/// variable, as in PowerShell (`MshCommandRuntime` preference getters).
///
/// Example: `-Verbose` makes `verbose` Continue; `-WarningAction Ignore` makes `warning` Ignore.
public struct Preferences: Sendable, Equatable {
    public var error: ActionPreference = .continue
    public var warning: ActionPreference = .continue
    public var verbose: ActionPreference = .silentlyContinue
    public var debug: ActionPreference = .silentlyContinue
    public var information: ActionPreference = .silentlyContinue
    public var progress: ActionPreference = .continue
    public var confirm: CommandMetadata.ConfirmImpact = .high
    public var whatIf = false

    public init() {}

    /// Applies the common parameters bound on the command line over `self`.
    public func applying(_ bound: BoundParameters) -> Preferences {
        var result = self
        if let value = bound["Verbose"]?.value { result.verbose = value.isPresentSwitch ? .continue : .silentlyContinue }
        if bound.isPresent("Debug") { result.debug = .continue }
        if bound.isPresent("Verbose"), bound["WarningAction"] == nil { result.warning = .continue }
        if let action = ActionPreference(parameterValue: bound["ErrorAction"]?.value) { result.error = action }
        if let action = ActionPreference(parameterValue: bound["WarningAction"]?.value) { result.warning = action }
        if let action = ActionPreference(parameterValue: bound["InformationAction"]?.value) { result.information = action }
        if let action = ActionPreference(parameterValue: bound["ProgressAction"]?.value) { result.progress = action }
        if let value = bound["WhatIf"]?.value { result.whatIf = value.isPresentSwitch }
        if let value = bound["Confirm"]?.value { result.confirm = value.isPresentSwitch ? .low : .none }
        return result
    }
}

extension Preferences {
    /// The preference variables a ported script sets, read from environment variables of the
    /// same names (`export ErrorActionPreference=Stop` as `$ErrorActionPreference = 'Stop'`).
    /// A value that does not convert fails as PowerShell's assignment would.
    public static func fromEnvironment(_ environment: [String: String]) throws(BindingError) -> Preferences {
        var result = Preferences()
        func action(_ name: String) throws(BindingError) -> ActionPreference? {
            guard let text = environment[name] else { return nil }
            let parameter = ParameterMetadata(name: name, type: .enumeration(.actionPreference))
            let value = try ValueConverter.convert(.string(text), for: parameter, argumentIndex: nil)
            return ActionPreference(parameterValue: value)
        }
        result.error = try action("ErrorActionPreference") ?? result.error
        result.warning = try action("WarningPreference") ?? result.warning
        result.verbose = try action("VerbosePreference") ?? result.verbose
        result.debug = try action("DebugPreference") ?? result.debug
        result.information = try action("InformationPreference") ?? result.information
        result.progress = try action("ProgressPreference") ?? result.progress
        if let text = environment["ConfirmPreference"] {
            let parameter = ParameterMetadata(name: "ConfirmPreference", type: .enumeration(.confirmImpact))
            let value = try ValueConverter.convert(.string(text), for: parameter, argumentIndex: nil)
            if case .enumeration(_, let number) = value, let impact = CommandMetadata.ConfirmImpact(rawValue: number) {
                result.confirm = impact
            }
        }
        if let text = environment["WhatIfPreference"] {
            switch text.lowercased() {
            case "true", "1", "$true": result.whatIf = true
            case "false", "0", "$false", "": result.whatIf = false
            default:
                throw .cannotConvert(
                    parameter: "WhatIfPreference", failure: .invalidCast(
                        value: text, typeName: "System.Boolean",
                        reason: "String '\(text)' was not recognized as a valid Boolean."), argumentIndex: nil)
            }
        }
        return result
    }
}

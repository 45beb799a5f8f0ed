extension HostOptions {
    /// The host's own settings from the environment, checked as strictly as their options:
    /// `AZSHIM_OUTPUT` (`table`, `list` or `json`; the default `--output`) and
    /// `AZSHIM_INCLUDE_INPUT` (`1` turns `--include-input` on, `0` leaves it off). An empty value
    /// counts as unset. A bad value is a `UsageError` naming the variable and the accepted values,
    /// even when the option on the command line overrides it, so a typo in a CI setting is never
    /// silently ignored.
    ///
    /// Example: `AZSHIM_OUTPUT=xml New-AzCognitiveServicesAccountKey rg acct Key1` fails, before
    /// anything runs (exit status 2), with
    /// `AZSHIM_OUTPUT 'xml' is not valid: expected table, list or json.`
    package func applyingEnvironment(_ environment: [String: String]) throws(UsageError) -> HostOptions {
        try applyingEnvironment { environment[$0] }
    }

    /// The same, reading each variable by name through `variable` (`HostIO.environmentValue`).
    package func applyingEnvironment(_ variable: (String) -> String?) throws(UsageError) -> HostOptions {
        var options = self
        if let text = variable(Self.outputVariable), !text.isEmpty {
            guard let format = OutputFormat(rawValue: text.lowercased()) else {
                throw UsageError(message: Self.invalid(Self.outputVariable, text, expected: "table, list or json"))
            }
            if options.output == nil { options.output = format }
        }
        if let text = variable(Self.includeInputVariable), !text.isEmpty {
            switch text {
            case "1": options.includeInput = true
            case "0": break
            default:
                throw UsageError(
                    message: Self.invalid(Self.includeInputVariable, text, expected: "1 (on) or 0 (off)"))
            }
        }
        return options
    }

    /// Checks the options that only make sense together, once the command is about to run
    /// (`-?` and `--version` still answer): `--include-input` needs the JSON view.
    ///
    /// Example: `New-AzCognitiveServicesAccountKey -KeyName Key2 --include-input < accounts.jsonl`
    /// fails (exit status 2) with `The option --include-input needs --output json: …`.
    package func checkCombination() throws(UsageError) {
        if includeInput && output != .json {
            let view = output?.rawValue ?? "table"
            throw UsageError(
                message: "The option --include-input needs --output json: the \(view) view cannot show the "
                    + "input objects. Add --output json (or set AZSHIM_OUTPUT=json).")
        }
    }

    package static let outputVariable = "AZSHIM_OUTPUT"
    package static let includeInputVariable = "AZSHIM_INCLUDE_INPUT"

    /// `AZSHIM_OUTPUT 'xml' is not valid: expected table, list or json.` (the wording of the
    /// Azure settings' errors), with control characters in the value shown in caret notation.
    static func invalid(_ variable: String, _ value: String, expected: String) -> String {
        "\(variable) '\(TerminalText.escapingControls(value))' is not valid: expected \(expected)."
    }
}

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Checks every `AZSHIM_*` setting the Azure and emulator backends read, before anything runs
/// (`CommandDefinition.checkEnvironment`: a bad value is exit status 2, no request sent, no state
/// touched), whichever backend the run would use. Each message names the variable and what it
/// accepts; an empty value counts as unset, as the settings' readers treat it.
/// - `AZSHIM_HTTP_TIMEOUT`, `AZSHIM_HTTP_TOTAL_TIMEOUT`: seconds (`AzureHTTPSettings`);
/// - `AZSHIM_API_VERSION`: letters, digits, `-` and `.` (`AzureConfigurationResolver.apiVersion`);
/// - `AZSHIM_EMULATOR_AUTOCREATE`: `1` (create unknown accounts, the default) or `0`;
/// - `AZSHIM_CA_FILE`: a file this process can read (a FIFO or `<(…)` too), not a folder;
/// - `AZSHIM_TOKEN_CACHE`: `off` or an absolute path (`AzureTokenCacheSetting`).
///
/// Example: `AZSHIM_EMULATOR_AUTOCREATE=no New-AzCognitiveServicesAccountKey rg acct Key1` fails with
/// `AZSHIM_EMULATOR_AUTOCREATE 'no' is not valid: expected 1 (create unknown accounts) or 0 (do not).`
enum AzureEnvironmentCheck {
    static let autocreateVariable = "AZSHIM_EMULATOR_AUTOCREATE"
    static let caFileVariable = "AZSHIM_CA_FILE"

    /// Every variable a problem can come from (the token cache also reads `XDG_CACHE_HOME` and
    /// `HOME`, but only to choose a place, never to fail).
    static let checkedVariables = [
        AzureHTTPSettings.requestTimeoutVariable, AzureHTTPSettings.totalTimeoutVariable, "AZSHIM_API_VERSION",
        AzureTokenCacheSetting.variable, autocreateVariable, caFileVariable,
    ]

    /// The first problem, as the message to print, or nil, reading the variables by name
    /// (`HostIO.environmentValue`): when none of them is set, nothing else is read or built.
    @Sendable static func problem(reading variable: (String) -> String?) -> String? {
        var environment: [String: String] = [:]
        for name in checkedVariables {
            if let value = variable(name) { environment[name] = value }
        }
        return environment.isEmpty ? nil : problem(in: environment)
    }

    /// The first problem, as the message to print, or nil.
    static func problem(in environment: [String: String]) -> String? {
        do {
            try check(environment)
            return nil
        } catch {
            return error.message
        }
    }

    static func check(_ environment: [String: String]) throws(AzureConfigurationError) {
        _ = try AzureHTTPSettings(environment: environment)
        _ = try AzureConfigurationResolver.apiVersion(environment: environment)
        _ = try AzureTokenCacheSetting(environment: environment)
        if let value = environment[autocreateVariable], !value.isEmpty, value != "0", value != "1" {
            throw .invalidSetting(
                variable: autocreateVariable, value: value,
                reason: "expected 1 (create unknown accounts) or 0 (do not).")
        }
        if let path = environment[caFileVariable], !path.isEmpty, !isReadableFile(path) {
            throw .invalidSetting(
                variable: caFileVariable, value: path, reason: "expected a readable file of PEM certificates.")
        }
    }

    /// A file this process may read and not a folder: a FIFO or the pipe of `<(…)` counts (its
    /// read is bounded in time when the TLS context loads it), and is not opened here, which
    /// would consume it.
    private static func isReadableFile(_ path: String) -> Bool {
        var status = stat()
        return stat(path, &status) == 0 && (status.st_mode & S_IFMT) != S_IFDIR && access(path, R_OK) == 0
    }
}

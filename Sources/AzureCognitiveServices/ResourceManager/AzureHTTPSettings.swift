import HTTP1

/// The HTTP time limits a user can set, read and checked once: `AZSHIM_HTTP_TIMEOUT`, seconds
/// for one attempt (connect, send, every read; default 100, as .NET's `HttpClient`), and
/// `AZSHIM_HTTP_TOTAL_TIMEOUT`, seconds for one operation with all its retries and waits
/// (default 300). Each is a plain decimal number of seconds, more than 0 and at most its maximum;
/// anything else is an error that names the variable, before anything runs (exit status 2).
///
/// Example: `AZSHIM_HTTP_TIMEOUT=20 AZSHIM_HTTP_TOTAL_TIMEOUT=60 New-AzCognitiveServicesAccountKey rg acct Key1`
/// gives each attempt 20 s and stops retrying a hung server after a minute;
/// `AZSHIM_HTTP_TIMEOUT=abc` fails with
/// `AZSHIM_HTTP_TIMEOUT 'abc' is not valid: expected seconds, more than 0 and at most 3600.`
struct AzureHTTPSettings: Sendable, Equatable {
    static let requestTimeoutVariable = "AZSHIM_HTTP_TIMEOUT"
    static let totalTimeoutVariable = "AZSHIM_HTTP_TOTAL_TIMEOUT"

    /// Seconds for one attempt.
    var requestTimeout = 100.0
    /// Seconds for one operation, retries and waits included.
    var totalTimeout = 300.0

    init() {}

    /// The settings from `environment` (unset or blank: the defaults).
    init(environment: [String: String]) throws(AzureConfigurationError) {
        if let value = try Self.seconds(environment, Self.requestTimeoutVariable, maximum: 3600) {
            requestTimeout = value
        }
        if let value = try Self.seconds(environment, Self.totalTimeoutVariable, maximum: 86_400) {
            totalTimeout = value
        }
    }

    private static func seconds(_ environment: [String: String], _ variable: String, maximum: Double)
        throws(AzureConfigurationError) -> Double?
    {
        guard let raw = environment[variable] else { return nil }
        let text = raw.httpTrimmed
        if text.isEmpty { return nil }
        let parts = text.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        let decimal =
            parts.count <= 2 && !parts[0].isEmpty && text.utf8.count <= 32
            && parts.allSatisfy { !$0.isEmpty && $0.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 } }
        guard decimal, let value = Double(text), value > 0, value <= maximum else {
            throw .invalidSetting(
                variable: variable, value: raw,
                reason: "expected seconds, more than 0 and at most \(ARMErrorMessages.formatSeconds(maximum)).")
        }
        return value
    }
}

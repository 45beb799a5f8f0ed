import HTTP1

/// How many times and how long to retry, as Az does (§3.7): up to 3 retries for 408 and
/// 5xx except 501/505 and for failed connections or timeouts (the first at once, then
/// exponential backoff between 1 and 10 s with jitter); a 429 with `Retry-After` waits and
/// retries, at most `maximumRetriesFor429` times, and never waits longer than
/// `maximumRetryAfter` (a longer `Retry-After` returns the 429 instead of hanging); and all of
/// it fits in `totalTimeout`.
///
/// Example: `AZURE_PS_HTTP_MAX_RETRIES=0 New-AzCognitiveServicesAccountKey rg acct Key1`
/// reports a 503 at once: `AzureRetryPolicy(environment:)` gives `maximumRetries == 0`.
package struct AzureRetryPolicy: Sendable, Equatable {
    package var maximumRetries = 3
    package var maximumRetriesFor429 = 3
    package var minimumBackoff = 1.0
    package var maximumBackoff = 10.0
    package var deltaBackoff = 10.0
    /// The longest `Retry-After` that is honoured, in seconds.
    package var maximumRetryAfter = 60.0
    /// Seconds one operation may take in all: every attempt (token included), every backoff
    /// and every 429 wait (`AZSHIM_HTTP_TOTAL_TIMEOUT`). An attempt gets at most what is left;
    /// a retry that would not fit is not started.
    package var totalTimeout = 300.0

    package init() {}

    /// Defaults, with `AZURE_PS_HTTP_MAX_RETRIES` and `AZURE_PS_HTTP_MAX_RETRIES_FOR_429`
    /// (integers ≥ 0; other values are ignored, as Az ignores them).
    package init(environment: [String: String]) {
        if let text = environment["AZURE_PS_HTTP_MAX_RETRIES"], let value = Int(text.httpTrimmed), value >= 0 {
            maximumRetries = value
        }
        if let text = environment["AZURE_PS_HTTP_MAX_RETRIES_FOR_429"], let value = Int(text.httpTrimmed), value >= 0 {
            maximumRetriesFor429 = value
        }
    }

    /// 408, and 5xx but 501 and 505 (Microsoft.Rest `HttpStatusCodeErrorDetectionStrategy`).
    package static func isTransient(statusCode: Int) -> Bool {
        statusCode == 408 || (statusCode >= 500 && statusCode != 501 && statusCode != 505)
    }

    /// The wait before retry number `retry` (0 for the first): the first is immediate,
    /// later ones `min(min + (2^retry − 1) × random(0.8…1.2) × delta, max)`.
    package func backoff(beforeRetry retry: Int, random: Double) -> Double {
        if retry == 0 { return 0 }
        let factor = Double((1 << min(retry, 30)) - 1)
        return min(minimumBackoff + factor * (0.8 + 0.4 * random) * deltaBackoff, maximumBackoff)
    }
}

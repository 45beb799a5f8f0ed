/// A request that got no HTTP response at all, as data; rendered as one line that names
/// the endpoint and never carries a secret.
///
/// Example: `.connectionFailed(endpoint: "https://management.azure.com", reason: "Connection refused")`.
package enum ARMTransportError: Error, Sendable, Equatable {
    case connectionFailed(endpoint: String, reason: String)
    case timedOut(endpoint: String, seconds: Double)
    case invalidResponse(endpoint: String, reason: String)
    case cancelled
    /// Refused before any request was made (for instance `http://` to a non-loopback host).
    case refused(reason: String)
    /// A local backend (the emulator) failed, e.g. its state file cannot be read or written.
    case localFailure(String)
    /// Getting a token failed; `message` is safe to show (the identity platform's
    /// `error_description`, never a secret).
    case authenticationFailed(String)
    /// The retries, or the time budget for one operation (`AZSHIM_HTTP_TOTAL_TIMEOUT`, given as
    /// `budget` when it was what ended them), ran out: the last failure, how many attempts were
    /// made and over how many seconds.
    indirect case gaveUp(last: ARMTransportError, attempts: Int, seconds: Double, budget: Double?)
}

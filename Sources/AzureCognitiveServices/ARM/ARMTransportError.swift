/// A request that got no HTTP response at all, as data; rendered as one line that names
/// the endpoint and never carries a secret. Failures of other domains that end a request
/// before any response come as their own types: the emulator's (`EmulatorFailure`) and the
/// credential's (`AuthenticationError`); `ARMErrorMessages` renders them all.
///
/// Example: `.connectionFailed(endpoint: "https://management.azure.com", reason: "Connection refused")`.
package enum ARMTransportError: Error, Sendable, Equatable {
    case connectionFailed(endpoint: String, reason: String)
    /// `after` is the time the request was allowed.
    case timedOut(endpoint: String, after: Duration)
    case invalidResponse(endpoint: String, reason: String)
    case cancelled
    /// Refused before any request was made (for instance `http://` to a non-loopback host).
    case refused(reason: String)
    /// The emulator could not answer: its state file cannot be read, parsed or written.
    case emulator(EmulatorFailure)
    /// No token for the request: the credential's own error (safe to show, never a secret).
    case authentication(AuthenticationError)
    /// The retries, or the time budget for one operation (`AZSHIM_HTTP_TOTAL_TIMEOUT`, given as
    /// `budget` when it was what ended them), ran out: the last failure, how many attempts were
    /// made and over how long.
    indirect case gaveUp(last: ARMTransportError, attempts: Int, elapsed: Duration, budget: Duration?)
}

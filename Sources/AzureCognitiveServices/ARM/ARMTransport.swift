/// The one seam between the cmdlets and the outside world: an ARM request in, an ARM
/// response out. The emulator, the Azure Resource Manager client and test doubles
/// implement it, so a cmdlet never knows which backend answered.
///
/// Example: `try transport.send(ARMRequest(method: "POST", pathSegments: [...], apiVersion: "2024-10-01"))`
/// returns `ARMResponse(statusCode: 404, …)` for an unknown account; only failures to get
/// any response at all (connection refused, timeout, a corrupt state file) throw.
public protocol ARMTransport: Sendable {
    func send(_ request: ARMRequest) throws(ARMTransportError) -> ARMResponse
}

/// A request that got no HTTP response at all, as data; rendered as one line that names
/// the endpoint and never carries a secret.
///
/// Example: `.connectionFailed(endpoint: "https://management.azure.com", reason: "Connection refused")`.
public enum ARMTransportError: Error, Sendable, Equatable {
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
}

/// The one seam between the cmdlets and the outside world: an ARM request in, an ARM
/// response out. The emulator, the Azure Resource Manager client and test doubles
/// implement it, so a cmdlet never knows which backend answered.
///
/// Example: `try transport.send(ARMRequest(method: "POST", pathSegments: [...], apiVersion: "2024-10-01"))`
/// returns `ARMResponse(statusCode: 404, …)` for an unknown account; only failures to get
/// any response at all (connection refused, timeout, a corrupt state file) throw.
///
/// A request's VERBOSE, DEBUG and WARNING lines (its retries, its token, its HTTP trace) go to
/// the `diagnostics` given with it: the caller's own sink, so under `--throttle-limit N` each
/// object's lines stay with that object, with no per-thread state. The transports are shared by
/// all objects and call the sink synchronously, on the calling thread, during `send`.
package protocol ARMTransport: Sendable {
    func send(_ request: ARMRequest, diagnostics: AzureDiagnostics) throws(ARMTransportError) -> ARMResponse

    /// The same, with the lines going where the transport was built to send them (the
    /// configuration's diagnostics; nowhere by default).
    func send(_ request: ARMRequest) throws(ARMTransportError) -> ARMResponse
}

extension ARMTransport {
    /// A transport built with no diagnostics of its own reports nowhere by default.
    package func send(_ request: ARMRequest) throws(ARMTransportError) -> ARMResponse {
        try send(request, diagnostics: .disabled)
    }
}

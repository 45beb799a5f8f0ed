/// The one seam between the cmdlets and the outside world: an ARM request in, an ARM
/// response out. The emulator, the Azure Resource Manager client and test doubles
/// implement it, so a cmdlet never knows which backend answered.
///
/// Example: `try transport.send(ARMRequest(method: "POST", pathSegments: [...], apiVersion: "2024-10-01"))`
/// returns `ARMResponse(statusCode: 404, …)` for an unknown account; only failures to get
/// any response at all (connection refused, timeout, a corrupt state file) throw.
package protocol ARMTransport: Sendable {
    func send(_ request: ARMRequest) throws(ARMTransportError) -> ARMResponse
}

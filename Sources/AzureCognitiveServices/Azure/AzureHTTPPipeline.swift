/// What every Azure HTTP exchange shares (ARM calls and token requests alike): the
/// keep-alive client, the request timeout, cancellation, the clock, the secret registry and
/// the `-Debug` tracing of each request and response.
///
/// Example: `try pipeline.exchange(tokenRequest)` prints the `HTTP REQUEST` block with
/// `client_secret=<redacted>` under `-Debug`, then sends it.
struct AzureHTTPPipeline: Sendable {
    var client: HTTPClient
    var diagnostics: AzureDiagnostics
    var secrets: AzureSecretRegistry
    var cancellation: AzureCancellation
    var clock: any AzureClock
    /// Seconds for one whole request (connect, send, receive), 100 as in .NET's HttpClient.
    var requestTimeout: Double

    func exchange(_ request: HTTPMessage.Request, connectTimeout: Double? = nil, timeout: Double? = nil)
        throws(ARMTransportError) -> HTTPMessage.Response
    {
        diagnostics.debug(AzureHTTPTrace.request(request, secrets: secrets))
        let response = try client.send(
            request, timeout: timeout ?? requestTimeout, connectTimeout: connectTimeout, cancellation: cancellation)
        diagnostics.debug(AzureHTTPTrace.response(response, secrets: secrets))
        return response
    }
}

import HTTP1

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
    var cancellation: Cancellation
    var clock: any AzureClock
    /// Seconds for one whole request (connect, send, receive), 100 as in .NET's HttpClient.
    var requestTimeout: Double
    /// When every exchange through this pipeline must be over (monotonic seconds), or nil.
    var deadline: Double?

    /// This pipeline with every exchange ending within `seconds` from now (nil: unchanged).
    func limited(to seconds: Double?) -> AzureHTTPPipeline {
        guard let seconds else { return self }
        var copy = self
        copy.deadline = min(deadline ?? .infinity, MonotonicTime.now() + seconds)
        return copy
    }

    /// Sends `request` and returns the response; the timeout is `timeout` (else
    /// `requestTimeout`), cut to what `deadline` leaves. The reasons of failures are scrubbed
    /// of secrets: they can quote what the server sent.
    func exchange(_ request: HTTPMessage.Request, connectTimeout: Double? = nil, timeout: Double? = nil)
        throws(ARMTransportError) -> HTTPMessage.Response
    {
        var seconds = timeout ?? requestTimeout
        if let deadline { seconds = min(seconds, deadline - MonotonicTime.now()) }
        if seconds <= 0 { throw .timedOut(endpoint: request.url.origin, seconds: 0) }
        diagnostics.debug(AzureHTTPTrace.request(request, secrets: secrets))
        let response: HTTPMessage.Response
        do {
            response = try client.send(
                request, timeout: seconds, connectTimeout: connectTimeout, cancellation: cancellation)
        } catch {
            throw Self.transportError(error, scrubbing: secrets)
        }
        diagnostics.debug(AzureHTTPTrace.response(response, secrets: secrets))
        return response
    }

    /// The one place an `HTTPClientError` becomes an `ARMTransportError`. The reasons are
    /// scrubbed of secrets: they can quote what the server sent.
    static func transportError(_ error: HTTPClientError, scrubbing secrets: AzureSecretRegistry) -> ARMTransportError {
        switch error {
        case .connectionFailed(let endpoint, let reason):
            .connectionFailed(endpoint: endpoint, reason: secrets.scrub(reason))
        case .invalidResponse(let endpoint, let reason):
            .invalidResponse(endpoint: endpoint, reason: secrets.scrub(reason))
        case .refused(let reason): .refused(reason: secrets.scrub(reason))
        case .timedOut(let endpoint, let seconds): .timedOut(endpoint: endpoint, seconds: seconds)
        case .cancelled: .cancelled
        }
    }
}

import AzShimSupport
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
    /// The time for one whole request (connect, send, receive), 100 s as in .NET's HttpClient.
    var requestTimeout: Duration
    /// When every exchange through this pipeline must be over, or nil.
    var deadline: MonotonicInstant?

    /// This pipeline with every exchange ending within `limit` from now (nil: unchanged).
    func limited(to limit: Duration?) -> AzureHTTPPipeline {
        guard let limit else { return self }
        var copy = self
        copy.deadline = min(deadline ?? .distantFuture, MonotonicInstant.now + limit)
        return copy
    }

    /// Sends `request` and returns the response; the timeout is `timeout` (else
    /// `requestTimeout`), cut to what `deadline` leaves. The reasons of failures are scrubbed
    /// of secrets: they can quote what the server sent.
    func exchange(_ request: HTTPMessage.Request, connectTimeout: Duration? = nil, timeout: Duration? = nil)
        throws(ARMTransportError) -> HTTPMessage.Response
    {
        var allowed = timeout ?? requestTimeout
        if let deadline { allowed = min(allowed, deadline - MonotonicInstant.now) }
        if allowed <= .zero { throw .timedOut(endpoint: request.url.origin, after: .zero) }
        diagnostics.debug(AzureHTTPTrace.request(request, secrets: secrets))
        let response: HTTPMessage.Response
        do {
            response = try client.send(
                request, timeout: allowed, connectTimeout: connectTimeout, cancellation: cancellation)
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
        case .timedOut(let endpoint, let timeout): .timedOut(endpoint: endpoint, after: timeout)
        case .cancelled: .cancelled
        }
    }
}

/// Why `HTTPClient` got no complete response, as data; the layer above (ARM) turns it into its
/// own error in one place and renders it.
///
/// Example: nothing listening on 127.0.0.1:9 is
/// `.connectionFailed(endpoint: "http://127.0.0.1:9", reason: "Connection refused")`.
package enum HTTPClientError: Error, Sendable, Equatable {
    case connectionFailed(endpoint: String, reason: String)
    /// `after` is what the request was allowed (zero while a lower layer does not know it yet).
    case timedOut(endpoint: String, after: Duration)
    case invalidResponse(endpoint: String, reason: String)
    case cancelled
    /// Refused before anything was sent (a header value with CR or LF, an invalid method…).
    case refused(reason: String)
}

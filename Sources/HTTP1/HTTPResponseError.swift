/// Why `HTTPResponseReader` could not read a response, as data. The texts never quote more
/// than a short excerpt of what the server sent.
///
/// Example: `Content-Length: 5` and `Content-Length: 6` in one response are
/// `.malformed("two different Content-Length values")`, rendered as
/// `The response from https://management.azure.com was not valid: two different Content-Length values.`
package enum HTTPResponseError: Error, Equatable {
    /// The connection ended before the first byte of a response.
    case closedBeforeResponse
    case truncated(String)
    case malformed(String)
    /// The body (or its chunked framing) exceeds this many bytes.
    case tooLarge(Int)
    /// The connection failed, timed out or was cancelled while reading.
    case transport(HTTPClientError)

    package func transportError(origin: String) -> HTTPClientError {
        switch self {
        case .closedBeforeResponse:
            .connectionFailed(endpoint: origin, reason: "the server closed the connection without a response")
        case .truncated(let reason), .malformed(let reason): .invalidResponse(endpoint: origin, reason: reason)
        case .tooLarge(let cap): .invalidResponse(endpoint: origin, reason: "the response body exceeds \(cap) bytes")
        case .transport(let error): error
        }
    }
}

import AzShimSupport

/// Where `HTTPResponseReader` gets its bytes: a connection (a socket, plain or TLS), or memory
/// in the fuzz target and tests. Bytes received but not consumed by one response stay in
/// `buffer` for the next.
///
/// Example: `HTTPConnection` is one; `HTTPResponseReader.read(from: connection, …)` reads the
/// `200 OK` of a regeneration from it.
package protocol HTTPByteStream: AnyObject {
    /// `scheme://host[:port]`, named in errors.
    var origin: String { get }
    /// Received bytes not yet consumed.
    var buffer: [UInt8] { get set }
    /// Appends what is available to `bytes` (waiting for at least one byte) and returns how many
    /// bytes came, 0 at the end of the stream. Throws `.timedOut` once `deadline` has passed,
    ///, checked before every read, and `.cancelled` when cancelled.
    func receive(into bytes: inout [UInt8], deadline: MonotonicInstant, cancellation: Cancellation)
        throws(HTTPClientError) -> Int
}

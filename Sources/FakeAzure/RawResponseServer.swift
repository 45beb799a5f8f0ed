import AzShimSupport
import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// Test support, not part of the product: a loopback server that answers each request with
/// exactly the bytes a test scripts, for hostile-server tests. Any framing, any timing: endless
/// interim responses, a trickle, a reset, a second response glued to the first. It records
/// every request it parses from the wire (so a request smuggled inside a header shows up as a
/// request of its own) and the raw bytes of each connection.
///
/// Example:
/// ```
/// let server = try RawResponseServer { request in
///     request.path.hasSuffix("/token") ? [.send(RawResponseServer.token)]
///         : [.send(Array("HTTP/1.1 200 OK\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\nhello!".utf8))]
/// }
/// defer { server.stop() }
/// // … point AZURE_RESOURCE_MANAGER_URL and AZURE_AUTHORITY_HOST at server.baseURL …
/// ```
public final class RawResponseServer: @unchecked Sendable {
    /// One request as parsed from the wire.
    public struct Request: Sendable {
        public var method: String
        public var target: String
        public var headers: [(name: String, value: String)]
        public var body: [UInt8]
        public var connection: Int

        public var path: String { String(target.split(separator: "?", maxSplits: 1).first ?? "") }
        public func header(_ name: String) -> String? {
            headers.first { $0.name.lowercased() == name.lowercased() }?.value
        }
    }

    /// What the server does for one request, in order.
    public enum Step: Sendable {
        /// Writes these bytes.
        case send([UInt8])
        /// Waits this many seconds.
        case pause(Double)
        /// Writes these bytes again and again until the client goes away or the server stops.
        case repeatForever([UInt8])
        /// Writes these bytes one at a time, `interval` seconds apart.
        case trickle([UInt8], interval: Double)
        /// Closes the connection (a FIN).
        case close
        /// Resets the connection (an RST).
        case reset
    }

    public typealias Script = @Sendable (Request) -> [Step]

    private struct State {
        var requests: [Request] = []
        var received: [Int: [UInt8]] = [:]
        var bytesSent = 0
    }

    private let state = Mutex(State())
    private let listener: LoopbackListener
    private let script: Script
    public let port: Int
    public var baseURL: String { "http://127.0.0.1:\(port)" }

    /// Listens on 127.0.0.1 (an ephemeral port) and answers every request with `script`'s steps.
    public init(script: @escaping Script) throws {
        self.script = script
        listener = try LoopbackListener()
        port = listener.port
        listener.start { [self] client, connection in serve(client, connection: connection) }
    }

    deinit { stop() }

    /// Stops listening and ends every connection (an endless step ends too); later calls do nothing.
    public func stop() { listener.stop() }

    /// Every request parsed so far, in arrival order.
    public var requests: [Request] { state.withLock { $0.requests } }
    public var connectionsAccepted: Int { listener.connectionsAccepted }
    /// Bytes written to clients so far.
    public var bytesSent: Int { state.withLock { $0.bytesSent } }
    /// Everything received on connection `number` (1 for the first), request heads and bodies.
    public func received(onConnection number: Int) -> [UInt8] { state.withLock { $0.received[number] ?? [] } }

    private var stopped: Bool { listener.isStopped }

    /// Runs the script for each request on connection number `connection` until a step or the
    /// client ends it (the listener then closes `fd`; `.reset` arms an RST for that close).
    private func serve(_ fd: Int32, connection: Int) {
        var reset = false
        defer {
            if reset {
                var linger = Glibc.linger(l_onoff: 1, l_linger: 0)
                setsockopt(fd, SOL_SOCKET, SO_LINGER, &linger, socklen_t(MemoryLayout<Glibc.linger>.size))
            }
        }
        var buffer: [UInt8] = []
        while let request = readRequest(fd, &buffer, connection: connection) {
            state.withLock { $0.requests.append(request) }
            for step in script(request) {
                switch step {
                case .send(let bytes):
                    guard write(fd, bytes) else { return }
                case .pause(let seconds):
                    let end = Date().addingTimeInterval(seconds)
                    while Date() < end && !stopped { usleep(10_000) }
                case .repeatForever(let bytes):
                    while !stopped && write(fd, bytes) {}
                    return
                case .trickle(let bytes, let interval):
                    for byte in bytes {
                        if stopped || !write(fd, [byte]) { return }
                        usleep(useconds_t(interval * 1_000_000))
                    }
                case .close:
                    return
                case .reset:
                    reset = true
                    return
                }
            }
        }
    }

    private func write(_ fd: Int32, _ bytes: [UInt8]) -> Bool {
        var sent = 0
        while sent < bytes.count {
            let n =
                (try? Syscall.retryingOnInterrupt {
                    bytes[sent...].withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
                }) ?? -1
            if n <= 0 { return false }
            sent += n
            state.withLock { $0.bytesSent += n }
        }
        return true
    }

    /// The next request head (and its `Content-Length` body) from the connection, or nil at its end.
    private func readRequest(_ fd: Int32, _ buffer: inout [UInt8], connection: Int) -> Request? {
        var chunk = [UInt8](repeating: 0, count: 65_536)
        func more() -> Bool {
            let n = recv(fd, &chunk, chunk.count, 0)
            if n <= 0 { return false }
            buffer += chunk[0..<n]
            state.withLock { $0.received[connection, default: []] += chunk[0..<n] }
            return true
        }
        var end: Int?
        while end == nil {
            end = Self.find([13, 10, 13, 10], in: buffer)
            if end == nil && !more() { return nil }
        }
        guard let end else { return nil }
        let head = String(decoding: buffer[0..<end], as: UTF8.self)
        buffer.removeFirst(end + 4)
        var lines = head.components(separatedBy: "\r\n")
        let requestLine = lines.removeFirst().split(separator: " ")
        var headers: [(name: String, value: String)] = []
        for line in lines {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers.append(
                (String(line[..<colon]), line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)))
        }
        let length = Int(headers.first { $0.name.lowercased() == "content-length" }?.value ?? "0") ?? 0
        while buffer.count < length {
            if !more() { return nil }
        }
        let body = Array(buffer[0..<length])
        buffer.removeFirst(length)
        return Request(
            method: requestLine.first.map(String.init) ?? "",
            target: requestLine.dropFirst().first.map(String.init) ?? "",
            headers: headers, body: body, connection: connection)
    }

    private static func find(_ needle: [UInt8], in haystack: [UInt8]) -> Int? {
        guard haystack.count >= needle.count else { return nil }
        for index in 0...(haystack.count - needle.count) where haystack[index] == needle[0] {
            if haystack[index..<(index + needle.count)].elementsEqual(needle) { return index }
        }
        return nil
    }

    /// `HTTP/1.1 <status> X`, the headers, `Content-Length` and the body, as bytes.
    public static func response(
        _ status: Int, headers: [(name: String, value: String)] = [], body: String = ""
    ) -> [UInt8] {
        var text = "HTTP/1.1 \(status) X\r\n"
        for header in headers { text += "\(header.name): \(header.value)\r\n" }
        text += "Content-Length: \(body.utf8.count)\r\n\r\n" + body
        return Array(text.utf8)
    }

    /// A token endpoint's 200 with `FAKE-ACCESS-TOKEN-0123456789`.
    public static let token = response(
        200, headers: [("Content-Type", "application/json")],
        body: #"{"token_type":"Bearer","expires_in":3599,"access_token":"FAKE-ACCESS-TOKEN-0123456789"}"#)

    /// ARM's 200 to a regeneration, with two recognisable keys.
    public static let keys = response(
        200, headers: [("Content-Type", "application/json")],
        body: #"{"key1":"SECRETKEYONE0123456789abcdef0123","key2":"SECRETKEYTWO0123456789abcdef0123"}"#)
}

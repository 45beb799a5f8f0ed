import Foundation
import Synchronization

#if canImport(Glibc)
import Glibc
#endif

/// Test support, not part of the product: a loopback fake of Azure Resource Manager, the identity platform's token endpoint and
/// the managed-identity endpoints: plain POSIX sockets on 127.0.0.1 with an ephemeral port,
/// one thread per connection, keep-alive, scriptable per route (a queue of responses with
/// delays, resets and truncated bodies), recording every request.
///
/// Example:
/// ```
/// let server = try FakeAzureServer()
/// server.script("/subscriptions/", [.json(500, "{}"), .json(200, #"{"key1":"a","key2":"b"}"#)])
/// // … send requests to server.baseURL …
/// #expect(server.requests.count == 2)
/// ```
public final class FakeAzureServer: @unchecked Sendable {
    public struct Recorded: Sendable {
        public var method: String
        public var target: String
        public var headers: [(name: String, value: String)]
        public var body: [UInt8]
        public var connection: Int

        public var path: String { String(target.split(separator: "?", maxSplits: 1).first ?? "") }
        public var query: [String: String] {
            guard let q = target.split(separator: "?", maxSplits: 1).dropFirst().first else { return [:] }
            var result: [String: String] = [:]
            for pair in q.split(separator: "&") {
                let parts = pair.split(separator: "=", maxSplits: 1).map(String.init)
                result[parts[0].removingPercentEncoding ?? parts[0]] = parts.count > 1 ? (parts[1].removingPercentEncoding ?? parts[1]) : ""
            }
            return result
        }
        public var bodyText: String { String(decoding: body, as: UTF8.self) }
        public func header(_ name: String) -> String? {
            headers.first { $0.name.lowercased() == name.lowercased() }?.value
        }
    }

    public struct Reply: Sendable {
        public enum Behaviour: Sendable { case normal, chunked, truncated, reset, closeWithoutAnswer }
        public var status: Int
        public var headers: [(name: String, value: String)] = []
        public var body: [UInt8] = []
        public var delay: Double = 0
        public var behaviour: Behaviour = .normal

        public init(
            status: Int, headers: [(name: String, value: String)] = [], body: [UInt8] = [], delay: Double = 0,
            behaviour: Behaviour = .normal
        ) {
            self.status = status
            self.headers = headers
            self.body = body
            self.delay = delay
            self.behaviour = behaviour
        }

        public static func json(_ status: Int, _ text: String, headers: [(name: String, value: String)] = [], delay: Double = 0) -> Reply {
            Reply(status: status, headers: [("Content-Type", "application/json; charset=utf-8")] + headers, body: Array(text.utf8), delay: delay)
        }
        public static let token = json(200, #"{"token_type":"Bearer","expires_in":3599,"ext_expires_in":3599,"access_token":"FAKE-ACCESS-TOKEN-0123456789"}"#)
        public static let keys = json(200, #"{"key1":"SECRETKEYONE0123456789abcdef0123","key2":"SECRETKEYTWO0123456789abcdef0123"}"#)
    }

    private struct State {
        public var routes: [(prefix: String, queue: [Reply], fallback: Reply?)] = []
        public var requests: [Recorded] = []
        public var connections = 0
        public var clientFDs: [Int32] = []
        public var stopped = false
    }

    private let state = Mutex(State())
    private let listener: Int32
    public let port: Int
    public var baseURL: String { "http://127.0.0.1:\(port)" }

    public init() throws {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var one: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, socklen_t(4))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(fd, 64) == 0 else { throw POSIXError(.EADDRINUSE) }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        listener = fd
        port = Int(UInt16(bigEndian: address.sin_port))
        // Defaults: tokens for the token and managed-identity paths, keys for ARM.
        route("/", fallback: .json(404, #"{"error":{"code":"NoRoute","message":"no route"}}"#))
        Thread.detachNewThread { [self] in
            while true {
                let client = accept(fd, nil, nil)
                if client < 0 {
                    if errno == EINTR || errno == ECONNABORTED { continue }
                    // Closed here, not in stop(): until now the number must stay ours, or this
                    // loop could accept on another server's socket that reused it.
                    close(fd)
                    return
                }
                let id: Int? = state.withLock { s in
                    if s.stopped {
                        close(client)
                        return nil
                    }
                    s.connections += 1
                    s.clientFDs.append(client)
                    return s.connections
                }
                guard let id else { return }
                var one: Int32 = 1
                setsockopt(client, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(4))
                Thread.detachNewThread { [self] in serve(client, connection: id) }
            }
        }
    }

    deinit { stop() }

    /// Stops listening and ends every open connection. Idempotent: `deinit` calls it again,
    /// possibly long after the test, and must not close a descriptor number the process has
    /// since reused for another socket. Connection descriptors are shut down and closed under
    /// the lock, so a number is never touched after its connection closed it.
    public func stop() {
        state.withLock { s in
            guard !s.stopped else { return }
            s.stopped = true
            // Wakes the accept loop, which closes the listener itself.
            shutdown(listener, Int32(SHUT_RDWR))
            for fd in s.clientFDs { shutdown(fd, Int32(SHUT_RDWR)) }
            s.clientFDs = []
        }
    }

    /// Closes a connection's descriptor and forgets it, under the lock `stop()` takes.
    private func closeClient(_ fd: Int32) {
        state.withLock { s in
            s.clientFDs.removeAll { $0 == fd }
            close(fd)
        }
    }

    /// Replies for paths starting with `prefix` (longest prefix wins): the queue first, then
    /// `fallback` for ever.
    public func route(_ prefix: String, _ queue: [Reply] = [], fallback: Reply? = nil) {
        state.withLock { s in
            s.routes.removeAll { $0.prefix == prefix }
            s.routes.append((prefix, queue, fallback))
            s.routes.sort { $0.prefix.count > $1.prefix.count }
        }
    }

    public var requests: [Recorded] { state.withLock { $0.requests } }
    public var connectionsAccepted: Int { state.withLock { $0.connections } }

    private func reply(for request: Recorded) -> Reply {
        state.withLock { s in
            s.requests.append(request)
            for index in s.routes.indices where request.path.hasPrefix(s.routes[index].prefix) {
                if !s.routes[index].queue.isEmpty { return s.routes[index].queue.removeFirst() }
                if let fallback = s.routes[index].fallback { return fallback }
            }
            return .json(404, "{}")
        }
    }

    private func serve(_ fd: Int32, connection: Int) {
        defer { closeClient(fd) }
        var buffer: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
            // Head.
            var headEnd: Int?
            while headEnd == nil {
                if let range = find(buffer, [13, 10, 13, 10]) { headEnd = range; break }
                let n = recv(fd, &chunk, chunk.count, 0)
                if n <= 0 { return }
                buffer += chunk[0..<n]
            }
            guard let end = headEnd else { return }
            let head = String(decoding: buffer[0..<end], as: UTF8.self)
            buffer.removeFirst(end + 4)
            var lines = head.components(separatedBy: "\r\n")
            let requestLine = lines.removeFirst().split(separator: " ")
            guard requestLine.count >= 2 else { return }
            var headers: [(name: String, value: String)] = []
            for line in lines {
                guard let colon = line.firstIndex(of: ":") else { continue }
                headers.append((String(line[..<colon]), line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)))
            }
            let length = Int(headers.first { $0.name.lowercased() == "content-length" }?.value ?? "0") ?? 0
            while buffer.count < length {
                let n = recv(fd, &chunk, chunk.count, 0)
                if n <= 0 { return }
                buffer += chunk[0..<n]
            }
            let body = Array(buffer[0..<length])
            buffer.removeFirst(length)
            let request = Recorded(method: String(requestLine[0]), target: String(requestLine[1]), headers: headers, body: body, connection: connection)
            let answer = reply(for: request)
            if answer.delay > 0 { usleep(useconds_t(answer.delay * 1_000_000)) }
            switch answer.behaviour {
            case .reset:
                var linger = Glibc.linger(l_onoff: 1, l_linger: 0)
                setsockopt(fd, SOL_SOCKET, SO_LINGER, &linger, socklen_t(MemoryLayout<Glibc.linger>.size))
                return
            case .closeWithoutAnswer:
                return
            default: break
            }
            var text = "HTTP/1.1 \(answer.status) \(reason(answer.status))\r\n"
            for header in answer.headers { text += "\(header.name): \(header.value)\r\n" }
            var payload: [UInt8]
            switch answer.behaviour {
            case .chunked:
                text += "Transfer-Encoding: chunked\r\n\r\n"
                payload = Array(text.utf8)
                let half = answer.body.count / 2
                for part in [answer.body[0..<half], answer.body[half...]] where !part.isEmpty {
                    payload += Array((String(part.count, radix: 16) + "\r\n").utf8) + part + [13, 10]
                }
                payload += Array("0\r\n\r\n".utf8)
            case .truncated:
                text += "Content-Length: \(answer.body.count + 100)\r\n\r\n"
                payload = Array(text.utf8) + answer.body
            default:
                text += "Content-Length: \(answer.body.count)\r\n\r\n"
                payload = Array(text.utf8) + answer.body
            }
            var sent = 0
            while sent < payload.count {
                let n = payload[sent...].withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
                if n <= 0 { return }
                sent += n
            }
            if answer.behaviour == .truncated { return }
        }
    }

    private func find(_ haystack: [UInt8], _ needle: [UInt8]) -> Int? {
        guard haystack.count >= needle.count else { return nil }
        for i in 0...(haystack.count - needle.count) where haystack[i] == needle[0] && Array(haystack[i..<(i + needle.count)]) == needle {
            return i
        }
        return nil
    }

    private func reason(_ status: Int) -> String {
        [200: "OK", 400: "Bad Request", 401: "Unauthorized", 403: "Forbidden", 404: "Not Found", 429: "Too Many Requests",
         500: "Internal Server Error", 503: "Service Unavailable"][status] ?? "Status"
    }
}

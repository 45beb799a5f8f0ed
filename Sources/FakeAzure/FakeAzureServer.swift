import Foundation
import HTTP1
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
        /// Look a field up with `headers["Authorization"]` (case-insensitive).
        package var headers: HTTPFields
        public var body: [UInt8]
        public var connection: Int

        public var path: String { String(target.split(separator: "?", maxSplits: 1).first ?? "") }
        public var query: [String: String] {
            guard let q = target.split(separator: "?", maxSplits: 1).dropFirst().first else { return [:] }
            var result: [String: String] = [:]
            for pair in q.split(separator: "&") {
                let parts = pair.split(separator: "=", maxSplits: 1).map(String.init)
                result[parts[0].removingPercentEncoding ?? parts[0]] =
                    parts.count > 1 ? (parts[1].removingPercentEncoding ?? parts[1]) : ""
            }
            return result
        }
        public var bodyText: String { String(decoding: body, as: UTF8.self) }
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

        public static func json(
            _ status: Int, _ text: String, headers: [(name: String, value: String)] = [], delay: Double = 0
        ) -> Reply {
            Reply(
                status: status, headers: [("Content-Type", "application/json; charset=utf-8")] + headers,
                body: Array(text.utf8), delay: delay)
        }
        public static let token = json(
            200,
            #"{"token_type":"Bearer","expires_in":3599,"ext_expires_in":3599,"access_token":"FAKE-ACCESS-TOKEN-0123456789"}"#
        )
        public static let keys = json(
            200, #"{"key1":"SECRETKEYONE0123456789abcdef0123","key2":"SECRETKEYTWO0123456789abcdef0123"}"#)
    }

    /// Answers a request from what it carries (for benchmarks: counts, storms of 429).
    public typealias Responder = @Sendable (Recorded) -> Reply

    private struct State {
        var routes: [(prefix: String, queue: [Reply], fallback: Reply?, responder: Responder?)] = []
        var requests: [Recorded] = []
        var requestCount = 0
    }

    private let state = Mutex(State())
    private let listener: LoopbackListener
    /// False: requests are counted but not kept (long benchmark runs stay small).
    private let keepsRequests: Bool
    public let port: Int
    public var baseURL: String { "http://127.0.0.1:\(port)" }

    /// Listens on 127.0.0.1:`port` (0: an ephemeral port).
    public init(port requestedPort: Int = 0, keepsRequests: Bool = true) throws {
        self.keepsRequests = keepsRequests
        listener = try LoopbackListener(port: requestedPort, noDelay: true)
        port = listener.port
        // Defaults: tokens for the token and managed-identity paths, keys for ARM.
        route("/", fallback: .json(404, #"{"error":{"code":"NoRoute","message":"no route"}}"#))
        listener.start { [self] client, connection in serve(client, connection: connection) }
    }

    deinit { stop() }

    /// Stops listening and ends every open connection; later calls do nothing.
    public func stop() { listener.stop() }

    /// Replies for paths starting with `prefix` (longest prefix wins): the queue first, then
    /// `fallback` for ever.
    public func route(_ prefix: String, _ queue: [Reply] = [], fallback: Reply? = nil) {
        state.withLock { s in
            s.routes.removeAll { $0.prefix == prefix }
            s.routes.append((prefix, queue, fallback, nil))
            s.routes.sort { $0.prefix.count > $1.prefix.count }
        }
    }

    /// Replies for paths starting with `prefix` (longest prefix wins) with whatever
    /// `responder` makes of each request; it runs on the connection's thread.
    public func route(_ prefix: String, responder: @escaping Responder) {
        state.withLock { s in
            s.routes.removeAll { $0.prefix == prefix }
            s.routes.append((prefix, [], nil, responder))
            s.routes.sort { $0.prefix.count > $1.prefix.count }
        }
    }

    /// Serves `catalog`'s accounts under `/subscriptions/` as ARM does for
    /// Get-AzCognitiveServicesAccount (GET one account, GET a resource group's or the
    /// subscription's list, paged through `nextLink` with a `$skipToken`), and the fixed keys
    /// (`Reply.keys`) for `listKeys` and `regenerateKey`, so a whole rotation pipeline runs
    /// against it.
    ///
    /// Example: `server.serveAccounts(FakeAccountCatalog(count: 250, pageSize: 100))`, then
    /// `GET /subscriptions/<s>/providers/Microsoft.CognitiveServices/accounts?api-version=2024-10-01`
    /// answers 100 accounts and a `nextLink` with `%24skipToken=100`.
    public func serveAccounts(_ catalog: FakeAccountCatalog) {
        let origin = baseURL
        route("/subscriptions/") { request in Self.answer(request, catalog: catalog, origin: origin) }
    }

    /// The reply `serveAccounts` gives `request`.
    public static func answer(_ request: Recorded, catalog: FakeAccountCatalog, origin: String) -> Reply {
        let segments = request.path.split(separator: "/").map { String($0).removingPercentEncoding ?? String($0) }
        let lower = segments.map { $0.lowercased() }
        if request.method == "POST", lower.last == "listkeys" || lower.last == "regeneratekey" { return .keys }
        let notFound = Reply.json(
            404, #"{"error":{"code":"ResourceNotFound","message":"The Resource was not found."}}"#)
        guard request.method == "GET", lower.count >= 5, lower[0] == "subscriptions",
            lower[1] == catalog.subscription.lowercased()
        else { return notFound }
        let apiVersion = request.query["api-version"] ?? ""
        let start = Int(request.query["$skipToken"] ?? "0") ?? 0
        let provider = ["providers", "microsoft.cognitiveservices", "accounts"]
        func page(_ indices: [Int]) -> Reply {
            .json(200, catalog.page(indices, start: start, path: request.path, apiVersion: apiVersion, origin: origin))
        }
        if lower.count == 5, Array(lower[2...4]) == provider { return page(catalog.indices(inResourceGroup: nil)) }
        guard lower[2] == "resourcegroups", lower.count >= 7, Array(lower[4...6]) == provider else { return notFound }
        if lower.count == 7 { return page(catalog.indices(inResourceGroup: segments[3])) }
        if lower.count == 8, let index = catalog.index(resourceGroup: segments[3], name: segments[7]) {
            return .json(200, catalog.json(index))
        }
        return notFound
    }

    public var requests: [Recorded] { state.withLock { $0.requests } }
    /// Requests received so far (also when they are not kept).
    public var requestCount: Int { state.withLock { $0.requestCount } }
    public var connectionsAccepted: Int { listener.connectionsAccepted }

    private enum Answer {
        case reply(Reply)
        case responder(Responder)
    }

    private func reply(for request: Recorded) -> Reply {
        let answer: Answer = state.withLock { s in
            s.requestCount += 1
            if keepsRequests { s.requests.append(request) }
            for index in s.routes.indices where request.path.hasPrefix(s.routes[index].prefix) {
                if let responder = s.routes[index].responder { return .responder(responder) }
                if !s.routes[index].queue.isEmpty { return .reply(s.routes[index].queue.removeFirst()) }
                if let fallback = s.routes[index].fallback { return .reply(fallback) }
            }
            return .reply(.json(404, "{}"))
        }
        switch answer {
        case .reply(let reply): return reply
        // Outside the lock: a responder may ask the server for its counts.
        case .responder(let responder): return responder(request)
        }
    }

    /// Answers the requests on connection number `connection` until it ends (the listener
    /// then closes `fd`).
    private func serve(_ fd: Int32, connection: Int) {
        var buffer: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
            // Head.
            var headEnd: Int?
            while headEnd == nil {
                if let range = find(buffer, [13, 10, 13, 10]) {
                    headEnd = range
                    break
                }
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
            var headers = HTTPFields()
            for line in lines {
                guard let colon = line.firstIndex(of: ":") else { continue }
                headers.append(
                    name: String(line[..<colon]),
                    value: line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces))
            }
            let length = Int(headers["Content-Length"] ?? "0") ?? 0
            while buffer.count < length {
                let n = recv(fd, &chunk, chunk.count, 0)
                if n <= 0 { return }
                buffer += chunk[0..<n]
            }
            let body = Array(buffer[0..<length])
            buffer.removeFirst(length)
            let request = Recorded(
                method: String(requestLine[0]), target: String(requestLine[1]), headers: headers, body: body,
                connection: connection)
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
        for i in 0...(haystack.count - needle.count)
        where haystack[i] == needle[0] && Array(haystack[i..<(i + needle.count)]) == needle {
            return i
        }
        return nil
    }

    private func reason(_ status: Int) -> String {
        [
            200: "OK", 400: "Bad Request", 401: "Unauthorized", 403: "Forbidden", 404: "Not Found",
            429: "Too Many Requests",
            500: "Internal Server Error", 503: "Service Unavailable",
        ][status] ?? "Status"
    }
}

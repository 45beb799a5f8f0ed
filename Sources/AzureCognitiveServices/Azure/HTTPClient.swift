import Synchronization

#if canImport(Glibc)
import Glibc
#endif

/// A small HTTP/1.1 client over POSIX sockets and run-time-loaded OpenSSL: keep-alive
/// connections reused across requests (one idle pool per origin), `Content-Length`,
/// chunked and close-delimited bodies, a body size cap, a request timeout, and no redirects
/// (a 3xx is returned as is).
///
/// Example: `try client.send(request, timeout: 100, cancellation: token)` for
/// `POST https://management.azure.com/subscriptions/…/regenerateKey?api-version=2024-10-01`
/// returns the 200 response with `{"key1":"…","key2":"…"}`.
final class HTTPClient: Sendable {
    struct Settings: Sendable {
        var connectTimeout: Double = 10
        var maximumBodyBytes = 10 * 1024 * 1024
        /// Extra trusted CA certificates (PEM), from `AZSHIM_CA_FILE`.
        var extraCAFile: String?
    }

    let settings: Settings
    private let idle = Mutex<[String: [HTTPConnection]]>([:])
    private let tls = Mutex<TLSContext?>(nil)
    private let opened = Atomic<Int>(0)

    init(settings: Settings = Settings()) {
        self.settings = settings
    }

    /// Connections opened so far (tests check reuse with it).
    var connectionsOpened: Int { opened.load(ordering: .relaxed) }

    /// Sends `request` and reads the whole response. Throws only when no complete response
    /// arrived (connection, TLS, timeout, truncation, cancellation).
    func send(
        _ request: HTTPMessage.Request, timeout: Double, connectTimeout: Double? = nil,
        cancellation: AzureCancellation
    ) throws(ARMTransportError) -> HTTPMessage.Response {
        if cancellation.isCancelled { throw .cancelled }
        let deadline = MonotonicTime.now() + timeout
        let head = Self.serializeHead(request)
        var payload = head
        if let body = request.body { payload += body }
        var attempt = 0
        while true {
            attempt += 1
            let checkedOut: (HTTPConnection, reused: Bool)
            do {
                checkedOut = try checkOut(request.url, deadline: deadline, connectTimeout: connectTimeout ?? settings.connectTimeout, cancellation: cancellation)
            } catch .timedOut(let endpoint, _) {
                throw .timedOut(endpoint: endpoint, seconds: connectTimeout ?? min(timeout, settings.connectTimeout))
            }
            let (connection, reused) = checkedOut
            do {
                try connection.write(payload, deadline: deadline, cancellation: cancellation)
                let (response, reusable) = try HTTPResponseReader.read(
                    from: connection, method: request.method, deadline: deadline,
                    maximumBodyBytes: settings.maximumBodyBytes, cancellation: cancellation)
                connection.responsesRead += 1
                if reusable { checkIn(connection) } else { connection.close() }
                return response
            } catch let error as HTTPResponseReader.ReadError {
                connection.close()
                // A kept-alive connection the server closed before answering: resend once on a new one.
                if case .closedBeforeResponse = error, reused, attempt == 1 { continue }
                throw error.transportError(origin: request.url.origin)
            } catch let error as ARMTransportError {
                connection.close()
                if case .timedOut(let endpoint, _) = error { throw .timedOut(endpoint: endpoint, seconds: timeout) }
                if reused, attempt == 1, case .connectionFailed = error, connection.buffer.isEmpty { continue }
                throw error
            } catch {
                connection.close()
                throw .invalidResponse(endpoint: request.url.origin, reason: "\(error)")
            }
        }
    }

    /// Closes every idle connection.
    func closeAll() {
        let connections = idle.withLock { pool in
            let all = pool.values.flatMap { $0 }
            pool = [:]
            return all
        }
        for connection in connections { connection.close() }
    }

    private func checkOut(
        _ url: AzureURL, deadline: Double, connectTimeout: Double, cancellation: AzureCancellation
    ) throws(ARMTransportError) -> (HTTPConnection, reused: Bool) {
        let key = url.origin
        while let candidate = idle.withLock({ pool in pool[key]?.popLast() }) {
            if candidate.isStale {
                candidate.close()
                continue
            }
            return (candidate, true)
        }
        var context: TLSContext?
        if url.isTLS { context = try tlsContext() }
        let connection = try HTTPConnection.open(
            to: url, tls: context, connectTimeout: connectTimeout, deadline: deadline, cancellation: cancellation)
        opened.add(1, ordering: .relaxed)
        return (connection, false)
    }

    private func checkIn(_ connection: HTTPConnection) {
        idle.withLock { pool in pool[connection.origin, default: []].append(connection) }
    }

    private func tlsContext() throws(ARMTransportError) -> TLSContext {
        let result: Result<TLSContext, ARMTransportError> = tls.withLock { slot in
            if let existing = slot { return .success(existing) }
            do throws(ARMTransportError) {
                let created = try TLSContext(extraCAFile: settings.extraCAFile)
                slot = created
                return .success(created)
            } catch {
                return .failure(error)
            }
        }
        return try result.get()
    }

    static func serializeHead(_ request: HTTPMessage.Request) -> [UInt8] {
        var text = "\(request.method) \(request.url.target) HTTP/1.1\r\nHost: \(request.url.hostHeader)\r\n"
        for header in request.headers {
            text += "\(header.name): \(header.value)\r\n"
        }
        if let body = request.body {
            text += "Content-Length: \(body.count)\r\n"
        } else if request.method == "POST" || request.method == "PUT" || request.method == "PATCH" {
            text += "Content-Length: 0\r\n"
        }
        text += "\r\n"
        return Array(text.utf8)
    }
}

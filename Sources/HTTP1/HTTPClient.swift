import AzShimSupport
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// A small HTTP/1.1 client over POSIX sockets and run-time-loaded OpenSSL: keep-alive
/// connections reused across requests (one idle pool per origin), `Content-Length`,
/// chunked and close-delimited bodies, a body size cap, a request timeout, strict framing,
/// header values checked before anything is sent, and no redirects (a 3xx is returned as is).
///
/// Example: `try client.send(request, timeout: .seconds(100), cancellation: token)` for
/// `POST https://management.azure.com/subscriptions/…/regenerateKey?api-version=2024-10-01`
/// returns the 200 response with `{"key1":"…","key2":"…"}`.
package final class HTTPClient: Sendable {
    package struct Settings: Sendable {
        package var connectTimeout: Duration = .seconds(10)
        /// Head, body and framing caps for every response (a 10 MiB body by default).
        package var limits = HTTPResponseReader.Limits()
        /// Extra trusted CA certificates (PEM), from `AZSHIM_CA_FILE`.
        package var extraCAFile: String?

        package init(
            connectTimeout: Duration = .seconds(10), limits: HTTPResponseReader.Limits = HTTPResponseReader.Limits(),
            extraCAFile: String? = nil
        ) {
            self.connectTimeout = connectTimeout
            self.limits = limits
            self.extraCAFile = extraCAFile
        }
    }

    package let settings: Settings
    private let idle = Mutex<[String: [HTTPConnection]]>([:])
    private let tls = Mutex<TLSContext?>(nil)
    private let opened = Atomic<Int>(0)

    package init(settings: Settings = Settings()) {
        self.settings = settings
    }

    /// Connections opened so far (tests check reuse with it).
    package var connectionsOpened: Int { opened.load(ordering: .relaxed) }

    /// Sends `request` and reads the whole response. Throws only when no complete response
    /// arrived (connection, TLS, timeout, truncation, invalid framing, cancellation), or before
    /// anything is sent when a header value, the method or the target could not be sent as is.
    /// `timeout` bounds the whole exchange: connecting, sending and every read.
    package func send(
        _ request: HTTPMessage.Request, timeout: Duration, connectTimeout: Duration? = nil,
        cancellation: Cancellation
    ) throws(HTTPClientError) -> HTTPMessage.Response {
        if cancellation.isCancelled { throw .cancelled }
        let deadline = MonotonicInstant.now + timeout
        var payload = try Self.serializeHead(request)
        if let body = request.body { payload += body }
        var attempt = 0
        while true {
            attempt += 1
            let checkedOut: (HTTPConnection, reused: Bool)
            do {
                checkedOut = try checkOut(
                    request.url, deadline: deadline, connectTimeout: connectTimeout ?? settings.connectTimeout,
                    cancellation: cancellation)
            } catch .timedOut(let endpoint, _) {
                throw .timedOut(endpoint: endpoint, after: connectTimeout ?? min(timeout, settings.connectTimeout))
            }
            let (connection, reused) = checkedOut
            do {
                try connection.write(payload, deadline: deadline, cancellation: cancellation)
                let (response, reusable) = try HTTPResponseReader.read(
                    from: connection, method: request.method, deadline: deadline, limits: settings.limits,
                    cancellation: cancellation)
                connection.responsesRead += 1
                if reusable { checkIn(connection) } else { connection.close() }
                return response
            } catch let error as HTTPResponseError {
                connection.close()
                // A kept-alive connection the server closed before answering: resend once on a new one.
                if case .closedBeforeResponse = error, reused, attempt == 1 { continue }
                if case .transport(let failure) = error {
                    if case .connectionFailed = failure, reused, attempt == 1, connection.buffer.isEmpty { continue }
                    throw Self.timed(failure, after: timeout)
                }
                throw error.transportError(origin: request.url.origin)
            } catch let error as HTTPClientError {
                connection.close()
                if reused, attempt == 1, case .connectionFailed = error, connection.buffer.isEmpty { continue }
                throw Self.timed(error, after: timeout)
            } catch {
                connection.close()
                throw .invalidResponse(endpoint: request.url.origin, reason: "\(error)")
            }
        }
    }

    /// A timeout says how long the request was allowed; other errors are left as they are.
    private static func timed(_ error: HTTPClientError, after timeout: Duration) -> HTTPClientError {
        if case .timedOut(let endpoint, _) = error { return .timedOut(endpoint: endpoint, after: timeout) }
        return error
    }

    /// Closes every idle connection.
    package func closeAll() {
        let connections = idle.withLock { pool in
            let all = pool.values.flatMap { $0 }
            pool = [:]
            return all
        }
        for connection in connections { connection.close() }
    }

    private func checkOut(
        _ url: HTTPURL, deadline: MonotonicInstant, connectTimeout: Duration, cancellation: Cancellation
    ) throws(HTTPClientError) -> (HTTPConnection, reused: Bool) {
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

    private func tlsContext() throws(HTTPClientError) -> TLSContext {
        let result: Result<TLSContext, HTTPClientError> = tls.withLock { slot in
            if let existing = slot { return .success(existing) }
            do throws(HTTPClientError) {
                let created = try TLSContext(extraCAFile: settings.extraCAFile)
                slot = created
                return .success(created)
            } catch {
                return .failure(error)
            }
        }
        return try result.get()
    }

    /// The request line and header fields, each checked first (RFC 9110 §5.5, RFC 9112 §3):
    /// a value holding CR, LF, NUL or another control character would add header lines, or a
    /// whole second request, on the wire, so such a request is refused before anything is sent.
    package static func serializeHead(_ request: HTTPMessage.Request) throws(HTTPClientError) -> [UInt8] {
        let origin = request.url.origin
        func refuse(_ what: String, _ problem: String) -> HTTPClientError {
            .refused(reason: "The request to \(origin) was not sent: \(what) contains \(problem).")
        }
        guard HTTPFieldRules.isToken(request.method.rawValue.utf8) else {
            throw refuse("the method", "a character a method cannot have")
        }
        if let problem = HTTPFieldRules.targetProblem(request.url.target) {
            throw refuse("the request target", problem)
        }
        if let problem = HTTPFieldRules.valueProblem(request.url.hostHeader) { throw refuse("the host name", problem) }
        var text = "\(request.method) \(request.url.target) HTTP/1.1\r\nHost: \(request.url.hostHeader)\r\n"
        for header in request.headers {
            guard HTTPFieldRules.isToken(header.name.utf8) else {
                throw refuse("a header name", "a character a header name cannot have")
            }
            if let problem = HTTPFieldRules.valueProblem(header.value) {
                throw refuse("the \(header.name) header", problem)
            }
            text += "\(header.name): \(header.value)\r\n"
        }
        if let body = request.body {
            text += "Content-Length: \(body.count)\r\n"
        } else if request.method.sendsEmptyContentLength {
            text += "Content-Length: 0\r\n"
        }
        text += "\r\n"
        return Array(text.utf8)
    }
}

#if canImport(Glibc)
    import Glibc
    import AzShimSupport

    /// One TCP connection (plain or TLS) to one origin, non-blocking, with deadlines and
    /// cancellation checked every 50 ms. Used by one request at a time: whoever took it from
    /// `HTTPClient`'s idle pool owns it until it is returned or closed.
    ///
    /// Example: the 1,000 regenerations of a piped `New-AzCognitiveServicesAccountKey` all
    /// travel over one `HTTPConnection` to `https://management.azure.com`.
    package final class HTTPConnection: HTTPByteStream, @unchecked Sendable {
        package let origin: String
        private let fd: Int32
        private var ssl: OpaquePointer?
        private let tls: TLSContext?
        /// Received bytes not yet consumed.
        package var buffer: [UInt8] = []
        /// Responses read on this connection so far.
        package var responsesRead = 0
        private var closed = false

        private init(origin: String, fd: Int32, tls: TLSContext?) {
            self.origin = origin
            self.fd = fd
            self.tls = tls
        }

        deinit { close() }

        /// Resolves `url`'s host, connects to the first address that answers within
        /// `connectTimeout`, and completes the TLS handshake for `https`.
        static func open(
            to url: HTTPURL, tls: TLSContext?, connectTimeout: Duration, deadline: MonotonicInstant,
            cancellation: Cancellation
        ) throws(HTTPClientError) -> HTTPConnection {
            let origin = url.origin
            var hints = addrinfo()
            hints.ai_family = AF_UNSPEC
            hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
            hints.ai_flags = AI_ADDRCONFIG
            var list: UnsafeMutablePointer<addrinfo>?
            let status = getaddrinfo(url.host, String(url.port), &hints, &list)
            if status != 0 || list == nil {
                var reason = String(cString: gai_strerror(status))
                if status == EAI_SYSTEM { reason = Errno.current.description }
                throw .connectionFailed(endpoint: origin, reason: "cannot resolve host '\(url.host)': \(reason)")
            }
            defer { freeaddrinfo(list) }
            var lastError = "no address"
            var entry = list
            while let info = entry?.pointee {
                entry = info.ai_next
                if cancellation.isCancelled { throw .cancelled }
                let fd = socket(info.ai_family, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
                if fd < 0 {
                    lastError = Errno.current.description
                    continue
                }
                _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
                var one: Int32 = 1
                _ = setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(MemoryLayout<Int32>.size))
                let connectDeadline = min(deadline, MonotonicInstant.now + connectTimeout)
                if Glibc.connect(fd, info.ai_addr, info.ai_addrlen) != 0 {
                    let error = Errno.current
                    if error != .inProgress {
                        lastError = error.description
                        Glibc.close(fd)
                        continue
                    }
                    do {
                        try waitFor(
                            fd: fd, events: Int16(POLLOUT), deadline: connectDeadline, cancellation: cancellation,
                            origin: origin)
                    } catch {
                        Glibc.close(fd)
                        if case .timedOut = error, connectDeadline < deadline {
                            lastError = "connection timed out after \(SecondsText.format(connectTimeout.inSeconds)) s"
                            continue
                        }
                        throw error
                    }
                    var socketError: Int32 = 0
                    var length = socklen_t(MemoryLayout<Int32>.size)
                    _ = getsockopt(fd, SOL_SOCKET, SO_ERROR, &socketError, &length)
                    if socketError != 0 {
                        lastError = Errno(rawValue: socketError).description
                        Glibc.close(fd)
                        continue
                    }
                }
                let connection = HTTPConnection(origin: origin, fd: fd, tls: url.isTLS ? tls : nil)
                if url.isTLS {
                    try connection.handshake(
                        host: url.host, ipLiteral: url.isIPLiteral, deadline: deadline, cancellation: cancellation)
                }
                return connection
            }
            throw .connectionFailed(endpoint: origin, reason: lastError)
        }

        private func handshake(host: String, ipLiteral: Bool, deadline: MonotonicInstant, cancellation: Cancellation)
            throws(HTTPClientError)
        {
            guard let tls else { throw .connectionFailed(endpoint: origin, reason: "TLS is unavailable") }
            let library = tls.library
            guard let ssl = library.sslNew(tls.context) else {
                throw .connectionFailed(
                    endpoint: origin, reason: "TLS setup failed: \(library.drainErrors() ?? "SSL_new")")
            }
            self.ssl = ssl
            _ = library.sslSetFD(ssl, fd)
            if !ipLiteral {
                _ = host.withCString { name in
                    library.sslControl(
                        ssl, OpenSSLLibrary.controlSetTLSExtHostname, 0, UnsafeMutableRawPointer(mutating: name))
                }
            }
            if library.sslSet1Host(ssl, host) != 1 {
                throw .connectionFailed(endpoint: origin, reason: "TLS setup failed: cannot set the expected host name")
            }
            while true {
                let result = library.sslConnect(ssl)
                if result == 1 { return }
                let code = library.sslGetError(ssl, result)
                switch code {
                case OpenSSLLibrary.sslErrorWantRead:
                    try Self.waitFor(
                        fd: fd, events: Int16(POLLIN), deadline: deadline, cancellation: cancellation, origin: origin)
                case OpenSSLLibrary.sslErrorWantWrite:
                    try Self.waitFor(
                        fd: fd, events: Int16(POLLOUT), deadline: deadline, cancellation: cancellation, origin: origin)
                default:
                    let verify = library.sslGetVerifyResult(ssl)
                    var reason = library.drainErrors() ?? "handshake failed"
                    if verify != 0, let text = library.verifyErrorString(verify) {
                        reason = "certificate verify failed (\(String(cString: text)))"
                    } else if code == OpenSSLLibrary.sslErrorSyscall {
                        reason = "the server closed the connection during the handshake"
                    }
                    throw .connectionFailed(endpoint: origin, reason: "TLS handshake failed: \(reason)")
                }
            }
        }

        /// Writes all of `bytes`.
        package func write(_ bytes: [UInt8], deadline: MonotonicInstant, cancellation: Cancellation)
            throws(HTTPClientError)
        {
            var offset = 0
            while offset < bytes.count {
                if cancellation.isCancelled { throw .cancelled }
                if MonotonicInstant.now >= deadline { throw .timedOut(endpoint: origin, after: .zero) }
                if let ssl, let tls {
                    let result = bytes.withUnsafeBytes { raw in
                        Self.withoutSIGPIPE {
                            tls.library.sslWrite(
                                ssl, raw.baseAddress?.advanced(by: offset), Int32(min(bytes.count - offset, 1 << 20)))
                        }
                    }
                    if result > 0 {
                        offset += Int(result)
                        continue
                    }
                    let code = tls.library.sslGetError(ssl, result)
                    if code == OpenSSLLibrary.sslErrorWantWrite {
                        try Self.waitFor(
                            fd: fd, events: Int16(POLLOUT), deadline: deadline, cancellation: cancellation,
                            origin: origin)
                    } else if code == OpenSSLLibrary.sslErrorWantRead {
                        try Self.waitFor(
                            fd: fd, events: Int16(POLLIN), deadline: deadline, cancellation: cancellation,
                            origin: origin)
                    } else {
                        _ = tls.library.drainErrors()
                        throw .connectionFailed(endpoint: origin, reason: "the connection was closed while sending")
                    }
                } else {
                    let result = bytes.withUnsafeBytes { raw in
                        send(fd, raw.baseAddress?.advanced(by: offset), bytes.count - offset, Int32(MSG_NOSIGNAL))
                    }
                    if result > 0 {
                        offset += result
                        continue
                    }
                    // EINTR too waits in `waitFor`, which checks cancellation and the deadline first.
                    let error = Errno.current
                    if result < 0 && Self.waitsForReadiness(error) {
                        try Self.waitFor(
                            fd: fd, events: Int16(POLLOUT), deadline: deadline, cancellation: cancellation,
                            origin: origin)
                    } else {
                        throw .connectionFailed(endpoint: origin, reason: error.description)
                    }
                }
            }
        }

        /// Reads what is available (waiting for at least one byte) and appends it to `bytes`;
        /// returns the number of bytes read, 0 at the end of the stream. The deadline is checked
        /// before every read, also when bytes keep arriving.
        package func receive(into bytes: inout [UInt8], deadline: MonotonicInstant, cancellation: Cancellation)
            throws(HTTPClientError) -> Int
        {
            var chunk = [UInt8](repeating: 0, count: 16_384)
            while true {
                if cancellation.isCancelled { throw .cancelled }
                if MonotonicInstant.now >= deadline { throw .timedOut(endpoint: origin, after: .zero) }
                if let ssl, let tls {
                    let result = chunk.withUnsafeMutableBytes { raw in
                        tls.library.sslRead(ssl, raw.baseAddress, Int32(raw.count))
                    }
                    if result > 0 {
                        bytes.append(contentsOf: chunk[0..<Int(result)])
                        return Int(result)
                    }
                    let code = tls.library.sslGetError(ssl, result)
                    switch code {
                    case OpenSSLLibrary.sslErrorWantRead:
                        try Self.waitFor(
                            fd: fd, events: Int16(POLLIN), deadline: deadline, cancellation: cancellation,
                            origin: origin)
                    case OpenSSLLibrary.sslErrorWantWrite:
                        try Self.waitFor(
                            fd: fd, events: Int16(POLLOUT), deadline: deadline, cancellation: cancellation,
                            origin: origin)
                    case OpenSSLLibrary.sslErrorZeroReturn:
                        return 0
                    case OpenSSLLibrary.sslErrorSyscall where errno == 0 || errno == ECONNRESET:
                        _ = tls.library.drainErrors()
                        return 0
                    default:
                        let reason = tls.library.drainErrors() ?? Errno.current.description
                        throw .connectionFailed(endpoint: origin, reason: "TLS read failed: \(reason)")
                    }
                } else {
                    let result = chunk.withUnsafeMutableBytes { raw in recv(fd, raw.baseAddress, raw.count, 0) }
                    if result > 0 {
                        bytes.append(contentsOf: chunk[0..<result])
                        return result
                    }
                    if result == 0 { return 0 }
                    let error = Errno.current
                    if Self.waitsForReadiness(error) {
                        try Self.waitFor(
                            fd: fd, events: Int16(POLLIN), deadline: deadline, cancellation: cancellation,
                            origin: origin)
                    } else if error == .connectionReset {
                        return 0
                    } else {
                        throw .connectionFailed(endpoint: origin, reason: error.description)
                    }
                }
            }
        }

        /// True when the peer has closed (or sent unexpected bytes on) an idle connection.
        package var isStale: Bool {
            if closed { return true }
            var descriptor = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            return poll(&descriptor, 1, 0) != 0
        }

        package func close() {
            if closed { return }
            closed = true
            if let ssl, let tls {
                _ = Self.withoutSIGPIPE { tls.library.sslShutdown(ssl) }
                tls.library.sslFree(ssl)
                _ = tls.library.drainErrors()
            }
            ssl = nil
            Glibc.close(fd)
        }

        package static func waitFor(
            fd: Int32, events: Int16, deadline: MonotonicInstant, cancellation: Cancellation, origin: String
        ) throws(HTTPClientError) {
            while true {
                if cancellation.isCancelled { throw .cancelled }
                let remaining = deadline - MonotonicInstant.now
                // The caller knows the time it allowed and puts it in the message.
                if remaining <= .zero { throw .timedOut(endpoint: origin, after: .zero) }
                var descriptor = pollfd(fd: fd, events: events, revents: 0)
                let result = poll(&descriptor, 1, max(1, min(remaining, .milliseconds(50)).pollMilliseconds))
                if result > 0 { return }
                // Not `Syscall.retryingOnInterrupt`: after EINTR, cancellation and the deadline
                // are checked again before the next poll.
                let error = Errno.current
                if result < 0 && error != .interrupted {
                    throw .connectionFailed(endpoint: origin, reason: error.description)
                }
            }
        }

        /// True for the failures of a non-blocking `send` or `recv` after which the socket is
        /// polled and the call made again: EAGAIN / EWOULDBLOCK, and EINTR.
        private static func waitsForReadiness(_ error: Errno) -> Bool {
            error == .resourceTemporarilyUnavailable || error == .wouldBlock || error == .interrupted
        }

        /// Runs `body` with SIGPIPE blocked on this thread and discards a SIGPIPE it raised, so
        /// writing to a closed TLS connection is an error, not the end of the process.
        private static func withoutSIGPIPE<T>(_ body: () -> T) -> T {
            var pipeSet = sigset_t()
            var oldSet = sigset_t()
            sigemptyset(&pipeSet)
            sigaddset(&pipeSet, SIGPIPE)
            var pending = sigset_t()
            sigpending(&pending)
            let wasPending = sigismember(&pending, SIGPIPE) == 1
            pthread_sigmask(SIG_BLOCK, &pipeSet, &oldSet)
            let result = body()
            if !wasPending {
                sigpending(&pending)
                if sigismember(&pending, SIGPIPE) == 1 {
                    var zero = timespec(tv_sec: 0, tv_nsec: 0)
                    _ = sigtimedwait(&pipeSet, nil, &zero)
                }
            }
            pthread_sigmask(SIG_SETMASK, &oldSet, nil)
            return result
        }
    }
#endif

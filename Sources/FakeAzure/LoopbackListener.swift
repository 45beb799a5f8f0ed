import AzShimSupport
import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// Test support, not part of the product: the socket side that `FakeAzureServer` and
/// `RawResponseServer` share. A TCP socket listening on 127.0.0.1, a thread accepting on it,
/// and one thread per connection that runs the owner's `serve` and then closes the connection;
/// `stop()` ends them all.
///
/// Listening starts in `init` (so the port is known at once); accepting starts with `start`,
/// once the owner is ready to serve.
///
/// Example:
/// ```
/// let listener = try LoopbackListener()
/// listener.start { descriptor, connection in
///     // read a request from `descriptor`, answer it; the listener closes it afterwards
/// }
/// // … connect to 127.0.0.1:\(listener.port) …
/// listener.stop()
/// ```
final class LoopbackListener: Sendable {
    private struct Connections {
        var accepted = 0
        /// Open connections; a descriptor leaves the list (under the lock) before it is closed,
        /// so `stop()` never shuts down a number another thread has since reused.
        var open: [Int32] = []
        var stopped = false
    }

    /// The port it listens on (the ephemeral one chosen when 0 was asked for).
    let port: Int
    private let descriptor: Int32
    private let noDelay: Bool
    private let connections = Mutex(Connections())

    /// Listens on 127.0.0.1:`port` (0: an ephemeral port); `noDelay` sets TCP_NODELAY on every
    /// accepted connection. Throws the `Errno` of the failed `socket`, `bind` or `listen`
    /// (`EADDRINUSE` for a port already taken).
    init(port requestedPort: Int = 0, noDelay: Bool = false) throws(Errno) {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        if fd < 0 { throw Errno.current }
        var one: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, socklen_t(4))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = UInt16(truncatingIfNeeded: requestedPort).bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard bound == 0, listen(fd, 128) == 0 else {
            let error = Errno.current
            close(fd)
            throw error
        }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        descriptor = fd
        port = Int(UInt16(bigEndian: address.sin_port))
        self.noDelay = noDelay
    }

    /// Starts accepting (call it once). Each connection gets a thread of its own that runs
    /// `serve(descriptor, number)` (number 1 for the first connection) and then closes it.
    func start(serve: @escaping @Sendable (_ descriptor: Int32, _ connection: Int) -> Void) {
        Thread.detachNewThread { [self] in acceptLoop(serve) }
    }

    /// Connections accepted so far.
    var connectionsAccepted: Int { connections.withLock { $0.accepted } }

    /// True once `stop()` has been called.
    var isStopped: Bool { connections.withLock { $0.stopped } }

    /// Stops accepting and shuts down every open connection (their `serve` then sees the end
    /// of the stream); later calls do nothing.
    func stop() {
        let first = connections.withLock { state in
            guard !state.stopped else { return false }
            state.stopped = true
            for fd in state.open { shutdown(fd, Int32(SHUT_RDWR)) }
            return true
        }
        if first { shutdown(descriptor, Int32(SHUT_RDWR)) }
    }

    private func acceptLoop(_ serve: @escaping @Sendable (Int32, Int) -> Void) {
        while true {
            let client: Int32
            do {
                client = try Syscall.retryingOnInterrupt { accept(descriptor, nil, nil) }
            } catch  where error == .connectionAborted {
                continue
            } catch {
                // The only close of the listener: `stop()` just shuts it down, which ends
                // `accept`, so its number is never closed twice or reused under our feet.
                close(descriptor)
                return
            }
            let number: Int? = connections.withLock { state in
                if state.stopped { return nil }
                state.accepted += 1
                state.open.append(client)
                return state.accepted
            }
            guard let number else {
                close(client)
                continue
            }
            if noDelay {
                var one: Int32 = 1
                setsockopt(client, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(4))
            }
            Thread.detachNewThread { [self] in
                serve(client, number)
                connections.withLock { state in state.open.removeAll { $0 == client } }
                close(client)
            }
        }
    }
}

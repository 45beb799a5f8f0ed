#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A C library error number (`errno`) as a value: comparable with the named constants below,
/// throwable (`throws(Errno)`), and rendered with the C library's own text.
///
/// Example: `open("/nope", O_RDONLY)` fails, then `Errno.current == .noSuchFileOrDirectory` and
/// `Errno.current.description == "No such file or directory"`; `Errno(rawValue: EINTR)` is
/// `.interrupted`, "Interrupted system call".
package struct Errno: Error, Hashable, Sendable, CustomStringConvertible {
    /// The number, e.g. `EINTR` (4 on Linux).
    package let rawValue: Int32

    package init(rawValue: Int32) { self.rawValue = rawValue }

    /// The calling thread's `errno` now: read it right after the failed call, before anything
    /// else can change it.
    package static var current: Errno { Errno(rawValue: errno) }

    /// `EINTR`: a signal arrived before the call did anything.
    package static let interrupted = Errno(rawValue: EINTR)
    /// `EAGAIN`: a non-blocking call would have had to wait.
    package static let resourceTemporarilyUnavailable = Errno(rawValue: EAGAIN)
    /// `EWOULDBLOCK`: the same as `EAGAIN` on Linux, kept apart as POSIX allows them to differ.
    package static let wouldBlock = Errno(rawValue: EWOULDBLOCK)
    /// `ECONNRESET`: the peer reset the connection.
    package static let connectionReset = Errno(rawValue: ECONNRESET)
    /// `ECONNABORTED`: a connection was aborted before `accept` took it.
    package static let connectionAborted = Errno(rawValue: ECONNABORTED)
    /// `EINPROGRESS`: a non-blocking `connect` has started.
    package static let inProgress = Errno(rawValue: EINPROGRESS)

    /// The C library's text for the number, as `strerror` gives it ("Interrupted system call",
    /// "Unknown error 9999"), copied out of `strerror_r`'s buffer: no shared static buffer.
    package var description: String {
        var buffer = [CChar](repeating: 0, count: 256)
        // The XSI `strerror_r`: it fills the buffer also for an unknown number (and says EINVAL).
        _ = strerror_r(rawValue, &buffer, buffer.count)
        if buffer[0] == 0 { return "Unknown error \(rawValue)" }
        buffer[buffer.count - 1] = 0
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}

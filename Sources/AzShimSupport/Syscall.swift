#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The one policy for system calls interrupted by a signal (EINTR): call again. The shape of
/// apple/swift-system's `valueOrErrno(retryOnInterrupt:)` (Sources/System/Util.swift), with the
/// failure thrown as a typed `Errno`.
///
/// Not for loops that must notice the signal itself: a read that stops when Ctrl+C arrives
/// (`ReadInterruption`), or a non-blocking loop that re-checks its deadline and cancellation on
/// EINTR (`HTTPConnection.waitFor`) keeps its own loop.
///
/// Example:
/// ```
/// var buffer = [UInt8](repeating: 0, count: 4096)
/// let count = try Syscall.retryingOnInterrupt {
///     buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
/// }  // 0 at the end of the file; a failure other than EINTR throws, e.g. Errno(rawValue: EBADF)
/// ```
package enum Syscall {
    /// Calls `call` (a C function that returns -1 and sets `errno` on failure) until it does
    /// not fail with EINTR; returns its result, or throws the `errno` of its failure.
    package static func retryingOnInterrupt<Value: FixedWidthInteger & SignedInteger>(
        _ call: () -> Value
    ) throws(Errno) -> Value {
        while true {
            let result = call()
            if result != -1 { return result }
            let error = Errno.current
            if error != .interrupted { throw error }
        }
    }
}

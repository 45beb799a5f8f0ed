#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A reading of the clock `ContinuousClock` reads (`CLOCK_BOOTTIME` on Linux: monotonic, and it
/// counts a suspend), for short waits and deadlines. `ContinuousClock` lives in the concurrency
/// runtime, which brought libdispatch into the static binary with it: 5,800 relocations and
/// 800 KiB that every start-up paid for (issue 14).
///
/// Example: `let start = MonotonicInstant.now` … `if MonotonicInstant.now - start >= .milliseconds(50) { … }`.
package struct MonotonicInstant: Sendable, Comparable {
    /// Nanoseconds since an unspecified start (the boot, on Linux).
    package let nanoseconds: Int64

    package static var now: MonotonicInstant {
        var time = timespec()
        #if os(Linux)
            clock_gettime(CLOCK_BOOTTIME, &time)
        #else
            clock_gettime(CLOCK_MONOTONIC, &time)
        #endif
        return MonotonicInstant(nanoseconds: Int64(time.tv_sec) * 1_000_000_000 + Int64(time.tv_nsec))
    }

    /// The time from `earlier` to `later`.
    package static func - (later: MonotonicInstant, earlier: MonotonicInstant) -> Duration {
        .nanoseconds(later.nanoseconds &- earlier.nanoseconds)
    }

    package static func < (lhs: MonotonicInstant, rhs: MonotonicInstant) -> Bool {
        lhs.nanoseconds < rhs.nanoseconds
    }
}

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
/// The arithmetic saturates, so a deadline from a huge timeout is simply far away. Checking a
/// deadline (`MonotonicInstant.now >= deadline`) compares two `Int64`s.
///
/// Example: `let start = MonotonicInstant.now` … `if MonotonicInstant.now - start >= .milliseconds(50) { … }`;
/// `let deadline = MonotonicInstant.now + .seconds(100)` bounds one whole request.
package struct MonotonicInstant: Sendable, Comparable {
    /// Nanoseconds since an unspecified start (the boot, on Linux).
    package let nanoseconds: Int64

    package init(nanoseconds: Int64) {
        self.nanoseconds = nanoseconds
    }

    /// Later than every reading: the deadline of what has none.
    package static let distantFuture = MonotonicInstant(nanoseconds: .max)

    package static var now: MonotonicInstant {
        var time = timespec()
        #if os(Linux)
            clock_gettime(CLOCK_BOOTTIME, &time)
        #else
            clock_gettime(CLOCK_MONOTONIC, &time)
        #endif
        return MonotonicInstant(nanoseconds: Int64(time.tv_sec) * 1_000_000_000 + Int64(time.tv_nsec))
    }

    /// The time from `earlier` to `later` (negative when `later` is earlier), clamped to the
    /// `Int64` nanoseconds range.
    package static func - (later: MonotonicInstant, earlier: MonotonicInstant) -> Duration {
        let (difference, overflow) = later.nanoseconds.subtractingReportingOverflow(earlier.nanoseconds)
        return .nanoseconds(overflow ? (later.nanoseconds < earlier.nanoseconds ? .min : .max) : difference)
    }

    /// `span` after `instant`, saturating at the ends of the `Int64` nanoseconds range.
    package static func + (instant: MonotonicInstant, span: Duration) -> MonotonicInstant {
        let (sum, overflow) = instant.nanoseconds.addingReportingOverflow(span.clampedNanoseconds)
        return MonotonicInstant(nanoseconds: overflow ? (sum < 0 ? .max : .min) : sum)
    }

    package static func < (lhs: MonotonicInstant, rhs: MonotonicInstant) -> Bool {
        lhs.nanoseconds < rhs.nanoseconds
    }
}

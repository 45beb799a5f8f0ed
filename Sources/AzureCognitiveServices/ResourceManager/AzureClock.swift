#if canImport(Glibc)
    import AzShimSupport
    import Glibc
    import HTTP1
#elseif canImport(Darwin)
    import Darwin
#endif

/// The time source and sleeper used for retry waits and token expiry, injectable so tests
/// never really wait.
///
/// Example: a 429 with `Retry-After: 5` makes the retrying transport call
/// `try clock.sleep(for: .seconds(5), cancellation: cancellation)`.
package protocol AzureClock: Sendable {
    /// Seconds since 1970-01-01 UTC (wall clock: `Retry-After` dates and token expiry).
    func now() -> Double
    /// Waits `span` (nothing when it is not positive), or throws `.cancelled` as soon as
    /// `cancellation` is set.
    func sleep(for span: Duration, cancellation: Cancellation) throws(ARMTransportError)
}

/// The real clock: `clock_gettime` and short `nanosleep` slices that watch the cancellation.
///
/// Example: `AzureRetryingTransport(wrapping: arm, clock: AzureSystemClock())`.
package struct AzureSystemClock: AzureClock {
    package init() {}

    package func now() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_REALTIME, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }

    package func sleep(for span: Duration, cancellation: Cancellation) throws(ARMTransportError) {
        let deadline = MonotonicInstant.now + span
        while true {
            if cancellation.isCancelled { throw .cancelled }
            let remaining = deadline - MonotonicInstant.now
            if remaining <= .zero { return }
            let slice = min(remaining, .milliseconds(20)).clampedNanoseconds
            var request = timespec(tv_sec: 0, tv_nsec: Int(slice))
            var left = timespec()
            _ = nanosleep(&request, &left)
        }
    }
}

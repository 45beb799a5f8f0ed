/// `Duration` to and from the `Double` seconds of settings, headers and messages, and as
/// `poll`'s timeout, without trapping: the standard `Duration.seconds(_: Double)` traps on a
/// value out of its range (and on NaN).
///
/// Example: `Duration(clampingSeconds: 2.5)` is `.milliseconds(2500)`;
/// `Duration(clampingSeconds: 1e300).inSeconds` is about 9.2e9 (292 years).
extension Duration {
    /// The longest span the clamping conversions make: `Int64.max` nanoseconds (about 292
    /// years), the span `MonotonicInstant` can add without overflow.
    package static let longest = Duration.nanoseconds(Int64.max)

    /// `seconds` rounded to whole nanoseconds, clamped to ±`longest`; NaN is zero.
    package init(clampingSeconds seconds: Double) {
        let nanoseconds = seconds * 1e9
        if nanoseconds.isNaN {
            self = .zero
        } else if nanoseconds >= 9.223_372_036_854_775_807e18 {
            self = .longest
        } else if nanoseconds <= -9.223_372_036_854_775_807e18 {
            self = .zero - .longest
        } else {
            self = .nanoseconds(Int64(nanoseconds.rounded()))
        }
    }

    /// The span in seconds, as messages print it (`SecondsText`).
    package var inSeconds: Double {
        let (seconds, attoseconds) = components
        return Double(seconds) + Double(attoseconds) / 1e18
    }

    /// Whole nanoseconds, truncated toward zero, clamped to the `Int64` range.
    package var clampedNanoseconds: Int64 {
        let (seconds, attoseconds) = components
        let (whole, overflow) = seconds.multipliedReportingOverflow(by: 1_000_000_000)
        if overflow { return seconds < 0 ? .min : .max }
        let (sum, overflowSum) = whole.addingReportingOverflow(attoseconds / 1_000_000_000)
        return overflowSum ? (whole < 0 ? .min : .max) : sum
    }

    /// The span as `poll`'s timeout: whole milliseconds rounded up (so a wait never ends
    /// before the deadline), 0 for a span not after now, at most `Int32.max`.
    package var pollMilliseconds: Int32 {
        let (seconds, attoseconds) = components
        guard seconds >= 0, attoseconds >= 0 else { return 0 }
        guard seconds < 2_000_000 else { return Int32.max }
        let partial = (attoseconds + 999_999_999_999_999) / 1_000_000_000_000_000
        return Int32(seconds * 1000 + partial)
    }
}

import AzShimSupport
import Testing

/// Deadlines and spans as typed values: the conversions from the `Double` seconds of settings
/// and headers never trap, deadline arithmetic saturates, and seconds print as before.
@Suite struct MonotonicInstantTests {
    @Test(arguments: [
        (2.5, Duration.milliseconds(2500)), (0.1, .milliseconds(100)), (100, .seconds(100)),
        (0, .zero), (1e-10, .zero), (-0.5, .milliseconds(-500)),
    ])
    func secondsBecomeDurations(seconds: Double, expected: Duration) {
        #expect(Duration(clampingSeconds: seconds) == expected)
    }

    @Test(arguments: [1e300, Double.infinity, Double.greatestFiniteMagnitude, 9.3e9])
    func hugeSecondsClampInsteadOfTrapping(seconds: Double) {
        #expect(Duration(clampingSeconds: seconds) == .longest)
        #expect(Duration(clampingSeconds: -seconds) == .zero - .longest)
        #expect(MonotonicInstant.now + Duration(clampingSeconds: seconds) == .distantFuture)
    }

    @Test func notANumberIsNoTime() {
        #expect(Duration(clampingSeconds: .nan) == .zero)
    }

    @Test func deadlineArithmeticSaturates() {
        let now = MonotonicInstant.now
        #expect(MonotonicInstant.distantFuture + .seconds(1) == .distantFuture)
        #expect(now + .longest == .distantFuture)
        #expect(MonotonicInstant(nanoseconds: .min) + (.zero - .longest) == MonotonicInstant(nanoseconds: .min))
        #expect(MonotonicInstant.distantFuture - MonotonicInstant(nanoseconds: -5) == .longest)
        #expect(MonotonicInstant(nanoseconds: -5) - .distantFuture == .nanoseconds(Int64.min))
        #expect((now + .milliseconds(1500)) - now == .milliseconds(1500))
        #expect(now + .milliseconds(1) > now)
    }

    @Test func clampedNanosecondsOfHugeSpans() {
        #expect(Duration.seconds(Int64.max).clampedNanoseconds == .max)
        #expect((Duration.zero - .seconds(Int64.max)).clampedNanoseconds == .min)
        #expect(Duration.milliseconds(1500).clampedNanoseconds == 1_500_000_000)
    }

    @Test(arguments: [
        (Duration.milliseconds(50), Int32(50)), (.nanoseconds(1), 1), (.microseconds(1500), 2), (.zero, 0),
        (.milliseconds(-500), 0), (.seconds(-3), 0), (.seconds(3_000_000), .max), (.longest, .max),
    ])
    func pollTimeoutsRoundUp(span: Duration, milliseconds: Int32) {
        #expect(span.pollMilliseconds == milliseconds)
    }

    /// The texts that print a span (`connection timed out after 10 s`, `did not finish within
    /// 30 s`, `it did not end within 10 s`) print what the `Double` seconds printed.
    @Test(arguments: [
        (Duration.seconds(10), "10"), (.seconds(30), "30"), (.milliseconds(2500), "2.5"),
        (Duration(clampingSeconds: 0.1), "0.1"), (Duration(clampingSeconds: 0.3), "0.3"), (.seconds(3600), "3600"),
    ])
    func spansPrintAsSeconds(span: Duration, text: String) {
        #expect(SecondsText.format(span.inSeconds) == text)
    }
}

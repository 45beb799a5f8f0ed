import AzShimSupport
import HTTP1
import Synchronization

/// ARM's write throttling applies to the whole subscription, so a 429 pauses every request
/// sent through the same retrying transport (all threads) until `Retry-After` has passed.
///
/// Example: thread A gets `429, Retry-After: 5`; thread B's next regeneration waits the
/// same 5 s instead of collecting its own 429.
final class AzureThrottleGate: Sendable {
    private let resumeAt = Mutex<Double>(0)

    init() {}

    func pause(until time: Double) {
        resumeAt.withLock { $0 = max($0, time) }
    }

    func waitIfPaused(clock: any AzureClock, cancellation: Cancellation) throws(ARMTransportError) {
        while true {
            let until = resumeAt.withLock { $0 }
            let now = clock.now()
            if until <= now { return }
            try clock.sleep(for: Duration(clampingSeconds: until - now), cancellation: cancellation)
        }
    }
}

import AzShimSupport
import Synchronization

/// A cancellation flag shared by everything one command does over HTTP: setting it stops
/// retry waits, socket reads and writes and subprocess waits within about 50 ms, and the
/// pending request fails with `HTTPClientError.cancelled`. `cancel()` only stores an atomic
/// flag, so a signal handler may call it. What else cancels (a process-wide signal flag) is
/// injected by whoever composes the program; this type reads no global.
///
/// Example: the Azure session is built with `Cancellation(alsoWhen: { SignalState.interrupted })`,
/// so Ctrl+C while ARM is throttling ends the 429 wait at once.
package final class Cancellation: Sendable {
    private let flag = Atomic<Bool>(false)
    private let external: (@Sendable () -> Bool)?

    /// `alsoWhen`, when given, is polled with the flag: true means cancelled.
    package init(alsoWhen external: (@Sendable () -> Bool)? = nil) {
        self.external = external
    }

    package func cancel() { flag.store(true, ordering: .sequentiallyConsistent) }

    /// Set by `cancel()`, or by the injected condition.
    package var isCancelled: Bool {
        if flag.load(ordering: .sequentiallyConsistent) { return true }
        return external?() ?? false
    }
}

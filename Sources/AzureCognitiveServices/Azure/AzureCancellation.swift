import PowerShellHost
import Synchronization

/// A cancellation flag shared by everything one command does against Azure: setting it
/// stops retry waits, socket reads and writes, and the Azure CLI subprocess within about
/// 50 ms, and the pending request fails with `ARMTransportError.cancelled`.
/// `cancel()` only stores an atomic flag, so a SIGINT handler may call it.
///
/// Example: Ctrl+C during `New-AzCognitiveServicesAccountKey rg acct Key1` while ARM is
/// throttling: the host's SIGINT handler calls `cancellation.cancel()`, the 429 wait ends
/// at once and the command reports the cancellation.
package final class AzureCancellation: Sendable {
    private let flag = Atomic<Bool>(false)

    package init() {}

    package func cancel() { flag.store(true, ordering: .sequentiallyConsistent) }

    /// Set by `cancel()`, or by SIGINT/SIGTERM (`SignalState`).
    package var isCancelled: Bool { flag.load(ordering: .sequentiallyConsistent) || SignalState.interrupted }
}

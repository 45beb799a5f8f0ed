#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
import Synchronization

/// SIGINT and SIGTERM as a flag the pipeline loop checks between objects, so Ctrl+C stops after
/// the current object and keeps what was written. The handlers are installed without
/// `SA_RESTART`, so a read waiting on stdin returns at once and the reader treats the signal as
/// the end of input. SIGPIPE is ignored: a closed stdout shows up as a failed write, which ends
/// the command quietly.
///
/// Example: `SignalState.install()` at start-up; the exit status is then `128 + signal` after
/// `New-AzCognitiveServicesAccountKey -KeyName Key1 < accounts.jsonl` is interrupted.
package enum SignalState {
    private static let received = Atomic<Int32>(0)

    /// True once SIGINT or SIGTERM arrived.
    package static var interrupted: Bool { received.load(ordering: .relaxed) != 0 }

    /// The status a shell reports for the signal (130 for SIGINT, 143 for SIGTERM), or nil.
    package static var exitStatus: Int32? {
        let signal = received.load(ordering: .relaxed)
        return signal == 0 ? nil : 128 + signal
    }

    package static func install() {
        signal(SIGPIPE, SIG_IGN)
        // A parent may hand over a blocked signal mask; Ctrl+C must still reach us.
        var unblocked = sigset_t()
        sigemptyset(&unblocked)
        sigaddset(&unblocked, SIGINT)
        sigaddset(&unblocked, SIGTERM)
        sigprocmask(SIG_UNBLOCK, &unblocked, nil)
        for number in [SIGINT, SIGTERM] {
            var action = sigaction()
            action.__sigaction_handler.sa_handler = { number in
                SignalState.received.store(number, ordering: .relaxed)
            }
            sigemptyset(&action.sa_mask)
            action.sa_flags = 0
            sigaction(number, &action, nil)
        }
    }
}

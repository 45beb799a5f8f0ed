#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
import Synchronization

/// SIGINT and SIGTERM as a flag the pipeline loop checks between objects, so Ctrl+C stops after
/// the current object and keeps what was written. SIGPIPE is ignored: a closed stdout shows up
/// as a failed write, which ends the command quietly.
///
/// Example: `SignalState.install()` at start-up; `while !SignalState.interrupted { … }`.
public enum SignalState {
    private static let flag = Atomic<Bool>(false)

    public static var interrupted: Bool { flag.load(ordering: .relaxed) }

    public static func install() {
        signal(SIGPIPE, SIG_IGN)
        signal(SIGINT) { _ in SignalState.flag.store(true, ordering: .relaxed) }
        signal(SIGTERM) { _ in SignalState.flag.store(true, ordering: .relaxed) }
    }
}

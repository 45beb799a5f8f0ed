import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// A deadline for a child process: unless the process has ended by then, it (or its whole
/// process group) gets SIGKILL. The process is not reaped before the watchdog is disarmed, so
/// the kill can never reach a recycled process id.
///
/// Example:
///
///     let watchdog = Watchdog(process: pid, seconds: 60)
///     let (status, signal) = watchdog.reap()   // waits; SIGKILL after 60 s
///     #expect(!watchdog.fired)
public final class Watchdog: Sendable {
    private struct State {
        var ended = false
        var fired = false
    }

    public let pid: pid_t
    private let target: pid_t
    private let state = Mutex(State())
    private let condition = NSCondition()

    /// Kills `pid` alone after `seconds`.
    public convenience init(process pid: pid_t, seconds: Double) {
        self.init(pid: pid, target: pid, seconds: seconds)
    }

    /// Kills the process group `pid` leads after `seconds`.
    public convenience init(processGroup pid: pid_t, seconds: Double) {
        self.init(pid: pid, target: -pid, seconds: seconds)
    }

    private init(pid: pid_t, target: pid_t, seconds: Double) {
        self.pid = pid
        self.target = target
        let deadline = Date(timeIntervalSinceNow: seconds)
        Thread.detachNewThread { [self] in
            condition.lock()
            while !state.withLock({ $0.ended }) && Date() < deadline {
                _ = condition.wait(until: deadline)
            }
            condition.unlock()
            state.withLock { state in
                guard !state.ended else { return }
                state.fired = true
                kill(target, SIGKILL)
            }
        }
    }

    /// True when the deadline passed before the process ended.
    public var fired: Bool { state.withLock { $0.fired } }

    /// Waits until the process has ended (without reaping it), then disarms the watchdog.
    public func waitForEnd() {
        while waitid(P_PID, id_t(pid), nil, WEXITED | WNOWAIT) < 0 && errno == EINTR {}
        disarm()
    }

    /// Disarms the watchdog; call it only once the process has ended and before it is reaped.
    public func disarm() {
        state.withLock { $0.ended = true }
        condition.lock()
        condition.broadcast()
        condition.unlock()
    }

    /// Waits for the end, disarms, reaps: the exit status, or the signal that ended the process.
    public func reap() -> (status: Int32?, signal: Int32?) {
        waitForEnd()
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        let exited = (status & 0x7F) == 0
        return (exited ? (status >> 8) & 0xFF : nil, exited ? nil : status & 0x7F)
    }
}

import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// SIGINT and SIGTERM as a flag the pipeline loop checks between objects, so Ctrl+C stops after
/// the current object and keeps what was written. The handler also writes a byte to a self-pipe
/// (`wakeDescriptor`), which the stdin reader waits on beside stdin (`ReadInterruption`), so a
/// signal that lands just before the reader starts waiting still ends the input. The handlers
/// are installed without `SA_RESTART`. SIGPIPE is ignored: a closed stdout shows up as a failed
/// write, which ends the command quietly.
///
/// Example: `SignalState.install()` at start-up; the exit status is then `128 + signal` after
/// `New-AzCognitiveServicesAccountKey -KeyName Key1 < accounts.jsonl` is interrupted.
package enum SignalState {
    private static let received = Atomic<Int32>(0)
    /// The self-pipe: the handler writes to `wakeWrite`; `wakeRead` is readable once a signal came.
    private static let wakeRead = Atomic<Int32>(-1)
    private static let wakeWrite = Atomic<Int32>(-1)

    /// Readable once SIGINT or SIGTERM arrived (and left readable); nil before `install()`.
    package static var wakeDescriptor: Int32? {
        let descriptor = wakeRead.load(ordering: .acquiring)
        return descriptor < 0 ? nil : descriptor
    }

    /// True once SIGINT or SIGTERM arrived.
    package static var interrupted: Bool { received.load(ordering: .relaxed) != 0 }

    /// The status a shell reports for the signal (130 for SIGINT, 143 for SIGTERM), or nil.
    package static var exitStatus: Int32? {
        let signal = received.load(ordering: .relaxed)
        return signal == 0 ? nil : 128 + signal
    }

    package static func install() {
        signal(SIGPIPE, SIG_IGN)
        // Non-blocking and close-on-exec: a full pipe already wakes the reader, and no child inherits it.
        var descriptors: [Int32] = [-1, -1]
        if wakeRead.load(ordering: .acquiring) < 0, pipe(&descriptors) == 0 {
            for descriptor in descriptors {
                _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC)
                _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) | O_NONBLOCK)
            }
            wakeWrite.store(descriptors[1], ordering: .releasing)
            wakeRead.store(descriptors[0], ordering: .releasing)
        }
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
                // write(2) is async-signal-safe; errno is kept for the code the signal interrupted.
                let saved = errno
                var byte: UInt8 = 1
                _ = write(SignalState.wakeWrite.load(ordering: .relaxed), &byte, 1)
                errno = saved
            }
            sigemptyset(&action.sa_mask)
            action.sa_flags = 0
            sigaction(number, &action, nil)
        }
    }
}

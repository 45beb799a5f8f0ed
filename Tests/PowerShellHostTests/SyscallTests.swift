import AzShimSupport
import Foundation
import Synchronization
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Handler runs of `SyscallTests.signalHandler` (a C signal handler captures nothing).
private let signalsHandled = Atomic<Int>(0)

/// `Errno` and `Syscall.retryingOnInterrupt`: EINTR is retried (scripted, and by a real signal
/// delivered without SA_RESTART), every other failure is thrown once, as the `Errno` it was.
@Suite struct SyscallTests {
    /// A C call that fails with each of `failures` in turn, then returns `result`.
    final class ScriptedCall: Sendable {
        private let state: Mutex<(failures: [Int32], calls: Int)>
        let result: Int

        init(failing failures: [Int32], then result: Int) {
            state = Mutex((failures, 0))
            self.result = result
        }

        var calls: Int { state.withLock { $0.calls } }

        func callAsFunction() -> Int {
            let failure: Int32? = state.withLock { state in
                state.calls += 1
                return state.failures.isEmpty ? nil : state.failures.removeFirst()
            }
            guard let failure else { return result }
            errno = failure
            return -1
        }
    }

    @Test func interruptedCallIsMadeAgainUntilItSucceeds() throws {
        let call = ScriptedCall(failing: [EINTR, EINTR], then: 42)
        #expect(try Syscall.retryingOnInterrupt { call() } == 42)
        #expect(call.calls == 3)
    }

    @Test func zeroAndOtherResultsAreReturnedAtOnce() throws {
        let call = ScriptedCall(failing: [], then: 0)
        #expect(try Syscall.retryingOnInterrupt { call() } == 0)
        #expect(call.calls == 1)
    }

    @Test(arguments: [EBADF, EAGAIN, ECONNRESET, ENOENT])
    func otherFailuresAreThrownAfterOneCall(code: Int32) {
        let call = ScriptedCall(failing: [code, code], then: 1)
        #expect(throws: Errno(rawValue: code)) { try Syscall.retryingOnInterrupt { call() } }
        #expect(call.calls == 1)
    }

    @Test func interruptionThenAnotherFailureThrowsTheOtherFailure() {
        let call = ScriptedCall(failing: [EINTR, EPIPE], then: 1)
        #expect(throws: Errno(rawValue: EPIPE)) { try Syscall.retryingOnInterrupt { call() } }
        #expect(call.calls == 2)
    }

    @Test func errnoTextIsTheCLibrarys() {
        #expect(Errno.interrupted.description == "Interrupted system call")
        #expect(Errno(rawValue: ENOENT).description == "No such file or directory")
        #expect(Errno(rawValue: 9999).description == "Unknown error 9999")
        for code in Int32(0)...Int32(140) {
            #expect(Errno(rawValue: code).description == String(cString: strerror(code)))
        }
        #expect(Errno.interrupted == Errno(rawValue: EINTR))
        #expect(Errno.wouldBlock != Errno.connectionReset)
    }

    @Test func currentIsTheFailedCallsErrno() {
        #expect(open("/nonexistent-azshim-\(getpid())/x", O_RDONLY) == -1)
        #expect(Errno.current == Errno(rawValue: ENOENT))
    }

    /// A read blocked on an empty pipe gets SIGUSR1 (a handler installed without SA_RESTART, so
    /// the kernel fails the read with EINTR); the helper reads again and returns the byte that
    /// arrives later. The signal is sent until a second read has started, so the test does not
    /// depend on when the first one blocks; every wait is bounded (10 s).
    @Test func readInterruptedByARealSignalIsRetried() throws {
        var descriptors: [Int32] = [0, 0]
        try #require(pipe(&descriptors) == 0)
        defer { for fd in descriptors { close(fd) } }
        let input = descriptors[0]

        var action = sigaction()
        action.__sigaction_handler.sa_handler = { _ in signalsHandled.add(1, ordering: .relaxed) }
        action.sa_flags = 0
        sigemptyset(&action.sa_mask)
        var previous = sigaction()
        try #require(sigaction(SIGUSR1, &action, &previous) == 0)
        defer { sigaction(SIGUSR1, &previous, nil) }
        let handledBefore = signalsHandled.load(ordering: .relaxed)

        let reader = Mutex<pthread_t?>(nil)
        let attempts = Atomic<Int>(0)
        let outcome = Mutex<(result: Result<Int, Errno>, byte: UInt8)?>(nil)
        let done = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            // The thread inherits the test runner's mask, and dispatch's worker threads block
            // signals such as SIGUSR1: without this it would stay pending and never interrupt.
            var usr1 = sigset_t()
            sigemptyset(&usr1)
            sigaddset(&usr1, SIGUSR1)
            pthread_sigmask(SIG_UNBLOCK, &usr1, nil)
            reader.withLock { $0 = pthread_self() }
            var byte: UInt8 = 0
            let result = Result { () throws(Errno) -> Int in
                try Syscall.retryingOnInterrupt {
                    attempts.add(1, ordering: .sequentiallyConsistent)
                    return read(input, &byte, 1)
                }
            }
            outcome.withLock { $0 = (result, byte) }
            done.signal()
        }

        let deadline = Date().addingTimeInterval(10)
        while attempts.load(ordering: .sequentiallyConsistent) < 1 && Date() < deadline { usleep(1000) }
        let thread = try #require(reader.withLock { $0 })
        while attempts.load(ordering: .sequentiallyConsistent) < 2 && Date() < deadline {
            pthread_kill(thread, SIGUSR1)
            usleep(20_000)
        }
        var byte = UInt8(ascii: "x")
        #expect(write(descriptors[1], &byte, 1) == 1)
        #expect(done.wait(timeout: .now() + 10) == .success)

        #expect(attempts.load(ordering: .sequentiallyConsistent) >= 2)
        #expect(signalsHandled.load(ordering: .relaxed) > handledBefore)
        let (result, received) = try #require(outcome.withLock { $0 })
        #expect(result == .success(1))
        #expect(received == UInt8(ascii: "x"))
    }
}

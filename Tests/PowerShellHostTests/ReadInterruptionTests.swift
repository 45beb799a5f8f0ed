import AzShimSupport
import Foundation
import Synchronization
import Testing

@testable import PowerShellHost

#if canImport(Glibc)
    import Glibc
#endif

/// `FileDescriptorByteSource` with a `ReadInterruption` of the test's own (the process-wide
/// SIGINT flag is shared by every test running here, so it is never raised in-process; the real
/// signal is ProcessTests.interrupt). Each read runs on a thread with a 10 s bound: a read that
/// misses its interruption fails the test and is then unblocked by a byte of input, so no test
/// here can hang.
@Suite struct ReadInterruptionTests {
    /// A self-pipe and a flag; `raiseAfterChecks: n` raises it (flag and byte) during the n-th
    /// check of the flag, after that check has answered "not raised": exactly a signal landing
    /// between the reader's check and its wait.
    final class TestInterruption: Sendable {
        let read: Int32
        let write: Int32
        private let state = Mutex((checks: 0, raised: false))
        let raiseAfterChecks: Int?

        init(raiseAfterChecks: Int? = nil) {
            var descriptors: [Int32] = [0, 0]
            _ = pipe(&descriptors)
            read = descriptors[0]
            write = descriptors[1]
            self.raiseAfterChecks = raiseAfterChecks
        }

        deinit {
            close(read)
            close(write)
        }

        func raise() {
            state.withLock { $0.raised = true }
            var byte: UInt8 = 1
            _ = Glibc.write(write, &byte, 1)
        }

        var interruption: ReadInterruption {
            ReadInterruption(
                isRaised: { [self] in
                    let (answer, raiseNow) = state.withLock { state -> (Bool, Bool) in
                        state.checks += 1
                        return (state.raised, state.checks == raiseAfterChecks)
                    }
                    if raiseNow { raise() }
                    return answer
                },
                wakeDescriptor: { [read] in read })
        }
    }

    /// Reads once from the read end of a fresh pipe whose write end stays open; `feed` writes to
    /// it. Returns what `read` returned, or nil when it had not returned within 10 s.
    static func boundedRead(_ interruption: ReadInterruption, feed: (@Sendable (Int32) -> Void)? = nil) -> Int? {
        var descriptors: [Int32] = [0, 0]
        _ = pipe(&descriptors)
        defer { for fd in descriptors { close(fd) } }
        let result = Mutex<Int?>(nil)
        let done = DispatchSemaphore(value: 0)
        let input = descriptors[0]
        Thread.detachNewThread {
            var source = FileDescriptorByteSource(fileDescriptor: input, interruption: interruption)
            var buffer = [UInt8](repeating: 0, count: 16)
            let count = (try? buffer.withUnsafeMutableBytes { try source.read(into: $0) }) ?? -1
            result.withLock { $0 = count }
            done.signal()
        }
        feed?(descriptors[1])
        if done.wait(timeout: .now() + 10) == .timedOut {
            // Unblock the stuck read so the thread ends, then report the miss.
            var byte: UInt8 = 0x20
            _ = write(descriptors[1], &byte, 1)
            done.wait()
            return nil
        }
        return result.withLock { $0 }
    }

    @Test("an interruption that lands just after the flag was checked still ends the read (no lost SIGINT)")
    func interruptionBetweenCheckAndWait() {
        let test = TestInterruption(raiseAfterChecks: 1)
        let count = Self.boundedRead(test.interruption)
        #expect(
            count == 0,
            "the read \(count == nil ? "missed the interruption and waited" : "returned \(String(describing: count))")")
    }

    @Test("an interruption during the wait ends the read")
    func interruptionDuringWait() {
        let test = TestInterruption()
        let count = Self.boundedRead(test.interruption) { _ in
            usleep(100_000)
            test.raise()
        }
        #expect(count == 0)
    }

    @Test("an interruption raised before the read ends it without waiting")
    func interruptionBeforeRead() {
        let test = TestInterruption()
        test.raise()
        #expect(Self.boundedRead(test.interruption) == 0)
    }

    @Test("input that arrives is read as usual while nothing is raised")
    func inputIsRead() {
        let test = TestInterruption()
        let count = Self.boundedRead(test.interruption) { descriptor in
            usleep(50_000)
            _ = write(descriptor, "abc", 3)
        }
        #expect(count == 3)
    }
}

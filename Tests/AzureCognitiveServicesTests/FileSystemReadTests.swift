import AzShimSupport
import Foundation
import Synchronization
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// `FileSystem.read` on files whose bytes come from another program: a FIFO with no writer, a
/// writer that finishes, trickles or never closes, the pipe behind `<(…)` (`/dev/fd/N`), a
/// device; each bounded in size and in time (a short bound injected here: the default is 10 s).
@Suite struct FileSystemReadTests {
    /// Never raised: these reads end by themselves (or by their timeout).
    static let noInterruption = ReadInterruption(isRaised: { false }, wakeDescriptor: { nil })
    static let timeoutText = "(a FIFO or pipe is read until its writer closes it)"

    /// A fresh FIFO in its own folder.
    struct FIFO {
        let folder = NSTemporaryDirectory() + "azshim-fifo-" + UUID().uuidString
        var path: String { folder + "/file" }

        init() throws {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            guard mkfifo(folder + "/file", 0o600) == 0 else { throw TestFailure("mkfifo failed") }
        }

        func remove() { try? FileManager.default.removeItem(atPath: folder) }

        /// On another thread: opens the FIFO for writing (waiting for the reader), writes
        /// `chunks` with `pause` seconds before each, then closes it.
        func write(_ chunks: [String], pause: Double = 0) {
            let path = self.path
            Thread {
                let descriptor = open(path, O_WRONLY | O_CLOEXEC)
                guard descriptor >= 0 else { return }
                for chunk in chunks {
                    if pause > 0 { usleep(UInt32(pause * 1_000_000)) }
                    _ = Array(chunk.utf8).withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
                }
                close(descriptor)
            }.start()
        }
    }

    static func read(_ path: String, maximumBytes: Int = 1 << 20, timeout: Duration) throws(FileSystem.Failure)
        -> String
    {
        String(
            decoding: try FileSystem.read(
                path, maximumBytes: maximumBytes, timeout: timeout, interruption: noInterruption),
            as: UTF8.self)
    }

    @Test("a FIFO nobody opens for writing ends in the timeout, which names the file and the limit")
    func fifoWithoutWriter() throws {
        let fifo = try FIFO()
        defer { fifo.remove() }
        let start = ContinuousClock.now
        let error = #expect(throws: FileSystem.Failure.self) {
            try Self.read(fifo.path, timeout: .milliseconds(300))
        }
        let elapsed = ContinuousClock.now - start
        #expect(error?.code == ETIMEDOUT)
        #expect(
            error?.description == "Cannot read '\(fifo.path)': it did not end within 0.3 s \(Self.timeoutText).")
        #expect(elapsed >= .milliseconds(300))
        #expect(elapsed < .seconds(3))  // 10× the bound: it did not wait for a writer beyond it
    }

    @Test("a FIFO whose writer writes and closes is read whole")
    func fifoWriterCloses() throws {
        let fifo = try FIFO()
        defer { fifo.remove() }
        fifo.write(["{\"Contexts\":", "{}}\n"])
        #expect(try Self.read(fifo.path, timeout: .seconds(30)) == "{\"Contexts\":{}}\n")
    }

    @Test("an absurd time bound (the longest Duration) saturates the deadline: no trap, the FIFO is read")
    func longestTimeout() throws {
        let fifo = try FIFO()
        defer { fifo.remove() }
        fifo.write(["abc"])
        #expect(try Self.read(fifo.path, timeout: .longest) == "abc")
        fifo.write(["def"])
        #expect(try Self.read(fifo.path, timeout: .seconds(Int64.max)) == "def")
    }

    @Test("a FIFO whose writer opens it and closes it without writing is empty")
    func fifoWriterWritesNothing() throws {
        let fifo = try FIFO()
        defer { fifo.remove() }
        fifo.write([])
        #expect(try Self.read(fifo.path, timeout: .seconds(30)) == "")
    }

    @Test("a writer that trickles its bytes but closes within the bound is read whole")
    func slowWriter() throws {
        let fifo = try FIFO()
        defer { fifo.remove() }
        fifo.write(["a", "b", "c", "d", "e"], pause: 0.1)
        #expect(try Self.read(fifo.path, timeout: .seconds(30)) == "abcde")
    }

    @Test("a writer that never closes ends in the timeout, after what it wrote")
    func writerNeverCloses() throws {
        let fifo = try FIFO()
        defer { fifo.remove() }
        // O_RDWR opens a FIFO without waiting (Linux); this descriptor is a writer that stays.
        let writer = open(fifo.path, O_RDWR | O_CLOEXEC)
        #expect(writer >= 0)
        defer { close(writer) }
        _ = Array("partial".utf8).withUnsafeBytes { write(writer, $0.baseAddress, $0.count) }
        let error = #expect(throws: FileSystem.Failure.self) {
            try Self.read(fifo.path, timeout: .milliseconds(300))
        }
        #expect(error?.code == ETIMEDOUT)
        #expect(error?.reason == "it did not end within 0.3 s \(Self.timeoutText)")
    }

    @Test("the pipe of <(…) as /dev/fd/N is read; one whose writer stays open ends in the timeout")
    func pipeDescriptorPath() throws {
        var ends: [Int32] = [-1, -1]
        #expect(pipe(&ends) == 0)
        defer { close(ends[0]) }
        _ = Array("certificate\n".utf8).withUnsafeBytes { write(ends[1], $0.baseAddress, $0.count) }
        close(ends[1])
        #expect(try Self.read("/dev/fd/\(ends[0])", timeout: .seconds(30)) == "certificate\n")

        var open: [Int32] = [-1, -1]
        #expect(pipe(&open) == 0)
        defer {
            close(open[0])
            close(open[1])
        }
        let error = #expect(throws: FileSystem.Failure.self) {
            try Self.read("/dev/fd/\(open[0])", timeout: .milliseconds(200))
        }
        #expect(error?.code == ETIMEDOUT)
    }

    @Test("a device that never ends is cut at the size bound; a regular file over it is refused unread")
    func sizeBound() throws {
        let error = #expect(throws: FileSystem.Failure.self) {
            try Self.read("/dev/zero", maximumBytes: 100_000, timeout: .seconds(30))
        }
        #expect(error?.reason == "it is larger than 100000 bytes")

        let fifo = try FIFO()  // only for its folder
        defer { fifo.remove() }
        let path = fifo.folder + "/large"
        try Data(count: 2000).write(to: URL(fileURLWithPath: path))
        let large = #expect(throws: FileSystem.Failure.self) {
            try Self.read(path, maximumBytes: 1999, timeout: .seconds(30))
        }
        #expect(large?.description == "Cannot read '\(path)': it is larger than 1999 bytes.")
        #expect(try Self.read(path, maximumBytes: 2000, timeout: .seconds(30)).utf8.count == 2000)
        #expect(try Self.read("/dev/null", timeout: .seconds(30)) == "")
    }

    @Test("a folder, and a missing file, fail as before (strerror text)")
    func folderAndMissing() throws {
        let fifo = try FIFO()
        defer { fifo.remove() }
        let folder = #expect(throws: FileSystem.Failure.self) { try Self.read(fifo.folder, timeout: .seconds(30)) }
        #expect(folder?.reason == "Is a directory")
        #expect(try FileSystem.readIfExists(fifo.folder + "/none") == nil)
    }

    @Test("Ctrl+C (the interruption) ends the wait for a FIFO at once")
    func interruption() throws {
        let fifo = try FIFO()
        defer { fifo.remove() }
        var wake: [Int32] = [-1, -1]
        #expect(pipe(&wake) == 0)
        defer {
            close(wake[0])
            close(wake[1])
        }
        final class Flag: Sendable { let raised = Atomic(false) }
        let flag = Flag()
        let wakeRead = wake[0]
        let interruption = ReadInterruption(
            isRaised: { flag.raised.load(ordering: .relaxed) }, wakeDescriptor: { wakeRead })
        let writeEnd = wake[1]
        Thread {
            usleep(100_000)
            flag.raised.store(true, ordering: .relaxed)
            var byte: UInt8 = 1
            _ = write(writeEnd, &byte, 1)
        }.start()
        let start = ContinuousClock.now
        let error = #expect(throws: FileSystem.Failure.self) {
            try FileSystem.read(fifo.path, timeout: .seconds(60), interruption: interruption)
        }
        #expect(error?.code == EINTR)
        #expect(ContinuousClock.now - start < .seconds(30))
    }
}

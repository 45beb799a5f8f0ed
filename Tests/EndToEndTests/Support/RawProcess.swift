import Foundation
import Synchronization
import TestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// The built binary spawned with `posix_spawn`, so arguments are raw bytes (invalid UTF-8
/// included), with stdin from a file, stdout into a pipe the test reads as it goes (or a file),
/// and stderr into a file; `wait` reports the exit status or the signal and the peak memory.
/// A deadline (ten minutes unless given) kills a process that has not ended by then, so
/// `readLines` and `wait` never block forever; `wait` then records a test failure.
///
/// Example: `let process = try RawProcess(arguments: [Array("-Name".utf8), [0xFF]], environment: env)`,
/// then `let end = process.wait()`; `end.status == 1`.
final class RawProcess {
    struct End {
        /// The exit status, or nil when a signal ended the process.
        let status: Int32?
        let signal: Int32?
        /// Peak resident memory in bytes: the highest `VmHWM` sampled from `/proc/<pid>/status`
        /// while the process ran (`ru_maxrss` would count the test process's own memory, which a
        /// `posix_spawn` child carries until its `exec`).
        let peakMemory: Int
        let stdout: [UInt8]
        let stderr: [UInt8]
        var stdoutText: String { String(decoding: stdout, as: UTF8.self) }
        var stderrText: String { String(decoding: stderr, as: UTF8.self) }
    }

    let pid: pid_t
    private let watchdog: Watchdog
    private let deadline: Double
    /// The read end of stdout.
    let stdoutFD: Int32
    private var stdoutOpen = true
    let stderrPath: String
    private var collected: [UInt8] = []

    /// - Parameter stdinPath: a file for stdin, `/dev/null` by default.
    /// - Parameter stdinFD: or a descriptor (the read end of a pipe the test writes to).
    /// - Parameter omitProgramName: argv without the program name (`arguments` alone, so `[]` is
    ///   an empty argv, which Linux turns into `[""]`).
    init(
        executable: String = Harness.executable, arguments: [[UInt8]], environment: [String: String],
        stdinPath: String = "/dev/null", stdinFD: Int32? = nil, folder: String, omitProgramName: Bool = false,
        deadline: Double = ChildProcess.defaultDeadline
    ) throws {
        stderrPath = folder + "/stderr-\(UUID().uuidString)"
        var pipeFDs: [Int32] = [0, 0]
        guard pipe(&pipeFDs) == 0 else { throw POSIXError(.EMFILE) }
        // Close-on-exec: a child spawned meanwhile by another test (and its children) must not
        // hold this pipe open; the dup2 below gives the child its own, inheritable, stdout.
        for fd in pipeFDs { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        if let stdinFD {
            posix_spawn_file_actions_adddup2(&actions, stdinFD, 0)
        } else {
            posix_spawn_file_actions_addopen(&actions, 0, stdinPath, O_RDONLY, 0)
        }
        posix_spawn_file_actions_adddup2(&actions, pipeFDs[1], 1)
        posix_spawn_file_actions_addopen(&actions, 2, stderrPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addclose(&actions, pipeFDs[0])
        let argv = (omitProgramName ? [] : [Array(executable.utf8)]) + arguments
        let environmentBytes = environment.map { Array("\($0.key)=\($0.value)".utf8) }
        let cArgv = argv.map { Self.cString($0) }
        let cEnvironment = environmentBytes.map { Self.cString($0) }
        defer {
            for pointer in cArgv { free(pointer) }
            for pointer in cEnvironment { free(pointer) }
        }
        var spawned: pid_t = 0
        let result = posix_spawn(&spawned, executable, &actions, nil, cArgv + [nil], cEnvironment + [nil])
        close(pipeFDs[1])
        guard result == 0 else {
            close(pipeFDs[0])
            throw POSIXError(POSIXErrorCode(rawValue: result) ?? .EINVAL)
        }
        pid = spawned
        stdoutFD = pipeFDs[0]
        self.deadline = deadline
        watchdog = Watchdog(process: spawned, seconds: deadline)
    }

    /// A NUL-terminated copy of raw bytes, for argv and envp (freed by the caller).
    private static func cString(_ bytes: [UInt8]) -> UnsafeMutablePointer<CChar>? {
        let pointer = malloc(bytes.count + 1)?.assumingMemoryBound(to: CChar.self)
        bytes.withUnsafeBytes { raw in
            if let base = raw.baseAddress {
                pointer?.update(from: base.assumingMemoryBound(to: CChar.self), count: bytes.count)
            }
        }
        pointer?[bytes.count] = 0
        return pointer
    }

    /// Reads stdout until it holds `count` complete lines or ends; returns the lines so far.
    func readLines(atLeast count: Int) -> [String] {
        var buffer = [UInt8](repeating: 0, count: 65536)
        while stdoutOpen, collected.filter({ $0 == 10 }).count < count {
            let n = read(stdoutFD, &buffer, buffer.count)
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { break }
            collected += buffer[0..<n]
        }
        return Self.completeLines(collected)
    }

    static func completeLines(_ bytes: [UInt8]) -> [String] {
        guard let last = bytes.lastIndex(of: 10) else { return [] }
        return bytes[..<last].split(separator: 10, omittingEmptySubsequences: false).map {
            String(decoding: $0, as: UTF8.self)
        }
    }

    func kill(_ signal: Int32) { Glibc.kill(pid, signal) }

    /// Closes the read end of stdout, as `| head -1` does once it has its line.
    func closeStdout() {
        if stdoutOpen { close(stdoutFD) }
        stdoutOpen = false
    }

    /// `VmHWM` of a running process in bytes, or nil once it has ended.
    static func highWaterMark(_ pid: pid_t) -> Int? {
        guard let data = FileManager.default.contents(atPath: "/proc/\(pid)/status") else { return nil }
        let line = String(decoding: data, as: UTF8.self).split(separator: "\n").first { $0.hasPrefix("VmHWM:") }
        guard let kilobytes = line?.split(separator: " ").dropFirst().first.flatMap({ Int($0) }) else { return nil }
        return kilobytes * 1024
    }

    /// Reads the rest of stdout, waits for the end, and collects stderr. A process the deadline
    /// killed is a test failure.
    func wait(sourceLocation: SourceLocation = #_sourceLocation) -> End {
        let peak = Mutex((value: 0, running: true))
        let pid = self.pid
        Thread.detachNewThread {
            while peak.withLock({ $0.running }) {
                if let sample = Self.highWaterMark(pid) { peak.withLock { $0.value = max($0.value, sample) } }
                usleep(2000)
            }
        }
        var buffer = [UInt8](repeating: 0, count: 65536)
        while stdoutOpen {
            let n = read(stdoutFD, &buffer, buffer.count)
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { break }
            collected += buffer[0..<n]
        }
        closeStdout()
        var status: Int32 = 0
        var usage = rusage()
        // Let the sampler see the process once more before it is reaped.
        watchdog.waitForEnd()
        if watchdog.fired {
            Issue.record(
                "the process did not end within \(deadline) s and was killed (a hang)", sourceLocation: sourceLocation)
        }
        if let sample = Self.highWaterMark(pid) { peak.withLock { $0.value = max($0.value, sample) } }
        peak.withLock { $0.running = false }
        while wait4(pid, &status, 0, &usage) < 0 && errno == EINTR {}
        let stderr = (FileManager.default.contents(atPath: stderrPath).map { Array($0) }) ?? []
        unlink(stderrPath)
        let exited = (status & 0x7F) == 0
        return End(
            status: exited ? (status >> 8) & 0xFF : nil, signal: exited ? nil : status & 0x7F,
            peakMemory: peak.withLock { $0.value }, stdout: collected, stderr: stderr)
    }
}

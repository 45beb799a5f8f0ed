import Foundation
import Synchronization
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// A program run to its end with a deadline, for tests: it is spawned in a process group of its
/// own, its stdout and stderr are collected, and when it has not ended by the deadline the whole
/// group gets SIGKILL and the test records a failure naming the command. No test waits forever
/// on a child.
///
/// Example: `let run = try ChildProcess.run("/bin/bash", ["-c", "echo hi"])` gives
/// `run.stdoutText == "hi\n"`, `run.status == 0`.
public enum ChildProcess {
    /// How a run ended and what it wrote.
    public struct End: Sendable {
        /// The exit status, or nil when a signal ended the process.
        public let status: Int32?
        public let signal: Int32?
        public let stdout: [UInt8]
        public let stderr: [UInt8]
        /// True when the deadline passed and the process group was killed.
        public let timedOut: Bool
        public var stdoutText: String { String(decoding: stdout, as: UTF8.self) }
        public var stderrText: String { String(decoding: stderr, as: UTF8.self) }
        /// The status a shell would report: the exit status, or 128 + the signal.
        public var shellStatus: Int32 { status ?? 128 + (signal ?? 0) }
    }

    /// The default deadline: far beyond any run in this suite even on a loaded 2-core machine
    /// (the longest, a 1,000-object pipeline with a synced write per object, takes seconds), so
    /// it only ends a hang.
    public static let defaultDeadline: Double = 600

    public struct SpawnError: Error, CustomStringConvertible {
        public let description: String
    }

    /// Runs `executable` with `arguments` (argv[0] is the executable), `stdin` written to it, and
    /// the environment given (the test process's when nil).
    /// - Parameter mergeStandardError: stderr into the stdout pipe (as `2>&1`).
    public static func run(
        _ executable: String, _ arguments: [String], environment: [String: String]? = nil, stdin: [UInt8] = [],
        mergeStandardError: Bool = false, deadline seconds: Double = defaultDeadline,
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> End {
        let stdinPath = NSTemporaryDirectory() + "azshim-child-stdin-\(UUID().uuidString)"
        guard FileManager.default.createFile(atPath: stdinPath, contents: Data(stdin)) else {
            throw SpawnError(description: "cannot write \(stdinPath)")
        }
        defer { unlink(stdinPath) }
        var output: [Int32] = [0, 0]
        var errors: [Int32] = [0, 0]
        guard pipe(&output) == 0 else { throw SpawnError(description: "pipe: \(errno)") }
        guard pipe(&errors) == 0 else {
            for fd in output { close(fd) }
            throw SpawnError(description: "pipe: \(errno)")
        }
        // Close-on-exec, so that children spawned by other tests do not hold these pipes open.
        for fd in output + errors { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, stdinPath, O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, output[1], 1)
        posix_spawn_file_actions_adddup2(&actions, mergeStandardError ? output[1] : errors[1], 2)
        let pid: pid_t
        do {
            pid = try spawn(executable, arguments, environment: environment, actions: &actions)
        } catch {
            for fd in output + errors { close(fd) }
            throw error
        }
        close(output[1])
        close(errors[1])
        let watchdog = Watchdog(processGroup: pid, seconds: seconds)
        let collected = collect(output[0], errors[0])
        close(output[0])
        close(errors[0])
        let (status, signal) = watchdog.reap()
        if watchdog.fired {
            Issue.record(
                "\(([executable] + arguments).joined(separator: " ")) did not end within \(seconds) s and was killed",
                sourceLocation: sourceLocation)
        }
        return End(status: status, signal: signal, stdout: collected.0, stderr: collected.1, timedOut: watchdog.fired)
    }

    /// `posix_spawn` in a new process group (so a deadline can kill the program's own children too).
    public static func spawn(
        _ executable: String, _ arguments: [String], environment: [String: String]?,
        actions: inout posix_spawn_file_actions_t
    ) throws -> pid_t {
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP))
        posix_spawnattr_setpgroup(&attributes, 0)
        let environmentList = (environment ?? ProcessInfo.processInfo.environment).map { "\($0.key)=\($0.value)" }
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = environmentList.map { strdup($0) } + [nil]
        defer {
            for pointer in argv { free(pointer) }
            for pointer in envp { free(pointer) }
        }
        var pid: pid_t = 0
        let result = posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
        guard result == 0 else {
            throw SpawnError(description: "cannot start \(executable): \(String(cString: strerror(result)))")
        }
        return pid
    }

    /// Reads both pipes to their end (the watchdog's kill ends them when the program hangs).
    private static func collect(_ stdout: Int32, _ stderr: Int32) -> ([UInt8], [UInt8]) {
        var results: [[UInt8]] = [[], []]
        var open = [stdout, stderr]
        var buffer = [UInt8](repeating: 0, count: 65536)
        while open.contains(where: { $0 >= 0 }) {
            var descriptors = open.map { pollfd(fd: $0, events: Int16(POLLIN), revents: 0) }
            let ready = poll(&descriptors, nfds_t(descriptors.count), -1)
            if ready < 0 {
                if errno == EINTR { continue }
                break
            }
            for index in 0..<2 where open[index] >= 0 && descriptors[index].revents != 0 {
                let count = read(open[index], &buffer, buffer.count)
                if count > 0 {
                    results[index] += buffer[0..<count]
                } else if count == 0 || errno != EINTR {
                    open[index] = -1
                }
            }
        }
        return (results[0], results[1])
    }
}

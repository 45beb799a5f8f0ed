import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// A server a test starts and stops (`openssl s_server`): stdin is a pipe kept open until `stop`,
/// stdout and stderr go to /dev/null, and a deadline kills its process group if the test never
/// stops it, so no test run can hang on it.
///
/// Example: `let server = try BackgroundProcess("/usr/bin/openssl", ["s_server", "-accept", "127.0.0.1:4433", …])`,
/// then `server.stop()`.
public final class BackgroundProcess {
    private let watchdog: Watchdog
    private let input: Int32
    private var stopped = false

    public var pid: pid_t { watchdog.pid }

    public init(_ executable: String, _ arguments: [String], deadline seconds: Double = ChildProcess.defaultDeadline)
        throws
    {
        var descriptors: [Int32] = [0, 0]
        guard pipe(&descriptors) == 0 else { throw ChildProcess.SpawnError(description: "pipe: \(errno)") }
        for fd in descriptors { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, descriptors[0], 0)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let pid: pid_t
        do {
            pid = try ChildProcess.spawn(executable, arguments, environment: nil, actions: &actions)
        } catch {
            for fd in descriptors { close(fd) }
            throw error
        }
        close(descriptors[0])
        input = descriptors[1]
        watchdog = Watchdog(processGroup: pid, seconds: seconds)
    }

    /// Kills the process group and reaps the process; records a failure if the deadline had
    /// already killed it (the test outlived its bound).
    public func stop(sourceLocation: SourceLocation = #_sourceLocation) {
        guard !stopped else { return }
        stopped = true
        kill(-pid, SIGKILL)
        _ = watchdog.reap()
        close(input)
        if watchdog.fired {
            Issue.record("the background process \(pid) outlived its deadline", sourceLocation: sourceLocation)
        }
    }

    deinit { stop() }
}

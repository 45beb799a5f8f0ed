#if canImport(Glibc)
    import AzShimSupport
    import Glibc
    import HTTP1

    /// Runs a program with `posix_spawn` (no Foundation `Process`), stdin from `/dev/null`,
    /// collecting stdout and stderr (at most `maximumOutputBytes` each), with a timeout and
    /// cancellation; a child that overruns any of them is killed (SIGKILL: one that ignores SIGTERM
    /// must not hang the command).
    ///
    /// Example: `try AzureSubprocess.run(executable: "/usr/bin/az", arguments: ["account", "get-access-token", "-o", "json", "--resource", "https://management.core.windows.net/"], environment: env, timeout: .seconds(30), cancellation: token)`.
    enum AzureSubprocess {
        struct Output: Sendable {
            var status: Int32
            var stdout: [UInt8]
            var stderr: [UInt8]
        }

        enum Failure: Error, Sendable {
            case spawnFailed(String)
            case timedOut
            case cancelled
            /// It wrote more than `maximumOutputBytes` to stdout or stderr.
            case outputTooLarge(Int)
        }

        /// Stdout and stderr are each read up to this many bytes (an access token's JSON is a few KB).
        static let maximumOutputBytes = 16 << 20

        /// The first executable file named `name` in the `PATH` list.
        static func find(_ name: String, path: String?) -> String? {
            if name.contains("/") { return access(name, X_OK) == 0 ? name : nil }
            for directory in (path ?? "/usr/local/bin:/usr/bin:/bin").split(separator: ":") where !directory.isEmpty {
                let candidate = "\(directory)/\(name)"
                if access(candidate, X_OK) == 0 { return candidate }
            }
            return nil
        }

        static func run(
            executable: String, arguments: [String], environment: [String: String], timeout: Duration,
            cancellation: Cancellation
        ) throws(Failure) -> Output {
            var outPipe: [Int32] = [0, 0]
            var errPipe: [Int32] = [0, 0]
            guard pipe(&outPipe) == 0 else { throw .spawnFailed(Errno.current.description) }
            guard pipe(&errPipe) == 0 else {
                close(outPipe[0])
                close(outPipe[1])
                throw .spawnFailed(Errno.current.description)
            }
            for fd in outPipe + errPipe { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
            var actions = posix_spawn_file_actions_t()
            posix_spawn_file_actions_init(&actions)
            defer { posix_spawn_file_actions_destroy(&actions) }
            posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
            posix_spawn_file_actions_adddup2(&actions, outPipe[1], 1)
            posix_spawn_file_actions_adddup2(&actions, errPipe[1], 2)
            let argv: [UnsafeMutablePointer<CChar>?] = ([executable] + arguments).map { strdup($0) } + [nil]
            let envp: [UnsafeMutablePointer<CChar>?] = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
            defer {
                for pointer in argv { free(pointer) }
                for pointer in envp { free(pointer) }
            }
            var pid: pid_t = 0
            let spawnStatus = posix_spawn(&pid, executable, &actions, nil, argv, envp)
            close(outPipe[1])
            close(errPipe[1])
            if spawnStatus != 0 {
                close(outPipe[0])
                close(errPipe[0])
                throw .spawnFailed(Errno(rawValue: spawnStatus).description)
            }
            var stdout: [UInt8] = []
            var stderr: [UInt8] = []
            var open = [outPipe[0], errPipe[0]]
            let deadline = MonotonicInstant.now + timeout
            var failure: Failure?
            var chunk = [UInt8](repeating: 0, count: 16_384)
            while !open.isEmpty {
                if cancellation.isCancelled {
                    failure = .cancelled
                    break
                }
                if MonotonicInstant.now > deadline {
                    failure = .timedOut
                    break
                }
                var descriptors = open.map { pollfd(fd: $0, events: Int16(POLLIN), revents: 0) }
                let ready = poll(&descriptors, nfds_t(descriptors.count), 50)
                if ready <= 0 { continue }
                for descriptor in descriptors where descriptor.revents != 0 {
                    // poll said ready, so this read does not wait and a signal cannot make it
                    // fail with EINTR; were it to, reading again is what the next round does.
                    let count =
                        (try? Syscall.retryingOnInterrupt {
                            chunk.withUnsafeMutableBytes { read(descriptor.fd, $0.baseAddress, $0.count) }
                        }) ?? -1
                    if count > 0 {
                        if descriptor.fd == outPipe[0] {
                            stdout += chunk[0..<count]
                        } else {
                            stderr += chunk[0..<count]
                        }
                        if stdout.count > maximumOutputBytes || stderr.count > maximumOutputBytes {
                            failure = .outputTooLarge(maximumOutputBytes)
                        }
                    } else {
                        close(descriptor.fd)
                        open.removeAll { $0 == descriptor.fd }
                    }
                }
                if failure != nil { break }
            }
            for fd in open { close(fd) }
            if failure != nil { kill(pid, SIGKILL) }
            var status: Int32 = 0
            _ = try? Syscall.retryingOnInterrupt { waitpid(pid, &status, 0) }
            if let failure { throw failure }
            let exitStatus = (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
            return Output(status: exitStatus, stdout: stdout, stderr: stderr)
        }
    }
#endif

import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Runs the built binary with a real pseudo-terminal as its controlling terminal (`/dev/tty`),
/// while stdin is a file (the JSON pipeline) and stdout/stderr are files: the child is started
/// with `setsid` and opens the pty's slave side without `O_NOCTTY`, which makes it the controlling
/// terminal (Linux). The parent answers each prompt on the pty's master side after it appears.
///
/// Example: `try PseudoTerminal.run(arguments: ["rg", "acct", "Key1", "-Confirm"], answers: ["N"], …)`.
enum PseudoTerminal {
    struct Result {
        /// Everything the child wrote to the terminal, with the line discipline's `\r\n` made `\n`
        /// (the answers appear in it through the terminal's echo).
        let transcript: String
        let stdout: String
        let stderr: String
        let status: Int32
    }

    enum Failure: Error {
        case setup(String)
        case timeout(String)
    }

    private typealias IntFunction = @convention(c) (Int32) -> Int32
    private typealias NameFunction = @convention(c) (Int32, UnsafeMutablePointer<CChar>?, Int) -> Int32

    /// `posix_openpt`, `grantpt`, `unlockpt` and `ptsname_r` are not in Swift's Glibc module
    /// (they need `_XOPEN_SOURCE`), so they are looked up at run time.
    private static func openMaster() throws -> (Int32, String) {
        let handle = dlopen(nil, RTLD_NOW)
        guard let openSymbol = dlsym(handle, "posix_openpt"), let grantSymbol = dlsym(handle, "grantpt"),
            let unlockSymbol = dlsym(handle, "unlockpt"), let nameSymbol = dlsym(handle, "ptsname_r")
        else { throw Failure.setup("pty functions not found") }
        let master = unsafeBitCast(openSymbol, to: IntFunction.self)(O_RDWR | O_NOCTTY)
        guard master >= 0, unsafeBitCast(grantSymbol, to: IntFunction.self)(master) == 0,
            unsafeBitCast(unlockSymbol, to: IntFunction.self)(master) == 0
        else { throw Failure.setup("posix_openpt failed") }
        var name = [CChar](repeating: 0, count: 256)
        guard unsafeBitCast(nameSymbol, to: NameFunction.self)(master, &name, name.count) == 0 else {
            throw Failure.setup("ptsname_r failed")
        }
        return (master, String(decoding: name.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self))
    }

    /// `promptEnd`: the text that ends every prompt; an answer is written after each occurrence.
    static func run(
        arguments: [String], stdin: String, environment: [String: String], answers: [String],
        promptEnd: String = "(default is \"Y\"): ", columns: UInt16 = 120, attachTerminal: Bool = true,
        stdoutOnTerminal: Bool = false, folder: String
    ) throws -> Result {
        let (master, slavePath) = try openMaster()
        defer { close(master) }
        var size = winsize(ws_row: 40, ws_col: columns, ws_xpixel: 0, ws_ypixel: 0)
        _ = ioctl(master, UInt(TIOCSWINSZ), &size)
        let inputPath = folder + "/pty-stdin.json"
        let outputPath = folder + "/pty-stdout.txt"
        let errorPath = folder + "/pty-stderr.txt"
        guard FileManager.default.createFile(atPath: inputPath, contents: Data(stdin.utf8)) else {
            throw Failure.setup("cannot write \(inputPath)")
        }

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        // After setsid, the first terminal opened without O_NOCTTY becomes the controlling one.
        if attachTerminal { posix_spawn_file_actions_addopen(&actions, 3, slavePath, O_RDWR, 0) }
        posix_spawn_file_actions_addopen(&actions, 0, inputPath, O_RDONLY, 0)
        // `stdoutOnTerminal`: stdout is the terminal too, and its output lands in the transcript.
        if stdoutOnTerminal {
            posix_spawn_file_actions_addopen(&actions, 1, slavePath, O_RDWR, 0)
        } else {
            posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        }
        posix_spawn_file_actions_addopen(&actions, 2, errorPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        if attachTerminal { posix_spawn_file_actions_addclose(&actions, 3) }
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        // glibc's POSIX_SPAWN_SETSID (spawn.h, __USE_GNU), not exported to Swift.
        posix_spawnattr_setflags(&attributes, Int16(0x80))

        let executable = Harness.executable
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0)=\($1)") } + [nil]
        defer {
            for pointer in argv { free(pointer) }
            for pointer in envp { free(pointer) }
        }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
        guard spawned == 0 else { throw Failure.setup("posix_spawn failed: \(spawned)") }

        var transcript: [UInt8] = []
        var pending = answers
        var answered = 0
        var buffer = [UInt8](repeating: 0, count: 4096)
        // A hang is killed after two minutes (far beyond the milliseconds a run takes, on a loaded machine too).
        let deadline = time(nil) + 120
        var exited = false
        var status: Int32 = 0
        while true {
            var descriptor = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
            let ready = poll(&descriptor, 1, 50)
            if ready > 0 && (descriptor.revents & Int16(POLLIN)) != 0 {
                let count = read(master, &buffer, buffer.count)
                if count > 0 {
                    transcript.append(contentsOf: buffer[0..<count])
                } else if exited {
                    break
                }
            } else if exited {
                break
            }
            let text = String(decoding: transcript, as: UTF8.self)
            if !pending.isEmpty, occurrences(of: promptEnd, in: text) > answered {
                answered += 1
                let answer = Array((pending.removeFirst() + "\n").utf8)
                _ = answer.withUnsafeBytes { write(master, $0.baseAddress, $0.count) }
            }
            if !exited, waitpid(pid, &status, WNOHANG) == pid { exited = true }
            if time(nil) > deadline {
                kill(pid, SIGKILL)
                _ = waitpid(pid, &status, 0)
                throw Failure.timeout(String(decoding: transcript, as: UTF8.self))
            }
        }
        let read = { (path: String) in (try? String(contentsOfFile: path, encoding: .utf8)) ?? "" }
        let exitStatus: Int32 = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        return Result(
            transcript: String(decoding: transcript, as: UTF8.self).replacingOccurrences(of: "\r\n", with: "\n"),
            stdout: read(outputPath), stderr: read(errorPath), status: exitStatus)
    }

    private static func occurrences(of needle: String, in text: String) -> Int {
        text.components(separatedBy: needle).count - 1
    }
}

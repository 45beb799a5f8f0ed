#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The few file operations AzShim needs, on POSIX calls directly (no Foundation), each
/// failure a `FileSystem.Failure` carrying the path and `strerror` text.
///
/// Example: `try FileSystem.replaceAtomically("/home/u/.local/state/azshim/emulator.json", with: bytes)`
/// writes a 0600 temporary file beside it, syncs it and renames it over the old one.
package enum FileSystem {
    package struct Failure: Error, Sendable, Equatable, CustomStringConvertible {
        package let operation: String
        package let path: String
        package let reason: String
        /// The `errno` of the failed call, 0 when the failure is not a system call's.
        package var code: Int32 = 0
        package var description: String { "Cannot \(operation) '\(path)': \(reason)." }

        package init(operation: String, path: String, reason: String, code: Int32 = 0) {
            self.operation = operation
            self.path = path
            self.reason = reason
            self.code = code
        }

        init(_ operation: String, _ path: String, errno code: Int32 = errno) {
            self.operation = operation
            self.path = path
            self.reason = Errno(rawValue: code).description
            self.code = code
        }

        init(_ operation: String, _ path: String, _ error: Errno) {
            self.init(operation, path, errno: error.rawValue)
        }
    }

    /// The whole file, or nil when it does not exist.
    package static func readIfExists(_ path: String) throws(Failure) -> [UInt8]? {
        do {
            return try read(path)
        } catch  where error.code == ENOENT {
            return nil
        }
    }

    /// The whole file; a file over `maximumBytes` is refused (context files, tokens, profiles
    /// are small, so a huge one is a mistake, not something to load), and so is one that has
    /// not ended within `timeout` (`readTimeout`, 10 s): a FIFO or pipe is read until its writer
    /// closes it (see `readUntilEnd`), so `-DefaultProfile <(cat ctx.json)` works and a FIFO
    /// that nobody writes ends the command with an error instead of hanging it.
    ///
    /// Example: `try FileSystem.read("/dev/fd/63", maximumBytes: 16 << 20)` reads what the
    /// shell's `<(…)` wrote; `mkfifo f; FileSystem.read("f")` throws after 10 s
    /// `Cannot read 'f': it did not end within 10 s (a FIFO or pipe is read until its writer closes it).`
    package static func read(
        _ path: String, maximumBytes: Int = .max, timeout: Duration = readTimeout,
        interruption: ReadInterruption = .signals
    ) throws(Failure) -> [UInt8] {
        // O_NONBLOCK: the open of a FIFO with no writer yet returns at once (it would block);
        // it does nothing to a regular file.
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        if descriptor < 0 { throw Failure("read", path) }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw Failure("read", path) }
        switch UInt32(status.st_mode) & UInt32(S_IFMT) {
        case UInt32(S_IFREG):
            if Int64(status.st_size) > Int64(clamping: maximumBytes) { throw tooLarge(path, maximumBytes) }
            return try readAll(descriptor, path: path, maximumBytes: maximumBytes)
        case UInt32(S_IFDIR):
            throw Failure("read", path, errno: EISDIR)
        default:
            // A FIFO, a pipe (`/dev/fd/N`), a terminal or another device: its bytes come when
            // something writes them, so every wait is bounded.
            return try readUntilEnd(
                descriptor, path: path, maximumBytes: maximumBytes, timeout: timeout, interruption: interruption)
        }
    }

    /// Everything left in the open file `descriptor` (`path` names it in failures).
    static func readAll(_ descriptor: Int32, path: String, maximumBytes: Int) throws(Failure) -> [UInt8] {
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let count: Int
            do {
                count = try Syscall.retryingOnInterrupt {
                    chunk.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
                }
            } catch {
                throw Failure("read", path, error)
            }
            if count == 0 { return bytes }
            bytes.append(contentsOf: chunk[0..<count])
            if bytes.count > maximumBytes { throw tooLarge(path, maximumBytes) }
        }
    }

    static func tooLarge(_ path: String, _ maximumBytes: Int) -> Failure {
        Failure(operation: "read", path: path, reason: "it is larger than \(maximumBytes) bytes")
    }

    /// Creates `path` and its missing parents with mode 0700.
    package static func makeDirectories(_ path: String) throws(Failure) {
        var prefix = path.hasPrefix("/") ? "" : "."
        for component in path.split(separator: "/") {
            prefix += "/" + component
            if mkdir(prefix, 0o700) != 0 && errno != EEXIST { throw Failure("create the folder", prefix) }
        }
    }

    /// Writes `bytes` to a new 0600 temporary file in the same folder, syncs it, and renames it
    /// over `path`, so readers see the old file or the new one, never a part. The temporary file
    /// is removed on any failure. `durable: false` skips the two `fsync`s (for a cache: after a
    /// power loss its file may be empty, and an empty file is an empty cache).
    package static func replaceAtomically(_ path: String, with bytes: [UInt8], durable: Bool = true) throws(Failure) {
        var random = SystemRandomNumberGenerator()
        let temporary = "\(path).tmp-\(getpid())-\(String(random.next() as UInt32, radix: 16))"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        if descriptor < 0 { throw Failure("create", temporary) }
        var failure: Failure?
        var written = 0
        while written < bytes.count && failure == nil {
            do {
                written += try Syscall.retryingOnInterrupt {
                    bytes[written...].withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
                }
            } catch {
                failure = Failure("write", temporary, error)
            }
        }
        if durable && failure == nil && fsync(descriptor) != 0 { failure = Failure("sync", temporary) }
        if close(descriptor) != 0 && failure == nil { failure = Failure("write", temporary) }
        if failure == nil && rename(temporary, path) != 0 { failure = Failure("replace", path) }
        if let failure {
            unlink(temporary)
            throw failure
        }
        if durable { syncDirectory(of: path) }
    }

    /// Removes the temporary files `replaceAtomically` left beside `path` when a process died
    /// between creating one and renaming it (`kill -9`, power loss). Call it only while holding
    /// the lock every writer of `path` holds: no live writer then has a temporary file, so every
    /// `<name>.tmp-*` found is stale. Failures are ignored (the next run tries again).
    ///
    /// Example: after `kill -9` mid-write, `emulator.json.tmp-4242-1f3a` is gone once the next
    /// `New-AzCognitiveServicesAccountKey` run has taken the lock.
    package static func removeStaleTemporaries(of path: String) {
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        let folder = parts.dropLast().joined(separator: "/")
        let prefix = (parts.last.map(String.init) ?? path) + ".tmp-"
        let directoryPath = folder.isEmpty ? (path.hasPrefix("/") ? "/" : ".") : folder
        guard let directory = opendir(directoryPath) else { return }
        var stale: [String] = []
        while let entry = readdir(directory) {
            var name = entry.pointee.d_name
            let capacity = MemoryLayout.size(ofValue: name)
            let entryName = withUnsafePointer(to: &name) {
                $0.withMemoryRebound(to: CChar.self, capacity: capacity) { String(cString: $0) }
            }
            if entryName.hasPrefix(prefix) { stale.append(directoryPath + "/" + entryName) }
        }
        closedir(directory)
        for file in stale { unlink(file) }
    }

    private static func syncDirectory(of path: String) {
        let folder = path.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/")
        let descriptor = open(folder.isEmpty ? "." : folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        fsync(descriptor)
        close(descriptor)
    }

    /// An exclusive advisory lock (`flock`) on `path` (created 0600 if missing), held until
    /// `unlock()` or until the process ends, whatever way it ends.
    package final class Lock {
        private var descriptor: Int32

        package init(path: String) throws(Failure) {
            let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
            if descriptor < 0 { throw Failure("open the lock file", path) }
            do {
                _ = try Syscall.retryingOnInterrupt { flock(descriptor, LOCK_EX) }
            } catch {
                close(descriptor)
                throw Failure("lock", path, error)
            }
            self.descriptor = descriptor
        }

        package func unlock() {
            if descriptor >= 0 { close(descriptor) }
            descriptor = -1
        }

        deinit { unlock() }
    }
}

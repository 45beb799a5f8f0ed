#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Files that only their owner may see (the token cache): read only when they are what AzShim
/// wrote, and changed only under a lock.
extension FileSystem {
    /// Why a file that must be private to this user was not read, as data.
    ///
    /// Example: after `ln -s /tmp/x ~/.cache/azshim/tokens.json`, reading it gives
    /// `.symbolicLink`, whose `reason` is `"it is a symbolic link"`.
    package enum PrivateFileProblem: Error, Sendable, Equatable {
        case symbolicLink
        case notRegularFile
        /// Owned by another user (the owner's uid).
        case wrongOwner(UInt32)
        /// Group or others may read or write it (the permission bits, e.g. `0o644`).
        case wrongMode(UInt32)
        case failure(Failure)

        package var reason: String {
            switch self {
            case .symbolicLink: "it is a symbolic link"
            case .notRegularFile: "it is not a regular file"
            case .wrongOwner(let uid): "it belongs to another user (uid \(uid))"
            case .wrongMode(let mode): "its mode is \(Self.octal(mode)), not 0600"
            case .failure(let failure): failure.description
            }
        }

        static func octal(_ mode: UInt32) -> String { "0" + String(mode & 0o7777, radix: 8) }
    }

    /// The whole of `path` when it is a regular file of this user that group and others cannot
    /// touch (mode 0600 or stricter) and not a symbolic link; nil when it does not exist.
    ///
    /// Example: `try FileSystem.readPrivate("/home/u/.cache/azshim/tokens.json", maximumBytes: 4 << 20)`.
    package static func readPrivate(_ path: String, maximumBytes: Int) throws(PrivateFileProblem) -> [UInt8]? {
        // O_NOFOLLOW: a link is refused by the open itself, with no window between a check and
        // the open; O_NONBLOCK: a FIFO planted there does not hang the command.
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK)
        if descriptor < 0 {
            let code = errno
            if code == ENOENT { return nil }
            if code == ELOOP { throw .symbolicLink }
            throw .failure(Failure("read", path, errno: code))
        }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw .failure(Failure("read", path)) }
        try checkPrivate(status, directory: false)
        do {
            return try readAll(descriptor, path: path, maximumBytes: maximumBytes)
        } catch {
            throw .failure(error)
        }
    }

    /// Why the folder `path` cannot hold private files (a link, not a folder, another user's,
    /// or open to others' writes), or nil when it can or does not exist yet.
    package static func privateFolderProblem(_ path: String) -> PrivateFileProblem? {
        var status = stat()
        guard lstat(path, &status) == 0 else {
            return errno == ENOENT ? nil : .failure(Failure("use the folder", path))
        }
        do {
            try checkPrivate(status, directory: true)
            return nil
        } catch {
            return error
        }
    }

    /// True when `path` is a folder (or a link to one).
    package static func isDirectory(_ path: String) -> Bool {
        var status = stat()
        return stat(path, &status) == 0 && UInt32(status.st_mode) & UInt32(S_IFMT) == UInt32(S_IFDIR)
    }

    private static func checkPrivate(_ status: stat, directory: Bool) throws(PrivateFileProblem) {
        let type = UInt32(status.st_mode) & UInt32(S_IFMT)
        if type == UInt32(S_IFLNK) { throw .symbolicLink }
        if type != UInt32(directory ? S_IFDIR : S_IFREG) { throw .notRegularFile }
        if UInt32(status.st_uid) != UInt32(geteuid()) { throw .wrongOwner(UInt32(status.st_uid)) }
        // A file: nobody else may read it. A folder: nobody else may change what is in it.
        let forbidden: UInt32 = directory ? 0o022 : 0o077
        if UInt32(status.st_mode) & forbidden != 0 { throw .wrongMode(UInt32(status.st_mode) & 0o7777) }
    }

    /// Runs `body` holding the exclusive lock `<path>.lock`, after creating the missing folders
    /// of `path` (mode 0700) and removing temporary files that writers killed mid-write left:
    /// the read-change-replace cycle of every shared state file (the emulator's accounts, the
    /// token cache). `failure` turns a failure to create the folder or take the lock into `E`.
    ///
    /// Example: `try FileSystem.whileLocked(path, failure: MyError.fileSystem) { () throws(MyError) in
    /// … try FileSystem.replaceAtomically(path, with: bytes) … }`.
    package static func whileLocked<Result, E: Error>(
        _ path: String, failure: (Failure) -> E, _ body: () throws(E) -> Result
    ) throws(E) -> Result {
        let folder = path.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/")
        let lock: Lock
        do {
            if !folder.isEmpty { try makeDirectories(folder) }
            lock = try Lock(path: path + ".lock")
        } catch {
            throw failure(error)
        }
        defer { lock.unlock() }
        // A writer killed mid-write leaves its temporary file; under the lock, none is live.
        removeStaleTemporaries(of: path)
        return try body()
    }
}

import AzShimSupport

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension HostIO {
    /// The real process: file descriptors 0, 1, 2, `/dev/tty`, and `environ` (read when asked).
    package static func process() -> HostIO {
        var size = winsize()
        let columns = ioctl(1, UInt(TIOCGWINSZ), &size) == 0 && size.ws_col > 0 ? Int(size.ws_col) : nil
        let stdinIsTerminal = isatty(0) == 1
        var io = HostIO(
            environment: [:],
            standardInput: FileDescriptorByteSource.standardInput,
            standardInputIsTerminal: stdinIsTerminal,
            standardOutput: FileDescriptorSink(descriptor: 1),
            standardOutputIsTerminal: isatty(1) == 1,
            standardError: FileDescriptorSink(descriptor: 2),
            standardErrorIsTerminal: isatty(2) == 1,
            terminal: ControllingTerminal(),
            terminalColumns: columns
        )
        io.environmentSource = .process
        var status = stat()
        if !stdinIsTerminal, fstat(0, &status) == 0,
            [S_IFIFO, S_IFSOCK].contains(status.st_mode & S_IFMT)
        {
            io.standardInputWait = { limit in
                let milliseconds =
                    limit.components.seconds * 1000 + limit.components.attoseconds / 1_000_000_000_000_000
                var descriptor = pollfd(fd: 0, events: Int16(POLLIN), revents: 0)
                // EINTR (a signal) counts as ready: the reader then sees the signal and stops.
                return poll(&descriptor, 1, Int32(clamping: milliseconds)) != 0
            }
        }
        return io
    }

    /// Every variable of `environ`, name → value, as `String(cString:)` of each `NAME=value` entry
    /// cut at its first `=` gives them (entries without `=` are left out; a later duplicate wins).
    static func decodedProcessEnvironment() -> [String: String] {
        // Sized once for every entry: growing a dictionary rehashes every key at each doubling.
        var count = 0
        while environ[count] != nil { count += 1 }
        var environment = [String: String](minimumCapacity: count)
        forEachProcessVariable { name, value in
            environment[String(decoding: name, as: UTF8.self)] = String(decoding: value, as: UTF8.self)
        }
        return environment
    }

    /// `decodedProcessEnvironment()[name]`, decoding only the value found: each entry is compared
    /// with `strncmp` (a `NAME=` prefix), which stops at the first differing byte. When a name is
    /// not plain ASCII (in `name` or in any entry: a KELVIN SIGN is canonically equal to `K`, and
    /// invalid UTF-8 is repaired before comparing), the whole table is decoded and asked instead,
    /// so the answer is always the dictionary's (a later duplicate wins).
    static func processEnvironmentValue(_ name: String) -> String? {
        var key = name
        let found = key.withUTF8 { bytes -> String?? in
            // nil: not a plain ASCII name; ask the decoded table.
            guard processEnvironmentNamesAreASCII, !bytes.isEmpty, let start = bytes.baseAddress,
                bytes.allSatisfy({ $0 > 0 && $0 < 0x80 })
            else { return nil }
            return start.withMemoryRebound(to: CChar.self, capacity: bytes.count) { key in
                var found: String?
                var entry = environ
                while let pointer = entry.pointee {
                    // The first byte alone rules out most entries without a call.
                    if pointer[0] == key[0] && strncmp(pointer, key, bytes.count) == 0
                        && pointer[bytes.count] == CChar(UInt8(ascii: "="))
                    {
                        found = String(cString: pointer + bytes.count + 1)
                    }
                    entry += 1
                }
                return .some(found)
            }
        }
        return found ?? decodedProcessEnvironment()[name]
    }

    /// Whether every entry's name (the bytes before its first `=`) is ASCII without NUL, checked
    /// once: the environment does not change while AzShim runs (it never sets a variable).
    private static let processEnvironmentNamesAreASCII: Bool = {
        var entry = environ
        while let pointer = entry.pointee {
            var byte = pointer
            while byte.pointee != 0 && byte.pointee != CChar(UInt8(ascii: "=")) {
                if UInt8(bitPattern: byte.pointee) >= 0x80 { return false }
                byte += 1
            }
            entry += 1
        }
        return true
    }()

    /// Calls `body` with the name and value bytes of each `NAME=value` entry of `environ`, cut at
    /// the first `=` byte (`=` is ASCII, so repairing invalid UTF-8 in each part gives what
    /// `String(cString:)` of the whole entry gives); entries without `=` are skipped. Read at each
    /// call: AzShim never sets a variable, so every read sees the environment the process started with.
    private static func forEachProcessVariable(
        _ body: (_ name: Slice<UnsafeBufferPointer<UInt8>>, _ value: Slice<UnsafeBufferPointer<UInt8>>) -> Void
    ) {
        var entry = environ
        while let pointer = entry.pointee {
            let length = strlen(pointer)
            pointer.withMemoryRebound(to: UInt8.self, capacity: length) { start in
                let bytes = UnsafeBufferPointer(start: start, count: length)
                guard let equals = bytes.firstIndex(of: UInt8(ascii: "=")) else { return }
                body(bytes[..<equals], bytes[(equals + 1)...])
            }
            entry += 1
        }
    }
}

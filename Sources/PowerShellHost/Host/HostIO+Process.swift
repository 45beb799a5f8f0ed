import AzShimSupport

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension HostIO {
    /// The real process: file descriptors 0, 1, 2, `/dev/tty`, and `environ`.
    package static func process() -> HostIO {
        // Sized once for every entry: growing a dictionary rehashes every key at each doubling.
        var count = 0
        while environ[count] != nil { count += 1 }
        var environment = [String: String](minimumCapacity: count)
        var entry = environ
        while let pointer = entry.pointee {
            // The name and the value decoded straight from the bytes, cut at the first `=` byte. `=`
            // is ASCII, so repairing invalid UTF-8 in each part gives what `String(cString:)` of the
            // whole entry gives, without building that String first.
            let length = strlen(pointer)
            pointer.withMemoryRebound(to: UInt8.self, capacity: length) { start in
                let bytes = UnsafeBufferPointer(start: start, count: length)
                guard let equals = bytes.firstIndex(of: UInt8(ascii: "=")) else { return }
                environment[String(decoding: bytes[..<equals], as: UTF8.self)] = String(
                    decoding: bytes[(equals + 1)...], as: UTF8.self)
            }
            entry += 1
        }
        var size = winsize()
        let columns = ioctl(1, UInt(TIOCGWINSZ), &size) == 0 && size.ws_col > 0 ? Int(size.ws_col) : nil
        let stdinIsTerminal = isatty(0) == 1
        var io = HostIO(
            environment: environment,
            standardInput: FileDescriptorByteSource.standardInput,
            standardInputIsTerminal: stdinIsTerminal,
            standardOutput: FileDescriptorSink(descriptor: 1),
            standardOutputIsTerminal: isatty(1) == 1,
            standardError: FileDescriptorSink(descriptor: 2),
            standardErrorIsTerminal: isatty(2) == 1,
            terminal: ControllingTerminal(),
            terminalColumns: columns
        )
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
}

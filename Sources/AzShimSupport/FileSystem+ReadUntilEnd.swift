#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reading a named file whose bytes come from another program (a FIFO, the pipe behind a
/// shell's `<(…)`, a terminal), with a deadline for the whole file.
extension FileSystem {
    /// How long reading one named file may take in all: 10 s. A file on disk takes
    /// microseconds; a producer behind `<(…)` (`cat`, `jq`, a secret store's CLI printing a
    /// certificate or a token file) has ended well before that, while a FIFO nobody writes, or a
    /// writer that never closes it, ends the command with an error that names the file before a
    /// user would think it hung. It bounds the whole file, not each read, so a writer that
    /// trickles bytes cannot stretch it.
    package static let readTimeout: Duration = .seconds(10)

    /// Reads the open non-blocking `descriptor` (a FIFO, pipe, socket or device) until its end,
    /// waiting in `poll` for input at most until `timeout` has passed since the call.
    ///
    /// Linux's FIFO rules decide the shape. A FIFO opened `O_RDONLY | O_NONBLOCK` while no
    /// writer has it open yet reads 0 bytes, which looks like its end, and `poll` reports
    /// nothing (not even `POLLHUP`) until a writer has come; so nothing is read before `poll`
    /// reports the descriptor: "no writer yet" is waited for, as a blocking `cat` would, and
    /// ends in the timeout. Once a writer came, `POLLHUP` after it closed, then a read of 0,
    /// is the end. `EAGAIN` (a writer holds it open but wrote nothing more) goes back to `poll`.
    /// A signal (EINTR) re-checks the deadline; SIGINT or SIGTERM (`interruption`) ends the
    /// read with "Interrupted system call". The size bound holds as bytes arrive.
    ///
    /// Example: `mkfifo f; (sleep 1; echo hi) > f &` then `readUntilEnd` on `open("f", O_RDONLY | O_NONBLOCK)`
    /// returns `hi\n` after about a second; with no writer it throws the timeout after `timeout`.
    static func readUntilEnd(
        _ descriptor: Int32, path: String, maximumBytes: Int, timeout: Duration, interruption: ReadInterruption
    ) throws(Failure) -> [UInt8] {
        let deadline = MonotonicInstant.now + timeout
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let remaining = deadline - MonotonicInstant.now
            if remaining <= .zero { throw timedOut(path, timeout) }
            if interruption.isRaised() { throw Failure("read", path, errno: EINTR) }
            var descriptors = [pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)]
            if let wake = interruption.wakeDescriptor() {
                descriptors.append(pollfd(fd: wake, events: Int16(POLLIN), revents: 0))
            }
            let ready = poll(&descriptors, nfds_t(descriptors.count), remaining.pollMilliseconds)
            if ready < 0 {
                if errno == EINTR { continue }
                throw Failure("read", path)
            }
            if interruption.isRaised() { throw Failure("read", path, errno: EINTR) }
            // Nothing yet (or only a spurious wake): wait again for what is left.
            if descriptors[0].revents == 0 { continue }
            // Input, the writer's end, or an error: read until the pipe is empty.
            while true {
                let count = chunk.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
                if count == 0 { return bytes }
                if count > 0 {
                    bytes.append(contentsOf: chunk[0..<count])
                    if bytes.count > maximumBytes { throw tooLarge(path, maximumBytes) }
                    continue
                }
                let error = Errno.current
                if error == .interrupted { continue }
                if error == .resourceTemporarilyUnavailable || error == .wouldBlock { break }
                throw Failure("read", path, error)
            }
        }
    }

    /// The failure when `path` has not ended within `timeout`, with `ETIMEDOUT` as its code.
    ///
    /// Example: `Cannot read '/tmp/f': it did not end within 10 s (a FIFO or pipe is read until its writer closes it).`
    static func timedOut(_ path: String, _ timeout: Duration) -> Failure {
        Failure(
            operation: "read", path: path,
            reason:
                "it did not end within \(SecondsText.format(timeout.inSeconds)) s (a FIFO or pipe is read until its writer closes it)",
            code: ETIMEDOUT)
    }
}

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A buffered sink over a file descriptor. A write that fails with EPIPE marks it closed;
/// later writes are dropped, so a closed pipe ends the command quietly.
package final class FileDescriptorSink: TextSink {
    private let descriptor: Int32
    /// `storage[0..<filled]` waits to be written. A raw buffer rather than an array: a write of
    /// a few bytes (every piece of every What-if line) is then a copy, without the exclusivity
    /// checks and uniqueness tests of appending to an array held by a class.
    private let storage: UnsafeMutableRawBufferPointer
    /// Exclusivity is not checked at run time on these two: no access to them overlaps another
    /// (no method hands them out `inout`), and the check was a third of a short write's cost.
    @exclusivity(unchecked) private var filled = 0
    @exclusivity(unchecked) package private(set) var isClosed = false

    /// Bytes held before a write to the descriptor.
    private static var capacity: Int { 1 << 16 }

    package init(descriptor: Int32) {
        self.descriptor = descriptor
        self.storage = .allocate(byteCount: Self.capacity, alignment: 1)
    }

    package func write(_ text: String) {
        guard !isClosed else { return }
        var text = text
        text.withUTF8 { append($0) }
    }

    package func write(utf8 bytes: UnsafeBufferPointer<UInt8>) {
        guard !isClosed else { return }
        append(bytes)
    }

    /// Copies `bytes` into the buffer, flushing first when they do not fit; the fill level is
    /// read and written once (a local in between), not at each step, so the hot path of the
    /// What-if lines pays one exclusivity check for it rather than several.
    private func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        let count = bytes.count
        var used = filled
        if count > Self.capacity - used {
            flush()
            used = 0
            if count >= Self.capacity {
                writeOut(UnsafeRawBufferPointer(bytes))
                return
            }
        }
        if let source = bytes.baseAddress, let buffer = storage.baseAddress {
            (buffer + used).copyMemory(from: source, byteCount: count)
        }
        used += count
        filled = used
        if used >= Self.capacity { flush() }
    }

    package func flush() {
        guard filled > 0 else { return }
        writeOut(UnsafeRawBufferPointer(rebasing: storage[0..<filled]))
        filled = 0
    }

    /// Writes all of `bytes` unless the descriptor fails (EPIPE and the like close the sink).
    private func writeOut(_ bytes: UnsafeRawBufferPointer) {
        var offset = 0
        while offset < bytes.count && !isClosed {
            let count = Glibc.write(descriptor, bytes.baseAddress.map { $0 + offset }, bytes.count - offset)
            if count < 0 {
                if errno == EINTR || errno == EAGAIN { continue }
                isClosed = true
            } else {
                offset += count
            }
        }
    }

    deinit {
        flush()
        storage.deallocate()
    }
}

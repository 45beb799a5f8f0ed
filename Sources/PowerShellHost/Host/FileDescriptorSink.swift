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
    private var filled = 0
    package private(set) var isClosed = false

    /// Bytes held before a write to the descriptor.
    private static var capacity: Int { 1 << 16 }

    package init(descriptor: Int32) {
        self.descriptor = descriptor
        self.storage = .allocate(byteCount: Self.capacity, alignment: 1)
    }

    package func write(_ text: String) {
        guard !isClosed else { return }
        var text = text
        text.withUTF8 { bytes in
            if bytes.count > storage.count - filled {
                flush()
                if bytes.count >= storage.count {
                    writeOut(UnsafeRawBufferPointer(bytes))
                    return
                }
            }
            UnsafeMutableRawBufferPointer(rebasing: storage[filled...]).copyMemory(from: UnsafeRawBufferPointer(bytes))
            filled += bytes.count
        }
        if filled >= Self.capacity { flush() }
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

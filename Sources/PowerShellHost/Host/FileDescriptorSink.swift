#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A buffered sink over a file descriptor. A write that fails with EPIPE marks it closed;
/// later writes are dropped, so a closed pipe ends the command quietly.
package final class FileDescriptorSink: TextSink {
    private let descriptor: Int32
    private var buffer: [UInt8] = []
    package private(set) var isClosed = false

    package init(descriptor: Int32) {
        self.descriptor = descriptor
    }

    package func write(_ text: String) {
        guard !isClosed else { return }
        var text = text
        text.withUTF8 { buffer.append(contentsOf: $0) }
        if buffer.count >= 1 << 16 { flush() }
    }

    package func flush() {
        var offset = 0
        while offset < buffer.count && !isClosed {
            let count = buffer[offset...].withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR || errno == EAGAIN { continue }
                isClosed = true
            } else {
                offset += count
            }
        }
        buffer.removeAll(keepingCapacity: true)
    }

    deinit { flush() }
}

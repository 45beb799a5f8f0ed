/// Where the host writes text: stdout, stderr, or memory in tests.
///
/// Example: `FileDescriptorSink.standardOutput.write("Key1 …\n")`.
package protocol TextSink: AnyObject {
    func write(_ text: String)
    /// Writes text given as its UTF-8 bytes (valid UTF-8), as `write(_:)` would write it.
    func write(utf8 bytes: UnsafeBufferPointer<UInt8>)
    func flush()
    /// True once a write failed because the reader went away (`| head -1`): stop quietly.
    var isClosed: Bool { get }
}

extension TextSink {
    package func write(utf8 bytes: UnsafeBufferPointer<UInt8>) {
        write(String(decoding: bytes, as: UTF8.self))
    }
}

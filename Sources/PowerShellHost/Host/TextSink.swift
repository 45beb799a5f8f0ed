/// Where the host writes text: stdout, stderr, or memory in tests.
///
/// Example: `FileDescriptorSink.standardOutput.write("Key1 …\n")`.
package protocol TextSink: AnyObject {
    func write(_ text: String)
    func flush()
    /// True once a write failed because the reader went away (`| head -1`): stop quietly.
    var isClosed: Bool { get }
}

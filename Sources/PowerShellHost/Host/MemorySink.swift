/// A sink that keeps everything written, for tests.
public final class MemorySink: TextSink {
    public private(set) var text = ""
    public var isClosed = false
    public init() {}
    public func write(_ text: String) { if !isClosed { self.text += text } }
    public func flush() {}
}

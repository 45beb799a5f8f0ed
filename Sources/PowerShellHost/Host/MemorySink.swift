/// A sink that keeps everything written, for tests.
package final class MemorySink: TextSink {
    package private(set) var text = ""
    package var isClosed = false
    package init() {}
    package func write(_ text: String) { if !isClosed { self.text += text } }
    package func flush() {}
}

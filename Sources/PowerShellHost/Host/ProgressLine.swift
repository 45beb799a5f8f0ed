import AzShimSupport

/// A one-line progress display on a terminal's stderr, in the spirit of `Write-Progress`:
/// how many input objects are done and which one is current, redrawn at most ten times a
/// second, and erased before any other stderr line and at the end.
///
/// Example: `New-AzCognitiveServicesAccountKey: 1200 objects processed; current: rg/myluis`.
final class ProgressLine: TextSink {
    private let base: any TextSink
    private let activity: String
    private var shown = false
    private var lastDraw: MonotonicInstant?

    init(wrapping base: any TextSink, activity: String) {
        self.base = base
        self.activity = activity
    }

    var isClosed: Bool { base.isClosed }

    func write(_ text: String) {
        clear()
        base.write(text)
    }

    func flush() { base.flush() }

    func update(done: Int, current: String) {
        let now = MonotonicInstant.now
        if let lastDraw, now - lastDraw < .milliseconds(100) { return }
        lastDraw = now
        base.write(
            "\r\u{1B}[K\(activity): \(done) objects processed; current: \(TerminalText.escapingControls(current))")
        base.flush()
        shown = true
    }

    func clear() {
        guard shown else { return }
        base.write("\r\u{1B}[K")
        base.flush()
        shown = false
    }
}

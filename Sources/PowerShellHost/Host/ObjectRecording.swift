import AzShimSupport
import Synchronization

/// What one input object wrote while a worker of the parallel pipeline ran the cmdlet for it:
/// output objects, error records, stream lines and What-if lines, in the order written. The
/// commit stage replays it into the real `CommandRuntime` in input order, where the
/// preferences (`-ErrorAction`, `-WarningAction`, …) apply exactly as they do sequentially.
///
/// The worker runs the cmdlet with a runtime in recording mode (`CommandRuntime.recordingRuntime(into:)`)
/// made for this object alone; that runtime's writes land here. It is `Sendable` because its
/// mutable state is behind a `Mutex` (the worker appends, the commit stage takes) and the stop
/// flag is atomic.
///
/// Example: with `--throttle-limit 16`, the 17th input object's `ApiKeys` is recorded as
/// `.object(…)` and printed only after objects 1 to 16 have been printed.
final class ObjectRecording: Sendable {
    enum Entry: Sendable, Equatable {
        case object(PSObject)
        case error(ErrorRecord)
        case warning(String)
        case verbose(String)
        case debug(String)
        /// A line that is not a stream record (What-if).
        case hostLine(String)
    }

    /// Set once the command is stopping (`-ErrorAction Stop`, a closed stdout): objects not yet
    /// started then skip their work, as the cmdlet sees `runtime.isStopping`.
    final class StopFlag: Sendable {
        private let flag = Atomic<Bool>(false)
        init() {}
        var isSet: Bool { flag.load(ordering: .acquiring) }
        func set() { flag.store(true, ordering: .releasing) }
    }

    private struct State {
        var entries: [Entry] = []
        var done = false
    }

    private let state: Mutex<State>
    let stop: StopFlag
    /// The object's pipeline-bound values (`rg/myluis`), for the progress line.
    let summary: String
    /// The input object itself, kept only for `--include-input` (replayed as `"Input"`).
    let input: JSONValue?

    init(stop: StopFlag, summary: String, input: JSONValue? = nil, entries: [Entry] = [], done: Bool = false) {
        self.stop = stop
        self.summary = summary
        self.input = input
        self.state = Mutex(State(entries: entries, done: done))
    }

    func append(_ entry: Entry) {
        state.withLock { $0.entries.append(entry) }
    }

    /// The cmdlet has returned for this object.
    func markDone() {
        state.withLock { $0.done = true }
    }

    var isDone: Bool { state.withLock { $0.done } }

    /// The entries, handed over once (the commit stage calls it after `isDone`).
    func takeEntries() -> [Entry] {
        state.withLock { state in
            defer { state.entries = [] }
            return state.entries
        }
    }

    /// What the cmdlet sees as `runtime.isStopping` while this object runs.
    var isStopping: Bool { stop.isSet || SignalState.interrupted }
}

import AzShimSupport

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// What a running cmdlet writes to: output objects, errors, warnings, verbose and debug
/// lines, and ShouldProcess. It applies the preferences (`MshCommandRuntime`), keeps stdout for
/// objects only and everything else on stderr, and remembers whether any error record was written.
///
/// Example: `runtime.writeWarning("Az would have regenerated …")` prints
/// `WARNING: Az would have regenerated …` on stderr (yellow on a terminal).
///
/// The parallel pipeline (`--throttle-limit N`) hands each object's `process` its own runtime in
/// recording mode (`recordingRuntime(into:)`): every write lands in that object's `ObjectRecording`,
/// and the commit stage replays it into the host runtime in input order.
package final class CommandRuntime {
    package let metadata: CommandMetadata
    package let preferences: Preferences
    let io: HostIO
    let objects: ObjectWriter
    let confirmation: ShouldProcessConfirmation
    /// Recording mode: where every write goes instead of stdout/stderr (nil: the host runtime).
    private let recording: ObjectRecording?
    /// Recording mode: the host's remembered ShouldProcess answer ("Yes to All", "No to All")
    /// when the object was handed out. The host's confirmation changes only while no worker
    /// runs (an object that may prompt runs alone, after everything before it is committed).
    private let confirmationSnapshot: ContinueStatus
    /// True once any error record was written, even a hidden one: the exit status is then 1.
    package private(set) var hadErrors = false
    /// True once the command must stop before the next input object (`-ErrorAction Stop`,
    /// a Halt answer, closed stdout, or a signal).
    package var isStopping: Bool {
        if let recording { return recording.isStopping }
        return stopRequested || io.standardOutput.isClosed || SignalState.interrupted
    }
    private var stopRequested = false
    // `lastErrorContinueStatus`, `lastWarningContinueStatus`, … : one per stream.
    private var errorStatus = ContinueStatus.yes
    private var warningStatus = ContinueStatus.yes
    private var verboseStatus = ContinueStatus.yes
    private var debugStatus = ContinueStatus.yes
    /// When the What-if lines in stderr's buffer must be written out: `holdLimit` after the
    /// oldest of them (nil: none waits). Checking it compares two integers. Not checked for
    /// exclusivity at run time: read once per What-if line, never handed out `inout` (the check
    /// cost as much as reading the clock).
    @exclusivity(unchecked) private var heldUntil: MonotonicInstant?
    /// How long a What-if line may wait in the buffer while more lines keep coming.
    static let holdLimit = Duration.milliseconds(50)
    /// `--include-input`: the pipeline keeps each input object in `pipelineInput` while it runs.
    var includesInput = false
    /// The pipeline object whose output is being written (only with `includesInput`); a JSON
    /// output object then starts with it as `"Input"`.
    var pipelineInput: JSONValue?

    init(metadata: CommandMetadata, preferences: Preferences, io: HostIO, format: OutputFormat?) {
        self.metadata = metadata
        self.preferences = preferences
        self.io = io
        let width = io.standardOutputIsTerminal ? io.consoleWidth.map { $0 - 1 } : nil
        self.objects = ObjectWriter(
            format: format, sink: io.standardOutput, maximumWidth: width, escapesControls: io.standardOutputIsTerminal)
        self.confirmation = ShouldProcessConfirmation()
        self.recording = nil
        self.confirmationSnapshot = .yes
    }

    private init(recordingFor host: CommandRuntime, into recording: ObjectRecording) {
        self.metadata = host.metadata
        self.preferences = host.preferences
        self.io = host.io
        self.objects = host.objects
        self.confirmation = ShouldProcessConfirmation()
        self.recording = recording
        self.confirmationSnapshot = host.confirmation.status
    }

    /// A runtime for one input object run by a pipeline worker: its writes are appended to
    /// `recording`, its `isStopping` is the recording's, and ShouldProcess decides without a
    /// prompt from the preferences and the host's remembered answer as they are now. Made on the
    /// pipeline's thread; afterwards it belongs to the worker alone (it never touches stdout,
    /// stderr or the host's state).
    ///
    /// Example: with `--throttle-limit 8`, object 9's `writeObject(keys)` through
    /// `runtime.recordingRuntime(into: recording9)` becomes `.object(keys)` in `recording9`.
    func recordingRuntime(into recording: ObjectRecording) -> CommandRuntime {
        CommandRuntime(recordingFor: self, into: recording)
    }

    package var environment: [String: String] { io.environment }

    package func writeObject(_ object: PSObject) {
        if let recording { return recording.append(.object(object)) }
        guard !stopRequested else { return }
        flushHeldLines()
        objects.write(object, input: pipelineInput)
    }

    /// Writes a non-terminating error as `-ErrorAction` says (`_WriteErrorSkipAllowCheck`):
    /// Continue shows it; SilentlyContinue and Ignore hide it; Stop shows it and ends the command
    /// (the `ActionPreferenceStopException` carries the original record, which is what ConciseView
    /// shows); Inquire asks first and shows it after Yes, or stops on Halt. The exit status
    /// becomes 1 in every case, as `$?` becomes false.
    package func writeError(_ record: ErrorRecord) {
        if let recording { return recording.append(.error(record)) }
        guard !stopRequested else { return }
        hadErrors = true
        let preference = errorStatus == .yesToAll ? .continue : preferences.error
        switch preference {
        case .silentlyContinue, .ignore: return
        case .stop:
            showError(record)
            stopRequested = true
        case .inquire:
            if let answer = inquire(record.message) {
                errorStatus = answer
                showError(record)
            }
        default:
            showError(record)
        }
    }

    /// Shows an error that ends the command (a binding error, a failed BeginProcessing).
    /// `reason` replaces the command name as ConciseView's reason for an error that is not about
    /// the command (`MetadataError: …` for a preference variable that does not convert).
    func writeTerminatingError(_ record: ErrorRecord, reason: String? = nil) {
        hadErrors = true
        showError(record, reason: reason)
        stopRequested = true
    }

    private func showError(_ record: ErrorRecord, reason: String? = nil) {
        io.standardOutput.flush()
        let colour = io.colourAllowed(isTerminal: io.standardErrorIsTerminal)
        io.standardError.write(ErrorView.concise(commandName: reason ?? metadata.name, record, colour: colour))
        io.standardError.flush()
        heldUntil = nil
    }

    /// `WARNING: text` as `$WarningPreference`/`-WarningAction` says.
    package func writeWarning(_ text: String) {
        if let recording { return recording.append(.warning(text)) }
        writeRecord(
            text, prefix: "WARNING: ", preference: preferences.warning, variable: "WarningPreference",
            status: &warningStatus)
    }

    /// `VERBOSE: text` as `$VerbosePreference`/`-Verbose` says.
    package func writeVerbose(_ text: String) {
        if let recording { return recording.append(.verbose(text)) }
        writeRecord(
            text, prefix: "VERBOSE: ", preference: preferences.verbose, variable: "VerbosePreference",
            status: &verboseStatus)
    }

    /// `DEBUG: text` as `$DebugPreference`/`-Debug` says.
    package func writeDebug(_ text: String) {
        if let recording { return recording.append(.debug(text)) }
        writeRecord(
            text, prefix: "DEBUG: ", preference: preferences.debug, variable: "DebugPreference", status: &debugStatus)
    }

    /// `WriteHelper_ShouldWrite` then `WriteHelper`: the line is shown for Continue, Stop, Inquire
    /// and Break; then Stop ends the command with `ErrorPreferenceStop`, and Inquire asks
    /// `Continue with this operation?` (Yes, Yes to All, Halt Command, Suspend).
    private func writeRecord(
        _ text: String, prefix: String, preference: ActionPreference, variable: String, status: inout ContinueStatus
    ) {
        guard !stopRequested else { return }
        switch status {
        case .yesToAll:
            writeStream(prefix, text)
            return
        case .noToAll:
            return
        default: break
        }
        if preference.isShown { writeStream(prefix, text) }
        switch preference {
        case .stop:
            writeTerminatingError(
                ErrorRecord(
                    message: Self.preferenceStop(variable: variable, message: text), errorId: "ActionPreferenceStop",
                    category: .operationStopped))
        case .inquire:
            if let answer = inquire("") { status = answer }
        default: break
        }
    }

    /// `CommandBaseStrings.ErrorPreferenceStop`.
    static func preferenceStop(variable: String, message: String) -> String {
        "The running command stopped because the preference variable \"\(variable)\" or common parameter is set to Stop: \(message)"
    }

    /// `CommandBaseStrings.InquireHalt`.
    static let inquireHalt = ErrorRecord(
        message: "The running command stopped because the user selected the Stop option.",
        errorId: "ActionPreferenceStop", category: .operationStopped)

    /// The Inquire prompt (Yes, Yes to All, Halt Command, Suspend; `message` empty asks
    /// `Continue with this operation?`). Returns the answer, or ends the command and returns nil on
    /// Halt, without a terminal, or when the terminal ends.
    private func inquire(_ message: String) -> ContinueStatus? {
        switch ask(Inquiry(message: message)) {
        case .answered(let answer): return answer
        case .halted: writeTerminatingError(Self.inquireHalt)
        case .notInteractive: writeTerminatingError(ShouldProcessConfirmation.nonInteractive)
        case .canceled: writeTerminatingError(ShouldProcessConfirmation.canceled)
        }
        return nil
    }

    /// Asks on the terminal, after flushing what was written so far.
    func ask(_ inquiry: Inquiry) -> Inquiry.Outcome {
        io.standardOutput.flush()
        io.standardError.flush()
        heldUntil = nil
        let colour = (io.terminal?.interpretsEscapes ?? false) && io.colourAllowed(isTerminal: true)
        return inquiry.ask(io.terminal, colour: colour)
    }

    /// A line on stderr that is not a stream record (the What-if line). It may wait in the
    /// buffer, at most `holdLimit` while more lines come, so `-WhatIf` over a million objects
    /// makes one write per 64 KiB rather than one per line; it goes out before anything else is
    /// written to stdout or stderr, before a prompt, before the pipeline waits for input, and
    /// at the end.
    func writeHostLine(_ text: String) {
        if let recording { return recording.append(.hostLine(text)) }
        guard !stopRequested else { return }
        io.standardOutput.flush()
        io.standardError.write(TerminalText.escapingControls(text))
        io.standardError.write("\n")
        holdLine()
    }

    /// `What if: Performing the operation "ACTION" on target "TARGET".` as `writeHostLine` writes
    /// it, without building it as a `String`: the line's bytes are put together on the stack and
    /// handed to stderr's buffer in one write when they hold no control character (the usual
    /// case); otherwise it is written in pieces, each escaped (the escaping maps each character
    /// on its own, so escaping the pieces gives the bytes of escaping the line).
    func writeWhatIfLine(target: String, action: some ShouldProcessAction) {
        if recording != nil || stopRequested {
            return writeHostLine("What if: " + ShouldProcessConfirmation.operation(target: target, action: action.text))
        }
        io.standardOutput.flush()
        let sink = io.standardError
        if !Self.writePlainWhatIfLine(target: target, action: action, to: sink) {
            sink.write("What if: Performing the operation \"")
            sink.write(TerminalText.escapingControls(action.text))
            sink.write("\" on target \"")
            sink.write(TerminalText.escapingControls(target))
            sink.write("\".\n")
        }
        holdLine()
    }

    /// Writes the What-if line to `sink` in one write and returns true, unless the action or
    /// target holds a control character (then it writes nothing and returns false).
    private static func writePlainWhatIfLine(
        target: String, action: some ShouldProcessAction, to sink: any TextSink
    ) -> Bool {
        let prefix: StaticString = "What if: Performing the operation \""
        let middle: StaticString = "\" on target \""
        let suffix: StaticString = "\".\n"
        var target = target
        let actionCount = action.utf8Count
        return target.withUTF8 { target in
            let count =
                prefix.utf8CodeUnitCount + actionCount + middle.utf8CodeUnitCount + target.count
                + suffix.utf8CodeUnitCount
            return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: count) { line in
                guard let start = line.baseAddress else { return false }
                var end = start
                end.initialize(from: prefix.utf8Start, count: prefix.utf8CodeUnitCount)
                end += prefix.utf8CodeUnitCount
                // Never past the allocation, and only when the action wrote what it counted.
                guard action.copyUTF8(into: UnsafeMutableBufferPointer(start: end, count: actionCount)) == actionCount
                else { return false }
                end += actionCount
                end.initialize(from: middle.utf8Start, count: middle.utf8CodeUnitCount)
                end += middle.utf8CodeUnitCount
                if let source = target.baseAddress { end.initialize(from: source, count: target.count) }
                end += target.count
                end.initialize(from: suffix.utf8Start, count: suffix.utf8CodeUnitCount)
                let bytes = UnsafeBufferPointer(start: start, count: count)
                guard !TerminalText.hasControls(bytes) else { return false }
                sink.write(utf8: bytes)
                return true
            }
        }
    }

    /// Starts or checks the hold on the lines in stderr's buffer (`writeHostLine`).
    private func holdLine() {
        let now = MonotonicInstant.now
        if let heldUntil {
            if now >= heldUntil { flushHeldLines() }
        } else {
            heldUntil = now + Self.holdLimit
        }
    }

    /// Writes out the What-if lines waiting in stderr's buffer.
    func flushHeldLines() {
        guard heldUntil != nil else { return }
        heldUntil = nil
        io.standardError.flush()
    }

    private func writeStream(_ prefix: String, _ text: String) {
        io.standardOutput.flush()
        let line = prefix + TerminalText.escapingControls(text)
        if io.colourAllowed(isTerminal: io.standardErrorIsTerminal) {
            io.standardError.write("\u{1B}[33;1m\(line)\u{1B}[0m\n")
        } else {
            io.standardError.write(line + "\n")
        }
        io.standardError.flush()
        heldUntil = nil
    }

    /// `Cmdlet.ShouldProcess(target, action)`: What-if, auto-confirm, or the Confirm prompt
    /// (`MshCommandRuntime.DoShouldProcess`). Always false once the command is stopping.
    package func shouldProcess(target: String, action: some ShouldProcessAction) -> Bool {
        guard !isStopping else { return false }
        if recording != nil {
            // A pipeline worker never prompts: the pipeline runs an object that may prompt on
            // the main thread, after everything before it has been written.
            switch confirmationSnapshot {
            case .noToAll: return false
            case .yesToAll: return !isStopping
            default: break
            }
            guard let decision = confirmation.decideWithoutPrompt(target: target, action: action, runtime: self) else {
                writeError(ShouldProcessConfirmation.nonInteractive)
                return false
            }
            return decision == .proceed && !isStopping
        }
        switch confirmation.decide(target: target, action: action, runtime: self) {
        case .proceed: return !isStopping
        case .skip: return false
        case .halt:
            stopRequested = true
            return false
        }
    }

    /// The local time of day as `{0:T}` formats it in the invariant culture (`HH:mm:ss`), for
    /// Az's `WriteDebugWithTimestamp` lines.
    package static func timeOfDay(_ seconds: Int? = nil) -> String {
        var clock = time_t(seconds ?? Int(time(nil)))
        var parts = tm()
        localtime_r(&clock, &parts)
        func two(_ value: Int32) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(two(parts.tm_hour)):\(two(parts.tm_min)):\(two(parts.tm_sec))"
    }

    /// True when running the next object could ask on the terminal: the Confirm prompt of
    /// ShouldProcess, or an `Inquire` preference not yet answered with Yes to All. The parallel
    /// pipeline runs such an object alone, on the main thread, in its turn.
    var mayPrompt: Bool {
        if confirmation.mayPrompt(runtime: self) { return true }
        if preferences.error == .inquire && errorStatus != .yesToAll { return true }
        return Self.mayInquire(preferences.warning, warningStatus)
            || Self.mayInquire(preferences.verbose, verboseStatus)
            || Self.mayInquire(preferences.debug, debugStatus)
    }

    /// Whether a stream record may still ask: its preference is Inquire and no "to All" answer settled it.
    private static func mayInquire(_ preference: ActionPreference, _ status: ContinueStatus) -> Bool {
        preference == .inquire && status != .yesToAll && status != .noToAll
    }

    /// Writes what a pipeline worker recorded for one object, as if it were written now.
    func replay(_ entries: [ObjectRecording.Entry]) {
        for entry in entries {
            switch entry {
            case .object(let object): writeObject(object)
            case .error(let record): writeError(record)
            case .warning(let text): writeWarning(text)
            case .verbose(let text): writeVerbose(text)
            case .debug(let text): writeDebug(text)
            case .hostLine(let text): writeHostLine(text)
            }
        }
    }

    func finish() {
        flushHeldLines()
        objects.finish()
        io.standardError.flush()
    }
}

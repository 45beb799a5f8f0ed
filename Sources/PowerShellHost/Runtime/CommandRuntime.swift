/// What a running cmdlet writes to: output objects, errors, warnings, verbose and debug
/// lines, and ShouldProcess. It applies the preferences, keeps stdout for objects only and
/// everything else on stderr, and remembers whether any error record was written.
///
/// Example: `runtime.writeWarning("Az would have regenerated …")` prints
/// `WARNING: Az would have regenerated …` on stderr (yellow on a terminal).
public final class CommandRuntime {
    public let metadata: CommandMetadata
    public let preferences: Preferences
    let io: HostIO
    let objects: ObjectWriter
    let confirmation: ShouldProcessConfirmation
    /// True once any error record was written, even a hidden one: the exit status is then 1.
    public private(set) var hadErrors = false
    /// True once the command must stop before the next input object (`-ErrorAction Stop`,
    /// a Halt answer, closed stdout, or a signal).
    public var isStopping: Bool { stopRequested || io.standardOutput.isClosed || SignalState.interrupted }
    private var stopRequested = false

    init(metadata: CommandMetadata, preferences: Preferences, io: HostIO, format: OutputFormat) {
        self.metadata = metadata
        self.preferences = preferences
        self.io = io
        let width = io.standardOutputIsTerminal ? io.consoleWidth.map { $0 - 1 } : nil
        self.objects = ObjectWriter(format: format, sink: io.standardOutput, maximumWidth: width)
        self.confirmation = ShouldProcessConfirmation()
    }

    public var environment: [String: String] { io.environment }

    public func writeObject(_ object: PSObject) {
        objects.write(object)
    }

    /// Writes a non-terminating error as `-ErrorAction` says: Continue shows it, SilentlyContinue
    /// and Ignore hide it, Stop shows it and stops the command. The exit status becomes 1 in
    /// every case, as `$?` becomes false.
    public func writeError(_ record: ErrorRecord) {
        hadErrors = true
        switch preferences.error {
        case .silentlyContinue, .ignore: return
        case .stop:
            showError(record)
            stopRequested = true
        case .inquire:
            showError(record)
            if !confirmation.inquire(record.message, io: io, allowSkip: false) { stopRequested = true }
        default:
            showError(record)
        }
    }

    /// Shows an error that ends the command (a binding error, a failed BeginProcessing).
    func writeTerminatingError(_ record: ErrorRecord) {
        hadErrors = true
        showError(record)
        stopRequested = true
    }

    private func showError(_ record: ErrorRecord) {
        io.standardOutput.flush()
        let colour = io.colourAllowed(isTerminal: io.standardErrorIsTerminal)
        io.standardError.write(ErrorView.concise(commandName: metadata.name, record, colour: colour))
        io.standardError.flush()
    }

    public func writeWarning(_ text: String) {
        switch preferences.warning {
        case .silentlyContinue, .ignore: return
        case .stop:
            writeStream("WARNING: ", text)
            writeTerminatingError(
                ErrorRecord(
                    message: "The running command stopped because the preference variable \"WarningPreference\" "
                        + "or common parameter is set to Stop: \(text)",
                    errorId: "ActionPreferenceStop", category: .operationStopped))
        case .inquire:
            writeStream("WARNING: ", text)
            if !confirmation.inquire(text, io: io, allowSkip: false) { stopRequested = true }
        default:
            writeStream("WARNING: ", text)
        }
    }

    public func writeVerbose(_ text: String) {
        if preferences.verbose.isShown { writeStream("VERBOSE: ", text) }
    }

    public func writeDebug(_ text: String) {
        if preferences.debug.isShown { writeStream("DEBUG: ", text) }
    }

    /// A line on stderr that is not a stream record (the What-if line).
    func writeHostLine(_ text: String) {
        io.standardOutput.flush()
        io.standardError.write(TerminalText.escapingControls(text) + "\n")
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
    }

    /// `Cmdlet.ShouldProcess(target, action)`: What-if, auto-confirm, or the Confirm prompt
    /// (`MshCommandRuntime.DoShouldProcess`).
    public func shouldProcess(target: String, action: String) -> Bool {
        switch confirmation.decide(target: target, action: action, runtime: self) {
        case .proceed: return true
        case .skip: return false
        case .halt:
            stopRequested = true
            return false
        }
    }

    func finish() {
        objects.finish()
        io.standardError.flush()
    }
}

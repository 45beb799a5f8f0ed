import AzShimSupport

/// Everything a command run touches in the outside world: environment, standard streams,
/// whether each is a terminal, the terminal for prompts, and the console width. The real
/// process fills it from the OS (`HostIO.process()`); tests fill it from memory.
///
/// Example: a test runs `CommandHost.run(definition, arguments: ["rg", "acct", "Key1"],
/// io: HostIO(environment: env, standardInput: MemoryByteSource([]), …))` and reads the sinks.
package struct HostIO {
    package var environment: [String: String]
    package var standardInput: any ByteSource
    package var standardInputIsTerminal: Bool
    package var standardOutput: any TextSink
    package var standardOutputIsTerminal: Bool
    package var standardError: any TextSink
    package var standardErrorIsTerminal: Bool
    /// The terminal prompts use, or nil when there is none (then prompts fail as NonInteractive).
    package var terminal: (any PromptTerminal)?
    /// The console width in columns when stdout is a terminal (before `COLUMNS` is applied).
    package var terminalColumns: Int?
    /// When stdin is a pipe, FIFO or socket: waits at most the given time for input (or its end)
    /// and says whether any is ready. Nil for a terminal, a regular file or `/dev/null`, which
    /// never leave a command waiting unseen (`PipelineWaitNotice`).
    package var standardInputWait: (@Sendable (Duration) -> Bool)?

    package init(
        environment: [String: String], standardInput: any ByteSource, standardInputIsTerminal: Bool = false,
        standardOutput: any TextSink, standardOutputIsTerminal: Bool = false, standardError: any TextSink,
        standardErrorIsTerminal: Bool = false, terminal: (any PromptTerminal)? = nil, terminalColumns: Int? = nil
    ) {
        self.environment = environment
        self.standardInput = standardInput
        self.standardInputIsTerminal = standardInputIsTerminal
        self.standardOutput = standardOutput
        self.standardOutputIsTerminal = standardOutputIsTerminal
        self.standardError = standardError
        self.standardErrorIsTerminal = standardErrorIsTerminal
        self.terminal = terminal
        self.terminalColumns = terminalColumns
    }

    /// The console width for tables and help: `COLUMNS` when set, else the terminal's width.
    package var consoleWidth: Int? {
        if let columns = environment["COLUMNS"].flatMap({ Int($0) }), columns > 0 { return columns }
        return terminalColumns
    }

    /// Whether colour escapes may be written to a stream that `isTerminal`: never when
    /// `NO_COLOR` is set and non-empty or `TERM` is `dumb`.
    package func colourAllowed(isTerminal: Bool) -> Bool {
        isTerminal && (environment["NO_COLOR"] ?? "").isEmpty && environment["TERM"] != "dumb"
    }
}

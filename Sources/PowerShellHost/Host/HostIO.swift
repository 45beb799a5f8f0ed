import AzShimSupport

/// Everything a command run touches in the outside world: environment, standard streams,
/// whether each is a terminal, the terminal for prompts, and the console width. The real
/// process fills it from the OS (`HostIO.process()`); tests fill it from memory.
///
/// Example: a test runs `CommandHost.run(definition, arguments: ["rg", "acct", "Key1"],
/// io: HostIO(environment: env, standardInput: MemoryByteSource([]), …))` and reads the sinks.
package struct HostIO {
    /// Every variable, name → value. For the real process (`HostIO.process()`) it is decoded from
    /// `environ` at each read, until a value is assigned; `environmentValue(_:)` reads one.
    package var environment: [String: String] {
        get {
            switch environmentSource {
            case .table(let table): table
            case .process: Self.decodedProcessEnvironment()
            }
        }
        set { environmentSource = .table(newValue) }
    }
    /// Where `environment` comes from.
    var environmentSource: EnvironmentSource
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
        self.environmentSource = .table(environment)
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
        if let columns = environmentValue("COLUMNS").flatMap({ Int($0) }), columns > 0 { return columns }
        return terminalColumns
    }

    /// Whether colour escapes may be written to a stream that `isTerminal`: never when
    /// `NO_COLOR` is set and non-empty or `TERM` is `dumb`.
    package func colourAllowed(isTerminal: Bool) -> Bool {
        isTerminal && (environmentValue("NO_COLOR") ?? "").isEmpty && environmentValue("TERM") != "dumb"
    }

    /// The value of the variable named `name`, as `environment[name]` has it, without decoding the
    /// other variables of the process: a binding error or `-?` reads a handful of variables, and
    /// decoding all of them into a dictionary cost ~64,000 instructions of start-up (issue 14).
    ///
    /// Example: `HostIO.process().environmentValue("COLUMNS")` is `"120"` under `COLUMNS=120`.
    package func environmentValue(_ name: String) -> String? {
        switch environmentSource {
        case .table(let table): table[name]
        case .process: Self.processEnvironmentValue(name)
        }
    }

    /// Decodes the process's variables into a table once, for a run that reads many of them
    /// (nothing to do when they already are one).
    mutating func decodeEnvironmentOnce() {
        if case .process = environmentSource { environmentSource = .table(Self.decodedProcessEnvironment()) }
    }

    /// The variables of a `HostIO`: a table (tests, and a run once it binds), or the process's own
    /// `environ`, read when asked.
    enum EnvironmentSource {
        case table([String: String])
        case process
    }
}

/// Runs one command as `pwsh -Command` would run it alone on a line: host options, `-?`,
/// command-line binding, BeginProcessing, then one ProcessRecord per pipeline object read
/// from stdin (or one, after the mandatory check, when there is no pipeline), EndProcessing.
/// Returns the exit status: 0 when no error record was written, 1 otherwise.
///
/// Example: `CommandHost.run(definition, arguments: ["rg", "acct", "Key1"], io: .process())`.
public enum CommandHost {
    /// What the host shows for `--version`.
    public static let productVersion = "AzShim 0.1.0"

    public static func run(_ definition: CommandDefinition, arguments: [String], io processIO: HostIO) -> Int32 {
        let metadata = definition.metadata
        var io = processIO
        let options: HostOptions
        let words: [String]
        do {
            (options, words) = try HostOptions.parse(arguments)
        } catch {
            io.standardError.write("\(metadata.name): \(error.message)\n")
            io.standardError.flush()
            return 2
        }
        if options.version {
            io.standardOutput.write(productVersion + "\n")
            io.standardOutput.flush()
            return 0
        }
        let tokens = ArgumentTokenizer.tokenize(words)
        if let view = options.help ?? (tokens.helpRequested ? .standard : nil) {
            // `-?` replaces the command by Get-Help: nothing is bound or validated (§2.1).
            let result = HelpCommand.show(
                name: metadata.name, view: view, helpFiles: [metadata.name: definition.helpMarkdown ?? ""],
                width: io.consoleWidth ?? HelpCommand.defaultWidth)
            return write(result, to: io)
        }
        if let shell = options.completion {
            io.standardOutput.write(CompletionScriptGenerator.script(for: shell, commands: [metadata]))
            io.standardOutput.flush()
            return 0
        }
        if options.manPage {
            guard let markdown = definition.helpMarkdown, let document = HelpMarkdownParser.parse(markdown).document else {
                return write(HelpCommand.Result(stderr: "\(metadata.name): no help file is embedded.\n", exitStatus: 1), to: io)
            }
            io.standardOutput.write(ManPageGenerator.render(document))
            io.standardOutput.flush()
            return 0
        }
        let format = options.output ?? io.environment["AZSHIM_OUTPUT"].flatMap { OutputFormat(rawValue: $0.lowercased()) } ?? .table
        let binder = CommandLineBinder(metadata: metadata)
        var bound: BoundParameters
        let preferences: Preferences
        // The preference variables are assigned before the command line runs (Runtime/Preferences.swift).
        let variables: Preferences
        do {
            variables = try Preferences.fromEnvironment(io.environment)
        } catch {
            let runtime = CommandRuntime(metadata: metadata, preferences: Preferences(), io: io, format: format)
            runtime.writeTerminatingError(error.record, reason: PreferenceVariableError.reason)
            runtime.finish()
            return 1
        }
        do {
            bound = try binder.bind(tokens.arguments)
            preferences = variables.applying(bound)
        } catch {
            let runtime = CommandRuntime(metadata: metadata, preferences: Preferences(), io: io, format: format)
            runtime.writeTerminatingError(error)
            runtime.finish()
            return 1
        }
        var progress: ProgressLine?
        if io.standardErrorIsTerminal && ![.silentlyContinue, .ignore].contains(preferences.progress) {
            progress = ProgressLine(wrapping: io.standardError, activity: metadata.name)
            io.standardError = progress ?? io.standardError
        }
        let runtime = CommandRuntime(metadata: metadata, preferences: preferences, io: io, format: format)
        defer { runtime.finish() }
        // Pipeline input is read only when stdin is not a terminal and a pipeline parameter is
        // still unbound; a stdin that ends before any value is no pipeline at all.
        var pipeline: PipelineLoop<AnyByteSource>?
        if !io.standardInputIsTerminal && metadata.pipelineParameters.contains(where: { !bound.contains($0.name) }) {
            let source = AnyByteSource(base: io.standardInput) { runtime.flushHeldLines() }
            pipeline = PipelineLoop(metadata: metadata, source: source)
            if pipeline?.hasInput == false { pipeline = nil }
        }
        if pipeline == nil {
            do {
                try completeMandatory(&bound, binder: binder, io: io)
            } catch {
                runtime.writeTerminatingError(error)
                return 1
            }
        }
        let cmdlet = definition.makeCmdlet(io.environment)
        do {
            try cmdlet.begin(bound, runtime)
        } catch {
            runtime.writeTerminatingError(error)
            return 1
        }
        if var pipeline {
            pipeline.run(
                cmdlet: cmdlet, runtime: runtime, commandLine: bound, progress: progress,
                throttleLimit: options.throttleLimit ?? 1)
        } else {
            do {
                try cmdlet.process(bound, runtime)
            } catch {
                runtime.writeError(error)
            }
        }
        if !runtime.isStopping || !runtime.hadErrors { cmdlet.end(runtime) }
        if let status = SignalState.exitStatus { return status }
        return runtime.hadErrors ? 1 : 0
    }

    /// Writes a help result and returns its status.
    public static func write(_ result: HelpCommand.Result, to io: HostIO) -> Int32 {
        io.standardOutput.write(result.stdout)
        io.standardOutput.flush()
        io.standardError.write(result.stderr)
        io.standardError.flush()
        return result.exitStatus
    }

    /// The mandatory check after command-line binding: prompt on a terminal, else fail.
    private static func completeMandatory(
        _ bound: inout BoundParameters, binder: CommandLineBinder, io: HostIO
    ) throws(BindingError) {
        let missing = binder.missingMandatory(bound)
        guard !missing.isEmpty else { return }
        guard io.standardInputIsTerminal, let terminal = io.terminal else {
            throw .missingMandatoryParameters(missing.map(\.name))
        }
        guard let answers = MandatoryPrompt(commandName: binder.metadata.name, terminal: terminal).ask(missing) else {
            throw .promptNotAvailable(missing.map(\.name))
        }
        for (parameter, answer) in zip(missing, answers) {
            let value = try ValueConverter.convert(answer, for: parameter, argumentIndex: nil)
            bound.bind(parameter.name, value, origin: .prompt)
        }
    }
}

extension CommandRuntime {
    func writeTerminatingError(_ error: BindingError) {
        writeTerminatingError(ErrorRecord(error))
    }
}

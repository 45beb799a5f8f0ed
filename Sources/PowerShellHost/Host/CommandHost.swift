import AzShimSupport

/// Runs one command as `pwsh -Command` would run it alone on a line: host options, `-?`,
/// command-line binding, BeginProcessing, then one ProcessRecord per pipeline object read
/// from stdin (or one, after the mandatory check, when there is no pipeline), EndProcessing.
/// Returns the exit status: 0 when no error record was written, 1 otherwise.
///
/// Example: `CommandHost.run(definition, arguments: ["rg", "acct", "Key1"], io: .process())`.
package enum CommandHost {
    /// What the host shows for `--version`.
    package static let productVersion = "AzShim \(AzShimVersion.current)"

    /// `manual`: the product's tables, which `--man` adds to the cmdlet's page (evaluated only then).
    package static func run(
        _ definition: CommandDefinition, arguments: [String], io: HostIO,
        manual: @autoclosure () -> ProductManual? = nil
    ) -> Int32 {
        var options: HostOptions
        let words: [String]
        do {
            (options, words) = try HostOptions.parse(arguments)
            options = try options.applyingEnvironment(io.environmentValue)
        } catch {
            io.standardError.write("\(definition.metadata.name): \(error.message)\n")
            io.standardError.flush()
            return 2
        }
        if let problem = definition.checkEnvironment(io.environmentValue) {
            io.standardError.write("\(definition.metadata.name): \(TerminalText.escapingControls(problem))\n")
            io.standardError.flush()
            return 2
        }
        let tokens = ArgumentTokenizer.tokenize(words)
        if let status = answerHostRequest(
            options, helpRequested: tokens.helpRequested, definition: definition, manual: manual(), io: io)
        {
            return status
        }
        do {
            try options.checkCombination()
        } catch {
            io.standardError.write("\(definition.metadata.name): \(error.message)\n")
            io.standardError.flush()
            return 2
        }
        return runCommand(definition, arguments: tokens.arguments, options: options, io: io)
    }

    /// Binding, BeginProcessing, ProcessRecord for each input object, EndProcessing.
    private static func runCommand(
        _ definition: CommandDefinition, arguments: [CommandArgument], options: HostOptions, io processIO: HostIO
    ) -> Int32 {
        let metadata = definition.metadata
        var io = processIO
        // nil: the default view, table or list by the first object (ObjectWriter); AZSHIM_OUTPUT
        // is in `options` already (HostOptions+Environment.swift).
        let format = options.output
        let binder = CommandLineBinder(metadata: metadata)
        func fail(_ record: ErrorRecord, reason: String? = nil) -> Int32 {
            let runtime = CommandRuntime(metadata: metadata, preferences: Preferences(), io: io, format: format)
            runtime.writeTerminatingError(record, reason: reason)
            runtime.finish()
            return 1
        }
        // The preference variables are assigned before the command line runs (Runtime/Preferences.swift).
        let variables: Preferences
        do {
            variables = try Preferences.fromEnvironment(io.environmentValue)
        } catch {
            return fail(error.record, reason: PreferenceVariableError.reason)
        }
        var bound: BoundParameters
        do {
            bound = try binder.bind(arguments)
        } catch {
            return fail(ErrorRecord(error))
        }
        // Bound: the command runs, and its body reads the whole environment.
        io.decodeEnvironmentOnce()
        let preferences = variables.applying(bound)
        var progress: ProgressLine?
        if io.standardErrorIsTerminal && ![.silentlyContinue, .ignore].contains(preferences.progress) {
            progress = ProgressLine(wrapping: io.standardError, activity: metadata.name)
            io.standardError = progress ?? io.standardError
        }
        let runtime = CommandRuntime(metadata: metadata, preferences: preferences, io: io, format: format)
        runtime.includesInput = options.includeInput
        defer { runtime.finish() }
        // Pipeline input is read only when stdin is not a terminal and a pipeline parameter is
        // still unbound; a stdin that ends before any value is no pipeline at all.
        var pipeline: PipelineLoop<AnyByteSource>?
        if !io.standardInputIsTerminal && metadata.pipelineParameters.contains(where: { !bound.contains($0.name) }) {
            let source = AnyByteSource(base: io.standardInput) { runtime.flushHeldLines() }
            if let wait = io.standardInputWait, !wait(PipelineWaitNotice.delay) {
                let parameters = PipelineWaitNotice.awaitedParameters(metadata, bound: bound)
                io.standardError.write(PipelineWaitNotice.text(commandName: metadata.name, parameters: parameters))
                io.standardError.flush()
            }
            pipeline = PipelineLoop(metadata: metadata, source: source, hint: definition.pipelineInputHint)
            if pipeline?.hasInput == false { pipeline = nil }
        }
        do {
            // The set is chosen now, unless pipeline input may still choose it (per object).
            try binder.resolveParameterSet(&bound, pipelineExpected: pipeline != nil)
            if pipeline == nil { try completeMandatory(&bound, binder: binder, io: io) }
        } catch {
            runtime.writeTerminatingError(error)
            return 1
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
        // EndProcessing runs unless an error stopped the command (a terminating error skips it).
        if !(runtime.isStopping && runtime.hadErrors) { cmdlet.end(runtime) }
        if let status = SignalState.exitStatus { return status }
        return runtime.hadErrors ? 1 : 0
    }

    /// Writes a help result and returns its status.
    package static func write(_ result: HelpCommand.Result, to io: HostIO) -> Int32 {
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

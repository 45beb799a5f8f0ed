extension Invocation {
    /// Runs the invocation and returns the exit status: the cmdlet's or Get-Help's own, 0 for the
    /// listing, the version, a completion script and the man page, 2 for a usage error, 1 for an
    /// unknown name (which runs nothing: no stdin read, no state touched, no request sent).
    /// `manual` holds the product's tables for the man pages; it is evaluated only for `--man`, and
    /// `helpFiles` only for Get-Help (a cmdlet has its own help in its definition), `commands` only
    /// for the listing, the completion script and the man page.
    ///
    /// Example: `Invocation.resolve(commandLine, command: AzureCmdlets.named).run(programName: "azshim",
    /// commands: AzureCmdlets.all, helpFiles: EmbeddedHelp.markdown, manual: AzShimManual.manual, io: .process())`.
    package func run(
        programName: String, commands: @autoclosure () -> [CommandDefinition],
        helpFiles: @autoclosure () -> [String: String],
        manual: @autoclosure () -> ProductManual? = nil, io: HostIO
    ) -> Int32 {
        switch self {
        case .cmdlet(let definition, let arguments):
            return CommandHost.run(definition, arguments: arguments, io: io, manual: manual())
        case .help(let arguments):
            return CommandHost.write(
                HelpCommand.run(
                    arguments: arguments, helpFiles: helpFiles(), width: io.consoleWidth ?? HelpCommand.defaultWidth,
                    tableWidth: io.standardOutputIsTerminal ? io.consoleWidth.map { $0 - 1 } : nil),
                to: io)
        case .list:
            let listing = CommandListing.render(
                programName: TerminalText.escapingControls(programName), commands: commands())
            return CommandHost.write(HelpCommand.Result(stdout: listing), to: io)
        case .version:
            return CommandHost.write(HelpCommand.Result(stdout: CommandHost.productVersion + "\n"), to: io)
        case .completion(let shell):
            let script = CompletionScriptGenerator.multiCallScript(for: shell, commands: commands().map(\.metadata))
            return CommandHost.write(HelpCommand.Result(stdout: script), to: io)
        case .manPage:
            guard let manual = manual() else {
                let text = "\(TerminalText.escapingControls(programName)): no manual is embedded.\n"
                return CommandHost.write(HelpCommand.Result(stderr: text, exitStatus: 1), to: io)
            }
            return CommandHost.write(
                HelpCommand.Result(stdout: ManPageGenerator.renderProduct(manual, commands: commands())), to: io)
        case .usageError(let message):
            let text = "\(TerminalText.escapingControls(programName)): \(message)\n"
            return CommandHost.write(HelpCommand.Result(stderr: text, exitStatus: 2), to: io)
        case .unknown(let name):
            // ConciseView of the CommandNotFoundException, named after the word the user typed.
            let colour = io.colourAllowed(isTerminal: io.standardErrorIsTerminal)
            let text = ErrorView.concise(
                commandName: TerminalText.escapingControls(name), .commandNotFound(name), colour: colour)
            return CommandHost.write(HelpCommand.Result(stderr: text, exitStatus: 1), to: io)
        }
    }
}

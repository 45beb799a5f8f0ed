extension CommandHost {
    /// Answers the requests that replace the command: `--version`, `-?` and `--help[=VIEW]`
    /// (Get-Help's views: nothing is bound or validated, §2.1), `--completion SHELL` and `--man`.
    /// Returns the exit status, or nil when the command should run.
    ///
    /// Example: `New-AzCognitiveServicesAccountKey rg acct Key3 -?` prints the help and exits 0.
    static func answerHostRequest(
        _ options: HostOptions, helpRequested: Bool, definition: CommandDefinition,
        manual: @autoclosure () -> ProductManual? = nil, io: HostIO
    ) -> Int32? {
        let metadata = definition.metadata
        if options.version {
            return write(HelpCommand.Result(stdout: productVersion + "\n"), to: io)
        }
        if let view = options.help ?? (helpRequested ? .standard : nil) {
            let result = HelpCommand.show(
                name: metadata.name, view: view, markdown: definition.helpMarkdown ?? "",
                width: io.consoleWidth ?? HelpCommand.defaultWidth)
            return write(result, to: io)
        }
        if let shell = options.completion {
            return write(
                HelpCommand.Result(stdout: CompletionScriptGenerator.script(for: shell, commands: [metadata])), to: io)
        }
        if options.manPage {
            guard let markdown = definition.helpMarkdown, let document = HelpMarkdownParser.parse(markdown).document
            else {
                return write(
                    HelpCommand.Result(stderr: "\(metadata.name): no help file is embedded.\n", exitStatus: 1), to: io)
            }
            return write(HelpCommand.Result(stdout: ManPageGenerator.render(document, product: manual())), to: io)
        }
        return nil
    }
}

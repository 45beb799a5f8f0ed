/// `Get-Help` as a program: binds Get-Help's own arguments with the binder every cmdlet uses
/// (`GetHelpParameters`), finds the command's markdown help in a table, and renders the
/// requested view.
///
/// Example: the binary invoked as `Get-Help` with arguments
/// `["New-AzCognitiveServicesAccountKey", "-par", "Key*"]` prints the `-KeyName` block;
/// `["Get-Nothing"]` writes `Get-Help: Get-Help could not find Get-Nothing in a help file in
/// this session. …` to stderr with status 1.
/// ```swift
/// let result = HelpCommand.run(arguments: Array(CommandLine.arguments.dropFirst()),
///                              helpFiles: EmbeddedHelp.markdown, width: io.consoleWidth ?? HelpCommand.defaultWidth)
/// ```
package enum HelpCommand {
    /// What the program writes and its exit status (0, or 1 when an error was written).
    package struct Result: Sendable, Equatable {
        package var stdout: String
        package var stderr: String
        package var exitStatus: Int32

        package init(stdout: String = "", stderr: String = "", exitStatus: Int32 = 0) {
            self.stdout = stdout
            self.stderr = stderr
            self.exitStatus = exitStatus
        }
    }

    /// The width help is laid out for when neither `COLUMNS` nor a terminal says otherwise
    /// (PowerShell's fallback console width).
    package static let defaultWidth = 80

    /// Renders `view` of the help for `name` (the `-?` path of a cmdlet's host).
    package static func show(name: String, view: HelpView, helpFiles: [String: String], width: Int) -> Result {
        show(
            name: name, view: view, markdown: lookup(name, in: helpFiles).first.flatMap { helpFiles[$0] }, width: width)
    }

    /// Renders `view` of the help for `name` from its help file's `markdown` (nil or a file without
    /// a document: Get-Help's HelpNotFound). A cmdlet's own `-?` comes here with no table of files:
    /// a one-entry `[String: String]` literal cost ~88,000 instructions of start-up, most of it
    /// instantiating the dictionary's metadata (callgrind, issue 14).
    ///
    /// Example: `HelpCommand.show(name: "New-AzCognitiveServicesAccountKey", view: .standard,
    /// markdown: EmbeddedHelp.markdown(named: "New-AzCognitiveServicesAccountKey"), width: 80)`.
    package static func show(name: String, view: HelpView, markdown: String?, width: Int) -> Result {
        // The standard view shows no parameter's description: they are not converted for it.
        let descriptions: Bool
        if case .standard = view { descriptions = false } else { descriptions = true }
        guard let markdown,
            let document = HelpMarkdownParser.parse(markdown, parameterDescriptions: descriptions).document
        else {
            return failure(helpNotFound(name))
        }
        switch view {
        case .online:
            guard let uri = HelpRenderer.onlineURI(of: document) else {
                // HelpErrors.NoURIFound, thrown as an InvalidOperationException.
                return failure(
                    ErrorRecord(
                        message: "The online version of this Help topic cannot be displayed because the Internet "
                            + "address (URI) of the Help topic is not specified in the command code or in the help "
                            + "file for the command.",
                        errorId: "InvalidOperation", category: .invalidOperation))
            }
            return Result(stdout: uri + "\n")
        case .parameter(let pattern):
            let patterns = pattern.split(separator: ",").map { $0.trimmingWhitespace() }
            var found: Set<String> = []
            var matched: [HelpDocument.Parameter] = []
            for pattern in patterns {
                for parameter in HelpRenderer.matchingParameters(document, pattern: pattern)
                where found.insert(parameter.name).inserted {
                    matched.append(parameter)
                }
            }
            guard !matched.isEmpty else {
                // HelpErrors.NoParmsFound, formatted with the first pattern (string[] as params object[]).
                return failure(
                    ErrorRecord(
                        message: "No parameter matches criteria \(patterns.first ?? pattern).", errorId: "NoParmsFound",
                        category: .invalidArgument))
            }
            var selected = document
            selected.parameters = matched
            return Result(stdout: HelpRenderer.render(selected, view: .parameter("*"), width: width))
        default:
            return Result(stdout: HelpRenderer.render(document, view: view, width: width))
        }
    }

    /// Runs Get-Help with the arguments a POSIX shell passed (without the program name): binds
    /// them to `GetHelpParameters.metadata` with `CommandLineBinder`, as any cmdlet's, then shows
    /// the requested view of the matching help file, or, when a pattern matches several, their
    /// summary table (`HelpSummaryTable`). `tableWidth` is the usable width when stdout is a
    /// terminal (console width − 1), else nil: the table is then never cut.
    package static func run(
        arguments: [String], helpFiles: [String: String], width: Int, tableWidth: Int? = nil
    ) -> Result {
        let tokens = ArgumentTokenizer.tokenize(arguments)
        if tokens.helpRequested {
            // `-?` asks for Get-Help's own help, which AzShim does not embed: Get-Help has no `?` parameter.
            return failure(ErrorRecord(.namedParameterNotFound(typed: "?", argumentIndex: helpSwitchIndex(arguments))))
        }
        let bound: BoundParameters
        let view: HelpView
        do {
            bound = try CommandLineBinder(metadata: GetHelpParameters.metadata).bind(tokens.arguments)
            view = try GetHelpParameters.view(of: bound)
        } catch {
            return failure(ErrorRecord(error))
        }
        let name: String
        if let given = bound[GetHelpParameters.name] {
            name = given
        } else if helpFiles.count == 1, let only = helpFiles.keys.first {
            // Deviation: PowerShell shows its own "about" help here; AzShim has one command.
            name = only
        } else {
            return Result(stdout: helpFiles.keys.sorted().joined(separator: "\n") + "\n")
        }
        let matches = lookup(name, in: helpFiles)
        guard !matches.isEmpty else { return failure(helpNotFound(name)) }
        guard matches.count > 1 else {
            return show(name: matches[0], view: view, helpFiles: helpFiles, width: width)
        }
        // GetHelpCommand.ProcessRecord: several topics are written as their short help, whatever the view.
        let documents = matches.compactMap { match in
            helpFiles[match].flatMap { HelpMarkdownParser.parse($0).document }
        }
        let table = HelpSummaryTable.render(documents, maximumWidth: tableWidth)
        guard view != .online else {
            // The short help is written, then HelpErrors.MultipleOnlineTopicsNotSupported is thrown.
            var result = failure(
                ErrorRecord(
                    message: "Multiple Help topics were found. Use only one Help topic with the -Online option.",
                    errorId: "InvalidOperation", category: .invalidOperation))
            result.stdout = table
            return result
        }
        return Result(stdout: table)
    }

    // MARK: - Lookup and messages

    /// The names of the help files `name` means: the one with this name (case-insensitive), or
    /// every one a wildcard pattern matches, sorted.
    static func lookup(_ name: String, in helpFiles: [String: String]) -> [String] {
        let folded = name.lowercased()
        if let exact = helpFiles.keys.first(where: { $0.lowercased() == folded }) { return [exact] }
        guard HelpWildcard.containsWildcards(name) else { return [] }
        let pattern = HelpWildcard(name)
        return helpFiles.keys.filter { pattern.matches($0) }.sorted()
    }

    /// `HelpErrors.HelpNotFound`, written by the help system (category ResourceUnavailable).
    static func helpNotFound(_ name: String) -> ErrorRecord {
        ErrorRecord(
            message: "Get-Help could not find \(name) in a help file in this session. To download updated help "
                + "topics type: \"Update-Help\". To get help online, search for the help topic in the TechNet "
                + "library at https://go.microsoft.com/fwlink/?LinkID=107116.",
            errorId: "HelpNotFound", category: .resourceUnavailable)
    }

    /// An error written by Get-Help, shown as ConciseView shows it (`Get-Help: …`, controls escaped).
    static func failure(_ record: ErrorRecord) -> Result {
        Result(
            stderr: ErrorView.concise(commandName: GetHelpParameters.metadata.name, record, colour: false),
            exitStatus: 1)
    }

    /// The index of the first `-?` word, which the tokenizer takes out of the arguments.
    private static func helpSwitchIndex(_ arguments: [String]) -> Int {
        arguments.firstIndex { word in
            word.unicodeScalars.count == 2 && word.hasSuffix("?") && word.first.map(Dash.isDash) == true
        } ?? 0
    }
}

/// What one run of the binary does, decided from its command line alone. One binary serves every
/// cmdlet: invoked under a cmdlet's name (case-insensitive, a trailing `.exe` ignored) it runs that
/// cmdlet, and under `Get-Help` it is Get-Help. Under any other name it is a multi-call binary, as
/// `busybox` is: the first argument names the cmdlet. It never guesses: a name that is no cmdlet
/// runs nothing.
///
/// Example: argv `["azshim", "new-azcognitiveservicesaccountkey", "rg", "acct", "Key1"]` is
/// `.cmdlet(New-AzCognitiveServicesAccountKey, arguments: ["rg", "acct", "Key1"])`;
/// `["azshim", "rg", "acct", "Key1"]` is `.unknown(name: "rg")`; `["azshim"]` is `.list`.
package enum Invocation: Sendable {
    /// Run this cmdlet with these arguments (host options included).
    case cmdlet(CommandDefinition, arguments: [String])
    /// `Get-Help` with its arguments.
    case help(arguments: [String])
    /// `azshim`, `azshim --help`, `azshim -?`: the cmdlets and their synopsis.
    case list
    /// `azshim --version`.
    case version
    /// `azshim --completion SHELL`: completion of cmdlet names after `azshim`, and of each cmdlet.
    case completion(CompletionScriptGenerator.Shell)
    /// `azshim --man`: the multi-call binary's man page (`ManPageGenerator.renderProduct`).
    case manPage
    /// A host option of the multi-call binary that was not understood (exit 2).
    case usageError(message: String)
    /// `azshim NAME …` where NAME is no cmdlet (CommandNotFoundException, exit 1).
    case unknown(name: String)

    /// PowerShell's name for Get-Help, which is a link to this binary as the cmdlets are.
    package static let helpCommandName = "Get-Help"

    /// The invocation for `commandLine`, with `commands` the cmdlets this binary serves.
    package static func resolve(_ commandLine: ProcessCommandLine, commands: [CommandDefinition]) -> Invocation {
        resolve(commandLine) { name in
            let folded = name.lowercased()
            return commands.first { $0.metadata.name.lowercased() == folded }
        }
    }

    /// The invocation for `commandLine`, with `command` the cmdlet this binary serves under a name
    /// (case-insensitive) or nil: only the cmdlet that runs has its metadata built (issue 14).
    ///
    /// Example: `Invocation.resolve(commandLine, command: AzureCmdlets.named)`.
    package static func resolve(
        _ commandLine: ProcessCommandLine, command: (String) -> CommandDefinition?
    ) -> Invocation {
        if let invocation = named(
            strippingExecutableSuffix(commandLine.invokedName), command: command, arguments: commandLine.arguments)
        {
            return invocation
        }
        // A multi-call binary: the first argument names the cmdlet.
        guard let first = commandLine.arguments.first else { return .list }
        let rest = Array(commandLine.arguments.dropFirst())
        switch first {
        case "--help", "-?":
            // `azshim --help New-AzCognitiveServicesAccountKey` is `Get-Help New-AzCognitiveServicesAccountKey`.
            return rest.isEmpty ? .list : .help(arguments: rest)
        case "--version":
            return .version
        case "--man":
            return .manPage
        case _ where first == "--completion" || first.hasPrefix("--completion="):
            do {
                let (options, _) = try HostOptions.parse(commandLine.arguments)
                guard let shell = options.completion else { return .unknown(name: first) }
                return .completion(shell)
            } catch {
                return .usageError(message: error.message)
            }
        default:
            return named(first, command: command, arguments: rest) ?? .unknown(name: first)
        }
    }

    /// The cmdlet or Get-Help called `name` (case-insensitive), or nil.
    static func named(
        _ name: String, command: (String) -> CommandDefinition?, arguments: [String]
    ) -> Invocation? {
        if name.lowercased() == helpCommandName.lowercased() { return .help(arguments: arguments) }
        guard let definition = command(name) else { return nil }
        return .cmdlet(definition, arguments: arguments)
    }

    /// `New-AzCognitiveServicesAccountKey.exe` is `New-AzCognitiveServicesAccountKey` (a copy made
    /// on Windows habits); only the program's own name loses the suffix, never an argument.
    static func strippingExecutableSuffix(_ name: String) -> String {
        name.lowercased().hasSuffix(".exe") ? String(name.dropLast(4)) : name
    }
}

extension Invocation: Equatable {
    /// Cmdlets compare by name (a `CommandDefinition` holds a closure).
    package static func == (lhs: Invocation, rhs: Invocation) -> Bool {
        switch (lhs, rhs) {
        case (.cmdlet(let a, let x), .cmdlet(let b, let y)): a.metadata.name == b.metadata.name && x == y
        case (.help(let x), .help(let y)): x == y
        case (.list, .list), (.version, .version), (.manPage, .manPage): true
        case (.completion(let a), .completion(let b)): a == b
        case (.usageError(let a), .usageError(let b)): a == b
        case (.unknown(let a), .unknown(let b)): a == b
        default: false
        }
    }
}

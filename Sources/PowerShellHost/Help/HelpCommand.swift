/// `Get-Help` as a program: parses Get-Help's own arguments as PowerShell binds them, finds the
/// command's markdown help in a table, and renders the requested view.
///
/// Example: the binary invoked as `Get-Help` with arguments
/// `["New-AzCognitiveServicesAccountKey", "-par", "Key*"]` prints the `-KeyName` block;
/// `["Get-Nothing"]` writes `Get-Help: Get-Help could not find Get-Nothing in a help file in
/// this session. …` to stderr with status 1.
/// ```swift
/// let result = HelpCommand.run(arguments: Array(CommandLine.arguments.dropFirst()),
///                              helpFiles: EmbeddedHelp.markdown, width: io.consoleWidth ?? HelpCommand.defaultWidth)
/// ```
public enum HelpCommand {
    /// What the program writes and its exit status (0, or 1 when an error was written).
    public struct Result: Sendable, Equatable {
        public var stdout: String
        public var stderr: String
        public var exitStatus: Int32

        public init(stdout: String = "", stderr: String = "", exitStatus: Int32 = 0) {
            self.stdout = stdout
            self.stderr = stderr
            self.exitStatus = exitStatus
        }
    }

    /// The width help is laid out for when neither `COLUMNS` nor a terminal says otherwise
    /// (PowerShell's fallback console width).
    public static let defaultWidth = 80

    /// Renders `view` of the help for `name` (the `-?` path of a cmdlet's host).
    public static func show(name: String, view: HelpView, helpFiles: [String: String], width: Int) -> Result {
        guard let markdown = lookup(name, in: helpFiles).first?.markdown,
            let document = HelpMarkdownParser.parse(markdown).document
        else {
            return failure(helpNotFound(name))
        }
        switch view {
        case .online:
            guard let uri = HelpRenderer.onlineURI(of: document) else {
                return failure(
                    "The online version of this Help topic cannot be displayed because the Internet address (URI) of the Help topic is not specified in the command code or in the help file for the command.")
            }
            return Result(stdout: uri + "\n")
        case .parameter(let pattern):
            let patterns = pattern.split(separator: ",").map { $0.trimmingWhitespace() }
            var output = ""
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
                return failure("No parameter matches criteria \(patterns.first ?? pattern).")
            }
            var selected = document
            selected.parameters = matched
            output = HelpRenderer.render(selected, view: .parameter("*"), width: width)
            return Result(stdout: output)
        default:
            return Result(stdout: HelpRenderer.render(document, view: view, width: width))
        }
    }

    /// Runs Get-Help with the arguments a POSIX shell passed (without the program name).
    public static func run(arguments: [String], helpFiles: [String: String], width: Int) -> Result {
        let bound: Bound
        switch bind(arguments) {
        case .success(let value): bound = value
        case .failure(let error): return failure(error.message)
        }
        let views = [
            bound.full ? HelpView.full : nil, bound.detailed ? .detailed : nil, bound.examples ? .examples : nil,
            bound.parameter.map { HelpView.parameter($0.joined(separator: ",")) }, bound.online ? .online : nil,
        ].compactMap { $0 }
        guard views.count <= 1 else {
            return failure(
                "Parameter set cannot be resolved using the specified named parameters. One or more parameters issued cannot be used together or an insufficient number of parameters were provided.")
        }
        let view = views.first ?? .standard
        let name: String
        if let given = bound.name {
            name = given
        } else if helpFiles.count == 1, let only = helpFiles.keys.first {
            // Deviation: PowerShell shows its own "about" help here; AzShim has one command.
            name = only
        } else {
            return Result(stdout: helpFiles.keys.sorted().joined(separator: "\n") + "\n")
        }
        let matches = lookup(name, in: helpFiles)
        guard !matches.isEmpty else { return failure(helpNotFound(name)) }
        var combined = Result()
        for match in matches {
            let result = show(name: match.name, view: view, helpFiles: helpFiles, width: width)
            combined.stdout += result.stdout
            combined.stderr += result.stderr
            combined.exitStatus = max(combined.exitStatus, result.exitStatus)
        }
        return combined
    }

    // MARK: - Lookup and messages

    static func lookup(_ name: String, in helpFiles: [String: String]) -> [(name: String, markdown: String)] {
        if let exact = helpFiles.first(where: { $0.key.lowercased() == name.lowercased() }) {
            return [(exact.key, exact.value)]
        }
        guard HelpWildcard.containsWildcards(name) else { return [] }
        let pattern = HelpWildcard(name)
        return helpFiles.filter { pattern.matches($0.key) }.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }

    /// `HelpErrors.HelpNotFound`.
    static func helpNotFound(_ name: String) -> String {
        "Get-Help could not find \(name) in a help file in this session. To download updated help topics type: \"Update-Help\". To get help online, search for the help topic in the TechNet library at https://go.microsoft.com/fwlink/?LinkID=107116."
    }

    /// ConciseView of an error written by Get-Help.
    static func failure(_ message: String) -> Result {
        Result(stderr: "Get-Help: \(message)\n", exitStatus: 1)
    }

    // MARK: - Binding Get-Help's parameters

    struct Bound {
        var name: String?
        var full = false
        var detailed = false
        var examples = false
        var online = false
        var parameter: [String]?
        var others: [String: [String]] = [:]
    }

    struct BindError: Error {
        let message: String
    }

    /// Get-Help's parameters (PowerShell 7 on Linux: no `-ShowWindow`), in metadata order, with
    /// the .NET type named by "Missing an argument" messages; nil type = switch.
    static let ownParameters: [(name: String, type: String?)] = [
        ("Name", "System.String"), ("Path", "System.String"), ("Category", "System.String[]"),
        ("Full", nil), ("Detailed", nil), ("Examples", nil), ("Parameter", "System.String[]"),
        ("Component", "System.String[]"), ("Functionality", "System.String[]"), ("Role", "System.String[]"),
        ("Online", nil),
    ]

    /// The common parameters, accepted and ignored (`CommonParameters.all`).
    static let commonParameters: [(name: String, type: String?, aliases: [String])] = CommonParameters.all.map {
        ($0.name, $0.type.isSwitch ? nil : $0.type.fullName, $0.aliases)
    }

    static func bind(_ arguments: [String]) -> Swift.Result<Bound, BindError> {
        var bound = Bound()
        var seen: Set<String> = []
        var index = 0
        var endOfParameters = false
        while index < arguments.count {
            let argument = arguments[index]
            index += 1
            if !endOfParameters, argument == "--" {
                endOfParameters = true
                continue
            }
            guard !endOfParameters, argument.count > 1, argument.hasPrefix("-"),
                let second = argument.dropFirst().first, second.isLetter || second == "_" || second == "?"
            else {
                guard bound.name == nil else {
                    return .failure(BindError(message: "A positional parameter cannot be found that accepts argument '\(argument)'."))
                }
                bound.name = argument
                continue
            }
            var typed = String(argument.dropFirst())
            var colonValue: String?
            if let colon = typed.firstIndex(of: ":") {
                colonValue = String(typed[typed.index(after: colon)...])
                typed = String(typed[..<colon])
            }
            let resolved: (name: String, type: String?)
            switch resolve(typed) {
            case .success(let value): resolved = value
            case .failure(let error): return .failure(error)
            }
            guard seen.insert(resolved.name).inserted else {
                return .failure(
                    BindError(
                        message: "Cannot bind parameter because parameter '\(resolved.name)' is specified more than once. To provide multiple values to parameters that can accept multiple values, use the array syntax. For example, \"-parameter value1,value2,value3\"."))
            }
            guard let type = resolved.type else {
                let on = colonValue.map { !["false", "0", "$false"].contains($0.lowercased()) } ?? true
                switch resolved.name {
                case "Full": bound.full = on
                case "Detailed": bound.detailed = on
                case "Examples": bound.examples = on
                case "Online": bound.online = on
                default: break
                }
                continue
            }
            let value: String
            if let colonValue, !colonValue.isEmpty {
                value = colonValue
            } else if colonValue == nil, index < arguments.count, !looksLikeParameter(arguments[index]) {
                value = arguments[index]
                index += 1
            } else {
                return .failure(
                    BindError(message: "Missing an argument for parameter '\(resolved.name)'. Specify a parameter of type '\(type)' and try again."))
            }
            switch resolved.name {
            case "Name": bound.name = value
            case "Parameter": bound.parameter = value.split(separator: ",").map(String.init)
            default: bound.others[resolved.name, default: []].append(value)
            }
        }
        return .success(bound)
    }

    static func looksLikeParameter(_ argument: String) -> Bool {
        guard argument.hasPrefix("-"), let second = argument.dropFirst().first else { return false }
        return second.isLetter || second == "_" || second == "?"
    }

    /// `MergedCommandParameterMetadata.GetMatchingParameter`: exact name or alias, else a unique
    /// prefix, Get-Help's own parameters winning over the common ones.
    static func resolve(_ typed: String) -> Swift.Result<(name: String, type: String?), BindError> {
        let folded = typed.lowercased()
        if let own = ownParameters.first(where: { $0.name.lowercased() == folded }) { return .success(own) }
        if let common = commonParameters.first(where: {
            $0.name.lowercased() == folded || $0.aliases.contains { $0.lowercased() == folded }
        }) {
            return .success((common.name, common.type))
        }
        let own = ownParameters.filter { $0.name.lowercased().hasPrefix(folded) }
        if own.count == 1 { return .success(own[0]) }
        let candidates = own.isEmpty
            ? commonParameters.filter { $0.name.lowercased().hasPrefix(folded) }.map { ($0.name, $0.type) }
            : own.map { ($0.name, $0.type) }
        if candidates.count == 1 { return .success(candidates[0]) }
        if candidates.isEmpty {
            return .failure(BindError(message: "A parameter cannot be found that matches parameter name '\(typed)'."))
        }
        let list = candidates.map { " -" + $0.0 }.joined()
        return .failure(
            BindError(message: "Parameter cannot be processed because the parameter name '\(typed)' is ambiguous. Possible matches include:\(list)."))
    }
}

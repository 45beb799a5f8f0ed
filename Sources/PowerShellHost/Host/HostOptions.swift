/// The host's own double-dash options, taken out of the argument list before PowerShell
/// binding (PowerShell invocations never contain them). A bare `--` ends them too.
///
/// Example: `New-AzCognitiveServicesAccountKey rg acct Key1 --output json` leaves
/// `["rg", "acct", "Key1"]` with `output == .json`.
package struct HostOptions: Sendable, Equatable {
    package var output: OutputFormat?
    /// `--help` or `--help=VIEW` (`--help VIEW` when VIEW is a known view name).
    package var help: HelpView?
    package var version = false
    package var throttleLimit: Int?
    /// `--include-input`: each JSON output object starts with `"Input"`, the pipeline object it came from.
    package var includeInput = false
    package var completion: CompletionScriptGenerator.Shell?
    package var manPage = false

    /// No option given.
    package init() {}

    /// Why a host option was not understood; shown as `AzShim: <message>`.
    package struct UsageError: Error, Equatable {
        package let message: String
        package init(message: String) { self.message = message }
    }

    /// Splits `words` into host options and the words left for PowerShell binding.
    package static func parse(_ words: [String]) throws(UsageError) -> (HostOptions, [String]) {
        var options = HostOptions()
        var remaining: [String] = []
        var index = 0
        func value(_ name: String, inline: String?) throws(UsageError) -> String {
            if let inline { return inline }
            index += 1
            guard index < words.count else { throw UsageError(message: "The option --\(name) needs a value.") }
            return words[index]
        }
        while index < words.count {
            let word = words[index]
            defer { index += 1 }
            if word == "--" {
                remaining.append(contentsOf: words[index...])
                break
            }
            guard word.hasPrefix("--"), word.count > 2 else {
                remaining.append(word)
                continue
            }
            let body = word.dropFirst(2)
            let equals = body.firstIndex(of: "=")
            let name = String(body[..<(equals ?? body.endIndex)])
            let inline = equals.map { String(body[body.index(after: $0)...]) }
            switch name {
            case "output":
                let text = try value(name, inline: inline)
                guard let format = OutputFormat(rawValue: text.lowercased()) else {
                    throw UsageError(message: "The option --output takes table, list or json, not '\(text)'.")
                }
                options.output = format
            case "help":
                if let inline {
                    guard let view = HelpView(hostOption: inline) else {
                        throw UsageError(
                            message: "Unknown help view '\(inline)'. Use --help, or --help=full, --help=detailed, "
                                + "--help=examples, --help=online, --help=parameter=NAME.")
                    }
                    options.help = view
                } else if index + 1 < words.count, !words[index + 1].isEmpty,
                    let view = HelpView(hostOption: words[index + 1])
                {
                    index += 1
                    options.help = view
                } else {
                    options.help = .standard
                }
            case "version":
                options.version = true
            case "throttle-limit":
                let text = try value(name, inline: inline)
                guard let limit = Int(text), (1...256).contains(limit) else {
                    throw UsageError(
                        message: "The option --throttle-limit takes a whole number from 1 to 256, not '\(text)'.")
                }
                options.throttleLimit = limit
            case "completion":
                let text = try value(name, inline: inline)
                guard let shell = CompletionScriptGenerator.Shell(rawValue: text.lowercased()) else {
                    throw UsageError(message: "The option --completion takes bash, zsh or fish, not '\(text)'.")
                }
                options.completion = shell
            case "man":
                options.manPage = true
            case "include-input":
                if let inline {
                    throw UsageError(message: "The option --include-input takes no value, not '\(inline)'.")
                }
                options.includeInput = true
            default:
                remaining.append(word)
            }
        }
        return (options, remaining)
    }
}

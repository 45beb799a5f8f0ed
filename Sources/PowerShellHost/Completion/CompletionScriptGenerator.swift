/// Generates bash, zsh and fish completion scripts from command metadata: every parameter
/// name and alias with its dash (matched ignoring case, as PowerShell binds them), the members
/// of enum-typed parameters (`-KeyName` offers `Key1 Key2`; the `-*Action` common parameters
/// offer the ActionPreference values their setter accepts, i.e. without `Suspend`), and the
/// host options (`--output table|list|json`, `--help[=VIEW]`, `--version`, `--throttle-limit`,
/// `--include-input`, `--completion bash|zsh|fish`, `--man`).
///
/// Example: `CompletionScriptGenerator.script(for: .bash, commands: [metadata])`, sourced in
/// bash, makes `New-AzCognitiveServicesAccountKey -K<TAB>` complete to `-KeyName`.
package enum CompletionScriptGenerator {
    package enum Shell: String, Sendable, CaseIterable {
        case bash, zsh, fish
    }

    /// A host option (double-dash word) and the values it takes, if any.
    package struct HostOption: Sendable, Equatable {
        package let name: String
        package let values: [String]

        package init(_ name: String, values: [String] = []) {
            self.name = name
            self.values = values
        }
    }

    /// The host options the AzShim host reads (DESIGN.md "Host options").
    package static let hostOptions: [HostOption] = [
        HostOption("--output", values: OutputFormat.allCases.map(\.rawValue)),
        HostOption("--help", values: HelpView.hostOptionValues),
        HostOption("--version"),
        HostOption("--throttle-limit"),
        HostOption("--include-input"),
        HostOption("--completion", values: Shell.allCases.map(\.rawValue)),
        HostOption("--man"),
    ]

    /// The completion script for `shell` covering `commands`.
    package static func script(for shell: Shell, commands: [CommandMetadata]) -> String {
        switch shell {
        case .bash: bash(commands)
        case .zsh: zsh(commands)
        case .fish: fish(commands)
        }
    }

    /// `-Name` and `-Alias` words, in metadata order.
    static func parameterWords(_ command: CommandMetadata) -> [String] {
        command.parameters.flatMap { ["-" + $0.name] + $0.aliases.map { "-" + $0 } }
    }

    /// The values offered after a parameter, nil when it takes free text or is a switch.
    static func values(of parameter: ParameterMetadata) -> [String]? {
        guard case .enumeration(let type) = parameter.type else { return nil }
        let rejectsSuspend = parameter.validations.contains(.actionPreferenceNotSuspend)
        return type.names.filter { !(rejectsSuspend && $0 == "Suspend") }
    }

    static func functionName(_ command: CommandMetadata) -> String {
        "_azshim_" + String(command.name.map { $0.isLetter || $0.isNumber ? $0 : "_" })
    }

    static func quoted(_ words: [String]) -> String {
        words.map { "'" + $0.replacingAll("'", with: "'\\''") + "'" }.joined(separator: " ")
    }

    // MARK: - bash

    static func bash(_ commands: [CommandMetadata]) -> String {
        var script = """
            # bash completion for AzShim commands (generated; do not edit).
            # Parameter names match ignoring case, as PowerShell binds them.

            _azshim_complete_words() {
                # $1: the word being completed; the rest: candidates. Fills COMPREPLY.
                local cur="$1" candidate restore
                shift
                restore=$(shopt -p nocasematch)
                shopt -s nocasematch
                COMPREPLY=()
                for candidate in "$@"; do
                    if [[ "$candidate" == "$cur"* ]]; then COMPREPLY+=("$candidate"); fi
                done
                eval "$restore"
            }

            """
        for command in commands {
            let function = functionName(command)
            script += "\n\(function)() {\n"
            script += "    local cur=\"${COMP_WORDS[COMP_CWORD]}\" prev=\"\"\n"
            script += "    (( COMP_CWORD > 0 )) && prev=\"${COMP_WORDS[COMP_CWORD-1]}\"\n"
            script += "    local restore; restore=$(shopt -p nocasematch); shopt -s nocasematch\n"
            script += "    local values=\"\"\n"
            script += "    case \"$prev\" in\n"
            for parameter in command.parameters {
                guard let values = values(of: parameter) else { continue }
                // A unique prefix of the name, or an alias, selects the parameter.
                let patterns = prefixPatterns(parameter, in: command)
                script += "        \(patterns)) values=\(quoted([values.joined(separator: " ")])) ;;\n"
            }
            for option in hostOptions where !option.values.isEmpty && option.name != "--help" {
                script += "        \(option.name)) values=\(quoted([option.values.joined(separator: " ")])) ;;\n"
            }
            script += "    esac\n"
            script += "    eval \"$restore\"\n"
            script += "    if [[ -n \"$values\" ]]; then\n"
            script += "        # shellcheck disable=SC2086\n"
            script += "        _azshim_complete_words \"$cur\" $values\n"
            script += "        return 0\n"
            script += "    fi\n"
            script += "    case \"$cur\" in\n"
            script +=
                "        --*) _azshim_complete_words \"$cur\" \(quoted(hostOptions.map(\.name) + HelpView.hostOptionValues.map { "--help=" + $0 })) ;;\n"
            script += "        -*)\n" + bashParameterNames(command) + "            ;;\n"
            script += "        *) COMPREPLY=() ;;\n"
            script += "    esac\n"
            script += "    return 0\n"
            script += "}\n"
            script += "complete -o default -F \(function) \(command.name)\n"
        }
        return script
    }

    /// A bash `case` pattern list matching every word that selects `parameter`, as the binder
    /// matches them: each prefix of its name or of an alias that no other parameter's name or
    /// alias shares, and the full name and aliases.
    static func prefixPatterns(_ parameter: ParameterMetadata, in command: CommandMetadata) -> String {
        let others = command.parameters.filter { $0.name != parameter.name }
            .flatMap { [$0.name] + $0.aliases }.map { $0.lowercased() }
        var words: [String] = []
        for word in [parameter.name] + parameter.aliases {
            for length in 1...word.count {
                let prefix = String(word.prefix(length))
                let unique = !others.contains { $0.hasPrefix(prefix.lowercased()) }
                if (length == word.count || unique)
                    && !words.contains(where: { $0.lowercased() == prefix.lowercased() })
                {
                    words.append(prefix)
                }
            }
        }
        return words.map { "-" + $0 }.joined(separator: "|")
    }

    // MARK: - zsh

    static func zsh(_ commands: [CommandMetadata]) -> String {
        let names = commands.map(\.name).joined(separator: " ")
        var script = "#compdef \(names)\n# zsh completion for AzShim commands (generated; do not edit).\n"
        let dispatcher = "_azshim_dispatch"
        for command in commands {
            script += zshFunction(command)
        }
        script += "\n\(dispatcher)() {\n    case $service in\n"
        for command in commands {
            script += "        \(command.name)) \(functionName(command)) \"$@\" ;;\n"
        }
        script += "    esac\n}\n\n"
        script += zshRegistration(dispatcher, for: names)
        return script
    }

    /// The end of a zsh completion file: run `function` when zsh autoloads the file for a
    /// completion, else register it for `names` (a file that is sourced).
    static func zshRegistration(_ function: String, for names: String) -> String {
        "if [[ $zsh_eval_context[-1] == loadautofunc ]]; then\n    \(function) \"$@\"\nelse\n    compdef \(function) \(names)\nfi\n"
    }

    /// The zsh completion function of one command (`_azshim_<name>`), which completes the word at
    /// `$CURRENT` of `$words`.
    static func zshFunction(_ command: CommandMetadata) -> String {
        var script = ""
        let function = functionName(command)
        script += "\n\(function)() {\n"
        script += "    local cur=${words[CURRENT]} prev=${words[CURRENT-1]}\n"
        script += "    local -a matcher=(-M 'm:{a-zA-Z}={A-Za-z}')\n"
        script += "    case ${(L)prev} in\n"
        for parameter in command.parameters {
            guard let values = values(of: parameter) else { continue }
            let patterns = prefixPatterns(parameter, in: command).lowercased()
            script += "        \(patterns)) compadd \"${matcher[@]}\" -- \(quoted(values)); return ;;\n"
        }
        for option in hostOptions where !option.values.isEmpty && option.name != "--help" {
            script += "        \(option.name)) compadd -- \(quoted(option.values)); return ;;\n"
        }
        script += "    esac\n"
        script += "    if [[ $cur == --* ]]; then\n"
        script += "        compadd -- \(quoted(hostOptions.map(\.name)))\n"
        script += "    elif [[ $cur == -* ]]; then\n"
        script += zshParameterNames(command)
        script += "    else\n"
        script += "        _files\n"
        script += "    fi\n"
        script += "}\n"
        return script
    }

    // MARK: - fish

    static func fish(_ commands: [CommandMetadata]) -> String {
        var script = "# fish completion for AzShim commands (generated; do not edit).\n"
        for command in commands {
            script += "\ncomplete -c \(command.name) -e\n"
            script += fishLines(command, program: command.name, condition: nil, skip: 1)
        }
        return script
    }

    /// The fish `complete` lines of one command's parameters and host options, for the program
    /// `program`, each applying only while `condition` (a fish command) holds when one is given;
    /// the command's words start after the first `skip` words. A parameter's name is offered
    /// only while `fishOffersFunction` allows it.
    static func fishLines(_ command: CommandMetadata, program: String, condition: String?, skip: Int) -> String {
        let head = "complete -c \(program)" + (condition.map { " -n \(quoted([$0]))" } ?? "")
        var script = fishOffersFunction(command)
        for parameter in command.parameters {
            let offers = fishOffersCondition(parameter, in: command, skip: skip)
            let conditions = (condition.map { [$0] } ?? []) + [offers]
            var line = "complete -c \(program) -n \(quoted([conditions.joined(separator: "; and ")]))"
            for word in [parameter.name] + parameter.aliases { line += " -o \(word)" }
            if let values = values(of: parameter) {
                line += " -x -a \(quoted([values.joined(separator: " ")]))"
            } else if !parameter.type.isSwitch {
                line += " -r"
            }
            line += " -d \(quoted([parameter.type.fullName]))"
            script += line + "\n"
        }
        for option in hostOptions {
            let long = String(option.name.dropFirst(2))
            var line = head + " -l \(long)"
            if !option.values.isEmpty { line += " -x -a \(quoted([option.values.joined(separator: " ")]))" }
            script += line + "\n"
        }
        return script
    }
}

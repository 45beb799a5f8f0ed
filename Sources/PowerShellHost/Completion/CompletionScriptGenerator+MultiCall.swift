extension CompletionScriptGenerator {
    /// The multi-call binary's name, as `Scripts/install.sh` installs it.
    package static let multiCallProgram = "azshim"

    /// The words `azshim` takes first besides a cmdlet name (`-?` is `--help`).
    static let multiCallOptions = ["--help", "--version", "--completion", "-?"]

    /// The completion script for `azshim`: the first argument completes to a cmdlet name (or
    /// `Get-Help`, or one of `--help`, `--version`, `--completion`), ignoring case; after a cmdlet
    /// name, the words complete exactly as they do after that cmdlet's own name; after `Get-Help`,
    /// cmdlet names. Each cmdlet's own completion is in the script too.
    ///
    /// Example: `azshim --completion bash`, sourced in bash, makes `azshim new-az<TAB>` complete to
    /// `New-AzCognitiveServicesAccountKey` and `azshim New-AzCognitiveServicesAccountKey -K<TAB>` to `-KeyName`.
    package static func multiCallScript(for shell: Shell, commands: [CommandMetadata]) -> String {
        switch shell {
        case .bash: multiCallBash(commands)
        case .zsh: multiCallZsh(commands)
        case .fish: multiCallFish(commands)
        }
    }

    /// Cmdlet names and `Get-Help`, sorted as `azshim --help` lists them.
    static func commandNames(_ commands: [CommandMetadata]) -> [String] {
        (commands.map(\.name) + [Invocation.helpCommandName]).sorted { $0.lowercased() < $1.lowercased() }
    }

    static var multiCallFunction: String { "_azshim_multicall" }

    // MARK: - bash

    static func multiCallBash(_ commands: [CommandMetadata]) -> String {
        let names = quoted(commandNames(commands))
        var script = bash(commands)
        script += "\n\(multiCallFunction)() {\n"
        script += "    local cur=\"${COMP_WORDS[COMP_CWORD]}\"\n"
        script += "    if (( COMP_CWORD <= 1 )); then\n"
        script += "        case \"$cur\" in\n"
        script += "            -*) _azshim_complete_words \"$cur\" \(quoted(multiCallOptions)) ;;\n"
        script += "            *) _azshim_complete_words \"$cur\" \(names) ;;\n"
        script += "        esac\n"
        script += "        return 0\n"
        script += "    fi\n"
        script += "    local restore function=\"\"; restore=$(shopt -p nocasematch); shopt -s nocasematch\n"
        script += "    case \"${COMP_WORDS[1]}\" in\n"
        for command in commands {
            script += "        \(quoted([command.name]))) function=\(functionName(command)) ;;\n"
        }
        script +=
            "        Get-Help) [[ \"$cur\" == -* ]] && COMPREPLY=() || _azshim_complete_words \"$cur\" \(quoted(commands.map(\.name))) ;;\n"
        script +=
            "        --completion) (( COMP_CWORD == 2 )) && _azshim_complete_words \"$cur\" \(quoted(Shell.allCases.map(\.rawValue))) ;;\n"
        script += "        *) COMPREPLY=() ;;\n"
        script += "    esac\n"
        script += "    eval \"$restore\"\n"
        script += "    if [[ -n \"$function\" ]]; then\n"
        script += "        # The cmdlet's own completion, as if its name were the command.\n"
        script += "        local -a COMP_WORDS=(\"${COMP_WORDS[@]:1}\")\n"
        script += "        local COMP_CWORD=$((COMP_CWORD - 1))\n"
        script += "        \"$function\"\n"
        script += "    fi\n"
        script += "    return 0\n"
        script += "}\n"
        script += "complete -o default -F \(multiCallFunction) \(multiCallProgram)\n"
        return script
    }

    // MARK: - zsh

    static func multiCallZsh(_ commands: [CommandMetadata]) -> String {
        var script =
            "#compdef \(multiCallProgram)\n# zsh completion for AzShim's \(multiCallProgram) (generated; do not edit).\n"
        for command in commands {
            script += zshFunction(command)
        }
        let matcher = "-M 'm:{a-zA-Z}={A-Za-z}'"
        script += "\n\(multiCallFunction)() {\n"
        script += "    if (( CURRENT == 2 )); then\n"
        script += "        if [[ ${words[CURRENT]} == -* ]]; then\n"
        script += "            compadd -- \(quoted(multiCallOptions))\n"
        script += "        else\n"
        script += "            compadd \(matcher) -- \(quoted(commandNames(commands)))\n"
        script += "        fi\n"
        script += "        return\n"
        script += "    fi\n"
        script += "    local command=${(L)words[2]}\n"
        script += "    # The cmdlet's own completion, as if its name were the command.\n"
        script += "    shift words\n"
        script += "    (( CURRENT-- ))\n"
        script += "    case $command in\n"
        for command in commands {
            script += "        \(quoted([command.name.lowercased()]))) \(functionName(command)) ;;\n"
        }
        script += "        get-help) compadd \(matcher) -- \(quoted(commands.map(\.name))) ;;\n"
        script +=
            "        --completion) (( CURRENT == 2 )) && compadd -- \(quoted(Shell.allCases.map(\.rawValue))) ;;\n"
        script += "    esac\n"
        script += "}\n\n"
        script += zshRegistration(multiCallFunction, for: multiCallProgram)
        return script
    }

    // MARK: - fish

    static func multiCallFish(_ commands: [CommandMetadata]) -> String {
        let program = multiCallProgram
        var script = "# fish completion for AzShim's \(program) (generated; do not edit).\n"
        script += "\ncomplete -c \(program) -e\n"
        script +=
            "complete -c \(program) -n __fish_use_subcommand -x -a \(quoted([commandNames(commands).joined(separator: " ")]))\n"
        script += "complete -c \(program) -n __fish_use_subcommand -l help -l version\n"
        script +=
            "complete -c \(program) -n __fish_use_subcommand -l completion -x -a \(quoted([Shell.allCases.map(\.rawValue).joined(separator: " ")]))\n"
        script +=
            "complete -c \(program) -n \(quoted(["__fish_seen_subcommand_from Get-Help"])) -x -a \(quoted([commands.map(\.name).joined(separator: " ")]))\n"
        for command in commands {
            script += fishLines(
                command, program: program, condition: "__fish_seen_subcommand_from \(command.name)", skip: 2)
        }
        return script
    }
}

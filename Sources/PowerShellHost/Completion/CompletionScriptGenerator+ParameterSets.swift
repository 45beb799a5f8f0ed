/// Parameter names offered as PowerShell's tab completion offers them
/// (`CompletionCompleters.GetParameterCompletionResults`): only parameters not bound yet, and
/// only those in a parameter set that the parameters named so far leave possible
/// (`(param.ParameterSetFlags & validParameterSetFlags) != 0 || param.IsInAllSets`).
///
/// Each script scans the words before the cursor: a word that selects a parameter (its name, a
/// unique prefix or an alias, with or without `:value`) marks it bound and narrows the sets to
/// its own. Positional arguments do not narrow (PowerShell's pseudo-binder also binds them).
///
/// Example: `Get-AzCognitiveServicesAccount -InRemovedState -<TAB>` offers `-ResourceGroupName`,
/// `-Name`, `-Location` and the common parameters, but not `-InRemovedState` again.
extension CompletionScriptGenerator {
    /// Bit `i` is set when `parameter` is in the `i`-th of `command.parameterSetNames`; every
    /// set's bit for an `(All)` parameter or a command without sets.
    static func setMask(_ parameter: ParameterMetadata, in command: CommandMetadata) -> Int {
        if parameter.isInAllSets || command.parameterSetNames.isEmpty { return allSetsMask(command) }
        var mask = 0
        for (index, set) in command.parameterSetNames.enumerated() where parameter.membership(in: set) != nil {
            mask |= 1 << index
        }
        return mask
    }

    /// Every set's bit (one bit for a command without sets).
    static func allSetsMask(_ command: CommandMetadata) -> Int {
        (1 << max(command.parameterSetNames.count, 1)) - 1
    }

    /// The words that select `parameter` (`prefixPatterns`), each also with a `:value` suffix.
    static func boundPatterns(_ parameter: ParameterMetadata, in command: CommandMetadata) -> [String] {
        prefixPatterns(parameter, in: command).split(separator: "|").flatMap { [String($0), $0 + ":*"] }
    }

    // MARK: - bash and zsh

    /// Lines of a bash completion function (nocasematch on) that complete the parameter name `$cur`.
    static func bashParameterNames(_ command: CommandMetadata) -> String {
        let indent = "            "
        return indent + "shopt -s nocasematch\n"
            + offeredParameters(command, word: "\"${COMP_WORDS[i]}\"", first: 1, end: "COMP_CWORD", indent: indent)
            + indent + "eval \"$restore\"\n"
            + indent + "_azshim_complete_words \"$cur\" \"${offered[@]}\"\n"
    }

    /// Lines of a zsh completion function that complete the parameter name `$cur`.
    static func zshParameterNames(_ command: CommandMetadata) -> String {
        let indent = "        "
        return offeredParameters(command, word: "${(L)words[i]}", first: 2, end: "CURRENT", indent: indent)
            + indent + "compadd \"${matcher[@]}\" -- \"${offered[@]}\"\n"
    }

    /// bash/zsh lines that scan the words `first..<end` (each read as `word`, matched ignoring case)
    /// and fill the array `offered` with the words of the parameters still to offer.
    static func offeredParameters(
        _ command: CommandMetadata, word: String, first: Int, end: String, indent: String
    ) -> String {
        let all = allSetsMask(command)
        var script = indent + "local -i mask=\(all) i\n"
        script += indent + "local bound=\" \"\n"
        script += indent + "for (( i = \(first); i < \(end); i++ )); do\n"
        script += indent + "    case \(word) in\n"
        for parameter in command.parameters {
            // Lowercase patterns: zsh reads the word lowercased, bash matches with nocasematch.
            let patterns = boundPatterns(parameter, in: command).joined(separator: "|").lowercased()
            script += indent + "        \(patterns)) (( mask &= \(setMask(parameter, in: command)) )); "
            script += "bound+=\"\(parameter.name) \" ;;\n"
        }
        script += indent + "    esac\n"
        script += indent + "done\n"
        script += indent + "(( mask == 0 )) && mask=\(all)\n"
        script += indent + "local -a offered=()\n"
        for parameter in command.parameters {
            let words = quoted(["-" + parameter.name] + parameter.aliases.map { "-" + $0 })
            script += indent + "(( mask & \(setMask(parameter, in: command)) )) "
            script += "&& [[ \"$bound\" != *\" \(parameter.name) \"* ]] && offered+=(\(words))\n"
        }
        return script
    }

    // MARK: - fish

    /// The fish function `NAME SKIP PARAMETER MASK` that succeeds when `PARAMETER` (in the sets of
    /// `MASK`) may be offered: the words after the first `SKIP` do not bind it and leave one of
    /// its sets possible. While a value (not a `-` word) is completed it always succeeds.
    static func fishOffersFunction(_ command: CommandMetadata) -> String {
        let all = allSetsMask(command)
        var script = "\nfunction \(fishOffersName(command))\n"
        script += "    string match -q -- '-*' (commandline -ct); or return 0\n"
        script += "    set -l words (commandline -opc)\n"
        script += "    set -e words[1..$argv[1]]\n"
        script += "    set -l mask \(all)\n"
        script += "    set -l bound\n"
        script += "    for word in $words\n"
        script += "        switch (string lower -- $word)\n"
        for parameter in command.parameters {
            let patterns = quoted(boundPatterns(parameter, in: command).map { $0.lowercased() })
            script += "            case \(patterns)\n"
            script += "                set mask (math \"bitand($mask, \(setMask(parameter, in: command)))\")\n"
            script += "                set -a bound \(parameter.name)\n"
        }
        script += "        end\n"
        script += "    end\n"
        script += "    contains -- $argv[2] $bound; and return 1\n"
        script += "    test $mask -eq 0; and return 0\n"
        script += "    test (math \"bitand($mask, $argv[3])\") -ne 0\n"
        script += "end\n"
        return script
    }

    static func fishOffersName(_ command: CommandMetadata) -> String {
        "__azshim_offers" + functionName(command).dropFirst("_azshim".count)
    }

    /// The fish condition under which `parameter`'s name is offered, after `skip` words.
    static func fishOffersCondition(_ parameter: ParameterMetadata, in command: CommandMetadata, skip: Int) -> String {
        "\(fishOffersName(command)) \(skip) \(parameter.name) \(setMask(parameter, in: command))"
    }
}

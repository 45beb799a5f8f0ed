/// Turns the words a POSIX shell hands over into PowerShell command-argument tokens,
/// as `engine/parser/tokenizer.cs` (`ScanParameter`) would scan the same words.
///
/// Rules: a dash (`-`, en dash, em dash or horizontal bar) followed by a letter, `_` or `?`
/// starts a parameter; its name runs to the first `:`, which marks the colon form
/// (`-Name:value`, or `-Name:` taking the next word); the first `--` ends parameters;
/// a bare `-`, `--foo` and negative numbers are values; `-?` anywhere before `--` asks for help.
///
/// Example: `ArgumentTokenizer.tokenize(["-W", "rg"])` is `[-W parameter, "rg" value]`.
package enum ArgumentTokenizer {
    /// The tokens, and whether `-?` asked for help (then nothing is bound).
    package struct Result: Sendable, Equatable {
        package var arguments: [CommandArgument]
        package var helpRequested: Bool
    }

    package static func tokenize(_ words: [String]) -> Result {
        var arguments: [CommandArgument] = []
        var helpRequested = false
        var parametersEnded = false
        var index = 0
        while index < words.count {
            let word = words[index]
            let wordIndex = index
            defer { index += 1 }
            if parametersEnded {
                arguments.append(CommandArgument(.value(.string(word)), index: index))
                continue
            }
            if word == "--" {
                parametersEnded = true
                continue
            }
            guard let (name, colon) = parameterName(word) else {
                arguments.append(CommandArgument(.value(ArgumentValue(word: word)), index: index))
                continue
            }
            if name == "?" && colon == nil {
                helpRequested = true
                continue
            }
            guard let colon else {
                arguments.append(CommandArgument(.parameter(name: name, text: word, colonValue: nil), index: index))
                continue
            }
            let attached = String(word[word.index(after: colon)...])
            let text = String(word[...colon])
            let colonValue: CommandArgument.ColonValue
            if !attached.isEmpty {
                colonValue = .attached(ArgumentValue(word: attached))
            } else if index + 1 < words.count {
                index += 1
                colonValue = .nextWord(ArgumentValue(word: words[index]), argumentIndex: index)
            } else {
                colonValue = .missing
            }
            arguments.append(
                CommandArgument(.parameter(name: name, text: text, colonValue: colonValue), index: wordIndex))
        }
        return Result(arguments: arguments, helpRequested: helpRequested)
    }

    /// The parameter name of `word` and the index of its colon, or nil when the word is a value.
    private static func parameterName(_ word: String) -> (String, String.Index?)? {
        guard let first = word.first, Dash.isDash(first) else { return nil }
        let rest = word.dropFirst()
        guard let start = rest.first, start.isLetter || start == "_" || start == "?" else { return nil }
        if let colon = rest.firstIndex(of: ":") {
            return (String(rest[..<colon]), colon)
        }
        return (String(rest), nil)
    }
}

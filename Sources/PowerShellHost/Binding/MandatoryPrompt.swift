/// Asks for missing mandatory parameters as PowerShell's console host does
/// (`ConsoleHostUserInterfacePrompt.cs`): an empty line, `cmdlet NAME at command pipeline
/// position 1`, `Supply values for the following parameters:`, `(Type !? for Help.)` when a
/// parameter has a HelpMessage, then `Name: ` for each. `!?` shows the HelpMessage, `!""` enters
/// an empty string, `!$null` null, `!!x` the text `!x`; other `!x` is not a prompt command.
///
/// Example: with only `-KeyName Key1` given, it asks `ResourceGroupName: ` then `Name: `.
struct MandatoryPrompt {
    let commandName: String
    let terminal: any PromptTerminal

    /// The answers, in order, or nil when input ended (Ctrl+D): the command then fails with
    /// MissingMandatoryParameter.
    func ask(_ parameters: [ParameterMetadata]) -> [ArgumentValue]? {
        terminal.write(
            "\ncmdlet \(commandName) at command pipeline position 1\nSupply values for the following parameters:\n")
        if parameters.contains(where: { $0.helpMessage != nil }) { terminal.write("(Type !? for Help.)\n") }
        var answers: [ArgumentValue] = []
        for parameter in parameters {
            guard let answer = askOne(parameter) else {
                terminal.write("\n")
                return nil
            }
            answers.append(answer)
        }
        return answers
    }

    private func askOne(_ parameter: ParameterMetadata) -> ArgumentValue? {
        while true {
            terminal.write("\(parameter.name): ")
            guard let line = terminal.readLine() else { return nil }
            guard line.hasPrefix("!") else { return .string(line) }
            let command = line.dropFirst()
            if command.hasPrefix("!") { return .string(String(command)) }
            if command == "?" {
                terminal.write(
                    (parameter.helpMessage ?? "No help is available for \(parameter.name).") + "\n")
                continue
            }
            if command == "\"\"" { return .string("") }
            if command.lowercased() == "$null" { return .null }
            terminal.write(
                "\"\(TerminalText.escapingControls(line))\" cannot be recognized as a valid Prompt command.\n")
        }
    }
}

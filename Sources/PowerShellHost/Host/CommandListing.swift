/// What the multi-call binary prints for `azshim`, `azshim --help` and `azshim -?`: how to call
/// it, and every command it serves with its synopsis from the embedded help (Get-Help's is
/// PowerShell's own).
///
/// Example: `CommandListing.render(programName: "azshim", commands: AzureCmdlets.all)` starts
/// ```
/// Usage: azshim CMDLET [ARGUMENTS]
/// ```
/// and lists `  New-AzCognitiveServicesAccountKey  Regenerates an account key.` among the commands.
package enum CommandListing {
    /// Get-Help's SYNOPSIS in PowerShell's help (Microsoft.PowerShell.Core/Get-Help.md).
    static let helpSynopsis = "Displays information about PowerShell commands and concepts."

    package static func render(programName: String, commands: [CommandDefinition]) -> String {
        let rows =
            commands.map { ($0.metadata.name, synopsis(of: $0)) } + [(Invocation.helpCommandName, helpSynopsis)]
        let sorted = rows.sorted { $0.0.lowercased() < $1.0.lowercased() }
        let width = sorted.map(\.0.count).max() ?? 0
        var text = "Usage: \(programName) CMDLET [ARGUMENTS]\n"
        text += "   or: CMDLET [ARGUMENTS]   (through a link named after the cmdlet)\n\n"
        text += "Runs a PowerShell Az cmdlet natively. Cmdlets:\n"
        for (name, synopsis) in sorted {
            let padding = String(repeating: " ", count: width - name.count)
            text += "  \(name)\(padding)  \(synopsis)\n"
        }
        text += "\nHelp for one cmdlet: \(programName) CMDLET -?  or  \(programName) Get-Help CMDLET -Full\n"
        text += "Version: \(programName) --version\n"
        return text
    }

    /// The SYNOPSIS of the cmdlet's embedded help, or an empty text when it has none.
    static func synopsis(of definition: CommandDefinition) -> String {
        guard let markdown = definition.helpMarkdown, let document = HelpMarkdownParser.parse(markdown).document else {
            return ""
        }
        return document.synopsis.split(whereSeparator: \.isNewline).joined(separator: " ")
    }
}

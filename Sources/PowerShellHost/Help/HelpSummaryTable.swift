/// What `Get-Help PATTERN` prints when the pattern matches more than one topic: one
/// `HelpInfoShort` object per topic, shown with its format's table view, `help`
/// (PowerShell/PowerShell `FormatAndOutput/DefaultFormatters/Help_format_ps1xml.cs`,
/// `ViewsOf_HelpInfoShort`): Name (width 33), Category (9), Module (25; the module name, else
/// the snap-in), Synopsis (the rest), all left-aligned.
///
/// The topics come in the order the help system finds them (`CommandHelpProvider.SearchHelp`
/// yields commands as command discovery returns them, without sorting; for a module not yet
/// imported that is its manifest's `CmdletsToExport` order, which for Az.CognitiveServices'
/// `Get-AzCognitiveServicesAccount`, `Get-AzCognitiveServicesAccountKey`,
/// `New-AzCognitiveServicesAccountKey` is their ordinal, case-insensitive order, the order
/// `HelpCommand.lookup` returns).
///
/// Example: `Get-Help '*AccountKey'` prints
/// ```
///
/// Name                              Category  Module                    Synopsis
/// ----                              --------  ------                    --------
/// Get-AzCognitiveServicesAccountKey Cmdlet    Az.CognitiveServices      Gets the API keys for an account.
/// New-AzCognitiveServicesAccountKey Cmdlet    Az.CognitiveServices      Regenerates an account key.
///
/// ```
enum HelpSummaryTable {
    static let labels = ["Name", "Category", "Module", "Synopsis"]
    static let widths: [Int?] = [33, 9, 25, nil]

    /// The table of `documents`; `maximumWidth` (stdout is a terminal) cuts it as every table is cut.
    static func render(_ documents: [HelpDocument], maximumWidth: Int?) -> String {
        let rows = documents.map { document in
            PSObject(
                typeName: "HelpInfoShort",
                properties: [
                    ("Name", document.name), ("Category", "Cmdlet"),
                    ("Module", document.frontMatter.first { $0.key.lowercased() == "module name" }?.value ?? ""),
                    ("Synopsis", document.synopsis.split(whereSeparator: \.isNewline).joined(separator: " ")),
                ])
        }
        let table = TableFormatter(labels: labels, widths: widths, sizingWith: rows, maximumWidth: maximumWidth)
        return table.header + rows.map(table.row).joined() + table.footer
    }
}

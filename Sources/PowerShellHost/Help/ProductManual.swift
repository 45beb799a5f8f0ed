/// The manual of the product as a whole, beside each cmdlet's help: what the multi-call binary
/// is, and the tables every man page ends with (exit status, environment, files, deviations).
/// The product fills it in (`AzShimManual.manual`); the host renders it for `--man`.
///
/// Example: `azshim --man` is `ManPageGenerator.renderProduct(AzShimManual.manual, commands:
/// AzureCmdlets.all)`, and `New-AzCognitiveServicesAccountKey --man` ends with the same tables.
package struct ProductManual: Sendable, Equatable {
    /// The multi-call binary's name, e.g. `azshim`.
    package let name: String
    /// One line for the NAME section, e.g. `PowerShell Az cmdlets as native programs`.
    package let summary: String
    /// The DESCRIPTION of the multi-call binary's page: paragraphs of markdown inline text.
    package let description: [String]
    /// The sections every man page gains, in order.
    package let tables: [ManualTable]

    package init(name: String, summary: String, description: [String], tables: [ManualTable]) {
        self.name = name
        self.summary = summary
        self.description = description
        self.tables = tables
    }
}

import PowerShellHost

/// The cmdlets this binary serves, chosen by the name it is invoked as (see `Invocation`).
///
/// Example: a link named `New-AzCognitiveServicesAccountKey` runs
/// `AzureCmdlets.named("New-AzCognitiveServicesAccountKey")`; `AzureCmdlets.named("azshim")` is nil.
package enum AzureCmdlets {
    package static let all: [CommandDefinition] = [
        NewAzCognitiveServicesAccountKey.definition, GetAzCognitiveServicesAccountKey.definition,
        GetAzCognitiveServicesAccount.definition,
    ]

    /// The cmdlet with this name (case-insensitive), or nil: an unknown name never runs a cmdlet.
    package static func named(_ name: String) -> CommandDefinition? {
        all.first { $0.metadata.name.lowercased() == name.lowercased() }
    }
}

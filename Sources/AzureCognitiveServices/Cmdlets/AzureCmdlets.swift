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
    /// Only that cmdlet's metadata is built (the others' would be start-up work, issue 14).
    package static func named(_ name: String) -> CommandDefinition? {
        let folded = name.lowercased()
        func definition<Cmdlet: CognitiveServicesAccountCmdlet>(_: Cmdlet.Type) -> CommandDefinition? {
            Cmdlet.commandName.lowercased() == folded ? Cmdlet.definition : nil
        }
        return definition(NewAzCognitiveServicesAccountKey.self) ?? definition(GetAzCognitiveServicesAccountKey.self)
            ?? definition(GetAzCognitiveServicesAccount.self)
    }
}

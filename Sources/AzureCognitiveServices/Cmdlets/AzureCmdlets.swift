import PowerShellHost

/// The cmdlets this binary serves, chosen by the name it is invoked as.
///
/// Example: a link named `New-AzCognitiveServicesAccountKey` runs `AzureCmdlets.named("New-AzCognitiveServicesAccountKey")`.
public enum AzureCmdlets {
    public static let all: [CommandDefinition] = [
        NewAzCognitiveServicesAccountKey.definition, GetAzCognitiveServicesAccountKey.definition,
    ]

    /// The cmdlet with this name (case-insensitive), or the first one for any other name
    /// (a renamed binary keeps working).
    public static func named(_ name: String) -> CommandDefinition {
        all.first { $0.metadata.name.lowercased() == name.lowercased() } ?? all[0]
    }
}

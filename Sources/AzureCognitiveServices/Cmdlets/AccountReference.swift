import PowerShellHost

/// The Cognitive Services account a cmdlet works on: `-ResourceGroupName` and `-Name` as bound
/// for the current input object.
///
/// Example: `Get-AzCognitiveServicesAccountKey rg myluis` works on
/// `AccountReference(resourceGroupName: "rg", name: "myluis")`.
struct AccountReference: Sendable, Equatable {
    let resourceGroupName: String
    let name: String

    init(resourceGroupName: String, name: String) {
        self.resourceGroupName = resourceGroupName
        self.name = name
    }

    /// The account the bound `-ResourceGroupName` and `-Name` name; nil when either is unbound.
    init?(_ parameters: BoundParameters) {
        guard let resourceGroupName = parameters[CognitiveServicesParameters.resourceGroupName],
            let name = parameters[CognitiveServicesParameters.name]
        else { return nil }
        self.init(resourceGroupName: resourceGroupName, name: name)
    }
}

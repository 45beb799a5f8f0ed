import PowerShellHost

/// `Get-AzCognitiveServicesAccountKey`: reads Key1 and Key2 of a Cognitive Services account
/// (`GetAzureCognitiveServicesAccountKeyCommand` in Az.CognitiveServices: `Accounts.ListKeys`,
/// written as `PSCognitiveServicesAccountKeys`; no ShouldProcess).
///
/// Example: `Get-AzCognitiveServicesAccountKey -ResourceGroupName rg -Name myluis` prints the table
/// of the account's two keys.
package struct GetAzCognitiveServicesAccountKey: CognitiveServicesAccountCmdlet {
    package static let commandName = "Get-AzCognitiveServicesAccountKey"

    package static let metadata = CommandMetadata(
        name: commandName,
        implementingTypeName:
            "Microsoft.Azure.Commands.Management.CognitiveServices.GetAzureCognitiveServicesAccountKeyCommand",
        declaredParameters: [
            CognitiveServicesParameters.resourceGroupName.metadata, CognitiveServicesParameters.name.metadata,
            CognitiveServicesParameters.defaultProfile.metadata,
        ],
        supportsShouldProcess: false)

    static let outputTypeName =
        "Microsoft.Azure.Commands.Management.CognitiveServices.Models.PSCognitiveServicesAccountKeys"

    package init() {}

    package func process(
        _ parameters: BoundParameters, session: AzureSession, runtime: CommandRuntime
    ) throws(ErrorRecord) {
        guard let account = AccountReference(parameters) else { return }
        let keys = try session.client.listKeys(resourceGroup: account.resourceGroupName, account: account.name)
        runtime.writeObject(keys.object(typeName: Self.outputTypeName))
    }
}

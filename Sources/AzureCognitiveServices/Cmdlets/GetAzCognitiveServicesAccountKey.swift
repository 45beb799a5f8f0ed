import PowerShellHost

/// `Get-AzCognitiveServicesAccountKey`: reads Key1 and Key2 of a Cognitive Services account
/// (`GetAzureCognitiveServicesAccountKeyCommand` in Az.CognitiveServices: `Accounts.ListKeys`,
/// written as `PSCognitiveServicesAccountKeys`; no ShouldProcess).
///
/// Example: `Get-AzCognitiveServicesAccountKey -ResourceGroupName rg -Name myluis` prints the table
/// of the account's two keys.
public final class GetAzCognitiveServicesAccountKey: CognitiveServicesAccountCmdlet {
    public static let metadata = CommandMetadata(
        name: "Get-AzCognitiveServicesAccountKey",
        implementingTypeName: "Microsoft.Azure.Commands.Management.CognitiveServices.GetAzureCognitiveServicesAccountKeyCommand",
        declaredParameters: [
            CognitiveServicesParameters.resourceGroupName, CognitiveServicesParameters.name,
            CognitiveServicesParameters.defaultProfile,
        ],
        supportsShouldProcess: false)

    public static let definition = CommandDefinition(
        metadata: metadata, helpMarkdown: EmbeddedHelp.markdown[metadata.name],
        makeCmdlet: { GetAzCognitiveServicesAccountKey(metadata: metadata, environment: $0) },
        checkEnvironment: AzureHTTPSettings.problem)

    static let outputTypeName = "Microsoft.Azure.Commands.Management.CognitiveServices.Models.PSCognitiveServicesAccountKeys"

    public override func process(_ parameters: BoundParameters, _ runtime: CommandRuntime) throws(ErrorRecord) {
        guard let (session, resourceGroup, name) = account(parameters, runtime) else { return }
        let keys = try session.client.listKeys(resourceGroup: resourceGroup, account: name)
        runtime.writeObject(keys.object(typeName: Self.outputTypeName))
    }
}

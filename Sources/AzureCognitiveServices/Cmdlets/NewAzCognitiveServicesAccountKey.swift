import PowerShellHost

/// `New-AzCognitiveServicesAccountKey`: regenerates Key1 or Key2 of a Cognitive Services account
/// (`NewAzureCognitiveServicesAccountKeyCommand` in Az.CognitiveServices).
///
/// Example: `New-AzCognitiveServicesAccountKey -ResourceGroupName rg -Name myluis -KeyName Key1`
/// writes the ApiKeys object with the new Key1 and the unchanged Key2.
public final class NewAzCognitiveServicesAccountKey: CognitiveServicesAccountCmdlet {
    public static let metadata = CommandMetadata(
        name: "New-AzCognitiveServicesAccountKey",
        implementingTypeName: "Microsoft.Azure.Commands.Management.CognitiveServices.NewAzureCognitiveServicesAccountKeyCommand",
        declaredParameters: [
            CognitiveServicesParameters.resourceGroupName, CognitiveServicesParameters.name,
            CognitiveServicesParameters.keyName, CognitiveServicesParameters.force,
            CognitiveServicesParameters.defaultProfile,
        ],
        supportsShouldProcess: true)

    public static let definition = CommandDefinition(
        metadata: metadata, helpMarkdown: EmbeddedHelp.markdown[metadata.name],
        makeCmdlet: { NewAzCognitiveServicesAccountKey(metadata: metadata, environment: $0) },
        checkEnvironment: AzureHTTPSettings.problem)

    /// What New- writes: the SDK's `ApiKeys`, not wrapped (`WriteObject(keys)`).
    static let outputTypeName = "Microsoft.Azure.Management.CognitiveServices.Models.ApiKeys"

    public override func process(_ parameters: BoundParameters, _ runtime: CommandRuntime) throws(ErrorRecord) {
        guard let (session, resourceGroup, name) = account(parameters, runtime),
            let keyName = parameters["KeyName"]?.value.enumerationName
        else { return }
        let action = "Regenerating Key \(keyName) for account \(name)."
        // Az: `ShouldProcess(Name, action) || Force.IsPresent`. AzShim lets -WhatIf and a "No"
        // win over -Force (a deliberate deviation, see README).
        guard runtime.shouldProcess(target: name, action: action) else {
            if parameters.isPresent("Force") && runtime.preferences.whatIf {
                runtime.writeWarning(
                    "The Az module would regenerate \(keyName) of '\(name)' anyway, because -Force overrides "
                        + "-WhatIf there; AzShim changes nothing under -WhatIf.")
            }
            return
        }
        let keys = try session.client.regenerateKey(resourceGroup: resourceGroup, account: name, keyName: keyName)
        runtime.writeObject(keys.object(typeName: Self.outputTypeName))
    }
}

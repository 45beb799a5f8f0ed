import PowerShellHost

/// `New-AzCognitiveServicesAccountKey`: regenerates Key1 or Key2 of a Cognitive Services account
/// (`NewAzureCognitiveServicesAccountKeyCommand` in Az.CognitiveServices).
///
/// Example: `New-AzCognitiveServicesAccountKey -ResourceGroupName rg -Name myluis -KeyName Key1`
/// writes the ApiKeys object with the new Key1 and the unchanged Key2.
package struct NewAzCognitiveServicesAccountKey: CognitiveServicesAccountCmdlet {
    package static let metadata = CommandMetadata(
        name: "New-AzCognitiveServicesAccountKey",
        implementingTypeName:
            "Microsoft.Azure.Commands.Management.CognitiveServices.NewAzureCognitiveServicesAccountKeyCommand",
        declaredParameters: [
            CognitiveServicesParameters.resourceGroupName, CognitiveServicesParameters.name,
            CognitiveServicesParameters.keyName, CognitiveServicesParameters.force,
            CognitiveServicesParameters.defaultProfile,
        ],
        supportsShouldProcess: true)

    /// What New- writes: the SDK's `ApiKeys`, not wrapped (`WriteObject(keys)`).
    static let outputTypeName = "Microsoft.Azure.Management.CognitiveServices.Models.ApiKeys"

    package init() {}

    package func process(
        _ parameters: BoundParameters, session: AzureSession, runtime: CommandRuntime
    ) throws(ErrorRecord) {
        guard let account = AccountReference(parameters), let keyName = parameters[CognitiveServicesParameters.keyName]
        else { return }
        let action = "Regenerating Key \(keyName.rawValue) for account \(account.name)."
        // Az: `ShouldProcess(Name, action) || Force.IsPresent`. AzShim lets -WhatIf and a "No"
        // win over -Force (a deliberate deviation, see README).
        guard runtime.shouldProcess(target: account.name, action: action) else {
            if parameters[CognitiveServicesParameters.force] && runtime.preferences.whatIf {
                runtime.writeWarning(
                    "The Az module would regenerate \(keyName.rawValue) of '\(account.name)' anyway, because -Force "
                        + "overrides -WhatIf there; AzShim changes nothing under -WhatIf.")
            }
            return
        }
        let keys = try session.client.regenerateKey(
            resourceGroup: account.resourceGroupName, account: account.name, keyName: keyName.rawValue)
        runtime.writeObject(keys.object(typeName: Self.outputTypeName))
    }
}

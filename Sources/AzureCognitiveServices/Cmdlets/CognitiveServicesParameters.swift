import PowerShellHost

/// The parameters the Cognitive Services account cmdlets share, as the Az module declares them;
/// each is the typed key a cmdlet reads its value through.
///
/// Example: `Get-AzCognitiveServicesAccount … | New-AzCognitiveServicesAccountKey -KeyName Key2`
/// binds `Name` from the `AccountName` property through the alias, and
/// `parameters[CognitiveServicesParameters.name]` reads it.
enum CognitiveServicesParameters {
    static let resourceGroupName = ParameterKey<String>(
        name: "ResourceGroupName", position: 0, isMandatory: true, valueFromPipelineByPropertyName: true,
        validations: [.notNullOrEmpty], helpMessage: "Resource Group Name.")

    static let name = ParameterKey<String>(
        name: "Name", position: 1, isMandatory: true, valueFromPipelineByPropertyName: true,
        aliases: ["CognitiveServicesAccountName", "AccountName"], validations: [.notNullOrEmpty],
        helpMessage: "Cognitive Services Account Name.")

    static let keyName = ParameterKey<KeyName>(
        name: "KeyName", position: 2, isMandatory: true, valueFromPipelineByPropertyName: true,
        helpMessage: "Cognitive Services Account Key.")

    static let force = ParameterKey<SwitchParameter>(name: "Force", helpMessage: "Don't ask for confirmation.")

    /// Declared on the base class `AzureRMCmdlet`, so it comes after the cmdlet's own parameters.
    /// AzShim reads the path of a saved context file (`Save-AzContext`).
    static let defaultProfile = ParameterKey<String>(
        name: "DefaultProfile",
        opaqueTypeName: "Microsoft.Azure.Commands.Common.Authentication.Abstractions.Core.IAzureContextContainer",
        aliases: ["AzContext", "AzureRmContext", "AzureCredential"],
        helpMessage: "The credentials, account, tenant, and subscription used for communication with azure.")
}

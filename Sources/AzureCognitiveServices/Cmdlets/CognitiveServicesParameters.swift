import PowerShellHost

/// The parameters the Cognitive Services account cmdlets share, as the Az module declares them.
///
/// Example: `Get-AzCognitiveServicesAccount … | New-AzCognitiveServicesAccountKey -KeyName Key2`
/// binds `Name` from the `AccountName` property through the alias.
enum CognitiveServicesParameters {
    /// `Microsoft.Azure.Management.CognitiveServices.Models.KeyName` { Key1 = 0, Key2 = 1 }.
    static let keyNameType = EnumerationType(
        fullName: "Microsoft.Azure.Management.CognitiveServices.Models.KeyName",
        members: [.init("Key1", 0), .init("Key2", 1)]
    )

    static let resourceGroupName = ParameterMetadata(
        name: "ResourceGroupName", type: .string, position: 0, isMandatory: true,
        valueFromPipelineByPropertyName: true, validations: [.notNullOrEmpty],
        helpMessage: "Resource Group Name.")

    static let name = ParameterMetadata(
        name: "Name", type: .string, position: 1, isMandatory: true,
        valueFromPipelineByPropertyName: true,
        aliases: ["CognitiveServicesAccountName", "AccountName"], validations: [.notNullOrEmpty],
        helpMessage: "Cognitive Services Account Name.")

    static let keyName = ParameterMetadata(
        name: "KeyName", type: .enumeration(keyNameType), position: 2, isMandatory: true,
        valueFromPipelineByPropertyName: true, helpMessage: "Cognitive Services Account Key.")

    static let force = ParameterMetadata(
        name: "Force", type: .switchParameter, helpMessage: "Don't ask for confirmation.")

    /// Declared on the base class `AzureRMCmdlet`, so it comes after the cmdlet's own parameters.
    static let defaultProfile = ParameterMetadata(
        name: "DefaultProfile",
        type: .opaque(
            fullName: "Microsoft.Azure.Commands.Common.Authentication.Abstractions.Core.IAzureContextContainer"),
        aliases: ["AzContext", "AzureRmContext", "AzureCredential"],
        helpMessage: "The credentials, account, tenant, and subscription used for communication with azure.")
}

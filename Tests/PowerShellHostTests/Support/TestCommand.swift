import PowerShellHost

/// A command with the same parameters as New-AzCognitiveServicesAccountKey, so the host's unit
/// tests exercise PowerShell's rules without depending on the Azure library.
enum TestCommand {
    enum KeyName: String, ParameterEnumeration {
        case key1 = "Key1"
        case key2 = "Key2"
        static let fullName = "Microsoft.Azure.Management.CognitiveServices.Models.KeyName"
    }

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
    static let defaultProfile = ParameterKey<String>(
        name: "DefaultProfile",
        opaqueTypeName: "Microsoft.Azure.Commands.Common.Authentication.Abstractions.Core.IAzureContextContainer",
        aliases: ["AzContext", "AzureRmContext", "AzureCredential"])

    static let metadata = CommandMetadata(
        name: "New-AzCognitiveServicesAccountKey",
        implementingTypeName:
            "Microsoft.Azure.Commands.Management.CognitiveServices.NewAzureCognitiveServicesAccountKeyCommand",
        declaredParameters: [resourceGroupName, name, keyName, force, defaultProfile],
        supportsShouldProcess: true)

    /// Binds `words` as the shell hands them over.
    static func bind(_ words: [String]) throws(BindingError) -> BoundParameters {
        try CommandLineBinder(metadata: metadata).bind(ArgumentTokenizer.tokenize(words).arguments)
    }

    /// The rendered message of the binding error for `words`, or nil when binding succeeds.
    static func bindingMessage(_ words: [String]) -> String? {
        do {
            _ = try bind(words)
            return nil
        } catch {
            return BindingErrorMessages.message(for: error)
        }
    }
}

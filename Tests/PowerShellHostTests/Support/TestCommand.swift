import PowerShellHost

/// A command with the same parameters as New-AzCognitiveServicesAccountKey, so the host's unit
/// tests exercise PowerShell's rules without depending on the Azure library.
enum TestCommand {
    static let keyName = EnumerationType(
        fullName: "Microsoft.Azure.Management.CognitiveServices.Models.KeyName",
        members: [.init("Key1", 0), .init("Key2", 1)])

    static let metadata = CommandMetadata(
        name: "New-AzCognitiveServicesAccountKey",
        implementingTypeName: "Microsoft.Azure.Commands.Management.CognitiveServices.NewAzureCognitiveServicesAccountKeyCommand",
        declaredParameters: [
            ParameterMetadata(
                name: "ResourceGroupName", type: .string, position: 0, isMandatory: true,
                valueFromPipelineByPropertyName: true, validations: [.notNullOrEmpty], helpMessage: "Resource Group Name."),
            ParameterMetadata(
                name: "Name", type: .string, position: 1, isMandatory: true, valueFromPipelineByPropertyName: true,
                aliases: ["CognitiveServicesAccountName", "AccountName"], validations: [.notNullOrEmpty],
                helpMessage: "Cognitive Services Account Name."),
            ParameterMetadata(
                name: "KeyName", type: .enumeration(keyName), position: 2, isMandatory: true,
                valueFromPipelineByPropertyName: true, helpMessage: "Cognitive Services Account Key."),
            ParameterMetadata(name: "Force", type: .switchParameter, helpMessage: "Don't ask for confirmation."),
            ParameterMetadata(
                name: "DefaultProfile",
                type: .opaque(fullName: "Microsoft.Azure.Commands.Common.Authentication.Abstractions.Core.IAzureContextContainer"),
                aliases: ["AzContext", "AzureRmContext", "AzureCredential"]),
        ],
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

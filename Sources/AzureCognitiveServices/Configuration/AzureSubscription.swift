/// The subscription the commands work in, and where it came from: the `-DefaultProfile`
/// context's, else `AZURE_SUBSCRIPTION_ID`, else (signed in with the Azure CLI) the CLI's
/// current one.
///
/// Example: after `az login` and `az account set --subscription 2222…`, with nothing else set,
/// `AzureSubscription(id: "2222…", source: "Azure CLI login")`.
struct AzureSubscription: Sendable, Equatable {
    var id: String
    /// `-DefaultProfile`, `AZURE_SUBSCRIPTION_ID` or `Azure CLI login`, for `-Verbose`.
    var source: String

    static func resolve(
        _ settings: AzureSettings, context: AzureContextFile?, credentialKind: AzureCredentialKind,
        cliProfile: AzureCLIProfile?
    ) throws(AzureConfigurationError) -> AzureSubscription {
        if let id = context?.subscriptionId { return AzureSubscription(id: id, source: "-DefaultProfile") }
        if let id = settings.subscriptionId { return AzureSubscription(id: id, source: "AZURE_SUBSCRIPTION_ID") }
        if credentialKind == .azureCLI, let id = cliProfile?.defaultSubscriptionId {
            return AzureSubscription(id: id, source: "Azure CLI login")
        }
        throw .noSubscription
    }
}

/// Where and as whom the Azure backend works, for `-Verbose` and for building requests
/// (the subscription and api-version go into every `ARMRequest`). Holds no secret.
///
/// Example: with the client-secret variables and `AZURE_SUBSCRIPTION_ID=0000…` set,
/// `cloudName == "AzureCloud"`, `credentialKind == .clientSecret`,
/// `resourceManagerURL == "https://management.azure.com"`, `apiVersion == "2024-10-01"`.
package struct AzureConnectionDescription: Sendable, Equatable {
    package var cloudName: String
    /// Without a trailing slash, e.g. `https://management.azure.com`.
    package var resourceManagerURL: String
    package var authorityHost: String
    package var audience: String
    package var credentialKind: AzureCredentialKind
    package var subscriptionId: String
    /// Where the subscription came from: `AZURE_SUBSCRIPTION_ID`, `-DefaultProfile` or `Azure CLI login`.
    package var subscriptionSource: String
    package var tenantId: String?
    package var apiVersion: String
    /// The `-Verbose` lines already sent to the diagnostics sink (cloud, credential,
    /// subscription, endpoint), for hosts that print them later.
    package var verboseLines: [String]
}

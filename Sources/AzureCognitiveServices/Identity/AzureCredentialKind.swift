/// Which kind of credential signs the Azure requests, in the order they are tried.
///
/// Example: with `AZURE_TENANT_ID`, `AZURE_CLIENT_ID` and `AZURE_CLIENT_SECRET` set,
/// `New-AzCognitiveServicesAccountKey rg acct Key1 -Verbose` reports `.clientSecret`.
package enum AzureCredentialKind: String, Sendable, Equatable, CaseIterable {
    case clientSecret
    case clientCertificate
    case workloadIdentity
    case managedIdentityAppService
    case managedIdentityAzureML
    case managedIdentityVM
    case azureCLI

    /// Words for `-Verbose` and error messages.
    package var displayName: String {
        switch self {
        case .clientSecret: "client secret (AZURE_TENANT_ID, AZURE_CLIENT_ID, AZURE_CLIENT_SECRET)"
        case .clientCertificate:
            "client certificate (AZURE_TENANT_ID, AZURE_CLIENT_ID, AZURE_CLIENT_CERTIFICATE_PATH)"
        case .workloadIdentity: "workload identity (AZURE_TENANT_ID, AZURE_CLIENT_ID, AZURE_FEDERATED_TOKEN_FILE)"
        case .managedIdentityAppService: "managed identity (IDENTITY_ENDPOINT, IDENTITY_HEADER)"
        case .managedIdentityAzureML: "managed identity (MSI_ENDPOINT, MSI_SECRET)"
        case .managedIdentityVM: "managed identity (VM instance metadata endpoint)"
        case .azureCLI: "Azure CLI login (az account get-access-token)"
        }
    }
}

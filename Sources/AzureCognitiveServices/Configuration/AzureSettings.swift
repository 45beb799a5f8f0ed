import HTTP1

/// The environment as the Azure backend reads it, parsed once: every setting typed, empty
/// values treated as unset, `AZSHIM_*` values validated.
///
/// Example: `AZURE_TENANT_ID=t AZURE_CLIENT_ID=c AZURE_CLIENT_SECRET=s AZURE_SUBSCRIPTION_ID=sub`
/// gives `tenantId == "t"`, `clientSecret == "s"`, `subscriptionId == "sub"`,
/// `apiVersion == "2024-10-01"` and, with `HOME=/home/u`, the token cache
/// `/home/u/.cache/azshim/tokens.json`.
struct AzureSettings: Sendable {
    /// The variables with a value that is not blank.
    var environment: [String: String]
    /// The environment as given (the Azure CLI child process gets it unchanged).
    var rawEnvironment: [String: String]
    var apiVersion: String
    /// `AZURE_ENVIRONMENT`, trimmed.
    var environmentName: String?
    var tenantId: String?
    var clientId: String?
    var clientSecret: String?
    var clientCertificatePath: String?
    var federatedTokenFile: String?
    /// `IDENTITY_ENDPOINT` and `IDENTITY_HEADER` (App Service, Functions, Container Apps).
    var identityEndpoint: String?
    var identityHeader: String?
    /// `MSI_ENDPOINT` and `MSI_SECRET` (Azure ML).
    var msiEndpoint: String?
    var msiSecret: String?
    var podIdentityAuthorityHost: String?
    var subscriptionId: String?
    var resourceManagerURL: String?
    var authorityHost: String?
    var caFile: String?
    var tokenCache: AzureTokenCacheSetting

    init(environment raw: [String: String]) throws(AzureConfigurationError) {
        let environment = raw.filter { !$0.value.httpTrimmed.isEmpty }
        self.environment = environment
        rawEnvironment = raw
        apiVersion = try AzureConfigurationResolver.apiVersion(environment: environment)
        tokenCache = try AzureTokenCacheSetting(environment: environment)
        environmentName = environment["AZURE_ENVIRONMENT"]?.httpTrimmed
        tenantId = environment["AZURE_TENANT_ID"]
        clientId = environment["AZURE_CLIENT_ID"]
        clientSecret = environment["AZURE_CLIENT_SECRET"]
        clientCertificatePath = environment["AZURE_CLIENT_CERTIFICATE_PATH"]
        federatedTokenFile = environment["AZURE_FEDERATED_TOKEN_FILE"]
        identityEndpoint = environment["IDENTITY_ENDPOINT"]
        identityHeader = environment["IDENTITY_HEADER"]
        msiEndpoint = environment["MSI_ENDPOINT"]
        msiSecret = environment["MSI_SECRET"]
        podIdentityAuthorityHost = environment["AZURE_POD_IDENTITY_AUTHORITY_HOST"]
        subscriptionId = environment["AZURE_SUBSCRIPTION_ID"]?.httpTrimmed
        resourceManagerURL = environment["AZURE_RESOURCE_MANAGER_URL"]
        authorityHost = environment["AZURE_AUTHORITY_HOST"]
        caFile = environment["AZSHIM_CA_FILE"]
    }
}

import HTTP1

/// Where Resource Manager and the token authority are, and which setting said so: the cloud
/// named by `AZURE_ENVIRONMENT`, else the `-DefaultProfile` context's, else the Azure CLI
/// login's, else AzureCloud; then the context file's endpoints, then `AZURE_RESOURCE_MANAGER_URL`
/// and `AZURE_AUTHORITY_HOST`. Each URL is checked (https, or http to loopback only).
///
/// Example: `AZURE_ENVIRONMENT=AzureUSGovernment` gives Resource Manager
/// `https://management.usgovcloudapi.net` and authority `https://login.microsoftonline.us`.
struct AzureEndpoints: Sendable {
    var cloud: AzureCloud
    var resourceManager: HTTPURL
    var authority: HTTPURL

    /// `resourceManager` without a trailing slash, e.g. `https://management.azure.com`.
    var resourceManagerText: String { Self.withoutTrailingSlash(resourceManager.absoluteString) }
    /// `authority` without a trailing slash, e.g. `https://login.microsoftonline.com`.
    var authorityText: String { Self.withoutTrailingSlash(authority.absoluteString) }

    static func resolve(
        _ settings: AzureSettings, namedCloud: AzureCloud?, context: AzureContextFile?, cliProfile: AzureCLIProfile?
    ) throws(AzureConfigurationError) -> AzureEndpoints {
        var cloud =
            namedCloud ?? context?.environmentName.flatMap(AzureCloud.named)
            ?? cliProfile?.environmentName.flatMap(AzureCloud.named) ?? .azureCloud
        var armSource = namedCloud != nil ? "AZURE_ENVIRONMENT" : "the built-in \(cloud.name) endpoints"
        var authoritySource = armSource
        if let context {
            if let name = context.environmentName { cloud.name = name }
            if let url = context.resourceManagerURL {
                cloud.resourceManagerURL = url
                armSource = "-DefaultProfile ResourceManagerUrl"
            }
            if let url = context.authorityHost {
                cloud.authorityHost = url
                authoritySource = "-DefaultProfile ActiveDirectoryAuthority"
            }
            if let audience = context.audience { cloud.audience = audience }
        }
        if let url = settings.resourceManagerURL {
            cloud.resourceManagerURL = url
            armSource = "AZURE_RESOURCE_MANAGER_URL"
        }
        if let url = settings.authorityHost {
            cloud.authorityHost = url
            authoritySource = "AZURE_AUTHORITY_HOST"
        }
        return AzureEndpoints(
            cloud: cloud,
            resourceManager: try AzureConfigurationResolver.checkedURL(cloud.resourceManagerURL, variable: armSource),
            authority: try AzureConfigurationResolver.checkedURL(cloud.authorityHost, variable: authoritySource))
    }

    private static func withoutTrailingSlash(_ text: String) -> String {
        var text = text
        while text.hasSuffix("/") { text.removeLast() }
        return text
    }
}

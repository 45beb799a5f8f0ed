/// An Azure cloud's endpoints (§5.6, Az's built-in constants): where Resource Manager is,
/// where tokens come from, and the token audience.
///
/// Example: `AZURE_ENVIRONMENT=AzureUSGovernment` selects
/// `AzureCloud.usGovernment` with Resource Manager `https://management.usgovcloudapi.net/`.
package struct AzureCloud: Sendable, Equatable {
    package var name: String
    package var resourceManagerURL: String
    package var authorityHost: String
    /// The token audience; the OAuth2 scope is this plus `.default`.
    package var audience: String

    package init(name: String, resourceManagerURL: String, authorityHost: String, audience: String) {
        self.name = name
        self.resourceManagerURL = resourceManagerURL
        self.authorityHost = authorityHost
        self.audience = audience
    }

    package static let azureCloud = AzureCloud(
        name: "AzureCloud", resourceManagerURL: "https://management.azure.com/",
        authorityHost: "https://login.microsoftonline.com/", audience: "https://management.core.windows.net/")
    package static let usGovernment = AzureCloud(
        name: "AzureUSGovernment", resourceManagerURL: "https://management.usgovcloudapi.net/",
        authorityHost: "https://login.microsoftonline.us/", audience: "https://management.core.usgovcloudapi.net/")
    package static let chinaCloud = AzureCloud(
        name: "AzureChinaCloud", resourceManagerURL: "https://management.chinacloudapi.cn/",
        authorityHost: "https://login.chinacloudapi.cn/", audience: "https://management.core.chinacloudapi.cn/")

    package static let builtIn = [azureCloud, usGovernment, chinaCloud]
    /// The name that selects the local emulator instead of a cloud.
    package static let emulatorName = "Emulator"
    /// Every valid `AZURE_ENVIRONMENT` value, in the order error messages list them.
    package static let validNames = builtIn.map(\.name) + [emulatorName]

    /// The built-in cloud with this name, ignoring case.
    package static func named(_ name: String) -> AzureCloud? {
        let folded = name.lowercased()
        return builtIn.first { $0.name.lowercased() == folded }
    }
}

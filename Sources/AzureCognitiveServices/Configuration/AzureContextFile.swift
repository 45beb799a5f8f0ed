import AzShimSupport
import HTTP1

/// What AzShim takes from a saved Az context (`Save-AzContext -Path`, §5.5): the default
/// context's subscription, tenant and environment endpoints. The file holds no tokens.
///
/// Example: `New-AzCognitiveServicesAccountKey rg acct Key1 -DefaultProfile ./ctx.json`
/// uses `Contexts[DefaultContextKey].Subscription.Id` as the subscription.
struct AzureContextFile: Sendable, Equatable {
    var subscriptionId: String?
    var tenantId: String?
    var environmentName: String?
    var resourceManagerURL: String?
    var authorityHost: String?
    var audience: String?

    static func load(path: String) throws(AzureConfigurationError) -> AzureContextFile {
        let bytes: [UInt8]
        do {
            bytes = try FileSystem.read(path, maximumBytes: 16 << 20)
        } catch {
            throw .contextFile(path: path, reason: error.reason)
        }
        let json: JSONValue
        do {
            json = try JSONParser.parse(bytes)
        } catch {
            throw .contextFile(
                path: path, reason: "not valid JSON (line \(error.line), column \(error.column): \(error.reason))")
        }
        guard case .object(let contexts)? = json["Contexts"] else {
            throw .contextFile(path: path, reason: "it has no 'Contexts' object; save one with Save-AzContext -Path.")
        }
        let key = json["DefaultContextKey"]?.stringValue
        let chosen = contexts.first(where: { $0.key == key })?.value ?? (contexts.count == 1 ? contexts[0].value : nil)
        guard let context = chosen else {
            throw .contextFile(path: path, reason: "its DefaultContextKey '\(key ?? "")' names no context.")
        }
        let environment = context["Environment"]
        func text(_ value: JSONValue?) -> String? {
            guard let string = value?.stringValue?.httpTrimmed, !string.isEmpty else { return nil }
            return string
        }
        return AzureContextFile(
            subscriptionId: text(context["Subscription"]?["Id"]),
            tenantId: text(context["Tenant"]?["Id"]),
            environmentName: text(environment?["Name"]),
            resourceManagerURL: text(environment?["ResourceManagerUrl"]),
            authorityHost: text(environment?["ActiveDirectoryAuthority"]),
            audience: text(environment?["ActiveDirectoryServiceEndpointResourceId"]))
    }
}

import AzShimSupport

#if canImport(Glibc)
    import Glibc
#endif

/// The Azure CLI login as its profile file shows it (`$AZURE_CONFIG_DIR/azureProfile.json`,
/// default `~/.azure/azureProfile.json`), read without starting `az`.
///
/// Example: after `az login`, `AzureCLIProfile.load(environment:)` returns the subscription
/// marked `"isDefault": true`.
struct AzureCLIProfile: Sendable, Equatable {
    var path: String
    var defaultSubscriptionId: String?
    var tenantId: String?
    var environmentName: String?

    static func path(environment: [String: String]) -> String? {
        if let directory = environment["AZURE_CONFIG_DIR"], !directory.isEmpty {
            return directory + "/azureProfile.json"
        }
        guard let home = environment["HOME"], !home.isEmpty else { return nil }
        return home + "/.azure/azureProfile.json"
    }

    /// The login, or nil when the file is missing, unreadable or lists no subscription. A file
    /// that did not end in time (a FIFO nobody writes: `FileSystem.readTimeout`) or whose read
    /// Ctrl+C ended is an error: ignoring it would choose another backend behind the user's back.
    static func load(environment: [String: String]) throws(AzureConfigurationError) -> AzureCLIProfile? {
        guard let path = path(environment: environment) else { return nil }
        let bytes: [UInt8]
        do {
            bytes = try FileSystem.read(path, maximumBytes: 16 << 20)
        } catch {
            guard error.code == ETIMEDOUT || error.code == EINTR else { return nil }
            throw .cliProfile(path: path, reason: error.reason)
        }
        guard let json = try? JSONParser.parse(bytes),
            case .array(let subscriptions)? = json["subscriptions"], !subscriptions.isEmpty
        else { return nil }
        let chosen =
            subscriptions.first { if case .bool(true)? = $0["isDefault"] { true } else { false } } ?? subscriptions[0]
        return AzureCLIProfile(
            path: path, defaultSubscriptionId: chosen["id"]?.stringValue,
            tenantId: chosen["tenantId"]?.stringValue, environmentName: chosen["environmentName"]?.stringValue)
    }
}

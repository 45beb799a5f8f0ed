import HTTP1

/// Turns the environment (and `-DefaultProfile PATH`) into a backend: the emulator, or the
/// Azure Resource Manager transport with its credential, cloud, subscription and
/// api-version. Reads files but contacts no server, except the VM managed-identity
/// endpoint when `AZURE_ENVIRONMENT` names a cloud and nothing else is configured.
///
/// Example:
/// ```
/// switch try AzureConfigurationResolver.resolve(environment: env, defaultProfilePath: nil) {
/// case .emulator(let reason): …
/// case .azure(let transport, let description):
///     try transport.send(ARMRequest(method: "POST", pathSegments: ["subscriptions", description.subscriptionId, …], apiVersion: description.apiVersion, body: …))
/// }
/// ```
package enum AzureConfigurationResolver {
    /// The api-version sent unless `AZSHIM_API_VERSION` says otherwise (stable; the
    /// regenerateKey operation is unchanged since 2017-04-18).
    package static let defaultAPIVersion = "2024-10-01"
    /// Seconds for one HTTP request unless `AZSHIM_HTTP_TIMEOUT` says otherwise.
    package static let defaultRequestTimeout = AzureHTTPSettings().requestTimeout

    /// `AZSHIM_API_VERSION` or the default; letters, digits, `-` and `.` only.
    package static func apiVersion(environment: [String: String]) throws(AzureConfigurationError) -> String {
        guard let value = environment["AZSHIM_API_VERSION"]?.httpTrimmed, !value.isEmpty else {
            return defaultAPIVersion
        }
        let valid = value.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "-" || $0 == "."
        }
        guard valid, value.count <= 40 else {
            throw .invalidSetting(
                variable: "AZSHIM_API_VERSION", value: value,
                reason: "expected an api-version such as \(defaultAPIVersion).")
        }
        return value
    }

    /// The subscription the emulator files accounts under when `AZURE_SUBSCRIPTION_ID` is unset.
    package static let emulatorSubscription = "00000000-0000-0000-0000-000000000000"

    /// The emulator's settings, once `resolve` chose it for `reason`.
    package static func emulatorSettings(
        _ reason: AzureEmulatorReason, environment: [String: String]
    ) throws(AzureConfigurationError) -> AzureEmulatorSettings {
        guard let stateFilePath = EmulatorBackend.stateFilePath(environment: environment) else {
            throw .noEmulatorStatePath
        }
        return AzureEmulatorSettings(
            reason: reason, stateFilePath: stateFilePath,
            autocreate: environment["AZSHIM_EMULATOR_AUTOCREATE"] != "0",
            subscriptionId: environment["AZURE_SUBSCRIPTION_ID"].flatMap { $0.isEmpty ? nil : $0 }
                ?? emulatorSubscription,
            apiVersion: try apiVersion(environment: environment))
    }

    package static func resolve(
        environment rawEnvironment: [String: String], defaultProfilePath: String?,
        diagnostics: AzureDiagnostics = .disabled, cancellation: Cancellation = Cancellation(),
        clock: any AzureClock = AzureSystemClock()
    ) throws(AzureConfigurationError) -> AzureBackendChoice {
        let settings = try AzureSettings(environment: rawEnvironment)
        let environment = settings.environment
        // Read first, so a bad -DefaultProfile path is an error on every backend, the emulator too.
        let context = try defaultProfilePath.map { path throws(AzureConfigurationError) in
            try AzureContextFile.load(path: path)
        }

        // Which cloud, or the emulator.
        var namedCloud: AzureCloud?
        if let name = settings.environmentName {
            if name.lowercased() == AzureCloud.emulatorName.lowercased() { return .emulator(.chosen) }
            guard let cloud = AzureCloud.named(name) else { throw .unknownEnvironment(name) }
            namedCloud = cloud
        }
        let cliProfile = try AzureCLIProfile.load(environment: environment)
        let tenantId = settings.tenantId ?? context?.tenantId
        let sources = AzureCredentialSource.ordered
        let configured = sources.contains { $0.isConfigured(settings, tenantId, cliProfile) }
        if namedCloud == nil && context == nil && !configured { return .emulator(.nothingConfigured) }

        let endpoints = try AzureEndpoints.resolve(
            settings, namedCloud: namedCloud, context: context, cliProfile: cliProfile)
        let cloud = endpoints.cloud
        // The credential: the first source configured; the others' lines say what was tried.
        let inputs = AzureCredentialSource.Inputs(
            settings: settings, tenantId: tenantId, cliProfile: cliProfile, cloudNamed: namedCloud != nil,
            authority: endpoints.authority, now: clock.now(), diagnostics: diagnostics)
        var tried: [String] = []
        let choice = try AzureCredentialSource.first(of: sources, inputs: inputs, cloud: cloud.name, tried: &tried)
        let credential = choice.credential

        let http = try AzureHTTPSettings(environment: environment)
        let pipeline = AzureHTTPPipeline(
            client: HTTPClient(settings: HTTPClient.Settings(extraCAFile: settings.caFile)),
            diagnostics: diagnostics, secrets: AzureSecretRegistry(), cancellation: cancellation, clock: clock,
            requestTimeout: Duration(clampingSeconds: http.requestTimeout))
        let cacheSetting = settings.tokenCache.checked()
        let tokens = tokenCache(cacheSetting, choice: choice, endpoints: endpoints)
        if choice.probe {
            // Before the subscription: with nothing configured, the credential message (what was
            // tried and how to configure each) is the one that helps.
            diagnostics.verbose("No credential configured; trying the Azure VM managed identity endpoint.")
            do {
                _ = try tokens.token(pipeline: pipeline)
            } catch {
                tried.append("managed identity (Azure VM): \(ARMErrorMessages.reason(error))")
                throw .noCredential(cloud: cloud.name, tried: tried)
            }
        }

        let subscription = try AzureSubscription.resolve(
            settings, context: context, credentialKind: credential.kind, cliProfile: cliProfile)
        let armText = endpoints.resourceManagerText
        let authorityText = endpoints.authorityText
        let lines = [
            "Azure cloud: \(cloud.name) (Resource Manager \(armText), authority \(authorityText)).",
            choice.verboseLine, cacheSetting.verboseLine,
            "Subscription: \(subscription.id) (from \(subscription.source)).",
            "Endpoint: \(armText) with api-version \(settings.apiVersion).",
        ]
        for line in lines { diagnostics.verbose(line) }
        let arm = AzureResourceManagerTransport(
            resourceManagerURL: endpoints.resourceManager, tokens: tokens, pipeline: pipeline)
        var policy = AzureRetryPolicy(environment: environment)
        policy.totalTimeout = http.totalTimeout
        let transport = AzureRetryingTransport(
            wrapping: arm, policy: policy, clock: clock,
            cancellation: cancellation, diagnostics: diagnostics)
        let description = AzureConnectionDescription(
            cloudName: cloud.name, resourceManagerURL: armText, authorityHost: authorityText, audience: cloud.audience,
            credentialKind: credential.kind, subscriptionId: subscription.id, subscriptionSource: subscription.source,
            tenantId: tenantId, apiVersion: settings.apiVersion, verboseLines: lines)
        return .azure(transport, description)
    }

    /// The run's token cache: kept in the cache file unless `setting` is off or unavailable.
    static func tokenCache(
        _ setting: AzureTokenCacheSetting, choice: AzureCredentialSource.Choice, endpoints: AzureEndpoints
    ) -> AzureTokenCache {
        let audience = endpoints.cloud.audience
        guard case .file(let path, _) = setting else {
            return AzureTokenCache(credential: choice.credential, audience: audience)
        }
        let key = AzureTokenCacheKey(
            cloud: endpoints.cloud.name, authority: endpoints.authorityText, tenant: choice.tenantId ?? "",
            client: choice.clientId ?? "", resource: audience, kind: choice.credential.kind,
            material: choice.credential.tokenCacheMaterial)
        return AzureTokenCache(
            credential: choice.credential, audience: audience,
            persistence: AzureTokenCache.Persistence(file: AzureTokenCacheFile(path: path), key: key))
    }

    /// An absolute URL; `http://` only to loopback.
    static func checkedURL(_ text: String, variable: String) throws(AzureConfigurationError) -> HTTPURL {
        guard let url = HTTPURL(text) else { throw .invalidEndpoint(variable: variable, value: text) }
        if !url.isTLS && !url.isLoopback { throw .insecureEndpoint(variable: variable, value: text) }
        return url
    }

    /// Managed-identity endpoints are plain HTTP by design: loopback or the instance
    /// metadata address only.
    static func checkedManagedIdentityURL(_ text: String, variable: String) throws(AzureConfigurationError) -> HTTPURL {
        guard let url = HTTPURL(text) else { throw .invalidEndpoint(variable: variable, value: text) }
        if !url.isTLS && !url.isLoopback && url.host != "169.254.169.254" {
            throw .insecureEndpoint(variable: variable, value: text)
        }
        return url
    }
}

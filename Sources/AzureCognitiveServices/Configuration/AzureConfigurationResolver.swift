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
        AzureEmulatorSettings(
            reason: reason, stateFilePath: EmulatorBackend.stateFilePath(environment: environment),
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
        let environment = rawEnvironment.filter { !$0.value.httpTrimmed.isEmpty }
        let apiVersion = try apiVersion(environment: environment)

        // Which cloud, or the emulator.
        var namedCloud: AzureCloud?
        if let name = environment["AZURE_ENVIRONMENT"]?.httpTrimmed {
            if name.lowercased() == AzureCloud.emulatorName.lowercased() { return .emulator(.chosen) }
            guard let cloud = AzureCloud.named(name) else { throw .unknownEnvironment(name) }
            namedCloud = cloud
        }
        let context = try defaultProfilePath.map { path throws(AzureConfigurationError) in
            try AzureContextFile.load(path: path)
        }
        let cliProfile = AzureCLIProfile.load(environment: environment)
        let tenantId = environment["AZURE_TENANT_ID"] ?? context?.tenantId
        let clientId = environment["AZURE_CLIENT_ID"]
        let environmentConfigured =
            (environment["AZURE_CLIENT_SECRET"] != nil && tenantId != nil && clientId != nil)
            || (environment["AZURE_CLIENT_CERTIFICATE_PATH"] != nil && tenantId != nil && clientId != nil)
            || (environment["AZURE_FEDERATED_TOKEN_FILE"] != nil && tenantId != nil && clientId != nil)
            || (environment["IDENTITY_ENDPOINT"] != nil && environment["IDENTITY_HEADER"] != nil)
            || (environment["MSI_ENDPOINT"] != nil && environment["MSI_SECRET"] != nil)
        if namedCloud == nil && context == nil && !environmentConfigured && cliProfile == nil {
            return .emulator(.nothingConfigured)
        }

        // Endpoints: the named cloud, else the context file's, else AzureCloud; then overrides.
        var cloud =
            namedCloud ?? context?.environmentName.flatMap(AzureCloud.named) ?? cliProfile?.environmentName.flatMap(
                AzureCloud.named) ?? .azureCloud
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
        if let url = environment["AZURE_RESOURCE_MANAGER_URL"] {
            cloud.resourceManagerURL = url
            armSource = "AZURE_RESOURCE_MANAGER_URL"
        }
        if let url = environment["AZURE_AUTHORITY_HOST"] {
            cloud.authorityHost = url
            authoritySource = "AZURE_AUTHORITY_HOST"
        }
        let armURL = try checkedURL(cloud.resourceManagerURL, variable: armSource)
        let authorityURL = try checkedURL(cloud.authorityHost, variable: authoritySource)
        var armText = armURL.absoluteString
        while armText.hasSuffix("/") { armText.removeLast() }

        // The credential: the first one configured.
        var tried: [String] = []
        var credential: (any AzureTokenCredential)?
        func missing(_ names: [String]) -> String {
            names.filter { environment[$0] == nil && !($0 == "AZURE_TENANT_ID" && tenantId != nil) }.joined(
                separator: ", ")
        }
        if let tenantId, let clientId, let secret = environment["AZURE_CLIENT_SECRET"] {
            credential = AzureClientCredential(
                authorityHost: authorityURL, tenantId: tenantId, clientId: clientId, proof: .secret(secret))
        } else {
            tried.append(
                "client secret: set AZURE_TENANT_ID, AZURE_CLIENT_ID and AZURE_CLIENT_SECRET (missing: \(missing(["AZURE_TENANT_ID", "AZURE_CLIENT_ID", "AZURE_CLIENT_SECRET"])))"
            )
        }
        if credential == nil {
            // Right after the secret, as azure-sdk-for-net's EnvironmentCredential orders them.
            if let tenantId, let clientId,
                let certificate = try AzureCertificateCredential.load(
                    authorityHost: authorityURL, tenantId: tenantId, clientId: clientId,
                    environment: rawEnvironment, now: clock.now(), diagnostics: diagnostics)
            {
                credential = certificate
            } else {
                tried.append(
                    "client certificate: set AZURE_TENANT_ID, AZURE_CLIENT_ID and AZURE_CLIENT_CERTIFICATE_PATH (missing: \(missing(["AZURE_TENANT_ID", "AZURE_CLIENT_ID", "AZURE_CLIENT_CERTIFICATE_PATH"])))"
                )
            }
        }
        if credential == nil {
            if let tenantId, let clientId, let file = environment["AZURE_FEDERATED_TOKEN_FILE"] {
                credential = AzureClientCredential(
                    authorityHost: authorityURL, tenantId: tenantId, clientId: clientId,
                    proof: .federatedTokenFile(file))
            } else {
                tried.append(
                    "workload identity: set AZURE_TENANT_ID, AZURE_CLIENT_ID and AZURE_FEDERATED_TOKEN_FILE (missing: \(missing(["AZURE_TENANT_ID", "AZURE_CLIENT_ID", "AZURE_FEDERATED_TOKEN_FILE"])))"
                )
            }
        }
        if credential == nil {
            if let endpoint = environment["IDENTITY_ENDPOINT"], let header = environment["IDENTITY_HEADER"] {
                let url = try checkedManagedIdentityURL(endpoint, variable: "IDENTITY_ENDPOINT")
                credential = AzureManagedIdentityCredential(
                    source: .appService(endpoint: url, header: header), clientId: clientId)
            } else if let endpoint = environment["MSI_ENDPOINT"], let secret = environment["MSI_SECRET"] {
                let url = try checkedManagedIdentityURL(endpoint, variable: "MSI_ENDPOINT")
                credential = AzureManagedIdentityCredential(
                    source: .azureML(endpoint: url, secret: secret), clientId: clientId)
            } else {
                tried.append(
                    "managed identity (App Service, Functions, Container Apps, Azure ML): set by the platform as IDENTITY_ENDPOINT and IDENTITY_HEADER, or MSI_ENDPOINT and MSI_SECRET (not set)"
                )
            }
        }
        if credential == nil {
            if cliProfile != nil {
                credential = AzureCLICredential(environment: rawEnvironment)
            } else {
                let path = AzureCLIProfile.path(environment: environment) ?? "~/.azure/azureProfile.json"
                tried.append("Azure CLI: run 'az login' (no login found in \(path))")
            }
        }
        var probeVM = false
        if credential == nil {
            if namedCloud != nil,
                let url = AzureManagedIdentityCredential.instanceMetadataURL(
                    host: environment["AZURE_POD_IDENTITY_AUTHORITY_HOST"])
            {
                let checked = try checkedManagedIdentityURL(
                    url.absoluteString, variable: "AZURE_POD_IDENTITY_AUTHORITY_HOST")
                credential = AzureManagedIdentityCredential(
                    source: .virtualMachine(endpoint: checked), clientId: clientId)
                probeVM = true
            } else {
                tried.append("managed identity (Azure VM): tried only when AZURE_ENVIRONMENT names a cloud")
                throw .noCredential(cloud: cloud.name, tried: tried)
            }
        }
        guard let credential else { throw .noCredential(cloud: cloud.name, tried: tried) }

        // The subscription.
        let subscriptionId: String
        let subscriptionSource: String
        if let id = context?.subscriptionId {
            (subscriptionId, subscriptionSource) = (id, "-DefaultProfile")
        } else if let id = environment["AZURE_SUBSCRIPTION_ID"]?.httpTrimmed {
            (subscriptionId, subscriptionSource) = (id, "AZURE_SUBSCRIPTION_ID")
        } else if credential.kind == .azureCLI, let id = cliProfile?.defaultSubscriptionId {
            (subscriptionId, subscriptionSource) = (id, "Azure CLI login")
        } else {
            throw .noSubscription
        }

        let http = try AzureHTTPSettings(environment: environment)
        let pipeline = AzureHTTPPipeline(
            client: HTTPClient(settings: HTTPClient.Settings(extraCAFile: environment["AZSHIM_CA_FILE"])),
            diagnostics: diagnostics, secrets: AzureSecretRegistry(), cancellation: cancellation, clock: clock,
            requestTimeout: http.requestTimeout)
        let tokens = AzureTokenCache(credential: credential, audience: cloud.audience)
        if probeVM {
            diagnostics.verbose("No credential configured; trying the Azure VM managed identity endpoint.")
            do {
                _ = try tokens.token(pipeline: pipeline)
            } catch {
                tried.append("managed identity (Azure VM): \(ARMErrorMessages.reason(error))")
                throw .noCredential(cloud: cloud.name, tried: tried)
            }
        }

        var authorityText = authorityURL.absoluteString
        while authorityText.hasSuffix("/") { authorityText.removeLast() }
        var credentialLine = "Credential: \(credential.kind.displayName)"
        if credential.kind == .clientSecret || credential.kind == .workloadIdentity
            || credential.kind == .clientCertificate
        {
            credentialLine += ", tenant '\(tenantId ?? "")', client '\(clientId ?? "")'"
            if let certificate = credential as? AzureCertificateCredential {
                credentialLine += ", certificate thumbprint \(certificate.thumbprint)"
            }
        } else if let clientId, credential.kind != .azureCLI {
            credentialLine += ", user-assigned identity '\(clientId)'"
        }
        let lines = [
            "Azure cloud: \(cloud.name) (Resource Manager \(armText), authority \(authorityText)).",
            credentialLine + ".",
            "Subscription: \(subscriptionId) (from \(subscriptionSource)).",
            "Endpoint: \(armText) with api-version \(apiVersion).",
        ]
        for line in lines { diagnostics.verbose(line) }
        let arm = AzureResourceManagerTransport(resourceManagerURL: armURL, tokens: tokens, pipeline: pipeline)
        var policy = AzureRetryPolicy(environment: environment)
        policy.totalTimeout = http.totalTimeout
        let transport = AzureRetryingTransport(
            wrapping: arm, policy: policy, clock: clock,
            cancellation: cancellation, diagnostics: diagnostics)
        let description = AzureConnectionDescription(
            cloudName: cloud.name, resourceManagerURL: armText, authorityHost: authorityText, audience: cloud.audience,
            credentialKind: credential.kind, subscriptionId: subscriptionId, subscriptionSource: subscriptionSource,
            tenantId: tenantId, apiVersion: apiVersion, verboseLines: lines)
        return .azure(transport, description)
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

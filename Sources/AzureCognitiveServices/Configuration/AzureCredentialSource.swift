import HTTP1

/// One way to sign in, in the order they are tried (`ordered`): each says whether it is
/// configured and then gives its credential, or else the line the "no credential" message
/// shows for it (what was missing, how to configure it).
///
/// Example: with only `AZURE_TENANT_ID` set, `.clientSecret` gives
/// `.notConfigured("client secret: set AZURE_TENANT_ID, AZURE_CLIENT_ID and AZURE_CLIENT_SECRET (missing: AZURE_CLIENT_ID, AZURE_CLIENT_SECRET)")`.
struct AzureCredentialSource: Sendable {
    /// What a source can look at.
    struct Inputs: Sendable {
        var settings: AzureSettings
        /// `AZURE_TENANT_ID`, else the tenant of the `-DefaultProfile` context.
        var tenantId: String?
        var cliProfile: AzureCLIProfile?
        /// `AZURE_ENVIRONMENT` names a cloud (then the VM managed identity is probed).
        var cloudNamed: Bool
        /// The token authority (checked), once the endpoints are known.
        var authority: HTTPURL
        /// Seconds since 1970, to warn about an expired client certificate.
        var now: Double
        /// Where a source's warnings go (an expired client certificate).
        var diagnostics: AzureDiagnostics

        /// The variables of `names` that are not set, joined for the tried-list.
        func missing(_ names: [String]) -> String {
            names.filter { settings.environment[$0] == nil && !($0 == "AZURE_TENANT_ID" && tenantId != nil) }
                .joined(separator: ", ")
        }
    }

    /// A credential and who it signs in as (for the cache key and `-Verbose`).
    struct Choice: Sendable {
        var credential: any AzureTokenCredential
        var tenantId: String?
        var clientId: String?
        /// Nothing was configured for it: a token must be fetched now to know it works (the VM
        /// instance metadata endpoint).
        var probe = false

        /// The `-Verbose` line, e.g. `Credential: client secret (…), tenant 't', client 'c'.`
        var verboseLine: String {
            var line = "Credential: \(credential.kind.displayName)"
            if credential.kind == .azureCLI {
                // The CLI's own account; its tenant is the profile's.
            } else if let tenantId {
                line += ", tenant '\(tenantId)', client '\(clientId ?? "")'"
                if let certificate = credential as? AzureCertificateCredential {
                    line += ", certificate thumbprint \(certificate.thumbprint)"
                }
            } else if let clientId {
                line += ", user-assigned identity '\(clientId)'"
            }
            return line + "."
        }
    }

    enum Outcome: Sendable {
        case configured(Choice)
        /// The tried-list line.
        case notConfigured(String)
    }

    /// Configured explicitly, so the user wants Azure rather than the emulator (the VM probe is
    /// never explicit). Needs no endpoint.
    var isConfigured: @Sendable (_ settings: AzureSettings, _ tenantId: String?, _ cliProfile: AzureCLIProfile?) -> Bool
    var make: @Sendable (Inputs) throws(AzureConfigurationError) -> Outcome

    /// The first of `sources` that is configured; the lines of those before it are appended to
    /// `tried`, and with none configured the error lists them all.
    static func first(
        of sources: [AzureCredentialSource], inputs: Inputs, cloud: String, tried: inout [String]
    ) throws(AzureConfigurationError) -> Choice {
        for source in sources {
            switch try source.make(inputs) {
            case .configured(let choice): return choice
            case .notConfigured(let line): tried.append(line)
            }
        }
        throw .noCredential(cloud: cloud, tried: tried)
    }

    /// The order of `DefaultAzureCredential`, as the README's credential table lists it.
    static let ordered: [AzureCredentialSource] = [
        .clientSecret, .clientCertificate, .workloadIdentity, .platformManagedIdentity, .azureCLI,
        .virtualMachineManagedIdentity,
    ]

    /// `AZURE_TENANT_ID`, `AZURE_CLIENT_ID`, `AZURE_CLIENT_SECRET`.
    static let clientSecret = servicePrincipal(
        "client secret", variable: "AZURE_CLIENT_SECRET", value: { $0.clientSecret },
        credential: { authority, tenantId, clientId, secret in
            AzureClientCredential(
                authorityHost: authority, tenantId: tenantId, clientId: clientId, proof: .secret(secret))
        })

    /// `AZURE_TENANT_ID`, `AZURE_CLIENT_ID`, `AZURE_CLIENT_CERTIFICATE_PATH` (and its password and
    /// chain settings): right after the secret, as azure-sdk-for-net's `EnvironmentCredential`
    /// orders them. The file is read and checked here, so a bad one stops before any request.
    static let clientCertificate = AzureCredentialSource(
        isConfigured: { settings, tenantId, _ in
            settings.clientCertificatePath != nil && tenantId != nil && settings.clientId != nil
        },
        make: { inputs throws(AzureConfigurationError) in
            let variable = "AZURE_CLIENT_CERTIFICATE_PATH"
            guard let tenantId = inputs.tenantId, let clientId = inputs.settings.clientId,
                let credential = try AzureCertificateCredential.load(
                    authorityHost: inputs.authority, tenantId: tenantId, clientId: clientId,
                    environment: inputs.settings.rawEnvironment, now: inputs.now, diagnostics: inputs.diagnostics)
            else {
                let missing = inputs.missing(["AZURE_TENANT_ID", "AZURE_CLIENT_ID", variable])
                return .notConfigured(
                    "client certificate: set AZURE_TENANT_ID, AZURE_CLIENT_ID and \(variable) (missing: \(missing))")
            }
            return .configured(Choice(credential: credential, tenantId: tenantId, clientId: clientId))
        })

    /// `AZURE_TENANT_ID`, `AZURE_CLIENT_ID`, `AZURE_FEDERATED_TOKEN_FILE`.
    static let workloadIdentity = servicePrincipal(
        "workload identity", variable: "AZURE_FEDERATED_TOKEN_FILE", value: { $0.federatedTokenFile },
        credential: { authority, tenantId, clientId, file in
            AzureClientCredential(
                authorityHost: authority, tenantId: tenantId, clientId: clientId, proof: .federatedTokenFile(file))
        })

    /// A service principal signing in with `AZURE_TENANT_ID` (or the `-DefaultProfile` tenant),
    /// `AZURE_CLIENT_ID` and the setting `variable` (read by `value`), which `credential` turns
    /// into its proof: the client secret, the federated token file, a certificate.
    static func servicePrincipal(
        _ label: String, variable: String, value: @escaping @Sendable (AzureSettings) -> String?,
        credential:
            @escaping @Sendable (_ authority: HTTPURL, _ tenantId: String, _ clientId: String, _ value: String)
            -> any AzureTokenCredential
    ) -> AzureCredentialSource {
        AzureCredentialSource(
            isConfigured: { settings, tenantId, _ in
                value(settings) != nil && tenantId != nil && settings.clientId != nil
            },
            make: { inputs throws(AzureConfigurationError) in
                guard let tenantId = inputs.tenantId, let clientId = inputs.settings.clientId,
                    let given = value(inputs.settings)
                else {
                    let missing = inputs.missing(["AZURE_TENANT_ID", "AZURE_CLIENT_ID", variable])
                    return .notConfigured(
                        "\(label): set AZURE_TENANT_ID, AZURE_CLIENT_ID and \(variable) (missing: \(missing))")
                }
                return .configured(
                    Choice(
                        credential: credential(inputs.authority, tenantId, clientId, given), tenantId: tenantId,
                        clientId: clientId))
            })
    }

    /// `IDENTITY_ENDPOINT` + `IDENTITY_HEADER`, or `MSI_ENDPOINT` + `MSI_SECRET`, set by the platform.
    static let platformManagedIdentity = AzureCredentialSource(
        isConfigured: { settings, _, _ in
            (settings.identityEndpoint != nil && settings.identityHeader != nil)
                || (settings.msiEndpoint != nil && settings.msiSecret != nil)
        },
        make: { inputs throws(AzureConfigurationError) in
            let settings = inputs.settings
            let source: AzureManagedIdentityCredential.Source
            if let endpoint = settings.identityEndpoint, let header = settings.identityHeader {
                let url = try AzureConfigurationResolver.checkedManagedIdentityURL(
                    endpoint, variable: "IDENTITY_ENDPOINT")
                source = .appService(endpoint: url, header: header)
            } else if let endpoint = settings.msiEndpoint, let secret = settings.msiSecret {
                let url = try AzureConfigurationResolver.checkedManagedIdentityURL(endpoint, variable: "MSI_ENDPOINT")
                source = .azureML(endpoint: url, secret: secret)
            } else {
                return .notConfigured(
                    "managed identity (App Service, Functions, Container Apps, Azure ML): set by the platform as IDENTITY_ENDPOINT and IDENTITY_HEADER, or MSI_ENDPOINT and MSI_SECRET (not set)"
                )
            }
            let credential = AzureManagedIdentityCredential(source: source, clientId: settings.clientId)
            return .configured(Choice(credential: credential, tenantId: nil, clientId: settings.clientId))
        })

    /// The Azure CLI login (`az login`), seen in its profile file.
    static let azureCLI = AzureCredentialSource(
        isConfigured: { _, _, cliProfile in cliProfile != nil },
        make: { inputs throws(AzureConfigurationError) in
            guard let profile = inputs.cliProfile else {
                let path =
                    AzureCLIProfile.path(environment: inputs.settings.environment) ?? "~/.azure/azureProfile.json"
                return .notConfigured("Azure CLI: run 'az login' (no login found in \(path))")
            }
            let credential = AzureCLICredential(environment: inputs.settings.rawEnvironment)
            return .configured(Choice(credential: credential, tenantId: profile.tenantId, clientId: nil))
        })

    /// The VM instance metadata endpoint: tried last, and only when `AZURE_ENVIRONMENT` names a
    /// cloud (probing it costs a connection attempt on every machine that is not an Azure VM).
    static let virtualMachineManagedIdentity = AzureCredentialSource(
        isConfigured: { _, _, _ in false },
        make: { inputs throws(AzureConfigurationError) in
            guard inputs.cloudNamed,
                let url = AzureManagedIdentityCredential.instanceMetadataURL(
                    host: inputs.settings.podIdentityAuthorityHost)
            else {
                return .notConfigured("managed identity (Azure VM): tried only when AZURE_ENVIRONMENT names a cloud")
            }
            let checked = try AzureConfigurationResolver.checkedManagedIdentityURL(
                url.absoluteString, variable: "AZURE_POD_IDENTITY_AUTHORITY_HOST")
            let credential = AzureManagedIdentityCredential(
                source: .virtualMachine(endpoint: checked), clientId: inputs.settings.clientId)
            return .configured(
                Choice(credential: credential, tenantId: nil, clientId: inputs.settings.clientId, probe: true))
        })
}

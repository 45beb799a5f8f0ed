import AzShimSupport
import HTTP1

/// Managed identity tokens (§5.3): App Service / Functions / Container Apps
/// (`IDENTITY_ENDPOINT` + `IDENTITY_HEADER`), Azure ML (`MSI_ENDPOINT` + `MSI_SECRET`), and
/// the VM instance metadata endpoint (host overridable with
/// `AZURE_POD_IDENTITY_AUTHORITY_HOST`). `AZURE_CLIENT_ID` selects a user-assigned identity.
///
/// Example: on a VM it sends
/// `GET http://169.254.169.254/metadata/identity/oauth2/token?api-version=2018-02-01&resource=https%3A%2F%2Fmanagement.core.windows.net%2F`
/// with `Metadata: true`.
struct AzureManagedIdentityCredential: AzureTokenCredential {
    enum Source: Sendable {
        case appService(endpoint: HTTPURL, header: String)
        case azureML(endpoint: HTTPURL, secret: String)
        case virtualMachine(endpoint: HTTPURL)
    }

    var source: Source
    var clientId: String?
    /// Connect timeout for the metadata endpoint, short so a machine that is not in Azure
    /// fails fast.
    var connectTimeout: Duration = .seconds(1)

    static let instanceMetadataHost = "http://169.254.169.254"

    var kind: AzureCredentialKind {
        switch source {
        case .appService: .managedIdentityAppService
        case .azureML: .managedIdentityAzureML
        case .virtualMachine: .managedIdentityVM
        }
    }

    var tokenCacheMaterial: [UInt8] {
        let endpoint: HTTPURL
        switch source {
        case .appService(let url, _), .azureML(let url, _), .virtualMachine(let url): endpoint = url
        }
        return Array("managed identity\u{0}\(endpoint.absoluteString)\u{0}\(clientId ?? "")".utf8)
    }

    func fetchToken(audience: String, pipeline: AzureHTTPPipeline) throws(ARMTransportError) -> AzureAccessToken {
        var url: HTTPURL
        var headers: HTTPFields = [("Accept", "application/json"), ("User-Agent", AzShimVersion.userAgent)]
        var query: String
        var connectTimeout: Duration?
        var timeout: Duration?
        let resource = "resource=\(HTTPURL.formEncode(audience))"
        switch source {
        case .appService(let endpoint, let header):
            try Self.checkHeaderSecret(header, variable: "IDENTITY_HEADER", secrets: pipeline.secrets)
            url = endpoint
            query = "api-version=2019-08-01&\(resource)"
            if let clientId { query += "&client_id=\(HTTPURL.formEncode(clientId))" }
            headers.append(name: "X-IDENTITY-HEADER", value: header)
        case .azureML(let endpoint, let secret):
            try Self.checkHeaderSecret(secret, variable: "MSI_SECRET", secrets: pipeline.secrets)
            url = endpoint
            query = "api-version=2017-09-01&\(resource)"
            if let clientId { query += "&clientid=\(HTTPURL.formEncode(clientId))" }
            headers.append(name: "secret", value: secret)
        case .virtualMachine(let endpoint):
            url = endpoint
            query = "api-version=2018-02-01&\(resource)"
            if let clientId { query += "&client_id=\(HTTPURL.formEncode(clientId))" }
            headers.append(name: "Metadata", value: "true")
            connectTimeout = self.connectTimeout
            timeout = .seconds(10)
        }
        url.target += (url.target.contains("?") ? "&" : "?") + query
        let request = HTTPMessage.Request(method: "GET", url: url, headers: headers, body: nil)
        let sourceText = "Managed identity authentication at \(url.origin) failed"
        let response: HTTPMessage.Response
        do {
            response = try pipeline.exchange(request, connectTimeout: connectTimeout, timeout: timeout)
        } catch .cancelled {
            throw .cancelled
        } catch {
            throw .authentication(AuthenticationError(attempt: sourceText, reason: .unreachable(error)))
        }
        return try AzureTokenResponse.parse(
            response, now: pipeline.clock.now(), source: sourceText, secrets: pipeline.secrets)
    }

    /// The token URL of the VM metadata endpoint on `host` (`AZURE_POD_IDENTITY_AUTHORITY_HOST`).
    static func instanceMetadataURL(host: String?) -> HTTPURL? {
        var base = host?.httpTrimmed ?? ""
        if base.isEmpty { base = instanceMetadataHost }
        if !base.lowercased().hasPrefix("http://") && !base.lowercased().hasPrefix("https://") {
            base = "http://" + base
        }
        return HTTPURL(base)?.appendingPath("metadata/identity/oauth2/token")
    }

    /// Registers the platform's header secret (`IDENTITY_HEADER`, `MSI_SECRET`) for scrubbing, and
    /// refuses one that cannot be sent in an HTTP header.
    private static func checkHeaderSecret(
        _ value: String, variable: String, secrets: AzureSecretRegistry
    ) throws(ARMTransportError) {
        secrets.register(value)
        if let problem = HTTPFieldRules.valueProblem(value) {
            let reason = "\(variable) cannot be sent in an HTTP header: it contains \(problem)"
            throw .authentication(
                AuthenticationError(attempt: "Managed identity authentication failed", reason: .local(reason)))
        }
    }
}

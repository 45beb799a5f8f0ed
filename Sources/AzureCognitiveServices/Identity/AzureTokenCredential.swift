import AzShimSupport
import HTTP1

/// Something that can get an Azure Resource Manager token: a client secret, a workload
/// identity, a managed identity or the Azure CLI.
///
/// Example: `try credential.fetchToken(audience: "https://management.core.windows.net/", pipeline: pipeline)`.
protocol AzureTokenCredential: Sendable {
    var kind: AzureCredentialKind { get }
    /// The bytes whose SHA-256 goes into the token cache's key, so a cached token is used only
    /// with the same secret or login: the client secret, the federated token file's path and
    /// client, the managed identity's endpoint and client, the Azure CLI's current profile, a
    /// certificate's public key. Never stored or shown; only its digest is.
    var tokenCacheMaterial: [UInt8] { get }
    func fetchToken(audience: String, pipeline: AzureHTTPPipeline) throws(ARMTransportError) -> AzureAccessToken
}

/// Shared parsing of token-endpoint answers.
enum AzureTokenResponse {
    /// Reads `access_token` and `expires_in`/`expires_on` from a 200 body, or the
    /// identity platform's `error_description` from an error body.
    static func parse(
        _ response: HTTPMessage.Response, now: Double, source: String, secrets: AzureSecretRegistry
    ) throws(ARMTransportError) -> AzureAccessToken {
        let json = try? JSONParser.parse(response.body)
        if response.statusCode == 200, let token = json?["access_token"]?.stringValue, !token.isEmpty {
            secrets.register(token)
            if let problem = AzureAccessToken.bearerProblem(token) {
                throw .authentication(
                    AuthenticationError(
                        attempt: source,
                        reason: .refused("the access token it returned cannot be sent in an HTTP header: \(problem)")))
            }
            var expiresOn = now + 3600
            if let seconds = json?["expires_in"].flatMap(number) {
                expiresOn = now + seconds
            } else if let epoch = json?["expires_on"].flatMap(number) {
                expiresOn = epoch
            }
            return AzureAccessToken(value: token, expiresOn: expiresOn)
        }
        var reason: String
        if let description = json?["error_description"]?.stringValue ?? json?["message"]?.stringValue
            ?? json?["error"]?["message"]?.stringValue
        {
            reason = String(description.split(whereSeparator: \.isNewline).first ?? "")
        } else if let code = json?["error"]?.stringValue {
            reason = code
        } else if response.statusCode == 200 {
            reason = "the answer has no access_token"
        } else {
            reason = "HTTP status \(response.statusCode) (\(AzureHTTPTrace.statusName(response.statusCode)))"
        }
        throw .authentication(
            AuthenticationError(attempt: secrets.scrub(source), reason: .refused(secrets.scrub(reason))))
    }

    /// A JSON number, or a string holding one, when finite (`"inf"` and `"nan"` are no time).
    static func number(_ value: JSONValue) -> Double? {
        let number: Double? =
            switch value {
            case .number(let text): Double(text)
            case .string(let text): Double(text)
            default: nil
            }
        return number.flatMap { $0.isFinite ? $0 : nil }
    }
}

import AzShimSupport
import HTTP1

/// The OAuth2 client-credentials grant (§5.2) with a client secret, or with a client
/// assertion read from `AZURE_FEDERATED_TOKEN_FILE` (workload identity; the file is re-read
/// for every token, since Kubernetes rotates it), or with one that `AzureCertificateCredential`
/// signed.
///
/// Example: with `AZURE_TENANT_ID=t AZURE_CLIENT_ID=c AZURE_CLIENT_SECRET=…` it posts
/// `client_id=c&scope=https%3A%2F%2Fmanagement.core.windows.net%2F%2F.default&client_secret=…&grant_type=client_credentials`
/// to `https://login.microsoftonline.com/t/oauth2/v2.0/token`.
struct AzureClientCredential: AzureTokenCredential {
    enum Proof: Sendable {
        case secret(String)
        case federatedTokenFile(String)
        /// A JWT signed with a certificate's key (`AzureClientAssertion`).
        case certificateAssertion(String)
    }

    var authorityHost: HTTPURL
    var tenantId: String
    var clientId: String
    var proof: Proof

    var kind: AzureCredentialKind {
        switch proof {
        case .secret: .clientSecret
        case .federatedTokenFile: .workloadIdentity
        case .certificateAssertion: .clientCertificate
        }
    }

    /// The identity platform's v2.0 token endpoint for `tenantId` (also a client assertion's `aud`).
    static func tokenURL(authorityHost: HTTPURL, tenantId: String) -> HTTPURL {
        authorityHost.appendingPath(ARMRequest.percentEncodePathSegment(tenantId) + "/oauth2/v2.0/token")
    }

    var tokenCacheMaterial: [UInt8] {
        switch proof {
        case .secret(let secret): Array("client secret\u{0}\(secret)".utf8)
        case .federatedTokenFile(let path): Array("federated token file\u{0}\(path)\u{0}\(clientId)".utf8)
        // A one-time assertion: `AzureCertificateCredential` keys the cache by its public key instead.
        case .certificateAssertion(let signed): Array("client certificate assertion\u{0}\(signed)".utf8)
        }
    }

    func fetchToken(audience: String, pipeline: AzureHTTPPipeline) throws(ARMTransportError) -> AzureAccessToken {
        let url = Self.tokenURL(authorityHost: authorityHost, tenantId: tenantId)
        let scope = audience + ".default"
        var form = "client_id=\(HTTPURL.formEncode(clientId))&scope=\(HTTPURL.formEncode(scope))"
        let source: String
        let assertion: String?
        switch proof {
        case .secret(let secret):
            pipeline.secrets.register(secret)
            form += "&client_secret=\(HTTPURL.formEncode(secret))"
            source = "Client secret authentication for client '\(clientId)' at \(url.origin) failed"
            assertion = nil
        case .federatedTokenFile(let path):
            source = "Workload identity authentication for client '\(clientId)' at \(url.origin) failed"
            let bytes: [UInt8]
            do {
                bytes = try FileSystem.read(path, maximumBytes: 16 << 20)
            } catch {
                throw .authentication(
                    AuthenticationError(
                        attempt: source,
                        reason: .local("cannot read AZURE_FEDERATED_TOKEN_FILE '\(path)': \(error.reason)")))
            }
            assertion = String(decoding: bytes, as: UTF8.self).httpTrimmed
                .split(whereSeparator: \.isNewline).joined()
        case .certificateAssertion(let signed):
            source = "Client certificate authentication for client '\(clientId)' at \(url.origin) failed"
            assertion = signed
        }
        if let assertion {
            pipeline.secrets.register(assertion)
            form +=
                "&client_assertion_type=\(HTTPURL.formEncode("urn:ietf:params:oauth:client-assertion-type:jwt-bearer"))"
            form += "&client_assertion=\(HTTPURL.formEncode(assertion))"
        }
        form += "&grant_type=client_credentials"
        let request = HTTPMessage.Request(
            method: "POST", url: url,
            headers: [
                ("Content-Type", "application/x-www-form-urlencoded"), ("Accept", "application/json"),
                ("x-ms-client-request-id", AzureRequestID.make()), ("User-Agent", AzShimVersion.userAgent),
            ],
            body: Array(form.utf8))
        var response: HTTPMessage.Response
        do {
            response = try pipeline.exchange(request)
            // MSAL retries a token request once, a second later, when the identity platform
            // answers 5xx (`HttpManager`): a passing 500 must not fail the whole command.
            if AzureRetryPolicy.isTransient(statusCode: response.statusCode) {
                pipeline.diagnostics.verbose(
                    "The token endpoint answered status \(response.statusCode); retrying once in 1 s.")
                try pipeline.clock.sleep(for: .seconds(1), cancellation: pipeline.cancellation)
                response = try pipeline.exchange(request)
            }
        } catch .cancelled {
            throw .cancelled
        } catch {
            throw .authentication(AuthenticationError(attempt: source, reason: .unreachable(error)))
        }
        return try AzureTokenResponse.parse(
            response, now: pipeline.clock.now(), source: source, secrets: pipeline.secrets)
    }
}

import AzShimSupport
import HTTP1

#if canImport(Glibc)
    import Glibc
#endif

/// A service principal signing in with a certificate, configured as Azure Identity's
/// `EnvironmentCredential` reads it (azure-sdk-for-net `Credentials/EnvironmentCredential.cs`):
/// `AZURE_TENANT_ID`, `AZURE_CLIENT_ID`, `AZURE_CLIENT_CERTIFICATE_PATH` (PEM with the
/// certificate and its private key, or PKCS#12 `.pfx`/`.p12`), `AZURE_CLIENT_CERTIFICATE_PASSWORD`
/// and `AZURE_CLIENT_SEND_CERTIFICATE_CHAIN` (`1` or `true`: the assertion carries `x5c`). The
/// file is read once, when the credential is chosen; each token request sends a fresh client
/// assertion (`AzureClientAssertion`) signed with the key, which never leaves OpenSSL.
///
/// Example: `AZURE_TENANT_ID=t AZURE_CLIENT_ID=c AZURE_CLIENT_CERTIFICATE_PATH=sp.pem
/// New-AzCognitiveServicesAccountKey rg acct Key1` posts
/// `client_id=c&scope=…&client_assertion_type=urn%3Aietf%3Aparams%3Aoauth%3Aclient-assertion-type%3Ajwt-bearer&client_assertion=eyJ…&grant_type=client_credentials`
/// to `https://login.microsoftonline.com/t/oauth2/v2.0/token`.
struct AzureCertificateCredential: AzureTokenCredential {
    /// The largest certificate file read (a chain of a few certificates is a few KiB).
    static let maximumFileBytes = 1 << 20

    var authorityHost: HTTPURL
    var tenantId: String
    var clientId: String
    var path: String
    var certificate: ClientCertificate
    /// Registered as a secret for the run, so that no message can show it.
    var password: String?
    var sendsCertificateChain: Bool

    var kind: AzureCredentialKind { .clientCertificate }

    /// What the token cache keys this credential by: the certificate's public key
    /// (SubjectPublicKeyInfo, DER), so a new certificate never reuses an old token.
    var tokenCacheMaterial: [UInt8] { certificate.publicKeyDER }

    /// The SHA-1 thumbprint in uppercase hex, as the Azure portal lists certificates.
    var thumbprint: String {
        (try? OpenSSLCrypto.digest(.sha1, certificate.certificateDER)).map {
            AzureClientAssertion.hexadecimal($0, uppercase: true)
        } ?? ""
    }

    /// Reads and checks the certificate file; nil when `AZURE_CLIENT_CERTIFICATE_PATH` is unset
    /// or blank. `environment` is the raw one: a password may begin or end with spaces. An
    /// expired or not-yet-valid certificate is a WARNING, not an error: the identity platform decides.
    static func load(
        authorityHost: HTTPURL, tenantId: String, clientId: String, environment: [String: String],
        now: Double, diagnostics: AzureDiagnostics
    ) throws(AzureConfigurationError) -> AzureCertificateCredential? {
        guard let path = environment["AZURE_CLIENT_CERTIFICATE_PATH"], !path.httpTrimmed.isEmpty else { return nil }
        let password = environment["AZURE_CLIENT_CERTIFICATE_PASSWORD"].flatMap { $0.isEmpty ? nil : $0 }
        let chain = environment["AZURE_CLIENT_SEND_CERTIFICATE_CHAIN"]?.httpTrimmed.lowercased()
        let bytes: [UInt8]
        do {
            bytes = try FileSystem.read(path, maximumBytes: maximumFileBytes)
        } catch {
            throw .clientCertificate(path: path, problem: .unreadable(error.reason))
        }
        let certificate: ClientCertificate
        do {
            certificate = try ClientCertificate(contents: bytes, password: password)
        } catch {
            throw .clientCertificate(path: path, problem: error)
        }
        let credential = AzureCertificateCredential(
            authorityHost: authorityHost, tenantId: tenantId, clientId: clientId, path: path,
            certificate: certificate, password: password, sendsCertificateChain: chain == "1" || chain == "true")
        if let notAfter = certificate.notAfter, notAfter <= now {
            diagnostics.warning(
                "The client certificate '\(path)' (thumbprint \(credential.thumbprint)) expired on \(utcText(notAfter)); the identity platform will likely refuse it."
            )
        } else if let notBefore = certificate.notBefore, notBefore > now {
            diagnostics.warning(
                "The client certificate '\(path)' (thumbprint \(credential.thumbprint)) is not valid before \(utcText(notBefore)); the identity platform will likely refuse it."
            )
        }
        return credential
    }

    func fetchToken(audience: String, pipeline: AzureHTTPPipeline) throws(ARMTransportError) -> AzureAccessToken {
        if let password { pipeline.secrets.register(password) }
        let url = AzureClientCredential.tokenURL(authorityHost: authorityHost, tenantId: tenantId)
        let assertion: String
        do throws(ClientCertificateError) {
            let now = pipeline.clock.now()
            guard now.isFinite, now > 0, now < 1e11 else {
                throw ClientCertificateError.failed(operation: "date the assertion", detail: "the clock reads \(now)")
            }
            assertion = try AzureClientAssertion(
                audience: url.absoluteString, clientId: clientId, issuedAt: Int(now),
                jwtID: try AzureClientAssertion.randomJWTID(), sendsCertificateChain: sendsCertificateChain
            ).signed(with: certificate)
        } catch {
            throw .authentication(
                AuthenticationError(
                    attempt: "Client certificate authentication for client '\(clientId)' failed",
                    reason: .local(AzureConfigurationError.clientCertificate(path: path, problem: error).message)))
        }
        pipeline.diagnostics.debug(
            "Signed a client assertion with the certificate '\(path)' (thumbprint \(thumbprint), RSA \(certificate.keyBits) bits), valid for \(AzureClientAssertion.lifetime) s."
        )
        return try AzureClientCredential(
            authorityHost: authorityHost, tenantId: tenantId, clientId: clientId,
            proof: .certificateAssertion(assertion)
        ).fetchToken(audience: audience, pipeline: pipeline)
    }

    /// `2026-12-01 22:42:00 UTC`.
    static func utcText(_ seconds: Double) -> String {
        var time = time_t(max(-1e15, min(1e15, seconds)))
        var broken = tm()
        guard gmtime_r(&time, &broken) != nil else { return "\(seconds) s after 1970" }
        func two(_ value: Int32) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return
            "\(broken.tm_year + 1900)-\(two(broken.tm_mon + 1))-\(two(broken.tm_mday)) \(two(broken.tm_hour)):\(two(broken.tm_min)):\(two(broken.tm_sec)) UTC"
    }
}

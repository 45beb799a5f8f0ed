import AzShimSupport
import FakeAzure
import Foundation
import HTTP1
import Testing

@testable import AzureCognitiveServices

/// The certificate credential (issue 15) against the loopback fake, whose token endpoint
/// verifies each client assertion with the `openssl` command line (`FakeClientAssertionVerifier`):
/// signature, thumbprints, `aud`, `iss`, `sub`, `jti` and times. Certificates are made by the test
/// (`FakeCertificateFiles`); without the `openssl` program the suite is skipped and says why.
@Suite(.enabled(if: FakeCertificateFiles.unavailableReason == nil, "the openssl command line is not installed"))
struct AzureCertificateCredentialTests {
    typealias Env = AzureTestEnvironment

    /// A clock at a fixed time.
    struct FixedClock: AzureClock {
        var time: Double
        func now() -> Double { time }
        func sleep(for span: Duration, cancellation: Cancellation) throws(ARMTransportError) {}
    }

    func files() throws -> FakeCertificateFiles { try FakeCertificateFiles.shared.get() }

    /// Certificate variables pointing ARM and the authority at `server`.
    func environment(_ server: FakeAzureServer, path: String, _ extra: [String: String] = [:]) -> [String: String] {
        [
            "AZURE_TENANT_ID": "tenant-1", "AZURE_CLIENT_ID": "client-1", "AZURE_CLIENT_CERTIFICATE_PATH": path,
            "AZURE_SUBSCRIPTION_ID": Env.subscription, "AZURE_RESOURCE_MANAGER_URL": server.baseURL,
            "AZURE_AUTHORITY_HOST": server.baseURL, "HOME": "/nonexistent-home",
        ].merging(extra) { $1 }
    }

    /// Regenerates a key with a fake that verifies the assertion; returns the token request.
    @discardableResult
    func signIn(
        path: String, certificate: String, chain: Bool? = false, _ extra: [String: String] = [:],
        diagnostics: AzureDiagnostics = .disabled
    ) throws -> (FakeAzureServer.Recorded, FakeClientAssertionVerifier, AzureConnectionDescription) {
        let server = try FakeAzureServer()
        let verifier = try FakeClientAssertionVerifier(
            certificatePEM: certificate, clientId: "client-1", expectsChain: chain)
        server.route("/tenant-1/oauth2/v2.0/token", responder: verifier.responder(origin: server.baseURL))
        server.route("/subscriptions/", fallback: .keys)
        let (transport, description) = try Env.transport(
            AzureConfigurationResolver.resolve(
                environment: environment(server, path: path, extra), defaultProfilePath: nil, diagnostics: diagnostics))
        let response = try Env.regenerate(transport)
        #expect(response.statusCode == 200, "refused: \(verifier.problemsSeen)")
        #expect(verifier.accepted == 1)
        #expect(verifier.problemsSeen == [])
        let arm = try #require(server.requests.last)
        #expect(arm.headers["Authorization"] == "Bearer FAKE-ACCESS-TOKEN-0123456789")
        let token = try #require(server.requests.first { $0.path == "/tenant-1/oauth2/v2.0/token" })
        return (token, verifier, description)
    }

    @Test func pemWithCertificateThenKey() throws {
        let files = try files()
        let (token, _, description) = try signIn(path: files.pem, certificate: files.certificate)
        #expect(description.credentialKind == .clientCertificate)
        #expect(
            token.bodyText.hasPrefix("client_id=client-1&scope=https%3A%2F%2Fmanagement.core.windows.net%2F.default"))
        #expect(token.bodyText.hasSuffix("&grant_type=client_credentials"))
        #expect(!token.bodyText.contains("client_secret"))
    }

    @Test func pemWithKeyThenCertificate() throws {
        let files = try files()
        try signIn(path: files.keyFirstPEM, certificate: files.certificate)
    }

    @Test func pemWithEncryptedKeyAndPassword() throws {
        let files = try files()
        try signIn(
            path: files.encryptedPEM, certificate: files.certificate,
            ["AZURE_CLIENT_CERTIFICATE_PASSWORD": FakeCertificateFiles.pemPassword])
    }

    @Test func pfxWithPassword() throws {
        let files = try files()
        try signIn(
            path: files.pfx, certificate: files.certificate,
            ["AZURE_CLIENT_CERTIFICATE_PASSWORD": FakeCertificateFiles.pfxPassword])
    }

    @Test func legacyPFXWithPassword() throws {
        let files = try files()
        try signIn(
            path: files.legacyPFX, certificate: files.certificate,
            ["AZURE_CLIENT_CERTIFICATE_PASSWORD": FakeCertificateFiles.pfxPassword])
    }

    @Test(arguments: ["true", "1", "TRUE"])
    func sendCertificateChainAddsX5C(setting: String) throws {
        let files = try files()
        let (token, _, _) = try signIn(
            path: files.chain, certificate: files.leaf, chain: true, ["AZURE_CLIENT_SEND_CERTIFICATE_CHAIN": setting])
        let header = try Self.jwtPart(token, 0)
        let chain = try #require(header["x5c"] as? [String])
        #expect(chain.count == 2)
        #expect(
            chain.map { Data(base64Encoded: $0).map { Array($0) } } == [
                try FakeCertificateFiles.der(certificate: files.leaf),
                try FakeCertificateFiles.der(certificate: files.folder + "/ca.pem"),
            ])
    }

    @Test(arguments: ["false", "0", "yes"])
    func otherChainSettingsSendNoX5C(setting: String) throws {
        let files = try files()
        try signIn(
            path: files.chain, certificate: files.leaf, chain: false, ["AZURE_CLIENT_SEND_CERTIFICATE_CHAIN": setting])
    }

    /// Header and claims as MSAL writes them; the times come from the clock.
    @Test func assertionHeaderAndClaims() throws {
        let files = try files()
        let (token, _, _) = try signIn(path: files.pem, certificate: files.certificate)
        let header = try Self.jwtPart(token, 0)
        #expect(header.keys.sorted() == ["alg", "typ", "x5t", "x5t#S256"])
        let claims = try Self.jwtPart(token, 1)
        #expect(claims.keys.sorted() == ["aud", "exp", "iat", "iss", "jti", "nbf", "sub"])
        let jti = try #require(claims["jti"] as? String)
        #expect(jti.count == 36 && jti.split(separator: "-").count == 5)
    }

    /// The verifier is not a rubber stamp: a tampered signature, another client, another
    /// certificate and a replayed `jti` are each refused.
    @Test func verifierRefusesWhatTheIdentityPlatformRefuses() throws {
        let files = try files()
        let (token, verifier, _) = try signIn(path: files.pem, certificate: files.certificate)
        let url = "http://127.0.0.1:1/tenant-1/oauth2/v2.0/token"
        let origin = token.bodyText
        let audience = try Self.audience(token)
        // Replayed: same jti.
        #expect(
            verifier.problems(in: token, tokenURL: audience).contains {
                $0.hasPrefix("jti ") && $0.hasSuffix(" was used before")
            })
        // Wrong audience.
        let fresh = try FakeClientAssertionVerifier(certificatePEM: files.certificate, clientId: "client-1")
        #expect(fresh.problems(in: token, tokenURL: url).contains("aud is not \(url)"))
        // Another client.
        let otherClient = try FakeClientAssertionVerifier(certificatePEM: files.certificate, clientId: "client-2")
        #expect(otherClient.problems(in: token, tokenURL: audience).contains("iss is not the client id"))
        // Another certificate.
        let otherCertificate = try FakeClientAssertionVerifier(certificatePEM: files.other, clientId: "client-1")
        let problems = otherCertificate.problems(in: token, tokenURL: audience)
        #expect(problems.contains("x5t#S256 is not the certificate's SHA-256 thumbprint"))
        #expect(problems.contains("the signature does not verify with the certificate's public key"))
        // A flipped signature character.
        var tampered = token
        let assertion = try #require(Self.form(origin)["client_assertion"])
        // Ten characters from the end: every bit of it is signature (the last one has unused bits).
        var characters = Array(assertion)
        let index = characters.count - 10
        characters[index] = characters[index] == "A" ? "B" : "A"
        tampered.body = Array(origin.replacingOccurrences(of: assertion, with: String(characters)).utf8)
        let again = try FakeClientAssertionVerifier(certificatePEM: files.certificate, clientId: "client-1")
        #expect(
            again.problems(in: tampered, tokenURL: audience) == [
                "the signature does not verify with the certificate's public key"
            ])
    }

    /// The token cache keys the credential by the certificate's public key (SubjectPublicKeyInfo
    /// DER, as `openssl x509 -pubkey | openssl pkey -pubin -outform DER` writes it); the
    /// thumbprint is `openssl x509 -fingerprint -sha1`'s.
    @Test(arguments: [false, true])
    func tokenCacheMaterialIsThePublicKey(pfx: Bool) throws {
        let files = try files()
        let server = try FakeAzureServer()
        let variables =
            pfx
            ? environment(
                server, path: files.pfx, ["AZURE_CLIENT_CERTIFICATE_PASSWORD": FakeCertificateFiles.pfxPassword])
            : environment(server, path: files.pem)
        let (transport, _) = try Env.transport(
            AzureConfigurationResolver.resolve(environment: variables, defaultProfilePath: nil))
        let arm = try #require(Env.arm(transport))
        let credential = try #require(arm.tokens.credential as? AzureCertificateCredential)
        #expect(
            credential.tokenCacheMaterial == (try FakeCertificateFiles.publicKeyDER(certificate: files.certificate)))
        let fingerprint = try FakeClientAssertionVerifier.openssl([
            "x509", "-in", files.certificate, "-noout", "-fingerprint", "-sha1",
        ])
        #expect(
            String(decoding: fingerprint, as: UTF8.self).replacingOccurrences(of: ":", with: "")
                .uppercased() == "SHA1 FINGERPRINT=\(credential.thumbprint)\n")
    }

    // MARK: errors

    struct ErrorCase: Sendable, CustomStringConvertible {
        var file: @Sendable (FakeCertificateFiles) -> String
        var password: String?
        var expected: String
        var description: String { expected }
    }

    static let errorCases: [ErrorCase] = [
        ErrorCase(
            file: { $0.folder + "/missing.pem" }, password: nil,
            expected: "cannot read it: No such file or directory."),
        ErrorCase(
            file: { $0.garbage }, password: nil,
            expected:
                "it is neither PEM (-----BEGIN CERTIFICATE----- and -----BEGIN PRIVATE KEY-----) nor PKCS#12 (.pfx, .p12)."
        ),
        ErrorCase(
            file: { $0.certificateOnly }, password: nil,
            expected:
                "it holds no private key; the file must contain the certificate and its private key (PEM), or be a PKCS#12 file with both."
        ),
        ErrorCase(
            file: { $0.keyOnly }, password: nil, expected: "it holds no certificate (-----BEGIN CERTIFICATE-----)."),
        ErrorCase(
            file: { $0.pfx }, password: nil,
            expected: "it is protected by a password; set AZURE_CLIENT_CERTIFICATE_PASSWORD."),
        ErrorCase(
            file: { $0.pfx }, password: "WRONG-PASSWORD-0000",
            expected: "the password in AZURE_CLIENT_CERTIFICATE_PASSWORD does not open it."),
        ErrorCase(
            file: { $0.encryptedPEM }, password: nil,
            expected: "it is protected by a password; set AZURE_CLIENT_CERTIFICATE_PASSWORD."),
        ErrorCase(
            file: { $0.encryptedPEM }, password: "WRONG-PASSWORD-0000",
            expected: "the password in AZURE_CLIENT_CERTIFICATE_PASSWORD does not open it."),
        ErrorCase(
            file: { $0.ec }, password: nil,
            expected:
                "it holds an EC private key, which is not supported: AzShim signs client assertions with RSA keys only (RS256). Use a certificate with an RSA key."
        ),
        ErrorCase(
            file: { $0.mismatched }, password: nil,
            expected: "its private key does not belong to any certificate in it."),
    ]

    @Test(arguments: errorCases)
    func clearErrors(_ errorCase: ErrorCase) throws {
        let files = try files()
        let server = try FakeAzureServer()
        let path = errorCase.file(files)
        var extra: [String: String] = [:]
        if let password = errorCase.password { extra["AZURE_CLIENT_CERTIFICATE_PASSWORD"] = password }
        do {
            _ = try AzureConfigurationResolver.resolve(
                environment: environment(server, path: path, extra), defaultProfilePath: nil)
            Issue.record("expected an error")
        } catch {
            #expect(
                error.message
                    == "Cannot use the client certificate '\(path)' (AZURE_CLIENT_CERTIFICATE_PATH): \(errorCase.expected)"
            )
            #expect(errorCase.password.map { !error.message.contains($0) } ?? true)
        }
        #expect(server.requests.isEmpty)
    }

    /// Hostile files: every truncation point and seeded byte flips of a PEM file, a PFX and an
    /// encrypted PEM either load or fail with a `ClientCertificateError`; nothing crashes or prompts.
    @Test func damagedFilesFailCleanly() throws {
        let files = try files()
        var generator = SystemRandomNumberGenerator()
        var outcomes: [String: Int] = [:]
        for (path, password) in [
            (files.pem, nil), (files.pfx, FakeCertificateFiles.pfxPassword),
            (files.encryptedPEM, FakeCertificateFiles.pemPassword),
        ] {
            let original = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
            var variants: [[UInt8]] = stride(from: 0, to: original.count, by: max(1, original.count / 40)).map {
                Array(original.prefix($0))
            }
            for _ in 0..<40 {
                var damaged = original
                for _ in 0..<Int.random(in: 1...8, using: &generator) {
                    damaged[Int.random(in: 0..<damaged.count, using: &generator)] = UInt8.random(
                        in: 0...255, using: &generator)
                }
                variants.append(damaged)
            }
            for variant in variants {
                do {
                    let certificate = try ClientCertificate(contents: variant, password: password)
                    #expect(!certificate.publicKeyDER.isEmpty)
                    outcomes["loaded", default: 0] += 1
                } catch {
                    outcomes["\(error)".prefix { $0 != "(" }.description, default: 0] += 1
                }
            }
        }
        #expect(outcomes.values.reduce(0, +) >= 240, "\(outcomes)")
        #expect(throws: ClientCertificateError.notPEMOrPKCS12) { try ClientCertificate(contents: [], password: nil) }
        #expect(throws: ClientCertificateError.noPrivateKey) {
            try ClientCertificate(contents: Array("-----BEGIN CERTIFICATE-----\nAAAA\n".utf8), password: nil)
        }
    }

    @Test func expiredCertificateIsAWarningAndTheIdentityPlatformDecides() throws {
        let files = try files()
        let server = try FakeAzureServer()
        let collector = DiagnosticsCollector()
        let future = Date().timeIntervalSince1970 + 400 * 86400
        _ = try Env.transport(
            AzureConfigurationResolver.resolve(
                environment: environment(server, path: files.pem), defaultProfilePath: nil,
                diagnostics: collector.diagnostics, clock: FixedClock(time: future)))
        let warnings = collector.all.compactMap { if case .warning(let text) = $0 { text } else { nil } }
        #expect(warnings.count == 1)
        #expect(warnings.first?.hasPrefix("The client certificate '\(files.pem)' (thumbprint ") == true)
        #expect(warnings.first?.contains(") expired on 20") == true)
        #expect(warnings.first?.hasSuffix(" UTC; the identity platform will likely refuse it.") == true)

        let past = Date().timeIntervalSince1970 - 400 * 86400
        let early = DiagnosticsCollector()
        _ = try Env.transport(
            AzureConfigurationResolver.resolve(
                environment: environment(server, path: files.pem), defaultProfilePath: nil,
                diagnostics: early.diagnostics, clock: FixedClock(time: past)))
        #expect(early.text.contains(") is not valid before 20"))

        let current = DiagnosticsCollector()
        _ = try Env.transport(
            AzureConfigurationResolver.resolve(
                environment: environment(server, path: files.pem), defaultProfilePath: nil,
                diagnostics: current.diagnostics))
        #expect(!current.text.contains("WARNING"))
    }

    @Test func utcText() {
        #expect(AzureCertificateCredential.utcText(0) == "1970-01-01 00:00:00 UTC")
        #expect(AzureCertificateCredential.utcText(1_764_628_920) == "2025-12-01 22:42:00 UTC")
    }

    // MARK: order and secrecy

    @Test func clientSecretComesFirstThenCertificateThenWorkloadIdentity() throws {
        let files = try files()
        let server = try FakeAzureServer()
        var variables = environment(server, path: files.pem)
        variables["AZURE_FEDERATED_TOKEN_FILE"] = "/nonexistent/token"
        let (_, certificate) = try Env.transport(
            AzureConfigurationResolver.resolve(environment: variables, defaultProfilePath: nil))
        #expect(certificate.credentialKind == .clientCertificate)
        variables["AZURE_CLIENT_SECRET"] = Env.clientSecret
        let (_, secret) = try Env.transport(
            AzureConfigurationResolver.resolve(environment: variables, defaultProfilePath: nil))
        #expect(secret.credentialKind == .clientSecret)
        // A blank path is no certificate.
        variables["AZURE_CLIENT_SECRET"] = nil
        variables["AZURE_CLIENT_CERTIFICATE_PATH"] = "  "
        let (_, workload) = try Env.transport(
            AzureConfigurationResolver.resolve(environment: variables, defaultProfilePath: nil))
        #expect(workload.credentialKind == .workloadIdentity)
    }

    @Test func verboseNamesTheCertificate() throws {
        let files = try files()
        let server = try FakeAzureServer()
        let (_, description) = try Env.transport(
            AzureConfigurationResolver.resolve(
                environment: environment(server, path: files.pem), defaultProfilePath: nil))
        let line = try #require(description.verboseLines.first { $0.hasPrefix("Credential:") })
        #expect(
            line.hasPrefix(
                "Credential: client certificate (AZURE_TENANT_ID, AZURE_CLIENT_ID, AZURE_CLIENT_CERTIFICATE_PATH), tenant 'tenant-1', client 'client-1', certificate thumbprint "
            ))
    }

    /// `-Debug` shows the token request with the assertion redacted; neither the password,
    /// the assertion nor any key text appears in any diagnostic.
    @Test func debugNeverShowsThePasswordTheAssertionOrTheKey() throws {
        let files = try files()
        let collector = DiagnosticsCollector()
        let (token, _, _) = try signIn(
            path: files.encryptedPEM, certificate: files.certificate,
            ["AZURE_CLIENT_CERTIFICATE_PASSWORD": FakeCertificateFiles.pemPassword], diagnostics: collector.diagnostics)
        let text = collector.text
        let assertion = try #require(Self.form(token.bodyText)["client_assertion"])
        #expect(text.contains("client_assertion=<redacted>"))
        #expect(text.contains("DEBUG: Signed a client assertion with the certificate '\(files.encryptedPEM)'"))
        #expect(!text.contains(assertion))
        #expect(!text.contains(String(assertion.split(separator: ".")[2].prefix(40))))
        #expect(!text.contains(FakeCertificateFiles.pemPassword))
        let keyLines = try String(contentsOfFile: files.key, encoding: .utf8).split(separator: "\n").filter {
            !$0.hasPrefix("-----")
        }
        for line in keyLines { #expect(!text.contains(line)) }
        for line in keyLines { #expect(!token.bodyText.contains(line)) }
    }

    // MARK: helpers

    static func form(_ body: String) -> [String: String] {
        var fields: [String: String] = [:]
        for pair in body.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1).map { $0.removingPercentEncoding ?? String($0) }
            fields[parts[0]] = parts.count > 1 ? parts[1] : ""
        }
        return fields
    }

    static func jwtPart(_ token: FakeAzureServer.Recorded, _ index: Int) throws -> [String: Any] {
        let assertion = try #require(form(token.bodyText)["client_assertion"])
        var part = String(assertion.split(separator: ".")[index])
            .replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while part.count % 4 != 0 { part += "=" }
        let data = try #require(Data(base64Encoded: part))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    static func audience(_ token: FakeAzureServer.Recorded) throws -> String {
        try #require(try jwtPart(token, 1)["aud"] as? String)
    }
}

/// The JWT encoding pieces, against RFC 4648 §10 test vectors.
@Suite struct AzureClientAssertionTests {
    @Test func base64() {
        let vectors = [
            "": "", "f": "Zg==", "fo": "Zm8=", "foo": "Zm9v", "foob": "Zm9vYg==", "fooba": "Zm9vYmE=",
            "foobar": "Zm9vYmFy",
        ]
        for (input, expected) in vectors {
            #expect(AzureClientAssertion.base64(Array(input.utf8)) == expected)
            #expect(
                AzureClientAssertion.base64URL(Array(input.utf8)) == expected.replacingOccurrences(of: "=", with: ""))
        }
        #expect(AzureClientAssertion.base64URL([0xFB, 0xFF, 0xBF]) == "-_-_")
        #expect(AzureClientAssertion.base64([0xFB, 0xFF, 0xBF]) == "+/+/")
    }

    @Test func claimsAreTenMinutes() {
        let assertion = AzureClientAssertion(
            audience: "https://login.microsoftonline.com/t/oauth2/v2.0/token", clientId: "c", issuedAt: 1_764_628_800,
            jwtID: "id", sendsCertificateChain: false)
        #expect(
            JSONWriter.compact(assertion.claims)
                == #"{"aud":"https://login.microsoftonline.com/t/oauth2/v2.0/token","iss":"c","sub":"c","jti":"id","nbf":1764628800,"iat":1764628800,"exp":1764629400}"#
        )
    }

    @Test func jwtIDsAreRandomUUIDs() throws {
        let first = try AzureClientAssertion.randomJWTID()
        let second = try AzureClientAssertion.randomJWTID()
        #expect(first != second)
        #expect(Array(first)[14] == "4")
        #expect(first.count == 36)
    }
}

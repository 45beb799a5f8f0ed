import FakeAzure
import Foundation
import Testing

/// `New-AzCognitiveServicesAccountKey` signing in with a certificate (issue 15), in process and
/// as the built binary, against the loopback fake whose token endpoint verifies each client
/// assertion with the `openssl` command line. Certificates are made by the test; without the
/// `openssl` program the suite is skipped and says why.
@Suite(.enabled(if: FakeCertificateFiles.unavailableReason == nil, "the openssl command line is not installed"))
struct CertificateCredentialTests {
    static let keyOne = "SECRETKEYONE0123456789abcdef0123"

    struct Setup {
        let harness = Harness()
        let server: FakeAzureServer
        let verifier: FakeClientAssertionVerifier
        let files: FakeCertificateFiles

        init() throws {
            files = try FakeCertificateFiles.shared.get()
            server = try FakeAzureServer()
            verifier = try FakeClientAssertionVerifier(
                certificatePEM: files.certificate, clientId: "client-1", expectsChain: false)
            server.route("/tenant-1/oauth2/v2.0/token", responder: verifier.responder(origin: server.baseURL))
            server.route("/subscriptions/", fallback: .keys)
        }

        func environment(path: String, password: String? = nil) -> [String: String] {
            var variables = [
                "AZURE_ENVIRONMENT": "AzureCloud", "AZURE_TENANT_ID": "tenant-1", "AZURE_CLIENT_ID": "client-1",
                "AZURE_CLIENT_CERTIFICATE_PATH": path, "AZURE_SUBSCRIPTION_ID": "00000000-1111-2222-3333-444444444444",
                "AZURE_RESOURCE_MANAGER_URL": server.baseURL, "AZURE_AUTHORITY_HOST": server.baseURL,
                "HOME": harness.folder, "XDG_CACHE_HOME": harness.folder,
            ]
            variables["AZURE_CLIENT_CERTIFICATE_PASSWORD"] = password
            return variables
        }

        /// Lines of the private key's base64 text (none may ever be printed or sent).
        func keyLines() throws -> [Substring] {
            try String(contentsOfFile: files.key, encoding: .utf8).split(separator: "\n").filter {
                !$0.hasPrefix("-----")
            }
        }
    }

    @Test func regeneratesAKeyWithAPEMCertificate() throws {
        let setup = try Setup()
        defer { setup.harness.remove() }
        let result = setup.harness.run(
            ["-ResourceGroupName", "rg", "-Name", "acct", "-KeyName", "Key1"],
            environment: setup.environment(path: setup.files.pem))
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains(Self.keyOne))
        #expect(result.stderr.isEmpty)
        #expect(setup.verifier.accepted == 1)
        #expect(setup.verifier.problemsSeen == [])
        let regenerate = setup.server.requests.last
        #expect(regenerate?.path.hasSuffix("/accounts/acct/regenerateKey") == true)
        #expect(regenerate?.bodyText == #"{"keyName":"Key1"}"#)
    }

    /// The built binary with a password-protected `.pfx` and `-Verbose -Debug`: the key is
    /// regenerated, stderr names the certificate, and neither the password, the assertion nor
    /// the private key appears anywhere.
    @Test func binaryWithPFXNeverPrintsThePasswordOrTheKey() throws {
        let setup = try Setup()
        defer { setup.harness.remove() }
        let result = try setup.harness.runBinary(
            [
                "-ResourceGroupName", "rg", "-Name", "acct", "-KeyName", "Key2", "-Verbose", "-Debug", "--output",
                "json",
            ],
            environment: setup.environment(path: setup.files.pfx, password: FakeCertificateFiles.pfxPassword))
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains(Self.keyOne))
        #expect(
            result.stderr.contains(
                "VERBOSE: Credential: client certificate (AZURE_TENANT_ID, AZURE_CLIENT_ID, AZURE_CLIENT_CERTIFICATE_PATH), tenant 'tenant-1', client 'client-1', certificate thumbprint "
            ))
        #expect(result.stderr.contains("client_assertion=<redacted>"))
        #expect(setup.verifier.accepted == 1)
        let token = try #require(setup.server.requests.first { $0.path.hasSuffix("/oauth2/v2.0/token") })
        let assertion = try #require(
            token.bodyText.split(separator: "&").first { $0.hasPrefix("client_assertion=") }?.dropFirst(17))
        #expect(assertion.count > 500)
        for text in [result.stdout, result.stderr] {
            #expect(!text.contains(assertion))
            #expect(!text.contains(FakeCertificateFiles.pfxPassword))
            for line in try setup.keyLines() { #expect(!text.contains(line)) }
        }
    }

    @Test func binaryWithAWrongPasswordFailsClearly() throws {
        let setup = try Setup()
        defer { setup.harness.remove() }
        let password = "WRONG-PASSWORD-0000"
        let result = try setup.harness.runBinary(
            ["-ResourceGroupName", "rg", "-Name", "acct", "-KeyName", "Key1"],
            environment: setup.environment(path: setup.files.pfx, password: password))
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
        #expect(
            result.stderr.contains(
                "Cannot use the client certificate '\(setup.files.pfx)' (AZURE_CLIENT_CERTIFICATE_PATH): the password in AZURE_CLIENT_CERTIFICATE_PASSWORD does not open it."
            ), "\(result.stderr)")
        #expect(!result.stderr.contains(password))
        #expect(setup.server.requests.isEmpty)
    }

    /// An identity platform that refuses the assertion: its description reaches the user, exit 1.
    @Test func refusedAssertionIsAnAuthenticationError() throws {
        let setup = try Setup()
        defer { setup.harness.remove() }
        let other = try FakeClientAssertionVerifier(certificatePEM: setup.files.other, clientId: "client-1")
        setup.server.route("/tenant-1/oauth2/v2.0/token", responder: other.responder(origin: setup.server.baseURL))
        let result = setup.harness.run(
            ["-ResourceGroupName", "rg", "-Name", "acct", "-KeyName", "Key1"],
            environment: setup.environment(path: setup.files.pem))
        #expect(result.status == 1)
        #expect(
            result.stderr.contains(
                "Client certificate authentication for client 'client-1' at \(setup.server.baseURL) failed: AADSTS700027: Client assertion failed validation: x5t#S256 is not the certificate's SHA-256 thumbprint"
            ), "\(result.stderr)")
        #expect(setup.server.requests.filter { $0.path.hasPrefix("/subscriptions/") }.isEmpty)
    }

    /// An expired certificate is a WARNING and the identity platform decides (here it accepts);
    /// `-WarningAction SilentlyContinue` hides the WARNING.
    @Test func expiredCertificateWarnsAndStillSignsIn() throws {
        let setup = try Setup()
        defer { setup.harness.remove() }
        let verifier = try FakeClientAssertionVerifier(
            certificatePEM: setup.files.expiredCertificate, clientId: "client-1", expectsChain: false)
        setup.server.route("/tenant-1/oauth2/v2.0/token", responder: verifier.responder(origin: setup.server.baseURL))
        let fingerprint = try FakeClientAssertionVerifier.openssl([
            "x509", "-in", setup.files.expiredCertificate, "-noout", "-fingerprint", "-sha1",
        ])
        let thumbprint = String(decoding: fingerprint, as: UTF8.self).split(separator: "=").last.map {
            $0.replacingOccurrences(of: ":", with: "").trimmingCharacters(in: .whitespacesAndNewlines).uppercased()
        }
        let result = try setup.harness.runBinary(
            ["-ResourceGroupName", "rg", "-Name", "acct", "-KeyName", "Key1"],
            environment: setup.environment(path: setup.files.expired))
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains(Self.keyOne))
        #expect(
            result.stderr
                == "WARNING: The client certificate '\(setup.files.expired)' (thumbprint \(thumbprint ?? "")) expired on 2020-01-02 00:00:00 UTC; the identity platform will likely refuse it.\n"
        )
        #expect(verifier.accepted == 1)
        let quiet = try setup.harness.runBinary(
            ["-ResourceGroupName", "rg", "-Name", "acct", "-KeyName", "Key1", "-WarningAction", "SilentlyContinue"],
            environment: setup.environment(path: setup.files.expired))
        #expect(quiet.status == 0)
        #expect(quiet.stderr.isEmpty)
    }
}

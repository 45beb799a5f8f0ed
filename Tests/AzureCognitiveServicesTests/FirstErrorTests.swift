import FakeAzure
import Foundation
import Testing

@testable import AzureCognitiveServices

/// The first errors a new user meets (issue 15): with a cloud named and nothing configured, the
/// credential message (what was tried, in order, how to configure each) comes before any
/// subscription message; the subscription message says where a subscription comes from.
@Suite struct FirstErrorTests {
    typealias Env = AzureTestEnvironment

    /// A cloud named and nothing else; the VM endpoint is a closed loopback port (a machine that
    /// is not an Azure VM), so the test does not wait for 169.254.169.254.
    static func nothingConfigured() -> [String: String] {
        [
            "AZURE_ENVIRONMENT": "AzureCloud", "HOME": "/nonexistent-home", "PATH": "/usr/bin:/bin",
            "AZURE_POD_IDENTITY_AUTHORITY_HOST": "http://127.0.0.1:\(Env.closedPort())",
        ]
    }

    @Test("AZURE_ENVIRONMENT=AzureCloud and nothing configured: the credential message, not 'No subscription found'")
    func credentialMessageFirst() throws {
        let result = AzureCmdletTests.run(["rg", "acct", "Key1"], environment: Self.nothingConfigured())
        #expect(result.status == 1)
        #expect(result.stderr.contains("No Azure credential is available for AzureCloud. Tried, in order:"))
        #expect(!result.stderr.contains("No subscription found"))
        let lines = result.stderr.split(separator: "\n").filter { $0.hasPrefix("  - ") }
        #expect(lines.count == 6)
        #expect(
            lines.first?.hasPrefix("  - client secret: set AZURE_TENANT_ID, AZURE_CLIENT_ID and AZURE_CLIENT_SECRET")
                == true)
        #expect(
            lines.dropFirst().first?.hasPrefix("  - client certificate: set AZURE_TENANT_ID, AZURE_CLIENT_ID") == true)
        #expect(lines.last?.hasPrefix("  - managed identity (Azure VM): ") == true)
        #expect(result.stderr.contains("Configure one of them, or set AZURE_ENVIRONMENT=Emulator"))
    }

    @Test("a credential but no subscription: the message names every place a subscription comes from")
    func subscriptionMessageSaysWhere() throws {
        let server = try FakeAzureServer()
        defer { server.stop() }
        var environment = Env.clientSecret(server)
        environment["AZURE_SUBSCRIPTION_ID"] = nil
        let result = AzureCmdletTests.run(["rg", "acct", "Key1"], environment: environment)
        #expect(result.status == 1)
        for place in ["AZURE_SUBSCRIPTION_ID", "-DefaultProfile", "az account set"] {
            #expect(result.stderr.contains(place), "\(result.stderr)")
        }
        #expect(result.stderr.contains("No subscription found in the context."))
        // Nothing was asked of the identity platform to say so.
        #expect(server.requests.isEmpty)
    }

    @Test("the VM endpoint answering and no subscription: then the subscription message")
    func virtualMachineThenSubscription() throws {
        let server = try FakeAzureServer()
        defer { server.stop() }
        server.route(
            "/metadata/identity/oauth2/token",
            fallback: .json(200, #"{"access_token":"VM-TOKEN-123456789","expires_in":"86399","token_type":"Bearer"}"#))
        var environment = Self.nothingConfigured()
        environment["AZURE_POD_IDENTITY_AUTHORITY_HOST"] = server.baseURL
        let result = AzureCmdletTests.run(["rg", "acct", "Key1"], environment: environment)
        #expect(result.status == 1)
        #expect(result.stderr.contains("No subscription found in the context."))
        #expect(!result.stderr.contains("VM-TOKEN"))
    }
}

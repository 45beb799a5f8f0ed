import FakeAzure
import Foundation
import TestSupport
import Testing

@testable import AzureCognitiveServices

/// Each credential kind against the loopback fake (or a fake `az`).
@Suite struct AzureCredentialTests {
    typealias Env = AzureTestEnvironment

    func base(_ server: FakeAzureServer) -> [String: String] {
        [
            "AZURE_SUBSCRIPTION_ID": Env.subscription, "AZURE_RESOURCE_MANAGER_URL": server.baseURL,
            "AZURE_AUTHORITY_HOST": server.baseURL, "HOME": "/nonexistent-home", "AZURE_ENVIRONMENT": "AzureCloud",
        ]
    }

    func regenerate(_ environment: [String: String], _ server: FakeAzureServer) throws -> (
        AzureConnectionDescription, FakeAzureServer.Recorded
    ) {
        server.route("/subscriptions/", fallback: .keys)
        let (transport, description) = try Env.transport(
            AzureConfigurationResolver.resolve(environment: environment, defaultProfilePath: nil))
        #expect(try Env.regenerate(transport).statusCode == 200)
        let arm = try #require(server.requests.last)
        #expect(arm.path.hasPrefix("/subscriptions/"))
        return (description, arm)
    }

    @Test func clientSecret() throws {
        let server = try FakeAzureServer()
        server.route("/tenant-1/oauth2/v2.0/token", fallback: .token)
        let (description, arm) = try regenerate(Env.clientSecret(server), server)
        #expect(description.credentialKind == .clientSecret)
        #expect(arm.headers["Authorization"] == "Bearer FAKE-ACCESS-TOKEN-0123456789")
        let token = server.requests[0]
        #expect(token.method == "POST")
        #expect(
            token.bodyText
                == "client_id=client-1&scope=https%3A%2F%2Fmanagement.core.windows.net%2F.default&client_secret=SUPER-SECRET-VALUE-42&grant_type=client_credentials"
        )
    }

    @Test func clientSecretErrorShowsTheDescriptionNotTheSecret() throws {
        let server = try FakeAzureServer()
        server.route(
            "/tenant-1/oauth2/v2.0/token",
            fallback: .json(
                401,
                #"{"error":"invalid_client","error_description":"AADSTS7000215: Invalid client secret provided. Ensure the secret being sent is SUPER-SECRET-VALUE-42.\r\nTrace ID: abc"}"#
            ))
        let (transport, _) = try Env.transport(
            AzureConfigurationResolver.resolve(environment: Env.clientSecret(server), defaultProfilePath: nil))
        do {
            _ = try Env.regenerate(transport)
            Issue.record("expected an authentication failure")
        } catch {
            guard case .authentication(let failure) = error, case .refused = failure.reason else {
                Issue.record("\(error)")
                return
            }
            #expect(
                ARMErrorMessages.record(for: error).message
                    == "Client secret authentication for client 'client-1' at \(server.baseURL) failed: AADSTS7000215: Invalid client secret provided. Ensure the secret being sent is <redacted>."
            )
        }
        #expect(server.requests.filter { $0.path.hasPrefix("/subscriptions/") }.isEmpty)
    }

    @Test func workloadIdentity() throws {
        let server = try FakeAzureServer()
        server.route("/tenant-1/oauth2/v2.0/token", fallback: .token)
        let directory = Env.temporaryDirectory()
        let file = directory + "/token"
        try "FEDERATED.JWT.ASSERTION\n".write(toFile: file, atomically: true, encoding: .utf8)
        var environment = base(server)
        environment["AZURE_TENANT_ID"] = "tenant-1"
        environment["AZURE_CLIENT_ID"] = "client-1"
        environment["AZURE_FEDERATED_TOKEN_FILE"] = file
        let (description, _) = try regenerate(environment, server)
        #expect(description.credentialKind == .workloadIdentity)
        #expect(
            server.requests[0].bodyText
                == "client_id=client-1&scope=https%3A%2F%2Fmanagement.core.windows.net%2F.default&client_assertion_type=urn%3Aietf%3Aparams%3Aoauth%3Aclient-assertion-type%3Ajwt-bearer&client_assertion=FEDERATED.JWT.ASSERTION&grant_type=client_credentials"
        )
    }

    @Test func managedIdentityAppService() throws {
        let server = try FakeAzureServer()
        server.route(
            "/msi/token",
            fallback: .json(
                200,
                #"{"access_token":"MI-TOKEN-123456789","expires_on":"1999999999","resource":"https://management.core.windows.net/","token_type":"Bearer"}"#
            ))
        var environment = base(server)
        environment["IDENTITY_ENDPOINT"] = server.baseURL + "/msi/token"
        environment["IDENTITY_HEADER"] = "IDENTITY-HEADER-SECRET"
        environment["AZURE_CLIENT_ID"] = "user-assigned-1"
        let (description, arm) = try regenerate(environment, server)
        #expect(description.credentialKind == .managedIdentityAppService)
        #expect(arm.headers["Authorization"] == "Bearer MI-TOKEN-123456789")
        let token = server.requests[0]
        #expect(token.method == "GET")
        #expect(
            token.query == [
                "api-version": "2019-08-01", "resource": "https://management.core.windows.net/",
                "client_id": "user-assigned-1",
            ])
        #expect(token.headers["X-IDENTITY-HEADER"] == "IDENTITY-HEADER-SECRET")
    }

    @Test func managedIdentityAzureML() throws {
        let server = try FakeAzureServer()
        server.route("/msi", fallback: .json(200, #"{"access_token":"ML-TOKEN-123456789","expires_on":"1999999999"}"#))
        var environment = base(server)
        environment["MSI_ENDPOINT"] = server.baseURL + "/msi"
        environment["MSI_SECRET"] = "MSI-SECRET-VALUE"
        let (description, _) = try regenerate(environment, server)
        #expect(description.credentialKind == .managedIdentityAzureML)
        let token = server.requests[0]
        #expect(token.query == ["api-version": "2017-09-01", "resource": "https://management.core.windows.net/"])
        #expect(token.headers["secret"] == "MSI-SECRET-VALUE")
    }

    @Test func managedIdentityVirtualMachine() throws {
        let server = try FakeAzureServer()
        server.route(
            "/metadata/identity/oauth2/token",
            fallback: .json(200, #"{"access_token":"VM-TOKEN-123456789","expires_in":"86399","token_type":"Bearer"}"#))
        var environment = base(server)
        environment["AZURE_POD_IDENTITY_AUTHORITY_HOST"] = server.baseURL
        let (description, arm) = try regenerate(environment, server)
        #expect(description.credentialKind == .managedIdentityVM)
        #expect(arm.headers["Authorization"] == "Bearer VM-TOKEN-123456789")
        let token = server.requests[0]
        #expect(token.headers["Metadata"] == "true")
        #expect(token.query["api-version"] == "2018-02-01")
        // The probe's token is reused: one token request in all.
        #expect(server.requests.filter { $0.path.hasPrefix("/metadata/") }.count == 1)
    }

    @Test func virtualMachineEndpointNotAnsweringListsWhatWasTried() throws {
        var environment = [
            "AZURE_ENVIRONMENT": "AzureCloud", "AZURE_SUBSCRIPTION_ID": Env.subscription, "HOME": "/nonexistent-home",
        ]
        environment["AZURE_POD_IDENTITY_AUTHORITY_HOST"] = "http://127.0.0.1:\(Env.closedPort())"
        do {
            _ = try AzureConfigurationResolver.resolve(environment: environment, defaultProfilePath: nil)
            Issue.record("expected no credential")
        } catch {
            guard case .noCredential(let cloud, let tried) = error else {
                Issue.record("\(error)")
                return
            }
            #expect(cloud == "AzureCloud")
            #expect(tried.count == 6)
            #expect(tried[0].hasPrefix("client secret: set AZURE_TENANT_ID, AZURE_CLIENT_ID and AZURE_CLIENT_SECRET"))
            #expect(
                tried[1]
                    == "client certificate: set AZURE_TENANT_ID, AZURE_CLIENT_ID and AZURE_CLIENT_CERTIFICATE_PATH (missing: AZURE_TENANT_ID, AZURE_CLIENT_ID, AZURE_CLIENT_CERTIFICATE_PATH)"
            )
            #expect(tried[4].hasPrefix("Azure CLI: run 'az login'"))
            #expect(tried[5].contains("Connection refused"))
            #expect(
                error.message.hasPrefix(
                    "No Azure credential is available for AzureCloud. Tried, in order:\n  - client secret"))
        }
    }

    /// A fake `az` that prints `stdout`, `stderr` and exits with `status`, plus a CLI profile.
    func fakeCLI(stdout: String, stderr: String = "", status: Int = 0, loggedIn: Bool = true) throws -> [String: String]
    {
        let directory = Env.temporaryDirectory()
        let script =
            "#!/bin/sh\necho \"$@\" > \"\(directory)/args\"\ncat <<'EOF'\n\(stdout)\nEOF\necho '\(stderr)' >&2\nexit \(status)\n"
        try ExecutableFile.write(script, to: directory + "/az")
        if loggedIn {
            let profile =
                "\u{FEFF}"
                + #"{"installationId":"x","subscriptions":[{"id":"other-sub","isDefault":false,"tenantId":"t0"},{"id":"cli-sub-1","name":"Dev","isDefault":true,"tenantId":"cli-tenant","environmentName":"AzureCloud"}]}"#
            try profile.write(toFile: directory + "/azureProfile.json", atomically: true, encoding: .utf8)
        }
        return ["PATH": directory + ":/usr/bin:/bin", "AZURE_CONFIG_DIR": directory, "HOME": "/nonexistent-home"]
    }

    @Test func azureCLI() throws {
        let server = try FakeAzureServer()
        server.route("/subscriptions/", fallback: .keys)
        var environment = try fakeCLI(
            stdout:
                #"{"accessToken":"CLI-TOKEN-123456789","expiresOn":"2099-01-01 00:00:00.000000","expires_on":4070908800,"subscription":"cli-sub-1","tenant":"cli-tenant","tokenType":"Bearer"}"#
        )
        environment["AZURE_RESOURCE_MANAGER_URL"] = server.baseURL
        let (transport, description) = try Env.transport(
            AzureConfigurationResolver.resolve(environment: environment, defaultProfilePath: nil))
        #expect(description.credentialKind == .azureCLI)
        #expect(description.subscriptionId == "cli-sub-1")
        #expect(description.subscriptionSource == "Azure CLI login")
        #expect(try Env.regenerate(transport).statusCode == 200)
        #expect(try Env.regenerate(transport).statusCode == 200)
        let arm = try #require(server.requests.last)
        #expect(arm.headers["Authorization"] == "Bearer CLI-TOKEN-123456789")
        let directory = try #require(environment["AZURE_CONFIG_DIR"])
        let args = try String(contentsOfFile: directory + "/args", encoding: .utf8)
        #expect(args == "account get-access-token -o json --resource https://management.core.windows.net/\n")
        #expect(Env.arm(transport)?.tokenRequests == 1)
    }

    @Test func azureCLINotLoggedIn() throws {
        let environment = try fakeCLI(stdout: "", stderr: "ERROR: Please run 'az login' to setup account.", status: 1)
        var withSubscription = environment
        withSubscription["AZURE_SUBSCRIPTION_ID"] = Env.subscription
        withSubscription["AZURE_RESOURCE_MANAGER_URL"] = "http://127.0.0.1:\(Env.closedPort())"
        let (transport, _) = try Env.transport(
            AzureConfigurationResolver.resolve(environment: withSubscription, defaultProfilePath: nil))
        let error = #expect(throws: ARMTransportError.self) { try Env.regenerate(transport) }
        #expect(
            error
                == .authentication(
                    AuthenticationError(
                        attempt: "Azure CLI authentication failed",
                        reason: .refused("not logged in. Run 'az login', or configure another credential."))))
        #expect(
            error.map { ARMErrorMessages.record(for: $0).message }
                == "Azure CLI authentication failed: not logged in. Run 'az login', or configure another credential.")
    }

    @Test func firstConfiguredCredentialWins() throws {
        let server = try FakeAzureServer()
        var environment = Env.clientSecret(server)
        environment["IDENTITY_ENDPOINT"] = server.baseURL + "/msi/token"
        environment["IDENTITY_HEADER"] = "h"
        let (_, description) = try Env.transport(
            AzureConfigurationResolver.resolve(environment: environment, defaultProfilePath: nil))
        #expect(description.credentialKind == .clientSecret)
    }
}

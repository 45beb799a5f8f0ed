import FakeAzure
import Foundation
import Testing

@testable import AzureCognitiveServices

/// Clouds, the emulator choice, endpoint rules, subscriptions and `-DefaultProfile`.
@Suite struct AzureConfigurationTests {
    typealias Env = AzureTestEnvironment
    static let credentials = [
        "AZURE_TENANT_ID": "t", "AZURE_CLIENT_ID": "c", "AZURE_CLIENT_SECRET": "s3cr3t-value",
        "AZURE_SUBSCRIPTION_ID": "sub", "HOME": "/nonexistent-home",
    ]

    struct CloudCase: Sendable, CustomTestStringConvertible {
        var name: String
        var cloud: String
        var arm: String
        var authority: String
        var audience: String
        var testDescription: String { name }
    }

    @Test(arguments: [
        CloudCase(
            name: "AzureCloud", cloud: "AzureCloud", arm: "https://management.azure.com",
            authority: "https://login.microsoftonline.com", audience: "https://management.core.windows.net/"),
        CloudCase(
            name: "azurecloud", cloud: "AzureCloud", arm: "https://management.azure.com",
            authority: "https://login.microsoftonline.com", audience: "https://management.core.windows.net/"),
        CloudCase(
            name: "AzureUSGovernment", cloud: "AzureUSGovernment", arm: "https://management.usgovcloudapi.net",
            authority: "https://login.microsoftonline.us", audience: "https://management.core.usgovcloudapi.net/"),
        CloudCase(
            name: "AZURECHINACLOUD", cloud: "AzureChinaCloud", arm: "https://management.chinacloudapi.cn",
            authority: "https://login.chinacloudapi.cn", audience: "https://management.core.chinacloudapi.cn/"),
    ])
    func clouds(_ row: CloudCase) throws {
        var environment = Self.credentials
        environment["AZURE_ENVIRONMENT"] = row.name
        let (_, description) = try Env.transport(
            AzureConfigurationResolver.resolve(environment: environment, defaultProfilePath: nil))
        #expect(description.cloudName == row.cloud)
        #expect(description.resourceManagerURL == row.arm)
        #expect(description.authorityHost == row.authority)
        #expect(description.audience == row.audience)
    }

    @Test func eachCloudSendsItsScopeToItsAuthority() throws {
        let server = try FakeAzureServer()
        server.route("/t/oauth2/v2.0/token", fallback: .token)
        server.route("/subscriptions/", fallback: .keys)
        var environment = Self.credentials
        environment["AZURE_ENVIRONMENT"] = "AzureUSGovernment"
        environment["AZURE_RESOURCE_MANAGER_URL"] = server.baseURL
        environment["AZURE_AUTHORITY_HOST"] = server.baseURL
        let (transport, _) = try Env.transport(
            AzureConfigurationResolver.resolve(environment: environment, defaultProfilePath: nil))
        _ = try Env.regenerate(transport)
        #expect(
            server.requests[0].bodyText.contains("scope=https%3A%2F%2Fmanagement.core.usgovcloudapi.net%2F.default"))
    }

    @Test func defaultCloudIsAzureCloudWhenACredentialIsConfigured() throws {
        let (_, description) = try Env.transport(
            AzureConfigurationResolver.resolve(environment: Self.credentials, defaultProfilePath: nil))
        #expect(description.cloudName == "AzureCloud")
        #expect(description.subscriptionId == "sub")
        #expect(description.subscriptionSource == "AZURE_SUBSCRIPTION_ID")
    }

    @Test func emulatorChoices() throws {
        guard
            case .emulator(.nothingConfigured) = try AzureConfigurationResolver.resolve(
                environment: ["HOME": "/nonexistent-home"], defaultProfilePath: nil)
        else {
            Issue.record("expected the emulator")
            return
        }
        var chosen = Self.credentials
        chosen["AZURE_ENVIRONMENT"] = "emulator"
        guard
            case .emulator(.chosen) = try AzureConfigurationResolver.resolve(
                environment: chosen, defaultProfilePath: nil)
        else {
            Issue.record("expected the emulator")
            return
        }
    }

    struct ErrorCase: Sendable, CustomTestStringConvertible {
        var name: String
        var environment: [String: String]
        var message: String
        var testDescription: String { name }
    }

    @Test(arguments: [
        ErrorCase(
            name: "unknown cloud", environment: ["AZURE_ENVIRONMENT": "Azure"],
            message:
                "AZURE_ENVIRONMENT 'Azure' is not a known cloud. Valid values: AzureCloud, AzureUSGovernment, AzureChinaCloud, Emulator."
        ),
        ErrorCase(
            name: "http ARM not loopback", environment: ["AZURE_RESOURCE_MANAGER_URL": "http://management.example.com"],
            message:
                "Refusing to send credentials over plain HTTP: AZURE_RESOURCE_MANAGER_URL is 'http://management.example.com'. Use https://; http:// is allowed only to loopback hosts (localhost, 127.0.0.0/8, ::1)."
        ),
        ErrorCase(
            name: "http authority not loopback", environment: ["AZURE_AUTHORITY_HOST": "http://10.0.0.1:8080"],
            message:
                "Refusing to send credentials over plain HTTP: AZURE_AUTHORITY_HOST is 'http://10.0.0.1:8080'. Use https://; http:// is allowed only to loopback hosts (localhost, 127.0.0.0/8, ::1)."
        ),
        ErrorCase(
            name: "not a URL", environment: ["AZURE_RESOURCE_MANAGER_URL": "management.azure.com"],
            message: "AZURE_RESOURCE_MANAGER_URL 'management.azure.com' is not an absolute https:// URL."),
        ErrorCase(
            name: "no subscription", environment: ["AZURE_SUBSCRIPTION_ID": ""],
            message:
                "No subscription found in the context.  Please ensure that the credentials you provided are authorized to access an Azure subscription, then set AZURE_SUBSCRIPTION_ID to the subscription's id."
                + " A subscription comes from AZURE_SUBSCRIPTION_ID, from the context file given to -DefaultProfile"
                + " (Save-AzContext -Path), or, when signed in with the Azure CLI, from its current subscription"
                + " ('az account set --subscription <id>')."
        ),
        ErrorCase(
            name: "bad token cache", environment: ["AZSHIM_TOKEN_CACHE": "tokens.json"],
            message:
                "AZSHIM_TOKEN_CACHE 'tokens.json' is not valid: expected 'off' or the absolute path of a file, such as /home/me/.cache/azshim/tokens.json."
        ),
        ErrorCase(
            name: "bad api-version", environment: ["AZSHIM_API_VERSION": "2024-10-01&x=1"],
            message: "AZSHIM_API_VERSION '2024-10-01&x=1' is not valid: expected an api-version such as 2024-10-01."),
    ])
    func configurationErrors(_ row: ErrorCase) {
        let environment = Self.credentials.merging(row.environment) { $1 }
        do {
            _ = try AzureConfigurationResolver.resolve(environment: environment, defaultProfilePath: nil)
            Issue.record("expected an error")
        } catch {
            #expect(error.message == row.message)
        }
    }

    @Test(arguments: [
        "http://127.0.0.1:1", "http://localhost:1", "http://[::1]:1", "http://127.8.9.10",
        "https://management.example.com",
    ])
    func allowedEndpoints(_ url: String) throws {
        var environment = Self.credentials
        environment["AZURE_RESOURCE_MANAGER_URL"] = url
        _ = try Env.transport(AzureConfigurationResolver.resolve(environment: environment, defaultProfilePath: nil))
    }

    /// Through the whole cmdlet, whose credential (a client secret at the fake's token endpoint)
    /// would fetch a token first if the plain-http endpoint were not refused before anything runs.
    @Test func refusedEndpointMakesNoRequest() throws {
        let server = try FakeAzureServer()
        server.route("/tenant-1/oauth2/v2.0/token", fallback: .token)
        var environment = Env.clientSecret(server)
        environment["AZURE_RESOURCE_MANAGER_URL"] = "http://example.com"
        #expect(throws: AzureConfigurationError.self) {
            try AzureConfigurationResolver.resolve(environment: environment, defaultProfilePath: nil)
        }
        let result = AzureCmdletTests.run(["rg", "acct", "Key1"], environment: environment)
        #expect(result.status == 1)
        #expect(
            result.stderr
                == "New-AzCognitiveServicesAccountKey: Refusing to send credentials over plain HTTP: AZURE_RESOURCE_MANAGER_URL is "
                + "'http://example.com'. Use https://; http:// is allowed only to loopback hosts (localhost, 127.0.0.0/8, ::1).\n"
        )
        #expect(result.stdout == "")
        #expect(server.requests.isEmpty)
        #expect(server.connectionsAccepted == 0)
    }

    @Test func apiVersionOverride() throws {
        #expect(try AzureConfigurationResolver.apiVersion(environment: [:]) == "2024-10-01")
        #expect(
            try AzureConfigurationResolver.apiVersion(environment: ["AZSHIM_API_VERSION": "2026-09-01"]) == "2026-09-01"
        )
        var environment = Self.credentials
        environment["AZSHIM_API_VERSION"] = "2023-05-01"
        let (_, description) = try Env.transport(
            AzureConfigurationResolver.resolve(environment: environment, defaultProfilePath: nil))
        #expect(description.apiVersion == "2023-05-01")
    }

    static let contextFile =
        "\u{FEFF}" + #"""
            {
              "DefaultContextKey": "Dev (ctx-sub-1) - ctx-tenant - user@example.com",
              "EnvironmentTable": {},
              "Contexts": {
                "Other": { "Subscription": { "Id": "wrong" } },
                "Dev (ctx-sub-1) - ctx-tenant - user@example.com": {
                  "Account": { "Id": "user@example.com", "Type": "User" },
                  "Tenant": { "Id": "ctx-tenant" },
                  "Subscription": { "Id": "ctx-sub-1", "Name": "Dev", "State": "Enabled" },
                  "Environment": { "Name": "AzureUSGovernment", "Type": "Built-in",
                    "ResourceManagerUrl": "https://management.usgovcloudapi.net/",
                    "ActiveDirectoryAuthority": "https://login.microsoftonline.us/",
                    "ActiveDirectoryServiceEndpointResourceId": "https://management.core.usgovcloudapi.net/" }
                }
              },
              "ExtendedProperties": {}
            }
            """#

    @Test func defaultProfileFile() throws {
        let path = Env.temporaryDirectory() + "/ctx.json"
        try Self.contextFile.write(toFile: path, atomically: true, encoding: .utf8)
        var environment = Self.credentials
        environment["AZURE_TENANT_ID"] = nil
        let (_, description) = try Env.transport(
            AzureConfigurationResolver.resolve(environment: environment, defaultProfilePath: path))
        #expect(description.subscriptionId == "ctx-sub-1")
        #expect(description.subscriptionSource == "-DefaultProfile")
        #expect(description.tenantId == "ctx-tenant")
        #expect(description.cloudName == "AzureUSGovernment")
        #expect(description.resourceManagerURL == "https://management.usgovcloudapi.net")
        #expect(description.audience == "https://management.core.usgovcloudapi.net/")
    }

    @Test func defaultProfileErrors() throws {
        let directory = Env.temporaryDirectory()
        try "{not json".write(toFile: directory + "/bad.json", atomically: true, encoding: .utf8)
        try #"{"Contexts":{}}"#.write(toFile: directory + "/empty.json", atomically: true, encoding: .utf8)
        let cases: [(String, String)] = [
            (
                directory + "/missing.json",
                "Cannot use the context file '\(directory)/missing.json' given to -DefaultProfile: No such file or directory"
            ),
            (
                directory + "/bad.json",
                "Cannot use the context file '\(directory)/bad.json' given to -DefaultProfile: not valid JSON (line 1, column 2: "
            ),
            (
                directory + "/empty.json",
                "Cannot use the context file '\(directory)/empty.json' given to -DefaultProfile: its DefaultContextKey '' names no context."
            ),
        ]
        for (path, prefix) in cases {
            do {
                _ = try AzureConfigurationResolver.resolve(environment: Self.credentials, defaultProfilePath: path)
                Issue.record("expected an error for \(path)")
            } catch {
                #expect(error.message.hasPrefix(prefix), "\(error.message)")
            }
        }
    }
}

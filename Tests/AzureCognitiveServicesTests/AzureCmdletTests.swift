import AzShimSupport
import AzureCognitiveServices
import FakeAzure
import Foundation
import PowerShellHost
import Testing

/// New-AzCognitiveServicesAccountKey end to end against the loopback fake of ARM and the
/// identity platform, in-process (argv + stdin + environment → stdout, stderr, status).
@Suite(.serialized)
struct AzureCmdletTests {
    struct Result {
        let stdout: String
        let stderr: String
        let status: Int32
    }

    static func run(
        _ arguments: [String], environment: [String: String], stdin: String = "",
        definition: CommandDefinition = NewAzCognitiveServicesAccountKey.definition
    ) -> Result {
        let stdout = MemorySink()
        let stderr = MemorySink()
        let io = HostIO(
            environment: environment, standardInput: MemoryByteSource(Array(stdin.utf8)), standardOutput: stdout,
            standardError: stderr)
        let status = CommandHost.run(definition, arguments: arguments, io: io)
        return Result(stdout: stdout.text, stderr: stderr.text, status: status)
    }

    @Test("with the client-secret variables, `rg acct Key1` prints the fake's keys after one token and one call")
    func regenerates() throws {
        let server = try FakeAzureServer()
        defer { server.stop() }
        server.route("/tenant-1/oauth2/v2.0/token", fallback: .token)
        server.route("/subscriptions/", fallback: .keys)
        let result = Self.run(["rg", "acct", "Key1"], environment: AzureTestEnvironment.clientSecret(server))
        #expect(result.stderr == "")
        #expect(result.status == 0)
        #expect(
            result.stdout
                == "\nKey1                             Key2\n----                             ----\nSECRETKEYONE0123456789abcdef0123 SECRETKEYTWO0123456789abcdef0123\n\n"
        )
        let requests = server.requests
        #expect(requests.map(\.method) == ["POST", "POST"])
        let call = try #require(requests.last)
        #expect(
            call.path
                == "/subscriptions/\(AzureTestEnvironment.subscription)/resourceGroups/rg/providers/Microsoft.CognitiveServices/accounts/acct/regenerateKey"
        )
        #expect(call.query["api-version"] == "2024-10-01")
        #expect(call.bodyText == #"{"keyName":"Key1"}"#)
        #expect(call.headers["Authorization"] == "Bearer FAKE-ACCESS-TOKEN-0123456789")
    }

    @Test("1,000 piped objects use one token and one connection")
    func thousandObjects() throws {
        let server = try FakeAzureServer()
        defer { server.stop() }
        server.route("/tenant-1/oauth2/v2.0/token", fallback: .token)
        server.route("/subscriptions/", fallback: .keys)
        let input = (0..<1000).map { "{\"ResourceGroupName\":\"rg\",\"Name\":\"acct\($0)\"}" }.joined(separator: "\n")
        let result = Self.run(
            ["-KeyName", "Key2", "--output", "json"], environment: AzureTestEnvironment.clientSecret(server),
            stdin: input)
        #expect(result.status == 0)
        #expect(result.stdout.split(separator: "\n").count == 1000)
        let requests = server.requests
        #expect(requests.filter { $0.path.hasSuffix("/token") }.count == 1)
        #expect(requests.count == 1001)
        // The token request and the ARM calls go to the same loopback server: the ARM calls ride
        // the token request's kept-alive connection, so there is one connection in all.
        #expect(server.connectionsAccepted == 1)
    }

    @Test("an ARM error is Az's message on stderr and the next object still runs")
    func armErrors() throws {
        let server = try FakeAzureServer()
        defer { server.stop() }
        server.route("/tenant-1/oauth2/v2.0/token", fallback: .token)
        server.route(
            "/subscriptions/\(AzureTestEnvironment.subscription)/resourceGroups/rg/providers/Microsoft.CognitiveServices/accounts/missing/",
            fallback: .json(
                404,
                #"{"error":{"code":"ResourceNotFound","message":"The Resource 'Microsoft.CognitiveServices/accounts/missing' under resource group 'rg' was not found."}}"#
            ))
        server.route("/subscriptions/", fallback: .keys)
        let input =
            "{\"ResourceGroupName\":\"rg\",\"Name\":\"missing\"}\n{\"ResourceGroupName\":\"rg\",\"Name\":\"present\"}\n"
        let result = Self.run(
            ["-KeyName", "Key1", "--output", "json"], environment: AzureTestEnvironment.clientSecret(server),
            stdin: input)
        #expect(
            result.stderr
                == "New-AzCognitiveServicesAccountKey: Operation returned an invalid status code 'NotFound'\nThe Resource 'Microsoft.CognitiveServices/accounts/missing' under resource group 'rg' was not found.\n"
        )
        #expect(
            result.stdout == #"{"Key1":"SECRETKEYONE0123456789abcdef0123","Key2":"SECRETKEYTWO0123456789abcdef0123"}"#
                + "\n")
        #expect(result.status == 1)
    }

    @Test("a configuration error ends the command before any request")
    func configurationError() {
        let result = Self.run(["rg", "acct", "Key1"], environment: ["AZURE_ENVIRONMENT": "Mars"])
        #expect(result.status == 1)
        #expect(result.stdout == "")
        #expect(
            result.stderr
                == "New-AzCognitiveServicesAccountKey: AZURE_ENVIRONMENT 'Mars' is not a known cloud. "
                + "Valid values: AzureCloud, AzureUSGovernment, AzureChinaCloud, Emulator.\n")
    }

    @Test("under -Verbose -Debug, on every path, no key, token or secret reaches stderr")
    func noSecretsOnStderr() throws {
        let server = try FakeAzureServer()
        defer { server.stop() }
        server.route("/tenant-1/oauth2/v2.0/token", fallback: .token)
        server.route(
            "/subscriptions/", [.json(500, "{}"), .json(429, "{}", headers: [("Retry-After", "0")])], fallback: .keys)
        let environment = AzureTestEnvironment.clientSecret(server, ["AZURE_PS_HTTP_MAX_RETRIES": "3"])
        let result = Self.run(["rg", "acct", "Key1", "-Verbose", "-Debug"], environment: environment)
        #expect(result.status == 0)
        #expect(result.stderr.contains("HTTP REQUEST"))
        for secret in ["SECRETKEYONE", "SECRETKEYTWO", "FAKE-ACCESS-TOKEN", AzureTestEnvironment.clientSecret] {
            #expect(!result.stderr.contains(secret), "stderr shows \(secret)")
        }
        #expect(result.stdout.contains("SECRETKEYONE"))
    }

    @Test("Get-AzCognitiveServicesAccountKey calls POST …/listKeys with no body and prints the fake's keys")
    func listKeys() throws {
        let server = try FakeAzureServer()
        defer { server.stop() }
        server.route("/tenant-1/oauth2/v2.0/token", fallback: .token)
        server.route("/subscriptions/", fallback: .keys)
        let result = Self.run(
            ["rg", "acct", "--output", "json"], environment: AzureTestEnvironment.clientSecret(server),
            definition: GetAzCognitiveServicesAccountKey.definition)
        #expect(
            result.stdout == #"{"Key1":"SECRETKEYONE0123456789abcdef0123","Key2":"SECRETKEYTWO0123456789abcdef0123"}"#
                + "\n")
        let call = try #require(server.requests.last)
        #expect(call.method == "POST")
        #expect(call.path.hasSuffix("/providers/Microsoft.CognitiveServices/accounts/acct/listKeys"))
        #expect(call.body.isEmpty)
    }
}

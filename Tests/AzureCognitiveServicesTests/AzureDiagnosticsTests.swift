import FakeAzure
import Foundation
import HTTP1
import Testing

@testable import AzureCognitiveServices

/// `-Debug` / `-Verbose` output: Az's blocks, and no secret anywhere.
@Suite struct AzureDiagnosticsTests {
    typealias Env = AzureTestEnvironment

    @Test func debugAndVerboseNeverShowASecret() throws {
        let server = try FakeAzureServer()
        server.route("/tenant-1/oauth2/v2.0/token", fallback: .token)
        server.route("/subscriptions/", [.json(503, "{}")], fallback: .keys)
        let collector = DiagnosticsCollector()
        let (transport, _) = try Env.transport(
            AzureConfigurationResolver.resolve(
                environment: Env.clientSecret(server), defaultProfilePath: nil, diagnostics: collector.diagnostics,
                clock: FakeClock()))
        _ = try Env.regenerate(transport)
        let text = collector.text
        for secret in [
            Env.clientSecret, "FAKE-ACCESS-TOKEN-0123456789", "SECRETKEYONE0123456789abcdef0123",
            "SECRETKEYTWO0123456789abcdef0123",
        ] {
            #expect(!text.contains(secret), "\(secret) leaked")
        }
        #expect(text.contains("client_secret=<redacted>"))
        #expect(text.contains(#""access_token": "<redacted>""#))
        #expect(text.contains("  \"key1\": \"<redacted>\",\n  \"key2\": \"<redacted>\"\n}"))
        #expect(text.contains("VERBOSE: Azure cloud: AzureCloud (Resource Manager \(server.baseURL)"))
        #expect(
            text.contains(
                "VERBOSE: Credential: client secret (AZURE_TENANT_ID, AZURE_CLIENT_ID, AZURE_CLIENT_SECRET), tenant 'tenant-1', client 'client-1'."
            ))
        #expect(text.contains("VERBOSE: Subscription: \(Env.subscription) (from AZURE_SUBSCRIPTION_ID)."))
        #expect(text.contains("VERBOSE: Retry 1 of 3 after status 503."))
        // Token request + 503 + 200: three request blocks and three response blocks.
        #expect(
            text.components(separatedBy: "============================ HTTP REQUEST ============================").count
                == 4)
        #expect(
            text.components(separatedBy: "============================ HTTP RESPONSE ============================")
                .count == 4)
    }

    @Test func requestBlockLayout() throws {
        let request = HTTPMessage.Request(
            method: "POST",
            url: try #require(
                HTTPURL("https://management.azure.com/subscriptions/s/regenerateKey?api-version=2024-10-01")),
            headers: [
                ("Authorization", "Bearer abc"), ("x-ms-client-request-id", "id-1"), ("accept-language", "en-US"),
                ("Content-Type", "application/json; charset=utf-8"),
            ],
            body: Array(#"{"keyName":"Key1"}"#.utf8))
        let block = AzureHTTPTrace.request(request, secrets: AzureSecretRegistry())
        #expect(
            block == """
                ============================ HTTP REQUEST ============================

                HTTP Method:
                POST

                Absolute Uri:
                https://management.azure.com/subscriptions/s/regenerateKey?api-version=2024-10-01

                Headers:
                x-ms-client-request-id        : id-1
                accept-language               : en-US
                Content-Type                  : application/json; charset=utf-8

                Body:
                {
                  "keyName": "Key1"
                }


                """)
    }

    struct RedactionCase: Sendable, CustomTestStringConvertible {
        var input: String
        var output: String
        var testDescription: String { input }
    }

    @Test(arguments: [
        RedactionCase(
            input: #"{"key1": "abc", "key2":"d\"ef", "other": "x"}"#,
            output: #"{"key1": "<redacted>", "key2":"<redacted>", "other": "x"}"#),
        RedactionCase(
            input: #"{"access_token":"tok"  trailing garbage"#,
            output: #"{"access_token":"<redacted>"  trailing garbage"#),
        RedactionCase(input: #"{"key1":"unterminated"#, output: #"{"key1":"<redacted>""#),
    ])
    func unparseableBodiesAreRedactedByScanning(_ row: RedactionCase) {
        #expect(AzureHTTPTrace.redactJSONText(row.input) == row.output)
    }

    @Test func responseStatusNames() {
        #expect(AzureHTTPTrace.statusName(200) == "OK")
        #expect(AzureHTTPTrace.statusName(429) == "TooManyRequests")
        #expect(AzureHTTPTrace.statusName(418) == "418")
    }
}

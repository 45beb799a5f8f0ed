import AzShimSupport
import FakeAzure
import Foundation
import PowerShellHost
import Testing

@testable import AzureCognitiveServices

/// The recorded regenerateKey exchanges replayed through the loopback fake: our request
/// matches the recorded one (method, path, JSON body) and the recorded response parses.
@Suite struct AzureRecordingReplayTests {
    @Test(arguments: RecordedExchanges.all)
    func replay(_ exchange: RecordedExchange) throws {
        let server = try FakeAzureServer()
        server.route("/tenant-1/oauth2/v2.0/token", fallback: .token)
        server.route(
            "/subscriptions/",
            fallback: FakeAzureServer.Reply(
                status: exchange.statusCode, headers: exchange.responseHeaders, body: Array(exchange.responseBody.utf8))
        )
        let recordedPath = String(exchange.requestURI.split(separator: "?")[0])
        let recordedVersion = String(exchange.requestURI.split(separator: "=").last ?? "")
        let segments = recordedPath.split(separator: "/").map(String.init)
        let recordedBody = try JSONParser.parse(Array(exchange.requestBody.utf8))
        let keyName = try #require(recordedBody["keyName"]?.stringValue)

        let environment = AzureTestEnvironment.clientSecret(
            server, ["AZURE_SUBSCRIPTION_ID": segments[1], "AZSHIM_API_VERSION": recordedVersion])
        let (transport, description) = try AzureTestEnvironment.transport(
            AzureConfigurationResolver.resolve(environment: environment, defaultProfilePath: nil))
        let response = try transport.send(
            ARMRequest(
                method: "POST", pathSegments: segments, apiVersion: description.apiVersion,
                body: Array(JSONWriter.compact(.object([("keyName", .string(keyName))])).utf8)))

        let sent = try #require(server.requests.last)
        #expect(sent.method == exchange.method)
        #expect(sent.target == exchange.requestURI)
        #expect(try JSONParser.parse(sent.body) == recordedBody)
        #expect(response.statusCode == 200)
        #expect(response.headers["x-ms-ratelimit-remaining-subscription-writes"] != nil)
        let keys = try JSONParser.parse(response.body)
        #expect(keys["key1"]?.stringValue?.count == 32)
        #expect(keys["key2"]?.stringValue?.count == 32)
    }
}

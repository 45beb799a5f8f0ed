import AzShimSupport
import FakeAzure
import Foundation
import HTTP1
import PowerShellHost
import TestSupport
import Testing

@testable import AzureCognitiveServices

/// The ARM transport against the loopback fake: the request on the wire, statuses, retries
/// and failures with no response.
@Suite struct AzureTransportTests {
    typealias Env = AzureTestEnvironment

    func makeTransport(
        _ server: FakeAzureServer, _ extra: [String: String] = [:], clock: FakeClock = FakeClock(),
        diagnostics: AzureDiagnostics = .disabled
    )
        throws -> (any ARMTransport, AzureConnectionDescription)
    {
        server.route("/tenant-1/oauth2/v2.0/token", fallback: .token)
        return try Env.transport(
            AzureConfigurationResolver.resolve(
                environment: Env.clientSecret(server, extra), defaultProfilePath: nil, diagnostics: diagnostics,
                clock: clock))
    }

    @Test func regenerationRequestOnTheWire() throws {
        let server = try FakeAzureServer()
        server.route("/subscriptions/", fallback: .keys)
        let (transport, description) = try makeTransport(server)
        let response = try Env.regenerate(transport, account: "my acct")
        #expect(response.statusCode == 200)
        #expect(String(decoding: response.body, as: UTF8.self).contains("SECRETKEYONE"))
        #expect(description.apiVersion == "2024-10-01")
        let requests = server.requests
        #expect(requests.count == 2)
        let token = requests[0]
        #expect(token.method == "POST")
        #expect(token.path == "/tenant-1/oauth2/v2.0/token")
        #expect(token.headers["Content-Type"] == "application/x-www-form-urlencoded")
        let arm = requests[1]
        #expect(arm.method == "POST")
        #expect(
            arm.path
                == "/subscriptions/\(Env.subscription)/resourceGroups/rg/providers/Microsoft.CognitiveServices/accounts/my%20acct/regenerateKey"
        )
        #expect(arm.query == ["api-version": "2024-10-01"])
        #expect(arm.headers["Authorization"] == "Bearer FAKE-ACCESS-TOKEN-0123456789")
        #expect(arm.headers["Content-Type"] == "application/json; charset=utf-8")
        #expect(arm.headers["Accept"] == "application/json")
        #expect(arm.headers["accept-language"] == "en-US")
        let release = try PackageFiles.releaseVersion()
        #expect(arm.headers["User-Agent"] == "AzShim/" + release)
        #expect(token.headers["User-Agent"] == "AzShim/" + release)
        let requestID = try #require(arm.headers["x-ms-client-request-id"])
        #expect(requestID.count == 36 && UUID(uuidString: requestID) != nil)
        #expect(arm.bodyText == #"{"keyName":"Key1"}"#)
        #expect(arm.headers["Host"] == "127.0.0.1:\(server.port)")
    }

    struct StatusCase: Sendable, CustomTestStringConvertible {
        var status: Int
        var body: String
        var testDescription: String { "HTTP \(status)" }
    }

    @Test(arguments: [
        StatusCase(
            status: 404,
            body:
                #"{"error":{"code":"ResourceNotFound","message":"The Resource 'Microsoft.CognitiveServices/accounts/acct' under resource group 'rg' was not found. For more details please go to https://aka.ms/ARMResourceNotFoundFix"}}"#
        ),
        StatusCase(
            status: 404,
            body: #"{"error":{"code":"ResourceGroupNotFound","message":"Resource group 'rg' could not be found."}}"#),
        StatusCase(
            status: 403,
            body: #"{"error":{"code":"AuthorizationFailed","message":"The client 'x' does not have authorization."}}"#),
        StatusCase(
            status: 401,
            body: #"{"error":{"code":"InvalidAuthenticationToken","message":"The access token is invalid."}}"#),
        StatusCase(status: 400, body: #"{"error":{"code":"BadRequest","message":"Bad request."}}"#),
        StatusCase(status: 409, body: "not json"),
    ])
    func nonSuccessStatusesAreResponses(_ row: StatusCase) throws {
        let server = try FakeAzureServer()
        server.route("/subscriptions/", fallback: .json(row.status, row.body))
        let clock = FakeClock()
        let (transport, _) = try makeTransport(server, clock: clock)
        let response = try Env.regenerate(transport)
        #expect(response.statusCode == row.status)
        #expect(String(decoding: response.body, as: UTF8.self) == row.body)
        #expect(server.requests.filter { $0.path.hasPrefix("/subscriptions/") }.count == 1)
        #expect(clock.sleeps.isEmpty)
    }

    @Test func retryAfterSecondsWaitsAndRetries() throws {
        let server = try FakeAzureServer()
        server.route(
            "/subscriptions/",
            [
                .json(
                    429, #"{"error":{"code":"TooManyRequests","message":"throttled"}}"#, headers: [("Retry-After", "7")]
                )
            ], fallback: .keys)
        let clock = FakeClock()
        let (transport, _) = try makeTransport(server, clock: clock)
        #expect(try Env.regenerate(transport).statusCode == 200)
        #expect(clock.sleeps == [7])
    }

    @Test func retryAfterHTTPDateWaitsAndRetries() throws {
        let server = try FakeAzureServer()
        let clock = FakeClock()
        // 1_700_000_000 is Tue, 14 Nov 2023 22:13:20 GMT; ask for 12 s later.
        server.route(
            "/subscriptions/", [.json(429, "{}", headers: [("Retry-After", "Tue, 14 Nov 2023 22:13:32 GMT")])],
            fallback: .keys)
        let (transport, _) = try makeTransport(server, clock: clock)
        #expect(try Env.regenerate(transport).statusCode == 200)
        #expect(clock.sleeps == [12])
    }

    @Test func retryAfterBeyondTheCapReturnsThe429() throws {
        let server = try FakeAzureServer()
        server.route("/subscriptions/", fallback: .json(429, "{}", headers: [("Retry-After", "3600")]))
        let clock = FakeClock()
        let (transport, _) = try makeTransport(server, clock: clock)
        #expect(try Env.regenerate(transport).statusCode == 429)
        #expect(clock.sleeps.isEmpty)
    }

    @Test func serverErrorsThenSuccess() throws {
        let server = try FakeAzureServer()
        server.route("/subscriptions/", [.json(500, "{}"), .json(503, "{}")], fallback: .keys)
        let clock = FakeClock()
        let (transport, _) = try makeTransport(server, clock: clock)
        #expect(try Env.regenerate(transport).statusCode == 200)
        #expect(server.requests.filter { $0.path.hasPrefix("/subscriptions/") }.count == 3)
        // The first retry at once, the second after a backoff between 1 and 10 s.
        #expect(clock.sleeps.count == 1)
        #expect((1.0...10.0).contains(clock.sleeps[0]))
    }

    @Test func fourServerErrorsGiveTheLastResponse() throws {
        let server = try FakeAzureServer()
        server.route(
            "/subscriptions/", fallback: .json(500, #"{"error":{"code":"InternalServerError","message":"boom"}}"#))
        let clock = FakeClock()
        let (transport, _) = try makeTransport(server, clock: clock)
        #expect(try Env.regenerate(transport).statusCode == 500)
        #expect(server.requests.filter { $0.path.hasPrefix("/subscriptions/") }.count == 4)
        #expect(clock.sleeps.count == 2)
    }

    @Test func maxRetriesFromTheEnvironment() throws {
        let server = try FakeAzureServer()
        server.route("/subscriptions/", fallback: .json(503, "{}"))
        let (transport, _) = try makeTransport(server, ["AZURE_PS_HTTP_MAX_RETRIES": "1"])
        #expect(try Env.regenerate(transport).statusCode == 503)
        #expect(server.requests.filter { $0.path.hasPrefix("/subscriptions/") }.count == 2)
    }

    @Test func notImplementedIsNotRetried() throws {
        let server = try FakeAzureServer()
        server.route("/subscriptions/", fallback: .json(501, "{}"))
        let (transport, _) = try makeTransport(server)
        #expect(try Env.regenerate(transport).statusCode == 501)
        #expect(server.requests.filter { $0.path.hasPrefix("/subscriptions/") }.count == 1)
    }

    @Test func connectionRefusedNamesTheEndpoint() throws {
        let server = try FakeAzureServer()
        let port = Env.closedPort()
        let clock = FakeClock()
        let (transport, _) = try makeTransport(
            server, ["AZURE_RESOURCE_MANAGER_URL": "http://127.0.0.1:\(port)"], clock: clock)
        // Retried 3 times like a 5xx; the error then says so.
        let error = #expect(throws: ARMTransportError.self) { try Env.regenerate(transport) }
        guard case .gaveUp(let last, let attempts, _, let budget) = error else {
            Issue.record("expected the retries to be counted, got \(String(describing: error))")
            return
        }
        #expect(last == .connectionFailed(endpoint: "http://127.0.0.1:\(port)", reason: "Connection refused"))
        #expect(attempts == 4)
        #expect(budget == nil)
        #expect(clock.sleeps.count == 2)
    }

    @Test func timeoutNamesTheEndpoint() throws {
        let server = try FakeAzureServer()
        // The answer would come after 10 s: ending well before it (a generous 5 s for a 0.3 s
        // timeout) with the timeout error shows the timeout, not the answer, ended the wait.
        server.route("/subscriptions/", fallback: .json(200, "{}", delay: 10))
        let (transport, _) = try makeTransport(
            server, ["AZSHIM_HTTP_TIMEOUT": "0.3", "AZURE_PS_HTTP_MAX_RETRIES": "0"])
        let start = Date()
        #expect(throws: ARMTransportError.timedOut(endpoint: server.baseURL, after: .milliseconds(300))) {
            try Env.regenerate(transport)
        }
        #expect(Date().timeIntervalSince(start) < 5)
    }

    @Test func truncatedBodyIsAnInvalidResponse() throws {
        let server = try FakeAzureServer()
        var truncated = FakeAzureServer.Reply.keys
        truncated.behaviour = .truncated
        server.route("/subscriptions/", fallback: truncated)
        let (transport, _) = try makeTransport(server)
        do {
            _ = try Env.regenerate(transport)
            Issue.record("expected an error")
        } catch {
            guard case .invalidResponse(let endpoint, let reason) = error else {
                Issue.record("\(error)")
                return
            }
            #expect(endpoint == server.baseURL)
            #expect(reason.contains("closed after 85 of 185 body bytes"))
        }
    }

    @Test func chunkedBodyIsRead() throws {
        let server = try FakeAzureServer()
        var chunked = FakeAzureServer.Reply.keys
        chunked.behaviour = .chunked
        server.route("/subscriptions/", fallback: chunked)
        let (transport, _) = try makeTransport(server)
        let response = try Env.regenerate(transport)
        #expect(
            String(decoding: response.body, as: UTF8.self)
                == String(decoding: FakeAzureServer.Reply.keys.body, as: UTF8.self))
        _ = try Env.regenerate(transport)
        #expect(server.connectionsAccepted == 1)
    }

    @Test func aConnectionResetOnAReusedConnectionIsResentOnce() throws {
        let server = try FakeAzureServer()
        var reset = FakeAzureServer.Reply.keys
        reset.behaviour = .closeWithoutAnswer
        server.route("/subscriptions/", [.keys, reset], fallback: .keys)
        let (transport, _) = try makeTransport(server, ["AZURE_PS_HTTP_MAX_RETRIES": "0"])
        #expect(try Env.regenerate(transport).statusCode == 200)
        #expect(try Env.regenerate(transport).statusCode == 200)
        #expect(server.connectionsAccepted == 2)
    }

    @Test func cancellationStopsARetryWait() throws {
        let server = try FakeAzureServer()
        server.route("/tenant-1/oauth2/v2.0/token", fallback: .token)
        server.route("/subscriptions/", fallback: .json(429, "{}", headers: [("Retry-After", "30")]))
        let cancellation = Cancellation()
        let (transport, _) = try Env.transport(
            AzureConfigurationResolver.resolve(
                environment: Env.clientSecret(server), defaultProfilePath: nil, cancellation: cancellation))
        Thread.detachNewThread {
            usleep(200_000)
            cancellation.cancel()
        }
        // The retry wait is 30 s; the cancellation comes after 0.2 s. Ending with `.cancelled` well
        // before the wait is over (a generous 15 s) shows the wait observed the cancellation.
        let start = Date()
        #expect(throws: ARMTransportError.cancelled) { try Env.regenerate(transport) }
        #expect(Date().timeIntervalSince(start) < 15)
        #expect(server.requests.filter { $0.path.hasPrefix("/subscriptions/") }.count == 1)
    }

    @Test func thousandRequestsUseOneConnectionAndOneToken() throws {
        let server = try FakeAzureServer()
        server.route("/subscriptions/", fallback: .keys)
        let (transport, _) = try makeTransport(server)
        let start = Date()
        for index in 0..<1000 {
            let response = try Env.regenerate(transport, key: index % 2 == 0 ? "Key1" : "Key2")
            #expect(response.statusCode == 200)
        }
        let elapsed = Date().timeIntervalSince(start)
        print(
            "1,000 regenerations over loopback: \(Int(elapsed * 1000)) ms (\(String(format: "%.3f", elapsed)) ms per key)"
        )
        #expect(server.connectionsAccepted == 1)
        #expect(server.requests.filter { $0.path.contains("/oauth2/") }.count == 1)
        let arm = try #require(Env.arm(transport))
        #expect(arm.connectionsOpened == 1)
        #expect(arm.tokenRequests == 1)
    }

    /// Prints the median wall time of one cold regeneration (resolve, token, ARM call, each
    /// on new connections) against the loopback fake.
    @Test func medianTokenAndRegenerateRoundTrip() throws {
        let server = try FakeAzureServer()
        server.route("/tenant-1/oauth2/v2.0/token", fallback: .token)
        server.route("/subscriptions/", fallback: .keys)
        var times: [Double] = []
        for _ in 0..<51 {
            let start = Date()
            let (transport, _) = try Env.transport(
                AzureConfigurationResolver.resolve(environment: Env.clientSecret(server), defaultProfilePath: nil))
            #expect(try Env.regenerate(transport).statusCode == 200)
            times.append(Date().timeIntervalSince(start))
            Env.arm(transport)?.close()
        }
        let median = times.sorted()[times.count / 2]
        print("median token + regenerate round trip over loopback: \(String(format: "%.3f", median * 1000)) ms")
        // Speed is Scripts/bench.sh's to measure; here each cold run is one token request and one
        // ARM request, and a generous bound (milliseconds expected) only catches a stall.
        #expect(server.requests.filter { $0.path.contains("/oauth2/") }.count == 51)
        #expect(server.requests.filter { $0.path.hasPrefix("/subscriptions/") }.count == 51)
        #expect(median < 5)
    }
}

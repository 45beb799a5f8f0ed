import AzureCognitiveServices
import FakeAzure
import Foundation
import PowerShellHost
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Network faults against the loopback fake, through the whole cmdlet (argv + environment →
/// stdout, stderr, status): every fault ends in a clear error or a recovered success, within a
/// generous time bound (hang detection, not a speed test), never with a secret on stderr and
/// never with the token sent anywhere but the configured ARM endpoint.
@Suite(.serialized)
struct NetworkFaultTests {
    static let secrets = [
        "SECRETKEYONE", "SECRETKEYTWO", "FAKE-ACCESS-TOKEN", AzureTestEnvironment.clientSecret,
    ]
    static let armPath =
        "/subscriptions/\(AzureTestEnvironment.subscription)/resourceGroups/rg/providers/Microsoft.CognitiveServices/accounts/acct/regenerateKey"

    /// Runs `rg acct Key1 -Verbose -Debug` against `server` and checks what every fault must keep:
    /// it ends within `seconds`, stderr holds no secret, and the bearer token went only to ARM paths.
    static func run(
        _ server: FakeAzureServer, _ extra: [String: String] = [:], within seconds: Double = 30,
        sourceLocation: SourceLocation = #_sourceLocation
    ) -> AzureCmdletTests.Result {
        let start = Date()
        let result = AzureCmdletTests.run(
            ["rg", "acct", "Key1", "-Verbose", "-Debug"], environment: AzureTestEnvironment.clientSecret(server, extra))
        #expect(Date().timeIntervalSince(start) < seconds, "the command hung", sourceLocation: sourceLocation)
        for secret in secrets {
            #expect(!result.stderr.contains(secret), "stderr shows \(secret)", sourceLocation: sourceLocation)
        }
        for request in server.requests where request.headers["Authorization"] != nil {
            #expect(
                request.path.hasPrefix("/subscriptions/"), "the token went to \(request.path)",
                sourceLocation: sourceLocation)
        }
        return result
    }

    /// The last line of stderr, which for a failed command is its error record.
    static func errorLine(_ result: AzureCmdletTests.Result) -> String {
        result.stderr.split(separator: "\n").filter { $0.hasPrefix("New-AzCognitiveServicesAccountKey: ") }.map(
            String.init
        ).last ?? ""
    }

    static func server(arm: [FakeAzureServer.Reply], fallback: FakeAzureServer.Reply? = .keys) throws -> FakeAzureServer
    {
        let server = try FakeAzureServer()
        server.route("/tenant-1/oauth2/v2.0/token", fallback: .token)
        server.route("/subscriptions/", arm, fallback: fallback)
        return server
    }

    @Test("a connection reset before the answer is retried; the retry's keys are printed")
    func resetThenSuccess() throws {
        var reset = FakeAzureServer.Reply.keys
        reset.behaviour = .reset
        let server = try Self.server(arm: [reset])
        defer { server.stop() }
        let result = Self.run(server, ["AZURE_PS_HTTP_MAX_RETRIES": "1"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("SECRETKEYONE0123456789abcdef0123"))
        #expect(server.requests.filter { $0.path == Self.armPath }.count == 2)
    }

    @Test("connections reset on every attempt: an error naming the endpoint after the retries, no output")
    func resetForever() throws {
        var reset = FakeAzureServer.Reply.keys
        reset.behaviour = .reset
        let server = try Self.server(arm: [], fallback: reset)
        defer { server.stop() }
        let result = Self.run(server, ["AZURE_PS_HTTP_MAX_RETRIES": "1"])
        #expect(result.status == 1)
        #expect(result.stdout == "")
        #expect(Self.errorLine(result).contains(server.baseURL), "\(result.stderr)")
        // The first attempt rides the token request's kept-alive connection, so its reset is
        // resent once on a fresh one (a stale keep-alive); then the one retry: 3 in all.
        #expect(server.requests.filter { $0.path == Self.armPath }.count == 3)
    }

    @Test("a body cut off mid-response is an error, never half a key")
    func truncatedMidResponse() throws {
        var truncated = FakeAzureServer.Reply.keys
        truncated.behaviour = .truncated
        let server = try Self.server(arm: [], fallback: truncated)
        defer { server.stop() }
        let result = Self.run(server, ["AZURE_PS_HTTP_MAX_RETRIES": "0"])
        #expect(result.status == 1)
        #expect(result.stdout == "")
        #expect(Self.errorLine(result).contains("closed after"), "\(result.stderr)")
    }

    @Test("a slow answer within the timeout succeeds; beyond it, a timeout error naming the endpoint")
    func slowAnswer() throws {
        let slow = FakeAzureServer.Reply.json(
            200, String(decoding: FakeAzureServer.Reply.keys.body, as: UTF8.self), delay: 0.5)
        let server = try Self.server(arm: [slow], fallback: slow)
        defer { server.stop() }
        let patient = Self.run(server, ["AZSHIM_HTTP_TIMEOUT": "10", "AZURE_PS_HTTP_MAX_RETRIES": "0"])
        #expect(patient.status == 0, "\(patient.stderr)")
        #expect(patient.stdout.contains("SECRETKEYTWO0123456789abcdef0123"))
        let impatient = Self.run(server, ["AZSHIM_HTTP_TIMEOUT": "0.2", "AZURE_PS_HTTP_MAX_RETRIES": "0"], within: 10)
        #expect(impatient.status == 1)
        #expect(impatient.stdout == "")
        #expect(Self.errorLine(impatient).contains(server.baseURL), "\(impatient.stderr)")
    }

    /// A one-connection loopback server that answers any request with a head announcing 100
    /// body bytes and then sends one byte every 300 ms (a slow-loris body of 30 s, far longer than
    /// the 10 s the test allows). Returns its URL.
    static func tricklingServer() throws -> String {
        let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(listener, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard bound == 0, listen(listener, 4) == 0 else { throw TestFailure("cannot listen") }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(listener, $0, &length) }
        }
        Thread.detachNewThread {
            defer { close(listener) }
            let client = accept(listener, nil, nil)
            guard client >= 0 else { return }
            defer { close(client) }
            var buffer = [UInt8](repeating: 0, count: 65536)
            _ = recv(client, &buffer, buffer.count, 0)
            let head = Array("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n".utf8)
            guard send(client, head, head.count, Int32(MSG_NOSIGNAL)) == head.count else { return }
            for _ in 0..<100 {
                usleep(300_000)
                if send(client, [UInt8(ascii: " ")], 1, Int32(MSG_NOSIGNAL)) != 1 { return }
            }
        }
        return "http://127.0.0.1:\(UInt16(bigEndian: address.sin_port))"
    }

    @Test("a body that trickles in slower than the timeout is cut off by the request timeout, not waited for")
    func tricklingBody() throws {
        let server = try Self.server(arm: [])
        defer { server.stop() }
        let arm = try Self.tricklingServer()
        let result = Self.run(
            // 3 s, not 1: the token request to the in-process fake shares the timeout and must not miss it
            // on a loaded CI machine; the body (a byte every 0.3 s for 30 s) still runs far past it.
            server, ["AZURE_RESOURCE_MANAGER_URL": arm, "AZSHIM_HTTP_TIMEOUT": "3", "AZURE_PS_HTTP_MAX_RETRIES": "0"],
            within: 20)
        #expect(result.status == 1)
        #expect(result.stdout == "")
        #expect(Self.errorLine(result).contains(arm), "\(result.stderr)")
    }

    @Test("a 200 answer that is HTML, not JSON, is an error and prints no keys")
    func wrongContentType() throws {
        let html = FakeAzureServer.Reply(
            status: 200, headers: [("Content-Type", "text/html")], body: Array("<html><body>Sign in</body></html>".utf8)
        )
        let server = try Self.server(arm: [], fallback: html)
        defer { server.stop() }
        let result = Self.run(server)
        #expect(result.status == 1)
        #expect(result.stdout == "")
        // AutoRest's text when a 200 body does not parse as the expected model.
        #expect(
            Self.errorLine(result) == "New-AzCognitiveServicesAccountKey: Unable to deserialize the response.",
            "\(result.stderr)")
    }

    @Test("a 200 answer with JSON keys but a text/plain Content-Type still has the keys (ARM's body decides)")
    func jsonBodyWithPlainContentType() throws {
        let plain = FakeAzureServer.Reply(
            status: 200, headers: [("Content-Type", "text/plain")], body: FakeAzureServer.Reply.keys.body)
        let server = try Self.server(arm: [], fallback: plain)
        defer { server.stop() }
        let result = Self.run(server)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(
            result.stdout
                == "\nKey1                             Key2\n----                             ----\n"
                + "SECRETKEYONE0123456789abcdef0123 SECRETKEYTWO0123456789abcdef0123\n\n")
    }

    @Test(
        "a 50 MB body is refused at the 10 MiB cap with a clear error, with a length and chunked",
        arguments: [FakeAzureServer.Reply.Behaviour.normal, .chunked])
    func hugeBody(_ behaviour: FakeAzureServer.Reply.Behaviour) throws {
        let huge = FakeAzureServer.Reply(
            status: 200, headers: [("Content-Type", "application/json")],
            body: Array(("{\"key1\":\"" + String(repeating: "a", count: 50_000_000) + "\"}").utf8), behaviour: behaviour
        )
        let server = try Self.server(arm: [], fallback: huge)
        defer { server.stop() }
        let result = Self.run(server, ["AZURE_PS_HTTP_MAX_RETRIES": "0"])
        #expect(result.status == 1)
        #expect(result.stdout == "")
        let line = Self.errorLine(result)
        #expect(
            line.contains("10485760") || line.contains("10 MiB") || line.lowercased().contains("too large"), "\(line)")
        #expect(line.count < 1000)
    }

    @Test("a redirect to another host is not followed: that host never sees a request, let alone the token")
    func redirectToAnotherHost() throws {
        let elsewhere = try FakeAzureServer()
        defer { elsewhere.stop() }
        elsewhere.route("/", fallback: .keys)
        let redirect = FakeAzureServer.Reply(
            status: 307, headers: [("Location", elsewhere.baseURL + Self.armPath + "?api-version=2024-10-01")])
        let server = try Self.server(arm: [], fallback: redirect)
        defer { server.stop() }
        let result = Self.run(server)
        #expect(result.status == 1)
        #expect(result.stdout == "")
        // A 307 that is not followed is an ARM status that is not success (azure-semantics.md §1.3).
        #expect(
            Self.errorLine(result)
                == "New-AzCognitiveServicesAccountKey: Operation returned an invalid status code 'TemporaryRedirect'",
            "\(result.stderr)")
        #expect(elsewhere.requests.isEmpty)
        #expect(elsewhere.connectionsAccepted == 0)
    }

    @Test("a 429 storm whose Retry-After is beyond the cap is an error at once, not a wait")
    func throttledBeyondTheCap() throws {
        let server = try Self.server(
            arm: [],
            fallback: .json(
                429, #"{"error":{"code":"TooManyRequests","message":"slow down"}}"#, headers: [("Retry-After", "86400")]
            ))
        defer { server.stop() }
        let result = Self.run(server, within: 20)
        #expect(result.status == 1)
        #expect(result.stdout == "")
        #expect(
            Self.errorLine(result).contains("TooManyRequests") || Self.errorLine(result).contains("slow down"),
            "\(result.stderr)")
        #expect(server.requests.filter { $0.path == Self.armPath }.count == 1)
    }

    @Test("an endless 429 storm with short Retry-After stops at the 429 retry cap")
    func endlessThrottling() throws {
        let server = try Self.server(arm: [], fallback: .json(429, "{}", headers: [("Retry-After", "0")]))
        defer { server.stop() }
        let result = Self.run(server, ["AZURE_PS_HTTP_MAX_RETRIES_FOR_429": "5"], within: 20)
        #expect(result.status == 1)
        #expect(result.stdout == "")
        #expect(server.requests.filter { $0.path == Self.armPath }.count == 6, "\(result.stderr)")
    }

    @Test(
        "a token endpoint that answers 500 and then 200: the command ends with the keys or a clear error, never a hang")
    func tokenServerErrorThenSuccess() throws {
        let server = try FakeAzureServer()
        defer { server.stop() }
        server.route(
            "/tenant-1/oauth2/v2.0/token", [.json(500, #"{"error":"server_error","error_description":"try again"}"#)],
            fallback: .token)
        server.route("/subscriptions/", fallback: .keys)
        let result = Self.run(server)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("SECRETKEYONE0123456789abcdef0123"))
        let tokenRequests = server.requests.filter { $0.path.hasSuffix("/token") }
        #expect(tokenRequests.count == 2)
        #expect(tokenRequests.allSatisfy { $0.headers["Authorization"] == nil })
    }
}

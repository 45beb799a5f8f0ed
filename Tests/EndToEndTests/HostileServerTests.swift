import AzureCognitiveServices
import FakeAzure
import Foundation
import Synchronization
import TestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// The built binary against a hostile server: a raw-socket loopback server (`RawResponseServer`)
/// writes exact bytes for the token endpoint and Azure Resource Manager. Every case checks what
/// issue 16 asks of each: the exit status, a clear message naming the endpoint, a time bound
/// (generous: hang detection, not a speed test; a child that outlives it is killed and fails),
/// bounded peak memory, no secret on stderr, and no raw control character on stderr.
@Suite struct HostileServerTests {
    typealias Step = RawResponseServer.Step

    static let clientSecret = "SUPER-SECRET-VALUE-42"
    static let token = "FAKE-ACCESS-TOKEN-0123456789"
    static let subscription = "00000000-1111-2222-3333-444444444444"
    static let secrets = [clientSecret, token, "SECRETKEYONE0123456789abcdef0123", "SECRETKEYTWO0123456789abcdef0123"]
    /// Peak resident memory any case may reach (the body cap is 10 MiB).
    static let memoryBound = 96 << 20

    static func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

    /// `HTTP/1.1 429` with these extra headers and an ARM error body.
    static func throttled(_ headers: [(name: String, value: String)]) -> [UInt8] {
        RawResponseServer.response(
            429, headers: [("Content-Type", "application/json")] + headers,
            body: #"{"error":{"code":"TooManyRequests","message":"slow down"}}"#)
    }

    struct Outcome {
        let status: Int32?
        let stdout: String
        let stderr: String
        let seconds: Double
        let peakMemory: Int
        let killed: Bool
        /// The last `New-AzCognitiveServicesAccountKey: …` line of stderr.
        var errorLine: String {
            stderr.split(separator: "\n").last { $0.hasPrefix("New-AzCognitiveServicesAccountKey: ") }.map(String.init)
                ?? ""
        }
    }

    /// The client-secret environment pointing both the authority and ARM at `url`.
    static func environment(_ url: String, folder: String, _ extra: [String: String] = [:]) -> [String: String] {
        [
            "PATH": "/usr/bin:/bin", "HOME": folder, "XDG_CACHE_HOME": folder, "XDG_STATE_HOME": folder,
            "AZURE_TENANT_ID": "tenant-1", "AZURE_CLIENT_ID": "client-1", "AZURE_CLIENT_SECRET": clientSecret,
            "AZURE_SUBSCRIPTION_ID": subscription, "AZURE_RESOURCE_MANAGER_URL": url, "AZURE_AUTHORITY_HOST": url,
            "AZURE_PS_HTTP_MAX_RETRIES": "0",
        ].merging(extra) { $1 }
    }

    /// The App Service managed-identity environment: `IDENTITY_ENDPOINT` at `url`/msi/token, ARM at `url`.
    static func managedIdentity(_ url: String, header: String, folder: String) -> [String: String] {
        var environment = Self.environment(url, folder: folder)
        for name in ["AZURE_TENANT_ID", "AZURE_CLIENT_ID", "AZURE_CLIENT_SECRET"] { environment[name] = nil }
        environment["IDENTITY_ENDPOINT"] = url + "/msi/token"
        environment["IDENTITY_HEADER"] = header
        return environment
    }

    /// Runs the binary; kills it when it outlives `bound` seconds.
    static func run(_ arguments: [String], environment: [String: String], bound: Double, folder: String) throws
        -> Outcome
    {
        let start = Date()
        let process = try RawProcess(
            arguments: arguments.map { Array($0.utf8) }, environment: environment, folder: folder)
        let watchdog = Mutex((done: false, killed: false))
        let pid = process.pid
        Thread.detachNewThread {
            while Date().timeIntervalSince(start) < bound {
                if watchdog.withLock({ $0.done }) { return }
                usleep(20_000)
            }
            watchdog.withLock { state in
                if !state.done {
                    state.killed = true
                    kill(pid, SIGKILL)
                }
            }
        }
        let end = process.wait()
        let killed = watchdog.withLock { state in
            state.done = true
            return state.killed
        }
        return Outcome(
            status: end.status, stdout: end.stdoutText, stderr: end.stderrText,
            seconds: Date().timeIntervalSince(start),
            peakMemory: end.peakMemory, killed: killed)
    }

    /// What every case must keep, whatever the server did.
    static func checkCommon(_ outcome: Outcome, bound: Double, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(!outcome.killed, "the command outlived its \(bound) s bound", sourceLocation: sourceLocation)
        #expect(outcome.seconds < bound, sourceLocation: sourceLocation)
        #expect(
            outcome.peakMemory < memoryBound, "peak memory \(outcome.peakMemory) bytes", sourceLocation: sourceLocation)
        for secret in secrets {
            #expect(!outcome.stderr.contains(secret), "stderr shows \(secret)", sourceLocation: sourceLocation)
        }
        let raw = outcome.stderr.unicodeScalars.first { ($0.value < 0x20 && $0 != "\n") || $0.value == 0x7F }
        #expect(
            raw == nil, "stderr holds a raw control character \(raw.map { String($0.value, radix: 16) } ?? "")",
            sourceLocation: sourceLocation)
    }

    /// One hostile behaviour of Azure Resource Manager (the token endpoint behaves unless the case
    /// says otherwise), and what the command must then do.
    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var arm: [Step]
        var tokenEndpoint: [Step] = [.send(RawResponseServer.token)]
        var environment: [String: String] = [:]
        var status: Int32 = 1
        /// Phrases the error line must hold (the endpoint is checked besides).
        var phrases: [String]
        /// False for Az's status texts, which do not name the endpoint; the `-Verbose` line then must.
        var errorNamesEndpoint = true
        var bound: Double = 30
        var testDescription: String { name }
    }

    /// `text` as chunks of `size` bytes, each with an extension, and the last chunk (no trailers).
    static func chunks(_ text: String, size: Int) -> [UInt8] {
        var output: [UInt8] = []
        var rest = Substring(text)
        while !rest.isEmpty {
            let part = rest.prefix(size)
            rest = rest.dropFirst(size)
            output += bytes(String(part.utf8.count, radix: 16) + ";name=value\r\n" + part + "\r\n")
        }
        return output + bytes("0\r\n")
    }

    static let chunked = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"

    static let cases: [Case] = [
        // 1. Numbers from the network, checked before arithmetic.
        Case(
            name: "1: a chunk size near Int.max after the first chunk",
            arm: [.send(bytes(chunked + "5\r\n{\"a\":\r\n7FFFFFFFFFFFFFF0\r\n")), .pause(5)],
            phrases: ["exceeds 10485760 bytes"]),
        Case(
            name: "1: a chunk size of 100 hex digits",
            arm: [.send(bytes(chunked + String(repeating: "F", count: 100) + "\r\n")), .pause(5)],
            phrases: ["exceeds 10485760 bytes"]),
        Case(
            name: "1: a Content-Length of 30 digits",
            arm: [
                .send(bytes("HTTP/1.1 200 OK\r\nContent-Length: 999999999999999999999999999999\r\n\r\n")), .pause(5),
            ],
            phrases: ["exceeds 10485760 bytes"]),
        Case(
            name: "1: Retry-After with the year 999999999999",
            arm: [.send(throttled([("Retry-After", "Wed, 21 Oct 999999999999 07:28:00 GMT")]))],
            phrases: ["TooManyRequests"], errorNamesEndpoint: false),
        Case(
            name: "1: Retry-After: 1e300 under -Verbose", arm: [.send(throttled([("Retry-After", "1e300")]))],
            phrases: ["TooManyRequests"], errorNamesEndpoint: false),
        Case(
            name: "1: retry-after-ms: inf under -Verbose", arm: [.send(throttled([("retry-after-ms", "inf")]))],
            phrases: ["TooManyRequests"], errorNamesEndpoint: false),
        Case(
            name: "1: retry-after-ms: nan and -5, Retry-After of 40 digits",
            arm: [
                .send(
                    throttled([
                        ("retry-after-ms", "nan"), ("x-ms-retry-after-ms", "-5"),
                        ("Retry-After", String(repeating: "9", count: 40)),
                    ]))
            ],
            phrases: ["TooManyRequests"], errorNamesEndpoint: false),
        Case(
            name: "1: Retry-After with an hour of 99 and a day of 0",
            arm: [.send(throttled([("Retry-After", "Wed, 00 Oct 2015 99:28:00 GMT")]))],
            phrases: ["TooManyRequests"], errorNamesEndpoint: false),
        // 2. One deadline per attempt, checked before every read.
        Case(
            name: "2: an endless stream of 100 Continue", arm: [.repeatForever(bytes("HTTP/1.1 100 Continue\r\n\r\n"))],
            phrases: ["exceeds 65536 bytes"]),
        Case(
            name: "2: 100 Continue every 50 ms, for ever",
            arm: [.trickle(bytes(String(repeating: "HTTP/1.1 100 Continue\r\n\r\n", count: 20)), interval: 0.05)],
            environment: ["AZSHIM_HTTP_TIMEOUT": "1"], phrases: ["timed out after 1 seconds"]),
        Case(
            name: "2: endless chunked trailer lines",
            arm: [.send(bytes(chunked + "0\r\n")), .repeatForever(bytes("X-Trailer: again\r\n"))],
            phrases: ["exceeds 65536 bytes"]),
        Case(
            name: "2: trailer lines every 50 ms",
            arm: [
                .send(bytes(chunked + "0\r\n")),
                .trickle(bytes(String(repeating: "X: y\r\n", count: 40)), interval: 0.01),
            ],
            environment: ["AZSHIM_HTTP_TIMEOUT": "1"], phrases: ["timed out after 1 seconds"]),
        Case(
            name: "2: 101 Switching Protocols fails at once",
            arm: [
                .send(bytes("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\r\n")),
                .pause(20),
            ],
            environment: ["AZSHIM_HTTP_TIMEOUT": "60"], phrases: ["switched protocols (101)"], bound: 10),
        Case(
            name: "2: a head that trickles in, one byte every 100 ms",
            arm: [.trickle(RawResponseServer.keys, interval: 0.1)],
            environment: ["AZSHIM_HTTP_TIMEOUT": "1"], phrases: ["timed out after 1 seconds"]),
        Case(
            name: "2: header lines for ever",
            arm: [.send(bytes("HTTP/1.1 200 OK\r\n")), .repeatForever(bytes("X-Padding: 0123456789\r\n"))],
            phrases: ["exceeds 65536 bytes"]),
        Case(
            name: "2: a close-delimited body for ever",
            arm: [.send(bytes("HTTP/1.1 200 OK\r\n\r\n")), .repeatForever(bytes(String(repeating: "a", count: 4096)))],
            phrases: ["exceeds 10485760 bytes"]),
        Case(
            name: "2: one-byte chunks for ever",
            arm: [.send(bytes(chunked)), .repeatForever(bytes(String(repeating: "1\r\na\r\n", count: 1000)))],
            phrases: ["exceeds 10485760 bytes"]),
        Case(
            name: "2: a chunk-size line for ever",
            arm: [.send(bytes(chunked + "5;")), .repeatForever(bytes("x=yyyyyyyy;"))],
            phrases: ["chunk-size line exceeds 4096 bytes"]),
        Case(
            name: "2: a server that accepts and never answers", arm: [.pause(30)],
            environment: ["AZSHIM_HTTP_TIMEOUT": "1"], phrases: ["timed out after 1 seconds"]),
        // 6. Strict framing.
        Case(
            name: "6: two different Content-Length values",
            arm: [.send(bytes("HTTP/1.1 200 OK\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\nhello!"))],
            phrases: ["two different Content-Length values"]),
        Case(
            name: "6: Content-Length: 5, 6 in one field",
            arm: [.send(bytes("HTTP/1.1 200 OK\r\nContent-Length: 5, 6\r\n\r\nhello!"))],
            phrases: ["two different Content-Length values"]),
        Case(
            name: "6: Content-Length: +88",
            arm: [.send(bytes("HTTP/1.1 200 OK\r\nContent-Length: +88\r\n\r\n" + String(repeating: " ", count: 88)))],
            phrases: ["invalid Content-Length"]),
        Case(
            name: "6: chunk data not followed by CRLF", arm: [.send(bytes(chunked + "2\r\n{}XY0\r\n\r\n"))],
            phrases: ["chunk data is not followed by CRLF"]),
        Case(
            name: "6: Transfer-Encoding and Content-Length together",
            arm: [
                .send(
                    bytes(
                        "HTTP/1.1 200 OK\r\nContent-Length: 4\r\nTransfer-Encoding: chunked\r\n\r\n2\r\n{}\r\n0\r\n\r\n"
                    ))
            ],
            phrases: ["both Transfer-Encoding and Content-Length"]),
        Case(
            name: "6: Transfer-Encoding: gzip, chunked",
            arm: [.send(bytes("HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip, chunked\r\n\r\n2\r\n{}\r\n0\r\n\r\n"))],
            phrases: ["unsupported Transfer-Encoding"]),
        Case(
            name: "6: a space before a header's colon",
            arm: [.send(bytes("HTTP/1.1 200 OK\r\nContent-Length : 2\r\n\r\n{}"))],
            phrases: ["header line 1 is not 'name: value'"]),
        Case(
            name: "6: a NUL in a header value",
            arm: [.send(bytes("HTTP/1.1 200 OK\r\nX-A: a\u{0}b\r\nContent-Length: 2\r\n\r\n{}"))],
            phrases: ["header line 1 contains a NUL byte"]),
        Case(
            name: "6: an escape sequence in a header value",
            arm: [.send(bytes("HTTP/1.1 200 OK\r\nX-A: \u{1B}]0;owned\u{7}\r\nContent-Length: 2\r\n\r\n{}"))],
            phrases: ["header line 1 contains the control character U+001B"]),
        Case(
            name: "6: bare LF line endings", arm: [.send(bytes("HTTP/1.1 200 OK\nContent-Length: 2\n\n{}")), .close],
            phrases: ["closed inside the response head"]),
        Case(
            name: "6: a status line that is not HTTP (and echoes the token)",
            arm: [.send(bytes("SSH-2.0-OpenSSH \(token)\r\n\r\n"))],
            phrases: ["the status line is not 'HTTP/1.x NNN …'"]),
        Case(
            name: "6: a four-digit status", arm: [.send(bytes("HTTP/1.1 2000 OK\r\nContent-Length: 0\r\n\r\n"))],
            phrases: ["the status line is not"]),
        // 8. Timeouts are retried within one budget, and the message says so.
        Case(
            name: "8: a hung server, retries on, AZSHIM_HTTP_TOTAL_TIMEOUT=3", arm: [.pause(30)],
            environment: [
                "AZSHIM_HTTP_TIMEOUT": "1", "AZURE_PS_HTTP_MAX_RETRIES": "3", "AZSHIM_HTTP_TOTAL_TIMEOUT": "3",
            ],
            phrases: [
                "timed out after 1 seconds", "attempts were made in",
                "AZSHIM_HTTP_TOTAL_TIMEOUT (3 s) leaves no time for another",
            ]),
        Case(
            name: "8: a hung server, one retry", arm: [.pause(30)],
            environment: ["AZSHIM_HTTP_TIMEOUT": "1", "AZURE_PS_HTTP_MAX_RETRIES": "1"],
            phrases: ["timed out after 1 seconds", "2 attempts were made in"]),
        Case(
            name: "8: resets on every attempt", arm: [.reset], environment: ["AZURE_PS_HTTP_MAX_RETRIES": "1"],
            phrases: ["attempts were made in"]),
        // Neighbours: escapes in ARM's error message, a token endpoint that never answers.
        Case(
            name: "4: escape sequences in ARM's error message reach stderr in caret notation",
            arm: [
                .send(
                    RawResponseServer.response(
                        400, headers: [("Content-Type", "application/json")],
                        body: #"{"error":{"code":"BadRequest","message":"\u001b]0;owned\u0007\u001b[2J gone"}}"#))
            ],
            phrases: ["BadRequest"], errorNamesEndpoint: false),
        Case(
            name: "2: a token endpoint that never answers", arm: [.send(RawResponseServer.keys)],
            tokenEndpoint: [.pause(30)],
            environment: ["AZSHIM_HTTP_TIMEOUT": "1"],
            phrases: ["Client secret authentication", "did not answer within 1 s"]),
        // 3. Tokens that would add header lines (or a second request) are refused where they come in.
        Case(
            name: "3: a token with CRLF and a smuggled request",
            arm: [.send(RawResponseServer.keys)],
            tokenEndpoint: [
                .send(
                    RawResponseServer.response(
                        200, headers: [("Content-Type", "application/json")],
                        body:
                            #"{"access_token":"abc\r\n\r\nGET /smuggled HTTP/1.1\r\nHost: x\r\n\r\n","expires_in":3599}"#
                    ))
            ],
            phrases: [
                "Client secret authentication for client 'client-1'", "cannot be sent in an HTTP header",
                "a carriage return at character 4",
            ]),
        Case(
            name: "3: a token with a space", arm: [.send(RawResponseServer.keys)],
            tokenEndpoint: [
                .send(RawResponseServer.response(200, body: #"{"access_token":"abc def","expires_in":3599}"#))
            ],
            phrases: ["cannot be sent in an HTTP header", "a space at character 4"]),
        // Neighbours: a positive case, so strictness does not break real servers.
        Case(
            name: "a folded header and a chunked body with extensions and trailers still work",
            arm: [
                .send(
                    bytes("HTTP/1.1 200 OK\r\nX-Folded: a\r\n b\r\nTransfer-Encoding: chunked\r\n\r\n")
                        + chunks(
                            #"{"key1":"SECRETKEYONE0123456789abcdef0123","key2":"SECRETKEYTWO0123456789abcdef0123"}"#,
                            size: 7)
                        + bytes("X-Trailer: done\r\n\r\n"))
            ],
            status: 0, phrases: []),
    ]

    @Test(arguments: cases)
    func hostileServer(_ hostile: Case) throws {
        let harness = Harness()
        defer { harness.remove() }
        let server = try RawResponseServer { request in
            request.path.hasSuffix("/oauth2/v2.0/token") ? hostile.tokenEndpoint : hostile.arm
        }
        defer { server.stop() }
        let outcome = try Self.run(
            ["rg", "acct", "Key1", "-Verbose"],
            environment: Self.environment(server.baseURL, folder: harness.folder, hostile.environment),
            bound: hostile.bound, folder: harness.folder)
        Self.checkCommon(outcome, bound: hostile.bound)
        #expect(outcome.status == hostile.status, "\(outcome.stderr)")
        if hostile.status == 0 {
            #expect(outcome.stdout.contains("SECRETKEYONE0123456789abcdef0123"), "\(outcome.stderr)")
            return
        }
        #expect(outcome.stdout == "")
        let line = outcome.errorLine
        if hostile.errorNamesEndpoint {
            #expect(line.contains(server.baseURL), "\(outcome.stderr)")
        } else {
            #expect(outcome.stderr.contains("Endpoint: \(server.baseURL)"), "\(outcome.stderr)")
        }
        for phrase in hostile.phrases {
            #expect(line.contains(phrase), "\(phrase) is not in \(line)")
        }
        // Nothing was smuggled: every request the server parsed is one the client meant to send.
        #expect(server.requests.allSatisfy { $0.path.hasSuffix("/token") || $0.path.hasPrefix("/subscriptions/") })
    }

    @Test("3: a token with CRLF never reaches ARM: no request there, nothing smuggled")
    func injectedTokenNeverSent() throws {
        let harness = Harness()
        defer { harness.remove() }
        let evil = RawResponseServer.response(
            200,
            body:
                #"{"access_token":"abc\r\nX-Evil: 1\r\n\r\nGET /smuggled HTTP/1.1\r\nHost: x\r\n\r\n","expires_in":3599}"#
        )
        let server = try RawResponseServer { request in
            request.path.hasSuffix("/token") ? [.send(evil)] : [.send(RawResponseServer.keys)]
        }
        defer { server.stop() }
        let outcome = try Self.run(
            ["rg", "acct", "Key1"], environment: Self.environment(server.baseURL, folder: harness.folder), bound: 30,
            folder: harness.folder)
        Self.checkCommon(outcome, bound: 30)
        #expect(outcome.status == 1)
        #expect(outcome.errorLine.contains("at \(server.baseURL) failed"), "\(outcome.stderr)")
        #expect(server.requests.map(\.path) == ["/tenant-1/oauth2/v2.0/token"])
        let wire = String(decoding: server.received(onConnection: 1), as: UTF8.self)
        #expect(!wire.contains("X-Evil") && !wire.contains("smuggled"))
    }

    @Test("3: a managed-identity endpoint's token with CRLF is refused, naming the endpoint")
    func managedIdentityToken() throws {
        let harness = Harness()
        defer { harness.remove() }
        let evil = RawResponseServer.response(
            200, body: #"{"access_token":"abc\nX-Evil: 1","expires_on":"9999999999"}"#)
        let server = try RawResponseServer { request in
            request.path.hasPrefix("/msi") ? [.send(evil)] : [.send(RawResponseServer.keys)]
        }
        defer { server.stop() }
        let environment = Self.managedIdentity(
            server.baseURL, header: "IDENTITY-HEADER-SECRET-0001", folder: harness.folder)
        let outcome = try Self.run(["rg", "acct", "Key1"], environment: environment, bound: 30, folder: harness.folder)
        Self.checkCommon(outcome, bound: 30)
        #expect(!outcome.stderr.contains("IDENTITY-HEADER-SECRET-0001"))
        #expect(outcome.status == 1)
        #expect(
            outcome.errorLine.contains("Managed identity authentication at \(server.baseURL) failed"),
            "\(outcome.stderr)")
        #expect(outcome.errorLine.contains("a line feed at character 4"), "\(outcome.stderr)")
        #expect(server.requests.map(\.path) == ["/msi/token"])
    }

    /// An `az` on PATH that runs `script` (sh), and an Azure CLI login in `AZURE_CONFIG_DIR`, with
    /// ARM at `url`.
    static func fakeAzureCLI(_ script: String, url: String, folder: String) throws -> [String: String] {
        let bin = folder + "/bin"
        try FileManager.default.createDirectory(atPath: bin, withIntermediateDirectories: true)
        try ExecutableFile.write("#!/bin/sh\n" + script + "\n", to: bin + "/az")
        let config = folder + "/azure"
        try FileManager.default.createDirectory(atPath: config, withIntermediateDirectories: true)
        try #"{"subscriptions":[{"id":"\#(Self.subscription)","isDefault":true,"tenantId":"t"}]}"#.write(
            toFile: config + "/azureProfile.json", atomically: true, encoding: .utf8)
        var environment = Self.environment(url, folder: folder)
        for name in ["AZURE_TENANT_ID", "AZURE_CLIENT_ID", "AZURE_CLIENT_SECRET"] { environment[name] = nil }
        environment["PATH"] = bin + ":/usr/bin:/bin"
        environment["AZURE_CONFIG_DIR"] = config
        return environment
    }

    struct CLICase: Sendable, CustomTestStringConvertible {
        var name: String
        var script: String
        var environment: [String: String] = [:]
        var phrase: String
        var testDescription: String { name }
    }

    @Test(
        "3 and neighbours: the Azure CLI as a hostile token source, each an error naming it",
        arguments: [
            CLICase(
                name: "a token with CRLF",
                script: #"printf '{"accessToken":"abc\\r\\nX-Evil: 1","expires_on":9999999999}\n'"#,
                phrase: "cannot be sent in an HTTP header: it contains a carriage return at character 4"),
            CLICase(
                name: "endless output", script: "yes '{\"accessToken\":'",
                phrase: "'az account get-access-token' wrote more than 16777216 bytes"),
            CLICase(
                name: "a hang that ignores SIGTERM, cut by AZSHIM_HTTP_TOTAL_TIMEOUT",
                script: "trap '' TERM; exec sleep 60",
                environment: ["AZSHIM_HTTP_TOTAL_TIMEOUT": "2"], phrase: "did not finish within 2 s"),
        ])
    func azureCLIToken(_ cli: CLICase) throws {
        let harness = Harness()
        defer { harness.remove() }
        let server = try RawResponseServer { _ in [.send(RawResponseServer.keys)] }
        defer { server.stop() }
        let environment = try Self.fakeAzureCLI(cli.script, url: server.baseURL, folder: harness.folder)
            .merging(cli.environment) { $1 }
        let outcome = try Self.run(["rg", "acct", "Key1"], environment: environment, bound: 30, folder: harness.folder)
        Self.checkCommon(outcome, bound: 30)
        #expect(outcome.status == 1)
        #expect(outcome.errorLine.contains("Azure CLI authentication failed: "), "\(outcome.stderr)")
        #expect(outcome.errorLine.contains(cli.phrase), "\(outcome.stderr)")
        #expect(server.requests.isEmpty)
    }

    @Test("3: IDENTITY_HEADER with CRLF is refused before any request, naming the variable")
    func identityHeaderWithCRLF() throws {
        let harness = Harness()
        defer { harness.remove() }
        let server = try RawResponseServer { _ in [.send(RawResponseServer.keys)] }
        defer { server.stop() }
        let environment = Self.managedIdentity(server.baseURL, header: "abc\r\nX-Evil: 1", folder: harness.folder)
        let outcome = try Self.run(["rg", "acct", "Key1"], environment: environment, bound: 30, folder: harness.folder)
        Self.checkCommon(outcome, bound: 30)
        #expect(outcome.status == 1)
        #expect(outcome.errorLine.contains("IDENTITY_HEADER cannot be sent in an HTTP header"), "\(outcome.stderr)")
        #expect(server.connectionsAccepted == 0)
    }

    @Test(
        "AZSHIM_HTTP_TIMEOUT and AZSHIM_HTTP_TOTAL_TIMEOUT are checked before anything runs: exit 2, no connection",
        arguments: [
            ("AZSHIM_HTTP_TIMEOUT", "abc"), ("AZSHIM_HTTP_TIMEOUT", "0"), ("AZSHIM_HTTP_TIMEOUT", "-1"),
            ("AZSHIM_HTTP_TIMEOUT", "inf"), ("AZSHIM_HTTP_TIMEOUT", "nan"), ("AZSHIM_HTTP_TIMEOUT", "1e3"),
            ("AZSHIM_HTTP_TIMEOUT", "3601"), ("AZSHIM_HTTP_TOTAL_TIMEOUT", "0x10"),
            ("AZSHIM_HTTP_TOTAL_TIMEOUT", "86401"),
            ("AZSHIM_HTTP_TOTAL_TIMEOUT", "5 s"),
        ])
    func badTimeoutSettings(_ variable: String, _ value: String) throws {
        let harness = Harness()
        defer { harness.remove() }
        let server = try RawResponseServer { _ in [.send(RawResponseServer.keys)] }
        defer { server.stop() }
        let outcome = try Self.run(
            ["rg", "acct", "Key1"],
            environment: Self.environment(server.baseURL, folder: harness.folder, [variable: value]),
            bound: 30, folder: harness.folder)
        Self.checkCommon(outcome, bound: 30)
        #expect(outcome.status == 2)
        #expect(
            outcome.stderr
                == "New-AzCognitiveServicesAccountKey: \(variable) '\(value)' is not valid: expected seconds, more than 0 and at most \(variable == "AZSHIM_HTTP_TIMEOUT" ? "3600" : "86400").\n"
        )
        #expect(server.connectionsAccepted == 0)
    }

    @Test("4: escape sequences in a key reach a terminal in caret notation; redirected and JSON output stay exact")
    func escapesInKeysOnATerminal() throws {
        let harness = Harness()
        defer { harness.remove() }
        let hostileKey = "\u{1B}[2J\u{1B}]0;owned\u{07}KEY"
        let body = #"{"key1":"\u001b[2J\u001b]0;owned\u0007KEY","key2":"SECRETKEYTWO0123456789abcdef0123"}"#
        let server = try RawResponseServer { request in
            request.path.hasSuffix("/token")
                ? [.send(RawResponseServer.token)] : [.send(RawResponseServer.response(200, body: body))]
        }
        defer { server.stop() }
        let environment = Self.environment(server.baseURL, folder: harness.folder)
        let terminal = try PseudoTerminal.run(
            arguments: ["rg", "acct", "Key1"], stdin: "", environment: environment, answers: [], stdoutOnTerminal: true,
            folder: harness.folder)
        #expect(terminal.status == 0, "\(terminal.stderr)")
        #expect(!terminal.transcript.contains("\u{1B}"), "raw ESC on the terminal")
        #expect(!terminal.transcript.contains("\u{07}"), "raw BEL on the terminal")
        #expect(terminal.transcript.contains("^[[2J^[]0;owned^GKEY"), "\(terminal.transcript)")
        // Widths are computed on what is shown: Key2's column starts one space after the shown key.
        let lines = terminal.transcript.split(separator: "\n").map(String.init)
        let header = try #require(lines.first { $0.hasPrefix("Key1") })
        #expect(
            header == "Key1" + String(repeating: " ", count: "^[[2J^[]0;owned^GKEY".count - 3) + "Key2",
            "\(terminal.transcript)")

        let redirected = try Self.run(
            ["rg", "acct", "Key1"], environment: environment, bound: 30, folder: harness.folder)
        Self.checkCommon(redirected, bound: 30)
        #expect(redirected.stdout.contains(hostileKey), "redirected output is byte-exact")
        let json = try Self.run(
            ["rg", "acct", "Key1", "--output", "json"], environment: environment, bound: 30, folder: harness.folder)
        #expect(
            json.stdout == #"{"Key1":"\u001b[2J\u001b]0;owned\u0007KEY","Key2":"SECRETKEYTWO0123456789abcdef0123"}"#
                + "\n")
    }

    @Test("5: a 3 MB ARM error echoing a 100 KB token is scrubbed in linear time")
    func largeEchoIsScrubbedQuickly() throws {
        let harness = Harness()
        defer { harness.remove() }
        let longToken = "eyJ" + String(repeating: "abcdefghij", count: 10_000) + ".sig"
        var message = ""
        while message.utf8.count < 3_000_000 { message += "token " + longToken + " was rejected; " }
        let tokenBody = #"{"access_token":"\#(longToken)","expires_in":3599}"#
        let errorBody = #"{"error":{"code":"InvalidAuthenticationToken","message":"\#(message)"}}"#
        let server = try RawResponseServer { request in
            request.path.hasSuffix("/token")
                ? [.send(RawResponseServer.response(200, body: tokenBody))]
                : [
                    .send(
                        RawResponseServer.response(
                            401, headers: [("Content-Type", "application/json")], body: errorBody))
                ]
        }
        defer { server.stop() }
        let outcome = try Self.run(
            ["rg", "acct", "Key1"], environment: Self.environment(server.baseURL, folder: harness.folder), bound: 60,
            folder: harness.folder)
        Self.checkCommon(outcome, bound: 60)
        #expect(outcome.status == 1)
        #expect(outcome.stderr.contains("Operation returned an invalid status code 'Unauthorized'"))
        #expect(outcome.stderr.contains("token <redacted> was rejected"))
        #expect(!outcome.stderr.contains(String(longToken.prefix(200))))
    }

    @Test("7: under -Debug, a token error body that is not JSON never shows the client secret, raw or JSON-escaped")
    func debugTokenErrorBody() throws {
        let harness = Harness()
        defer { harness.remove() }
        let escaped = Self.clientSecret.replacingOccurrences(of: "-", with: "\\u002d")
        let body =
            #"{"error":"invalid_client","error_description":"AADSTS7000215: Invalid client secret \#(escaped) provided"#
        let server = try RawResponseServer { request in
            [.send(RawResponseServer.response(401, headers: [("Content-Type", "application/json")], body: body))]
        }
        defer { server.stop() }
        let outcome = try Self.run(
            ["rg", "acct", "Key1", "-Debug"], environment: Self.environment(server.baseURL, folder: harness.folder),
            bound: 30,
            folder: harness.folder)
        Self.checkCommon(outcome, bound: 30)
        #expect(outcome.status == 1)
        #expect(!outcome.stderr.contains(escaped), "\(outcome.stderr)")
        #expect(!outcome.stderr.contains("SUPER\\u002dSECRET"))
        #expect(outcome.stderr.contains("Invalid client secret <redacted> provided"), "\(outcome.stderr)")
        #expect(outcome.errorLine.contains("at \(server.baseURL) failed"), "\(outcome.stderr)")
    }
}

import AzShimSupport
import FakeAzure
import Foundation
import HTTP1
import Synchronization
import TestSupport
import Testing

@testable import AzureCognitiveServices

#if canImport(Glibc)
    import Glibc
#endif

/// The token cache file (issue 15): one token request for many runs, keys that change with the
/// credential, expiry, a 401 from Resource Manager, files that are not read, `-Debug` and
/// `-Verbose` lines, `AZSHIM_TOKEN_CACHE`.
@Suite struct TokenCacheTests {
    typealias Env = AzureTestEnvironment

    /// A folder for the cache, and the client-secret variables pointing at `server` with
    /// `XDG_CACHE_HOME` in it.
    struct Setup {
        let folder = Env.temporaryDirectory()
        let server: FakeAzureServer
        var cacheFile: String { folder + "/cache/azshim/tokens.json" }

        init(token: FakeAzureServer.Reply = .token) throws {
            server = try FakeAzureServer()
            server.route("/tenant-1/oauth2/v2.0/token", fallback: token)
            server.route("/subscriptions/", fallback: .keys)
        }

        func environment(_ extra: [String: String] = [:]) -> [String: String] {
            Env.clientSecret(server, ["XDG_CACHE_HOME": folder + "/cache"]).merging(extra) { $1 }
        }

        var tokenRequests: Int { server.requests.filter { $0.path.hasSuffix("/token") }.count }
        var armRequests: Int { server.requests.filter { $0.path.hasPrefix("/subscriptions/") }.count }

        func remove() {
            server.stop()
            try? FileManager.default.removeItem(atPath: folder)
        }
    }

    /// One run: resolve, regenerate a key, close; the diagnostics it wrote.
    @discardableResult
    static func run(_ environment: [String: String], status: Int = 200) throws -> String {
        let collector = DiagnosticsCollector()
        let (transport, _) = try Env.transport(
            AzureConfigurationResolver.resolve(
                environment: environment, defaultProfilePath: nil, diagnostics: collector.diagnostics))
        #expect(try Env.regenerate(transport).statusCode == status)
        Env.arm(transport)?.close()
        return collector.text
    }

    static func mode(_ path: String) -> Int? {
        (try? FileManager.default.attributesOfItem(atPath: path)[.posixPermissions]) as? Int
    }

    @Test(
        "ten runs make one token request; the file is 0600 in a 0700 folder; -Debug names the source, never the token")
    func tenRunsOneTokenRequest() throws {
        let setup = try Setup()
        defer { setup.remove() }
        var texts: [String] = []
        for _ in 0..<10 { texts.append(try Self.run(setup.environment())) }
        #expect(setup.tokenRequests == 1)
        #expect(setup.armRequests == 10)
        #expect(texts[0].contains("DEBUG: token requested"))
        #expect(!texts[0].contains("token from cache"))
        #expect(texts[9].contains("DEBUG: token from cache '\(setup.cacheFile)'"))
        #expect(!texts[9].contains("token requested"))
        #expect(texts[0].contains("VERBOSE: Token cache: \(setup.cacheFile)."))
        for text in texts { #expect(!text.contains("FAKE-ACCESS-TOKEN")) }
        #expect(Self.mode(setup.cacheFile) == 0o600)
        #expect(Self.mode(setup.folder + "/cache/azshim") == 0o700)
        let file = try String(contentsOfFile: setup.cacheFile, encoding: .utf8)
        #expect(file.contains("FAKE-ACCESS-TOKEN-0123456789"))
        for secret in [Env.clientSecret, "tenant-1", "client-1"] { #expect(!file.contains(secret)) }
    }

    @Test(
        "a cached token is used only with the same cloud, authority, tenant, client and secret",
        arguments: [
            ["AZURE_CLIENT_SECRET": "ANOTHER-SECRET"], ["AZURE_CLIENT_ID": "client-2"],
            ["AZURE_TENANT_ID": "tenant-2"], ["AZURE_ENVIRONMENT": "AzureUSGovernment"],
        ])
    func keyChangesWithTheCredential(_ change: [String: String]) throws {
        let setup = try Setup()
        defer { setup.remove() }
        setup.server.route("/tenant-2/oauth2/v2.0/token", fallback: .token)
        try Self.run(setup.environment())
        try Self.run(setup.environment(change))
        #expect(setup.tokenRequests == 2)
        // Both entries are kept: going back uses the first one.
        try Self.run(setup.environment())
        #expect(setup.tokenRequests == 2)
    }

    @Test("AZSHIM_TOKEN_CACHE=off writes nothing and asks every time; a path moves the file")
    func setting() throws {
        let setup = try Setup()
        defer { setup.remove() }
        let off = setup.environment(["AZSHIM_TOKEN_CACHE": "off"])
        let text = try Self.run(off)
        try Self.run(off)
        #expect(setup.tokenRequests == 2)
        #expect(text.contains("VERBOSE: Token cache: off (AZSHIM_TOKEN_CACHE=off)."))
        #expect(!FileManager.default.fileExists(atPath: setup.folder + "/cache"))
        let moved = setup.folder + "/elsewhere/t.json"
        try Self.run(setup.environment(["AZSHIM_TOKEN_CACHE": moved]))
        try Self.run(setup.environment(["AZSHIM_TOKEN_CACHE": moved]))
        #expect(setup.tokenRequests == 3)
        #expect(Self.mode(moved) == 0o600)
    }

    @Test("without HOME (and no XDG_CACHE_HOME or path) it runs without a cache and says so under -Verbose")
    func noHome() throws {
        let setup = try Setup()
        defer { setup.remove() }
        var environment = setup.environment()
        environment["HOME"] = nil
        environment["XDG_CACHE_HOME"] = nil
        let text = try Self.run(environment)
        #expect(
            text.contains(
                "VERBOSE: Token cache: off, as HOME is not set; set XDG_CACHE_HOME or AZSHIM_TOKEN_CACHE to keep tokens between runs."
            ))
        try Self.run(environment)
        #expect(setup.tokenRequests == 2)
        // A HOME that does not exist is not created.
        environment["HOME"] = setup.folder + "/no-such-home"
        #expect(try Self.run(environment).contains("HOME '\(setup.folder)/no-such-home' does not exist"))
        #expect(!FileManager.default.fileExists(atPath: setup.folder + "/no-such-home"))
        // HOME that exists: ~/.cache/azshim/tokens.json.
        environment["HOME"] = setup.folder
        try Self.run(environment)
        #expect(Self.mode(setup.folder + "/.cache/azshim/tokens.json") == 0o600)
    }

    @Test("a token is used until 5 minutes before it expires")
    func expiryMargin() throws {
        let setup = try Setup(
            token: .json(200, #"{"token_type":"Bearer","expires_in":299,"access_token":"SHORT-LIVED-TOKEN"}"#))
        defer { setup.remove() }
        try Self.run(setup.environment())
        try Self.run(setup.environment())
        #expect(setup.tokenRequests == 2)
        let long = try Setup(
            token: .json(200, #"{"token_type":"Bearer","expires_in":400,"access_token":"LONGER-TOKEN"}"#))
        defer { long.remove() }
        try Self.run(long.environment())
        try Self.run(long.environment())
        #expect(long.tokenRequests == 1)
    }

    @Test("a 401 to a cached token drops it, gets one new token and retries once")
    func unauthorizedCachedToken() throws {
        let setup = try Setup()
        defer { setup.remove() }
        try Self.run(setup.environment())
        let unauthorized = FakeAzureServer.Reply.json(
            401, #"{"error":{"code":"InvalidAuthenticationToken","message":"The access token is invalid."}}"#)
        setup.server.route("/subscriptions/", [unauthorized], fallback: .keys)
        let text = try Self.run(setup.environment())
        #expect(setup.tokenRequests == 2)
        #expect(setup.armRequests == 3)
        #expect(text.contains("token from cache"))
        #expect(text.contains("requesting a new token"))
        // Only once: a second 401 is the answer.
        setup.server.route("/subscriptions/", fallback: unauthorized)
        let third = try Self.run(setup.environment(), status: 401)
        #expect(setup.tokenRequests == 3)
        #expect(third.contains("token rejected by Resource Manager; removed from the cache"), "\(third)")
        #expect(setup.armRequests == 5)
        // The rejected token left the file: the next run asks again.
        let entries = try AzureTokenCacheFile(path: setup.cacheFile).entries().get()
        #expect(entries.isEmpty)
        setup.server.route("/subscriptions/", fallback: .keys)
        try Self.run(setup.environment())
        #expect(setup.tokenRequests == 4)
    }

    @Test("a 401 to a token just requested is not retried")
    func unauthorizedFreshToken() throws {
        let setup = try Setup()
        defer { setup.remove() }
        setup.server.route(
            "/subscriptions/", fallback: .json(401, #"{"error":{"code":"InvalidAuthenticationToken","message":"x"}}"#))
        try Self.run(setup.environment(), status: 401)
        #expect(setup.tokenRequests == 1)
        #expect(setup.armRequests == 1)
    }

    struct Refusal: Sendable, CustomStringConvertible {
        var description: String
        var reason: String
        var prepare: @Sendable (_ path: String, _ folder: String) throws -> Void
    }

    static let refusals: [Refusal] = [
        Refusal(description: "symbolic link", reason: "it is a symbolic link") { path, folder in
            try "{}".write(toFile: folder + "/target.json", atomically: true, encoding: .utf8)
            try FileManager.default.createSymbolicLink(atPath: path, withDestinationPath: folder + "/target.json")
        },
        Refusal(description: "mode 0644", reason: "its mode is 0644, not 0600") { path, _ in
            try Self.writeCache(validEntry, to: path, mode: 0o644)
        },
        Refusal(description: "not JSON", reason: "it is not valid JSON (line 1, column 14)") { path, _ in
            try Self.writeCache(#"{"version":1 "FILE-SECRET-TEXT"}"#, to: path, mode: 0o600)
        },
        Refusal(description: "a token with a line feed", reason: "it is not a token cache AzShim wrote") { path, _ in
            let name = String(repeating: "a", count: 64)
            try Self.writeCache(
                #"{"version":1,"tokens":{"\#(name)":{"accessToken":"X\nInjected: 1","expiresOn":9999999999}}}"#,
                to: path, mode: 0o600)
        },
        Refusal(description: "an expiry of 1e300", reason: "it is not a token cache AzShim wrote") { path, _ in
            let name = String(repeating: "b", count: 64)
            try Self.writeCache(
                #"{"version":1,"tokens":{"\#(name)":{"accessToken":"FILE-SECRET-TEXT","expiresOn":1e300}}}"#,
                to: path, mode: 0o600)
        },
        // Hostile: a FIFO nobody writes to must not block the run (the cache is opened O_NONBLOCK).
        Refusal(description: "a FIFO", reason: "it is not a regular file") { path, _ in
            #expect(mkfifo(path, 0o600) == 0)
        },
        Refusal(description: "a folder", reason: "it is not a regular file") { path, _ in
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        },
    ]

    static let validEntry = #"{"version":1,"tokens":{}}"#

    static func writeCache(_ text: String, to path: String, mode: Int) throws {
        try text.write(toFile: path, atomically: false, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: path)
    }

    @Test(
        "a cache file that is a link, open to others, not JSON or not ours is not read, and is replaced",
        arguments: refusals)
    func refusedFiles(_ refusal: Refusal) throws {
        let setup = try Setup()
        defer { setup.remove() }
        try FileManager.default.createDirectory(
            atPath: setup.folder + "/cache/azshim", withIntermediateDirectories: true,
            attributes: [.posixPermissions: 0o700])
        try refusal.prepare(setup.cacheFile, setup.folder)
        let text = try Self.run(setup.environment())
        #expect(setup.tokenRequests == 1)
        #expect(
            text.contains("WARNING: The token cache '\(setup.cacheFile)' was not read: \(refusal.reason)"), "\(text)")
        #expect(!text.contains("FILE-SECRET-TEXT"))
        if refusal.description == "a folder" { return }
        // Replaced on the write: a private regular file now, used by the next run.
        var status = stat()
        #expect(lstat(setup.cacheFile, &status) == 0 && status.st_mode & S_IFMT == S_IFREG)
        #expect(Self.mode(setup.cacheFile) == 0o600)
        let next = try Self.run(setup.environment())
        #expect(setup.tokenRequests == 1)
        #expect(!next.contains("WARNING"))
        if refusal.description == "symbolic link" {
            #expect(try String(contentsOfFile: setup.folder + "/target.json", encoding: .utf8) == "{}")
        }
    }

    @Test(
        "a cache file of another user is not read",
        .enabled(if: geteuid() == 0, "giving the cache file to another user (chown) needs root"))
    func otherOwner() throws {
        let setup = try Setup()
        defer { setup.remove() }
        try Self.run(setup.environment())
        #expect(chown(setup.cacheFile, 4242, 4242) == 0)
        let text = try Self.run(setup.environment())
        #expect(text.contains("was not read: it belongs to another user (uid 4242)"), "\(text)")
        #expect(setup.tokenRequests == 2)
    }

    @Test("warnings need -Verbose: without it a refused file says nothing")
    func warningsOnlyUnderVerbose() throws {
        let setup = try Setup()
        defer { setup.remove() }
        try FileManager.default.createDirectory(
            atPath: setup.folder + "/cache/azshim", withIntermediateDirectories: true)
        try Self.writeCache("not json", to: setup.cacheFile, mode: 0o600)
        let messages = Mutex<[AzureDiagnostic]>([])
        let diagnostics = AzureDiagnostics(verbose: false, debug: true) { message in
            messages.withLock { $0.append(message) }
        }
        let (transport, _) = try Env.transport(
            AzureConfigurationResolver.resolve(
                environment: setup.environment(), defaultProfilePath: nil, diagnostics: diagnostics))
        #expect(try Env.regenerate(transport).statusCode == 200)
        #expect(!messages.withLock { $0 }.contains { if case .verboseWarning = $0 { true } else { false } })
    }

    @Test("the Azure CLI: one 'az account get-access-token' for many runs, another after 'az account set'")
    func azureCLI() throws {
        let setup = try Setup()
        defer { setup.remove() }
        let directory = setup.folder + "/az"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let script =
            "#!/bin/sh\necho call >> \"\(directory)/calls\"\n"
            + #"echo '{"accessToken":"CLI-TOKEN-123456789","expires_on":4070908800,"tokenType":"Bearer"}'"# + "\n"
        try ExecutableFile.write(script, to: directory + "/az")
        func login(_ subscription: String) throws {
            try #"{"subscriptions":[{"id":"\#(subscription)","isDefault":true,"tenantId":"t"}]}"#.write(
                toFile: directory + "/azureProfile.json", atomically: true, encoding: .utf8)
        }
        try login("cli-sub-1")
        let environment = [
            "PATH": directory + ":/usr/bin:/bin", "AZURE_CONFIG_DIR": directory, "HOME": "/nonexistent-home",
            "XDG_CACHE_HOME": setup.folder + "/cache", "AZURE_RESOURCE_MANAGER_URL": setup.server.baseURL,
        ]
        func calls() -> Int {
            ((try? String(contentsOfFile: directory + "/calls", encoding: .utf8)) ?? "").split(separator: "\n").count
        }
        for _ in 0..<3 { try Self.run(environment) }
        #expect(calls() == 1)
        try login("cli-sub-2")
        try Self.run(environment)
        #expect(calls() == 2)
        #expect(setup.armRequests == 4)
    }

    @Test("workload identity and managed identity use the cache too")
    func otherKinds() throws {
        let setup = try Setup()
        defer { setup.remove() }
        setup.server.route(
            "/msi/token",
            fallback: .json(
                200, #"{"access_token":"MI-TOKEN-123456789","expires_on":"4070908800","token_type":"Bearer"}"#))
        try "ASSERTION".write(toFile: setup.folder + "/federated", atomically: true, encoding: .utf8)
        var workload = setup.environment()
        workload["AZURE_CLIENT_SECRET"] = nil
        workload["AZURE_FEDERATED_TOKEN_FILE"] = setup.folder + "/federated"
        var managed = setup.environment()
        for name in ["AZURE_CLIENT_SECRET", "AZURE_TENANT_ID", "AZURE_CLIENT_ID"] { managed[name] = nil }
        managed["IDENTITY_ENDPOINT"] = setup.server.baseURL + "/msi/token"
        managed["IDENTITY_HEADER"] = "HEADER-SECRET"
        for environment in [workload, managed, workload, managed] { try Self.run(environment) }
        #expect(setup.tokenRequests == 2)
        #expect(setup.armRequests == 4)
    }

    @Test("the key's material: a new CLI login, a new secret or another token file is another key")
    func material() throws {
        let folder = Env.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try #"{"subscriptions":[{"id":"a","isDefault":true}]}"#.write(
            toFile: folder + "/azureProfile.json", atomically: true, encoding: .utf8)
        let cli = AzureCLICredential(environment: ["AZURE_CONFIG_DIR": folder])
        let before = cli.tokenCacheMaterial
        try #"{"subscriptions":[{"id":"b","isDefault":true}]}"#.write(
            toFile: folder + "/azureProfile.json", atomically: true, encoding: .utf8)
        #expect(cli.tokenCacheMaterial != before)
        let authority = try #require(HTTPURL("https://login.microsoftonline.com"))
        func secret(_ text: String) -> AzureClientCredential {
            AzureClientCredential(authorityHost: authority, tenantId: "t", clientId: "c", proof: .secret(text))
        }
        #expect(secret("a").tokenCacheMaterial != secret("b").tokenCacheMaterial)
        let file = AzureClientCredential(
            authorityHost: authority, tenantId: "t", clientId: "c", proof: .federatedTokenFile("/var/run/token"))
        #expect(file.tokenCacheMaterial != secret("/var/run/token").tokenCacheMaterial)
        func key(_ credential: any AzureTokenCredential, resource: String = "https://management.core.windows.net/")
            -> String
        {
            AzureTokenCacheKey(
                cloud: "AzureCloud", authority: "https://login.microsoftonline.com", tenant: "t", client: "c",
                resource: resource, kind: credential.kind, material: credential.tokenCacheMaterial
            ).entryName
        }
        #expect(key(secret("a")) != key(secret("b")))
        #expect(key(secret("a")) != key(secret("a"), resource: "https://management.core.usgovcloudapi.net/"))
        #expect(key(secret("a")) == key(secret("a")))
        #expect(key(secret("a")).count == 64)
    }

    @Test("more entries than the cap keep the ones expiring last; expired entries go")
    func pruning() throws {
        let folder = Env.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let file = AzureTokenCacheFile(path: folder + "/c/tokens.json")
        let now = 1_800_000_000.0
        let name = { (index: Int) in SHA256.hex(Array("entry \(index)".utf8)) }
        file.store(
            AzureAccessToken(value: "OLD", expiresOn: now - 1), named: name(-1), now: now - 10, diagnostics: .disabled)
        for index in 0..<(AzureTokenCacheFile.maximumEntries + 10) {
            file.store(
                AzureAccessToken(value: "T\(index)", expiresOn: now + 3600 + Double(index)), named: name(index),
                now: now, diagnostics: .disabled)
        }
        let entries = try file.entries().get()
        #expect(entries.count == AzureTokenCacheFile.maximumEntries)
        #expect(!entries.contains { $0.token.value == "OLD" })
        #expect(!entries.contains { $0.token.value == "T0" })
        #expect(entries.contains { $0.token.value == "T\(AzureTokenCacheFile.maximumEntries + 9)" })
    }

    @Test("a cache folder open to others' writes is not used")
    func openFolder() throws {
        let setup = try Setup()
        defer { setup.remove() }
        try FileManager.default.createDirectory(
            atPath: setup.folder + "/cache/azshim", withIntermediateDirectories: true,
            attributes: [.posixPermissions: 0o777])
        try FileManager.default.setAttributes(
            [.posixPermissions: 0o777], ofItemAtPath: setup.folder + "/cache/azshim")
        let text = try Self.run(setup.environment())
        #expect(
            text.contains(
                "WARNING: The token cache folder '\(setup.folder)/cache/azshim' is not used: its mode is 0777"))
        #expect(!FileManager.default.fileExists(atPath: setup.cacheFile))
    }
}

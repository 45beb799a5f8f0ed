import AzShimSupport
import FakeAzure
import Foundation
import TestSupport
import Testing

/// The token cache between runs of the built binary (issue 15): concurrent processes sharing
/// one cache file lose no entry and never corrupt it, as the emulator's concurrency tests prove
/// for its state file; `-Debug` says where the token came from and never shows it.
@Suite(.serialized)
struct TokenCacheProcessTests {
    static let subscription = "00000000-1111-2222-3333-444444444444"

    /// The client-secret environment for client `client`, ARM and authority at `server`, the
    /// cache under `folder`.
    static func environment(_ server: FakeAzureServer, folder: String, client: String) -> [String: String] {
        [
            "AZURE_TENANT_ID": "tenant-1", "AZURE_CLIENT_ID": client, "AZURE_CLIENT_SECRET": "SUPER-SECRET-VALUE-42",
            "AZURE_SUBSCRIPTION_ID": subscription, "AZURE_RESOURCE_MANAGER_URL": server.baseURL,
            "AZURE_AUTHORITY_HOST": server.baseURL, "XDG_CACHE_HOME": folder + "/cache",
            "AZURE_ENVIRONMENT": "AzureCloud",
        ]
    }

    static func tokenRequests(_ server: FakeAzureServer) -> Int {
        server.requests.filter { $0.path.hasSuffix("/token") }.count
    }

    @Test("20 processes (20 clients) writing one cache at once: 20 entries, valid JSON; the next 20 ask for nothing")
    func concurrentWriters() async throws {
        let harness = Harness()
        defer { harness.remove() }
        let server = try FakeAzureServer()
        defer { server.stop() }
        server.route("/tenant-1/oauth2/v2.0/token", fallback: .token)
        server.route("/subscriptions/", fallback: .keys)
        func round() async throws -> [Harness.Result] {
            try await withThrowingTaskGroup(of: Harness.Result.self) { group in
                for index in 0..<20 {
                    let environment = Self.environment(server, folder: harness.folder, client: "client-\(index)")
                    group.addTask { try harness.runBinary(["rg", "acct\(index)", "Key1"], environment: environment) }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
        }
        let first = try await round()
        #expect(first.allSatisfy { $0.status == 0 }, "\(first.map(\.stderr))")
        #expect(Self.tokenRequests(server) == 20)
        let path = harness.folder + "/cache/azshim/tokens.json"
        let bytes = try #require(FileManager.default.contents(atPath: path))
        let document = try JSONParser.parse(Array(bytes))
        guard case .object(let tokens)? = document["tokens"] else {
            Issue.record("no tokens object")
            return
        }
        #expect(tokens.count == 20)
        let second = try await round()
        #expect(second.allSatisfy { $0.status == 0 })
        #expect(Self.tokenRequests(server) == 20)
        // No temporary file is left beside it.
        let names = try FileManager.default.contentsOfDirectory(atPath: harness.folder + "/cache/azshim")
        #expect(Set(names) == ["tokens.json", "tokens.json.lock"])
    }

    @Test("-Debug says 'token requested', then 'token from cache'; neither run shows the token")
    func debugLines() throws {
        let harness = Harness()
        defer { harness.remove() }
        let server = try FakeAzureServer()
        defer { server.stop() }
        server.route("/tenant-1/oauth2/v2.0/token", fallback: .token)
        server.route("/subscriptions/", fallback: .keys)
        let environment = Self.environment(server, folder: harness.folder, client: "client-1")
        let first = try harness.runBinary(["rg", "acct", "Key1", "-Debug", "-Verbose"], environment: environment)
        let second = try harness.runBinary(["rg", "acct", "Key1", "-Debug", "-Verbose"], environment: environment)
        #expect(first.status == 0 && second.status == 0)
        #expect(first.stderr.contains("DEBUG: token requested"))
        #expect(second.stderr.contains("DEBUG: token from cache"))
        #expect(!second.stderr.contains("token requested"))
        for result in [first, second] {
            #expect(!result.stderr.contains("FAKE-ACCESS-TOKEN"))
            #expect(!result.stdout.contains("FAKE-ACCESS-TOKEN"))
        }
        #expect(Self.tokenRequests(server) == 1)
    }

    @Test("AZSHIM_TOKEN_CACHE that is neither 'off' nor an absolute path is an error before anything runs")
    func badSetting() throws {
        let harness = Harness()
        defer { harness.remove() }
        let result = try harness.runBinary(
            ["rg", "acct", "Key1"], environment: ["AZSHIM_TOKEN_CACHE": "relative/t.json"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("AZSHIM_TOKEN_CACHE 'relative/t.json' is not valid"))
    }
}

import AzShimSupport
import AzureCognitiveServices
import FakeAzure
import Foundation
import PowerShellHost
import Synchronization
import Testing

/// `New-AzCognitiveServicesAccountKey --throttle-limit N` against the loopback fake and the
/// emulator: the same output as sequentially, one token, one connection per worker, and a 429
/// pausing every worker.
@Suite(.serialized)
struct ThrottleLimitAzureTests {
    static let accountPath =
        "/subscriptions/\(AzureTestEnvironment.subscription)/resourceGroups/rg/providers/Microsoft.CognitiveServices/accounts/"

    /// Keys that name the account, answered after a random 0–3 ms; `missing…` accounts get 404.
    static func serveKeys(_ server: FakeAzureServer) {
        server.route("/tenant-1/oauth2/v2.0/token", fallback: .token)
        server.route(accountPath) { request in
            let account = request.path.dropFirst(accountPath.count).split(separator: "/").first.map(String.init) ?? ""
            let delay = Double.random(in: 0...0.003)
            if account.hasPrefix("missing") {
                return .json(
                    404,
                    #"{"error":{"code":"ResourceNotFound","message":"The Resource 'Microsoft.CognitiveServices/accounts/\#(account)' under resource group 'rg' was not found."}}"#,
                    delay: delay)
            }
            return .json(200, #"{"key1":"KEY1-OF-\#(account)","key2":"KEY2-OF-\#(account)"}"#, delay: delay)
        }
    }

    /// 120 objects: accounts, 404s, client-side validation failures, objects that do not bind.
    static let input: String = (0..<120).map { index -> String in
        if index % 9 == 4 { return #"{"ResourceGroupName":"rg","Name":"missing\#(index)"}"# }
        if index % 13 == 7 { return #"{"ResourceGroupName":"rg","Name":"x"}"# }
        if index % 17 == 2 { return #"{"ResourceGroupName":"rg"}"# }
        return #"{"ResourceGroupName":"rg","Name":"acct\#(index)"}"#
    }.joined(separator: "\n")

    @Test(
        "N=8 writes the same keys and errors in input order as N=1, with one token and at most one connection per worker"
    )
    func sameAsSequential() throws {
        let server = try FakeAzureServer()
        defer { server.stop() }
        Self.serveKeys(server)
        let environment = AzureTestEnvironment.clientSecret(server)
        let arguments = ["-KeyName", "Key1", "--output", "json"]
        let sequential = AzureCmdletTests.run(arguments, environment: environment, stdin: Self.input)
        let before = (requests: server.requests.count, connections: server.connectionsAccepted)
        let parallel = AzureCmdletTests.run(
            arguments + ["--throttle-limit", "8"], environment: environment, stdin: Self.input)
        #expect(parallel.stdout == sequential.stdout)
        #expect(parallel.stderr == sequential.stderr)
        #expect(parallel.status == 1)
        #expect(sequential.status == 1)
        let accounts = (0..<120).filter { $0 % 9 != 4 && $0 % 13 != 7 && $0 % 17 != 2 }
        #expect(
            parallel.stdout
                == accounts.map { #"{"Key1":"KEY1-OF-acct\#($0)","Key2":"KEY2-OF-acct\#($0)"}"# + "\n" }.joined())
        #expect(parallel.stderr.contains("missing4"))
        let later = server.requests.dropFirst(before.requests)
        #expect(later.filter { $0.path.hasSuffix("/token") }.count == 1)
        #expect(server.connectionsAccepted - before.connections <= 8)
    }

    /// The account names in the order stderr mentions them, a run of mentions counted once.
    static func accountsMentioned(_ stderr: String) -> [String] {
        var names: [String] = []
        for line in stderr.split(separator: "\n") {
            guard let range = line.range(of: #"(acct|missing)[0-9]+"#, options: .regularExpression) else { continue }
            let name = String(line[range])
            if names.last != name { names.append(name) }
        }
        return names
    }

    @Test(
        "-Debug with N=8: each object's HTTP trace lines (made on a worker) are written with that object, in input order"
    )
    func debugLinesStayWithTheirObject() throws {
        let server = try FakeAzureServer()
        defer { server.stop() }
        Self.serveKeys(server)
        let environment = AzureTestEnvironment.clientSecret(server)
        let arguments = ["-KeyName", "Key1", "--output", "json", "-Debug", "--throttle-limit", "8"]
        let parallel = AzureCmdletTests.run(arguments, environment: environment, stdin: Self.input)
        #expect(parallel.status == 1)
        let sent = (0..<120).compactMap { index -> String? in
            if index % 9 == 4 { return "missing\(index)" }
            return index % 13 == 7 || index % 17 == 2 ? nil : "acct\(index)"
        }
        // Every request's lines and its 404 error form one run per account, in input order: a
        // line routed to another object's output would break a run or the order.
        #expect(Self.accountsMentioned(parallel.stderr) == sent)
        #expect(parallel.stderr.contains("DEBUG: ============================ HTTP REQUEST"))
        #expect(parallel.stderr.components(separatedBy: "HTTP REQUEST").count - 1 == sent.count + 1)
    }

    @Test("a 429 with Retry-After pauses every worker, not just the one that got it")
    func throttlingPausesAll() throws {
        let server = try FakeAzureServer()
        defer { server.stop() }
        server.route("/tenant-1/oauth2/v2.0/token", fallback: .token)
        // The 20th ARM request gets `429, retry-after-ms: 1000`; every arrival is timed.
        let log = Mutex<(count: Int, throttledAt: ContinuousClock.Instant?, arrivals: [ContinuousClock.Instant])>(
            (0, nil, []))
        server.route(Self.accountPath) { _ in
            let now = ContinuousClock.now
            let throttle = log.withLock { state -> Bool in
                state.count += 1
                state.arrivals.append(now)
                if state.count == 20 {
                    state.throttledAt = now
                    return true
                }
                return false
            }
            if throttle {
                return .json(
                    429, #"{"error":{"code":"TooManyRequests","message":"slow down"}}"#,
                    headers: [("retry-after-ms", "1000")])
            }
            return .keys
        }
        let input = (0..<200).map { #"{"ResourceGroupName":"rg","Name":"acct\#($0)"}"# }.joined(separator: "\n")
        let result = AzureCmdletTests.run(
            ["-KeyName", "Key1", "--output", "json", "--throttle-limit", "8"],
            environment: AzureTestEnvironment.clientSecret(server),
            stdin: input)
        #expect(result.status == 0)
        #expect(result.stderr == "")
        #expect(result.stdout.split(separator: "\n").count == 200)
        let state = log.withLock { $0 }
        #expect(state.count == 201)
        let throttledAt = try #require(state.throttledAt)
        // Only requests already on their way when the 429 was answered may arrive during the
        // pause: about one per other worker, two each if the 429's worker is slow to be scheduled
        // (14). Without a shared pause the other 7 workers send all the 180 left in far less than
        // the second: the bound of 60 leaves room for a loaded machine and still tells them apart.
        let duringPause = state.arrivals.filter { $0 > throttledAt && $0 < throttledAt + .milliseconds(950) }
        #expect(duringPause.count <= 60, "\(duringPause.count) requests arrived during the pause")
    }

    @Test(
        "the emulator under N=8: every account's stored keys are the ones printed (no lost update within one process)")
    func emulatorConcurrent() throws {
        let folder = AzureTestEnvironment.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let state = folder + "/emulator.json"
        let environment = ["AZURE_ENVIRONMENT": "Emulator", "AZSHIM_EMULATOR_STATE": state, "HOME": folder]
        let input = (0..<40).map { #"{"ResourceGroupName":"rg","Name":"acct\#($0)"}"# }.joined(separator: "\n")
        let result = AzureCmdletTests.run(
            ["-KeyName", "Key1", "--output", "json", "--throttle-limit", "8"], environment: environment, stdin: input)
        #expect(result.status == 0)
        #expect(result.stderr == "")
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count == 40)
        let stored = try JSONParser.parse(Array(try Data(contentsOf: URL(fileURLWithPath: state))))
        for (index, line) in lines.enumerated() {
            let printed = try JSONParser.parse(Array(line.utf8))
            let entry = stored["accounts"]?["\(AzureSessionDefaults.emulatorSubscription)/rg/acct\(index)"]
            #expect(entry?["key1"]?.stringValue == printed["Key1"]?.stringValue)
            #expect(entry?["key2"]?.stringValue == printed["Key2"]?.stringValue)
        }
    }
}

enum AzureSessionDefaults {
    /// The subscription the emulator files accounts under when `AZURE_SUBSCRIPTION_ID` is unset.
    static let emulatorSubscription = "00000000-0000-0000-0000-000000000000"
}

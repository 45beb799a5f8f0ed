import AzShimSupport
import FakeAzure
import Foundation
import HTTP1
import Synchronization

@testable import AzureCognitiveServices

#if canImport(Glibc)
    import Glibc
#endif

/// A clock that never waits: `sleep` advances `now` and records the wait.
///
/// Example: after a 429 with `Retry-After: 7`, `clock.sleeps == [7]`.
final class FakeClock: AzureClock, @unchecked Sendable {
    private let state = Mutex<(now: Double, sleeps: [Double])>((1_700_000_000, []))
    func now() -> Double { state.withLock { $0.now } }
    var sleeps: [Double] { state.withLock { $0.sleeps } }
    func sleep(for span: Duration, cancellation: Cancellation) throws(ARMTransportError) {
        if cancellation.isCancelled { throw .cancelled }
        let seconds = span.inSeconds
        state.withLock { s in
            s.now += seconds
            s.sleeps.append(seconds)
        }
    }
}

/// Collects diagnostics.
final class DiagnosticsCollector: @unchecked Sendable {
    private let messages = Mutex<[AzureDiagnostic]>([])
    var all: [AzureDiagnostic] { messages.withLock { $0 } }
    var text: String {
        all.map { message -> String in
            switch message {
            case .verbose(let text): "VERBOSE: " + text
            case .debug(let text): "DEBUG: " + text
            case .verboseWarning(let text), .warning(let text): "WARNING: " + text
            }
        }.joined(separator: "\n")
    }
    var diagnostics: AzureDiagnostics {
        AzureDiagnostics(verbose: true, debug: true) { [self] message in messages.withLock { $0.append(message) } }
    }
}

enum AzureTestEnvironment {
    static let clientSecret = "SUPER-SECRET-VALUE-42"
    static let subscription = "00000000-1111-2222-3333-444444444444"

    /// Client-secret variables pointing both ARM and the authority at `server`.
    static func clientSecret(_ server: FakeAzureServer, _ extra: [String: String] = [:]) -> [String: String] {
        [
            "AZURE_TENANT_ID": "tenant-1", "AZURE_CLIENT_ID": "client-1", "AZURE_CLIENT_SECRET": clientSecret,
            "AZURE_SUBSCRIPTION_ID": subscription, "AZURE_RESOURCE_MANAGER_URL": server.baseURL,
            "AZURE_AUTHORITY_HOST": server.baseURL, "HOME": "/nonexistent-home",
        ].merging(extra) { $1 }
    }

    static func regenerate(_ transport: any ARMTransport, key: String = "Key1", account: String = "acct")
        throws(ARMTransportError) -> ARMResponse
    {
        try transport.send(
            ARMRequest(
                method: "POST",
                pathSegments: [
                    "subscriptions", subscription, "resourceGroups", "rg", "providers", "Microsoft.CognitiveServices",
                    "accounts", account, "regenerateKey",
                ],
                apiVersion: "2024-10-01", body: Array(#"{"keyName":"\#(key)"}"#.utf8)))
    }

    /// The transport of an `.azure` choice, or a test failure.
    static func transport(_ choice: AzureBackendChoice) throws -> (any ARMTransport, AzureConnectionDescription) {
        guard case .azure(let transport, let description) = choice else {
            throw TestFailure("expected the Azure backend, got \(choice)")
        }
        return (transport, description)
    }

    static func arm(_ transport: any ARMTransport) -> AzureResourceManagerTransport? {
        (transport as? AzureRetryingTransport)?.inner as? AzureResourceManagerTransport
    }

    /// A loopback port nothing listens on.
    static func closedPort() -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        _ = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        close(fd)
        return Int(UInt16(bigEndian: address.sin_port))
    }

    static func temporaryDirectory() -> String {
        let path = NSTemporaryDirectory() + "azshim-test-" + UUID().uuidString
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }
}

struct TestFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

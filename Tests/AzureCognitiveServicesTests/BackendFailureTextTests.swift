import AzShimSupport
import FakeAzure
import Foundation
import PowerShellHost
import Testing

@testable import AzureCognitiveServices

/// The credential's and the emulator's failures are their own types (`AuthenticationError`,
/// `EmulatorFailure`) carried by `ARMTransportError`; `ARMErrorMessages` renders them. One row
/// per text that no other test pins: the exact message, the category and the error id, produced
/// by the real backend (a fake `az`, a corrupt state file, a closed port).
@Suite struct BackendFailureTextTests {
    typealias Env = AzureTestEnvironment

    struct Row: Sendable, CustomTestStringConvertible {
        let name: String
        /// The environment for `AzureConfigurationResolver.resolve` (nil: the emulator on `state`).
        let environment: @Sendable () throws -> [String: String]
        let expected: @Sendable (_ environment: [String: String]) -> String
        let category: ErrorRecord.Category
        var testDescription: String { name }
    }

    static func cli(stdout: String, stderr: String = "", status: Int = 0) -> @Sendable () throws -> [String: String] {
        {
            var environment = try AzureCredentialTests().fakeCLI(stdout: stdout, stderr: stderr, status: status)
            environment["AZURE_SUBSCRIPTION_ID"] = Env.subscription
            environment["AZURE_RESOURCE_MANAGER_URL"] = "http://127.0.0.1:\(Env.closedPort())"
            return environment
        }
    }

    static let rows: [Row] = [
        Row(
            name: "az prints no token", environment: cli(stdout: "{}"),
            expected: { _ in "Azure CLI authentication failed: 'az account get-access-token' printed no accessToken" },
            category: .authenticationError),
        Row(
            name: "az fails with its own words",
            environment: cli(stdout: "", stderr: "ERROR: The subscription is disabled.", status: 2),
            expected: { _ in "Azure CLI authentication failed: ERROR: The subscription is disabled." },
            category: .authenticationError),
        Row(
            name: "az is not on PATH",
            environment: {
                var environment = try cli(stdout: "{}")()
                environment["PATH"] = "/nonexistent"
                return environment
            },
            expected: { _ in
                "Azure CLI authentication failed: the Azure CLI ('az') was not found on PATH. Install it, or configure another credential."
            },
            category: .authenticationError),
        Row(
            name: "the token endpoint does not answer",
            environment: {
                let port = Env.closedPort()
                return [
                    "AZURE_TENANT_ID": "tenant-1", "AZURE_CLIENT_ID": "client-1", "AZURE_CLIENT_SECRET": "S-1",
                    "AZURE_SUBSCRIPTION_ID": Env.subscription, "AZURE_RESOURCE_MANAGER_URL": "http://127.0.0.1:\(port)",
                    "AZURE_AUTHORITY_HOST": "http://127.0.0.1:\(port)", "HOME": "/nonexistent-home",
                    "AZSHIM_TOKEN_CACHE": "off",
                ]
            },
            expected: { environment in
                let origin = environment["AZURE_AUTHORITY_HOST"] ?? ""
                return
                    "Client secret authentication for client 'client-1' at \(origin) failed: cannot connect to \(origin): Connection refused"
            },
            category: .authenticationError),
    ]

    @Test("an authentication failure renders as before", arguments: rows)
    func authentication(_ row: Row) throws {
        let environment = try row.environment()
        let (transport, _) = try Env.transport(
            AzureConfigurationResolver.resolve(environment: environment, defaultProfilePath: nil))
        let error = #expect(throws: ARMTransportError.self) { try Env.regenerate(transport) }
        guard case .authentication? = error else {
            Issue.record("not an AuthenticationError: \(String(describing: error))")
            return
        }
        let record = try #require(error.map { ARMErrorMessages.record(for: $0) })
        #expect(record.message == row.expected(environment))
        #expect(record.category == row.category)
        #expect(record.errorId == "ARMRequestFailed")
    }

    @Test("a state file that is JSON but not the emulator's is an EmulatorFailure, rendered as before")
    func emulatorShape() throws {
        let folder = Env.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/emulator.json"
        try "{}".write(toFile: path, atomically: true, encoding: .utf8)
        let error = #expect(throws: ARMTransportError.self) {
            try Env.regenerate(EmulatorBackend(stateFilePath: path, autocreate: true))
        }
        guard case .emulator(.corrupt(path, .shape))? = error else {
            Issue.record("not an EmulatorFailure: \(String(describing: error))")
            return
        }
        let record = try #require(error.map { ARMErrorMessages.record(for: $0) })
        #expect(
            record.message
                == "The emulator state file '\(path)' is not an AzShim state file: it has no \"accounts\" object. It was left unchanged; repair or remove it."
        )
        #expect(record.category == .closeError)
        #expect(record.errorId == "ARMRequestFailed")
        // As a clause (a failure inside another message), the same words.
        #expect(ARMErrorMessages.reason(try #require(error)) == record.message)
    }
}

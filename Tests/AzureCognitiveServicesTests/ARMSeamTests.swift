import PowerShellHost
import Testing

@testable import AzureCognitiveServices

/// The ARM seam's data and the error texts Az renders for ARM failures (azure-semantics §1.7, §4.1).
struct ARMSeamTests {
    @Test("path segments are percent-encoded as URL path segments")
    func encodedPath() {
        let request = ARMRequest(
            method: "POST", pathSegments: ["subscriptions", "s", "resourceGroups", "my rg(1)", "accounts", "grüße"],
            apiVersion: "2024-10-01")
        #expect(request.encodedPath == "/subscriptions/s/resourceGroups/my%20rg%281%29/accounts/gr%C3%BC%C3%9Fe")
    }

    @Test(
        "a non-200 status renders as Az's ErrorResponseException message",
        arguments: [
            (
                404, #"{"error":{"code":"ResourceGroupNotFound","message":"Resource group 'x' could not be found."}}"#,
                "Operation returned an invalid status code 'NotFound'\nResource group 'x' could not be found."
            ),
            (
                403, #"{"error":{"code":"AuthorizationFailed","message":"no"}}"#,
                "Operation returned an invalid status code 'Forbidden'\nno"
            ),
            (429, "", "Operation returned an invalid status code 'TooManyRequests'"),
            (500, "<html>oops</html>", "Operation returned an invalid status code 'InternalServerError'"),
            (499, "{}", "Operation returned an invalid status code '499'"),
        ])
    func statusMessages(_ status: Int, _ body: String, _ expected: String) {
        let record = ARMErrorMessages.record(for: ARMResponse(statusCode: status, json: body))
        #expect(record.message == expected)
        #expect(record.category == .closeError)
    }

    @Test("the state file round-trips and keeps account order")
    func stateRoundTrip() throws {
        var state = EmulatorState()
        state["s/rg/b"] = .init(resourceGroup: "rg", name: "b", key1: "1", key2: "2")
        state["s/rg/a"] = .init(resourceGroup: "rg", name: "a", key1: "3", key2: "4")
        let parsed = try EmulatorState(parsing: state.serialized)
        #expect(parsed == state)
        #expect(parsed.accounts.map(\.id) == ["s/rg/b", "s/rg/a"])
    }

    @Test("the emulator answers unknown routes with ARM-shaped 404s and bad bodies with 400")
    func emulatorRoutes() throws {
        let path = "/tmp/azshim-seam-\(UInt32.random(in: 0...UInt32.max))/state.json"
        let emulator = EmulatorBackend(stateFilePath: path, autocreate: true)
        let bad = try emulator.send(ARMRequest(method: "GET", pathSegments: ["subscriptions"], apiVersion: "v"))
        #expect(bad.statusCode == 404)
        let segments = [
            "subscriptions", "s", "resourceGroups", "rg", "providers", "Microsoft.CognitiveServices", "accounts",
            "acct",
        ]
        let badBody = try emulator.send(
            ARMRequest(
                method: "POST", pathSegments: segments + ["regenerateKey"], apiVersion: "v", body: Array("{}".utf8)))
        #expect(badBody.statusCode == 400)
        // A read never creates an account: listKeys of an unknown one is ARM's 404 even with
        // autocreate; a regeneration creates it.
        let listKeys = ARMRequest(method: "POST", pathSegments: segments + ["listKeys"], apiVersion: "v")
        #expect(try emulator.send(listKeys).statusCode == 404)
        let body = Array(#"{"keyName":"Key1"}"#.utf8)
        _ = try emulator.send(
            ARMRequest(method: "POST", pathSegments: segments + ["regenerateKey"], apiVersion: "v", body: body))
        let listed = try emulator.send(
            ARMRequest(method: "POST", pathSegments: segments + ["listKeys"], apiVersion: "v"))
        let again = try emulator.send(
            ARMRequest(method: "POST", pathSegments: segments + ["listKeys"], apiVersion: "v"))
        #expect(listed.statusCode == 200 && listed.body == again.body)
    }

    @Test("emulator keys are 32 lowercase hexadecimal characters and differ")
    func keys() {
        let keys = (0..<100).map { _ in EmulatorBackend.newKey() }
        #expect(keys.allSatisfy { $0.count == 32 && $0.allSatisfy { "0123456789abcdef".contains($0) } })
        #expect(Set(keys).count == 100)
    }
}

import FakeAzure
import Foundation
import HTTP1
import PowerShellHost
import Synchronization
import Testing

@testable import AzureCognitiveServices

/// An `ARMTransport` that records requests and answers from a closure.
final class ScriptedTransport: ARMTransport, @unchecked Sendable {
    private let recorded = Mutex<[ARMRequest]>([])
    private let answer: @Sendable (ARMRequest) throws(ARMTransportError) -> ARMResponse

    init(_ answer: @escaping @Sendable (ARMRequest) throws(ARMTransportError) -> ARMResponse) {
        self.answer = answer
    }

    var requests: [ARMRequest] { recorded.withLock { $0 } }

    func send(_ request: ARMRequest, diagnostics: AzureDiagnostics) throws(ARMTransportError) -> ARMResponse {
        recorded.withLock { $0.append(request) }
        return try answer(request)
    }
}

/// Get-AzCognitiveServicesAccount's operations in the client (az-cognitiveservices-module.md
/// §2.2): the GETs Az sends, lists page by page through `nextLink` (only on the same Resource
/// Manager endpoint), Az's errors, and the SDK's validation before any request.
@Suite struct AccountListingTests {
    typealias Env = AzureTestEnvironment
    static let subscription = Env.subscription

    static func client(_ transport: any ARMTransport) -> CognitiveServicesClient {
        CognitiveServicesClient(transport: transport, subscription: subscription, apiVersion: "2024-10-01")
    }

    static func accountJSON(_ name: String, group: String = "rg") -> String {
        #"{"id":"/subscriptions/\#(subscription)/resourceGroups/\#(group)/providers/Microsoft.CognitiveServices/accounts/\#(name)","name":"\#(name)","properties":{}}"#
    }

    struct PathCase: Sendable, CustomTestStringConvertible {
        let listing: CognitiveServicesClient.AccountListing
        let path: [String]
        var testDescription: String { "\(listing)" }
    }

    @Test(
        "each list is the GET Az sends",
        arguments: [
            PathCase(
                listing: .subscription,
                path: ["subscriptions", subscription, "providers", "Microsoft.CognitiveServices", "accounts"]),
            PathCase(
                listing: .resourceGroup("my-rg(1)"),
                path: [
                    "subscriptions", subscription, "resourceGroups", "my-rg(1)", "providers",
                    "Microsoft.CognitiveServices", "accounts",
                ]),
            PathCase(
                listing: .deleted,
                path: ["subscriptions", subscription, "providers", "Microsoft.CognitiveServices", "deletedAccounts"]),
        ])
    func listPaths(_ row: PathCase) throws {
        let transport = ScriptedTransport { _ in ARMResponse(statusCode: 200, json: #"{"value":[]}"#) }
        var pages = 0
        try Self.client(transport).listAccounts(row.listing) { accounts in
            pages += 1
            #expect(accounts.isEmpty)
            return .fetchNext
        }
        #expect(pages == 1)
        #expect(transport.requests == [ARMRequest(method: "GET", pathSegments: row.path, apiVersion: "2024-10-01")])
    }

    @Test("one account and one soft-deleted account are the GETs Az sends")
    func getPaths() throws {
        let transport = ScriptedTransport { request in
            ARMResponse(statusCode: 200, json: Self.accountJSON(request.pathSegments.last ?? ""))
        }
        let account = try Self.client(transport).account(resourceGroup: "rg", name: "myluis")
        #expect(account.accountName == "myluis" && account.resourceGroupName == "rg")
        _ = try Self.client(transport).deletedAccount(location: "westus", resourceGroup: "rg", name: "gone")
        #expect(
            transport.requests.map(\.pathSegments) == [
                [
                    "subscriptions", Self.subscription, "resourceGroups", "rg", "providers",
                    "Microsoft.CognitiveServices", "accounts", "myluis",
                ],
                [
                    "subscriptions", Self.subscription, "providers", "Microsoft.CognitiveServices", "locations",
                    "westus",
                    "resourceGroups", "rg", "deletedAccounts", "gone",
                ],
            ])
        #expect(transport.requests.allSatisfy { $0.method == "GET" && $0.body == nil && $0.nextLink == nil })
    }

    @Test("pages are handed over as they arrive, in order; next links are requested verbatim; the last page has none")
    func paging() throws {
        let links = [
            "https://management.azure.com/next?api-version=2024-10-01&%24skipToken=2",
            "https://management.azure.com/next?api-version=2024-10-01&%24skipToken=4",
        ]
        let transport = ScriptedTransport { request in
            let page: Int =
                switch request.nextLink {
                case links[0]: 1
                case links[1]: 2
                default: 0
                }
            let names = page == 2 ? ["a4"] : ["a\(page * 2)", "a\(page * 2 + 1)"]
            let next = page < 2 ? #","nextLink":"\#(links[page])""# : ""
            return ARMResponse(
                statusCode: 200,
                json: #"{"value":["# + names.map { Self.accountJSON($0) }.joined(separator: ",") + "]" + next + "}")
        }
        var seen: [[String]] = []
        try Self.client(transport).listAccounts(.resourceGroup("rg")) { accounts in
            seen.append(accounts.compactMap(\.accountName))
            // Each page is delivered before the next one is requested.
            #expect(transport.requests.count == seen.count)
            return .fetchNext
        }
        #expect(seen == [["a0", "a1"], ["a2", "a3"], ["a4"]])
        #expect(transport.requests.map(\.nextLink) == [nil] + links)
        #expect(transport.requests.dropFirst().allSatisfy { $0.method == "GET" && $0.pathSegments.isEmpty })
    }

    @Test("a caller that stops gets no further request")
    func stops() throws {
        let transport = ScriptedTransport { _ in
            ARMResponse(
                statusCode: 200,
                json: #"{"value":[\#(Self.accountJSON("a"))],"nextLink":"https://management.azure.com/more"}"#)
        }
        var pages = 0
        try Self.client(transport).listAccounts(.subscription) { _ in
            pages += 1
            return .stop
        }
        #expect(pages == 1 && transport.requests.count == 1)
    }

    @Test("a next link that repeats one already followed is an error, not an endless loop")
    func repeatedLink() {
        let transport = ScriptedTransport { _ in
            ARMResponse(statusCode: 200, json: #"{"value":[],"nextLink":"https://management.azure.com/again"}"#)
        }
        #expect(
            performing: { try Self.client(transport).listAccounts(.subscription) { _ in .fetchNext } },
            throws: { error in
                (error as? ErrorRecord)?.message
                    == "The next page link of the list repeats one already followed ('https://management.azure.com/again'); AzShim stops rather than read the same pages forever."
            })
        #expect(transport.requests.count == 2)
    }

    struct FailureCase: Sendable, CustomTestStringConvertible {
        let response: ARMResponse
        let message: String
        let testDescription: String
    }

    @Test(
        "a status other than 200, or a page Az cannot read, is Az's error",
        arguments: [
            FailureCase(
                response: ARMResponse(
                    statusCode: 404,
                    json:
                        #"{"error":{"code":"ResourceGroupNotFound","message":"Resource group 'nope' could not be found."}}"#
                ),
                message:
                    "Operation returned an invalid status code 'NotFound'\nResource group 'nope' could not be found.",
                testDescription: "404"),
            FailureCase(
                response: ARMResponse(statusCode: 200, json: #"{"value":{}}"#),
                message: "Unable to deserialize the response.",
                testDescription: "value is not an array"),
            FailureCase(
                response: ARMResponse(statusCode: 200, json: #"{"value":[],"nextLink":7}"#),
                message: "Unable to deserialize the response.", testDescription: "nextLink is not a string"),
            FailureCase(
                response: ARMResponse(statusCode: 200, json: "<html>"), message: "Unable to deserialize the response.",
                testDescription: "not JSON"),
        ])
    func failures(_ row: FailureCase) {
        let transport = ScriptedTransport { _ in row.response }
        #expect(
            performing: { try Self.client(transport).listAccounts(.resourceGroup("nope")) { _ in .fetchNext } },
            throws: { error in
                (error as? ErrorRecord)?.message == row.message
            })
    }

    @Test("a missing value is an empty page; a null or empty nextLink ends the list")
    func emptyPages() throws {
        for body in [#"{}"#, #"{"value":null,"nextLink":null}"#, #"{"value":[],"nextLink":""}"#] {
            let transport = ScriptedTransport { _ in ARMResponse(statusCode: 200, json: body) }
            var pages = 0
            try Self.client(transport).listAccounts(.subscription) { accounts in
                pages += 1
                #expect(accounts.isEmpty)
                return .fetchNext
            }
            #expect(pages == 1 && transport.requests.count == 1)
        }
    }

    struct ValidationCase: Sendable, CustomTestStringConvertible {
        let resourceGroup: String
        let name: String?
        let message: String?
        var testDescription: String { "\(resourceGroup) \(name ?? "(list)")" }
    }

    @Test(
        "names are validated as the SDK does, before any request; a list validates only the resource group",
        arguments: [
            ValidationCase(
                resourceGroup: "rg", name: "a", message: "'accountName' is less than minimum length of '2'."),
            ValidationCase(
                resourceGroup: "rg", name: "-bad",
                message: "'accountName' does not match expected pattern '^[a-zA-Z0-9][a-zA-Z0-9_.-]*$'."),
            ValidationCase(
                resourceGroup: String(repeating: "r", count: 91), name: "ok",
                message: "'resourceGroupName' exceeds maximum length of '90'."),
            ValidationCase(
                resourceGroup: "r/g", name: nil,
                message: "'resourceGroupName' does not match expected pattern '^[-\\w\\._\\(\\)]+$'."),
            ValidationCase(
                resourceGroup: String(repeating: "r", count: 91), name: nil,
                message: "'resourceGroupName' exceeds maximum length of '90'."),
            ValidationCase(resourceGroup: "rg(1).x", name: nil, message: nil),
        ])
    func validation(_ row: ValidationCase) {
        let transport = ScriptedTransport { _ in ARMResponse(statusCode: 200, json: #"{"value":[]}"#) }
        let client = Self.client(transport)
        do {
            if let name = row.name {
                _ = try client.account(resourceGroup: row.resourceGroup, name: name)
                _ = try client.deletedAccount(location: "westus", resourceGroup: row.resourceGroup, name: name)
            } else {
                try client.listAccounts(.resourceGroup(row.resourceGroup)) { _ in .fetchNext }
            }
            #expect(row.message == nil)
        } catch {
            #expect(error.message == row.message)
            #expect(transport.requests.isEmpty)
        }
    }

    // MARK: - Against the loopback fake of ARM

    func makeTransport(_ server: FakeAzureServer) throws -> any ARMTransport {
        server.route("/tenant-1/oauth2/v2.0/token", fallback: .token)
        return try Env.transport(
            AzureConfigurationResolver.resolve(
                environment: Env.clientSecret(server), defaultProfilePath: nil, diagnostics: .disabled,
                clock: FakeClock())
        ).0
    }

    @Test("250 accounts over HTTP: three pages, each next link requested verbatim with the token")
    func pagingOverHTTP() throws {
        let server = try FakeAzureServer()
        defer { server.stop() }
        server.serveAccounts(FakeAccountCatalog(subscription: Self.subscription, count: 250, pageSize: 100))
        let client = Self.client(try makeTransport(server))
        var sizes: [Int] = []
        var names: [String] = []
        try client.listAccounts(.subscription) { accounts in
            sizes.append(accounts.count)
            names += accounts.compactMap(\.accountName)
            return .fetchNext
        }
        #expect(sizes == [100, 100, 50])
        #expect(names == (0..<250).map { "acct" + String(repeating: "0", count: 3 - String($0).count) + String($0) })
        let arm = server.requests.filter { $0.path.hasPrefix("/subscriptions/") }
        #expect(
            arm.map(\.target) == [
                "/subscriptions/\(Self.subscription)/providers/Microsoft.CognitiveServices/accounts?api-version=2024-10-01",
                "/subscriptions/\(Self.subscription)/providers/Microsoft.CognitiveServices/accounts?api-version=2024-10-01&%24skipToken=100",
                "/subscriptions/\(Self.subscription)/providers/Microsoft.CognitiveServices/accounts?api-version=2024-10-01&%24skipToken=200",
            ])
        #expect(
            arm.allSatisfy {
                $0.method == "GET" && $0.headers["Authorization"] == "Bearer FAKE-ACCESS-TOKEN-0123456789"
            }
        )
        #expect(server.requests.filter { $0.path.hasSuffix("/token") }.count == 1)
    }

    @Test(
        "a next link to another host, scheme or port is not followed: nothing is sent there, and the list ends in an error",
        arguments: ["http://127.0.0.2:1", "https://127.0.0.1", "http://localhost", "https://elsewhere.example"])
    func foreignNextLink(_ origin: String) throws {
        let server = try FakeAzureServer()
        defer { server.stop() }
        server.serveAccounts(
            FakeAccountCatalog(subscription: Self.subscription, count: 3, pageSize: 2, nextLinkOrigin: origin))
        let client = Self.client(try makeTransport(server))
        var pages = 0
        #expect(
            performing: {
                try client.listAccounts(.subscription) { _ in
                    pages += 1
                    return .fetchNext
                }
            },
            throws: { error in
                let record = error as? ErrorRecord
                return record?.message
                    == "The next page of the list is at '\(HTTPURL(origin)?.origin ?? "")', not at the Resource Manager endpoint '\(server.baseURL)'; AzShim sends the access token nowhere else, so it does not follow the link."
            })
        #expect(pages == 1)
        #expect(server.requests.filter { $0.path.hasPrefix("/subscriptions/") }.count == 1)
    }

    @Test(
        "a next link on the endpoint but with spaces or control characters is refused",
        arguments: ["/a b", "/a\r\nX-Evil: 1"])
    func malformedNextLink(_ path: String) throws {
        let resourceManager = try #require(HTTPURL("https://management.azure.com"))
        #expect(
            throws: ARMTransportError.refused(
                reason: ARMErrorMessages.malformedNextLink("https://management.azure.com" + path))
        ) {
            try AzureResourceManagerTransport.nextPageURL(
                "https://management.azure.com" + path, resourceManager: resourceManager)
        }
        let followed = try AzureResourceManagerTransport.nextPageURL(
            "https://MANAGEMENT.azure.com:443/subscriptions/s?api-version=1&%24skipToken=x",
            resourceManager: resourceManager)
        #expect(followed.target == "/subscriptions/s?api-version=1&%24skipToken=x")
    }

    @Test("GET of a missing account over HTTP is Az's 404 text")
    func notFoundOverHTTP() throws {
        let server = try FakeAzureServer()
        defer { server.stop() }
        server.serveAccounts(FakeAccountCatalog(subscription: Self.subscription, count: 3))
        let client = Self.client(try makeTransport(server))
        #expect(try client.account(resourceGroup: "rg", name: "acct1").accountName == "acct1")
        #expect(
            performing: { try client.account(resourceGroup: "rg", name: "nope") },
            throws: { error in
                (error as? ErrorRecord)?.message
                    == "Operation returned an invalid status code 'NotFound'\nThe Resource was not found."
            })
    }
}

import AzShimSupport
import Foundation
import PowerShellHost
import Testing

@testable import AzureCognitiveServices

/// The emulator's accounts: get and list (paged) as ARM answers them, soft-deleted accounts,
/// documented defaults for accounts a key regeneration creates, state files of earlier versions,
/// and reads that never create or change anything.
@Suite struct EmulatorAccountTests {
    static let subscription = AzureSession.emulatorSubscription

    /// A state file written by AzShim before accounts had more than keys (captured from the
    /// build of main at 90ba968: `New-AzCognitiveServicesAccountKey rg myluis Key1`, then
    /// `Other-RG MyTranslator Key2`).
    static let legacyState =
        #"{"accounts":{"00000000-0000-0000-0000-000000000000/rg/myluis":{"resourceGroup":"rg","name":"myluis","key1":"b99209da883b23c72f17eefb8144d0fe","key2":"8bf9b94cba1ad99760d9ceca0eca37fc"},"00000000-0000-0000-0000-000000000000/other-rg/mytranslator":{"resourceGroup":"Other-RG","name":"MyTranslator","key1":"f03a1e00c5636b957b9960c3c74d9ead","key2":"6a16af5823f74d4a7a66067e285955dd"}}}"#
        + "\n"

    static let fixedTime = EmulatorTimestamp(seconds: 1_764_616_646, nanoseconds: 123_456_789)

    struct Setup {
        let folder = AzureTestEnvironment.temporaryDirectory()
        var state: String { folder + "/state/emulator.json" }

        func emulator(pageSize: Int = 100, autocreate: Bool = true) -> EmulatorBackend {
            EmulatorBackend(
                stateFilePath: state, autocreate: autocreate, pageSize: pageSize,
                now: { EmulatorAccountTests.fixedTime })
        }

        func client(pageSize: Int = 100, subscription: String = EmulatorAccountTests.subscription)
            -> CognitiveServicesClient
        {
            CognitiveServicesClient(
                transport: emulator(pageSize: pageSize), subscription: subscription, apiVersion: "2024-10-01")
        }

        func write(_ text: String) throws {
            try FileManager.default.createDirectory(atPath: folder + "/state", withIntermediateDirectories: true)
            try Data(text.utf8).write(to: URL(fileURLWithPath: state))
        }

        var contents: String? {
            FileManager.default.contents(atPath: state).map { String(decoding: $0, as: UTF8.self) }
        }

        func remove() { try? FileManager.default.removeItem(atPath: folder) }
    }

    static func names(_ client: CognitiveServicesClient, _ listing: CognitiveServicesClient.AccountListing) throws
        -> [[String]]
    {
        var pages: [[String]] = []
        try client.listAccounts(listing) { accounts in
            pages.append(accounts.compactMap(\.accountName))
            return .fetchNext
        }
        return pages
    }

    @Test("a state file of the previous version loads: its accounts get the defaults; reading it changes nothing")
    func legacyState() throws {
        let setup = Setup()
        defer { setup.remove() }
        try setup.write(Self.legacyState)
        let client = setup.client()
        let account = try client.account(resourceGroup: "RG", name: "MYLUIS")
        #expect(account.accountName == "myluis" && account.resourceGroupName == "rg")
        #expect(account.accountType == "CognitiveServices" && account.location == "westus")
        #expect(
            account.sku
                == .object(
                    PSObject(
                        typeName: CognitiveServicesModels.sku.typeName,
                        properties: [
                            .init("Name", .string("S0")), .init("Tier", .null), .init("Size", .null),
                            .init("Family", .null), .init("Capacity", .null),
                        ])))
        #expect(account.endpoint == "https://westus.api.cognitive.microsoft.com/")
        #expect(account.tags == nil && account.provisioningState == "Succeeded")
        #expect(
            try client.listKeys(resourceGroup: "Other-RG", account: "MyTranslator")
                == .init(
                    key1: "f03a1e00c5636b957b9960c3c74d9ead", key2: "6a16af5823f74d4a7a66067e285955dd"))
        #expect(try Self.names(client, .subscription) == [["MyTranslator", "myluis"]])
        #expect(setup.contents == Self.legacyState, "a read rewrote the state file")
        // A regeneration rewrites the file in the new format; the other account keeps its keys.
        let keys = try client.regenerateKey(resourceGroup: "rg", account: "myluis", keyName: "Key1")
        #expect(keys.key2 == "8bf9b94cba1ad99760d9ceca0eca37fc" && keys.key1 != "b99209da883b23c72f17eefb8144d0fe")
        #expect(
            try client.listKeys(resourceGroup: "Other-RG", account: "MyTranslator").key1
                == "f03a1e00c5636b957b9960c3c74d9ead")
        #expect(setup.contents?.contains(#""kind":"CognitiveServices","sku":"S0","location":"westus""#) == true)
    }

    @Test("a read never creates an account, even with autocreate on; the state file is not even created")
    func readsNeverCreate() throws {
        let setup = Setup()
        defer { setup.remove() }
        let client = setup.client()
        let notFound =
            "Operation returned an invalid status code 'NotFound'\nThe Resource 'Microsoft.CognitiveServices/accounts/myluis' under resource group 'rg' was not found. For more details please go to https://aka.ms/ARMResourceNotFoundFix"
        #expect(
            performing: { try client.account(resourceGroup: "rg", name: "myluis") },
            throws: { ($0 as? ErrorRecord)?.message == notFound })
        #expect(
            performing: { try client.listKeys(resourceGroup: "rg", account: "myluis") },
            throws: { ($0 as? ErrorRecord)?.message == notFound })
        #expect(try Self.names(client, .subscription) == [[]])
        #expect(try Self.names(client, .resourceGroup("rg")) == [[]])
        #expect(try Self.names(client, .deleted) == [[]])
        #expect(!FileManager.default.fileExists(atPath: setup.state))
    }

    @Test("an account a regeneration creates gets the documented defaults and its creation time")
    func createdDefaults() throws {
        let setup = Setup()
        defer { setup.remove() }
        let client = setup.client()
        _ = try client.regenerateKey(resourceGroup: "Prod", account: "Luis1", keyName: "Key2")
        let account = try client.account(resourceGroup: "prod", name: "luis1")
        #expect(
            account.id
                == "/subscriptions/\(Self.subscription)/resourceGroups/Prod/providers/Microsoft.CognitiveServices/accounts/Luis1"
        )
        #expect(
            account.accountType == "CognitiveServices" && account.location == "westus"
                && account.resourceType == "Microsoft.CognitiveServices/accounts")
        #expect(account.etag?.hasPrefix("\"") == true && account.etag?.count == 38)
        guard case .object(let properties) = account.properties else {
            Issue.record("no properties")
            return
        }
        #expect(properties["DateCreated"] == .string("2025-12-01T19:17:26.1234567Z"))
        #expect(setup.contents?.contains(#""createdAt":"2025-12-01T19:17:26.1234567Z""#) == true)
    }

    @Test("lists come in pages of pageSize in id order, each next link pointing back at the emulator")
    func paging() throws {
        let setup = Setup()
        defer { setup.remove() }
        let client = setup.client(pageSize: 2)
        for (group, name) in [("b", "x1"), ("a", "x2"), ("b", "x3"), ("a", "x4"), ("c", "x5")] {
            _ = try client.regenerateKey(resourceGroup: group, account: name, keyName: "Key1")
        }
        // Another subscription's account is not listed.
        _ = try setup.client(subscription: "other").regenerateKey(resourceGroup: "a", account: "x6", keyName: "Key1")
        #expect(try Self.names(client, .subscription) == [["x2", "x4"], ["x1", "x3"], ["x5"]])
        #expect(try Self.names(client, .resourceGroup("A")) == [["x2", "x4"]])
        #expect(try Self.names(setup.client(subscription: "OTHER"), .subscription) == [["x6"]])
        let first = try setup.emulator(pageSize: 2).send(
            ARMRequest(
                method: "GET",
                pathSegments: [
                    "subscriptions", Self.subscription, "providers", "Microsoft.CognitiveServices", "accounts",
                ], apiVersion: "2024-10-01"))
        let link = try #require(try JSONParser.parse(first.body)["nextLink"]?.stringValue)
        #expect(
            link
                == "https://management.azure.com/subscriptions/\(Self.subscription)/providers/Microsoft.CognitiveServices/accounts?api-version=2024-10-01&%24skipToken=\(Self.subscription)%2Fa%2Fx4"
        )
    }

    @Test("a next link that is not the emulator's is refused")
    func foreignLink() {
        let setup = Setup()
        defer { setup.remove() }
        let link = "https://evil.example/subscriptions/s/providers/Microsoft.CognitiveServices/accounts"
        #expect(
            throws: ARMTransportError.refused(
                reason: ARMErrorMessages.foreignNextLink(link, endpoint: "https://management.azure.com"))
        ) {
            try setup.emulator().send(.nextPage(link))
        }
        #expect(throws: ARMTransportError.self) {
            try setup.emulator().send(
                .nextPage(
                    "https://management.azure.com/subscriptions/s/resourceGroups/rg/providers/Microsoft.CognitiveServices/accounts/a"
                ))
        }
    }

    @Test("seeded accounts carry kind, SKU, location, endpoint and tags; unknown members survive a regeneration")
    func seeded() throws {
        let setup = Setup()
        defer { setup.remove() }
        try setup.write(
            #"{"accounts":{"\#(Self.subscription)/prod/translator":{"resourceGroup":"Prod","name":"translator","key1":"k1","key2":"k2","kind":"TextTranslation","sku":"S1","location":"westeurope","endpoint":"https://translator.cognitiveservices.azure.com/","tags":{"env":"prod","team":"ai"},"createdAt":"2024-01-12T10:20:30.1234567Z","etag":"\"e\"","futureField":[1,2]}},"version":2}"#
        )
        let client = setup.client()
        let account = try client.account(resourceGroup: "prod", name: "translator")
        #expect(account.accountType == "TextTranslation" && account.location == "westeurope")
        #expect(account.endpoint == "https://translator.cognitiveservices.azure.com/")
        #expect(account.tags == [.init("env", .string("prod")), .init("team", .string("ai"))])
        #expect(account.etag == "\"e\"")
        guard case .object(let sku) = account.sku else {
            Issue.record("no SKU")
            return
        }
        #expect(sku["Name"] == .string("S1"))
        _ = try client.regenerateKey(resourceGroup: "prod", account: "translator", keyName: "Key1")
        let rewritten = try #require(setup.contents)
        #expect(rewritten.contains(#""futureField":[1,2]"#) && rewritten.contains(#""version":2"#))
        #expect(rewritten.contains(#""key2":"k2""#) && !rewritten.contains(#""key1":"k1""#))
    }

    @Test("soft-deleted accounts: listed, got by location, invisible to the key operations")
    func deleted() throws {
        let setup = Setup()
        defer { setup.remove() }
        try setup.write(
            #"{"accounts":{},"deletedAccounts":{"\#(Self.subscription)/rg/gone":{"resourceGroup":"rg","name":"gone","key1":"a","key2":"b","location":"eastus","deletionDate":"2026-11-30T08:00:00Z","scheduledPurgeDate":"2027-01-29T08:00:00Z"}}}"#
        )
        let client = setup.client()
        #expect(try Self.names(client, .deleted) == [["gone"]])
        #expect(try Self.names(client, .subscription) == [[]])
        let account = try client.deletedAccount(location: "EastUS", resourceGroup: "rg", name: "gone")
        #expect(
            account.id
                == "/subscriptions/\(Self.subscription)/providers/Microsoft.CognitiveServices/locations/eastus/resourceGroups/rg/deletedAccounts/gone"
        )
        #expect(account.resourceGroupName == "Microsoft.CognitiveServices")
        guard case .object(let properties) = account.properties else {
            Issue.record("no properties")
            return
        }
        #expect(properties["DeletionDate"] == .string("2026-11-30T08:00:00Z"))
        #expect(
            performing: { try client.deletedAccount(location: "westus", resourceGroup: "rg", name: "gone") },
            throws: { error in
                (error as? ErrorRecord)?.message.hasPrefix("Operation returned an invalid status code 'NotFound'")
                    == true
            })
        #expect(throws: ErrorRecord.self) { try client.listKeys(resourceGroup: "rg", account: "gone") }
    }

    @Test(
        "a state file with a badly typed field is an error and is left as it is",
        arguments: [
            (
                #"{"accounts":{"s/rg/a":{"resourceGroup":"rg","name":"a","key1":"1","key2":"2","tags":["x"]}}}"#,
                "has \"tags\" that are not an object"
            ),
            (
                #"{"accounts":{"s/rg/a":{"resourceGroup":"rg","name":"a","key1":"1","key2":"2","sku":{"name":"S0"}}}}"#,
                "has a \"sku\" that is not a string"
            ),
            (#"{"accounts":{},"deletedAccounts":[]}"#, "\"deletedAccounts\" is not an object"),
        ])
    func badShapes(_ text: String, _ reason: String) throws {
        let setup = Setup()
        defer { setup.remove() }
        try setup.write(text)
        #expect(
            performing: { try setup.client().account(resourceGroup: "rg", name: "aa") },
            throws: { error in
                (error as? ErrorRecord)?.message.contains(reason) == true
            })
        #expect(setup.contents == text)
    }

    @Test("timestamps are ARM's round-trip form with seven fractional digits")
    func timestamps() {
        #expect(Self.fixedTime.text == "2025-12-01T19:17:26.1234567Z")
        #expect(EmulatorTimestamp(seconds: 0, nanoseconds: 0).text == "1970-01-01T00:00:00.0000000Z")
        #expect(EmulatorTimestamp(seconds: 951_782_400, nanoseconds: 5).text == "2000-02-29T00:00:00.0000000Z")
        #expect(
            EmulatorTimestamp(seconds: 4_102_444_799, nanoseconds: 999_999_999).text == "2099-12-31T23:59:59.9999999Z")
        #expect(Self.fixedTime.adding(days: 60).text == "2026-01-30T19:17:26.1234567Z")
    }
}

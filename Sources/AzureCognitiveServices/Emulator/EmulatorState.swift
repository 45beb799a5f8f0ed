import AzShimSupport

/// The emulator's accounts, as kept in the state file: one JSON object whose `accounts` (and,
/// optionally, `deletedAccounts`) map `subscription/resourcegroup/account` (lower-cased, as ARM
/// names are case-insensitive) to an account. The README documents the format so users can
/// seed accounts by hand.
///
/// An account needs `resourceGroup`, `name`, `key1` and `key2` (the whole of an account in files
/// written before accounts had more); `kind`, `sku`, `location`, `endpoint`, `tags`,
/// `createdAt`, `etag` and, for deleted accounts, `deletionDate` and `scheduledPurgeDate` are
/// optional (see `Account` for the defaults). Members AzShim does not know are kept as they are
/// when the file is rewritten.
///
/// Example file: `{"accounts":{"00000000-0000-0000-0000-000000000000/rg/myluis":
/// {"resourceGroup":"rg","name":"myluis","key1":"…","key2":"…","kind":"TextTranslation","sku":"S1",
/// "location":"westeurope","tags":{"env":"prod"}}}}`.
package struct EmulatorState: Equatable {
    /// A JSON member kept verbatim.
    struct Member: Equatable {
        var key: String
        var value: JSONValue
    }

    struct Tag: Equatable {
        var name: String
        var value: String
    }

    struct Account: Equatable {
        var resourceGroup: String
        var name: String
        var key1: String
        var key2: String
        /// ARM's `kind` (Az's AccountType).
        var kind = Self.defaultKind
        var sku = Self.defaultSku
        var location = Self.defaultLocation
        /// nil: `https://<location>.api.cognitive.microsoft.com/`.
        var endpoint: String?
        var tags: [Tag] = []
        /// ISO 8601 UTC (`2026-12-01T19:17:26.1234567Z`); nil for accounts from older files.
        var createdAt: String?
        var etag: String?
        var deletionDate: String?
        var scheduledPurgeDate: String?
        var otherMembers: [Member] = []

        static let defaultKind = "CognitiveServices"
        static let defaultSku = "S0"
        static let defaultLocation = "westus"

        /// The endpoint ARM reports.
        var effectiveEndpoint: String { endpoint ?? "https://\(location).api.cognitive.microsoft.com/" }
    }

    struct Entry: Equatable {
        /// `subscription/resourcegroup/account`, lower-cased.
        var id: String
        var account: Account
    }

    var accounts: [Entry] = []
    var deletedAccounts: [Entry] = []
    /// Top-level members AzShim does not know.
    var otherMembers: [Member] = []

    static func id(subscription: String, resourceGroup: String, name: String) -> String {
        "\(subscription)/\(resourceGroup)/\(name)".lowercased()
    }

    subscript(id: String) -> Account? {
        get { accounts.first { $0.id == id }?.account }
        set {
            if let index = accounts.firstIndex(where: { $0.id == id }) {
                if let newValue { accounts[index].account = newValue } else { accounts.remove(at: index) }
            } else if let newValue {
                accounts.append(Entry(id: id, account: newValue))
            }
        }
    }

    /// Why a state file could not be read.
    package enum FormatError: Error, Sendable, Equatable {
        case syntax(JSONParser.SyntaxError)
        case shape(String)
    }

    init() {}

    init(parsing bytes: [UInt8]) throws(FormatError) {
        let document: JSONValue
        do { document = try JSONParser.parse(bytes) } catch { throw .syntax(error) }
        guard case .object(let members) = document, case .object(let accountMembers)? = document["accounts"] else {
            throw .shape("it has no \"accounts\" object")
        }
        accounts = try Self.entries(accountMembers)
        switch document["deletedAccounts"] {
        case nil: break
        case .object(let deleted)?: deletedAccounts = try Self.entries(deleted)
        default: throw .shape("\"deletedAccounts\" is not an object")
        }
        otherMembers = members.filter { $0.key != "accounts" && $0.key != "deletedAccounts" }.map {
            Member(key: $0.key, value: $0.value)
        }
    }

    private static func entries(_ members: [(key: String, value: JSONValue)]) throws(FormatError) -> [Entry] {
        var result: [Entry] = []
        result.reserveCapacity(members.count)
        for (id, value) in members {
            result.append(Entry(id: id, account: try account(id, value)))
        }
        return result
    }

    private static let knownMembers: Set<String> = [
        "resourceGroup", "name", "key1", "key2", "kind", "sku", "location", "endpoint", "tags", "createdAt", "etag",
        "deletionDate", "scheduledPurgeDate",
    ]

    private static func account(_ id: String, _ value: JSONValue) throws(FormatError) -> Account {
        guard case .object(let members) = value, let resourceGroup = value["resourceGroup"]?.stringValue,
            let name = value["name"]?.stringValue, let key1 = value["key1"]?.stringValue,
            let key2 = value["key2"]?.stringValue
        else { throw .shape("the account \"\(id)\" lacks resourceGroup, name, key1 or key2") }
        func text(_ member: String) throws(FormatError) -> String? {
            switch members.first(where: { $0.key == member })?.value {
            case nil, .null?: return nil
            case .string(let text)?: return text
            default: throw .shape("the account \"\(id)\" has a \"\(member)\" that is not a string")
            }
        }
        var account = Account(resourceGroup: resourceGroup, name: name, key1: key1, key2: key2)
        account.kind = try text("kind") ?? Account.defaultKind
        account.sku = try text("sku") ?? Account.defaultSku
        account.location = try text("location") ?? Account.defaultLocation
        account.endpoint = try text("endpoint")
        account.createdAt = try text("createdAt")
        account.etag = try text("etag")
        account.deletionDate = try text("deletionDate")
        account.scheduledPurgeDate = try text("scheduledPurgeDate")
        switch members.first(where: { $0.key == "tags" })?.value {
        case nil, .null?: break
        case .object(let tags)?:
            for (tag, tagValue) in tags {
                guard case .string(let text) = tagValue else {
                    throw .shape("the account \"\(id)\" has a tag \"\(tag)\" whose value is not a string")
                }
                account.tags.append(Tag(name: tag, value: text))
            }
        default: throw .shape("the account \"\(id)\" has \"tags\" that are not an object")
        }
        account.otherMembers = members.filter { !knownMembers.contains($0.key) }.map {
            Member(key: $0.key, value: $0.value)
        }
        return account
    }

    var serialized: [UInt8] {
        var members: [(key: String, value: JSONValue)] = [
            ("accounts", .object(accounts.map { ($0.id, Self.json($0.account)) }))
        ]
        if !deletedAccounts.isEmpty {
            members.append(("deletedAccounts", .object(deletedAccounts.map { ($0.id, Self.json($0.account)) })))
        }
        members += otherMembers.map { ($0.key, $0.value) }
        return Array((JSONWriter.compact(.object(members)) + "\n").utf8)
    }

    private static func json(_ account: Account) -> JSONValue {
        var members: [(key: String, value: JSONValue)] = [
            ("resourceGroup", .string(account.resourceGroup)), ("name", .string(account.name)),
            ("key1", .string(account.key1)), ("key2", .string(account.key2)), ("kind", .string(account.kind)),
            ("sku", .string(account.sku)), ("location", .string(account.location)),
        ]
        let optional: [(String, String?)] = [
            ("endpoint", account.endpoint), ("createdAt", account.createdAt), ("etag", account.etag),
            ("deletionDate", account.deletionDate), ("scheduledPurgeDate", account.scheduledPurgeDate),
        ]
        for (key, value) in optional { if let value { members.append((key, .string(value))) } }
        if !account.tags.isEmpty {
            members.append(("tags", .object(account.tags.map { ($0.name, .string($0.value)) })))
        }
        members += account.otherMembers.map { ($0.key, $0.value) }
        return .object(members)
    }
}

import PowerShellHost

/// The emulator's accounts and their keys, as kept in the state file: one JSON object keyed by
/// `subscription/resourcegroup/account` (lower-cased, as ARM names are case-insensitive).
///
/// Example file: `{"accounts":{"00000000-0000-0000-0000-000000000000/rg/myluis":
/// {"resourceGroup":"rg","name":"myluis","key1":"…","key2":"…"}}}`.
struct EmulatorState: Equatable {
    struct Account: Equatable {
        var resourceGroup: String
        var name: String
        var key1: String
        var key2: String
    }

    var accounts: [(id: String, account: Account)] = []

    static func == (lhs: EmulatorState, rhs: EmulatorState) -> Bool {
        lhs.accounts.map(\.id) == rhs.accounts.map(\.id) && lhs.accounts.map(\.account) == rhs.accounts.map(\.account)
    }

    static func id(subscription: String, resourceGroup: String, name: String) -> String {
        "\(subscription)/\(resourceGroup)/\(name)".lowercased()
    }

    subscript(id: String) -> Account? {
        get { accounts.first { $0.id == id }?.account }
        set {
            if let index = accounts.firstIndex(where: { $0.id == id }) {
                if let newValue { accounts[index].account = newValue } else { accounts.remove(at: index) }
            } else if let newValue {
                accounts.append((id, newValue))
            }
        }
    }

    /// Why a state file could not be read.
    enum FormatError: Error {
        case syntax(JSONParser.SyntaxError)
        case shape(String)
    }

    init() {}

    init(parsing bytes: [UInt8]) throws(FormatError) {
        let document: JSONValue
        do { document = try JSONParser.parse(bytes) } catch { throw .syntax(error) }
        guard case .object(let members)? = document["accounts"] else {
            throw .shape("it has no \"accounts\" object")
        }
        for (id, value) in members {
            guard let resourceGroup = value["resourceGroup"]?.stringValue, let name = value["name"]?.stringValue,
                let key1 = value["key1"]?.stringValue, let key2 = value["key2"]?.stringValue
            else { throw .shape("the account \"\(id)\" lacks resourceGroup, name, key1 or key2") }
            accounts.append((id, Account(resourceGroup: resourceGroup, name: name, key1: key1, key2: key2)))
        }
    }

    var serialized: [UInt8] {
        let members: [(key: String, value: JSONValue)] = accounts.map { entry in
            (
                entry.id,
                .object([
                    ("resourceGroup", .string(entry.account.resourceGroup)), ("name", .string(entry.account.name)),
                    ("key1", .string(entry.account.key1)), ("key2", .string(entry.account.key2)),
                ])
            )
        }
        return Array((JSONWriter.compact(.object([("accounts", .object(members))])) + "\n").utf8)
    }
}

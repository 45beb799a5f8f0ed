import AzShimSupport
import HTTP1

/// A local, file-backed emulation of the Cognitive Services account operations of Azure
/// Resource Manager, answering through the same seam as the real client: get and list accounts
/// (paged, `nextLink` and all), get and list soft-deleted accounts, list and regenerate keys.
///
/// A key regeneration takes an exclusive lock on `<state>.lock`, reads the state file, applies
/// the change and replaces the file atomically (mode 0600), so concurrent processes never lose
/// an update and a reader never sees half a file. It creates an unknown account (when
/// `autocreate` is on) with the documented defaults: kind `CognitiveServices`, SKU `S0`,
/// location `westus`, its regional endpoint, no tags, created now. A read (get, list,
/// `listKeys`) never creates or changes anything: an unknown account is ARM's 404.
///
/// Example: `AZURE_ENVIRONMENT=Emulator New-AzCognitiveServicesAccountKey rg myluis Key1` sends
/// `POST …/accounts/myluis/regenerateKey` here and gets `{"key1":"<new>","key2":"<old>"}`;
/// `GET /subscriptions/<s>/providers/Microsoft.CognitiveServices/accounts` then lists `myluis`.
package struct EmulatorBackend: ARMTransport {
    package let stateFilePath: String
    /// Create unknown accounts on a key regeneration (`AZSHIM_EMULATOR_AUTOCREATE`, default on).
    package let autocreate: Bool
    /// Accounts per page of a list (ARM's is 100).
    package let pageSize: Int
    /// The time new accounts are created at.
    let now: @Sendable () -> EmulatorTimestamp

    package init(stateFilePath: String, autocreate: Bool, pageSize: Int = 100) {
        self.init(stateFilePath: stateFilePath, autocreate: autocreate, pageSize: pageSize, now: EmulatorTimestamp.now)
    }

    init(stateFilePath: String, autocreate: Bool, pageSize: Int, now: @escaping @Sendable () -> EmulatorTimestamp) {
        self.stateFilePath = stateFilePath
        self.autocreate = autocreate
        self.pageSize = max(1, pageSize)
        self.now = now
    }

    /// The state file path: `AZSHIM_EMULATOR_STATE`, else `${XDG_STATE_HOME:-~/.local/state}/azshim/emulator.json`;
    /// nil when none of the three is set (never a guess such as the current directory: the file
    /// holds keys).
    package static func stateFilePath(environment: [String: String]) -> String? {
        if let path = environment["AZSHIM_EMULATOR_STATE"], !path.isEmpty { return path }
        if let state = environment["XDG_STATE_HOME"], !state.isEmpty { return state + "/azshim/emulator.json" }
        guard let home = environment["HOME"], !home.isEmpty else { return nil }
        return home + "/.local/state/azshim/emulator.json"
    }

    /// The emulator writes no diagnostics: `diagnostics` is not used.
    package func send(_ request: ARMRequest, diagnostics: AzureDiagnostics) throws(ARMTransportError) -> ARMResponse {
        let route = try EmulatorRoute(request)
        do {
            switch route {
            case .rejected(let response):
                return response
            case .regenerateKey(let subscription, let resourceGroup, let name, let keyName):
                return try regenerate(
                    subscription: subscription, resourceGroup: resourceGroup, name: name, keyName: keyName)
            case .listKeys(let subscription, let resourceGroup, let name):
                let id = EmulatorState.id(subscription: subscription, resourceGroup: resourceGroup, name: name)
                guard let account = try read()[id] else {
                    return Self.accountNotFound(resourceGroup: resourceGroup, name: name)
                }
                return Self.keys(account)
            case .getAccount(let subscription, let resourceGroup, let name):
                let id = EmulatorState.id(subscription: subscription, resourceGroup: resourceGroup, name: name)
                guard let account = try read()[id] else {
                    return Self.accountNotFound(resourceGroup: resourceGroup, name: name)
                }
                return Self.ok(EmulatorAccountJSON.account(account, subscription: subscription))
            case .listAccounts(let subscription, let resourceGroup, let after, let apiVersion):
                var prefix = subscription.lowercased() + "/"
                if let resourceGroup { prefix += resourceGroup.lowercased() + "/" }
                let path =
                    "/subscriptions/\(ARMRequest.percentEncodePathSegment(subscription))"
                    + (resourceGroup.map { "/resourceGroups/\(ARMRequest.percentEncodePathSegment($0))" } ?? "")
                    + "/providers/Microsoft.CognitiveServices/accounts"
                return page(
                    of: try read().accounts, prefix: prefix, after: after, nextPath: path, apiVersion: apiVersion
                ) {
                    EmulatorAccountJSON.account($0, subscription: subscription)
                }
            case .listDeletedAccounts(let subscription, let after, let apiVersion):
                let path =
                    "/subscriptions/\(ARMRequest.percentEncodePathSegment(subscription))/providers/Microsoft.CognitiveServices/deletedAccounts"
                return page(
                    of: try read().deletedAccounts, prefix: subscription.lowercased() + "/", after: after,
                    nextPath: path, apiVersion: apiVersion
                ) {
                    EmulatorAccountJSON.deletedAccount($0, subscription: subscription)
                }
            case .getDeletedAccount(let subscription, let location, let resourceGroup, let name):
                let id = EmulatorState.id(subscription: subscription, resourceGroup: resourceGroup, name: name)
                guard let entry = try read().deletedAccounts.first(where: { $0.id == id }),
                    entry.account.location.lowercased() == location.lowercased()
                else {
                    return Self.error(
                        404, code: "ResourceNotFound",
                        message:
                            "The Resource 'Microsoft.CognitiveServices/locations/\(location)/resourceGroups/\(resourceGroup)/deletedAccounts/\(name)' "
                            + "was not found. For more details please go to https://aka.ms/ARMResourceNotFoundFix")
                }
                return Self.ok(EmulatorAccountJSON.deletedAccount(entry.account, subscription: subscription))
            }
        } catch {
            throw .emulator(error)
        }
    }

    /// The state as the file holds it (none yet: no accounts). Reads take no lock: every write
    /// replaces the whole file atomically, so a reader sees one state or the next.
    private func read() throws(EmulatorFailure) -> EmulatorState {
        let bytes: [UInt8]?
        do { bytes = try FileSystem.readIfExists(stateFilePath) } catch { throw .fileSystem(error) }
        guard let bytes else { return EmulatorState() }
        do { return try EmulatorState(parsing: bytes) } catch { throw .corrupt(stateFilePath, error) }
    }

    /// One page of the entries under `prefix`, in id order, after the id `after`; a `nextLink`
    /// when more remain.
    private func page(
        of entries: [EmulatorState.Entry], prefix: String, after: String?, nextPath: String, apiVersion: String,
        json: (EmulatorState.Account) -> JSONValue
    ) -> ARMResponse {
        let selected = entries.filter { entry in entry.id.hasPrefix(prefix) && after.map { entry.id > $0 } ?? true }
            .sorted { $0.id < $1.id }
        let shown = selected.prefix(pageSize)
        var members: [(key: String, value: JSONValue)] = [("value", .array(shown.map { json($0.account) }))]
        if selected.count > shown.count, let last = shown.last {
            let link =
                EmulatorRoute.origin + nextPath + "?api-version=" + HTTPURL.formEncode(apiVersion)
                + "&%24skipToken=" + HTTPURL.formEncode(last.id)
            members.append(("nextLink", .string(link)))
        }
        return Self.ok(.object(members))
    }

    private func regenerate(subscription: String, resourceGroup: String, name: String, keyName: String)
        throws(EmulatorFailure) -> ARMResponse
    {
        try FileSystem.whileLocked(stateFilePath, failure: EmulatorFailure.fileSystem) {
            () throws(EmulatorFailure) -> ARMResponse in
            var state = try read()
            let id = EmulatorState.id(subscription: subscription, resourceGroup: resourceGroup, name: name)
            var account: EmulatorState.Account
            if let existing = state[id] {
                account = existing
            } else if autocreate {
                account = EmulatorState.Account(
                    resourceGroup: resourceGroup, name: name, key1: Self.newKey(), key2: Self.newKey())
                account.createdAt = now().text
                account.etag = "\"\(Self.newGUID())\""
            } else {
                return Self.accountNotFound(resourceGroup: resourceGroup, name: name)
            }
            switch keyName {
            case "key1": account.key1 = Self.newKey()
            default: account.key2 = Self.newKey()
            }
            state[id] = account
            do throws(FileSystem.Failure) {
                try FileSystem.replaceAtomically(stateFilePath, with: state.serialized)
            } catch {
                throw .fileSystem(error)
            }
            return Self.keys(account)
        }
    }

    /// 32 lowercase hexadecimal characters from the system's secure random generator
    /// (`getrandom` on Linux), the shape of a classic Cognitive Services key.
    static func newKey() -> String {
        hexDigits(32)
    }

    /// A random GUID's text, `8-4-4-4-12` hexadecimal digits (ARM's etags are quoted GUIDs).
    static func newGUID() -> String {
        [8, 4, 4, 4, 12].map(hexDigits).joined(separator: "-")
    }

    private static func hexDigits(_ count: Int) -> String {
        var generator = SystemRandomNumberGenerator()
        let digits = Array("0123456789abcdef")
        return String((0..<count).map { _ in digits[Int(generator.next(upperBound: UInt8(16)))] })
    }

    private static func keys(_ account: EmulatorState.Account) -> ARMResponse {
        ok(.object([("key1", .string(account.key1)), ("key2", .string(account.key2))]))
    }

    private static func accountNotFound(resourceGroup: String, name: String) -> ARMResponse {
        error(
            404, code: "ResourceNotFound",
            message: "The Resource 'Microsoft.CognitiveServices/accounts/\(name)' under resource group "
                + "'\(resourceGroup)' was not found. For more details please go to https://aka.ms/ARMResourceNotFoundFix"
        )
    }

    private static func ok(_ body: JSONValue) -> ARMResponse {
        ARMResponse(
            statusCode: 200, headers: [("Content-Type", "application/json; charset=utf-8")],
            json: JSONWriter.compact(body))
    }

    static func error(_ status: Int, code: String, message: String) -> ARMResponse {
        let body = JSONWriter.compact(
            .object([("error", .object([("code", .string(code)), ("message", .string(message))]))]))
        return ARMResponse(
            statusCode: status, headers: [("Content-Type", "application/json; charset=utf-8")], json: body)
    }
}

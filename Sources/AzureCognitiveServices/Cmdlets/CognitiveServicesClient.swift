import AzShimSupport
import PowerShellHost

/// The Cognitive Services account operations the cmdlets call, as the generated Az SDK
/// (`AccountsOperations`, `DeletedAccountsOperations`) performs them: client-side validation,
/// the ARM request, the response as typed values or an error record in Az's words.
///
/// Lists come page by page: each page is handed to the caller as soon as it arrives (Az reads
/// every page before writing anything; the objects and their order are the same), then the
/// page's `nextLink` is followed, if the caller wants more, until a page has none. Only one
/// page is held at a time.
///
/// Example: `try client.regenerateKey(resourceGroup: "rg", account: "myluis", keyName: "Key1")`
/// returns `ApiKeys(key1: "…", key2: "…")`;
/// `try client.listAccounts(.resourceGroup("rg")) { page in for a in page { runtime.writeObject(a.psObject) }; return .fetchNext }`
/// writes every account of `rg`.
struct CognitiveServicesClient {
    let transport: any ARMTransport
    let subscription: String
    let apiVersion: String
    /// Where the VERBOSE, DEBUG and WARNING lines of its requests go (the object's runtime, set
    /// by `AzureSession.reporting(to:)`); nil: where the transport was built to send them.
    var diagnostics: AzureDiagnostics? = nil

    struct ApiKeys: Equatable {
        let key1: String?
        let key2: String?

        /// `Microsoft.Azure.Management.CognitiveServices.Models.ApiKeys` (Key1, Key2, in that order).
        func object(typeName: String) -> PSObject {
            PSObject(typeName: typeName, properties: [.init("Key1", PSValue(key1)), .init("Key2", PSValue(key2))])
        }
    }

    /// Which accounts a list returns (Get-AzCognitiveServicesAccount's list sets).
    enum AccountListing: Sendable, Equatable {
        /// `Accounts.List`: `GET /subscriptions/{s}/providers/Microsoft.CognitiveServices/accounts`.
        case subscription
        /// `Accounts.ListByResourceGroup`: `GET /subscriptions/{s}/resourceGroups/{rg}/providers/Microsoft.CognitiveServices/accounts`.
        case resourceGroup(String)
        /// `DeletedAccounts.List`: `GET /subscriptions/{s}/providers/Microsoft.CognitiveServices/deletedAccounts`.
        case deleted
    }

    /// What the caller of a list wants after a page.
    enum PageDecision: Sendable, Equatable {
        /// Follow the page's `nextLink`, if it has one.
        case fetchNext
        /// Stop here (`-ErrorAction Stop`, a closed stdout, Ctrl+C): no further request.
        case stop
    }

    func regenerateKey(resourceGroup: String, account: String, keyName: String) throws(ErrorRecord) -> ApiKeys {
        let body = "{\"keyName\":" + JSONWriter.quoted(keyName) + "}"
        return try keys(resourceGroup: resourceGroup, account: account, action: "regenerateKey", body: Array(body.utf8))
    }

    func listKeys(resourceGroup: String, account: String) throws(ErrorRecord) -> ApiKeys {
        try keys(resourceGroup: resourceGroup, account: account, action: "listKeys", body: nil)
    }

    private func keys(resourceGroup: String, account: String, action: String, body: [UInt8]?) throws(ErrorRecord)
        -> ApiKeys
    {
        try Self.validate(resourceGroup: resourceGroup)
        try Self.validate(account: account)
        let request = ARMRequest(
            method: "POST", pathSegments: accountPath(resourceGroup: resourceGroup, account: account) + [action],
            apiVersion: apiVersion, body: body)
        let document = try send(request)
        guard case .object = document else { throw ARMErrorMessages.deserializationFailed() }
        return ApiKeys(key1: document["key1"]?.stringValue, key2: document["key2"]?.stringValue)
    }

    /// `Accounts.Get(resourceGroupName, accountName)`: `GET …/accounts/{name}`.
    func account(resourceGroup: String, name: String) throws(ErrorRecord) -> CognitiveServicesAccount {
        try Self.validate(resourceGroup: resourceGroup)
        try Self.validate(account: name)
        let request = ARMRequest(
            method: "GET", pathSegments: accountPath(resourceGroup: resourceGroup, account: name),
            apiVersion: apiVersion)
        return try Self.account(from: try send(request))
    }

    /// `DeletedAccounts.Get(location, resourceGroupName, accountName)`:
    /// `GET /subscriptions/{s}/providers/Microsoft.CognitiveServices/locations/{location}/resourceGroups/{rg}/deletedAccounts/{name}`.
    func deletedAccount(location: String, resourceGroup: String, name: String) throws(ErrorRecord)
        -> CognitiveServicesAccount
    {
        try Self.validate(resourceGroup: resourceGroup)
        try Self.validate(account: name)
        let request = ARMRequest(
            method: "GET",
            pathSegments: [
                "subscriptions", subscription, "providers", "Microsoft.CognitiveServices", "locations", location,
                "resourceGroups", resourceGroup, "deletedAccounts", name,
            ],
            apiVersion: apiVersion)
        return try Self.account(from: try send(request))
    }

    /// Every account of `listing`, one page at a time: `eachPage` gets each page's accounts as
    /// the page arrives and says whether to go on. A `nextLink` is followed only on the same
    /// Resource Manager endpoint (the backend refuses any other), and never twice.
    func listAccounts(
        _ listing: AccountListing, eachPage: ([CognitiveServicesAccount]) throws(ErrorRecord) -> PageDecision
    ) throws(ErrorRecord) {
        var request: ARMRequest
        switch listing {
        case .subscription:
            request = ARMRequest(method: "GET", pathSegments: providerPath + ["accounts"], apiVersion: apiVersion)
        case .resourceGroup(let resourceGroup):
            try Self.validate(resourceGroup: resourceGroup)
            request = ARMRequest(
                method: "GET",
                pathSegments: [
                    "subscriptions", subscription, "resourceGroups", resourceGroup, "providers",
                    "Microsoft.CognitiveServices", "accounts",
                ],
                apiVersion: apiVersion)
        case .deleted:
            request = ARMRequest(
                method: "GET", pathSegments: providerPath + ["deletedAccounts"], apiVersion: apiVersion)
        }
        var followed: Set<String> = []
        while true {
            let page = try Self.page(from: try send(request))
            guard try eachPage(page.accounts) == .fetchNext, let next = page.nextLink, !next.isEmpty else { return }
            guard followed.insert(next).inserted else { throw ARMErrorMessages.repeatedNextLink(next) }
            request = .nextPage(next)
        }
    }

    /// One page of a list (`Page<Account>`: `value`, `nextLink`).
    struct AccountPage {
        var accounts: [CognitiveServicesAccount]
        var nextLink: String?
    }

    static func page(from document: JSONValue) throws(ErrorRecord) -> AccountPage {
        guard case .object = document else { throw ARMErrorMessages.deserializationFailed() }
        var accounts: [CognitiveServicesAccount] = []
        switch document["value"] {
        case nil, .null?: break
        case .array(let items)?:
            accounts.reserveCapacity(items.count)
            for item in items { accounts.append(try account(from: item)) }
        default: throw ARMErrorMessages.deserializationFailed()
        }
        switch document["nextLink"] {
        case nil, .null?: return AccountPage(accounts: accounts, nextLink: nil)
        case .string(let link)?: return AccountPage(accounts: accounts, nextLink: link)
        default: throw ARMErrorMessages.deserializationFailed()
        }
    }

    static func account(from json: JSONValue) throws(ErrorRecord) -> CognitiveServicesAccount {
        do {
            return try CognitiveServicesAccount(arm: json)
        } catch {
            throw error.record
        }
    }

    private var providerPath: [String] { ["subscriptions", subscription, "providers", "Microsoft.CognitiveServices"] }

    private func accountPath(resourceGroup: String, account: String) -> [String] {
        [
            "subscriptions", subscription, "resourceGroups", resourceGroup, "providers", "Microsoft.CognitiveServices",
            "accounts", account,
        ]
    }

    /// The request's 200 body as JSON; any other status, or no response, as Az's error.
    private func send(_ request: ARMRequest) throws(ErrorRecord) -> JSONValue {
        let response: ARMResponse
        do {
            if let diagnostics {
                response = try transport.send(request, diagnostics: diagnostics)
            } else {
                response = try transport.send(request)
            }
        } catch {
            throw ARMErrorMessages.record(for: error)
        }
        guard response.statusCode == 200 else { throw ARMErrorMessages.record(for: response) }
        guard let document = try? JSONParser.parse(response.body) else {
            throw ARMErrorMessages.deserializationFailed()
        }
        return document
    }

    /// The SDK's checks of a resource group name before any request: 1–90 characters of
    /// `^[-\w\._\(\)]+$` (`AccountsOperations`, as the key operations have always checked it).
    /// A list checks only this.
    static func validate(resourceGroup: String) throws(ErrorRecord) {
        if resourceGroup.count > 90 {
            throw ARMErrorMessages.validation(.maximumLength, target: "resourceGroupName", bound: "90")
        }
        if resourceGroup.isEmpty {
            throw ARMErrorMessages.validation(.minimumLength, target: "resourceGroupName", bound: "1")
        }
        if !resourceGroup.unicodeScalars.allSatisfy({ isWordCharacter($0) || "-._()".unicodeScalars.contains($0) }) {
            throw ARMErrorMessages.validation(.pattern, target: "resourceGroupName", bound: "^[-\\w\\._\\(\\)]+$")
        }
    }

    /// The SDK's checks of an account name: 2–64 characters of `^[a-zA-Z0-9][a-zA-Z0-9_.-]*$`.
    static func validate(account: String) throws(ErrorRecord) {
        if account.count > 64 { throw ARMErrorMessages.validation(.maximumLength, target: "accountName", bound: "64") }
        if account.count < 2 { throw ARMErrorMessages.validation(.minimumLength, target: "accountName", bound: "2") }
        let scalars = Array(account.unicodeScalars)
        if !(isASCIIAlphanumeric(scalars[0])
            && scalars.dropFirst().allSatisfy({ isASCIIAlphanumeric($0) || "_.-".unicodeScalars.contains($0) }))
        {
            throw ARMErrorMessages.validation(.pattern, target: "accountName", bound: "^[a-zA-Z0-9][a-zA-Z0-9_.-]*$")
        }
    }

    private static func isASCIIAlphanumeric(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
    }

    /// .NET's `\w`: letters, decimal digits, connector punctuation and marks.
    private static func isWordCharacter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter, .decimalNumber,
            .connectorPunctuation, .nonspacingMark, .spacingMark, .enclosingMark:
            true
        default: false
        }
    }
}

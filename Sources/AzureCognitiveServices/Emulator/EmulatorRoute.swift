import AzShimSupport
import HTTP1

/// The ARM operation an emulator request asks for, read from its method and path (ARM paths
/// are case-insensitive) or, for a list's next page, from the `nextLink` the emulator wrote
/// (`https://management.azure.com/…?api-version=…&%24skipToken=<last id>`).
///
/// Example: `GET /subscriptions/s/resourceGroups/rg/providers/Microsoft.CognitiveServices/accounts`
/// is `.listAccounts(subscription: "s", resourceGroup: "rg", after: nil, apiVersion: "2024-10-01")`.
enum EmulatorRoute: Equatable {
    case getAccount(subscription: String, resourceGroup: String, name: String)
    case listKeys(subscription: String, resourceGroup: String, name: String)
    case regenerateKey(subscription: String, resourceGroup: String, name: String, keyName: String)
    /// `resourceGroup` nil: the whole subscription. `after`: the id of the last account of the
    /// previous page.
    case listAccounts(subscription: String, resourceGroup: String?, after: String?, apiVersion: String)
    case listDeletedAccounts(subscription: String, after: String?, apiVersion: String)
    case getDeletedAccount(subscription: String, location: String, resourceGroup: String, name: String)
    /// Not an operation the emulator serves, or a bad body: ARM's answer.
    case rejected(ARMResponse)

    /// The origin of the emulator's next links. Requests never leave the process; a next link
    /// elsewhere is refused as the Azure backend refuses it.
    static let origin = "https://management.azure.com"

    init(_ request: ARMRequest) throws(ARMTransportError) {
        if let link = request.nextLink {
            self = try Self.nextPage(link)
            return
        }
        self = Self.route(
            method: request.method, segments: request.pathSegments, body: request.body, apiVersion: request.apiVersion,
            after: nil)
    }

    private static func nextPage(_ link: String) throws(ARMTransportError) -> EmulatorRoute {
        guard let url = HTTPURL(link), url.origin == origin else {
            throw .refused(reason: ARMErrorMessages.foreignNextLink(link, endpoint: origin))
        }
        let parts = url.target.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
        let segments = (parts.first ?? "").split(separator: "/").map { percentDecoded(String($0)) }
        var query: [String: String] = [:]
        if parts.count > 1 {
            for pair in parts[1].split(separator: "&") {
                let halves = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                query[percentDecoded(String(halves[0]))] = halves.count > 1 ? percentDecoded(String(halves[1])) : ""
            }
        }
        let route = route(
            method: "GET", segments: segments, body: nil, apiVersion: query["api-version"] ?? "",
            after: query["$skipToken"])
        switch route {
        case .listAccounts, .listDeletedAccounts: return route
        default: throw .refused(reason: ARMErrorMessages.malformedNextLink(link))
        }
    }

    private static func route(
        method: HTTPMethod, segments: [String], body: [UInt8]?, apiVersion: String, after: String?
    ) -> EmulatorRoute {
        let lower = segments.map { $0.lowercased() }
        let verb = method.rawValue.uppercased()
        func matches(_ pattern: [String?]) -> Bool {
            lower.count == pattern.count && zip(lower, pattern).allSatisfy { $1 == nil || $0 == $1 }
        }
        let provider = "microsoft.cognitiveservices"
        // /subscriptions/{s}/resourceGroups/{rg}/providers/Microsoft.CognitiveServices/accounts[/{name}[/{action}]]
        let accountPrefix: [String?] = ["subscriptions", nil, "resourcegroups", nil, "providers", provider, "accounts"]
        switch verb {
        case "GET" where matches(accountPrefix + [nil]):
            return .getAccount(subscription: segments[1], resourceGroup: segments[3], name: segments[7])
        case "GET" where matches(accountPrefix):
            return .listAccounts(
                subscription: segments[1], resourceGroup: segments[3], after: after, apiVersion: apiVersion)
        case "GET" where matches(["subscriptions", nil, "providers", provider, "accounts"]):
            return .listAccounts(subscription: segments[1], resourceGroup: nil, after: after, apiVersion: apiVersion)
        case "GET" where matches(["subscriptions", nil, "providers", provider, "deletedaccounts"]):
            return .listDeletedAccounts(subscription: segments[1], after: after, apiVersion: apiVersion)
        case "GET"
        where matches([
            "subscriptions", nil, "providers", provider, "locations", nil, "resourcegroups", nil, "deletedaccounts",
            nil,
        ]):
            return .getDeletedAccount(
                subscription: segments[1], location: segments[5], resourceGroup: segments[7], name: segments[9])
        case "POST" where matches(accountPrefix + [nil, "listkeys"]):
            return .listKeys(subscription: segments[1], resourceGroup: segments[3], name: segments[7])
        case "POST" where matches(accountPrefix + [nil, "regeneratekey"]):
            guard let body, let parsed = try? JSONParser.parse(body), let key = parsed["keyName"]?.stringValue,
                ["key1", "key2"].contains(key.lowercased())
            else {
                return .rejected(
                    EmulatorBackend.error(
                        400, code: "InvalidRequestContent",
                        message: "The request content is not valid: keyName must be Key1 or Key2."))
            }
            return .regenerateKey(
                subscription: segments[1], resourceGroup: segments[3], name: segments[7], keyName: key.lowercased())
        case "POST" where matches(accountPrefix + [nil, nil]):
            return .rejected(
                EmulatorBackend.error(
                    404, code: "NotFound", message: "The emulator does not serve the action '\(segments[8])'."))
        default:
            let path = ARMRequest(method: method, pathSegments: segments, apiVersion: apiVersion).encodedPath
            return .rejected(
                EmulatorBackend.error(404, code: "NotFound", message: "The emulator does not serve \(method) \(path)."))
        }
    }

    /// `%XX` decoded (invalid escapes kept as they are), as UTF-8.
    static func percentDecoded(_ text: String) -> String {
        var bytes: [UInt8] = []
        var utf8 = Array(text.utf8)[...]
        while let byte = utf8.popFirst() {
            if byte == UInt8(ascii: "%"), utf8.count >= 2, let high = hexValue(utf8[utf8.startIndex]),
                let low = hexValue(utf8[utf8.startIndex + 1])
            {
                bytes.append(high << 4 | low)
                utf8 = utf8.dropFirst(2)
            } else {
                bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}

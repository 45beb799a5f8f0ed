/// Test support, not part of the product: a generated set of Cognitive Services accounts for
/// the loopback fake of ARM to serve (get one, list a resource group, list the subscription),
/// paged as ARM pages them: `{"value":[…],"nextLink":"<absolute URL>?api-version=…&%24skipToken=…"}`.
/// Nothing is stored: account `i` is `acct<i>` in resource group `resourceGroups[i % count]`,
/// made on demand, so 10,000 accounts cost no memory in the fake.
///
/// Example: `FakeAccountCatalog(count: 250, pageSize: 100)` lists the subscription in three
/// pages (100, 100, 50); `server.serveAccounts(catalog)` answers the requests.
public struct FakeAccountCatalog: Sendable {
    public var subscription: String
    public var resourceGroups: [String]
    public var count: Int
    public var pageSize: Int
    /// Where next links point instead of the server itself (`https://elsewhere.example`), to
    /// test that a client does not follow them.
    public var nextLinkOrigin: String?

    public init(
        subscription: String = "00000000-1111-2222-3333-444444444444", resourceGroups: [String] = ["rg"], count: Int,
        pageSize: Int = 100, nextLinkOrigin: String? = nil
    ) {
        self.subscription = subscription
        self.resourceGroups = resourceGroups.isEmpty ? ["rg"] : resourceGroups
        self.count = max(0, count)
        self.pageSize = max(1, pageSize)
        self.nextLinkOrigin = nextLinkOrigin
    }

    /// The name of account `index`: `acct00042` (zero-padded to the width of the count).
    public func name(_ index: Int) -> String {
        let digits = String(index)
        let width = String(max(count - 1, 0)).count
        return "acct" + String(repeating: "0", count: max(0, width - digits.count)) + digits
    }

    public func resourceGroup(_ index: Int) -> String {
        resourceGroups[index % resourceGroups.count]
    }

    /// The indices of a resource group's accounts (all of them for nil), in listing order.
    public func indices(inResourceGroup group: String?) -> [Int] {
        guard let group else { return Array(0..<count) }
        guard let position = resourceGroups.firstIndex(where: { $0.lowercased() == group.lowercased() }) else {
            return []
        }
        return Array(stride(from: position, to: count, by: resourceGroups.count))
    }

    /// The index of the account `name` in `group`, if there is one.
    public func index(resourceGroup group: String, name: String) -> Int? {
        guard name.lowercased().hasPrefix("acct"), let index = Int(name.dropFirst(4)), (0..<count).contains(index),
            self.name(index).lowercased() == name.lowercased(), resourceGroup(index).lowercased() == group.lowercased()
        else { return nil }
        return index
    }

    /// Account `index` as ARM's JSON (api-version 2024-10-01 shape).
    public func json(_ index: Int) -> String {
        let group = resourceGroup(index)
        let account = name(index)
        let id =
            "/subscriptions/\(subscription)/resourceGroups/\(group)/providers/Microsoft.CognitiveServices/accounts/\(account)"
        let location = ["westus", "eastus", "westeurope"][index % 3]
        return #"{"id":"\#(id)","name":"\#(account)","type":"Microsoft.CognitiveServices/accounts","#
            + #""etag":"\"00000000-0000-0000-0000-\#(String(index + 100_000_000_000))\"","location":"\#(location)","#
            + #""sku":{"name":"S0"},"kind":"CognitiveServices","tags":{"index":"\#(index)"},"#
            + #""properties":{"endpoint":"https://\#(location).api.cognitive.microsoft.com/","provisioningState":"Succeeded","#
            + #""dateCreated":"2026-01-01T00:00:00.0000000Z","publicNetworkAccess":"Enabled","#
            + #""capabilities":[{"name":"VirtualNetworks"},{"name":"CustomerManagedKey"}]}}"#
    }

    /// One page of `indices` starting at `start`, with a next link to `path` when more remain.
    public func page(_ indices: [Int], start: Int, path: String, apiVersion: String, origin: String) -> String {
        let first = min(max(start, 0), indices.count)
        let last = min(first + pageSize, indices.count)
        var body = #"{"value":["# + indices[first..<last].map(json).joined(separator: ",") + "]"
        if last < indices.count {
            body +=
                #","nextLink":"\#(nextLinkOrigin ?? origin)\#(path)?api-version=\#(apiVersion)&%24skipToken=\#(last)""#
        }
        return body + "}"
    }
}

import AzShimSupport

/// The ARM JSON of an emulator account (api-version 2024-10-01 shape): what
/// `GET …/accounts/{name}` and the lists return for it.
///
/// Example: `myluis` in `rg`, created with the defaults, is
/// `{"id":"/subscriptions/<s>/resourceGroups/rg/providers/Microsoft.CognitiveServices/accounts/myluis","name":"myluis",
/// "type":"Microsoft.CognitiveServices/accounts","etag":"\"…\"","location":"westus","sku":{"name":"S0"},
/// "kind":"CognitiveServices","systemData":{"createdAt":"…","lastModifiedAt":"…"},"properties":{"endpoint":
/// "https://westus.api.cognitive.microsoft.com/","provisioningState":"Succeeded","publicNetworkAccess":"Enabled","dateCreated":"…"}}`.
enum EmulatorAccountJSON {
    static func account(_ account: EmulatorState.Account, subscription: String) -> JSONValue {
        let id =
            "/subscriptions/\(subscription)/resourceGroups/\(account.resourceGroup)/providers/Microsoft.CognitiveServices/accounts/\(account.name)"
        return resource(account, id: id, type: "Microsoft.CognitiveServices/accounts", extraProperties: [])
    }

    static func deletedAccount(_ account: EmulatorState.Account, subscription: String) -> JSONValue {
        let id =
            "/subscriptions/\(subscription)/providers/Microsoft.CognitiveServices/locations/\(account.location)"
            + "/resourceGroups/\(account.resourceGroup)/deletedAccounts/\(account.name)"
        var extra: [(key: String, value: JSONValue)] = []
        if let deletionDate = account.deletionDate { extra.append(("deletionDate", .string(deletionDate))) }
        if let purge = account.scheduledPurgeDate { extra.append(("scheduledPurgeDate", .string(purge))) }
        return resource(
            account, id: id, type: "Microsoft.CognitiveServices/locations/resourceGroups/deletedAccounts",
            extraProperties: extra)
    }

    private static func resource(
        _ account: EmulatorState.Account, id: String, type: String, extraProperties: [(key: String, value: JSONValue)]
    ) -> JSONValue {
        var members: [(key: String, value: JSONValue)] = [
            ("id", .string(id)), ("name", .string(account.name)), ("type", .string(type)),
        ]
        if let etag = account.etag { members.append(("etag", .string(etag))) }
        members += [
            ("location", .string(account.location)), ("sku", .object([("name", .string(account.sku))])),
            ("kind", .string(account.kind)),
        ]
        if !account.tags.isEmpty {
            members.append(("tags", .object(account.tags.map { ($0.name, .string($0.value)) })))
        }
        if let created = account.createdAt {
            members.append(
                ("systemData", .object([("createdAt", .string(created)), ("lastModifiedAt", .string(created))])))
        }
        var properties: [(key: String, value: JSONValue)] = [
            ("endpoint", .string(account.effectiveEndpoint)), ("provisioningState", .string("Succeeded")),
            ("publicNetworkAccess", .string("Enabled")),
        ]
        if let created = account.createdAt { properties.append(("dateCreated", .string(created))) }
        properties += extraProperties
        members.append(("properties", .object(properties)))
        return .object(members)
    }
}

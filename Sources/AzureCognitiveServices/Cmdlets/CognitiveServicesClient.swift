import PowerShellHost

/// The Cognitive Services account operations the cmdlets call, as the generated Az SDK
/// (`AccountsOperations`) performs them: client-side validation, the ARM request, the
/// response as `ApiKeys` or an error record.
///
/// Example: `try client.regenerateKey(resourceGroup: "rg", account: "myluis", keyName: "Key1")`
/// returns `ApiKeys(key1: "…", key2: "…")`.
struct CognitiveServicesClient {
    let transport: any ARMTransport
    let subscription: String
    let apiVersion: String

    struct ApiKeys: Equatable {
        let key1: String?
        let key2: String?

        /// `Microsoft.Azure.Management.CognitiveServices.Models.ApiKeys` (Key1, Key2, in that order).
        func object(typeName: String) -> PSObject {
            PSObject(typeName: typeName, properties: [("Key1", key1), ("Key2", key2)])
        }
    }

    func regenerateKey(resourceGroup: String, account: String, keyName: String) throws(ErrorRecord) -> ApiKeys {
        let body = "{\"keyName\":" + JSONWriter.quoted(keyName) + "}"
        return try call(resourceGroup: resourceGroup, account: account, action: "regenerateKey", body: Array(body.utf8))
    }

    func listKeys(resourceGroup: String, account: String) throws(ErrorRecord) -> ApiKeys {
        try call(resourceGroup: resourceGroup, account: account, action: "listKeys", body: nil)
    }

    private func call(resourceGroup: String, account: String, action: String, body: [UInt8]?) throws(ErrorRecord) -> ApiKeys {
        try Self.validate(resourceGroup: resourceGroup, account: account)
        let request = ARMRequest(
            method: "POST",
            pathSegments: [
                "subscriptions", subscription, "resourceGroups", resourceGroup, "providers",
                "Microsoft.CognitiveServices", "accounts", account, action,
            ],
            apiVersion: apiVersion, body: body)
        let response: ARMResponse
        do {
            response = try transport.send(request)
        } catch {
            throw ARMErrorMessages.record(for: error)
        }
        guard response.statusCode == 200 else { throw ARMErrorMessages.record(for: response) }
        guard let document = try? JSONParser.parse(response.body), case .object = document else {
            throw ErrorRecord(
                message: "Unable to deserialize the response.", errorId: "SerializationException", category: .closeError)
        }
        return ApiKeys(key1: document["key1"]?.stringValue, key2: document["key2"]?.stringValue)
    }

    /// `AccountsOperations.RegenerateKeyWithHttpMessagesAsync` checks before any request:
    /// resource group 1–90 characters of `^[-\w\._\(\)]+$`, account 2–64 of `^[a-zA-Z0-9][a-zA-Z0-9_.-]*$`.
    static func validate(resourceGroup: String, account: String) throws(ErrorRecord) {
        if resourceGroup.count > 90 { throw ARMErrorMessages.validation(.maximumLength, target: "resourceGroupName", bound: "90") }
        if resourceGroup.isEmpty { throw ARMErrorMessages.validation(.minimumLength, target: "resourceGroupName", bound: "1") }
        if !resourceGroup.unicodeScalars.allSatisfy({ isWordCharacter($0) || "-._()".unicodeScalars.contains($0) }) {
            throw ARMErrorMessages.validation(.pattern, target: "resourceGroupName", bound: "^[-\\w\\._\\(\\)]+$")
        }
        if account.count > 64 { throw ARMErrorMessages.validation(.maximumLength, target: "accountName", bound: "64") }
        if account.count < 2 { throw ARMErrorMessages.validation(.minimumLength, target: "accountName", bound: "2") }
        let scalars = Array(account.unicodeScalars)
        if !(isASCIIAlphanumeric(scalars[0]) && scalars.dropFirst().allSatisfy({ isASCIIAlphanumeric($0) || "_.-".unicodeScalars.contains($0) })) {
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

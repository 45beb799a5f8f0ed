import AzShimSupport
import PowerShellHost

/// `Microsoft.Azure.Commands.Management.CognitiveServices.Models.PSCognitiveServicesAccount`,
/// what Get-AzCognitiveServicesAccount writes: 24 properties in Az's order, built from an ARM
/// account (`Account` of the SDK) as its constructor builds them
/// (`CognitiveServices/Models/PSCognitiveServicesAccount.cs`); `ToString()` is the Id.
///
/// Example: the ARM account `{"id":"/subscriptions/s/resourceGroups/rg/providers/Microsoft.CognitiveServices/accounts/myluis","name":"myluis","kind":"CognitiveServices","sku":{"name":"S0"},"location":"westus","properties":{"endpoint":"https://westus.api.cognitive.microsoft.com/"}}`
/// gives ResourceGroupName `rg`, AccountName `myluis`, AccountType `CognitiveServices`, …; as
/// JSON, `{"ResourceGroupName":"rg","AccountName":"myluis",…}`, which
/// `New-AzCognitiveServicesAccountKey -KeyName Key2` binds (AccountName is an alias of -Name).
struct CognitiveServicesAccount: Sendable, Equatable {
    static let typeName = CognitiveServicesModels.azNamespace + "PSCognitiveServicesAccount"

    var resourceGroupName: String?
    var accountName: String?
    var id: String?
    var endpoint: String?
    var location: String?
    /// `Sku` or `.null`.
    var sku: PSValue
    /// ARM's `kind`.
    var accountType: String?
    /// ARM's `type`.
    var resourceType: String?
    var etag: String?
    var provisioningState: String?
    var customSubDomainName: String?
    var publicNetworkAccess: String?
    /// `Identity` or `.null`.
    var identity: PSValue
    /// `Encryption` or `.null`.
    var encryption: PSValue
    /// A list of `UserOwnedStorage`, or `.null`.
    var userOwnedStorage: PSValue
    /// A list of `PrivateEndpointConnection`, or `.null`.
    var privateEndpointConnections: PSValue
    /// `CognitiveServicesAccountApiProperties` or `.null`.
    var apiProperties: PSValue
    /// The whole `AccountProperties`.
    var properties: PSValue
    var restrictOutboundNetworkAccess: Bool?
    /// A list of strings, or `.null`.
    var allowedFqdnList: PSValue
    var disableLocalAuth: Bool?
    /// `PSNetworkRuleSet` when ARM sent `networkAcls`, else `.null`.
    var networkRuleSet: PSValue
    /// A list of `SkuCapability`, or `.null`.
    var capabilities: PSValue
    /// ARM's `tags`, in order, or nil.
    var tags: [PSValue.Entry]?

    /// What a response could not give: a value of the wrong JSON type (the SDK's
    /// `Unable to deserialize the response.`) or a shape Az's constructor fails on.
    enum DecodingError: Error, Sendable, Equatable {
        case wrongType(path: String)
        /// `properties` missing: the constructor dereferences it (a NullReferenceException).
        case missingProperties
        /// An id of fewer than four segments: `tokens[3]` is out of range.
        case shortId
        /// `Enum.Parse` of a network rule set's `defaultAction` failed.
        case unknownDefaultAction(String)

        /// The error as Az shows it: the SDK's deserialization message, or the .NET exception
        /// Az's constructor throws.
        var record: ErrorRecord {
            switch self {
            case .wrongType: ARMErrorMessages.deserializationFailed()
            case .missingProperties:
                ErrorRecord(
                    message: "Object reference not set to an instance of an object.", errorId: "NullReferenceException",
                    category: .notSpecified)
            case .shortId:
                ErrorRecord(
                    message: "Index was outside the bounds of the array.", errorId: "IndexOutOfRangeException",
                    category: .notSpecified)
            case .unknownDefaultAction(let text):
                ErrorRecord(
                    message: "Requested value '\(text)' was not found.", errorId: "ArgumentException",
                    category: .notSpecified)
            }
        }
    }

    /// The account ARM describes in `json` (one element of a list, or a GET's body).
    init(arm json: JSONValue) throws(DecodingError) {
        guard case .object = json else { throw .wrongType(path: "") }
        func decode(_ member: String, _ kind: SDKModel.Kind, _ source: JSONValue? = nil) throws(DecodingError)
            -> PSValue
        {
            do {
                return try SDKModel.decode((source ?? json)[member], as: kind, path: member)
            } catch {
                throw .wrongType(path: error.path)
            }
        }
        func string(_ member: String, _ source: JSONValue? = nil) throws(DecodingError) -> String? {
            try decode(member, .string, source).stringValue
        }
        func bool(_ member: String, _ source: JSONValue) throws(DecodingError) -> Bool? {
            if case .bool(let flag) = try decode(member, .bool, source) { return flag }
            return nil
        }
        id = try string("id")
        resourceGroupName = try Self.resourceGroup(fromId: id)
        accountName = try string("name")
        location = try string("location")
        sku = try decode("sku", .object(CognitiveServicesModels.sku))
        accountType = try string("kind")
        etag = try string("etag")
        resourceType = try string("type")
        let tagValues = try decode("tags", .dictionary(.string))
        if case .dictionary(let entries) = tagValues { tags = entries } else { tags = nil }
        identity = try decode("identity", .object(CognitiveServicesModels.identity))

        guard let armProperties = json["properties"], armProperties != .null else { throw .missingProperties }
        properties = try decode("properties", .object(CognitiveServicesModels.accountProperties))
        customSubDomainName = try string("customSubDomainName", armProperties)
        userOwnedStorage = try decode(
            "userOwnedStorage", .list(.object(CognitiveServicesModels.userOwnedStorage)), armProperties)
        encryption = try decode("encryption", .object(CognitiveServicesModels.encryption), armProperties)
        apiProperties = try decode(
            "apiProperties", .object(CognitiveServicesModels.accountApiProperties), armProperties)
        publicNetworkAccess = try string("publicNetworkAccess", armProperties)
        disableLocalAuth = try bool("disableLocalAuth", armProperties)
        restrictOutboundNetworkAccess = try bool("restrictOutboundNetworkAccess", armProperties)
        allowedFqdnList = try decode("allowedFqdnList", .list(.string), armProperties)
        privateEndpointConnections = try decode(
            "privateEndpointConnections", .list(.object(CognitiveServicesModels.privateEndpointConnection)),
            armProperties)
        capabilities = try decode("capabilities", .list(.object(CognitiveServicesModels.skuCapability)), armProperties)
        endpoint = try string("endpoint", armProperties)
        provisioningState = try string("provisioningState", armProperties)
        let networkAcls = try decode("networkAcls", .object(CognitiveServicesModels.networkRuleSet), armProperties)
        networkRuleSet = try Self.networkRuleSet(from: networkAcls)
    }

    /// `ParseResourceGroupFromId`: the fourth segment of the id (`Split('/', RemoveEmptyEntries)[3]`),
    /// nil for a null or empty id.
    static func resourceGroup(fromId id: String?) throws(DecodingError) -> String? {
        guard let id, !id.isEmpty else { return nil }
        let tokens = id.split(separator: "/")
        guard tokens.count > 3 else { throw .shortId }
        return String(tokens[3])
    }

    /// `PSNetworkRuleSet.Create`: the default action parsed into Az's enum (`Deny` when absent),
    /// the IP rules and virtual network rules as arrays (empty, never null).
    static func networkRuleSet(from sdk: PSValue) throws(DecodingError) -> PSValue {
        guard case .object(let ruleSet) = sdk else { return .null }
        let namespace = CognitiveServicesModels.azNamespace
        let action: PSEnumeration
        if let text = ruleSet["DefaultAction"]?.stringValue {
            guard let parsed = CognitiveServicesModels.defaultAction.member(serializedAs: text) else {
                throw .unknownDefaultAction(text)
            }
            action = parsed
        } else {
            action = PSEnumeration(typeName: CognitiveServicesModels.defaultAction.typeName, name: "Deny", value: 0)
        }
        var ipRules: [PSValue] = []
        if case .list(let rules)? = ruleSet["IPRules"] {
            for case .object(let rule) in rules {
                ipRules.append(
                    .object(
                        PSObject(
                            typeName: namespace + "PSIpRule", properties: [.init("IpAddress", rule["Value"] ?? .null)]))
                )
            }
        }
        var networkRules: [PSValue] = []
        if case .list(let rules)? = ruleSet["VirtualNetworkRules"] {
            for case .object(let rule) in rules {
                let ignore = rule["IgnoreMissingVnetServiceEndpoint"].flatMap { $0 == .null ? nil : $0 } ?? .bool(true)
                networkRules.append(
                    .object(
                        PSObject(
                            typeName: namespace + "PSVirtualNetworkRule",
                            properties: [
                                .init("Id", rule["Id"] ?? .null), .init("State", rule["State"] ?? .null),
                                .init("IgnoreMissingVnetServiceEndpoint", ignore),
                            ])))
            }
        }
        return .object(
            PSObject(
                typeName: namespace + "PSNetworkRuleSet",
                properties: [
                    .init("DefaultAction", .enumeration(action)), .init("IpRules", .list(ipRules)),
                    .init("VirtualNetworkRules", .list(networkRules)),
                ]))
    }

    /// The object the cmdlet writes, its 24 properties in Az's declaration order.
    var psObject: PSObject {
        PSObject(
            typeName: Self.typeName,
            properties: [
                .init("ResourceGroupName", PSValue(resourceGroupName)), .init("AccountName", PSValue(accountName)),
                .init("Id", PSValue(id)), .init("Endpoint", PSValue(endpoint)), .init("Location", PSValue(location)),
                .init("Sku", sku), .init("AccountType", PSValue(accountType)),
                .init("ResourceType", PSValue(resourceType)),
                .init("Etag", PSValue(etag)), .init("ProvisioningState", PSValue(provisioningState)),
                .init("CustomSubDomainName", PSValue(customSubDomainName)),
                .init("PublicNetworkAccess", PSValue(publicNetworkAccess)), .init("Identity", identity),
                .init("Encryption", encryption), .init("UserOwnedStorage", userOwnedStorage),
                .init("PrivateEndpointConnections", privateEndpointConnections), .init("ApiProperties", apiProperties),
                .init("Properties", properties),
                .init("RestrictOutboundNetworkAccess", PSValue(restrictOutboundNetworkAccess)),
                .init("AllowedFqdnList", allowedFqdnList),
                .init("DisableLocalAuth", PSValue(disableLocalAuth)), .init("NetworkRuleSet", networkRuleSet),
                .init("Capabilities", capabilities), .init("Tags", tags.map(PSValue.dictionary) ?? .null),
            ],
            // `ToString()` returns `this.Id`.
            toStringOverride: id ?? "")
    }
}

import PowerShellHost

/// The SDK classes a `PSCognitiveServicesAccount` holds, as Az.CognitiveServices' generated
/// client (`src/CognitiveServices/CognitiveServices.Management.Sdk/Generated/Models/*.cs`,
/// api-version 2024-10-01) and its own models (`CognitiveServices/Models/PSNetworkRuleSet.cs`,
/// `Models/Legacy/CognitiveServicesAccountApiProperties.cs`) declare them: .NET names, JSON
/// names, kinds, in declaration order (a derived class's own properties, then its base's).
///
/// Date-times (`SystemData.CreatedAt`, `AbusePenalty.Expiration`) are kept as the strings ARM
/// sent, which is also what Newtonsoft writes back for ARM's UTC round-trip form.
///
/// Example: `CognitiveServicesModels.accountProperties` lists the 30 properties of
/// `AccountProperties`, from `ProvisioningState` to `RaiMonitorConfig`.
enum CognitiveServicesModels {
    static let namespace = "Microsoft.Azure.Management.CognitiveServices.Models."
    static let azNamespace = "Microsoft.Azure.Commands.Management.CognitiveServices.Models."

    typealias Field = SDKModel.Field

    static let sku = SDKModel(
        namespace + "Sku",
        [
            Field("Name", "name", .string), Field("Tier", "tier", .string), Field("Size", "size", .string),
            Field("Family", "family", .string), Field("Capacity", "capacity", .integer),
        ])

    /// `ResourceIdentityType`, string-converted, with `EnumMember` spellings.
    static let resourceIdentityType = SDKEnumeration(
        typeName: namespace + "ResourceIdentityType",
        members: [
            .init(name: "None", value: 0, serializedName: "None"),
            .init(name: "SystemAssigned", value: 1, serializedName: "SystemAssigned"),
            .init(name: "UserAssigned", value: 2, serializedName: "UserAssigned"),
            .init(name: "SystemAssignedUserAssigned", value: 3, serializedName: "SystemAssigned, UserAssigned"),
        ],
        writesNames: true, ignoresCase: true)

    static let userAssignedIdentity = SDKModel(
        namespace + "UserAssignedIdentity",
        [Field("PrincipalId", "principalId", .string), Field("ClientId", "clientId", .string)])

    static let identity = SDKModel(
        namespace + "Identity",
        [
            Field("Type", "type", .enumeration(resourceIdentityType)), Field("TenantId", "tenantId", .string),
            Field("PrincipalId", "principalId", .string),
            Field("UserAssignedIdentities", "userAssignedIdentities", .dictionary(.object(userAssignedIdentity))),
        ])

    static let keyVaultProperties = SDKModel(
        namespace + "KeyVaultProperties",
        [
            Field("KeyName", "keyName", .string), Field("KeyVersion", "keyVersion", .string),
            Field("KeyVaultUri", "keyVaultUri", .string), Field("IdentityClientId", "identityClientId", .string),
        ])

    static let encryption = SDKModel(
        namespace + "Encryption",
        [
            Field("KeyVaultProperties", "keyVaultProperties", .object(keyVaultProperties)),
            Field("KeySource", "keySource", .string),
        ])

    static let userOwnedStorage = SDKModel(
        namespace + "UserOwnedStorage",
        [Field("ResourceId", "resourceId", .string), Field("IdentityClientId", "identityClientId", .string)])

    static let systemData = SDKModel(
        namespace + "SystemData",
        [
            Field("CreatedBy", "createdBy", .string), Field("CreatedByType", "createdByType", .string),
            Field("CreatedAt", "createdAt", .string), Field("LastModifiedBy", "lastModifiedBy", .string),
            Field("LastModifiedByType", "lastModifiedByType", .string),
            Field("LastModifiedAt", "lastModifiedAt", .string),
        ])

    static let privateEndpoint = SDKModel(namespace + "PrivateEndpoint", [Field("Id", "id", .string)])

    static let privateLinkServiceConnectionState = SDKModel(
        namespace + "PrivateLinkServiceConnectionState",
        [
            Field("Status", "status", .string), Field("Description", "description", .string),
            Field("ActionsRequired", "actionsRequired", .string),
        ])

    static let privateEndpointConnectionProperties = SDKModel(
        namespace + "PrivateEndpointConnectionProperties",
        [
            Field("PrivateEndpoint", "privateEndpoint", .object(privateEndpoint)),
            Field(
                "PrivateLinkServiceConnectionState", "privateLinkServiceConnectionState",
                .object(privateLinkServiceConnectionState)),
            Field("ProvisioningState", "provisioningState", .string), Field("GroupIds", "groupIds", .list(.string)),
        ])

    /// `PrivateEndpointConnection : AzureEntityResource : Resource`.
    static let privateEndpointConnection = SDKModel(
        namespace + "PrivateEndpointConnection",
        [
            Field("Properties", "properties", .object(privateEndpointConnectionProperties)),
            Field("SystemData", "systemData", .object(systemData)), Field("Location", "location", .string),
            Field("Etag", "etag", .string), Field("Id", "id", .string), Field("Name", "name", .string),
            Field("Type", "type", .string),
        ])

    static let skuCapability = SDKModel(
        namespace + "SkuCapability", [Field("Name", "name", .string), Field("Value", "value", .string)])

    static let ipRule = SDKModel(namespace + "IpRule", [Field("Value", "value", .string)])

    static let virtualNetworkRule = SDKModel(
        namespace + "VirtualNetworkRule",
        [
            Field("Id", "id", .string), Field("State", "state", .string),
            Field("IgnoreMissingVnetServiceEndpoint", "ignoreMissingVnetServiceEndpoint", .bool),
        ])

    static let networkRuleSet = SDKModel(
        namespace + "NetworkRuleSet",
        [
            Field("DefaultAction", "defaultAction", .string), Field("Bypass", "bypass", .string),
            Field("IPRules", "ipRules", .list(.object(ipRule))),
            Field("VirtualNetworkRules", "virtualNetworkRules", .list(.object(virtualNetworkRule))),
        ])

    static let apiPropertiesFields: [Field] = [
        Field("AdditionalProperties", "", .any), Field("QnaRuntimeEndpoint", "qnaRuntimeEndpoint", .string),
        Field("QnaAzureSearchEndpointKey", "qnaAzureSearchEndpointKey", .string),
        Field("QnaAzureSearchEndpointId", "qnaAzureSearchEndpointId", .string),
        Field("StatisticsEnabled", "statisticsEnabled", .bool),
        Field("EventHubConnectionString", "eventHubConnectionString", .string),
        Field("StorageAccountConnectionString", "storageAccountConnectionString", .string),
        Field("AadClientId", "aadClientId", .string), Field("AadTenantId", "aadTenantId", .string),
        Field("SuperUser", "superUser", .string), Field("WebsiteName", "websiteName", .string),
    ]

    static let apiProperties = SDKModel(
        namespace + "ApiProperties", apiPropertiesFields, extensionDataField: "AdditionalProperties")

    /// Az's `CognitiveServicesAccountApiProperties : ApiProperties` (a JSON round-trip of the
    /// SDK's object, so the same properties; null stays null).
    static let accountApiProperties = SDKModel(
        namespace + "CognitiveServicesAccountApiProperties", apiPropertiesFields,
        extensionDataField: "AdditionalProperties")

    static let skuChangeInfo = SDKModel(
        namespace + "SkuChangeInfo",
        [
            Field("CountOfDowngrades", "countOfDowngrades", .double),
            Field("CountOfUpgradesAfterDowngrades", "countOfUpgradesAfterDowngrades", .double),
            Field("LastChangeDate", "lastChangeDate", .string),
        ])

    static let userOwnedAmlWorkspace = SDKModel(
        namespace + "UserOwnedAmlWorkspace",
        [Field("ResourceId", "resourceId", .string), Field("IdentityClientId", "identityClientId", .string)])

    static let requestMatchPattern = SDKModel(
        namespace + "RequestMatchPattern", [Field("Path", "path", .string), Field("Method", "method", .string)])

    static let throttlingRule = SDKModel(
        namespace + "ThrottlingRule",
        [
            Field("Key", "key", .string), Field("RenewalPeriod", "renewalPeriod", .double),
            Field("Count", "count", .double),
            Field("MinCount", "minCount", .double),
            Field("DynamicThrottlingEnabled", "dynamicThrottlingEnabled", .bool),
            Field("MatchPatterns", "matchPatterns", .list(.object(requestMatchPattern))),
        ])

    static func rateLimit(_ name: String) -> SDKModel {
        SDKModel(
            namespace + name,
            [
                Field("Count", "count", .double), Field("RenewalPeriod", "renewalPeriod", .double),
                Field("Rules", "rules", .list(.object(throttlingRule))),
            ])
    }

    static let regionSetting = SDKModel(
        namespace + "RegionSetting",
        [
            Field("Name", "name", .string), Field("Value", "value", .double),
            Field("Customsubdomain", "customsubdomain", .string),
        ])

    static let multiRegionSettings = SDKModel(
        namespace + "MultiRegionSettings",
        [Field("RoutingMethod", "routingMethod", .string), Field("Regions", "regions", .list(.object(regionSetting)))])

    static let commitmentPlanAssociation = SDKModel(
        namespace + "CommitmentPlanAssociation",
        [
            Field("CommitmentPlanId", "commitmentPlanId", .string),
            Field("CommitmentPlanLocation", "commitmentPlanLocation", .string),
        ])

    static let abusePenalty = SDKModel(
        namespace + "AbusePenalty",
        [
            Field("Action", "action", .string), Field("RateLimitPercentage", "rateLimitPercentage", .double),
            Field("Expiration", "expiration", .string),
        ])

    static let raiMonitorConfig = SDKModel(
        namespace + "RaiMonitorConfig",
        [
            Field("AdxStorageResourceId", "adxStorageResourceId", .string),
            Field("IdentityClientId", "identityClientId", .string),
        ])

    static let accountProperties = SDKModel(
        namespace + "AccountProperties",
        [
            Field("ProvisioningState", "provisioningState", .string), Field("Endpoint", "endpoint", .string),
            Field("InternalId", "internalId", .string),
            Field("Capabilities", "capabilities", .list(.object(skuCapability))),
            Field("IsMigrated", "isMigrated", .bool), Field("MigrationToken", "migrationToken", .string),
            Field("SkuChangeInfo", "skuChangeInfo", .object(skuChangeInfo)),
            Field("CustomSubDomainName", "customSubDomainName", .string),
            Field("NetworkAcls", "networkAcls", .object(networkRuleSet)),
            Field("Encryption", "encryption", .object(encryption)),
            Field("UserOwnedStorage", "userOwnedStorage", .list(.object(userOwnedStorage))),
            Field("AmlWorkspace", "amlWorkspace", .object(userOwnedAmlWorkspace)),
            Field(
                "PrivateEndpointConnections", "privateEndpointConnections", .list(.object(privateEndpointConnection))),
            Field("PublicNetworkAccess", "publicNetworkAccess", .string),
            Field("ApiProperties", "apiProperties", .object(apiProperties)),
            Field("DateCreated", "dateCreated", .string),
            Field("CallRateLimit", "callRateLimit", .object(rateLimit("CallRateLimit"))),
            Field("DynamicThrottlingEnabled", "dynamicThrottlingEnabled", .bool),
            Field("QuotaLimit", "quotaLimit", .object(rateLimit("QuotaLimit"))),
            Field("RestrictOutboundNetworkAccess", "restrictOutboundNetworkAccess", .bool),
            Field("AllowedFqdnList", "allowedFqdnList", .list(.string)),
            Field("DisableLocalAuth", "disableLocalAuth", .bool), Field("Endpoints", "endpoints", .dictionary(.string)),
            Field("Restore", "restore", .bool), Field("DeletionDate", "deletionDate", .string),
            Field("ScheduledPurgeDate", "scheduledPurgeDate", .string),
            Field("Locations", "locations", .object(multiRegionSettings)),
            Field(
                "CommitmentPlanAssociations", "commitmentPlanAssociations", .list(.object(commitmentPlanAssociation))),
            Field("AbusePenalty", "abusePenalty", .object(abusePenalty)),
            Field("RaiMonitorConfig", "raiMonitorConfig", .object(raiMonitorConfig)),
        ])

    /// Az's `PSNetWorkRuleDefaultActionEnum` { Deny, Allow }: parsed with `Enum.Parse` (case
    /// matters), written to JSON as its number (the converter sits on the property, which
    /// `ConvertTo-Json` does not read).
    static let defaultAction = SDKEnumeration(
        typeName: azNamespace + "PSNetWorkRuleDefaultActionEnum",
        members: [
            .init(name: "Deny", value: 0, serializedName: "Deny"),
            .init(name: "Allow", value: 1, serializedName: "Allow"),
        ],
        writesNames: false, ignoresCase: false)
}

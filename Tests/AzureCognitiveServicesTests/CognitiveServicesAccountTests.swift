import AzShimSupport
import PowerShellHost
import Testing

@testable import AzureCognitiveServices

/// PSCognitiveServicesAccount from ARM JSON (az-cognitiveservices-module.md §2.3, §2.4): its 24
/// properties in Az's order, the list view PowerShell picks for it, `ConvertTo-Json` of the
/// whole object, and Az's errors for responses it cannot read.
struct CognitiveServicesAccountTests {
    static func account(_ json: String) throws -> CognitiveServicesAccount {
        try CognitiveServicesAccount(arm: try JSONParser.parse(Array(json.utf8)))
    }

    static let propertyNames = [
        "ResourceGroupName", "AccountName", "Id", "Endpoint", "Location", "Sku", "AccountType", "ResourceType", "Etag",
        "ProvisioningState", "CustomSubDomainName", "PublicNetworkAccess", "Identity", "Encryption", "UserOwnedStorage",
        "PrivateEndpointConnections", "ApiProperties", "Properties", "RestrictOutboundNetworkAccess", "AllowedFqdnList",
        "DisableLocalAuth", "NetworkRuleSet", "Capabilities", "Tags",
    ]

    @Test("the 24 properties in Az's declaration order; ToString() is the Id")
    func properties() throws {
        let object = try Self.account(RecordedAccounts.recorded).psObject
        #expect(
            object.typeName == "Microsoft.Azure.Commands.Management.CognitiveServices.Models.PSCognitiveServicesAccount"
        )
        #expect(object.properties.map(\.name) == Self.propertyNames)
        #expect(
            object.toStringResult
                == "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/clitest.rg000001/providers/Microsoft.CognitiveServices/accounts/cog000002"
        )
    }

    @Test(
        "the recorded account in Format-List, as the help example shows one (labels padded to RestrictOutboundNetworkAccess)"
    )
    func recordedList() throws {
        let object = try Self.account(RecordedAccounts.recorded).psObject
        let expected = """

            ResourceGroupName             : clitest.rg000001
            AccountName                   : cog000002
            Id                            : /subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/clitest.rg000001/providers/Microsoft.CognitiveServices/accounts/cog000002
            Endpoint                      : https://centraluseuap.api.cognitive.microsoft.com/
            Location                      : centraluseuap
            Sku                           : Microsoft.Azure.Management.CognitiveServices.Models.Sku
            AccountType                   : FormRecognizer
            ResourceType                  : Microsoft.CognitiveServices/accounts
            Etag                          : "0300ef9d-0000-3300-0000-624238b50000"
            ProvisioningState             : Succeeded
            CustomSubDomainName           : 
            PublicNetworkAccess           : Enabled
            Identity                      : 
            Encryption                    : 
            UserOwnedStorage              : 
            PrivateEndpointConnections    : {}
            ApiProperties                 : 
            Properties                    : Microsoft.Azure.Management.CognitiveServices.Models.AccountProperties
            RestrictOutboundNetworkAccess : 
            AllowedFqdnList               : 
            DisableLocalAuth              : 
            NetworkRuleSet                : 
            Capabilities                  : {VirtualNetworks, CustomerManagedStorage, CustomerManagedKey, Container}
            Tags                          : {[tagname000003, tagvalue000004]}

            """
        #expect(ListFormatter(maximumWidth: nil).format(object) == expected)
    }

    @Test("every mapped property filled: type names, display names of list elements, enumeration limit")
    func everythingList() throws {
        let object = try Self.account(RecordedAccounts.everything).psObject
        let expected = """

            ResourceGroupName             : Prod-AI
            AccountName                   : prod-translator
            Id                            : /subscriptions/00000000-1111-2222-3333-444444444444/resourceGroups/Prod-AI/providers/Microsoft.CognitiveServices/accounts/prod-translator
            Endpoint                      : https://prod-translator.cognitiveservices.azure.com/
            Location                      : westeurope
            Sku                           : Microsoft.Azure.Management.CognitiveServices.Models.Sku
            AccountType                   : TextTranslation
            ResourceType                  : Microsoft.CognitiveServices/accounts
            Etag                          : "8403fad7-0000-0100-0000-65a1b2c30000"
            ProvisioningState             : Succeeded
            CustomSubDomainName           : prod-translator
            PublicNetworkAccess           : Disabled
            Identity                      : Microsoft.Azure.Management.CognitiveServices.Models.Identity
            Encryption                    : Microsoft.Azure.Management.CognitiveServices.Models.Encryption
            UserOwnedStorage              : {/subscriptions/s/resourceGroups/r/providers/Microsoft.Storage/storageAccounts/st1}
            PrivateEndpointConnections    : {pec1}
            ApiProperties                 : Microsoft.Azure.Management.CognitiveServices.Models.CognitiveServicesAccountApiProperties
            Properties                    : Microsoft.Azure.Management.CognitiveServices.Models.AccountProperties
            RestrictOutboundNetworkAccess : True
            AllowedFqdnList               : {a.example, b.example, c.example, d.example…}
            DisableLocalAuth              : False
            NetworkRuleSet                : Microsoft.Azure.Commands.Management.CognitiveServices.Models.PSNetworkRuleSet
            Capabilities                  : {VirtualNetworks, CustomerManagedKey, MaxFineTuneCount, TrustedServices…}
            Tags                          : {[env, prod], [team, ai], [cost, 42]}

            """
        #expect(ListFormatter(maximumWidth: nil).format(object) == expected)
    }

    @Test("on an 80-column terminal the Id wraps under the value column, 47 cells a line")
    func wrapsOnTerminal() throws {
        let object = try Self.account(RecordedAccounts.recorded).psObject
        let lines = ListFormatter(maximumWidth: 79).format(object).split(
            separator: "\n", omittingEmptySubsequences: false)
        let id = Array(object.toStringResult)
        let chunks = stride(from: 0, to: id.count, by: 47).map { String(id[$0..<min($0 + 47, id.count)]) }
        let start = try #require(lines.firstIndex { $0.hasPrefix("Id ") })
        #expect(lines[start] == "Id                            : " + chunks[0])
        for (offset, chunk) in chunks.enumerated().dropFirst() {
            #expect(lines[start + offset] == String(repeating: " ", count: 32) + chunk)
        }
        #expect(lines[start + chunks.count].hasPrefix("Endpoint "))
        #expect(lines.allSatisfy { $0.count <= 79 })
    }

    @Test("ConvertTo-Json of the whole object: .NET names, nested objects at any depth, enums as Az writes them")
    func json() throws {
        let object = try Self.account(RecordedAccounts.everything).psObject
        let text = object.compressedJSON
        let parsed = try JSONParser.parse(Array(text.utf8))
        guard case .object(let members) = parsed else {
            Issue.record("not an object")
            return
        }
        #expect(members.map(\.key) == Self.propertyNames)
        for fragment in [
            #"{"ResourceGroupName":"Prod-AI","AccountName":"prod-translator","#,
            #""Sku":{"Name":"S1","Tier":"Standard","Size":null,"Family":null,"Capacity":2}"#,
            #""Identity":{"Type":"SystemAssigned, UserAssigned","TenantId":"t","PrincipalId":"p","UserAssignedIdentities":{"/subscriptions/s/resourceGroups/r/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id1":{"PrincipalId":"p1","ClientId":"c1"}}}"#,
            #""Encryption":{"KeyVaultProperties":{"KeyName":"k","KeyVersion":"1","KeyVaultUri":"https://kv.vault.azure.net/","IdentityClientId":null},"KeySource":"Microsoft.KeyVault"}"#,
            #""NetworkRuleSet":{"DefaultAction":1,"IpRules":[{"IpAddress":"10.0.0.0/24"},{"IpAddress":"203.0.113.7"}],"VirtualNetworkRules":[{"Id":"/subscriptions/s/resourceGroups/r/providers/Microsoft.Network/virtualNetworks/v/subnets/default","State":"Succeeded","IgnoreMissingVnetServiceEndpoint":true}]}"#,
            #""ApiProperties":{"AdditionalProperties":{"customSetting":"x"},"QnaRuntimeEndpoint":null,"#,
            #""CallRateLimit":{"Count":120.0,"RenewalPeriod":60.0,"Rules":null}"#,
            #""PrivateEndpointConnections":[{"Properties":{"PrivateEndpoint":{"Id":"/subscriptions/s/pe1"},"PrivateLinkServiceConnectionState":{"Status":"Approved","Description":null,"ActionsRequired":null},"ProvisioningState":null,"GroupIds":["account"]},"SystemData":null,"Location":null,"Etag":null,"Id":"/subscriptions/s/resourceGroups/r/providers/Microsoft.CognitiveServices/accounts/prod-translator/privateEndpointConnections/pec1","Name":"pec1","Type":null}]"#,
            #""Tags":{"env":"prod","team":"ai","cost":"42"}}"#,
        ] {
            #expect(text.contains(fragment), "\(fragment)")
        }
    }

    @Test("a network rule set without defaultAction is Deny (PSNetworkRuleSet.Create); rule arrays are never null")
    func networkDefaults() throws {
        let json =
            #"{"id":"/subscriptions/s/resourceGroups/rg/providers/Microsoft.CognitiveServices/accounts/a","properties":{"networkAcls":{}}}"#
        let object = try Self.account(json).psObject
        #expect(
            object["NetworkRuleSet"].map(PSValueJSON.json).map(JSONWriter.compact)
                == #"{"DefaultAction":0,"IpRules":[],"VirtualNetworkRules":[]}"#)
    }

    @Test("a soft-deleted account's id gives Microsoft.CognitiveServices as its resource group, as in Az")
    func deletedResourceGroup() throws {
        let json =
            #"{"id":"/subscriptions/s/providers/Microsoft.CognitiveServices/locations/westus/resourceGroups/rg/deletedAccounts/a","name":"a","properties":{}}"#
        #expect(try Self.account(json).resourceGroupName == "Microsoft.CognitiveServices")
    }

    struct ErrorCase: Sendable, CustomTestStringConvertible {
        let json: String
        let message: String
        let testDescription: String
    }

    @Test(
        "a response Az cannot read is Az's error",
        arguments: [
            ErrorCase(
                json: #"{"id":"/subscriptions/s/resourceGroups/rg/x/y","name":"a"}"#,
                message: "Object reference not set to an instance of an object.", testDescription: "no properties"),
            ErrorCase(
                json: #"{"id":"/subscriptions/s","properties":{}}"#,
                message: "Index was outside the bounds of the array.", testDescription: "a short id"),
            ErrorCase(
                json: #"{"id":"/subscriptions/s/resourceGroups/rg/a","sku":"S0","properties":{}}"#,
                message: "Unable to deserialize the response.", testDescription: "a SKU that is not an object"),
            ErrorCase(
                json: #"{"properties":{"capabilities":[{"name":["x"]}]}}"#,
                message: "Unable to deserialize the response.", testDescription: "a nested value of the wrong type"),
            ErrorCase(
                json: #"{"sku":{"name":"S0","capacity":1.5},"properties":{}}"#,
                message: "Unable to deserialize the response.", testDescription: "a fraction for an int"),
            ErrorCase(
                json: #"{"properties":{"networkAcls":{"defaultAction":"allow"}}}"#,
                message: "Requested value 'allow' was not found.", testDescription: "Enum.Parse is case-sensitive"),
            ErrorCase(
                json: #"{"identity":{"type":"Everyone"},"properties":{}}"#,
                message: "Unable to deserialize the response.", testDescription: "an unknown identity type"),
            ErrorCase(
                json: #"["not an account"]"#, message: "Unable to deserialize the response.",
                testDescription: "not an object"),
        ])
    func errors(_ row: ErrorCase) throws {
        let document = try JSONParser.parse(Array(row.json.utf8))
        #expect(throws: ErrorRecord.self) { try CognitiveServicesClient.account(from: document) }
        do {
            _ = try CognitiveServicesClient.account(from: document)
        } catch {
            #expect(error.message == row.message)
        }
    }

    @Test("lenient where Newtonsoft is: numbers into strings, identity types ignoring case, unknown members ignored")
    func lenient() throws {
        let json =
            #"{"name":42,"identity":{"type":"systemassigned"},"tags":{"n":7},"properties":{"backupUpperLimit":20}}"#
        let account = try Self.account(json)
        #expect(account.accountName == "42")
        #expect(account.tags == [PSValue.Entry("n", .string("7"))])
        guard case .object(let identity) = account.identity, case .enumeration(let type)? = identity["Type"] else {
            Issue.record("no identity type")
            return
        }
        #expect(type.name == "SystemAssigned" && type.value == 1)
    }
}

import AzShimSupport

/// Advice for a pipeline object in the Azure CLI's shape (`az cognitiveservices account list
/// -o json` writes `resourceGroup` and `name`), which binds `Name` (PowerShell matches names
/// ignoring case) but never `ResourceGroupName`: PowerShell's error stays as it is, and this
/// line follows it with the `jq` mapping.
///
/// Example: `{"name":"myluis","resourceGroup":"rg"}` piped to
/// `New-AzCognitiveServicesAccountKey -KeyName Key2` fails with InputObjectMissingMandatory
/// (`  ResourceGroupName`), then
/// `Hint: resourceGroup is the Azure CLI's name for ResourceGroupName; map it with jq: … | jq -c '.[] | {ResourceGroupName: .resourceGroup, Name: .name}' | …`.
enum AzureCLIInputHint {
    static let text =
        "Hint: resourceGroup is the Azure CLI's name for ResourceGroupName; map it with jq: "
        + "az cognitiveservices account list -o json | jq -c '.[] | {ResourceGroupName: .resourceGroup, Name: .name}' | …"

    /// The hint, when `object` has `resourceGroup` (as the Azure CLI spells it) and no
    /// `ResourceGroupName` in any spelling; else nil.
    @Sendable static func hint(for object: JSONValue) -> String? {
        guard case .object(let members) = object, members.contains(where: { $0.key == "resourceGroup" }),
            !members.contains(where: { $0.key.lowercased() == "resourcegroupname" })
        else { return nil }
        return text
    }
}

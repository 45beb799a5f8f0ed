import PowerShellHost

/// `Microsoft.Azure.Management.CognitiveServices.Models.KeyName` { Key1 = 0, Key2 = 1 }: which
/// key `-KeyName` regenerates. The raw value is the member name ARM's `regenerateKey` body carries.
///
/// Example: `New-AzCognitiveServicesAccountKey rg myluis 1` binds `-KeyName` as `.key2`.
enum KeyName: String, ParameterEnumeration {
    case key1 = "Key1"
    case key2 = "Key2"

    static let fullName = "Microsoft.Azure.Management.CognitiveServices.Models.KeyName"
}

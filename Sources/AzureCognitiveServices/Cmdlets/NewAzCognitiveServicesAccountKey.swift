import PowerShellHost

/// `New-AzCognitiveServicesAccountKey`: regenerates Key1 or Key2 of a Cognitive Services account
/// (`NewAzureCognitiveServicesAccountKeyCommand` in Az.CognitiveServices).
///
/// Example: `New-AzCognitiveServicesAccountKey -ResourceGroupName rg -Name myluis -KeyName Key1`
/// writes the ApiKeys object with the new Key1 and the unchanged Key2.
package struct NewAzCognitiveServicesAccountKey: CognitiveServicesAccountCmdlet {
    package static let commandName = "New-AzCognitiveServicesAccountKey"

    package static let metadata = CommandMetadata(
        name: commandName,
        implementingTypeName:
            "Microsoft.Azure.Commands.Management.CognitiveServices.NewAzureCognitiveServicesAccountKeyCommand",
        declaredParameters: [
            CognitiveServicesParameters.resourceGroupName.metadata, CognitiveServicesParameters.name.metadata,
            CognitiveServicesParameters.keyName.metadata, CognitiveServicesParameters.force.metadata,
            CognitiveServicesParameters.defaultProfile.metadata,
        ],
        supportsShouldProcess: true)

    /// What New- writes: the SDK's `ApiKeys`, not wrapped (`WriteObject(keys)`).
    static let outputTypeName = "Microsoft.Azure.Management.CognitiveServices.Models.ApiKeys"

    package init() {}

    package func process(
        _ parameters: BoundParameters, session: AzureSession, runtime: CommandRuntime
    ) throws(ErrorRecord) {
        guard let account = AccountReference(parameters), let keyName = parameters[CognitiveServicesParameters.keyName]
        else { return }
        let action = Self.action(keyName: keyName.rawValue, account: account.name)
        // Az: `ShouldProcess(Name, action) || Force.IsPresent`. AzShim lets -WhatIf and a "No"
        // win over -Force (a deliberate deviation, see README).
        guard runtime.shouldProcess(target: account.name, action: action) else {
            if parameters[CognitiveServicesParameters.force] && runtime.preferences.whatIf {
                runtime.writeWarning(
                    "The Az module would regenerate \(keyName.rawValue) of '\(account.name)' anyway, because -Force "
                        + "overrides -WhatIf there; AzShim changes nothing under -WhatIf.")
            }
            return
        }
        let keys = try session.client.regenerateKey(
            resourceGroup: account.resourceGroupName, account: account.name, keyName: keyName.rawValue)
        runtime.writeObject(keys.object(typeName: Self.outputTypeName))
    }

    /// Az's ShouldProcess action, `Regenerating Key Key1 for account myluis.`, copied byte by
    /// byte into one string of the right size: interpolation, or appending piece by piece, costs
    /// a few hundred instructions a piece and was the largest cost of a `-WhatIf` object
    /// (issue 17, throughput of the binder). The bytes are those of the interpolation.
    static func action(keyName: String, account: String) -> String {
        let prefix: StaticString = "Regenerating Key "
        let middle: StaticString = " for account "
        var keyName = keyName
        var account = account
        let count = prefix.utf8CodeUnitCount + keyName.utf8.count + middle.utf8CodeUnitCount + account.utf8.count + 1
        return String(unsafeUninitializedCapacity: count) { buffer in
            var filled = 0
            func put(_ bytes: UnsafeBufferPointer<UInt8>) {
                guard let source = bytes.baseAddress, let target = buffer.baseAddress else { return }
                (target + filled).initialize(from: source, count: bytes.count)
                filled += bytes.count
            }
            put(UnsafeBufferPointer(start: prefix.utf8Start, count: prefix.utf8CodeUnitCount))
            keyName.withUTF8(put)
            put(UnsafeBufferPointer(start: middle.utf8Start, count: middle.utf8CodeUnitCount))
            account.withUTF8(put)
            buffer[filled] = UInt8(ascii: ".")
            return filled + 1
        }
    }
}

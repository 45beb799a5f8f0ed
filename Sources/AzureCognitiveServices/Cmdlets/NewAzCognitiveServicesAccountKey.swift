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

    /// Az's ShouldProcess action, `Regenerating Key Key1 for account myluis.`, built as a
    /// string only when the text is needed (a `-WhatIf` line copies its bytes).
    static func action(keyName: String, account: String) -> Action { Action(keyName: keyName, account: account) }

    /// The action `Regenerating Key KEYNAME for account ACCOUNT.` (Az's interpolated text).
    ///
    /// Example: `Action(keyName: "Key1", account: "myluis").text` is
    /// `Regenerating Key Key1 for account myluis.`
    struct Action: ShouldProcessAction {
        let keyName: String
        let account: String

        private static let prefix: StaticString = "Regenerating Key "
        private static let middle: StaticString = " for account "

        var utf8Count: Int {
            Self.prefix.utf8CodeUnitCount + keyName.utf8.count + Self.middle.utf8CodeUnitCount + account.utf8.count + 1
        }

        func copyUTF8(into buffer: UnsafeMutableBufferPointer<UInt8>) -> Int {
            guard buffer.count >= utf8Count, let start = buffer.baseAddress else { return 0 }
            var end = start
            func put(_ bytes: UnsafeBufferPointer<UInt8>) {
                guard let source = bytes.baseAddress else { return }
                end.initialize(from: source, count: bytes.count)
                end += bytes.count
            }
            var keyName = keyName
            var account = account
            put(UnsafeBufferPointer(start: Self.prefix.utf8Start, count: Self.prefix.utf8CodeUnitCount))
            keyName.withUTF8(put)
            put(UnsafeBufferPointer(start: Self.middle.utf8Start, count: Self.middle.utf8CodeUnitCount))
            account.withUTF8(put)
            end.initialize(to: UInt8(ascii: "."))
            return end + 1 - start
        }

        /// One string of the right size: interpolation, or appending piece by piece, costs a
        /// few hundred instructions a piece (issue 17, throughput).
        var text: String {
            String(unsafeUninitializedCapacity: utf8Count) { copyUTF8(into: $0) }
        }
    }
}

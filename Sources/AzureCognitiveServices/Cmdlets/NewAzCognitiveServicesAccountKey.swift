import PowerShellHost

/// `New-AzCognitiveServicesAccountKey`: regenerates Key1 or Key2 of a Cognitive Services account
/// (`NewAzureCognitiveServicesAccountKeyCommand` in Az.CognitiveServices).
///
/// Example: `New-AzCognitiveServicesAccountKey -ResourceGroupName rg -Name myluis -KeyName Key1`
/// writes the ApiKeys object with the new Key1 and the unchanged Key2.
public final class NewAzCognitiveServicesAccountKey: Cmdlet {
    public static let metadata = CommandMetadata(
        name: "New-AzCognitiveServicesAccountKey",
        implementingTypeName: "Microsoft.Azure.Commands.Management.CognitiveServices.NewAzureCognitiveServicesAccountKeyCommand",
        declaredParameters: [
            CognitiveServicesParameters.resourceGroupName, CognitiveServicesParameters.name,
            CognitiveServicesParameters.keyName, CognitiveServicesParameters.force,
            CognitiveServicesParameters.defaultProfile,
        ],
        supportsShouldProcess: true)

    public static let definition = CommandDefinition(
        metadata: metadata, helpMarkdown: EmbeddedHelp.markdown[metadata.name], makeCmdlet: { NewAzCognitiveServicesAccountKey(environment: $0) })

    static let outputTypeName = "Microsoft.Azure.Management.CognitiveServices.Models.ApiKeys"

    private let environment: [String: String]
    private var session: AzureSession?

    init(environment: [String: String]) {
        self.environment = environment
    }

    /// The class name Az's debug lines carry (`this.GetType().Name`).
    static let implementingClassName = "NewAzureCognitiveServicesAccountKeyCommand"

    public func begin(_ parameters: BoundParameters, _ runtime: CommandRuntime) throws(ErrorRecord) {
        // AzurePSCmdlet.LogCmdletStartInvocationInfo: `WriteDebugWithTimestamp("{0} begin processing
        // with ParameterSet '{1}'.")`, `{0:T} - {1}` (azure-powershell-common AzurePSCmdlet.cs).
        runtime.writeDebug(
            "\(CommandRuntime.timeOfDay()) - \(Self.implementingClassName) begin processing with ParameterSet '__AllParameterSets'.")
        guard !runtime.isStopping else { return }
        session = try AzureSession.resolve(
            environment: environment, defaultProfilePath: parameters.string("DefaultProfile"), runtime: runtime)
    }

    /// AzurePSCmdlet.LogCmdletEndInvocationInfo: `{0} end processing.`
    public func end(_ runtime: CommandRuntime) {
        runtime.writeDebug("\(CommandRuntime.timeOfDay()) - \(Self.implementingClassName) end processing.")
    }

    public func process(_ parameters: BoundParameters, _ runtime: CommandRuntime) throws(ErrorRecord) {
        guard !runtime.isStopping, let session, let resourceGroup = parameters.string("ResourceGroupName"),
            let name = parameters.string("Name"), let keyName = parameters["KeyName"]?.value.enumerationName
        else { return }
        let action = "Regenerating Key \(keyName) for account \(name)."
        // Az: `ShouldProcess(Name, action) || Force.IsPresent`. AzShim lets -WhatIf and a "No"
        // win over -Force (a deliberate deviation, see README).
        guard runtime.shouldProcess(target: name, action: action) else {
            if parameters.isPresent("Force") && runtime.preferences.whatIf {
                runtime.writeWarning(
                    "The Az module would regenerate \(keyName) of '\(name)' anyway, because -Force overrides "
                        + "-WhatIf there; AzShim changes nothing under -WhatIf.")
            }
            return
        }
        let keys = try session.client.regenerateKey(resourceGroup: resourceGroup, account: name, keyName: keyName)
        runtime.writeObject(keys.object(typeName: Self.outputTypeName))
    }
}

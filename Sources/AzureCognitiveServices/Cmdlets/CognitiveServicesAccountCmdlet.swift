import PowerShellHost

/// A Cognitive Services account cmdlet: its metadata and its own work for one input object,
/// which it must implement (there is no default). What every such cmdlet does around that work
/// — Az's begin/end debug lines and one `AzureSession` for all pipeline objects — is
/// `CognitiveServicesCmdletRunner`'s, and the `definition` the host runs comes from this
/// protocol's extension.
///
/// Example:
/// ```swift
/// struct GetAzCognitiveServicesAccountKey: CognitiveServicesAccountCmdlet {
///     static let commandName = "Get-AzCognitiveServicesAccountKey"
///     static let metadata = CommandMetadata(name: commandName, …)
///     func process(_ parameters: BoundParameters, session: AzureSession, runtime: CommandRuntime) throws(…) {
///         guard let account = AccountReference(parameters) else { return }
///         runtime.writeObject(try session.client.listKeys(…).object(typeName: …))
///     }
/// }
/// ```
package protocol CognitiveServicesAccountCmdlet: Sendable {
    /// The command's name, `metadata.name`, known without building the metadata.
    static var commandName: String { get }

    /// The command's name and parameters (`ParameterKey`s from `CognitiveServicesParameters`).
    static var metadata: CommandMetadata { get }

    init()

    /// The cmdlet's own work for one input object (`ProcessRecord`), with every parameter bound;
    /// `session` is the run's backend, set up once before the first object. A thrown error is
    /// written as a non-terminating error and the next object runs.
    func process(_ parameters: BoundParameters, session: AzureSession, runtime: CommandRuntime) throws(ErrorRecord)
}

extension CognitiveServicesAccountCmdlet {
    /// What the host runs: the metadata, the embedded help file, and a runner around `process`.
    package static var definition: CommandDefinition {
        CommandDefinition(
            metadata: metadata, helpMarkdown: EmbeddedHelp.markdown(named: metadata.name),
            makeCmdlet: { CognitiveServicesCmdletRunner(Self(), environment: $0) },
            checkEnvironment: AzureEnvironmentCheck.problem(reading:), pipelineInputHint: AzureCLIInputHint.hint(for:))
    }
}

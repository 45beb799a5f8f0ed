import AzShimSupport

/// A command the host can run: its metadata, its help file, and how to make its body.
///
/// Example: `CommandDefinition(metadata: NewAzCognitiveServicesAccountKey.metadata,
/// helpMarkdown: EmbeddedHelp.markdown["New-AzCognitiveServicesAccountKey"],
/// makeCmdlet: { CognitiveServicesCmdletRunner(NewAzCognitiveServicesAccountKey(), environment: $0) })`.
package struct CommandDefinition: Sendable {
    package let metadata: CommandMetadata
    package let helpMarkdown: String?
    package let makeCmdlet: @Sendable (_ environment: [String: String]) -> any Cmdlet
    /// The first problem with the command's own environment settings (`AZSHIM_HTTP_TIMEOUT=abc`),
    /// as the message to print, or nil; the host checks it with the host options, so a bad
    /// value is exit status 2 before anything runs. It reads the variables it checks by name
    /// (`variable("AZSHIM_HTTP_TIMEOUT")`), so a run that stops at binding never decodes the whole
    /// environment.
    package let checkEnvironment: @Sendable (_ variable: (String) -> String?) -> String?
    /// Advice for a pipeline object that did not bind (`InputObjectNotBound`,
    /// `InputObjectMissingMandatory`), shown on a line after PowerShell's error, or nil: e.g. the
    /// `jq` mapping for the Azure CLI's `resourceGroup`/`name`.
    package let pipelineInputHint: @Sendable (_ object: JSONValue) -> String?

    package init(
        metadata: CommandMetadata, helpMarkdown: String?,
        makeCmdlet: @escaping @Sendable (_ environment: [String: String]) -> any Cmdlet,
        checkEnvironment: @escaping @Sendable (_ variable: (String) -> String?) -> String? = { _ in nil },
        pipelineInputHint: @escaping @Sendable (_ object: JSONValue) -> String? = { _ in nil }
    ) {
        self.metadata = metadata
        self.helpMarkdown = helpMarkdown
        self.makeCmdlet = makeCmdlet
        self.checkEnvironment = checkEnvironment
        self.pipelineInputHint = pipelineInputHint
    }
}

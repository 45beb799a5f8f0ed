/// A command the host can run: its metadata, its help file, and how to make its body.
///
/// Example: `CommandDefinition(metadata: NewAzCognitiveServicesAccountKey.metadata,
/// helpMarkdown: EmbeddedHelp.markdown["New-AzCognitiveServicesAccountKey"],
/// makeCmdlet: { CognitiveServicesCmdletRunner(NewAzCognitiveServicesAccountKey(), environment: $0) })`.
public struct CommandDefinition: Sendable {
    public let metadata: CommandMetadata
    public let helpMarkdown: String?
    public let makeCmdlet: @Sendable (_ environment: [String: String]) -> any Cmdlet

    public init(
        metadata: CommandMetadata, helpMarkdown: String?,
        makeCmdlet: @escaping @Sendable (_ environment: [String: String]) -> any Cmdlet
    ) {
        self.metadata = metadata
        self.helpMarkdown = helpMarkdown
        self.makeCmdlet = makeCmdlet
    }
}

/// The one stderr line that says the command is waiting for pipeline input, so a forgotten
/// parameter with an open but silent stdin (`ssh`, `docker exec -i`, many CI runners) is not a
/// silent hang. The host shows it when a pipeline parameter is still unbound after the command
/// line, stdin is a pipe, FIFO or socket (`HostIO.standardInputWait`; never a terminal or a
/// regular file) and nothing, not even its end, has arrived within `delay`. Reading then goes on
/// as before: input that comes later is processed, and closing stdin ends the wait.
///
/// Example: `sleep 60 | New-AzCognitiveServicesAccountKey rg acct` prints after 3 s
/// `New-AzCognitiveServicesAccountKey: waiting for pipeline input on standard input (JSON objects) for: KeyName. Give the parameters on the command line, or close standard input.`
enum PipelineWaitNotice {
    /// How long stdin may stay silent before the notice.
    static let delay = Duration.seconds(3)

    /// The pipeline parameters the input objects would fill: the unbound ones that are
    /// mandatory in some parameter set, or, when none is (`Get-AzCognitiveServicesAccount` with
    /// no arguments), every unbound one.
    static func awaitedParameters(_ metadata: CommandMetadata, bound: BoundParameters) -> [String] {
        let unbound = metadata.pipelineParameters.filter { !bound.contains($0.name) }
        let mandatory = unbound.filter { parameter in parameter.sets.contains { $0.isMandatory } }
        return (mandatory.isEmpty ? unbound : mandatory).map(\.name)
    }

    static func text(commandName: String, parameters: [String]) -> String {
        "\(commandName): waiting for pipeline input on standard input (JSON objects) for: "
            + parameters.joined(separator: ", ")
            + ". Give the parameters on the command line, or close standard input.\n"
    }
}

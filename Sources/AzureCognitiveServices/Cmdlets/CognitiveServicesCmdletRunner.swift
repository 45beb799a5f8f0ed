import PowerShellHost

/// What every Cognitive Services account cmdlet does around its own work, as Az's
/// `CognitiveServicesAccountBaseCmdlet` and `AzurePSCmdlet` do: Az's begin/end debug lines, and
/// one `AzureSession` (emulator or ARM, one connection and one token) for all pipeline objects,
/// handed to the command's `process` for each object.
///
/// Example: `New-AzCognitiveServicesAccountKey rg myluis Key1 -Debug` writes
/// `DEBUG: 10:02:03 - NewAzureCognitiveServicesAccountKeyCommand begin processing with ParameterSet '__AllParameterSets'.`
final class CognitiveServicesCmdletRunner: Cmdlet {
    private let command: any CognitiveServicesAccountCmdlet
    private let metadata: CommandMetadata
    private let environment: [String: String]
    /// Set by `begin`, before any object runs; only read afterwards (also from worker threads).
    private var session: AzureSession?

    init(_ command: some CognitiveServicesAccountCmdlet, environment: [String: String]) {
        self.command = command
        self.metadata = type(of: command).metadata
        self.environment = environment
    }

    /// The class name Az's debug lines carry (`this.GetType().Name`).
    private var className: String {
        String(metadata.implementingTypeName.split(separator: ".").last ?? "")
    }

    func begin(_ parameters: BoundParameters, _ runtime: CommandRuntime) throws(ErrorRecord) {
        // AzurePSCmdlet.LogCmdletStartInvocationInfo: `WriteDebugWithTimestamp("{0} begin processing
        // with ParameterSet '{1}'.")`, `{0:T} - {1}` (azure-powershell-common AzurePSCmdlet.cs).
        runtime.writeDebug(
            "\(CommandRuntime.timeOfDay()) - \(className) begin processing with ParameterSet '\(parameters.parameterSetName)'."
        )
        guard !runtime.isStopping else { return }
        session = try AzureSession.resolve(
            environment: environment, defaultProfilePath: parameters[CognitiveServicesParameters.defaultProfile],
            runtime: runtime)
    }

    func process(_ parameters: BoundParameters, _ runtime: CommandRuntime) throws(ErrorRecord) {
        guard !runtime.isStopping, let session else { return }
        // The backend's diagnostics for this object's requests go to this object's runtime.
        try command.process(parameters, session: session.reporting(to: runtime), runtime: runtime)
    }

    /// AzurePSCmdlet.LogCmdletEndInvocationInfo: `{0} end processing.`
    func end(_ runtime: CommandRuntime) {
        runtime.writeDebug("\(CommandRuntime.timeOfDay()) - \(className) end processing.")
    }

    /// `--throttle-limit N` may run up to N objects at once: `process` only reads what `begin`
    /// set up, each object writes through its own runtime (diagnostics included, passed with each
    /// request: `AzureDiagnostics.forwarding(to:)`), and the session's transports are safe to
    /// share between threads (one token, a pool of kept-alive connections, the shared 429 gate;
    /// the emulator locks its state file per request).
    ///
    /// Example: `New-AzCognitiveServicesAccountKey -KeyName Key1 --throttle-limit 16 < accounts.jsonl`
    /// keeps 16 requests in flight and prints the keys in the order of `accounts.jsonl`.
    var supportsConcurrentProcessing: Bool { true }
}

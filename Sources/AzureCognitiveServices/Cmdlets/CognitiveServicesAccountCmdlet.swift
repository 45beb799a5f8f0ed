import PowerShellHost

/// What every Cognitive Services account cmdlet does around its own work, as Az's
/// `CognitiveServicesAccountBaseCmdlet` and `AzurePSCmdlet` do: Az's begin/end debug lines, and
/// one `AzureSession` (emulator or ARM, one connection and one token) for all pipeline objects.
/// A cmdlet subclasses it and overrides `process`.
///
/// Example: `New-AzCognitiveServicesAccountKey rg myluis Key1 -Debug` writes
/// `DEBUG: 10:02:03 - NewAzureCognitiveServicesAccountKeyCommand begin processing with ParameterSet '__AllParameterSets'.`
public class CognitiveServicesAccountCmdlet: Cmdlet {
    let metadata: CommandMetadata
    private let environment: [String: String]
    private(set) var session: AzureSession?

    init(metadata: CommandMetadata, environment: [String: String]) {
        self.metadata = metadata
        self.environment = environment
    }

    /// The class name Az's debug lines carry (`this.GetType().Name`).
    private var className: String {
        String(metadata.implementingTypeName.split(separator: ".").last ?? "")
    }

    public func begin(_ parameters: BoundParameters, _ runtime: CommandRuntime) throws(ErrorRecord) {
        // AzurePSCmdlet.LogCmdletStartInvocationInfo: `WriteDebugWithTimestamp("{0} begin processing
        // with ParameterSet '{1}'.")`, `{0:T} - {1}` (azure-powershell-common AzurePSCmdlet.cs).
        runtime.writeDebug(
            "\(CommandRuntime.timeOfDay()) - \(className) begin processing with ParameterSet '__AllParameterSets'.")
        guard !runtime.isStopping else { return }
        session = try AzureSession.resolve(
            environment: environment, defaultProfilePath: parameters.string("DefaultProfile"), runtime: runtime)
    }

    /// AzurePSCmdlet.LogCmdletEndInvocationInfo: `{0} end processing.`
    public func end(_ runtime: CommandRuntime) {
        runtime.writeDebug("\(CommandRuntime.timeOfDay()) - \(className) end processing.")
    }

    /// `--throttle-limit N` may run up to N objects at once: `process` only reads what `begin`
    /// set up, and the session's transports are safe to share between threads (one token, a
    /// pool of kept-alive connections, the shared 429 gate; the emulator locks its state file
    /// per request).
    ///
    /// Example: `New-AzCognitiveServicesAccountKey -KeyName Key1 --throttle-limit 16 < accounts.jsonl`
    /// keeps 16 requests in flight and prints the keys in the order of `accounts.jsonl`.
    public var supportsConcurrentProcessing: Bool { true }

    /// The cmdlet's own work for one input object; subclasses override it.
    public func process(_ parameters: BoundParameters, _ runtime: CommandRuntime) throws(ErrorRecord) {}

    /// The session, the resource group and the account name, once the command may go on.
    func account(_ parameters: BoundParameters, _ runtime: CommandRuntime) -> (AzureSession, String, String)? {
        guard !runtime.isStopping, let session, let resourceGroup = parameters.string("ResourceGroupName"),
            let name = parameters.string("Name")
        else { return nil }
        return (session, resourceGroup, name)
    }
}

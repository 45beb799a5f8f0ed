/// The body of a cmdlet: what runs once before the first input object, for each input object,
/// and once after the last (`BeginProcessing`, `ProcessRecord`, `EndProcessing`). It talks to
/// the world only through the `CommandRuntime` (objects, errors, streams, ShouldProcess).
///
/// Example: New-AzCognitiveServicesAccountKey's `process` asks
/// `runtime.shouldProcess(target: "myluis", action: "Regenerating Key Key1 for account myluis.")`
/// and writes the ApiKeys object.
package protocol Cmdlet: AnyObject {
    /// Runs once, with the parameters bound on the command line. A thrown error ends the command.
    func begin(_ parameters: BoundParameters, _ runtime: CommandRuntime) throws(ErrorRecord)
    /// Runs once per input object (once when there is no pipeline input), with every parameter bound.
    /// A thrown error is non-terminating: it is written and the next object runs.
    func process(_ parameters: BoundParameters, _ runtime: CommandRuntime) throws(ErrorRecord)
    /// Runs once after the last input object.
    func end(_ runtime: CommandRuntime)
    /// True when `process` may run for several input objects at once, each on its own thread
    /// (the host option `--throttle-limit N`); each such call then gets a runtime of its own that
    /// records the object's writes, replayed in input order. Anything `process` sends to a
    /// runtime kept from `begin` would bypass that order: write to the runtime passed in.
    /// False (the default): objects always run one after the other.
    var supportsConcurrentProcessing: Bool { get }
}

extension Cmdlet {
    package func begin(_ parameters: BoundParameters, _ runtime: CommandRuntime) throws(ErrorRecord) {}
    package func end(_ runtime: CommandRuntime) {}
    package var supportsConcurrentProcessing: Bool { false }
}

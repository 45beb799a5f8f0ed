import PowerShellHost

extension AzureDiagnostics {
    /// The Azure backend's VERBOSE, DEBUG and WARNING lines written to `runtime`, whose
    /// preferences decide which are built: `begin`'s runtime while the session is resolved, each
    /// object's own runtime for its requests (under `--throttle-limit N`, that object's recording
    /// runtime, so the lines are committed with the object's output). It is passed with each
    /// request (`ARMTransport.send(_:diagnostics:)`); no thread or shared state routes it.
    ///
    /// Contract: the transports call the sink synchronously, on the thread that called `send`,
    /// and only during that call, so `runtime` (not `Sendable`) is only ever used by the call
    /// made for it.
    ///
    /// Example: `New-AzCognitiveServicesAccountKey -KeyName Key1 -Debug --throttle-limit 8 < accounts.jsonl`
    /// prints each account's `HTTP REQUEST` and `HTTP RESPONSE` blocks together with that account's keys.
    static func forwarding(to runtime: CommandRuntime) -> AzureDiagnostics {
        nonisolated(unsafe) let runtime = runtime
        return AzureDiagnostics(
            verbose: runtime.preferences.verbose.isShown, debug: runtime.preferences.debug.isShown
        ) { diagnostic in
            switch diagnostic {
            case .verbose(let text): runtime.writeVerbose(text)
            case .debug(let text): runtime.writeDebug(text)
            case .verboseWarning(let text), .warning(let text): runtime.writeWarning(text)
            }
        }
    }
}

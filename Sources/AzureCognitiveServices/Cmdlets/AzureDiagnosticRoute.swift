import PowerShellHost

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Hands the Azure backend's VERBOSE, DEBUG and WARNING messages to the runtime of the call that
/// made the request: `begin`'s while the session is resolved, each object's own runtime while its
/// `process` runs (under `--throttle-limit N`, that object's recording runtime, so the lines are
/// committed with the object's output).
///
/// The transports are built once per session (one token, kept-alive connections, the shared 429
/// gate) and call the sink synchronously, on the thread that called `send`; so the route is
/// the runtime that thread bound with `routing(to:_:)` for the duration of the call. A message
/// sent outside any `routing` call has no runtime to go to and is dropped.
///
/// Example: `try route.routing(to: runtime) { () throws(ErrorRecord) in try command.process(…) }`
/// sends the `HTTP REQUEST` block of that object's request to `runtime.writeDebug`.
final class AzureDiagnosticRoute: Sendable {
    init() {}

    /// Runs `body` with `runtime` receiving the messages sent on this thread (the previous
    /// binding, if any, comes back afterwards).
    func routing<Result, Failure: Error>(
        to runtime: CommandRuntime, _ body: () throws(Failure) -> Result
    ) throws(Failure) -> Result {
        let previous = pthread_getspecific(Self.key)
        pthread_setspecific(Self.key, Unmanaged.passUnretained(runtime).toOpaque())
        defer { pthread_setspecific(Self.key, previous) }
        return try withExtendedLifetime(runtime) { () throws(Failure) -> Result in try body() }
    }

    func forward(_ diagnostic: AzureDiagnostic) {
        guard let raw = pthread_getspecific(Self.key) else { return }
        let runtime = Unmanaged<CommandRuntime>.fromOpaque(raw).takeUnretainedValue()
        switch diagnostic {
        case .verbose(let text): runtime.writeVerbose(text)
        case .debug(let text): runtime.writeDebug(text)
        case .verboseWarning(let text), .warning(let text): runtime.writeWarning(text)
        }
    }

    private static let key: pthread_key_t = {
        var key = pthread_key_t()
        pthread_key_create(&key, nil)
        return key
    }()
}

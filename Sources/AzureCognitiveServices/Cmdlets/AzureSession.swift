import AzShimSupport
import HTTP1
import PowerShellHost

/// Where a cmdlet's ARM requests go for this run, chosen once from the environment (and
/// `-DefaultProfile`): the embedded emulator or Azure Resource Manager. One transport, one
/// connection and one token serve every pipeline object.
///
/// Example: with no credential configured and `AZURE_ENVIRONMENT` unset, requests go to the
/// emulator and one WARNING line says so; with `AZURE_TENANT_ID`, `AZURE_CLIENT_ID`,
/// `AZURE_CLIENT_SECRET` and `AZURE_SUBSCRIPTION_ID` set, they go to management.azure.com.
package struct AzureSession {
    /// What `begin` resolved, shared by every object: one reference, so handing the session to
    /// an object copies no strings and no transport.
    private let resolved: Resolved
    /// The object's runtime, which its requests' diagnostics go to (nil: `begin`'s sink).
    private let runtime: CommandRuntime?

    private final class Resolved {
        let client: CognitiveServicesClient

        init(_ client: CognitiveServicesClient) { self.client = client }
    }

    private init(_ resolved: Resolved, runtime: CommandRuntime?) {
        self.resolved = resolved
        self.runtime = runtime
    }

    private init(client: CognitiveServicesClient) {
        self.init(Resolved(client), runtime: nil)
    }

    /// The client for this object's requests, its VERBOSE, DEBUG and WARNING lines going to the
    /// object's runtime. Built when a command asks for it, so an object that sends nothing
    /// (`-WhatIf`) sets up no diagnostics.
    var client: CognitiveServicesClient {
        var client = resolved.client
        if let runtime { client.diagnostics = .forwarding(to: runtime) }
        return client
    }

    /// The subscription the emulator files accounts under when `AZURE_SUBSCRIPTION_ID` is unset.
    static let emulatorSubscription = AzureConfigurationResolver.emulatorSubscription

    /// This session with its requests' VERBOSE, DEBUG and WARNING lines written to `runtime`
    /// (the object's own: see `AzureDiagnostics.forwarding(to:)`).
    func reporting(to runtime: CommandRuntime) -> AzureSession {
        AzureSession(resolved, runtime: runtime)
    }

    /// The session for the run; what resolving it reports goes to `runtime` (`begin`'s).
    static func resolve(
        environment: [String: String], defaultProfilePath: String?, runtime: CommandRuntime
    ) throws(ErrorRecord) -> AzureSession {
        let diagnostics = AzureDiagnostics.forwarding(to: runtime)
        // The environment is parsed by AzureConfigurationResolver only; this builds what it chose.
        let emulator: AzureEmulatorSettings
        do {
            let choice = try AzureConfigurationResolver.resolve(
                environment: environment, defaultProfilePath: defaultProfilePath, diagnostics: diagnostics,
                cancellation: Cancellation(alsoWhen: { SignalState.interrupted }))
            switch choice {
            case .azure(let transport, let description):
                return AzureSession(
                    client: CognitiveServicesClient(
                        transport: transport, subscription: description.subscriptionId,
                        apiVersion: description.apiVersion))
            case .emulator(let reason):
                emulator = try AzureConfigurationResolver.emulatorSettings(reason, environment: environment)
            }
        } catch {
            throw ErrorRecord(message: error.message, errorId: "AzureConfiguration", category: .invalidArgument)
        }
        if emulator.reason == .nothingConfigured {
            runtime.writeWarning(
                "No Azure credentials are configured, so AzShim uses its local emulator (state file '\(emulator.stateFilePath)'). "
                    + "Set AZURE_ENVIRONMENT=Emulator to use it without this warning, or configure credentials.")
        }
        let backend = EmulatorBackend(stateFilePath: emulator.stateFilePath, autocreate: emulator.autocreate)
        return AzureSession(
            client: CognitiveServicesClient(
                transport: backend, subscription: emulator.subscriptionId, apiVersion: emulator.apiVersion))
    }
}

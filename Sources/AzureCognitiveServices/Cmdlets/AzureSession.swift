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
    let client: CognitiveServicesClient

    /// The subscription the emulator files accounts under when `AZURE_SUBSCRIPTION_ID` is unset.
    static let emulatorSubscription = "00000000-0000-0000-0000-000000000000"

    static func resolve(
        environment: [String: String], defaultProfilePath: String?, runtime: CommandRuntime
    ) throws(ErrorRecord) -> AzureSession {
        let forwarder = DiagnosticForwarder(runtime: runtime)
        let diagnostics = AzureDiagnostics(
            verbose: runtime.preferences.verbose.isShown, debug: runtime.preferences.debug.isShown,
            sink: { forwarder.forward($0) })
        let choice: AzureBackendChoice
        let apiVersion: String
        do {
            apiVersion = try AzureConfigurationResolver.apiVersion(environment: environment)
            choice = try AzureConfigurationResolver.resolve(
                environment: environment, defaultProfilePath: defaultProfilePath, diagnostics: diagnostics,
                cancellation: Cancellation(alsoWhen: { SignalState.interrupted }))
        } catch {
            throw ErrorRecord(message: error.message, errorId: "AzureConfiguration", category: .invalidArgument)
        }
        switch choice {
        case .azure(let transport, let description):
            return AzureSession(
                client: CognitiveServicesClient(
                    transport: transport, subscription: description.subscriptionId, apiVersion: description.apiVersion))
        case .emulator(let reason):
            let state = EmulatorBackend.stateFilePath(environment: environment)
            if reason == .nothingConfigured {
                runtime.writeWarning(
                    "No Azure credentials are configured, so AzShim uses its local emulator (state file '\(state)'). "
                        + "Set AZURE_ENVIRONMENT=Emulator to use it without this warning, or configure credentials.")
            }
            let emulator = EmulatorBackend(stateFilePath: state, autocreate: environment["AZSHIM_EMULATOR_AUTOCREATE"] != "0")
            let subscription = environment["AZURE_SUBSCRIPTION_ID"].flatMap { $0.isEmpty ? nil : $0 } ?? emulatorSubscription
            return AzureSession(
                client: CognitiveServicesClient(transport: emulator, subscription: subscription, apiVersion: apiVersion))
        }
    }
}

/// Hands the Azure backend's VERBOSE and DEBUG messages to the command's streams. The backend
/// calls it synchronously from inside `ARMTransport.send`, on the thread running the cmdlet.
private final class DiagnosticForwarder: @unchecked Sendable {
    private weak var runtime: CommandRuntime?

    init(runtime: CommandRuntime) { self.runtime = runtime }

    func forward(_ diagnostic: AzureDiagnostic) {
        switch diagnostic {
        case .verbose(let text): runtime?.writeVerbose(text)
        case .debug(let text): runtime?.writeDebug(text)
        }
    }
}

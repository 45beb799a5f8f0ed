import PowerShellHost

/// Where a cmdlet's ARM requests go for this run, chosen once from the environment (and
/// `-DefaultProfile`): the embedded emulator or Azure Resource Manager.
///
/// Example: with no credential configured and `AZURE_ENVIRONMENT` unset, requests go to the
/// emulator and one WARNING line says so.
struct AzureSession {
    let client: CognitiveServicesClient
    /// Lines to write as warnings at the start of the run.
    let warnings: [String]

    static func resolve(environment: [String: String], defaultProfilePath: String?) throws(ErrorRecord) -> AzureSession {
        let apiVersion = environment["AZSHIM_API_VERSION"].flatMap { $0.isEmpty ? nil : $0 }
            ?? CognitiveServicesClient.defaultAPIVersion
        let named = environment["AZURE_ENVIRONMENT"]
        let state = EmulatorBackend.stateFilePath(environment: environment)
        let emulator = EmulatorBackend(
            stateFilePath: state, autocreate: environment["AZSHIM_EMULATOR_AUTOCREATE"] != "0")
        let subscription = environment["AZURE_SUBSCRIPTION_ID"].flatMap { $0.isEmpty ? nil : $0 }
            ?? "00000000-0000-0000-0000-000000000000"
        let client = CognitiveServicesClient(transport: emulator, subscription: subscription, apiVersion: apiVersion)
        if named?.lowercased() == "emulator" { return AzureSession(client: client, warnings: []) }
        if named == nil || named == "" {
            return AzureSession(
                client: client,
                warnings: [
                    "No Azure credentials are configured, so AzShim uses its local emulator (state file '\(state)'). "
                        + "Set AZURE_ENVIRONMENT=Emulator to use it without this warning, or configure credentials."
                ])
        }
        throw ErrorRecord(
            message: "The Azure backend is not available in this build.", errorId: "AzureUnavailable",
            category: .notSpecified)
    }
}

/// What the emulator backend needs, read from the environment by `AzureConfigurationResolver`
/// (the one place that parses it), so the session only builds the backend.
///
/// Example: `AZURE_ENVIRONMENT=Emulator` with nothing else set gives the state file
/// `~/.local/state/azshim/emulator.json`, autocreate on, subscription
/// `00000000-0000-0000-0000-000000000000` and api-version `2024-10-01`.
package struct AzureEmulatorSettings: Sendable, Equatable {
    package var reason: AzureEmulatorReason
    package var stateFilePath: String
    /// False only with `AZSHIM_EMULATOR_AUTOCREATE=0`.
    package var autocreate: Bool
    package var subscriptionId: String
    package var apiVersion: String
}

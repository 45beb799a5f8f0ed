/// Which backend a command uses, as decided by `AzureConfigurationResolver.resolve`.
///
/// Example: with no Azure credential configured and `AZURE_ENVIRONMENT` unset,
/// `New-AzCognitiveServicesAccountKey rg acct Key1` gets `.emulator(.nothingConfigured)` and
/// the host prints its one-line WARNING.
package enum AzureBackendChoice: Sendable {
    case emulator(AzureEmulatorReason)
    /// The real Azure Resource Manager: a retrying transport and what it talks to.
    case azure(any ARMTransport, AzureConnectionDescription)
}

/// Why the emulator was chosen.
///
/// Example: `AZURE_ENVIRONMENT=Emulator` gives `.chosen` (no WARNING).
package enum AzureEmulatorReason: Sendable, Equatable {
    /// `AZURE_ENVIRONMENT=Emulator`.
    case chosen
    /// No credential configured and `AZURE_ENVIRONMENT` unset (the host warns).
    case nothingConfigured
}

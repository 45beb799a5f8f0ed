/// One diagnostic message from the Azure backend, for the host to print as `VERBOSE:`,
/// `DEBUG:` or `WARNING:` on stderr. Never carries a secret: tokens, client secrets, assertions and key
/// values are `<redacted>` before a message is built.
///
/// Example: `New-AzCognitiveServicesAccountKey rg acct Key1 -Verbose` produces
/// `.verbose("Azure cloud: AzureCloud (Resource Manager https://management.azure.com)")`.
package enum AzureDiagnostic: Sendable, Equatable {
    case verbose(String)
    case debug(String)
    /// A WARNING that is shown only under `-Verbose` (a token cache file that is not used).
    case verboseWarning(String)
    /// Shown unless `-WarningAction SilentlyContinue` (e.g. an expired client certificate).
    case warning(String)
}

import HTTP1

/// Why the Azure backend cannot be configured, as data; `message` is the text for the user
/// (never a secret).
///
/// Example: `AZURE_ENVIRONMENT=Azure New-AzCognitiveServicesAccountKey rg acct Key1` fails with
/// `.unknownEnvironment("Azure")`: `AZURE_ENVIRONMENT 'Azure' is not a known cloud. Valid values: AzureCloud, AzureUSGovernment, AzureChinaCloud, Emulator.`
package enum AzureConfigurationError: Error, Sendable, Equatable {
    case unknownEnvironment(String)
    /// An endpoint from `variable` is not an absolute http(s) URL.
    case invalidEndpoint(variable: String, value: String)
    /// Plain `http://` to a host that is not loopback.
    case insecureEndpoint(variable: String, value: String)
    case invalidSetting(variable: String, value: String, reason: String)
    /// A cloud was named but no credential is configured or works; `tried` lists each
    /// credential with why it was not used.
    case noCredential(cloud: String, tried: [String])
    case noSubscription
    /// The `-DefaultProfile` file is missing or malformed.
    case contextFile(path: String, reason: String)
    /// The Azure CLI profile (`~/.azure/azureProfile.json`) did not end in time (a FIFO).
    case cliProfile(path: String, reason: String)
    /// The emulator would need its default state file, but HOME and XDG_STATE_HOME are unset.
    case noEmulatorStatePath
    /// `AZURE_CLIENT_CERTIFICATE_PATH` names a file that cannot sign a client assertion.
    case clientCertificate(path: String, problem: ClientCertificateError)

    package var message: String {
        switch self {
        case .unknownEnvironment(let name):
            return
                "AZURE_ENVIRONMENT '\(name)' is not a known cloud. Valid values: \(AzureCloud.validNames.joined(separator: ", "))."
        case .invalidEndpoint(let variable, let value):
            return "\(variable) '\(value)' is not an absolute https:// URL."
        case .insecureEndpoint(let variable, let value):
            return
                "Refusing to send credentials over plain HTTP: \(variable) is '\(value)'. Use https://; http:// is allowed only to loopback hosts (localhost, 127.0.0.0/8, ::1)."
        case .invalidSetting(let variable, let value, let reason):
            return "\(variable) '\(value)' is not valid: \(reason)"
        case .noCredential(let cloud, let tried):
            var text = "No Azure credential is available for \(cloud). Tried, in order:"
            for line in tried { text += "\n  - \(line)" }
            text += "\nConfigure one of them, or set AZURE_ENVIRONMENT=Emulator to use the local emulator."
            return text
        case .noSubscription:
            return
                "No subscription found in the context.  Please ensure that the credentials you provided are authorized to access an Azure subscription, then set AZURE_SUBSCRIPTION_ID to the subscription's id."
                + " A subscription comes from AZURE_SUBSCRIPTION_ID, from the context file given to -DefaultProfile"
                + " (Save-AzContext -Path), or, when signed in with the Azure CLI, from its current subscription"
                + " ('az account set --subscription <id>')."
        case .contextFile(let path, let reason):
            return "Cannot use the context file '\(path)' given to -DefaultProfile: \(reason)"
        case .cliProfile(let path, let reason):
            return "Cannot use the Azure CLI profile '\(path)': \(reason)."
        case .noEmulatorStatePath:
            return
                "The emulator cannot place its state file (which holds account keys): HOME and XDG_STATE_HOME are "
                + "both unset. Set HOME or XDG_STATE_HOME, or set AZSHIM_EMULATOR_STATE to the file to use."
        case .clientCertificate(let path, let problem):
            return
                "Cannot use the client certificate '\(path)' (AZURE_CLIENT_CERTIFICATE_PATH): \(Self.reason(problem))"
        }
    }

    /// The end of a `.clientCertificate` message: what is wrong and what to do.
    private static func reason(_ problem: ClientCertificateError) -> String {
        switch problem {
        case .unavailable(let message): message
        case .unreadable(let reason): "cannot read it: \(reason)."
        case .notPEMOrPKCS12:
            "it is neither PEM (-----BEGIN CERTIFICATE----- and -----BEGIN PRIVATE KEY-----) nor PKCS#12 (.pfx, .p12)."
        case .noCertificate: "it holds no certificate (-----BEGIN CERTIFICATE-----)."
        case .noPrivateKey:
            "it holds no private key; the file must contain the certificate and its private key (PEM), or be a PKCS#12 file with both."
        case .passwordRequired: "it is protected by a password; set AZURE_CLIENT_CERTIFICATE_PASSWORD."
        case .wrongPassword: "the password in AZURE_CLIENT_CERTIFICATE_PASSWORD does not open it."
        case .keyDoesNotMatchCertificate: "its private key does not belong to any certificate in it."
        case .unsupportedKey(let type):
            "it holds an \(type) private key, which is not supported: AzShim signs client assertions with RSA keys only (RS256). Use a certificate with an RSA key."
        case .failed(let operation, let detail): "OpenSSL cannot \(operation): \(detail)."
        }
    }
}

/// Why a credential got no token, as data: which sign-in failed and why. The identity layer's
/// own error: a Resource Manager call that needed the token carries it as
/// `ARMTransportError.authentication`, and `ARMErrorMessages` renders it, in one place, as
/// `attempt: reason` (never with a secret in it: texts from the identity platform or `az` are
/// scrubbed before they get here).
///
/// Example: a wrong client secret is
/// `AuthenticationError(attempt: "Client secret authentication for client 'c' at https://login.microsoftonline.com failed", reason: .refused("AADSTS7000215: Invalid client secret provided."))`,
/// shown as `Client secret authentication for client 'c' at https://login.microsoftonline.com failed: AADSTS7000215: Invalid client secret provided.`
package struct AuthenticationError: Error, Sendable, Equatable {
    /// What went wrong, by where it went wrong.
    package enum Reason: Sendable, Equatable {
        /// The token request got no answer (connection refused, a timeout…).
        indirect case unreachable(ARMTransportError)
        /// The identity platform or `az` answered, with a refusal or something unusable (its
        /// `error_description`, scrubbed).
        case refused(String)
        /// Nothing usable could be asked: a file, a setting or a program on this machine is wrong
        /// (`AZURE_FEDERATED_TOKEN_FILE` unreadable, `az` not on PATH…).
        case local(String)
    }

    /// Which sign-in failed: `Workload identity authentication for client 'c' at https://login.microsoftonline.com failed`.
    package let attempt: String
    package let reason: Reason

    package init(attempt: String, reason: Reason) {
        self.attempt = attempt
        self.reason = reason
    }
}

/// Short reasons for transport failures, used inside AzShim's own messages (for example
/// when a token request could not reach the identity platform).
///
/// Example: `.connectionFailed(endpoint: "https://login.microsoftonline.com", reason: "Connection refused")`
/// reads `cannot connect to https://login.microsoftonline.com: Connection refused`.
enum AzureTransportErrorText {
    static func reason(_ error: ARMTransportError) -> String {
        switch error {
        case .connectionFailed(let endpoint, let reason): "cannot connect to \(endpoint): \(reason)"
        case .timedOut(let endpoint, let seconds): "\(endpoint) did not answer within \(HTTPConnection.formatSeconds(seconds)) s"
        case .invalidResponse(let endpoint, let reason): "invalid response from \(endpoint): \(reason)"
        case .cancelled: "cancelled"
        case .refused(let reason): reason
        case .localFailure(let reason): reason
        case .authenticationFailed(let reason): reason
        }
    }
}

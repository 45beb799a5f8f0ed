import Synchronization

/// Every secret the Azure backend has seen (client secret, client assertion, identity
/// header, access tokens, regenerated keys), so that any text leaving the backend can be
/// scrubbed: each occurrence, raw, JSON-escaped or URL-encoded, becomes `<redacted>`, in time
/// linear in the text (`SecretScrubber`, rebuilt when a secret is added).
///
/// Example: if the identity platform echoed the client secret in an `error_description`,
/// the `AuthenticationError` text would read `… '<redacted>' …`.
final class AzureSecretRegistry: Sendable {
    private struct State {
        var secrets: Set<String> = []
        var scrubber: SecretScrubber?
    }

    private let state = Mutex(State())

    init() {}

    func register(_ secret: String) {
        // Very short strings would redact ordinary words; real secrets are long.
        guard secret.utf8.count >= 8 else { return }
        state.withLock { state in
            if state.secrets.insert(secret).inserted { state.scrubber = nil }
        }
    }

    func scrub(_ text: String) -> String {
        let scrubber: SecretScrubber? = state.withLock { state in
            guard !state.secrets.isEmpty else { return nil }
            if state.scrubber == nil { state.scrubber = SecretScrubber(secrets: state.secrets.sorted()) }
            return state.scrubber
        }
        return scrubber?.scrub(text) ?? text
    }
}

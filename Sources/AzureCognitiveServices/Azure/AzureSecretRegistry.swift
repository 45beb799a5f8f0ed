import Synchronization

/// Every secret the Azure backend has seen (client secret, client assertion, identity
/// header, access tokens, regenerated keys), so that any text leaving the backend can be
/// scrubbed: each occurrence becomes `<redacted>`.
///
/// Example: if the identity platform echoed the client secret in an `error_description`,
/// the `ARMTransportError.authenticationFailed` text would read `… '<redacted>' …`.
final class AzureSecretRegistry: Sendable {
    private let secrets = Mutex<Set<String>>([])

    init() {}

    func register(_ secret: String) {
        // Very short strings would redact ordinary words; real secrets are long.
        guard secret.utf8.count >= 8 else { return }
        _ = secrets.withLock { $0.insert(secret) }
    }

    func scrub(_ text: String) -> String {
        let known = secrets.withLock { $0 }
        guard !known.isEmpty else { return text }
        var result = text
        for secret in known.sorted(by: { $0.count > $1.count }) where result.contains(secret) {
            result = result.replacingAll(secret, with: "<redacted>")
        }
        return result
    }
}

extension String {
    /// Every occurrence of `target` replaced (no Foundation).
    func replacingAll(_ target: String, with replacement: String) -> String {
        guard !target.isEmpty else { return self }
        let source = Array(utf8)
        let pattern = Array(target.utf8)
        var output: [UInt8] = []
        output.reserveCapacity(source.count)
        var index = 0
        while index < source.count {
            if index + pattern.count <= source.count && source[index] == pattern[0]
                && Array(source[index..<(index + pattern.count)]) == pattern
            {
                output += replacement.utf8
                index += pattern.count
            } else {
                output.append(source[index])
                index += 1
            }
        }
        return String(decoding: output, as: UTF8.self)
    }
}

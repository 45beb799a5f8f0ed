import HTTP1

/// A bearer token for Azure Resource Manager and when it stops being valid.
///
/// Example: a client-secret login answers `{"access_token":"eyJ…","expires_in":3599}`,
/// which becomes `AzureAccessToken(value: "eyJ…", expiresOn: now + 3599)`.
struct AzureAccessToken: Sendable, Equatable {
    var value: String
    /// Seconds since 1970 (UTC).
    var expiresOn: Double

    /// Why `token` cannot be a bearer token (RFC 6750 §2.1 `b64token`: letters, digits,
    /// `-._~+/`, then `=` padding), e.g. `"it contains a line feed at character 41"`; nil when
    /// it can. Checked where each token comes in, so a token endpoint, a managed-identity
    /// endpoint or the Azure CLI cannot add header lines to the request that carries it. The
    /// text names the character, never the token.
    static func bearerProblem(_ token: String) -> String? {
        var padding = false
        for (offset, byte) in token.utf8.enumerated() {
            let allowed: Bool
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
                UInt8(ascii: "~"), UInt8(ascii: "+"), UInt8(ascii: "/"):
                allowed = !padding
            case UInt8(ascii: "="):
                padding = true
                allowed = offset > 0
            default:
                allowed = false
            }
            if !allowed {
                let what =
                    HTTPFieldRules.isValueByte(byte) && byte != 0x20 && byte != 0x09
                    ? "a character a bearer token cannot have" : HTTPFieldRules.describe(byte)
                return "it contains \(what) at character \(offset + 1)"
            }
        }
        return token.isEmpty ? "it is empty" : nil
    }
}

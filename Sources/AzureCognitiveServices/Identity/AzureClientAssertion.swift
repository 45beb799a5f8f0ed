import AzShimSupport
import HTTP1

/// The client assertion a certificate credential sends (RFC 7523 §2.2; the identity platform's
/// "certificate credentials"): a JWT signed with RS256, its header naming the certificate by
/// `x5t#S256` and `x5t` (base64url of the SHA-256 and SHA-1 of its DER), optionally with the
/// whole chain in `x5c` (subject name / issuer sign-in), and claims `aud` (the token endpoint),
/// `iss` = `sub` (the client id), `jti`, `nbf`, `iat` and `exp` (10 minutes later), as MSAL
/// builds it (`JsonWebToken`, azure-sdk-for-net `ClientCertificateCredential`).
///
/// Example: for client `c` at `https://login.microsoftonline.com/t/oauth2/v2.0/token` the
/// header is `{"alg":"RS256","typ":"JWT","x5t":"…","x5t#S256":"…"}` and the claims are
/// `{"aud":"https://login.microsoftonline.com/t/oauth2/v2.0/token","iss":"c","sub":"c","jti":"…","nbf":1764628800,"iat":1764628800,"exp":1764629400}`.
struct AzureClientAssertion {
    /// How long an assertion is valid, in seconds (MSAL: 10 minutes).
    static let lifetime = 600

    var audience: String
    var clientId: String
    /// Seconds since 1970 (UTC).
    var issuedAt: Int
    var jwtID: String
    /// Whether the header carries the certificate chain (`x5c`).
    var sendsCertificateChain: Bool

    func header(_ certificate: ClientCertificate) throws(ClientCertificateError) -> JSONValue {
        var members: [(key: String, value: JSONValue)] = [
            ("alg", .string("RS256")), ("typ", .string("JWT")),
            ("x5t", .string(Self.base64URL(try OpenSSLCrypto.digest(.sha1, certificate.certificateDER)))),
            ("x5t#S256", .string(Self.base64URL(try OpenSSLCrypto.digest(.sha256, certificate.certificateDER)))),
        ]
        if sendsCertificateChain {
            members.append(("x5c", .array(certificate.chainDER.map { .string(Self.base64($0)) })))
        }
        return .object(members)
    }

    var claims: JSONValue {
        .object([
            ("aud", .string(audience)), ("iss", .string(clientId)), ("sub", .string(clientId)),
            ("jti", .string(jwtID)), ("nbf", .number(String(issuedAt))), ("iat", .number(String(issuedAt))),
            ("exp", .number(String(issuedAt + Self.lifetime))),
        ])
    }

    /// `header.claims.signature`, each part base64url without padding.
    func signed(with certificate: ClientCertificate) throws(ClientCertificateError) -> String {
        let signingInput =
            Self.base64URL(Array(JSONWriter.compact(try header(certificate)).utf8)) + "."
            + Self.base64URL(Array(JSONWriter.compact(claims).utf8))
        let signature = try certificate.signSHA256WithRSA(Array(signingInput.utf8))
        return signingInput + "." + Self.base64URL(signature)
    }

    /// A random (version 4) UUID, as MSAL's `jti`.
    static func randomJWTID() throws(ClientCertificateError) -> String {
        var bytes = try OpenSSLCrypto.randomBytes(16)
        bytes[6] = (bytes[6] & 0x0F) | 0x40
        bytes[8] = (bytes[8] & 0x3F) | 0x80
        let hex = hexadecimal(bytes, uppercase: false)
        let cuts = [8, 12, 16, 20]
        var text = ""
        for (offset, character) in hex.enumerated() {
            if cuts.contains(offset) { text.append("-") }
            text.append(character)
        }
        return text
    }

    static func hexadecimal(_ bytes: [UInt8], uppercase: Bool) -> String {
        let digits = Array((uppercase ? "0123456789ABCDEF" : "0123456789abcdef").utf8)
        var text: [UInt8] = []
        text.reserveCapacity(bytes.count * 2)
        for byte in bytes {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: text, as: UTF8.self)
    }

    /// RFC 4648 §5 (`-` and `_`, no padding), as JWS requires.
    static func base64URL(_ bytes: [UInt8]) -> String {
        encode(
            bytes, alphabet: Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".utf8), pad: false)
    }

    /// RFC 4648 §4 with padding, as `x5c` (RFC 7515 §4.1.6) requires.
    static func base64(_ bytes: [UInt8]) -> String {
        encode(
            bytes, alphabet: Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8), pad: true)
    }

    private static func encode(_ bytes: [UInt8], alphabet: [UInt8], pad: Bool) -> String {
        var output: [UInt8] = []
        output.reserveCapacity((bytes.count + 2) / 3 * 4)
        var index = 0
        while index < bytes.count {
            let remaining = bytes.count - index
            let first = UInt32(bytes[index])
            let second = remaining > 1 ? UInt32(bytes[index + 1]) : 0
            let third = remaining > 2 ? UInt32(bytes[index + 2]) : 0
            let group = first << 16 | second << 8 | third
            output.append(alphabet[Int(group >> 18 & 0x3F)])
            output.append(alphabet[Int(group >> 12 & 0x3F)])
            if remaining > 1 {
                output.append(alphabet[Int(group >> 6 & 0x3F)])
            } else if pad {
                output.append(UInt8(ascii: "="))
            }
            if remaining > 2 {
                output.append(alphabet[Int(group & 0x3F)])
            } else if pad {
                output.append(UInt8(ascii: "="))
            }
            index += 3
        }
        return String(decoding: output, as: UTF8.self)
    }
}

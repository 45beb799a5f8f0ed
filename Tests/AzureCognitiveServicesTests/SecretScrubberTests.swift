import Foundation
import TestSupport
import Testing

@testable import AzureCognitiveServices

/// The secret scrubber as a property: for random secrets placed in random text in every
/// encoding a server or a log line could use, the output holds none of them, and the work is
/// linear in the text (counted, not timed). Also the sizes from issue 16 (a 3 MB body echoing a
/// 100 KB token), with a generous time bound.
@Suite struct SecretScrubberTests {
    enum Encoding: CaseIterable {
        case raw, jsonShort, jsonAll, jsonAllUpper, jsonSome, urlUpper, urlLower, form, jsonInJSON
    }

    static func json(_ text: String, every: Int, upper: Bool) -> String {
        var output = ""
        for (offset, unit) in text.utf16.enumerated() {
            let forced = every > 0 && offset % every == 0
            if !forced, unit >= 0x20, unit != 0x22, unit != 0x5C, unit < 0xD800 || unit >= 0xE000 {
                output += String(decoding: [unit], as: UTF16.self)
            } else if !forced, unit == 0x22 || unit == 0x5C {
                output += "\\" + String(decoding: [unit], as: UTF16.self)
            } else {
                let digits = String(unit, radix: 16, uppercase: upper)
                output += "\\u" + String(repeating: "0", count: 4 - digits.count) + digits
            }
        }
        return output
    }

    static func url(_ text: String, upper: Bool, form: Bool) -> String {
        var output = ""
        for byte in text.utf8 {
            let scalar = Unicode.Scalar(byte)
            if (byte < 0x80 && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)))
                || "-._~".unicodeScalars.contains(scalar)
            {
                output.unicodeScalars.append(scalar)
            } else if byte == 0x20 && form {
                output += "+"
            } else {
                let digits = String(byte, radix: 16, uppercase: upper)
                output += "%" + (digits.count == 1 ? "0" : "") + digits
            }
        }
        return output
    }

    static func encode(_ secret: String, _ encoding: Encoding) -> String {
        switch encoding {
        case .raw: secret
        case .jsonShort: json(secret, every: 0, upper: false)
        case .jsonAll: json(secret, every: 1, upper: false)
        case .jsonAllUpper: json(secret, every: 1, upper: true)
        case .jsonSome: json(secret, every: 3, upper: false)
        case .urlUpper: url(secret, upper: true, form: false)
        case .urlLower: url(secret, upper: false, form: false)
        case .form: url(secret, upper: true, form: true)
        case .jsonInJSON: json(json(secret, every: 1, upper: false), every: 0, upper: false)
        }
    }

    /// Secrets as credentials look: base64url, client-secret punctuation, sometimes a space, a
    /// quote, a backslash or a non-ASCII letter.
    static func secret(_ random: inout SplitMix64) -> String {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.~+/=")
        let rare: [Character] = [" ", "\"", "\\", "é", "%", "&", "€"]
        let length = Int.random(in: 8...80, using: &random)
        return String(
            (0..<length).map { _ in
                Int.random(in: 0..<20, using: &random) == 0
                    ? rare.randomElement(using: &random)! : alphabet.randomElement(using: &random)!
            })
    }

    /// Filler as error bodies look: JSON, form fields, escapes that are not secrets.
    static func filler(_ random: inout SplitMix64) -> String {
        let pieces = [
            #"{"error":{"code":"InvalidAuthenticationToken","message":"#, #"\n"#, #"\\"#, "%20", "+", " ", "token=",
            "&", #"\u00e9"#, "The access token is invalid. ", #"\""#, "é", "x",
        ]
        return (0..<Int.random(in: 0...6, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined()
    }

    @Test("random secrets in random encodings never survive, and the work stays linear", arguments: 0..<8)
    func property(_ seed: Int) {
        var random = SplitMix64(state: UInt64(seed) &* 7919 &+ 1)
        for _ in 0..<200 {
            let secrets = (0..<Int.random(in: 1...4, using: &random)).map { _ in Self.secret(&random) }
            var text = ""
            for _ in 0..<Int.random(in: 1...6, using: &random) {
                text += Self.filler(&random) + " "
                text += Self.encode(
                    secrets.randomElement(using: &random)!, Encoding.allCases.randomElement(using: &random)!)
                text += " " + Self.filler(&random)
            }
            var work = 0
            let output = SecretScrubber(secrets: secrets).scrub(text, work: &work)
            #expect(work <= 40 * (text.utf8.count + 1), "work \(work) for \(text.utf8.count) bytes")
            for secret in secrets {
                for encoding in Encoding.allCases {
                    let encoded = Self.encode(secret, encoding)
                    #expect(!output.contains(encoded), "seed \(seed): \(encoding) of \(secret) survived in \(output)")
                }
            }
        }
    }

    @Test(
        "examples from the issue and its neighbours",
        arguments: [
            (#"{"error_description":"bad s3cr3t\u002dvalue-01"#, #"{"error_description":"bad <redacted>"#),
            ("client_secret=s3cr3t%2Dvalue-01&x=1", "client_secret=<redacted>&x=1"),
            ("client_secret=s3cr3t%2dvalue%2D01", "client_secret=<redacted>"),
            (#"{"m":"{\"t\":\"s3cr3t\\u002dvalue-01\"}"}"#, #"{"m":"{\"t\":\"<redacted>\"}"}"#),
            ("s3cr3t-value-01s3cr3t-value-01", "<redacted>"),
            ("no secret here", "no secret here"),
            // Escaped twice over (JSON inside JSON) or once after a literal backslash: either way.
            (#"\\u0073\u0033cr3t-value-01"#, "<redacted>"),
        ])
    func examples(_ input: String, _ expected: String) {
        #expect(SecretScrubber(secrets: ["s3cr3t-value-01"]).scrub(input) == expected)
    }

    @Test("overlapping secrets become one marker")
    func overlapping() {
        let scrubber = SecretScrubber(secrets: ["abcdefgh12", "12345678zz"])
        #expect(scrubber.scrub("<<abcdefgh12345678zz>>") == "<<<redacted>>>")
    }

    @Test("a 3 MB text echoing a 100 KB token 30 times: linear work, a generous time bound")
    func issueSizes() {
        let token = "eyJ" + String(repeating: "abcdefghij", count: 10_000)
        var text = ""
        while text.utf8.count < 3_000_000 { text += #"{"message":"token "# + token + #" is invalid \u002d"} "# }
        let start = Date()
        var work = 0
        let output = SecretScrubber(secrets: [token, "SUPER-SECRET-VALUE-42"]).scrub(text, work: &work)
        #expect(Date().timeIntervalSince(start) < 30, "the quadratic scrubber took over a minute")
        #expect(work <= 40 * text.utf8.count)
        #expect(!output.contains(String(token.prefix(100))))
        #expect(output.contains("token <redacted> is invalid"))
    }

    @Test("the registry rebuilds its scrubber when a secret is added; short strings are not secrets")
    func registry() {
        let registry = AzureSecretRegistry()
        registry.register("short")
        #expect(registry.scrub("short") == "short")
        registry.register("FIRST-SECRET-1")
        #expect(registry.scrub("a FIRST-SECRET-1 b") == "a <redacted> b")
        registry.register("SECOND-SECRET-2")
        #expect(registry.scrub("FIRST\\u002dSECRET-1 SECOND%2DSECRET-2") == "<redacted> <redacted>")
    }
}

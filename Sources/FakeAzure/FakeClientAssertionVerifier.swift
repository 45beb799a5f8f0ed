import Foundation
import Synchronization

/// Test support: checks a certificate credential's token request as the identity platform
/// does, independently of AzShim's signing code: the `openssl` command line computes the
/// certificate's thumbprints and verifies the RS256 signature with the certificate's public
/// key; Foundation decodes the JWT. It checks the form (`grant_type`, `client_id`,
/// `client_assertion_type`, no `client_secret`), the header (`alg`, `typ`, `x5t`, `x5t#S256`,
/// `x5c` when the chain is expected), the claims (`aud` = the token endpoint, `iss` = `sub` =
/// the client id, a `jti` never seen before, `nbf`/`exp` around now, 10 minutes apart) and the
/// signature.
///
/// Example:
/// ```
/// let verifier = try FakeClientAssertionVerifier(certificatePEM: "/tmp/t/cert.pem", clientId: "client-1")
/// server.route("/tenant-1/oauth2/v2.0/token", responder: verifier.responder(origin: server.baseURL))
/// // … a token request with a bad signature gets 401 "AADSTS700027: … signature does not verify" …
/// ```
public final class FakeClientAssertionVerifier: Sendable {
    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    /// The `openssl` program on `PATH` (or in /usr/bin), nil when there is none.
    public static var opensslPath: String? {
        let folders = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").map(String.init)
        return (folders + ["/usr/bin", "/usr/local/bin"]).map { $0 + "/openssl" }.first {
            FileManager.default.isExecutableFile(atPath: $0)
        }
    }

    public let clientId: String
    /// true: `x5c` must hold the certificate first; false: `x5c` must be absent; nil: either.
    public let expectsChain: Bool?
    private let certificateDER: Data
    private let publicKeyPath: String
    private let folder: String
    private let state = Mutex<(seenIDs: Set<String>, accepted: Int, problems: [String])>(([], 0, []))

    /// Assertions accepted so far, and the problems of the ones refused.
    public var accepted: Int { state.withLock { $0.accepted } }
    public var problemsSeen: [String] { state.withLock { $0.problems } }

    /// `certificatePEM`: a PEM file whose first certificate is the one registered for the client.
    public init(certificatePEM: String, clientId: String, expectsChain: Bool? = nil) throws {
        self.clientId = clientId
        self.expectsChain = expectsChain
        folder = NSTemporaryDirectory() + "fake-assertion-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        publicKeyPath = folder + "/public.pem"
        let publicKey = try Self.openssl(["x509", "-in", certificatePEM, "-pubkey", "-noout"])
        try publicKey.write(to: URL(fileURLWithPath: publicKeyPath))
        certificateDER = try Self.openssl(["x509", "-in", certificatePEM, "-outform", "DER"])
    }

    deinit { try? FileManager.default.removeItem(atPath: folder) }

    /// Answers `Reply.token` to an acceptable request, else 401 with `invalid_client` and the problems.
    public func responder(origin: String) -> FakeAzureServer.Responder {
        { [self] request in
            let found = problems(in: request, tokenURL: origin + request.path)
            state.withLock { state in
                if found.isEmpty { state.accepted += 1 } else { state.problems += found }
            }
            if found.isEmpty { return .token }
            let description = "AADSTS700027: Client assertion failed validation: " + found.joined(separator: "; ")
            let body = try? JSONSerialization.data(
                withJSONObject: ["error": "invalid_client", "error_description": description])
            return .json(401, String(decoding: body ?? Data(), as: UTF8.self))
        }
    }

    /// What is wrong with `request` (a token request's form), empty when nothing is.
    public func problems(in request: FakeAzureServer.Recorded, tokenURL: String, now: Date = Date()) -> [String] {
        var problems: [String] = []
        let form = Self.form(request.bodyText)
        if form["grant_type"] != "client_credentials" { problems.append("grant_type is not client_credentials") }
        if form["client_id"] != clientId { problems.append("client_id is not \(clientId)") }
        if form["client_secret"] != nil { problems.append("a client_secret is sent") }
        if !(form["scope"] ?? "").hasSuffix("/.default") { problems.append("scope does not end in /.default") }
        if form["client_assertion_type"] != "urn:ietf:params:oauth:client-assertion-type:jwt-bearer" {
            problems.append("client_assertion_type is not jwt-bearer")
        }
        let parts = (form["client_assertion"] ?? "").split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, let headerData = Self.base64URL(parts[0]), let claimsData = Self.base64URL(parts[1]),
            let signature = Self.base64URL(parts[2]),
            let header = (try? JSONSerialization.jsonObject(with: headerData)) as? [String: Any],
            let claims = (try? JSONSerialization.jsonObject(with: claimsData)) as? [String: Any]
        else {
            return problems + ["client_assertion is not a JWT (header.claims.signature, base64url JSON)"]
        }
        // Header.
        if header["alg"] as? String != "RS256" { problems.append("alg is not RS256") }
        if header["typ"] as? String != "JWT" { problems.append("typ is not JWT") }
        if header["x5t#S256"] as? String != Self.thumbprint(certificateDER, "-sha256") {
            problems.append("x5t#S256 is not the certificate's SHA-256 thumbprint")
        }
        if header["x5t"] as? String != Self.thumbprint(certificateDER, "-sha1") {
            problems.append("x5t is not the certificate's SHA-1 thumbprint")
        }
        switch expectsChain {
        case true?:
            let chain = header["x5c"] as? [String]
            if chain?.first.flatMap({ Data(base64Encoded: $0) }) != certificateDER {
                problems.append("x5c does not start with the certificate")
            }
        case false?:
            if header["x5c"] != nil { problems.append("x5c is sent unasked") }
        case nil: break
        }
        // Claims.
        if claims["aud"] as? String != tokenURL { problems.append("aud is not \(tokenURL)") }
        if claims["iss"] as? String != clientId { problems.append("iss is not the client id") }
        if claims["sub"] as? String != clientId { problems.append("sub is not the client id") }
        if let id = claims["jti"] as? String, !id.isEmpty {
            if !state.withLock({ $0.seenIDs.insert(id).inserted }) { problems.append("jti \(id) was used before") }
        } else {
            problems.append("jti is missing")
        }
        let clock = now.timeIntervalSince1970
        if let notBefore = (claims["nbf"] as? NSNumber)?.doubleValue,
            let expires = (claims["exp"] as? NSNumber)?.doubleValue
        {
            if abs(notBefore - clock) > 300 { problems.append("nbf is not now (\(notBefore) vs \(clock))") }
            if expires <= clock { problems.append("exp is in the past") }
            if expires - notBefore != 600 { problems.append("exp is not nbf + 600 s") }
        } else {
            problems.append("nbf or exp is missing")
        }
        // Signature, over the ASCII of `header.claims`.
        let input = Data((parts[0] + "." + parts[1]).utf8)
        if !verifySignature(signature, over: input) {
            problems.append("the signature does not verify with the certificate's public key")
        }
        return problems
    }

    private func verifySignature(_ signature: Data, over input: Data) -> Bool {
        let base = folder + "/" + UUID().uuidString
        defer {
            try? FileManager.default.removeItem(atPath: base + ".in")
            try? FileManager.default.removeItem(atPath: base + ".sig")
        }
        guard (try? input.write(to: URL(fileURLWithPath: base + ".in"))) != nil,
            (try? signature.write(to: URL(fileURLWithPath: base + ".sig"))) != nil
        else { return false }
        let verified = try? Self.openssl([
            "dgst", "-sha256", "-verify", publicKeyPath, "-signature", base + ".sig", base + ".in",
        ])
        return verified.map { String(decoding: $0, as: UTF8.self).contains("Verified OK") } ?? false
    }

    /// base64url (no padding) of `openssl dgst <algorithm> -binary` over `bytes`.
    private static func thumbprint(_ bytes: Data, _ algorithm: String) -> String? {
        guard let digest = try? openssl(["dgst", algorithm, "-binary"], input: bytes) else { return nil }
        return digest.base64EncodedString().replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }

    private static func base64URL(_ text: Substring) -> Data? {
        if text.contains(where: { "+/=".contains($0) }) { return nil }
        var standard = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while standard.count % 4 != 0 { standard += "=" }
        return Data(base64Encoded: standard)
    }

    private static func form(_ body: String) -> [String: String] {
        var fields: [String: String] = [:]
        for pair in body.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1).map {
                $0.replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? String($0)
            }
            fields[parts[0]] = parts.count > 1 ? parts[1] : ""
        }
        return fields
    }

    /// Runs `openssl arguments` (stdin `input`), its stdout; a non-zero exit throws.
    public static func openssl(_ arguments: [String], input: Data? = nil) throws -> Data {
        guard let path = opensslPath else { throw Failure(description: "no openssl program on PATH") }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        let output = Pipe()
        let errors = Pipe()
        let feed = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = input == nil ? FileHandle.nullDevice : feed
        try process.run()
        if let input {
            feed.fileHandleForWriting.write(input)
            try? feed.fileHandleForWriting.close()
        }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let message = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw Failure(
                description:
                    "openssl \(arguments.joined(separator: " ")) failed (\(process.terminationStatus)): \(String(decoding: message, as: UTF8.self))"
            )
        }
        return data
    }
}

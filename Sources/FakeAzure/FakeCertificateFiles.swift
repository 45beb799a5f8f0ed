import Foundation

/// Test support: certificates made for the tests with the `openssl` command line, once per test process, in a
/// temporary folder (never committed): RSA in PEM (certificate first, key first, encrypted key),
/// PKCS#12 with a password (modern and legacy encryption), a CA-signed certificate with its
/// chain, an expired one, and the broken files the error cases need.
///
/// Example: `let files = try FakeCertificateFiles.shared.get()`, then
/// `AZURE_CLIENT_CERTIFICATE_PATH=\(files.pem)`.
public struct FakeCertificateFiles: Sendable {
    public static let pfxPassword = "PFX-PASSWORD-1234 with spaces"
    public static let pemPassword = "PEM-PASSWORD-5678"
    /// Why certificate tests cannot run, or nil when they can.
    public static var unavailableReason: String? {
        FakeClientAssertionVerifier.opensslPath == nil
            ? "the openssl command line is not installed (apt-get install openssl)" : nil
    }
    public static let shared: Result<FakeCertificateFiles, any Error> = Result { try FakeCertificateFiles() }

    public let folder: String
    public var certificate: String { folder + "/cert.pem" }
    public var key: String { folder + "/key.pem" }
    /// Certificate then key.
    public var pem: String { folder + "/sp.pem" }
    /// Key then certificate.
    public var keyFirstPEM: String { folder + "/key-first.pem" }
    public var encryptedPEM: String { folder + "/encrypted.pem" }
    public var pfx: String { folder + "/sp.pfx" }
    public var legacyPFX: String { folder + "/legacy.pfx" }
    public var certificateOnly: String { folder + "/cert.pem" }
    public var keyOnly: String { folder + "/key.pem" }
    public var mismatched: String { folder + "/mismatched.pem" }
    public var ec: String { folder + "/ec.pem" }
    public var garbage: String { folder + "/garbage.pfx" }
    /// A leaf signed by a test CA: leaf, key, CA.
    public var chain: String { folder + "/chain.pem" }
    public var leaf: String { folder + "/leaf.pem" }
    /// Valid from 2020-01-01 to 2020-01-02 (UTC), with its key; `expiredCertificate` alone.
    public var expired: String { folder + "/expired.pem" }
    public var expiredCertificate: String { folder + "/expired-cert.pem" }
    /// Another certificate (for a verifier that must refuse).
    public var other: String { folder + "/other-cert.pem" }

    private init() throws {
        folder = NSTemporaryDirectory() + "azshim-certificates-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        func openssl(_ arguments: String) throws {
            _ = try FakeClientAssertionVerifier.openssl(arguments.split(separator: " ").map(String.init))
        }
        func concatenate(_ parts: [String], into path: String) throws {
            var data = Data()
            for part in parts { data += try Data(contentsOf: URL(fileURLWithPath: part)) }
            try data.write(to: URL(fileURLWithPath: path))
        }
        let f = folder
        try openssl(
            "req -x509 -newkey rsa:2048 -nodes -keyout \(f)/key.pem -out \(f)/cert.pem -days 30 -subj /CN=azshim-test")
        try concatenate([certificate, key], into: pem)
        try concatenate([key, certificate], into: keyFirstPEM)
        try openssl("pkey -in \(f)/key.pem -aes256 -passout pass:\(Self.pemPassword) -out \(f)/key-encrypted.pem")
        try concatenate([certificate, f + "/key-encrypted.pem"], into: encryptedPEM)
        // The password has spaces: -passout reads it from a file.
        try Data(Self.pfxPassword.utf8).write(to: URL(fileURLWithPath: f + "/pfx-password"))
        try openssl(
            "pkcs12 -export -in \(f)/cert.pem -inkey \(f)/key.pem -out \(f)/sp.pfx -passout file:\(f)/pfx-password")
        try openssl(
            "pkcs12 -export -legacy -in \(f)/cert.pem -inkey \(f)/key.pem -out \(f)/legacy.pfx -passout file:\(f)/pfx-password"
        )
        try openssl(
            "req -x509 -newkey rsa:2048 -nodes -keyout \(f)/other-key.pem -out \(f)/other-cert.pem -days 30 -subj /CN=other"
        )
        try concatenate([certificate, f + "/other-key.pem"], into: mismatched)
        try openssl(
            "req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout \(f)/ec-key.pem -out \(f)/ec-cert.pem -days 30 -subj /CN=ec"
        )
        try concatenate([f + "/ec-cert.pem", f + "/ec-key.pem"], into: ec)
        try Data("not a certificate\n".utf8).write(to: URL(fileURLWithPath: garbage))
        try openssl(
            "req -x509 -newkey rsa:2048 -nodes -keyout \(f)/ca-key.pem -out \(f)/ca.pem -days 30 -subj /CN=azshim-test-ca"
        )
        try openssl(
            "req -new -newkey rsa:2048 -nodes -keyout \(f)/leaf-key.pem -out \(f)/leaf.csr -subj /CN=azshim-leaf")
        try openssl(
            "x509 -req -in \(f)/leaf.csr -CA \(f)/ca.pem -CAkey \(f)/ca-key.pem -CAcreateserial -days 30 -out \(f)/leaf.pem"
        )
        try concatenate([f + "/leaf.pem", f + "/leaf-key.pem", f + "/ca.pem"], into: chain)
        // Valid only on 2020-01-01 (UTC): `openssl ca` sets both dates, `req -x509` cannot.
        try FileManager.default.createDirectory(atPath: f + "/ca-db", withIntermediateDirectories: true)
        try Data().write(to: URL(fileURLWithPath: f + "/ca-db/index.txt"))
        try Data("01\n".utf8).write(to: URL(fileURLWithPath: f + "/ca-db/serial"))
        try Data(
            "[ca]\ndefault_ca=d\n[d]\ndatabase=\(f)/ca-db/index.txt\nserial=\(f)/ca-db/serial\nnew_certs_dir=\(f)/ca-db\ndefault_md=sha256\npolicy=p\n[p]\ncommonName=supplied\n"
                .utf8
        ).write(to: URL(fileURLWithPath: f + "/ca.cnf"))
        try openssl(
            "ca -batch -config \(f)/ca.cnf -cert \(f)/ca.pem -keyfile \(f)/ca-key.pem -in \(f)/leaf.csr -out \(f)/expired-cert.pem -startdate 20200101000000Z -enddate 20200102000000Z -notext"
        )
        try concatenate([f + "/expired-cert.pem", f + "/leaf-key.pem"], into: expired)
    }

    /// The DER of a PEM certificate or public key, by `openssl`.
    public static func der(certificate path: String) throws -> [UInt8] {
        Array(try FakeClientAssertionVerifier.openssl(["x509", "-in", path, "-outform", "DER"]))
    }

    public static func publicKeyDER(certificate path: String) throws -> [UInt8] {
        let pem = try FakeClientAssertionVerifier.openssl(["x509", "-in", path, "-pubkey", "-noout"])
        return Array(try FakeClientAssertionVerifier.openssl(["pkey", "-pubin", "-outform", "DER"], input: pem))
    }
}

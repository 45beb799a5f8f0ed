#if canImport(Glibc)
    import Glibc

    /// A certificate with its RSA private key, read from PEM text (certificate and key in one
    /// file, in any order, the key optionally encrypted) or from PKCS#12 (`.pfx`/`.p12`) bytes,
    /// through the OpenSSL loaded at run time. The private key stays inside OpenSSL: it can sign,
    /// and nothing can read it out.
    ///
    /// Example: `openssl req -x509 -newkey rsa:2048 -keyout k.pem -out c.pem` and `cat c.pem k.pem > sp.pem`;
    /// then `try ClientCertificate(contents: bytesOf("sp.pem"), password: nil)` has
    /// `chainDER.count == 1` and `try signSHA256WithRSA(Array("a.b".utf8))` is a 256-byte signature.
    package final class ClientCertificate: @unchecked Sendable {
        // @unchecked: `key` is only read after init (EVP_DigestSign with a fresh context per
        // call), which OpenSSL 3 allows from several threads; deinit is the only writer.
        private let library: OpenSSLLibrary
        private let key: OpaquePointer

        /// The signing certificate's DER first, then the other certificates of the file
        /// (the chain a `x5c` header carries).
        package let chainDER: [[UInt8]]
        /// The certificate's SubjectPublicKeyInfo, DER.
        package let publicKeyDER: [UInt8]
        /// Validity, seconds since 1970 (UTC); nil when OpenSSL cannot convert the time.
        package let notBefore: Double?
        package let notAfter: Double?
        /// The RSA modulus size in bits.
        package let keyBits: Int

        package var certificateDER: [UInt8] { chainDER[0] }

        /// Reads PEM text when `contents` holds a `-----BEGIN ` line, PKCS#12 otherwise.
        /// `password` opens an encrypted PEM key or the PKCS#12 file; no password never
        /// prompts (OpenSSL's own prompt is never reached).
        package init(contents: [UInt8], password: String?) throws(ClientCertificateError) {
            let library = try OpenSSLCrypto.loaded()
            _ = library.drainErrors()
            let parts: (key: OpaquePointer, certificates: [OpaquePointer])
            if PEMLabels(contents).isPEM {
                parts = try Self.readPEM(contents, password: password, library: library)
            } else {
                parts = try Self.readPKCS12(contents, password: password, library: library)
            }
            defer { for certificate in parts.certificates { library.x509Free(certificate) } }
            var keyOwned = true
            defer { if keyOwned { library.keyFree(parts.key) } }

            let keyType = library.keyBaseID(parts.key)
            guard keyType == OpenSSLLibrary.keyTypeRSA else {
                throw .unsupportedKey(Self.keyTypeName(keyType))
            }
            let belongsToKey = { (certificate: OpaquePointer) in
                library.x509CheckPrivateKey(certificate, parts.key) == 1
            }
            guard let leafIndex = parts.certificates.firstIndex(where: belongsToKey) else {
                _ = library.drainErrors()
                throw .keyDoesNotMatchCertificate
            }
            _ = library.drainErrors()
            var ordered = parts.certificates
            let leaf = ordered.remove(at: leafIndex)
            ordered.insert(leaf, at: 0)
            var chain: [[UInt8]] = []
            for certificate in ordered {
                chain.append(try Self.der(certificate, library: library, encode: library.x509EncodeDER))
            }
            guard let publicKey = library.x509PublicKey(leaf) else {
                throw .failed(
                    operation: "read the public key", detail: library.drainErrors() ?? "X509_get0_pubkey failed")
            }
            self.publicKeyDER = try Self.der(publicKey, library: library, encode: library.publicKeyEncodeDER)
            self.chainDER = chain
            self.notBefore = Self.seconds(library.x509NotBefore(leaf), library: library)
            self.notAfter = Self.seconds(library.x509NotAfter(leaf), library: library)
            self.keyBits = Int(library.keyBits(parts.key))
            self.library = library
            self.key = parts.key
            keyOwned = false
        }

        deinit { library.keyFree(key) }

        /// RSASSA-PKCS1-v1_5 with SHA-256 (JWS `RS256`) over `message`.
        package func signSHA256WithRSA(_ message: [UInt8]) throws(ClientCertificateError) -> [UInt8] {
            guard let context = library.digestContextNew() else {
                throw .failed(operation: "sign", detail: library.drainErrors() ?? "EVP_MD_CTX_new failed")
            }
            defer { library.digestContextFree(context) }
            guard library.digestSignInit(context, nil, library.sha256(), nil, key) == 1 else {
                throw .failed(operation: "sign", detail: library.drainErrors() ?? "EVP_DigestSignInit failed")
            }
            var length = 0
            let sized = message.withUnsafeBufferPointer {
                library.digestSign(context, nil, &length, $0.baseAddress, $0.count)
            }
            guard sized == 1, length > 0, length <= 16384 else {
                throw .failed(operation: "sign", detail: library.drainErrors() ?? "EVP_DigestSign failed")
            }
            var signature = [UInt8](repeating: 0, count: length)
            let signed = message.withUnsafeBufferPointer { input in
                signature.withUnsafeMutableBufferPointer { output in
                    library.digestSign(context, output.baseAddress, &length, input.baseAddress, input.count)
                }
            }
            guard signed == 1, length <= signature.count else {
                throw .failed(operation: "sign", detail: library.drainErrors() ?? "EVP_DigestSign failed")
            }
            return Array(signature.prefix(length))
        }

        // MARK: reading

        /// Every certificate of the PEM text and its one private key.
        private static func readPEM(_ contents: [UInt8], password: String?, library: OpenSSLLibrary)
            throws(ClientCertificateError) -> (key: OpaquePointer, certificates: [OpaquePointer])
        {
            let labels = PEMLabels(contents)
            if labels.hasUnsupportedKey { throw .unsupportedKey("OpenSSH-format") }
            guard labels.hasPrivateKey else { throw .noPrivateKey }
            if labels.hasEncryptedKey && (password ?? "").isEmpty { throw .passwordRequired }
            guard contents.count <= Int(Int32.max) else { throw .notPEMOrPKCS12 }

            let certificates = try withMemoryBIO(contents, library: library) { bio in
                // Reads certificates until none is left (PEM_read_bio_X509 skips other blocks).
                var certificates: [OpaquePointer] = []
                while certificates.count < 64, let certificate = library.pemReadX509(bio, nil, nil, nil) {
                    certificates.append(certificate)
                }
                return certificates
            }
            var complete = false
            defer { if !complete { for certificate in certificates { library.x509Free(certificate) } } }
            _ = library.drainErrors()  // "no start line" at the end of the text
            guard !certificates.isEmpty else { throw .noCertificate }

            let key = try withMemoryBIO(contents, library: library) { bio in
                // The callback hands OpenSSL the password (or nothing), so it never prompts.
                var passwordBytes = Array((password ?? "").utf8CString)
                let key = passwordBytes.withUnsafeMutableBytes { userData in
                    library.pemReadPrivateKey(
                        bio, nil,
                        { buffer, size, _, userData in
                            guard let buffer, let userData, size > 0 else { return 0 }
                            let password = userData.assumingMemoryBound(to: CChar.self)
                            let length = min(strlen(password), Int(size))
                            memcpy(buffer, password, length)
                            return Int32(length)
                        }, userData.baseAddress)
                }
                for index in passwordBytes.indices { passwordBytes[index] = 0 }
                return key
            }
            guard let key else {
                let detail = library.drainErrors() ?? "PEM_read_bio_PrivateKey failed"
                if labels.hasEncryptedKey { throw .wrongPassword }
                throw .failed(operation: "read the private key", detail: detail)
            }
            complete = true
            return (key, certificates)
        }

        /// The key, certificate and extra certificates of a PKCS#12 structure.
        private static func readPKCS12(_ contents: [UInt8], password: String?, library: OpenSSLLibrary)
            throws(ClientCertificateError) -> (key: OpaquePointer, certificates: [OpaquePointer])
        {
            guard !contents.isEmpty else { throw .notPEMOrPKCS12 }
            let decoded: OpaquePointer? = contents.withUnsafeBufferPointer { buffer in
                var cursor = buffer.baseAddress
                return library.decodePKCS12(nil, &cursor, buffer.count)
            }
            guard let p12 = decoded else {
                _ = library.drainErrors()
                throw .notPEMOrPKCS12
            }
            defer { library.pkcs12Free(p12) }
            var legacyLoaded = false
            while true {
                var key: OpaquePointer?
                var certificate: OpaquePointer?
                var extra: OpaquePointer?
                if library.parsePKCS12(p12, password, &key, &certificate, &extra) == 1 {
                    _ = library.drainErrors()
                    var certificates: [OpaquePointer] = certificate.map { [$0] } ?? []
                    if let extra {
                        // The stack owns its certificates: keep up to 64, free the rest.
                        for index in 0..<max(0, library.stackCount(extra)) {
                            guard let item = library.stackValue(extra, index) else { continue }
                            if certificates.count < 64 { certificates.append(item) } else { library.x509Free(item) }
                        }
                        library.stackFree(extra)
                    }
                    guard let key else {
                        for item in certificates { library.x509Free(item) }
                        throw .noPrivateKey
                    }
                    guard !certificates.isEmpty else {
                        library.keyFree(key)
                        throw .noCertificate
                    }
                    return (key, certificates)
                }
                let detail = library.drainErrors() ?? "PKCS12_parse failed"
                if let password, !password.isEmpty {
                    if library.pkcs12VerifyMAC(p12, password, -1) != 1 {
                        _ = library.drainErrors()
                        throw .wrongPassword
                    }
                } else if library.pkcs12VerifyMAC(p12, nil, 0) != 1 && library.pkcs12VerifyMAC(p12, "", 0) != 1 {
                    _ = library.drainErrors()
                    throw .passwordRequired
                }
                // The password is right: older files (RC2, 3DES) need OpenSSL's legacy provider,
                // which is not loaded by default; loading one provider means loading "default" too.
                if legacyLoaded { throw .failed(operation: "read the PKCS#12 file", detail: detail) }
                legacyLoaded = true
                guard library.providerLoad(nil, "legacy") != nil, library.providerLoad(nil, "default") != nil else {
                    _ = library.drainErrors()
                    throw .failed(operation: "read the PKCS#12 file", detail: detail)
                }
            }
        }

        /// `body`'s result on a read-only memory BIO over `contents`.
        private static func withMemoryBIO<Result>(
            _ contents: [UInt8], library: OpenSSLLibrary, _ body: (OpaquePointer) -> Result
        ) throws(ClientCertificateError) -> Result {
            let result: Result? = contents.withUnsafeBytes { buffer in
                guard let bio = library.bioNewMemoryBuffer(buffer.baseAddress, Int32(buffer.count)) else { return nil }
                defer { _ = library.bioFree(bio) }
                return body(bio)
            }
            guard let result else {
                throw .failed(operation: "read the file", detail: library.drainErrors() ?? "BIO_new_mem_buf failed")
            }
            return result
        }

        /// DER from an `i2d_*` function: first the length, then the bytes.
        private static func der(
            _ object: OpaquePointer, library: OpenSSLLibrary, encode: OpenSSLLibrary.EncodeDER
        ) throws(ClientCertificateError) -> [UInt8] {
            let length = encode(object, nil)
            guard length > 0, length < 1 << 20 else {
                throw .failed(operation: "encode DER", detail: library.drainErrors() ?? "i2d failed")
            }
            var bytes = [UInt8](repeating: 0, count: Int(length))
            let written = bytes.withUnsafeMutableBufferPointer { buffer in
                var cursor = buffer.baseAddress
                return encode(object, &cursor)
            }
            guard written == length else {
                throw .failed(operation: "encode DER", detail: library.drainErrors() ?? "i2d failed")
            }
            return bytes
        }

        private static func seconds(_ time: OpaquePointer?, library: OpenSSLLibrary) -> Double? {
            guard let time else { return nil }
            var broken = tm()
            guard library.asn1TimeToTM(time, &broken) == 1 else {
                _ = library.drainErrors()
                return nil
            }
            return Double(timegm(&broken))
        }

        private static func keyTypeName(_ type: Int32) -> String {
            switch type {
            case OpenSSLLibrary.keyTypeEC: "EC"
            case OpenSSLLibrary.keyTypeRSAPSS: "RSA-PSS"
            case OpenSSLLibrary.keyTypeDSA: "DSA"
            case OpenSSLLibrary.keyTypeEd25519: "Ed25519"
            case OpenSSLLibrary.keyTypeEd448: "Ed448"
            default: "type \(type)"
            }
        }
    }

    /// The `-----BEGIN LABEL-----` lines of PEM text (and `Proc-Type: 4,ENCRYPTED` headers), so
    /// that a missing or encrypted key is named before OpenSSL is asked.
    struct PEMLabels {
        private(set) var labels: [String] = []
        private(set) var hasProcTypeEncrypted = false

        init(_ contents: [UInt8]) {
            let begin = Array("-----BEGIN ".utf8)
            let dashes = Array("-----".utf8)
            let procType = Array("Proc-Type: 4,ENCRYPTED".utf8)
            var index = 0
            while index < contents.count {
                if contents[index] == UInt8(ascii: "-"), contents[index...].starts(with: begin) {
                    let start = index + begin.count
                    var end = start
                    while end < contents.count, end - start < 64, contents[end] != UInt8(ascii: "-"),
                        contents[end] != UInt8(ascii: "\n")
                    {
                        end += 1
                    }
                    if contents[end...].starts(with: dashes) {
                        labels.append(String(decoding: contents[start..<end], as: UTF8.self))
                    }
                    index = end
                } else if contents[index] == UInt8(ascii: "P"), contents[index...].starts(with: procType) {
                    hasProcTypeEncrypted = true
                    index += procType.count
                } else {
                    index += 1
                }
            }
        }

        var isPEM: Bool { !labels.isEmpty }
        var hasPrivateKey: Bool { labels.contains { $0.hasSuffix("PRIVATE KEY") } }
        var hasEncryptedKey: Bool { labels.contains("ENCRYPTED PRIVATE KEY") || hasProcTypeEncrypted }
        var hasUnsupportedKey: Bool { labels.contains("OPENSSH PRIVATE KEY") && !hasOtherKey }
        private var hasOtherKey: Bool { labels.contains { $0.hasSuffix("PRIVATE KEY") && $0 != "OPENSSH PRIVATE KEY" } }
    }
#endif

#if canImport(Glibc)
    import Glibc

    /// Digests and random bytes from the OpenSSL loaded at run time (`OpenSSLLibrary`).
    ///
    /// Example: the `x5t#S256` header of a client assertion is
    /// `base64url(try OpenSSLCrypto.sha256(certificate.certificateDER))`.
    package enum OpenSSLCrypto {
        package enum Algorithm: Sendable { case sha1, sha256 }

        /// SHA-1 (20 bytes) or SHA-256 (32 bytes) of `bytes`.
        package static func digest(_ algorithm: Algorithm, _ bytes: [UInt8]) throws(ClientCertificateError) -> [UInt8] {
            let library = try loaded()
            let method = algorithm == .sha1 ? library.sha1() : library.sha256()
            var output = [UInt8](repeating: 0, count: 64)
            var length: UInt32 = 0
            let status = bytes.withUnsafeBytes { input in
                library.digest(input.baseAddress, input.count, &output, &length, method, nil)
            }
            guard status == 1, length > 0, length <= 64 else {
                throw .failed(operation: "digest", detail: library.drainErrors() ?? "EVP_Digest failed")
            }
            return Array(output.prefix(Int(length)))
        }

        /// `count` bytes from OpenSSL's CSPRNG (`RAND_bytes`).
        package static func randomBytes(_ count: Int) throws(ClientCertificateError) -> [UInt8] {
            let library = try loaded()
            var bytes = [UInt8](repeating: 0, count: count)
            guard count <= Int(Int32.max), library.randomBytes(&bytes, Int32(count)) == 1 else {
                throw .failed(operation: "random bytes", detail: library.drainErrors() ?? "RAND_bytes failed")
            }
            return bytes
        }

        static func loaded() throws(ClientCertificateError) -> OpenSSLLibrary {
            switch OpenSSLLibrary.shared {
            case .success(let library): return library
            case .failure(let error): throw .unavailable(error.message)
            }
        }
    }
#endif

#if canImport(Glibc)
    import AzShimSupport
    import Glibc

    /// One OpenSSL `SSL_CTX` for all HTTPS connections of a process: TLS 1.2 or newer, peer
    /// verification against the system trust store (OpenSSL honours `SSL_CERT_FILE` and
    /// `SSL_CERT_DIR`), plus the PEM file named by `AZSHIM_CA_FILE` when set. AzShim reads that
    /// file itself, bounded in size (`maximumCAFileBytes`) and time (`FileSystem.readTimeout`),
    /// so it may be `<(…)` and a FIFO nobody writes fails the request instead of hanging it;
    /// OpenSSL then gets its certificates from memory (CRLs in it are not used).
    ///
    /// Example: tests trust a self-signed loopback server with
    /// `AZSHIM_CA_FILE=/tmp/test-ca.pem`.
    final class TLSContext: @unchecked Sendable {
        let library: OpenSSLLibrary
        let context: OpaquePointer

        /// A CA bundle larger than this is refused: Debian's whole `ca-certificates.crt` is about
        /// 220 KB.
        static let maximumCAFileBytes = 16 << 20

        init(extraCAFile: String?, readTimeout: Duration = FileSystem.readTimeout) throws(HTTPClientError) {
            let library: OpenSSLLibrary
            switch OpenSSLLibrary.shared {
            case .success(let loaded): library = loaded
            case .failure(let error): throw .connectionFailed(endpoint: "https", reason: error.message)
            }
            guard let method = library.tlsClientMethod(), let context = library.contextNew(method) else {
                throw .connectionFailed(
                    endpoint: "https",
                    reason: "TLS setup failed: SSL_CTX_new: \(library.drainErrors() ?? "unknown error")")
            }
            _ = library.contextControl(
                context, OpenSSLLibrary.controlSetMinProtoVersion, OpenSSLLibrary.tls12Version, nil)
            _ = library.contextSetOptions(context, OpenSSLLibrary.optionIgnoreUnexpectedEOF)
            _ = library.contextSetDefaultVerifyPaths(context)
            if let extraCAFile, !extraCAFile.isEmpty {
                do throws(CAFileProblem) {
                    let bytes: [UInt8]
                    do {
                        bytes = try FileSystem.read(
                            extraCAFile, maximumBytes: Self.maximumCAFileBytes, timeout: readTimeout)
                    } catch {
                        throw CAFileProblem(detail: error.reason)
                    }
                    try Self.trust(pem: bytes, in: context, library: library)
                } catch {
                    library.contextFree(context)
                    throw .connectionFailed(
                        endpoint: "https",
                        reason: "cannot load the CA file '\(extraCAFile)' from AZSHIM_CA_FILE: \(error.detail)")
                }
            }
            library.contextSetVerify(context, OpenSSLLibrary.verifyPeer, nil)
            self.library = library
            self.context = context
        }

        deinit { library.contextFree(context) }

        /// Why the `AZSHIM_CA_FILE` certificates were not added: the end of the message.
        struct CAFileProblem: Error { let detail: String }

        /// Adds every certificate of the PEM text `pem` to the context's trust store, as
        /// `SSL_CTX_load_verify_locations` would from the file: `CERTIFICATE` and
        /// `TRUSTED CERTIFICATE` blocks, other blocks skipped; none at all, or a block OpenSSL
        /// cannot read, is an error.
        private static func trust(pem: [UInt8], in context: OpaquePointer, library: OpenSSLLibrary)
            throws(CAFileProblem)
        {
            guard pem.count <= Int(Int32.max), let store = library.contextGetCertificateStore(context) else {
                throw CAFileProblem(detail: "no certificate store")
            }
            _ = library.drainErrors()
            var added = 0
            let failure: String? = pem.withUnsafeBytes { buffer in
                guard let bio = library.bioNewMemoryBuffer(buffer.baseAddress, Int32(buffer.count)) else {
                    return library.drainErrors() ?? "BIO_new_mem_buf failed"
                }
                defer { _ = library.bioFree(bio) }
                while let certificate = library.pemReadTrustedX509(bio, nil, nil, nil) {
                    defer { library.x509Free(certificate) }
                    if library.storeAddCertificate(store, certificate) != 1 {
                        return library.drainErrors() ?? "X509_STORE_add_cert failed"
                    }
                    added += 1
                }
                // The loop ends at the end of the text ("no start line") or at a block it cannot read.
                let code = library.errorGet()
                let text = code == 0 || OpenSSLLibrary.isEndOfPEM(code) ? nil : Self.errorText(code, library)
                _ = library.drainErrors()
                return text
            }
            if let failure { throw CAFileProblem(detail: failure) }
            if added == 0 { throw CAFileProblem(detail: "it holds no certificate (-----BEGIN CERTIFICATE-----)") }
        }

        private static func errorText(_ code: UInt, _ library: OpenSSLLibrary) -> String {
            var buffer = [CChar](repeating: 0, count: 256)
            library.errorString(code, &buffer, buffer.count)
            return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        }
    }
#endif

#if canImport(Glibc)
    import Glibc

    /// One OpenSSL `SSL_CTX` for all HTTPS connections of a process: TLS 1.2 or newer, peer
    /// verification against the system trust store (OpenSSL honours `SSL_CERT_FILE` and
    /// `SSL_CERT_DIR`), plus the PEM file named by `AZSHIM_CA_FILE` when set.
    ///
    /// Example: tests trust a self-signed loopback server with
    /// `AZSHIM_CA_FILE=/tmp/test-ca.pem`.
    final class TLSContext: @unchecked Sendable {
        let library: OpenSSLLibrary
        let context: OpaquePointer

        init(extraCAFile: String?) throws(HTTPClientError) {
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
                if library.contextLoadVerifyLocations(context, extraCAFile, nil) != 1 {
                    let detail = library.drainErrors() ?? "unreadable"
                    library.contextFree(context)
                    throw .connectionFailed(
                        endpoint: "https",
                        reason: "cannot load the CA file '\(extraCAFile)' from AZSHIM_CA_FILE: \(detail)")
                }
            }
            library.contextSetVerify(context, OpenSSLLibrary.verifyPeer, nil)
            self.library = library
            self.context = context
        }

        deinit { library.contextFree(context) }
    }
#endif

#if canImport(Glibc)
    import Glibc

    /// The few OpenSSL 3 functions the HTTPS client needs, loaded at run time with
    /// `dlopen("libssl.so.3")`, so a binary that never talks to Azure pays nothing for TLS.
    ///
    /// Example: the first `https://management.azure.com` request calls `OpenSSLLibrary.shared`;
    /// without libssl it fails with `TLS is unavailable: cannot load libssl.so.3 (…)`.
    struct OpenSSLLibrary: @unchecked Sendable {
        typealias PointerFromVoid = @convention(c) () -> OpaquePointer?
        typealias PointerFromPointer = @convention(c) (OpaquePointer?) -> OpaquePointer?
        typealias IntFromPointer = @convention(c) (OpaquePointer?) -> Int32
        typealias LongFromPointer = @convention(c) (OpaquePointer?) -> Int
        typealias VoidFromPointer = @convention(c) (OpaquePointer?) -> Void
        typealias SetVerify = @convention(c) (OpaquePointer?, Int32, OpaquePointer?) -> Void
        typealias SetOptions = @convention(c) (OpaquePointer?, UInt64) -> UInt64
        typealias Control = @convention(c) (OpaquePointer?, Int32, Int, UnsafeMutableRawPointer?) -> Int
        typealias SetFD = @convention(c) (OpaquePointer?, Int32) -> Int32
        typealias SetHost = @convention(c) (OpaquePointer?, UnsafePointer<CChar>?) -> Int32
        typealias Read = @convention(c) (OpaquePointer?, UnsafeMutableRawPointer?, Int32) -> Int32
        typealias Write = @convention(c) (OpaquePointer?, UnsafeRawPointer?, Int32) -> Int32
        typealias GetError = @convention(c) (OpaquePointer?, Int32) -> Int32
        typealias VerifyString = @convention(c) (Int) -> UnsafePointer<CChar>?
        typealias ErrorGet = @convention(c) () -> UInt
        typealias ErrorString = @convention(c) (UInt, UnsafeMutablePointer<CChar>?, Int) -> Void
        // Certificates, keys and signatures (libcrypto, reached through libssl's handle).
        /// `pem_password_cb`: `int (char *buf, int size, int rwflag, void *u)`.
        typealias PasswordCallback =
            @convention(c) (UnsafeMutablePointer<CChar>?, Int32, Int32, UnsafeMutableRawPointer?) -> Int32
        typealias MemoryBIO = @convention(c) (UnsafeRawPointer?, Int32) -> OpaquePointer?
        typealias ReadPEM =
            @convention(c) (
                OpaquePointer?, UnsafeMutablePointer<OpaquePointer?>?, PasswordCallback?, UnsafeMutableRawPointer?
            ) -> OpaquePointer?
        typealias DecodePKCS12 =
            @convention(c) (UnsafeMutablePointer<OpaquePointer?>?, UnsafeMutablePointer<UnsafePointer<UInt8>?>?, Int)
            -> OpaquePointer?
        typealias ParsePKCS12 =
            @convention(c) (
                OpaquePointer?, UnsafePointer<CChar>?, UnsafeMutablePointer<OpaquePointer?>?,
                UnsafeMutablePointer<OpaquePointer?>?, UnsafeMutablePointer<OpaquePointer?>?
            ) -> Int32
        typealias VerifyMAC = @convention(c) (OpaquePointer?, UnsafePointer<CChar>?, Int32) -> Int32
        typealias EncodeDER =
            @convention(c) (OpaquePointer?, UnsafeMutablePointer<UnsafeMutablePointer<UInt8>?>?) -> Int32
        typealias IntFromTwoPointers = @convention(c) (OpaquePointer?, OpaquePointer?) -> Int32
        typealias PointerFromPointerAndInt = @convention(c) (OpaquePointer?, Int32) -> OpaquePointer?
        typealias TimeToTM = @convention(c) (OpaquePointer?, UnsafeMutablePointer<tm>?) -> Int32
        typealias DigestSignInit =
            @convention(c) (
                OpaquePointer?, UnsafeMutablePointer<OpaquePointer?>?, OpaquePointer?, OpaquePointer?, OpaquePointer?
            ) -> Int32
        typealias DigestSign =
            @convention(c) (
                OpaquePointer?, UnsafeMutablePointer<UInt8>?, UnsafeMutablePointer<Int>?, UnsafePointer<UInt8>?, Int
            )
            -> Int32
        typealias Digest =
            @convention(c) (
                UnsafeRawPointer?, Int, UnsafeMutablePointer<UInt8>?, UnsafeMutablePointer<UInt32>?, OpaquePointer?,
                OpaquePointer?
            ) -> Int32
        typealias RandomBytes = @convention(c) (UnsafeMutablePointer<UInt8>?, Int32) -> Int32
        typealias LoadProvider = @convention(c) (OpaquePointer?, UnsafePointer<CChar>?) -> OpaquePointer?

        let tlsClientMethod: PointerFromVoid
        let contextNew: PointerFromPointer
        let contextFree: VoidFromPointer
        let contextSetDefaultVerifyPaths: IntFromPointer
        let contextGetCertificateStore: PointerFromPointer
        let storeAddCertificate: IntFromTwoPointers
        let contextSetVerify: SetVerify
        let contextSetOptions: SetOptions
        let contextControl: Control
        let sslNew: PointerFromPointer
        let sslFree: VoidFromPointer
        let sslSetFD: SetFD
        let sslControl: Control
        let sslSet1Host: SetHost
        let sslConnect: IntFromPointer
        let sslRead: Read
        let sslWrite: Write
        let sslShutdown: IntFromPointer
        let sslGetError: GetError
        let sslGetVerifyResult: LongFromPointer
        let verifyErrorString: VerifyString
        let errorGet: ErrorGet
        let errorString: ErrorString
        let bioNewMemoryBuffer: MemoryBIO
        let bioFree: IntFromPointer
        let pemReadX509: ReadPEM
        let pemReadTrustedX509: ReadPEM
        let pemReadPrivateKey: ReadPEM
        let decodePKCS12: DecodePKCS12
        let parsePKCS12: ParsePKCS12
        let pkcs12VerifyMAC: VerifyMAC
        let pkcs12Free: VoidFromPointer
        let x509Free: VoidFromPointer
        let x509EncodeDER: EncodeDER
        let x509PublicKey: PointerFromPointer
        let x509NotBefore: PointerFromPointer
        let x509NotAfter: PointerFromPointer
        let x509CheckPrivateKey: IntFromTwoPointers
        let asn1TimeToTM: TimeToTM
        let publicKeyEncodeDER: EncodeDER
        let keyFree: VoidFromPointer
        let keyBaseID: IntFromPointer
        let keyBits: IntFromPointer
        let stackCount: IntFromPointer
        let stackValue: PointerFromPointerAndInt
        let stackFree: VoidFromPointer
        let digestContextNew: PointerFromVoid
        let digestContextFree: VoidFromPointer
        let sha1: PointerFromVoid
        let sha256: PointerFromVoid
        let digestSignInit: DigestSignInit
        let digestSign: DigestSign
        let digest: Digest
        let randomBytes: RandomBytes
        let providerLoad: LoadProvider

        /// Why libssl could not be used; shown to the user as is.
        struct LoadError: Error, Sendable { let message: String }

        static let shared: Result<OpenSSLLibrary, LoadError> = load()

        private static func load() -> Result<OpenSSLLibrary, LoadError> {
            var handle: UnsafeMutableRawPointer?
            var reasons: [String] = []
            for name in ["libssl.so.3", "libssl.so"] {
                handle = dlopen(name, RTLD_NOW | RTLD_LOCAL)
                if handle != nil { break }
                reasons.append(dlerror().map { String(cString: $0) } ?? name)
            }
            guard let handle else {
                return .failure(
                    LoadError(
                        message:
                            "TLS is unavailable: cannot load libssl.so.3 (\(reasons.joined(separator: "; "))). Install OpenSSL 3 (for example 'apt-get install libssl3')."
                    ))
            }
            do throws(LoadError) {
                return .success(try OpenSSLLibrary(handle: handle))
            } catch {
                return .failure(error)
            }
        }

        /// Binds every function by name, each next to the field it fills; the C signature comes
        /// from the field's type, so a name cannot end up in another function's slot.
        private init(handle: UnsafeMutableRawPointer) throws(LoadError) {
            func bind<Function>(_ name: String) throws(LoadError) -> Function {
                guard let pointer = dlsym(handle, name) else {
                    throw LoadError(message: "TLS is unavailable: libssl.so.3 lacks \(name) (OpenSSL 3 is required).")
                }
                return unsafeBitCast(pointer, to: Function.self)
            }
            tlsClientMethod = try bind("TLS_client_method")
            contextNew = try bind("SSL_CTX_new")
            contextFree = try bind("SSL_CTX_free")
            contextSetDefaultVerifyPaths = try bind("SSL_CTX_set_default_verify_paths")
            contextGetCertificateStore = try bind("SSL_CTX_get_cert_store")
            storeAddCertificate = try bind("X509_STORE_add_cert")
            contextSetVerify = try bind("SSL_CTX_set_verify")
            contextSetOptions = try bind("SSL_CTX_set_options")
            contextControl = try bind("SSL_CTX_ctrl")
            sslNew = try bind("SSL_new")
            sslFree = try bind("SSL_free")
            sslSetFD = try bind("SSL_set_fd")
            sslControl = try bind("SSL_ctrl")
            sslSet1Host = try bind("SSL_set1_host")
            sslConnect = try bind("SSL_connect")
            sslRead = try bind("SSL_read")
            sslWrite = try bind("SSL_write")
            sslShutdown = try bind("SSL_shutdown")
            sslGetError = try bind("SSL_get_error")
            sslGetVerifyResult = try bind("SSL_get_verify_result")
            verifyErrorString = try bind("X509_verify_cert_error_string")
            errorGet = try bind("ERR_get_error")
            errorString = try bind("ERR_error_string_n")
            bioNewMemoryBuffer = try bind("BIO_new_mem_buf")
            bioFree = try bind("BIO_free")
            pemReadX509 = try bind("PEM_read_bio_X509")
            pemReadTrustedX509 = try bind("PEM_read_bio_X509_AUX")
            pemReadPrivateKey = try bind("PEM_read_bio_PrivateKey")
            decodePKCS12 = try bind("d2i_PKCS12")
            parsePKCS12 = try bind("PKCS12_parse")
            pkcs12VerifyMAC = try bind("PKCS12_verify_mac")
            pkcs12Free = try bind("PKCS12_free")
            x509Free = try bind("X509_free")
            x509EncodeDER = try bind("i2d_X509")
            x509PublicKey = try bind("X509_get0_pubkey")
            x509NotBefore = try bind("X509_get0_notBefore")
            x509NotAfter = try bind("X509_get0_notAfter")
            x509CheckPrivateKey = try bind("X509_check_private_key")
            asn1TimeToTM = try bind("ASN1_TIME_to_tm")
            publicKeyEncodeDER = try bind("i2d_PUBKEY")
            keyFree = try bind("EVP_PKEY_free")
            keyBaseID = try bind("EVP_PKEY_get_base_id")
            keyBits = try bind("EVP_PKEY_get_bits")
            stackCount = try bind("OPENSSL_sk_num")
            stackValue = try bind("OPENSSL_sk_value")
            stackFree = try bind("OPENSSL_sk_free")
            digestContextNew = try bind("EVP_MD_CTX_new")
            digestContextFree = try bind("EVP_MD_CTX_free")
            sha1 = try bind("EVP_sha1")
            sha256 = try bind("EVP_sha256")
            digestSignInit = try bind("EVP_DigestSignInit")
            digestSign = try bind("EVP_DigestSign")
            digest = try bind("EVP_Digest")
            randomBytes = try bind("RAND_bytes")
            providerLoad = try bind("OSSL_PROVIDER_load")
        }

        /// The oldest OpenSSL error on this thread's queue as text (and the queue emptied).
        func drainErrors() -> String? {
            var first: String?
            while true {
                let code = errorGet()
                if code == 0 { break }
                if first == nil {
                    var buffer = [CChar](repeating: 0, count: 256)
                    errorString(code, &buffer, buffer.count)
                    first = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
                }
            }
            return first
        }

        static let sslErrorWantRead: Int32 = 2
        static let sslErrorWantWrite: Int32 = 3
        static let sslErrorSyscall: Int32 = 5
        static let sslErrorZeroReturn: Int32 = 6
        static let verifyPeer: Int32 = 1
        static let controlSetTLSExtHostname: Int32 = 55
        static let controlSetMinProtoVersion: Int32 = 123
        static let tls12Version = 0x0303
        static let optionIgnoreUnexpectedEOF: UInt64 = 1 << 7
        /// `EVP_PKEY_get_base_id` values (`include/openssl/obj_mac.h` NIDs).
        static let keyTypeRSA: Int32 = 6
        static let keyTypeRSAPSS: Int32 = 912
        static let keyTypeEC: Int32 = 408
        static let keyTypeDSA: Int32 = 116
        static let keyTypeEd25519: Int32 = 1087
        static let keyTypeEd448: Int32 = 1088
        /// True for `PEM_R_NO_START_LINE` of `ERR_LIB_PEM`: no further PEM block, the normal end of
        /// a PEM text (OpenSSL 3's `include/openssl/err.h`: the library in bits 23–30, the reason in
        /// bits 0–22, bit 31 set for a system error).
        static func isEndOfPEM(_ code: UInt) -> Bool {
            code & (1 << 31) == 0 && (code >> 23) & 0xFF == 9 && code & 0x7F_FFFF == 108
        }
    }
#endif

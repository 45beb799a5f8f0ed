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
    typealias LoadVerifyLocations = @convention(c) (OpaquePointer?, UnsafePointer<CChar>?, UnsafePointer<CChar>?) -> Int32
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

    let tlsClientMethod: PointerFromVoid
    let contextNew: PointerFromPointer
    let contextFree: VoidFromPointer
    let contextSetDefaultVerifyPaths: IntFromPointer
    let contextLoadVerifyLocations: LoadVerifyLocations
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
            return .failure(LoadError(message:
                "TLS is unavailable: cannot load libssl.so.3 (\(reasons.joined(separator: "; "))). Install OpenSSL 3 (for example 'apt-get install libssl3')."))
        }
        var missing: [String] = []
        func symbol<T>(_ name: String, as type: T.Type) -> T? {
            guard let pointer = dlsym(handle, name) else {
                missing.append(name)
                return nil
            }
            return unsafeBitCast(pointer, to: type)
        }
        let library = (
            symbol("TLS_client_method", as: PointerFromVoid.self),
            symbol("SSL_CTX_new", as: PointerFromPointer.self),
            symbol("SSL_CTX_free", as: VoidFromPointer.self),
            symbol("SSL_CTX_set_default_verify_paths", as: IntFromPointer.self),
            symbol("SSL_CTX_load_verify_locations", as: LoadVerifyLocations.self),
            symbol("SSL_CTX_set_verify", as: SetVerify.self),
            symbol("SSL_CTX_set_options", as: SetOptions.self),
            symbol("SSL_CTX_ctrl", as: Control.self),
            symbol("SSL_new", as: PointerFromPointer.self),
            symbol("SSL_free", as: VoidFromPointer.self),
            symbol("SSL_set_fd", as: SetFD.self)
        )
        let more = (
            symbol("SSL_ctrl", as: Control.self),
            symbol("SSL_set1_host", as: SetHost.self),
            symbol("SSL_connect", as: IntFromPointer.self),
            symbol("SSL_read", as: Read.self),
            symbol("SSL_write", as: Write.self),
            symbol("SSL_shutdown", as: IntFromPointer.self),
            symbol("SSL_get_error", as: GetError.self),
            symbol("SSL_get_verify_result", as: LongFromPointer.self),
            symbol("X509_verify_cert_error_string", as: VerifyString.self),
            symbol("ERR_get_error", as: ErrorGet.self),
            symbol("ERR_error_string_n", as: ErrorString.self)
        )
        guard let a0 = library.0, let a1 = library.1, let a2 = library.2, let a3 = library.3,
            let a4 = library.4, let a5 = library.5, let a6 = library.6, let a7 = library.7,
            let a8 = library.8, let a9 = library.9, let a10 = library.10,
            let b0 = more.0, let b1 = more.1, let b2 = more.2, let b3 = more.3, let b4 = more.4,
            let b5 = more.5, let b6 = more.6, let b7 = more.7, let b8 = more.8, let b9 = more.9,
            let b10 = more.10
        else {
            return .failure(LoadError(message:
                "TLS is unavailable: libssl.so.3 lacks \(missing.joined(separator: ", ")) (OpenSSL 3 is required)."))
        }
        return .success(OpenSSLLibrary(
            tlsClientMethod: a0, contextNew: a1, contextFree: a2, contextSetDefaultVerifyPaths: a3,
            contextLoadVerifyLocations: a4, contextSetVerify: a5, contextSetOptions: a6,
            contextControl: a7, sslNew: a8, sslFree: a9, sslSetFD: a10, sslControl: b0,
            sslSet1Host: b1, sslConnect: b2, sslRead: b3, sslWrite: b4, sslShutdown: b5,
            sslGetError: b6, sslGetVerifyResult: b7, verifyErrorString: b8, errorGet: b9,
            errorString: b10))
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
}
#endif

/// Why a client certificate file cannot sign, as data; the layer above names the file and the
/// setting and renders the text in one place. Never carries key material or a password.
///
/// Example: a `.pfx` opened without its password is `.passwordRequired`; a PEM file with only
/// `-----BEGIN CERTIFICATE-----` is `.noPrivateKey`.
package enum ClientCertificateError: Error, Sendable, Equatable {
    /// OpenSSL 3 could not be loaded; the text says why (as for HTTPS).
    case unavailable(String)
    /// The file cannot be read; the system's reason (`No such file or directory`).
    case unreadable(String)
    /// Neither PEM text nor a PKCS#12 (`.pfx`/`.p12`) structure.
    case notPEMOrPKCS12
    case noCertificate
    case noPrivateKey
    /// The key (PEM) or the PKCS#12 file is encrypted and no password was given.
    case passwordRequired
    /// A password was given and it does not open the file.
    case wrongPassword
    /// None of the certificates in the file belongs to the private key.
    case keyDoesNotMatchCertificate
    /// A key that cannot sign RS256, e.g. `"EC"` or `"Ed25519"`.
    case unsupportedKey(String)
    /// OpenSSL refused the file or an operation; `detail` is its error text.
    case failed(operation: String, detail: String)
}

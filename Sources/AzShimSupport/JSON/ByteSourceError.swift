#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// A failed `read(2)`, with its `errno` and the system's text for it.
///
/// Example: reading a directory as stdin (`New-AzCognitiveServicesAccountKey < /`) fails with
/// `ByteSourceError(code: EISDIR)`, whose `description` is `Is a directory`.
package struct ByteSourceError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The `errno` value.
    package let code: Int32

    package init(code: Int32) { self.code = code }

    package var description: String {
        guard let text = strerror(code) else { return "error \(code)" }
        return String(cString: text)
    }
}

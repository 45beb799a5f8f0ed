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
public struct ByteSourceError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The `errno` value.
    public let code: Int32

    public init(code: Int32) { self.code = code }

    public var description: String {
        guard let text = strerror(code) else { return "error \(code)" }
        return String(cString: text)
    }
}

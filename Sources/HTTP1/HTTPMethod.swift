/// An HTTP request method (RFC 9110 §9), checked to be a token before it is sent.
///
/// Example: `HTTPMessage.Request(method: .post, …)` for a key regeneration; `"GET"` works as a
/// literal too.
package struct HTTPMethod: RawRepresentable, Hashable, Sendable, ExpressibleByStringLiteral,
    CustomStringConvertible
{
    package let rawValue: String

    package init(rawValue: String) { self.rawValue = rawValue }
    package init(stringLiteral value: String) { self.rawValue = value }

    package static let get = HTTPMethod(rawValue: "GET")
    package static let head = HTTPMethod(rawValue: "HEAD")
    package static let post = HTTPMethod(rawValue: "POST")
    package static let put = HTTPMethod(rawValue: "PUT")
    package static let patch = HTTPMethod(rawValue: "PATCH")
    package static let delete = HTTPMethod(rawValue: "DELETE")

    /// Methods whose request carries `Content-Length: 0` when it has no body.
    package var sendsEmptyContentLength: Bool { self == .post || self == .put || self == .patch }

    package var description: String { rawValue }
}

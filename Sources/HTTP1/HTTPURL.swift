#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// An absolute `http`/`https` URL split into the parts an HTTP/1.1 client needs.
///
/// Example: `HTTPURL("https://management.azure.com/")` has host `management.azure.com`,
/// port 443 and origin `https://management.azure.com`; the regeneration request target is
/// `/subscriptions/…/regenerateKey?api-version=2024-10-01`.
package struct HTTPURL: Sendable, Equatable {
    package var scheme: String
    /// The host without IPv6 brackets, lowercased.
    package var host: String
    package var port: Int
    /// Path and query, starting with `/`.
    package var target: String

    package init?(_ text: String) {
        // Visible ASCII only: a space, a control character or a raw non-ASCII byte would reach
        // the request line or the Host header as is.
        guard text.utf8.allSatisfy({ $0 > 0x20 && $0 < 0x7F }) else { return nil }
        let lower = text.lowercased()
        let rest: Substring
        if lower.hasPrefix("https://") {
            scheme = "https"
            rest = text.dropFirst(8)
        } else if lower.hasPrefix("http://") {
            scheme = "http"
            rest = text.dropFirst(7)
        } else {
            return nil
        }
        let authorityEnd = rest.firstIndex { $0 == "/" || $0 == "?" || $0 == "#" } ?? rest.endIndex
        let authority = rest[..<authorityEnd]
        var remainder = String(rest[authorityEnd...])
        if let hash = remainder.firstIndex(of: "#") { remainder = String(remainder[..<hash]) }
        if authority.isEmpty || authority.contains("@") { return nil }
        var hostPart = Substring(authority)
        var portText: Substring?
        if authority.hasPrefix("[") {
            guard let close = authority.firstIndex(of: "]") else { return nil }
            hostPart = authority[authority.index(after: authority.startIndex)..<close]
            let after = authority[authority.index(after: close)...]
            if after.hasPrefix(":") { portText = after.dropFirst() } else if !after.isEmpty { return nil }
        } else if let colon = authority.lastIndex(of: ":") {
            hostPart = authority[..<colon]
            portText = authority[authority.index(after: colon)...]
        }
        if hostPart.isEmpty { return nil }
        host = hostPart.lowercased()
        if let portText {
            guard let value = Int(portText), (1...65535).contains(value) else { return nil }
            port = value
        } else {
            port = scheme == "https" ? 443 : 80
        }
        if remainder.isEmpty { remainder = "/" } else if remainder.hasPrefix("?") { remainder = "/" + remainder }
        target = remainder
    }

    package var isTLS: Bool { scheme == "https" }

    /// `scheme://host[:port]`, the endpoint named in error messages.
    package var origin: String {
        let hostText = host.contains(":") ? "[\(host)]" : host
        let defaultPort = isTLS ? 443 : 80
        return port == defaultPort ? "\(scheme)://\(hostText)" : "\(scheme)://\(hostText):\(port)"
    }

    /// The value of the `Host` header.
    package var hostHeader: String {
        let hostText = host.contains(":") ? "[\(host)]" : host
        let defaultPort = isTLS ? 443 : 80
        return port == defaultPort ? hostText : "\(hostText):\(port)"
    }

    /// The full URL text.
    package var absoluteString: String { origin + target }

    /// This URL with `path` appended to its path (one slash between) and no query.
    package func appendingPath(_ path: String) -> HTTPURL {
        var copy = self
        var base = target
        if let query = base.firstIndex(of: "?") { base = String(base[..<query]) }
        while base.hasSuffix("/") { base.removeLast() }
        var suffix = Substring(path)
        while suffix.hasPrefix("/") { suffix = suffix.dropFirst() }
        copy.target = base + "/" + suffix
        return copy
    }

    /// True for `localhost`, 127.0.0.0/8 and `::1`: the only hosts plain `http://` may reach
    /// (besides the instance-metadata address for managed identity).
    package var isLoopback: Bool {
        if host == "localhost" || host.hasSuffix(".localhost") { return true }
        var v4 = in_addr()
        if inet_pton(AF_INET, host, &v4) == 1 {
            return UInt32(bigEndian: v4.s_addr) >> 24 == 127
        }
        var v6 = in6_addr()
        if inet_pton(AF_INET6, host, &v6) == 1 {
            let bytes = withUnsafeBytes(of: v6) { Array($0) }
            return bytes[0..<15].allSatisfy { $0 == 0 } && bytes[15] == 1
        }
        return false
    }

    /// True for an IP literal (no SNI or host-name check by name then).
    package var isIPLiteral: Bool {
        var v4 = in_addr()
        var v6 = in6_addr()
        return inet_pton(AF_INET, host, &v4) == 1 || inet_pton(AF_INET6, host, &v6) == 1
    }

    /// Percent-encodes a query or form value (RFC 3986 unreserved characters kept).
    package static func formEncode(_ value: String) -> String {
        percentEncode(value)
    }

    /// Percent-encodes everything but RFC 3986 unreserved characters (a path segment or a
    /// form value).
    ///
    /// Example: `HTTPURL.percentEncode("a b/c")` is `"a%20b%2Fc"`.
    package static func percentEncode(_ segment: String) -> String {
        var result = ""
        for byte in segment.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."),
                UInt8(ascii: "_"), UInt8(ascii: "~"):
                result.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let hex = Array("0123456789ABCDEF".unicodeScalars)
                result.unicodeScalars.append("%")
                result.unicodeScalars.append(hex[Int(byte >> 4)])
                result.unicodeScalars.append(hex[Int(byte & 0xF)])
            }
        }
        return result
    }
}

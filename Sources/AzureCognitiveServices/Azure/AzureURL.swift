#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An absolute `http`/`https` URL split into the parts an HTTP/1.1 client needs.
///
/// Example: `AzureURL("https://management.azure.com/")` has host `management.azure.com`,
/// port 443 and origin `https://management.azure.com`; the regeneration request target is
/// `/subscriptions/…/regenerateKey?api-version=2024-10-01`.
struct AzureURL: Sendable, Equatable {
    var scheme: String
    /// The host without IPv6 brackets, lowercased.
    var host: String
    var port: Int
    /// Path and query, starting with `/`.
    var target: String

    init?(_ text: String) {
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

    var isTLS: Bool { scheme == "https" }

    /// `scheme://host[:port]`, the endpoint named in error messages.
    var origin: String {
        let hostText = host.contains(":") ? "[\(host)]" : host
        let defaultPort = isTLS ? 443 : 80
        return port == defaultPort ? "\(scheme)://\(hostText)" : "\(scheme)://\(hostText):\(port)"
    }

    /// The value of the `Host` header.
    var hostHeader: String {
        let hostText = host.contains(":") ? "[\(host)]" : host
        let defaultPort = isTLS ? 443 : 80
        return port == defaultPort ? hostText : "\(hostText):\(port)"
    }

    /// The full URL text.
    var absoluteString: String { origin + target }

    /// This URL with `path` appended to its path (one slash between) and no query.
    func appendingPath(_ path: String) -> AzureURL {
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
    var isLoopback: Bool {
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
    var isIPLiteral: Bool {
        var v4 = in_addr()
        var v6 = in6_addr()
        return inet_pton(AF_INET, host, &v4) == 1 || inet_pton(AF_INET6, host, &v6) == 1
    }

    /// Percent-encodes a query or form value (RFC 3986 unreserved characters kept).
    static func formEncode(_ value: String) -> String {
        ARMRequest.percentEncodePathSegment(value)
    }
}

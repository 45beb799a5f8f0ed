import AzShimSupport
import HTTP1

/// Where the token cache lives, from `AZSHIM_TOKEN_CACHE`, `XDG_CACHE_HOME` and `HOME`.
///
/// Example: with `HOME=/home/u` and nothing else, `.file("/home/u/.cache/azshim/tokens.json", within: "/home/u")`;
/// with `AZSHIM_TOKEN_CACHE=off`, `.off`; with neither `HOME` nor `XDG_CACHE_HOME`,
/// `.unavailable("HOME is not set")`.
enum AzureTokenCacheSetting: Sendable, Equatable {
    /// `AZSHIM_TOKEN_CACHE=off`.
    case off
    /// The cache file; its missing folders are created, but only inside `within` when that is
    /// given (a `HOME` that does not exist is not created by a cache).
    case file(String, within: String?)
    /// No place for it (the reason, for `-Verbose`).
    case unavailable(String)

    static let variable = "AZSHIM_TOKEN_CACHE"

    /// Reads the setting; `AZSHIM_TOKEN_CACHE` must be `off` or an absolute file path.
    init(environment: [String: String]) throws(AzureConfigurationError) {
        if let raw = environment[Self.variable], !raw.httpTrimmed.isEmpty {
            let value = raw.httpTrimmed
            if value.lowercased() == "off" {
                self = .off
                return
            }
            guard value.hasPrefix("/"), !value.hasSuffix("/"), !value.utf8.contains(0) else {
                throw .invalidSetting(
                    variable: Self.variable, value: raw,
                    reason: "expected 'off' or the absolute path of a file, such as /home/me/.cache/azshim/tokens.json."
                )
            }
            self = .file(value, within: nil)
            return
        }
        // XDG: a relative XDG_CACHE_HOME is invalid and ignored.
        if let cache = environment["XDG_CACHE_HOME"], cache.hasPrefix("/") {
            self = .file(Self.trimmingSlashes(cache) + "/azshim/tokens.json", within: nil)
        } else if let home = environment["HOME"], home.hasPrefix("/") {
            let folder = Self.trimmingSlashes(home)
            self = .file(folder + "/.cache/azshim/tokens.json", within: folder.isEmpty ? "/" : folder)
        } else if let home = environment["HOME"], !home.isEmpty {
            self = .unavailable("HOME '\(home)' is not an absolute path")
        } else {
            self = .unavailable("HOME is not set")
        }
    }

    private static func trimmingSlashes(_ path: String) -> String {
        var text = path
        while text.hasSuffix("/") { text.removeLast() }
        return text
    }

    /// The `-Verbose` line that says where tokens are kept, e.g. `Token cache: /home/u/.cache/azshim/tokens.json.`
    var verboseLine: String {
        switch self {
        case .off: "Token cache: off (\(Self.variable)=off)."
        case .file(let path, _): "Token cache: \(path)."
        case .unavailable(let reason):
            "Token cache: off, as \(reason); set XDG_CACHE_HOME or \(Self.variable) to keep tokens between runs."
        }
    }

    /// This setting checked against the file system: `.unavailable` when the `HOME` the cache
    /// would live in does not exist.
    func checked() -> AzureTokenCacheSetting {
        if case .file(_, let within?) = self, !FileSystem.isDirectory(within) {
            return .unavailable("HOME '\(within)' does not exist")
        }
        return self
    }
}

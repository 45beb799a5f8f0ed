#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Whole-file reads without Foundation (context files, the Azure CLI profile, federated
/// tokens). Files over 16 MiB are refused.
///
/// Example: `AzureFile.read("/var/run/secrets/azure/tokens/azure-identity-token")`.
enum AzureFile {
    static func read(_ path: String) -> [UInt8]? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        if fd < 0 { return nil }
        defer { close(fd) }
        var result: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                return nil
            }
            if count == 0 { return result }
            result += chunk[0..<count]
            if result.count > 16 * 1024 * 1024 { return nil }
        }
    }

    static func exists(_ path: String) -> Bool {
        access(path, F_OK) == 0
    }

    /// The reason the last failed call failed (`No such file or directory`, …).
    static func lastError() -> String { String(cString: strerror(errno)) }

    /// Bytes without a leading UTF-8 byte-order mark.
    static func withoutBOM(_ bytes: [UInt8]) -> [UInt8] {
        bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(bytes.dropFirst(3)) : bytes
    }
}

import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Files of this package read by tests as independent sources of expected values.
///
/// Example: `try PackageFiles.releaseVersion()` is `"0.1.0"`, read from the literal in
/// `Sources/AzShimSupport/AzShimVersion.swift`, so `--version` and the User-Agent are
/// checked against the file a release edits, not against the constant the code prints.
public enum PackageFiles {
    /// The package's root folder (this file is `Tests/Support/PackageFiles.swift`).
    public static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    public struct Missing: Error, CustomStringConvertible {
        public let description: String
    }

    /// The version's single source: `package static let current = "X.Y.Z"` in AzShimVersion.swift,
    /// which must be three dot-separated numbers.
    public static func releaseVersion() throws -> String {
        let path = root.appendingPathComponent("Sources/AzShimSupport/AzShimVersion.swift").path
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let lines = text.split(separator: "\n").filter { $0.contains("static let current = \"") }
        guard lines.count == 1, let line = lines.first,
            let open = line.firstIndex(of: "\""), let close = line.lastIndex(of: "\""), open < close
        else { throw Missing(description: "no single `current = \"…\"` line in \(path)") }
        let version = String(line[line.index(after: open)..<close])
        let parts = version.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3,
            parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) })
        else {
            throw Missing(description: "\(path): '\(version)' is not a version of the form 1.2.3")
        }
        return version
    }
}

/// Writing a script that a test's child process will execute.
public enum ExecutableFile {
    public struct WriteError: Error, CustomStringConvertible {
        public let description: String
    }

    /// Writes `text` to `path` as an executable (0755) through a descriptor opened close-on-exec,
    /// so a process another test spawns meanwhile never inherits it: an inherited writable
    /// descriptor would make executing the script fail with "Text file busy" (ETXTBSY).
    ///
    /// Example: `try ExecutableFile.write("#!/bin/sh\necho '{}'\n", to: folder + "/az")`.
    public static func write(_ text: String, to path: String) throws {
        unlink(path)
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o755)
        guard descriptor >= 0 else {
            throw WriteError(description: "cannot create \(path): \(String(cString: strerror(errno)))")
        }
        defer { close(descriptor) }
        let bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
            if written < 0 && errno == EINTR { continue }
            guard written > 0 else {
                throw WriteError(description: "cannot write \(path): \(String(cString: strerror(errno)))")
            }
            offset += written
        }
        fchmod(descriptor, 0o755)
    }
}

import AzShimSupport
import Foundation
import Testing

/// SHA-256 against the NIST test vectors (FIPS 180-2 appendix B; NIST CSRC "SHA256.pdf" examples)
/// and, for every length around the block boundaries, against the system's `sha256sum`.
@Suite struct SHA256Tests {
    struct Vector: Sendable, CustomStringConvertible {
        var message: [UInt8]
        var digest: String
        var description: String { "\(message.count) bytes" }
    }

    static let vectors: [Vector] = [
        Vector(message: [], digest: "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        Vector(message: Array("abc".utf8), digest: "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        Vector(
            message: Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8),
            digest: "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
        Vector(
            message: Array(
                "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu"
                    .utf8),
            digest: "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1"),
        Vector(
            message: [UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000),
            digest: "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"),
    ]

    @Test("NIST test vectors", arguments: vectors)
    func nist(_ vector: Vector) {
        #expect(SHA256.hex(vector.message) == vector.digest)
    }

    @Test("fed in pieces, the digest is the same")
    func incremental() {
        let message = Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8)
        for split in 0...message.count {
            var hasher = SHA256()
            hasher.update(message[..<split])
            hasher.update(message[split...])
            #expect(hasher.finish() == SHA256.hash(message))
        }
    }

    @Test("every length from 0 to 200 bytes agrees with sha256sum")
    func againstSha256sum() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/sha256sum") else { return }
        var generator = SystemRandomNumberGenerator()
        let folder = NSTemporaryDirectory() + "azshim-sha-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var paths: [String] = []
        var expected: [String] = []
        for length in 0...200 {
            let bytes = (0..<length).map { _ in UInt8.random(in: 0...255, using: &generator) }
            let path = "\(folder)/\(length)"
            try Data(bytes).write(to: URL(fileURLWithPath: path))
            paths.append(path)
            expected.append(SHA256.hex(bytes))
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/sha256sum")
        process.arguments = paths
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        let digests = output.split(separator: "\n").map { String($0.prefix(64)) }
        #expect(digests == expected)
    }
}

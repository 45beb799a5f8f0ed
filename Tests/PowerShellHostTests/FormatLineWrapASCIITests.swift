import Testing

@testable import PowerShellHost

/// `FormatLineWrap.asciiLines` (by byte offsets) must wrap exactly as the general scalar-by-scalar
/// path (`FormatLineWrap.wrap`, PowerShell's `GenerateLinesWithWordWrap`) on every ASCII line.
struct FormatLineWrapASCIITests {
    /// Lines of spaces, tabs, short and over-long words and control characters, from a fixed seed.
    static func samples() -> [String] {
        var state: UInt64 = 0x2545_F491_4F6C_DD1D
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        let pieces = [
            "a", "bb", "Key1", "-ResourceGroupName", "xxxxxxxxxxxxxxxxxxxxxxxxx", " ", "  ", "\t", "\u{1}", "~", ".",
        ]
        var result = ["", " ", "a", "a ", " a", "aaa bbb ccc", "\t\t", String(repeating: "w", count: 40)]
        for _ in 0..<400 {
            result.append((0..<next(14)).map { _ in pieces[next(pieces.count)] }.joined())
        }
        return result
    }

    @Test("the byte path wraps as the scalar path", arguments: [1, 2, 3, 5, 8, 13, 21, 40, 79])
    func sameLines(width: Int) {
        for line in Self.samples() {
            for following in [1, width, width + 3] {
                var general: [String] = []
                FormatLineWrap.wrap(line, firstLineWidth: width, followingLinesWidth: following, into: &general)
                var bytes: [String] = []
                var text = line
                let taken = text.withUTF8 {
                    FormatLineWrap.asciiLines($0, firstLineWidth: width, followingLinesWidth: following, into: &bytes)
                }
                #expect(taken)
                #expect(bytes == general, "\(line.debugDescription) at \(width)/\(following)")
            }
        }
    }

    @Test("anything but ASCII without NUL takes the scalar path", arguments: ["é", "a\u{0}b", "鍵 Key", "a\u{00AD}b"])
    func notASCII(line: String) {
        var result: [String] = []
        var text = line
        #expect(
            !text.withUTF8 { FormatLineWrap.asciiLines($0, firstLineWidth: 5, followingLinesWidth: 5, into: &result) })
        #expect(result.isEmpty)
    }
}

import Foundation
import Testing

@testable import PowerShellHost

/// Files the help tests read: the shipped help file and the snapshot folder, found from this
/// source file's path so the tests run from any working directory.
enum HelpTestSupport {
    static let testsDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    static let packageRoot = testsDirectory.deletingLastPathComponent().deletingLastPathComponent()
    static let snapshotsDirectory = testsDirectory.appendingPathComponent("Snapshots")
    static let helpFile = packageRoot.appendingPathComponent("help/New-AzCognitiveServicesAccountKey.md")

    static func helpMarkdown() throws -> String {
        try String(contentsOf: helpFile, encoding: .utf8)
    }

    static func document() throws -> HelpDocument {
        let (document, diagnostics) = HelpMarkdownParser.parse(try helpMarkdown())
        #expect(diagnostics == [])
        return try #require(document)
    }

    /// The first line where two texts differ, for readable failures.
    static func firstDifference(_ actual: String, _ expected: String) -> String? {
        let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
        let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
        for index in 0..<max(a.count, e.count) {
            let left = index < a.count ? String(a[index]) : "<missing>"
            let right = index < e.count ? String(e[index]) : "<missing>"
            if left != right {
                return "line \(index + 1):\n  actual:   \(left.debugDescription)\n  expected: \(right.debugDescription)"
            }
        }
        return nil
    }
}

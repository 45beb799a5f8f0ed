import Foundation
import Testing

@testable import PowerShellHost

/// Parameter names complete as PowerShell's `CompletionCompleters.GetParameterCompletionResults`
/// offers them: unbound parameters only, and only those in a set the named parameters leave
/// possible (`(ParameterSetFlags & validParameterSetFlags) != 0 || IsInAllSets`). Run in the real
/// shells for `Get-TestItem` (sets ByName, ByPath, ByLiteralPath; -Recurse in all).
@Suite struct ParameterSetCompletionTests {
    static let metadata = ParameterSetBindingTests.metadata

    struct Case: Sendable, CustomTestStringConvertible {
        /// The words after the command name; the last one is completed.
        let words: [String]
        let offered: [String]
        let notOffered: [String]
        var testDescription: String { (["Get-TestItem"] + words).joined(separator: " ") + "<TAB>" }
    }

    static let cases: [Case] = [
        Case(
            words: ["-"], offered: ["-Name", "-Path", "-LiteralPath", "-PSPath", "-Recurse", "-Verbose"], notOffered: []
        ),
        Case(
            words: ["-Name", "n", "-"], offered: ["-Recurse", "-Debug"], notOffered: ["-Name", "-Path", "-LiteralPath"]),
        Case(words: ["-Name:n", "-"], offered: ["-Recurse"], notOffered: ["-Name", "-Path", "-LiteralPath"]),
        Case(
            words: ["-psp", "x", "-"], offered: ["-Recurse"], notOffered: ["-Name", "-Path", "-LiteralPath", "-PSPath"]),
        Case(words: ["-RECURSE", "-"], offered: ["-Name", "-Path", "-LiteralPath"], notOffered: ["-Recurse"]),
        Case(words: ["-Na", "n", "-Pa"], offered: [], notOffered: ["-Path"]),
        Case(words: ["-Pa"], offered: ["-Path"], notOffered: []),
        // Parameters from different sets: no set is left, so nothing narrows (bound ones still go).
        Case(words: ["-Name", "n", "-Path", "p", "-"], offered: ["-LiteralPath"], notOffered: ["-Name", "-Path"]),
    ]

    static func check(_ completions: [String], _ testCase: Case, _ shell: String) {
        for word in testCase.offered {
            #expect(
                completions.contains(word), "\(shell) \(testCase.testDescription): \(word) missing from \(completions)")
        }
        for word in testCase.notOffered {
            #expect(
                !completions.contains(word), "\(shell) \(testCase.testDescription): \(word) offered in \(completions)")
        }
    }

    @Test(arguments: cases)
    func bash(_ testCase: Case) throws {
        let completions = try BashCompletion.complete(
            script: CompletionScriptGenerator.script(for: .bash, commands: [Self.metadata]),
            registered: ["Get-TestItem"],
            function: "_azshim_Get_TestItem", words: ["Get-TestItem"] + testCase.words)
        Self.check(completions, testCase, "bash")
    }

    /// Through `azshim Get-TestItem …` (the words shifted by one).
    @Test(arguments: cases)
    func bashMultiCall(_ testCase: Case) throws {
        let completions = try BashCompletion.complete(
            script: CompletionScriptGenerator.multiCallScript(for: .bash, commands: [Self.metadata]),
            registered: ["azshim"], function: "_azshim_multicall", words: ["azshim", "Get-TestItem"] + testCase.words)
        Self.check(completions, testCase, "bash (azshim)")
    }

    /// zsh's `compadd` replaced by a function that prints the candidates (zsh itself filters by prefix).
    @Test(.enabled(if: CompletionScriptTests.installed("zsh") != nil, "zsh is not installed"), arguments: cases)
    func zsh(_ testCase: Case) throws {
        let script = try Self.write(CompletionScriptGenerator.script(for: .zsh, commands: [Self.metadata]), "zsh")
        defer { try? FileManager.default.removeItem(atPath: script) }
        let words = (["Get-TestItem"] + testCase.words).map { "'\($0)'" }.joined(separator: " ")
        let (output, status) = try CompletionScriptTests.run(
            CompletionScriptTests.installed("zsh") ?? "/bin/zsh",
            [
                "-f", "-c",
                """
                autoload -Uz compinit && compinit -u -D && source '\(script)' || exit 3
                compadd() { local i=${@[(i)--]}; print -l -- "${@[i+1,-1]}" }
                words=(\(words)); CURRENT=\(testCase.words.count + 1)
                _azshim_Get_TestItem
                """,
            ])
        #expect(status == 0, "\(output)")
        let prefix = testCase.words.last ?? ""
        let completions = output.split(separator: "\n").map(String.init).filter {
            $0.lowercased().hasPrefix(prefix.lowercased())
        }
        Self.check(completions, testCase, "zsh")
    }

    @Test(.enabled(if: CompletionScriptTests.installed("fish") != nil, "fish is not installed"), arguments: cases)
    func fish(_ testCase: Case) throws {
        let script = try Self.write(CompletionScriptGenerator.script(for: .fish, commands: [Self.metadata]), "fish")
        defer { try? FileManager.default.removeItem(atPath: script) }
        let line = (["Get-TestItem"] + testCase.words).joined(separator: " ")
        let (output, status) = try CompletionScriptTests.run(
            CompletionScriptTests.installed("fish") ?? "/usr/bin/fish",
            ["--no-config", "-c", "source '\(script)'; and complete -C '\(line)'"])
        #expect(status == 0, "\(output)")
        let completions = output.split(separator: "\n").map { String($0.split(separator: "\t").first ?? "") }
        Self.check(completions, testCase, "fish")
    }

    static func write(_ text: String, _ suffix: String) throws -> String {
        let path = FileManager.default.temporaryDirectory
            .appendingPathComponent("azshim-sets-\(UUID().uuidString).\(suffix)").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }
}

import Foundation
import TestSupport
import Testing

@testable import PowerShellHost

/// The generated completion scripts, run in the real shells (bash always; zsh and fish when
/// installed) as `complete -p` and the completion function would be by the shell.
@Suite struct CompletionScriptTests {
    static let metadata = TestCommand.metadata

    /// Runs a shell with stderr merged into stdout, killed (and the test failed) after the deadline.
    static func run(
        _ executable: String, _ arguments: [String], sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> (output: String, status: Int32) {
        let end = try ChildProcess.run(executable, arguments, mergeStandardError: true, sourceLocation: sourceLocation)
        return (end.stdoutText, end.shellStatus)
    }

    static func scriptFile(_ shell: CompletionScriptGenerator.Shell) throws -> String {
        let path = FileManager.default.temporaryDirectory
            .appendingPathComponent("azshim-completion-\(UUID().uuidString).\(shell.rawValue)").path
        try CompletionScriptGenerator.script(for: shell, commands: [metadata]).write(
            toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    /// Completes the last word of `line` in bash and returns COMPREPLY, one per line.
    static func bashCompletions(_ words: [String]) throws -> [String] {
        try BashCompletion.complete(
            script: CompletionScriptGenerator.script(for: .bash, commands: [metadata]),
            registered: ["New-AzCognitiveServicesAccountKey"], function: "_azshim_New_AzCognitiveServicesAccountKey",
            words: words)
    }

    struct BashCase: Sendable, CustomTestStringConvertible {
        let words: [String]
        let completions: [String]
        var testDescription: String { words.joined(separator: " ") + "<TAB>" }
    }

    @Test(arguments: [
        BashCase(words: ["New-AzCognitiveServicesAccountKey", "-K"], completions: ["-KeyName"]),
        BashCase(words: ["New-AzCognitiveServicesAccountKey", "-k"], completions: ["-KeyName"]),
        BashCase(words: ["New-AzCognitiveServicesAccountKey", "-KeyName", ""], completions: ["Key1", "Key2"]),
        BashCase(words: ["New-AzCognitiveServicesAccountKey", "-keyname", "k"], completions: ["Key1", "Key2"]),
        BashCase(words: ["New-AzCognitiveServicesAccountKey", "-Key", "Key2"], completions: ["Key2"]),
        BashCase(words: ["New-AzCognitiveServicesAccountKey", "-Acc"], completions: ["-AccountName"]),
        BashCase(
            words: ["New-AzCognitiveServicesAccountKey", "-ErrorAction", "s"],
            completions: ["SilentlyContinue", "Stop"]),
        BashCase(
            words: ["New-AzCognitiveServicesAccountKey", "-ea", ""],
            completions: ["SilentlyContinue", "Stop", "Continue", "Inquire", "Ignore", "Break"]),
        BashCase(words: ["New-AzCognitiveServicesAccountKey", "-Wh"], completions: ["-WhatIf"]),
        BashCase(
            words: ["New-AzCognitiveServicesAccountKey", "--output", ""], completions: ["table", "list", "json"]),
        BashCase(words: ["New-AzCognitiveServicesAccountKey", "--ver"], completions: ["--version"]),
        BashCase(words: ["New-AzCognitiveServicesAccountKey", "--th"], completions: ["--throttle-limit"]),
    ])
    func bash(_ bashCase: BashCase) throws {
        #expect(try Self.bashCompletions(bashCase.words) == bashCase.completions)
    }

    static func installed(_ shell: String) -> String? {
        ["/usr/bin/\(shell)", "/bin/\(shell)", "/usr/local/bin/\(shell)"].first {
            FileManager.default.isExecutableFile(atPath: $0)
        }
    }

    @Test(.enabled(if: installed("zsh") != nil, "zsh is not installed"))
    func zshScriptLoads() throws {
        let script = try Self.scriptFile(.zsh)
        defer { try? FileManager.default.removeItem(atPath: script) }
        let (output, status) = try Self.run(
            Self.installed("zsh") ?? "/bin/zsh",
            ["-f", "-c", "autoload -Uz compinit && compinit -u -D && source '\(script)'"])
        #expect(status == 0 && output.isEmpty, "\(output)")
    }

    @Test(.enabled(if: installed("fish") != nil, "fish is not installed"))
    func fishScriptLoads() throws {
        let script = try Self.scriptFile(.fish)
        defer { try? FileManager.default.removeItem(atPath: script) }
        let (output, status) = try Self.run(
            Self.installed("fish") ?? "/usr/bin/fish",
            ["--no-config", "-c", "source '\(script)'; and complete -C 'New-AzCognitiveServicesAccountKey -KeyName '"])
        #expect(status == 0, "\(output)")
        #expect(output.contains("Key1") && output.contains("Key2"), "\(output)")
    }

    @Test func everyParameterAndAliasIsOffered() {
        let words = CompletionScriptGenerator.parameterWords(Self.metadata)
        for word in [
            "-ResourceGroupName", "-Name", "-AccountName", "-CognitiveServicesAccountName", "-KeyName", "-Force",
            "-DefaultProfile", "-AzContext", "-Verbose", "-vb", "-ErrorAction", "-ea", "-WhatIf", "-wi", "-Confirm",
            "-cf",
        ] {
            #expect(words.contains(word), "\(word)")
        }
    }
}

import Foundation
import Testing

@testable import PowerShellHost

/// `azshim --completion SHELL`: cmdlet names after `azshim`, then each cmdlet's own completion, run
/// in the real shells (bash always; zsh and fish when installed).
@Suite struct MultiCallCompletionTests {
    static let commands = [TestCommand.metadata]

    static func scriptFile(_ shell: CompletionScriptGenerator.Shell) throws -> String {
        let path = FileManager.default.temporaryDirectory
            .appendingPathComponent("azshim-multicall-\(UUID().uuidString).\(shell.rawValue)").path
        try CompletionScriptGenerator.multiCallScript(for: shell, commands: commands).write(
            toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    /// Completes the last word in bash through `azshim`'s completion function; returns COMPREPLY.
    static func bashCompletions(_ words: [String]) throws -> [String] {
        try BashCompletion.complete(
            script: CompletionScriptGenerator.multiCallScript(for: .bash, commands: commands),
            registered: ["azshim", "New-AzCognitiveServicesAccountKey"], function: "_azshim_multicall", words: words)
    }

    struct Case: Sendable, CustomTestStringConvertible {
        let words: [String]
        let completions: [String]
        var testDescription: String { words.joined(separator: " ") + "<TAB>" }
    }

    @Test(arguments: [
        Case(words: ["azshim", ""], completions: ["Get-Help", "New-AzCognitiveServicesAccountKey"]),
        Case(words: ["azshim", "new-az"], completions: ["New-AzCognitiveServicesAccountKey"]),
        Case(words: ["azshim", "GET-"], completions: ["Get-Help"]),
        Case(words: ["azshim", "--"], completions: ["--help", "--version", "--completion"]),
        Case(words: ["azshim", "New-AzCognitiveServicesAccountKey", "-K"], completions: ["-KeyName"]),
        Case(words: ["azshim", "new-azcognitiveservicesaccountkey", "-keyname", ""], completions: ["Key1", "Key2"]),
        Case(words: ["azshim", "New-AzCognitiveServicesAccountKey", "--output", "j"], completions: ["json"]),
        Case(words: ["azshim", "Get-Help", "n"], completions: ["New-AzCognitiveServicesAccountKey"]),
        Case(words: ["azshim", "--completion", ""], completions: ["bash", "zsh", "fish"]),
        Case(words: ["azshim", "rg", "-K"], completions: []),
    ])
    func bash(_ testCase: Case) throws {
        #expect(try Self.bashCompletions(testCase.words) == testCase.completions)
    }

    @Test(.enabled(if: CompletionScriptTests.installed("zsh") != nil, "zsh is not installed"))
    func zshScriptLoads() throws {
        let script = try Self.scriptFile(.zsh)
        defer { try? FileManager.default.removeItem(atPath: script) }
        let (output, status) = try CompletionScriptTests.run(
            CompletionScriptTests.installed("zsh") ?? "/bin/zsh",
            [
                "-f", "-c",
                "autoload -Uz compinit && compinit -u -D && source '\(script)' && (( $+functions[_azshim_multicall] ))",
            ])
        #expect(status == 0 && output.isEmpty, "\(output)")
    }

    @Test(.enabled(if: CompletionScriptTests.installed("fish") != nil, "fish is not installed"))
    func fishCompletes() throws {
        let script = try Self.scriptFile(.fish)
        defer { try? FileManager.default.removeItem(atPath: script) }
        let fish = CompletionScriptTests.installed("fish") ?? "/usr/bin/fish"
        let names = try CompletionScriptTests.run(
            fish, ["--no-config", "-c", "source '\(script)'; and complete -C 'azshim New-'"])
        #expect(names.status == 0 && names.output.contains("New-AzCognitiveServicesAccountKey"), "\(names.output)")
        let values = try CompletionScriptTests.run(
            fish,
            [
                "--no-config", "-c",
                "source '\(script)'; and complete -C 'azshim New-AzCognitiveServicesAccountKey -KeyName '",
            ])
        #expect(values.output.contains("Key1") && values.output.contains("Key2"), "\(values.output)")
    }
}

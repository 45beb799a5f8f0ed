import Foundation
import Testing

/// Runs a completion function of a generated bash script in a real bash, as bash runs it for
/// `<TAB>`: the script is sourced, each of `registered` must have a `complete` entry, then
/// `COMP_WORDS`/`COMP_CWORD` are set from `words` (the last one is being completed) and `function`
/// runs; returns `COMPREPLY`, one word per entry. `COMP_WORDS` must be unchanged afterwards.
///
/// Example: `BashCompletion.complete(script: CompletionScriptGenerator.script(for: .bash, commands: [metadata]),
/// registered: ["New-AzCognitiveServicesAccountKey"], function: "_azshim_New_AzCognitiveServicesAccountKey",
/// words: ["New-AzCognitiveServicesAccountKey", "-K"])` is `["-KeyName"]`.
enum BashCompletion {
    static func complete(
        script text: String, registered: [String], function: String, words: [String],
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> [String] {
        let script = FileManager.default.temporaryDirectory.appendingPathComponent(
            "azshim-completion-\(UUID().uuidString).bash"
        ).path
        try text.write(toFile: script, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: script) }
        let quotedWords = words.map { "'\($0)'" }.joined(separator: " ")
        let checks = registered.map { "complete -p '\($0)' >/dev/null || exit 4" }.joined(separator: "\n")
        let command = """
            source '\(script)' || exit 3
            \(checks)
            COMP_WORDS=(\(quotedWords)); COMP_CWORD=\(words.count - 1)
            \(function)
            [[ ${#COMP_WORDS[@]} == \(words.count) && $COMP_CWORD == \(words.count - 1) ]] || exit 6
            printf '%s\\n' "${COMPREPLY[@]}"
            """
        let (output, status) = try CompletionScriptTests.run("/bin/bash", ["--norc", "--noprofile", "-c", command])
        #expect(status == 0, "\(output)", sourceLocation: sourceLocation)
        return output.split(separator: "\n").map(String.init)
    }
}

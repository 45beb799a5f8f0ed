/// A scripted terminal for tests: answers come from a list; everything written is kept.
package final class ScriptedTerminal: PromptTerminal {
    package private(set) var transcript = ""
    private var answers: [String]
    package let columns: Int?
    package let interpretsEscapes: Bool

    package init(answers: [String], columns: Int? = nil, interpretsEscapes: Bool = false) {
        self.answers = answers
        self.columns = columns
        self.interpretsEscapes = interpretsEscapes
    }

    package func write(_ text: String) { transcript += text }

    package func readLine() -> String? {
        guard !answers.isEmpty else { return nil }
        let answer = answers.removeFirst()
        transcript += answer + "\n"
        return answer
    }
}

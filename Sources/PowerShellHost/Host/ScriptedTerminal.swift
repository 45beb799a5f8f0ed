/// A scripted terminal for tests: answers come from a list; everything written is kept.
public final class ScriptedTerminal: PromptTerminal {
    public private(set) var transcript = ""
    private var answers: [String]
    public let columns: Int?
    public let interpretsEscapes: Bool

    public init(answers: [String], columns: Int? = nil, interpretsEscapes: Bool = false) {
        self.answers = answers
        self.columns = columns
        self.interpretsEscapes = interpretsEscapes
    }

    public func write(_ text: String) { transcript += text }

    public func readLine() -> String? {
        guard !answers.isEmpty else { return nil }
        let answer = answers.removeFirst()
        transcript += answer + "\n"
        return answer
    }
}

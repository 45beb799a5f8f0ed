/// A block of a help file as platyPS's `MarkdownParser` sees it: a `#` heading, a ``` fenced
/// code block, or the text between them. Line numbers are 1-based in the whole file.
///
/// Example: the lines `### -KeyName`, `Specifies the name of the key to regenerate.` and a
/// ```` ```yaml ```` fence give `.heading(level: 3, text: "-KeyName")`, `.text(…)`, `.code(…)`.
enum MarkdownBlock: Equatable {
    case heading(level: Int, text: String, line: Int)
    /// `firstLine` is the line of the first text line inside the fence.
    case code(language: String, text: String, line: Int, firstLine: Int)
    case text(String, line: Int)

    var line: Int {
        switch self {
        case .heading(_, _, let line), .code(_, _, let line, _), .text(_, let line): line
        }
    }

    /// Splits `lines` (starting at 1-based `firstLine`) into blocks; an unterminated fence is
    /// reported and runs to the end of the file.
    static func blocks(
        of lines: [Substring], firstLine: Int, diagnostics: inout [HelpDiagnostic]
    ) -> [MarkdownBlock] {
        var blocks: [MarkdownBlock] = []
        var textLines: [Substring] = []
        var textStart = 0
        func flushText() {
            if let first = textLines.firstIndex(where: { !$0.isBlank }) {
                blocks.append(.text(textLines.joined(separator: "\n"), line: textStart + first))
            }
            textLines = []
        }
        var index = 0
        while index < lines.count {
            let line = lines[index]
            let lineNumber = firstLine + index
            if line.hasPrefix("```") {
                flushText()
                let language = String(line.dropFirst(3).prefix { $0.isLetter || $0.isNumber || $0 == "_" })
                var body: [Substring] = []
                var closed = false
                index += 1
                while index < lines.count {
                    if lines[index].drop(while: { $0 == " " }).hasPrefix("```") {
                        closed = true
                        break
                    }
                    body.append(lines[index])
                    index += 1
                }
                if !closed {
                    diagnostics.append(
                        HelpDiagnostic(
                            line: lineNumber, message: "Unterminated code fence: no closing ``` after this line"))
                }
                // platyPS: ```(\w*)(\r\n)*((.|\r\n)*?)``` — leading line breaks are skipped.
                let skipped = body.prefix { $0.isEmpty }.count
                let text = body.dropFirst(skipped).map { $0 + "\n" }.joined()
                blocks.append(
                    .code(language: language, text: text, line: lineNumber, firstLine: lineNumber + 1 + skipped))
                index += 1
                continue
            }
            if line.hasPrefix("#") {
                flushText()
                let level = line.prefix { $0 == "#" }.count
                var text = line.dropFirst(level)
                // (\#+)[ ]*(.+?)[ ]*\#*
                while let last = text.last, last == "#" { text = text.dropLast() }
                blocks.append(.heading(level: level, text: text.trimmingWhitespace(), line: lineNumber))
                index += 1
                continue
            }
            if textLines.isEmpty { textStart = lineNumber }
            textLines.append(line)
            index += 1
        }
        flushText()
        return blocks
    }
}

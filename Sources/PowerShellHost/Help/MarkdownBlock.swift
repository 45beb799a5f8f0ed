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
                // `textLines.joined(separator: "\n")`, appended into one buffer of the right size.
                var text = ""
                text.reserveCapacity(textLines.reduce(textLines.count) { $0 + $1.utf8.count })
                for (index, line) in textLines.enumerated() {
                    if index > 0 { text.append("\n") }
                    text.append(contentsOf: line)
                }
                blocks.append(.text(text, line: textStart + first))
            }
            textLines = []
        }
        var index = 0
        while index < lines.count {
            let line = lines[index]
            let lineNumber = firstLine + index
            // The first byte rules most lines out before a Character comparison.
            let firstByte = line.utf8.first
            if firstByte == UInt8(ascii: "`"), line.hasPrefix("```") {
                flushText()
                let language = String(line.dropFirst(3).prefix { $0.isLetter || $0.isNumber || $0 == "_" })
                var body: [Substring] = []
                var closed = false
                index += 1
                while index < lines.count {
                    // The first byte after the spaces rules most lines out before Characters are compared.
                    if lines[index].utf8.first(where: { $0 != UInt8(ascii: " ") }) == UInt8(ascii: "`"),
                        lines[index].drop(while: { $0 == " " }).hasPrefix("```")
                    {
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
                // `body.dropFirst(skipped).map { $0 + "\n" }.joined()`, into one buffer of the right size.
                var text = ""
                text.reserveCapacity(body.dropFirst(skipped).reduce(0) { $0 + $1.utf8.count + 1 })
                for line in body.dropFirst(skipped) {
                    text.append(contentsOf: line)
                    text.append("\n")
                }
                blocks.append(
                    .code(language: language, text: text, line: lineNumber, firstLine: lineNumber + 1 + skipped))
                index += 1
                continue
            }
            if firstByte == UInt8(ascii: "#"), line.hasPrefix("#") {
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

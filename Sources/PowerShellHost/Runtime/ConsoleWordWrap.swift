/// The console host's word wrap for prompt captions, messages and help lines
/// (`ConsoleHostUserInterface.WrapText` / `ChopTextIntoWords` / `AddWord`, used by
/// `WrapToCurrentWindowWidth` with a one-cell margin: `width - 1`).
///
/// Words are runs of spaces or of non-spaces (a tab counts as a space); a word that does not
/// fit starts a new line, a run of spaces that does not fit is split at the edge, and a word
/// longer than a line is cut into pieces. Newlines in the text end lines.
///
/// Example: on an 40-column terminal, `ConsoleWordWrap.lines("Are you sure you want to perform this action?", width: 39)`
/// is `["Are you sure you want to perform this ", "action?"]`.
enum ConsoleWordWrap {
    private struct Word {
        var text: String
        var cells: Int
        var isSpace: Bool
        var isNewline: Bool
    }

    /// The text wrapped to lines of at most `width` cells (`WrapToCurrentWindowWidth` joins them with newlines).
    static func lines(_ text: String, width: Int) -> [String] {
        let words = chop(text, width: width)
        var result: [String] = []
        var line = ""
        var cells = 0
        for word in words {
            if word.isNewline {
                result.append(line)
                line = ""
                cells = 0
            } else if cells + word.cells <= width {
                line += word.text
                cells += word.cells
            } else if !word.isSpace {
                result.append(line)
                line = word.text
                cells = word.cells
            } else {
                // Chop the spaces: as many as fit end this line, the rest begin the next.
                let fitting = width - cells
                let characters = Array(word.text)
                line += String(characters[..<fitting])
                result.append(line)
                line = String(characters[fitting...])
                cells = DisplayWidth.of(line)
            }
        }
        if !line.isEmpty { result.append(line) }
        return result
    }

    /// `WrapToCurrentWindowWidth`: the lines joined by newlines; unchanged when the width is unknown.
    static func wrap(_ text: String, columns: Int?) -> String {
        guard let columns else { return text }
        return lines(text, width: columns - 1).joined(separator: "\n")
    }

    private static func chop(_ source: String, width: Int) -> [Word] {
        guard !source.isEmpty, width >= 1 else { return [] }
        let text = Array(source.replacingAll("\t", with: " "))
        var result: [Word] = []
        var start = 0
        var end = 0
        var inSpace = false
        func add(_ from: Int, _ to: Int, _ isSpace: Bool) {
            var from = from
            while from < to {
                var cut = min(to, from + width)
                while cut > from + 1 && DisplayWidth.of(String(text[from..<cut])) > width { cut -= 1 }
                let piece = String(text[from..<cut])
                result.append(Word(text: piece, cells: DisplayWidth.of(piece), isSpace: isSpace, isNewline: false))
                from = cut
            }
        }
        while end < text.count {
            if text[end] == "\n" {
                if start < end { add(start, end, inSpace) }
                result.append(Word(text: "", cells: 0, isSpace: false, isNewline: true))
                end += 1
                start = end
                inSpace = false
                continue
            } else if text[end] == " " {
                if !inSpace {
                    add(start, end, inSpace)
                    start = end
                }
                inSpace = true
            } else {
                if inSpace {
                    add(start, end, inSpace)
                    start = end
                }
                inSpace = false
            }
            end += 1
        }
        if start != end { add(start, text.count, inSpace) }
        return result
    }
}

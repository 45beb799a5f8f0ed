/// Turns a run of markdown text into MAML text exactly as platyPS 0.14 does when it builds the
/// MAML that Get-Help reads (`New-ExternalHelp`, parser mode `Full`).
///
/// What platyPS does, and so what this does (`PowerShell/platyPS` branch `master`,
/// `src/Markdown.MAML/Parser/MarkdownParser.cs` and `Transformer/ModelTransformerBase.cs`):
/// - The text is cut into spans at the first match, by position, of `[text](uri)`, `**bold**`,
///   `*italic*`, `__bold__`, `_italic_` (the last two not inside a word). Other spans are plain.
/// - Plain and emphasised spans are trimmed and unescaped (`\[`, `\*`, `\_`, … lose the
///   backslash); single line breaks become spaces, blank lines separate paragraphs, and a run of
///   list lines (`- `, `* `, `--`) keeps its line breaks from its second line on
///   (`UnwindMarkdownCharsEscaping`, `LineBreaksMatchEvaluater`). So `regenerate.\n- Key1\n- Key2`
///   becomes `regenerate. - Key1` and `- Key2` on two MAML paragraphs.
/// - Emphasis markers are dropped; an emphasised span or link gets one space on each side
///   (`GetTextFromParagraphSpans`): `The **New-AzCognitiveServicesAccountKey** cmdlet` becomes
///   `The New-AzCognitiveServicesAccountKey cmdlet`.
/// - A link becomes `text (uri)`, or just `text` when the uri is blank:
///   `see [about_CommonParameters](http://go.microsoft.com/fwlink/?LinkID=113216).` becomes
///   `see about_CommonParameters (http://go.microsoft.com/fwlink/?LinkID=113216).`
///
/// Paragraphs are separated by `"\n"` in the result (platyPS uses `"\r\n"` and Get-Help splits
/// on it, one `<maml:para>` each).
enum PlatyPSText {
    /// One span of a paragraph (`TextSpan` or `HyperlinkSpan`).
    enum Span: Equatable {
        case plain(String)
        case emphasis(String)
        case link(text: String, uri: String)
    }

    /// The MAML text of a markdown paragraph run.
    static func mamlText(_ markdown: String) -> String {
        join(spans(markdown))
    }

    /// The spans of a paragraph run, as `MarkdownParser.ParseDocument` finds them.
    static func spans(_ markdown: String) -> [Span] {
        // A span starts only at `[`, `*` or `_`: text without them is one plain span (most
        // descriptions), found without building the Character array.
        let starts: [UInt8] = [UInt8(ascii: "["), UInt8(ascii: "*"), UInt8(ascii: "_")]
        if !markdown.utf8.contains(where: starts.contains) {
            return markdown.isEmpty || markdown.isBlank ? [] : [.plain(unwind(markdown))]
        }
        let chars = Array(markdown)
        var result: [Span] = []
        var plainStart = 0
        var index = 0
        func flushPlain(upTo end: Int) {
            guard end > plainStart else { return }
            let text = String(chars[plainStart..<end])
            // CreateNormalSpan: whitespace-only spans are dropped.
            if !text.allSatisfy(\.isWhitespace) { result.append(.plain(unwind(text))) }
        }
        while index < chars.count {
            if let (span, end) = match(chars, at: index) {
                flushPlain(upTo: index)
                result.append(span)
                index = end
                plainStart = end
            } else {
                index += 1
            }
        }
        flushPlain(upTo: chars.count)
        return result
    }

    /// `GetTextFromParagraphSpans`: special spans get a space on each side.
    static func join(_ spans: [Span]) -> String {
        var text = ""
        var first = true
        var previousIsSpecial = false
        for span in spans {
            let isSpecial: Bool
            switch span {
            case .plain: isSpecial = false
            case .emphasis, .link: isSpecial = true
            }
            if (!first && isSpecial) || previousIsSpecial { text += " " }
            previousIsSpecial = isSpecial
            switch span {
            case .plain(let value), .emphasis(let value):
                text += value
            case .link(let linkText, let uri):
                text += linkText
                if !uri.allSatisfy(\.isWhitespace) {
                    text += " (\(uri))"
                    previousIsSpecial = false
                }
            }
            first = false
        }
        return text
    }

    // MARK: - Span patterns (in MarkdownParser's order; the earliest position wins)

    private static func match(_ chars: [Character], at index: Int) -> (Span, Int)? {
        if let found = hyperlink(chars, at: index) { return found }
        let character = chars[index]
        guard character == "*" || character == "_" else { return nil }
        let wordBoundary = character == "_"
        if let found = delimited(chars, at: index, marker: character, width: 2, wordBoundary: wordBoundary) {
            return found
        }
        if let found = delimited(chars, at: index, marker: character, width: 1, wordBoundary: wordBoundary) {
            return found
        }
        return nil
    }

    private static func lineEnd(_ chars: [Character], from index: Int) -> Int {
        var end = index
        while end < chars.count, chars[end] != "\n" { end += 1 }
        return end
    }

    /// `\[(.+?)\]\((.*)\)`: the uri runs to the last `)` of the line.
    private static func hyperlink(_ chars: [Character], at index: Int) -> (Span, Int)? {
        guard chars[index] == "[" else { return nil }
        let end = lineEnd(chars, from: index)
        var close = index + 2
        while close + 1 < end {
            if chars[close] == "]", chars[close + 1] == "(" {
                var last = end - 1
                while last >= close + 2, chars[last] != ")" { last -= 1 }
                guard last >= close + 2 else { return nil }
                let text = String(chars[(index + 1)..<close])
                let uri = String(chars[(close + 2)..<last])
                return (.link(text: text, uri: uri), last + 1)
            }
            close += 1
        }
        return nil
    }

    private static func isWordCharacter(_ character: Character) -> Bool {
        character.isASCII && (character.isLetter || character.isNumber)
    }

    /// `\*\*(.+?)\*\*`, `\*(.+?)\*`, and the `_` forms with `(?<![a-zA-Z0-9])`/`(?![a-zA-Z0-9])`.
    /// `marker` repeated `width` times (`**`, `*`, `__`, `_`).
    private static func delimited(
        _ chars: [Character], at index: Int, marker: Character, width: Int, wordBoundary: Bool
    ) -> (Span, Int)? {
        func isMarker(at start: Int) -> Bool {
            guard start + width <= chars.count else { return false }
            return (start..<(start + width)).allSatisfy { chars[$0] == marker }
        }
        guard isMarker(at: index) else { return nil }
        if wordBoundary, index > 0, isWordCharacter(chars[index - 1]) { return nil }
        let end = lineEnd(chars, from: index)
        var close = index + width + 1
        while close + width <= end {
            if isMarker(at: close) {
                let after = close + width
                if !wordBoundary || after >= chars.count || !isWordCharacter(chars[after]) {
                    return (.emphasis(unwind(String(chars[(index + width)..<close]))), after)
                }
            }
            close += 1
        }
        return nil
    }

    // MARK: - UnwindMarkdownCharsEscaping

    /// `TextSpan` in `Full` mode: trim, unescape, and turn line breaks into spaces or paragraphs.
    static func unwind(_ raw: String) -> String {
        var text = raw.trimmingWhitespace()
        // Most text has no backslash at all: then there is nothing to unescape (this runs for
        // every span of `-?`, and each `replacing` is a full search).
        if text.utf8.contains(UInt8(ascii: "\\")) {
            for (escaped, plain) in [
                (#"\["#, "["), (#"\]"#, "]"), (#"\("#, "("), (#"\)"#, ")"), (#"\`"#, "`"),
                (#"\<"#, "<"), (#"\>"#, ">"), (#"\_"#, "_"), (#"\*"#, "*"), (#"\\"#, #"\"#),
            ] {
                text = text.replacing(escaped, with: plain)
            }
        }
        // Regex.Replace(text, "([^\r\n]*)(\r\n|$)", …) visits every line, and one empty match
        // at the end when the text does not end with a line break.
        var lines = text.helpLines.map(String.init)
        if let last = lines.last, !last.isEmpty { lines.append("") }
        var previous = "foo"
        var inList = false
        var output = ""
        for line in lines {
            let before = previous
            previous = line
            if line.isBlank {
                output += "\n"
            } else if hasListPrefix(before), hasListPrefix(line) {
                inList = true
                output += "\n" + line
            } else if inList {
                inList = false
                output += "\n" + line + " "
            } else {
                output += line + " "
            }
        }
        return removingSpaceBeforeLineBreaks(output).trimmingWhitespace()
    }

    /// `text.replacing(" \n", with: "\n")` (left to right, as .NET's `Replace`), in one pass.
    static func removingSpaceBeforeLineBreaks(_ text: String) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        for byte in text.utf8 {
            if pendingSpace {
                pendingSpace = false
                if byte != UInt8(ascii: "\n") { bytes.append(UInt8(ascii: " ")) }
            }
            if byte == UInt8(ascii: " ") {
                pendingSpace = true
            } else {
                bytes.append(byte)
            }
        }
        if pendingSpace { bytes.append(UInt8(ascii: " ")) }
        return String(decoding: bytes, as: UTF8.self)
    }

    static func hasListPrefix(_ line: String) -> Bool {
        let chars = Array(line.prefix(2))
        guard chars.count == 2 else { return false }
        return (chars[0] == "-" && chars[1] == "-") || (chars[0] == "-" && chars[1] == " ")
            || (chars[0] == "*" && chars[1] == " ")
    }
}

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
        // ASCII without a carriage return is one Character per byte ("\r\n" is one Character):
        // then the bytes are scanned, which finds the same spans for a tenth of the work of `-?`.
        if markdown.utf8.allSatisfy({ $0 < 0x80 && $0 != UInt8(ascii: "\r") }) {
            return spans(of: Array(markdown.utf8))
        }
        return spans(of: Array(markdown))
    }

    /// `spans` over the text's Characters, or over its bytes when each byte is one Character.
    static func spans<Unit: TextUnit>(of chars: [Unit]) -> [Span] {
        var result: [Span] = []
        var plainStart = 0
        var index = 0
        func flushPlain(upTo end: Int) {
            guard end > plainStart else { return }
            let text = Unit.string(chars[plainStart..<end])
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

    /// What the span patterns look at: a `Character`, or a byte of ASCII text.
    protocol TextUnit: Equatable {
        static var newline: Self { get }
        static var openBracket: Self { get }
        static var closeBracket: Self { get }
        static var openParenthesis: Self { get }
        static var closeParenthesis: Self { get }
        static var asterisk: Self { get }
        static var underscore: Self { get }
        /// `[a-zA-Z0-9]`.
        var isWordCharacter: Bool { get }
        static func string(_ units: ArraySlice<Self>) -> String
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

    private static func match<Unit: TextUnit>(_ chars: [Unit], at index: Int) -> (Span, Int)? {
        if let found = hyperlink(chars, at: index) { return found }
        let character = chars[index]
        guard character == .asterisk || character == .underscore else { return nil }
        let wordBoundary = character == .underscore
        if let found = delimited(chars, at: index, marker: character, width: 2, wordBoundary: wordBoundary) {
            return found
        }
        if let found = delimited(chars, at: index, marker: character, width: 1, wordBoundary: wordBoundary) {
            return found
        }
        return nil
    }

    private static func lineEnd<Unit: TextUnit>(_ chars: [Unit], from index: Int) -> Int {
        var end = index
        while end < chars.count, chars[end] != .newline { end += 1 }
        return end
    }

    /// `\[(.+?)\]\((.*)\)`: the uri runs to the last `)` of the line.
    private static func hyperlink<Unit: TextUnit>(_ chars: [Unit], at index: Int) -> (Span, Int)? {
        guard chars[index] == .openBracket else { return nil }
        let end = lineEnd(chars, from: index)
        var close = index + 2
        while close + 1 < end {
            if chars[close] == .closeBracket, chars[close + 1] == .openParenthesis {
                var last = end - 1
                while last >= close + 2, chars[last] != .closeParenthesis { last -= 1 }
                guard last >= close + 2 else { return nil }
                let text = Unit.string(chars[(index + 1)..<close])
                let uri = Unit.string(chars[(close + 2)..<last])
                return (.link(text: text, uri: uri), last + 1)
            }
            close += 1
        }
        return nil
    }

    /// `\*\*(.+?)\*\*`, `\*(.+?)\*`, and the `_` forms with `(?<![a-zA-Z0-9])`/`(?![a-zA-Z0-9])`.
    /// `marker` repeated `width` times (`**`, `*`, `__`, `_`).
    private static func delimited<Unit: TextUnit>(
        _ chars: [Unit], at index: Int, marker: Unit, width: Int, wordBoundary: Bool
    ) -> (Span, Int)? {
        func isMarker(at start: Int) -> Bool {
            guard start + width <= chars.count else { return false }
            return (start..<(start + width)).allSatisfy { chars[$0] == marker }
        }
        guard isMarker(at: index) else { return nil }
        if wordBoundary, index > 0, chars[index - 1].isWordCharacter { return nil }
        let end = lineEnd(chars, from: index)
        var close = index + width + 1
        while close + width <= end {
            if isMarker(at: close) {
                let after = close + width
                if !wordBoundary || after >= chars.count || !chars[after].isWordCharacter {
                    return (.emphasis(unwind(Unit.string(chars[(index + width)..<close]))), after)
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
                text = text.replacingAll(escaped, with: plain)
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

extension Character: PlatyPSText.TextUnit {
    static var newline: Character { "\n" }
    static var openBracket: Character { "[" }
    static var closeBracket: Character { "]" }
    static var openParenthesis: Character { "(" }
    static var closeParenthesis: Character { ")" }
    static var asterisk: Character { "*" }
    static var underscore: Character { "_" }
    var isWordCharacter: Bool { isASCII && (isLetter || isNumber) }
    static func string(_ units: ArraySlice<Character>) -> String { String(units) }
}

extension UInt8: PlatyPSText.TextUnit {
    static var newline: UInt8 { UInt8(ascii: "\n") }
    static var openBracket: UInt8 { UInt8(ascii: "[") }
    static var closeBracket: UInt8 { UInt8(ascii: "]") }
    static var openParenthesis: UInt8 { UInt8(ascii: "(") }
    static var closeParenthesis: UInt8 { UInt8(ascii: ")") }
    static var asterisk: UInt8 { UInt8(ascii: "*") }
    static var underscore: UInt8 { UInt8(ascii: "_") }
    var isWordCharacter: Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(self) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(self)
            || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(self)
    }
    static func string(_ units: ArraySlice<UInt8>) -> String { String(decoding: units, as: UTF8.self) }
}

/// PowerShell's word wrap for formatted values (`StringManipulationHelper.GenerateLines` →
/// `GenerateLinesWithWordWrap` and `GetWords` in
/// `src/System.Management.Automation/FormatAndOutput/common/ComplexWriter.cs`, as for the
/// cultures en, fr, de, it, pt, es), measured in display cells.
///
/// Each physical line (`\r` dropped, split at `\n`) that fits is kept whole. Otherwise it is cut
/// into words, each keeping the space or tab that ended it; a word that does not fit starts a new
/// line, and a word wider than a whole line is cut character by character. A soft hyphen ends a
/// word and shows as `-` only where the line breaks there; a no-break space or non-breaking
/// hyphen also ends a word and, as in PowerShell, is dropped.
///
/// The list view and Get-Help's layout (`HelpLayoutWriter`) both wrap with it.
///
/// Example: `FormatLineWrap.lines("aaa bbb ccc", firstLineWidth: 8, followingLinesWidth: 8)` is
/// `["aaa bbb ", "ccc"]`.
enum FormatLineWrap {
    static let softHyphen: Unicode.Scalar = "\u{00AD}"
    static let nonBreakingHyphen: Unicode.Scalar = "\u{2011}"
    static let noBreakSpace: Unicode.Scalar = "\u{00A0}"

    /// `SplitLines`: the physical lines, `\r` removed.
    static func physicalLines(_ value: String) -> [String] {
        // By byte: `\n` and `\r` are one byte each in UTF-8 and never part of another scalar.
        let newline = UInt8(ascii: "\n")
        let carriageReturn = UInt8(ascii: "\r")
        if !value.utf8.contains(where: { $0 == newline || $0 == carriageReturn }) { return [value] }
        return value.utf8.split(separator: newline, omittingEmptySubsequences: false).map { line in
            String(decoding: line.filter { $0 != carriageReturn }, as: UTF8.self)
        }
    }

    static func lines(_ value: String, firstLineWidth: Int, followingLinesWidth: Int) -> [String] {
        if value.isEmpty { return [""] }
        var result: [String] = []
        for var line in physicalLines(value) {
            if firstLineWidth > 0 && followingLinesWidth > 0,
                line.withUTF8({
                    asciiLines(
                        $0, firstLineWidth: firstLineWidth, followingLinesWidth: followingLinesWidth, into: &result)
                })
            {
                continue
            }
            wrap(line, firstLineWidth: firstLineWidth, followingLinesWidth: followingLinesWidth, into: &result)
        }
        return result
    }

    /// `lines` for one physical line, scalar by scalar (any text).
    static func wrap(_ line: String, firstLineWidth: Int, followingLinesWidth: Int, into result: inout [String]) {
        if DisplayWidth.of(line) <= firstLineWidth {
            result.append(line)
            return
        }
        var spacesLeft = firstLineWidth
        var lineWidth = firstLineWidth
        var firstLine = true
        var single = ""
        func newLine(startingWith text: String, cells: Int) {
            result.append(single)
            single = text
            if firstLine {
                firstLine = false
                lineWidth = followingLinesWidth
            }
            spacesLeft = lineWidth - cells
        }
        for word in words(line) {
            var wordToAdd = word.text
            if word.delimiter == String(softHyphen) {
                if DisplayWidth.of(wordToAdd) + DisplayWidth.width(softHyphen) == spacesLeft { wordToAdd += "-" }
            } else {
                wordToAdd += word.delimiter
            }
            let wordWidth = DisplayWidth.of(wordToAdd)
            if lineWidth == 0 {
                if firstLine {
                    firstLine = false
                    lineWidth = followingLinesWidth
                }
                if lineWidth == 0 { break }
                spacesLeft = lineWidth
            }
            if wordWidth > lineWidth {
                for scalar in wordToAdd.unicodeScalars {
                    var character = String(scalar)
                    var cells = DisplayWidth.width(scalar)
                    if cells > lineWidth {
                        character = "?"
                        cells = 1
                    }
                    if cells > spacesLeft {
                        newLine(startingWith: character, cells: cells)
                    } else {
                        single += character
                        spacesLeft -= cells
                    }
                }
            } else if wordWidth > spacesLeft {
                newLine(startingWith: wordToAdd, cells: wordWidth)
            } else {
                single += wordToAdd
                spacesLeft -= wordWidth
            }
        }
        result.append(single)
    }

    /// `lines` for one physical line of ASCII without NUL, where every byte is one cell and a word
    /// ends only at a space or a tab, computed on byte offsets: each output line is a run of the
    /// input's bytes, so no word is built (Get-Help's text is ASCII; the general path cost ~560,000
    /// instructions of a cmdlet's `-?`, issue 14). Appends the lines and returns true, or returns
    /// false, appending nothing, when `bytes` holds anything else. Both widths are more than 0.
    static func asciiLines(
        _ bytes: UnsafeBufferPointer<UInt8>, firstLineWidth: Int, followingLinesWidth: Int, into result: inout [String]
    ) -> Bool {
        guard bytes.allSatisfy({ $0 > 0 && $0 < 0x80 }) else { return false }
        func text(_ range: Range<Int>) -> String {
            String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
        }
        if bytes.count <= firstLineWidth {
            result.append(text(0..<bytes.count))
            return true
        }
        var spacesLeft = firstLineWidth
        var lineWidth = firstLineWidth
        var firstLine = true
        // The line being filled is bytes[lineStart..<position].
        var lineStart = 0
        func newLine(at start: Int, cells: Int) {
            result.append(text(lineStart..<start))
            lineStart = start
            if firstLine {
                firstLine = false
                lineWidth = followingLinesWidth
            }
            spacesLeft = lineWidth - cells
        }
        var position = 0
        var last = false
        while !last {
            // A word with the space or tab that ended it; the last word has none (and may be empty).
            var end = position
            while end < bytes.count && bytes[end] != UInt8(ascii: " ") && bytes[end] != UInt8(ascii: "\t") { end += 1 }
            if end < bytes.count { end += 1 } else { last = true }
            let wordWidth = end - position
            if wordWidth > lineWidth {
                for index in position..<end {
                    if spacesLeft < 1 { newLine(at: index, cells: 1) } else { spacesLeft -= 1 }
                }
            } else if wordWidth > spacesLeft {
                newLine(at: position, cells: wordWidth)
            } else {
                spacesLeft -= wordWidth
            }
            position = end
        }
        result.append(text(lineStart..<bytes.count))
        return true
    }

    /// `GetWords`: each word with the delimiter that ended it (a space, a tab, a soft hyphen,
    /// or nothing for a no-break space, a non-breaking hyphen and the last word).
    private static func words(_ line: String) -> [(text: String, delimiter: String)] {
        var result: [(text: String, delimiter: String)] = []
        var current = String.UnicodeScalarView()
        for scalar in line.unicodeScalars {
            switch scalar {
            case " ", "\t", softHyphen:
                result.append((String(current), String(scalar)))
                current = String.UnicodeScalarView()
            case nonBreakingHyphen, noBreakSpace:
                result.append((String(current), ""))
                current = String.UnicodeScalarView()
            default:
                current.append(scalar)
            }
        }
        result.append((String(current), ""))
        return result
    }
}

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
        for line in physicalLines(value) {
            if DisplayWidth.of(line) <= firstLineWidth {
                result.append(line)
                continue
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
        return result
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

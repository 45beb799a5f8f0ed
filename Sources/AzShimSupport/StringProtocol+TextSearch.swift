/// Finding and replacing text inside text without `_StringProcessing`.
///
/// The product targets build with `-disable-implicit-string-processing-module-import` (issue 14:
/// the regex engine is ~1.4 MiB and ~2.6k relocations the static binary paid at every start), so
/// `String.contains("ab")`, `firstRange(of:)` and `replacing(_:with:)` do not exist there. These
/// stand in for them with the same meaning: text is compared Character by Character, as `==` on
/// `String` compares it (canonical equivalence), so a match starts and ends on Character
/// boundaries, `"e\u{301}"` matches `"é"`, and `"e"` does not occur in `"e\u{301}"`.
///
/// When both texts are ASCII the search runs over the UTF-8 bytes: there a Character is one byte
/// except CR LF, which is one Character of two bytes, so a byte match counts only if it neither
/// starts between a CR and its LF nor ends between them (`"a\r\nb".contains(text: "\n")` is false,
/// as `"a\r\nb".contains("\n")` is). A byte search alone would be wrong for non-ASCII text even
/// with an ASCII needle: `";"` is canonically equivalent to U+037E GREEK QUESTION MARK, and `"e"`
/// followed by U+0301 is one Character `é`; such text takes the Character path.
///
/// Example: `"--name 'a b'".replacingAll("'", with: "'\\''")` is `"--name '\\''a b'\\''"`.
extension StringProtocol {
    /// The first range of Characters equal to `needle`; an empty needle is found at `startIndex`.
    ///
    /// Example: `"**bold** text".dropFirst(2).firstRange(ofText: "**")` is the range of the second `**`.
    package func firstRange(ofText needle: some StringProtocol) -> Range<Index>? {
        var found: Range<Index>?
        forEachRange(of: needle) { range in
            found = range
            return false
        }
        return found
    }

    /// Whether `needle` occurs as a run of whole Characters.
    ///
    /// Example: `"keep-alive, Upgrade".contains(text: "keep-alive")` is true.
    package func contains(text needle: some StringProtocol) -> Bool {
        firstRange(ofText: needle) != nil
    }

    /// A copy with every occurrence of `target`, found left to right without overlaps, replaced.
    /// An empty target is found at every Character boundary, as `replacing(_:with:)` finds it.
    ///
    /// Example: `"a\\|b".replacingAll("\\|", with: "|")` is `"a|b"`.
    package func replacingAll(_ target: some StringProtocol, with replacement: some StringProtocol) -> String {
        var result = ""
        var copied = startIndex
        forEachRange(of: target) { range in
            result += self[copied..<range.lowerBound]
            result += replacement
            copied = range.upperBound
            return true
        }
        result += self[copied...]
        return result
    }

    /// Calls `body` with each non-overlapping occurrence of `needle`, left to right, until it
    /// returns false.
    private func forEachRange(of needle: some StringProtocol, _ body: (Range<Index>) -> Bool) {
        let searchedBytes = utf8.withContiguousStorageIfAvailable { haystack in
            needle.utf8.withContiguousStorageIfAvailable { pattern in
                guard haystack.allSatisfy({ $0 < 0x80 }), pattern.allSatisfy({ $0 < 0x80 }) else { return false }
                for match in Self.asciiMatches(of: pattern, in: haystack) {
                    let lower = utf8.index(utf8.startIndex, offsetBy: match.lowerBound)
                    let upper = utf8.index(lower, offsetBy: match.count)
                    if !body(lower..<upper) { break }
                }
                return true
            } ?? false
        }
        if searchedBytes == true { return }
        forEachCharacterRange(of: needle, body)
    }

    /// The byte offsets of each non-overlapping occurrence of ASCII `pattern` in ASCII `haystack`
    /// that starts and ends on a Character boundary (never inside a CR LF pair).
    private static func asciiMatches(
        of pattern: UnsafeBufferPointer<UInt8>, in haystack: UnsafeBufferPointer<UInt8>
    ) -> [Range<Int>] {
        let carriageReturn = UInt8(ascii: "\r")
        let lineFeed = UInt8(ascii: "\n")
        func isBoundary(_ offset: Int) -> Bool {
            offset == 0 || offset == haystack.count
                || !(haystack[offset - 1] == carriageReturn && haystack[offset] == lineFeed)
        }
        var matches: [Range<Int>] = []
        var start = 0
        while start + pattern.count <= haystack.count {
            let end = start + pattern.count
            if isBoundary(start), isBoundary(end), haystack[start..<end].elementsEqual(pattern) {
                matches.append(start..<end)
                guard pattern.isEmpty else {
                    start = end
                    continue
                }
                // An empty match steps over one Character, as the Character search does.
                if start == haystack.count { break }
                start += isBoundary(start + 1) ? 1 : 2
            } else {
                start += 1
            }
        }
        return matches
    }

    /// The Character-by-Character search, for text that is not all ASCII.
    private func forEachCharacterRange(of needle: some StringProtocol, _ body: (Range<Index>) -> Bool) {
        var start = startIndex
        while true {
            var candidate = start
            var wanted = needle.startIndex
            while wanted != needle.endIndex, candidate != endIndex, self[candidate] == needle[wanted] {
                formIndex(after: &candidate)
                needle.formIndex(after: &wanted)
            }
            if wanted == needle.endIndex {
                if !body(start..<candidate) { return }
                if candidate != start {
                    start = candidate
                    continue
                }
            }
            if start == endIndex { return }
            formIndex(after: &start)
        }
    }
}

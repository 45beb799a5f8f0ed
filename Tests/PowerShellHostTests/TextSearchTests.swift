import AzShimSupport
import Testing

/// `firstRange(ofText:)`, `contains(text:)` and `replacingAll(_:with:)` (AzShimSupport) stand in
/// for `_StringProcessing`'s `firstRange(of:)`, `contains(_:)` and `replacing(_:with:)`, which the
/// product targets no longer import (issue 14). This test target still imports that module, so
/// every case is checked against the real thing, on ASCII, CR LF, combining marks and characters
/// canonically equivalent to an ASCII one (U+037E GREEK QUESTION MARK is `;`, U+212A KELVIN SIGN
/// is `K`).
struct TextSearchTests {
    static let haystacks: [String] = [
        "", "a", "abc", "abcabc", "aaaa", "a,b,,c", "--name 'a b'", #"\[x\]\\y\`"#, "keep-alive, close",
        "a\r\nb", "\r\n", "\r\r\n\n", "x\r", "\n\r", "line one \r\nline two\rthree\n",
        "cafe\u{301}", "caf\u{E9}", "e\u{301}e", "a\u{301}bc", "\u{37E}x;", "\u{212A}elvin K", "日本語の本",
        "🇺🇸🇺🇸", "a👍🏽b", "\u{0}nul\u{0}", "**bold** and **more**",
    ]
    static let needles: [String] = [
        "", "a", "b", "c", "abc", "aa", ",", ",,", "'", "\\", #"\\"#, #"\`"#, "close", "\r", "\n", "\r\n",
        "e", "\u{E9}", "e\u{301}", "\u{301}", ";", "K", "\u{212A}", "本", "🇺🇸", "👍", "**", "\u{0}",
    ]

    @Test(arguments: haystacks)
    func agreesWithStringProcessing(_ haystack: String) {
        for needle in Self.needles {
            #expect(
                haystack.firstRange(ofText: needle) == haystack.firstRange(of: needle),
                "\(needle.debugDescription)")
            // `_StringProcessing`'s `contains(_:)` is `firstRange(of:) != nil`; `haystack.contains(needle)`
            // would pick Foundation's here (UTF-16 based, false for an empty needle).
            #expect(haystack.contains(text: needle) == (haystack.firstRange(of: needle) != nil))
            #expect(
                haystack.replacingAll(needle, with: "<\u{301}>") == haystack.replacing(needle, with: "<\u{301}>"),
                "\(needle.debugDescription)")
            let tail = haystack.dropFirst()
            #expect(tail.firstRange(ofText: needle) == tail.firstRange(of: needle), "\(needle.debugDescription)")
            #expect(tail.replacingAll(needle, with: "-") == tail.replacing(needle, with: "-"))
        }
    }

    /// The cases the doc comment promises, spelled out, so that they hold whatever the oracle does.
    @Test func comparesCharacters() {
        #expect(!"a\r\nb".contains(text: "\n"))
        #expect("a\r\nb".contains(text: "\r\n"))
        #expect("a\r\rb".replacingAll("\r", with: "\n") == "a\n\nb")
        #expect(!"e\u{301}".contains(text: "e"))
        #expect("caf\u{E9}".contains(text: "e\u{301}"))
        #expect("x\u{37E}y".replacingAll(";", with: "!") == "x!y")
        #expect("\u{212A}".contains(text: "K"))
        #expect("ab".replacingAll("", with: "-") == "-a-b-")
        #expect("aaa".replacingAll("aa", with: "b") == "ba")
        let tail = "**bold** text".dropFirst(2)
        #expect(tail.firstRange(ofText: "**").map { tail[$0.upperBound...] } == " text")
    }
}

import Testing

@testable import PowerShellHost

/// `PlatyPSText.spans` scans the bytes of ASCII text without a carriage return (one Character
/// per byte) and the Characters of any other text (issue 14: the Character scan was most of the
/// parse of `-?`). Both scans must find the same spans wherever the byte scan is used.
struct PlatyPSTextScanTests {
    static let asciiTexts = [
        "The **New-AzCognitiveServicesAccountKey** cmdlet regenerates a key.",
        "see [about_CommonParameters](http://go.microsoft.com/fwlink/?LinkID=113216).",
        "a_b_c _italic_ __bold__ *one* **two** snake_case_name",
        "unclosed **bold and *italic and [link](",
        #"escaped \* star \_ and \[bracket\] (x)"#,
        "- Key1\n- Key2\n\nnext *para*\n[a](b) [c]()",
        "_x_1 1_x_ __a__b *\n* [a]\n(b) **a\nb**",
        "[](x) [a](b)(c) ***x*** ____ __ _",
    ]

    @Test(arguments: asciiTexts)
    func byteScanFindsWhatTheCharacterScanFinds(_ text: String) {
        let characters = PlatyPSText.spans(of: Array(text))
        #expect(PlatyPSText.spans(of: Array(text.utf8)) == characters)
        #expect(PlatyPSText.spans(text) == characters)
    }

    @Test func carriageReturnOrNonASCIITextKeepsTheCharacterScan() {
        // "\r\n" is one Character: the Character scan's line does not end there, a byte scan's does.
        let crlf = "*a\r\nb*"
        #expect(PlatyPSText.spans(of: Array(crlf.utf8)) != PlatyPSText.spans(of: Array(crlf)))
        #expect(PlatyPSText.spans(crlf) == PlatyPSText.spans(of: Array(crlf)))
        // A combining mark joins the `_` before it into one Character, which is then no marker.
        let combining = "_a_\u{301} and _b_"
        #expect(PlatyPSText.spans(combining) == PlatyPSText.spans(of: Array(combining)))
        #expect(PlatyPSText.spans("caf\u{E9} *x*") == [.plain("caf\u{E9}"), .emphasis("x")])
    }
}

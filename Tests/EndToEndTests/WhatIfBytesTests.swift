import AzShimSupport
import Foundation
import Testing

/// Issue 17: the What-if lines stay byte for byte what they were before the binder and writers
/// were made faster: names with non-ASCII text and control characters (escaped as `^[` and
/// `\u{85}`), property names in any case and by alias, enum names in any case.
struct WhatIfBytesTests {
    /// The What-if line as the host wrote it before the fast paths: built whole, then escaped
    /// scalar by scalar (`TerminalTextTests.reference` is the same definition).
    static func line(keyName: String, name: String) -> String {
        func escaped(_ text: String) -> String {
            var result = ""
            for scalar in text.unicodeScalars {
                let value = scalar.value
                let control =
                    (value < 0x20 && value != 0x0A && value != 0x09) || value == 0x7F || (0x80..<0xA0).contains(value)
                if control && value >= 0x80 {
                    result += "\\u{\(String(value, radix: 16))}"
                } else if control {
                    result += "^" + String(Unicode.Scalar(UInt8(truncatingIfNeeded: value ^ 0x40)))
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
            return result
        }
        return escaped(
            "What if: Performing the operation \"Regenerating Key \(keyName) for account \(name).\" on target \"\(name)\"."
        ) + "\n"
    }

    /// Runs `-WhatIf` over `input`: nothing on stdout, exactly `lines` on stderr, exit 0.
    static func expectWhatIf(input: String, lines expected: String) {
        let harness = Harness()
        defer { harness.remove() }
        let result = harness.run(["-WhatIf"], stdin: input)
        #expect(result.stdout == "")
        #expect(Array(result.stderr.utf8) == Array(expected.utf8))
        #expect(result.status == 0)
    }

    @Test("tricky names and spellings give exactly the old bytes")
    func exactBytes() throws {
        let names = [
            "plain", "é€😀", "a\u{1B}[31mb", "\u{85}x\u{9F}", "\u{A0}nbsp", "del\u{7F}", "tab\there", "new\nline",
            "C\u{301}", "\u{212A}elvin", String(repeating: "z", count: 37) + "\u{1B}", "日本語\u{1}\u{1F}",
            "quote\"back\\slash", "\u{2028}\u{FEFF}",
        ]
        let spellings = ["Name", "name", "AccountName", "ACCOUNTNAME"]
        let keyNames = [("Key1", "Key1"), ("key2", "Key2"), ("KEY1", "Key1"), ("1", "Key2")]
        var input = ""
        var expected = ""
        for (index, name) in names.enumerated() {
            let (given, canonical) = keyNames[index % keyNames.count]
            let nameJSON = String(data: try JSONEncoder().encode(name), encoding: .utf8) ?? ""
            let keyJSON = given == "1" ? "1" : "\"\(given)\""
            input +=
                "{\"resourcegroupname\":\"rg\",\"\(spellings[index % spellings.count])\":\(nameJSON),\"KeyName\":\(keyJSON)}\n"
            expected += Self.line(keyName: canonical, name: name)
        }
        Self.expectWhatIf(input: input, lines: expected)
    }

    /// Many generated names through the whole host, most on the fast path (flat lines, in any
    /// white space), some through the parser (escapes, values split over lines): the same bytes
    /// as the old line for every one, in order.
    @Test("generated names, fast path and parser alike, give exactly the old bytes")
    func generatedNames() throws {
        var state: UInt64 = 17
        func random(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        let pieces = ["acct", "-", "é", "€", "😀", "\u{1B}", "\u{85}", "\u{7F}", "\t", "x", "Z9", "日本", " ", "\"", "\\"]
        let spellings = ["Name", "name", "AccountName", "cognitiveservicesaccountname"]
        let spaces = ["", " ", "\t", "\n", " \r"]
        var input = ""
        var expected = ""
        for index in 0..<600 {
            var name = ""
            for _ in 0..<(1 + random(6)) { name += pieces[random(pieces.count)] }
            let nameJSON = String(data: try JSONEncoder().encode(name), encoding: .utf8) ?? ""
            let space = random(4) == 0 ? spaces[random(spaces.count)] : ""
            let key = ["\"Key1\"", "\"key2\"", "1"][index % 3]
            input +=
                "{\"ResourceGroupName\":\(space)\"rg\",\(space)\"\(spellings[random(spellings.count)])\":\(nameJSON),\"KeyName\":\(key)}\n"
            expected += Self.line(keyName: index % 3 == 0 ? "Key1" : "Key2", name: name)
        }
        Self.expectWhatIf(input: input, lines: expected)
    }
}

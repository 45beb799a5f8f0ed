import AzShimSupport
import PowerShellHost
import Testing

struct JSONParserTests {
    struct ValueCase: CustomTestStringConvertible, Sendable {
        let input: String
        let expected: JSONValue
        var testDescription: String { input }
    }

    static let valueCases: [ValueCase] = [
        ValueCase(
            input: #"{"key1":"a","key2":"b"}"#, expected: .object([("key1", .string("a")), ("key2", .string("b"))])),
        ValueCase(
            input: " \n\t[1, -2.50, 3e+2, 0, -0.0E-7]\r\n",
            expected: .array([
                .number("1"), .number("-2.50"), .number("3e+2"), .number("0"), .number("-0.0E-7"),
            ])),
        ValueCase(
            input: #"[true,false,null,{},[]]"#,
            expected: .array([.bool(true), .bool(false), .null, .object([]), .array([])])),
        ValueCase(input: #""\"\\\/\b\f\n\r\t""#, expected: .string("\"\\/\u{08}\u{0C}\n\r\t")),
        ValueCase(input: #""\u0041\u00e9\u20AC""#, expected: .string("Aé€")),
        ValueCase(input: #""\uD83D\uDE00 smile""#, expected: .string("😀 smile")),
        ValueCase(input: #""é€😀 raw UTF-8""#, expected: .string("é€😀 raw UTF-8")),
        ValueCase(
            input: #"{"b":1,"a":2,"b":3}"#,
            expected: .object([("b", .number("1")), ("a", .number("2")), ("b", .number("3"))])),
        ValueCase(input: "12345678901234567890123", expected: .number("12345678901234567890123")),
        ValueCase(input: #""""#, expected: .string("")),
    ]

    @Test(arguments: valueCases)
    func parsesValues(_ testCase: ValueCase) throws {
        #expect(try JSONParser.parse(Array(testCase.input.utf8)) == testCase.expected)
    }

    struct ErrorCase: CustomTestStringConvertible, Sendable {
        let input: [UInt8]
        let line: Int
        let column: Int
        let reason: String
        init(_ input: String, _ line: Int, _ column: Int, _ reason: String) {
            self.input = Array(input.utf8)
            (self.line, self.column, self.reason) = (line, column, reason)
        }
        init(bytes: [UInt8], _ line: Int, _ column: Int, _ reason: String) {
            self.input = bytes
            (self.line, self.column, self.reason) = (line, column, reason)
        }
        var testDescription: String { String(decoding: input, as: UTF8.self) }
    }

    static let errorCases: [ErrorCase] = [
        ErrorCase("", 1, 1, "expected a JSON value but the input ended"),
        ErrorCase("  \n ", 2, 2, "expected a JSON value but the input ended"),
        ErrorCase("{\"a\":1 \"b\":2}", 1, 8, "expected ',' or '}' after an object member"),
        ErrorCase("[1 2]", 1, 4, "expected ',' or ']' after an array element"),
        ErrorCase("{\n  \"a\" 1\n}", 2, 7, "expected ':' after a property name"),
        ErrorCase("{a:1}", 1, 2, "expected a string property name"),
        ErrorCase("{\"a\":1,}", 1, 8, "expected a string property name"),
        ErrorCase("[1,]", 1, 4, "expected a JSON value"),
        ErrorCase("{\"a\":1} x", 1, 9, "unexpected text after the JSON value"),
        ErrorCase("01", 1, 2, "unexpected text after the JSON value"),
        ErrorCase("truex", 1, 5, "unexpected text after the JSON value"),
        ErrorCase("tru", 1, 4, "expected 'true'"),
        ErrorCase("nul!", 1, 4, "expected 'null'"),
        ErrorCase("-", 1, 2, "expected a digit"),
        ErrorCase("-a", 1, 2, "expected a digit"),
        ErrorCase("1.", 1, 3, "expected a digit after '.'"),
        ErrorCase("[1.e5]", 1, 4, "expected a digit after '.'"),
        ErrorCase("1e+", 1, 4, "expected a digit in the exponent"),
        ErrorCase("\"abc", 1, 5, "unterminated string"),
        ErrorCase("\"a\tb\"", 1, 3, "control character in a string"),
        ErrorCase(#""a\qb""#, 1, 3, "invalid escape sequence"),
        ErrorCase(#""\u12G4""#, 1, 6, "expected four hexadecimal digits after \\u"),
        ErrorCase(#""\uD800x""#, 1, 2, "unpaired surrogate in a string"),
        ErrorCase(#""\uDC00""#, 1, 2, "unpaired surrogate in a string"),
        ErrorCase(#""é\uD800\u0041""#, 1, 3, "unpaired surrogate in a string"),
        ErrorCase(bytes: [0x22, 0x63, 0x61, 0x66, 0xE9, 0x22], 1, 5, "invalid UTF-8 in a string"),
        ErrorCase(bytes: [0x5B, 0x31, 0x2C, 0x00, 0x5D], 1, 4, "unexpected NUL byte"),
        ErrorCase("{\"a\":[1,\n2", 2, 2, "expected ',' or ']' after an array element"),
        ErrorCase("{\"é\": x}", 1, 7, "expected a JSON value"),
    ]

    @Test(arguments: errorCases)
    func reportsErrors(_ testCase: ErrorCase) {
        #expect(throws: JSONParser.SyntaxError(line: testCase.line, column: testCase.column, reason: testCase.reason)) {
            try JSONParser.parse(testCase.input)
        }
    }

    @Test(arguments: [1, 512])
    func acceptsNestingUpToTheLimit(_ depth: Int) throws {
        let input = String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
        _ = try JSONParser.parse(Array(input.utf8))
    }

    @Test(arguments: [513, 100_000])
    func rejectsDeeperNestingWithoutCrashing(_ depth: Int) {
        let input = String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
        #expect(throws: JSONParser.SyntaxError(line: 1, column: 513, reason: "nesting deeper than 512 levels")) {
            try JSONParser.parse(Array(input.utf8))
        }
    }

    /// The string scan goes eight bytes at a time while no byte is special: a quote, backslash,
    /// control character or non-ASCII byte at every offset of strings up to 40 bytes long (so
    /// in every lane of several blocks, and in the tail after them) is still found there.
    @Test(arguments: [
        ("\\\"", "\""), ("\\n", "\n"), ("é", "é"), ("\u{7F}", "\u{7F}"), (" ", " "), ("~", "~"),
    ])
    func findsSpecialBytesAtEveryOffset(_ escaped: String, _ decoded: String) throws {
        for length in 0...40 {
            for offset in 0...length {
                let before = String(repeating: "a", count: offset)
                let after = String(repeating: "b", count: length - offset)
                let value = try JSONParser.parse(Array("{\"\(before)\(escaped)\(after)\":\"\(after)\(escaped)\"}".utf8))
                #expect(value == .object([(before + decoded + after, .string(after + decoded))]))
            }
        }
        for offset in 0...24 {
            let before = String(repeating: "a", count: offset)
            let control = JSONParser.SyntaxError(line: 1, column: offset + 2, reason: "control character in a string")
            #expect(throws: control) {
                try JSONParser.parse(Array("\"\(before)\u{01}zzzzzzzzzz\"".utf8))
            }
            #expect(throws: JSONParser.SyntaxError(line: 1, column: offset + 2, reason: "invalid UTF-8 in a string")) {
                try JSONParser.parse(Array("\"\(before)".utf8) + [0xFF] + Array("zzzzzzzzzz\"".utf8))
            }
        }
    }

    @Test func keepsNumbersAsSourceText() throws {
        let value = try JSONParser.parse(Array("[1, 1.0, 1E2, -0]".utf8))
        #expect(value == .array([.number("1"), .number("1.0"), .number("1E2"), .number("-0")]))
    }
}

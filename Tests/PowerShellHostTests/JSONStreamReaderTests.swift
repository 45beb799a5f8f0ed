import PowerShellHost
import Testing

#if canImport(Glibc)
    import Glibc
    import AzShimSupport
#elseif canImport(Darwin)
    import Darwin
#endif

/// Items in a compact, comparable form: `line: json` or `error: message`; a flat object as
/// `flat.jsonValue` (the same form: the fast path must give what the parser gives).
private func describe(_ item: JSONStreamItem, _ flat: JSONFlatObject = JSONFlatObject()) -> String {
    switch item {
    case .value(let value, let line): "\(line): \(JSONWriter.compact(value))"
    case .flatObject(let line): "\(line): \(JSONWriter.compact(flat.jsonValue))"
    case .error(let error): "error: \(error.message)"
    }
}

/// The items of `source`, read with `next()`; reading them again with the flat-object fast path
/// (`next(flatObjectsInto:)`) must give the same items, so every case here also checks it
/// (unless `once`: a source that cannot be read twice, such as a pipe).
private func read<Source: ByteSource>(_ source: Source, limit: Int = 16 << 20, once: Bool = false) -> [String] {
    let general = Array(JSONStreamReader(source: source, maximumValueBytes: limit)).map { describe($0) }
    if once { return general }
    var reader = JSONStreamReader(source: source, maximumValueBytes: limit)
    var flat = JSONFlatObject()
    var fast: [String] = []
    while let item = reader.next(flatObjectsInto: &flat) { fast.append(describe(item, flat)) }
    #expect(fast == general)
    return general
}

private func read(_ text: String, limit: Int = 16 << 20) -> [String] {
    read(MemoryByteSource(Array(text.utf8)), limit: limit)
}

/// Hands out bytes in chunks of pseudo-random sizes (1 to 17), the same for a given seed.
private struct RandomChunkSource: ByteSource {
    let bytes: [UInt8]
    var offset = 0
    var state: UInt64

    init(_ bytes: [UInt8], seed: UInt64) {
        self.bytes = bytes
        self.state = seed | 1
    }

    mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        state ^= state << 13
        state ^= state >> 7
        state ^= state << 17
        let count = min(Int(state % 17) + 1, buffer.count, bytes.count - offset)
        guard count > 0 else { return 0 }
        for index in 0..<count { buffer[index] = bytes[offset + index] }
        offset += count
        return count
    }
}

/// Generates `count` small objects, one per line, without holding them in memory.
private struct GeneratedObjectsSource: ByteSource {
    let count: Int
    var produced = 0
    var pending: [UInt8] = []
    var pendingOffset = 0

    mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        var written = 0
        while written < buffer.count {
            if pendingOffset == pending.count {
                guard produced < count else { break }
                pending = Array(
                    #"{"ResourceGroupName":"rg-\#(produced % 97)","Name":"account\#(produced)","Key":1}"#.utf8)
                pending.append(0x0A)
                pendingOffset = 0
                produced += 1
            }
            let chunk = min(buffer.count - written, pending.count - pendingOffset)
            for index in 0..<chunk { buffer[written + index] = pending[pendingOffset + index] }
            written += chunk
            pendingOffset += chunk
        }
        return written
    }
}

/// Ends with a read error after its bytes.
private struct FailingSource: ByteSource {
    var sent = false
    mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        guard !sent else { throw Errno(rawValue: EIO) }
        sent = true
        for (index, byte) in "1\n".utf8.enumerated() { buffer[index] = byte }
        return 2
    }
}

struct JSONStreamReaderTests {
    struct StreamCase: CustomTestStringConvertible, Sendable {
        let name: String
        let input: String
        let expected: [String]
        var testDescription: String { name }
    }

    static let streamCases: [StreamCase] = [
        StreamCase(name: "JSON lines", input: "{\"a\":1}\n{\"a\":2}\n", expected: [#"1: {"a":1}"#, #"2: {"a":2}"#]),
        StreamCase(
            name: "no final newline", input: "{\"a\":1}\n{\"a\":2}", expected: [#"1: {"a":1}"#, #"2: {"a":2}"#]),
        StreamCase(
            name: "pretty-printed", input: "{\n  \"a\": 1,\n  \"b\": [\n    true\n  ]\n}\n{\n  \"a\": 2\n}\n",
            expected: [#"1: {"a":1,"b":[true]}"#, #"7: {"a":2}"#]),
        StreamCase(
            name: "several on one line", input: #"{"a":1} {"a":2}{"a":3}"# + " \"x\" 42 true null",
            expected: [#"1: {"a":1}"#, #"1: {"a":2}"#, #"1: {"a":3}"#, #"1: "x""#, "1: 42", "1: true", "1: null"]),
        StreamCase(
            name: "top-level array unrolled one level", input: #"[{"a":1},[2,3],"x",[]]"#,
            expected: [#"1: {"a":1}"#, "1: [2,3]", #"1: "x""#, "1: []"]),
        StreamCase(
            name: "pretty-printed array", input: "[\n  {\n    \"a\": 1\n  },\n  {\n    \"a\": 2\n  }\n]\n[3]",
            expected: [#"2: {"a":1}"#, #"5: {"a":2}"#, "9: 3"]),
        StreamCase(name: "empty array gives nothing", input: "[]\n[ ]\n", expected: []),
        StreamCase(
            name: "blank lines and white space", input: "\n\n  \t{\"a\":1}  \r\n\r\n\n   \"b\"\n\n",
            expected: [#"3: {"a":1}"#, #"6: "b""#]),
        StreamCase(name: "empty input", input: "", expected: []),
        StreamCase(name: "only white space", input: " \n\t\r\n ", expected: []),
        StreamCase(name: "byte-order mark", input: "\u{FEFF}{\"a\":1}\n", expected: [#"1: {"a":1}"#]),
        StreamCase(
            name: "byte-order mark then error column", input: "\u{FEFF}{\"a\" 1}\n2",
            expected: ["error: malformed JSON at line 1, column 6: expected ':' after a property name", "2: 2"]),
        StreamCase(
            name: "valid, malformed, string, valid",
            input: "{\"Name\":\"a\"}\n{\"Name\":}\n\"x\"\n{\"Name\":\"b\"}\n",
            expected: [
                #"1: {"Name":"a"}"#, "error: malformed JSON at line 2, column 9: expected a JSON value", #"3: "x""#,
                #"4: {"Name":"b"}"#,
            ]),
        StreamCase(
            name: "error position counts the whole stream", input: "1\n2\n{\"a\":1 \"b\":2}\n3",
            expected: [
                "1: 1", "2: 2", "error: malformed JSON at line 3, column 8: expected ',' or '}' after an object member",
                "4: 3",
            ]),
        StreamCase(
            name: "column in characters, not bytes", input: "{\"é€😀\": x}\n1",
            expected: ["error: malformed JSON at line 1, column 9: expected a JSON value", "2: 1"]),
        StreamCase(
            name: "resync skips the rest of the line", input: "{\"a\":1} x {\"a\":2}\n{\"a\":3}",
            expected: [
                #"1: {"a":1}"#, "error: malformed JSON at line 1, column 9: expected a JSON value", #"2: {"a":3}"#,
            ]),
        StreamCase(
            name: "malformed element of an array", input: "[1,\n2 3,\n4]\n5",
            expected: [
                "1: 1", "2: 2", "error: malformed JSON at line 2, column 3: expected ',' or ']' after an array element",
                "3: 4", "error: malformed JSON at line 3, column 2: expected a JSON value", "4: 5",
            ]),
        StreamCase(
            name: "unterminated string on a line", input: "{\"a\":\"abc\n{\"a\":2}",
            expected: ["error: malformed JSON at line 1, column 10: control character in a string", #"2: {"a":2}"#]),
        StreamCase(
            name: "glued scalars", input: "01\ntruex\n-\n1.5\n",
            expected: [
                "error: malformed JSON at line 1, column 2: unexpected text after the JSON value",
                "error: malformed JSON at line 2, column 5: unexpected text after the JSON value",
                "error: malformed JSON at line 3, column 2: expected a digit", "4: 1.5",
            ]),
        StreamCase(
            name: "escapes and surrogates", input: #""a\"b\\c\/\n\u00e9\uD83D\uDE00""#,
            expected: [#"1: "a\"b\\c/\né😀""#]),
        StreamCase(
            name: "bad escape then next line", input: "\"\\q\"\n\"\\uD800\"\n\"ok\"",
            expected: [
                "error: malformed JSON at line 1, column 2: invalid escape sequence",
                "error: malformed JSON at line 2, column 2: unpaired surrogate in a string", #"3: "ok""#,
            ]),
        StreamCase(
            name: "NUL byte", input: "{\"a\":1}\n{\"a\":\u{0}1}\n\"a\u{0}\"\n2",
            expected: [
                #"1: {"a":1}"#,
                "error: NUL byte at line 2, column 6: JSON text cannot contain NUL bytes (is the input UTF-16 or binary?)",
                "error: NUL byte at line 3, column 3: JSON text cannot contain NUL bytes (is the input UTF-16 or binary?)",
                "4: 2",
            ]),
        // Issue 17: reading resumes at the line after the one where the broken value began, so
        // its remaining lines are read again as values of their own.
        StreamCase(
            name: "ends inside an object", input: "{\"a\":1}\n{\n  \"a\": [1,\n",
            expected: [
                #"1: {"a":1}"#, "error: unexpected end of input inside a value started at line 2", #"3: "a""#,
                "error: malformed JSON at line 3, column 6: expected a JSON value",
            ]),
        // Issue 17: a line cut short does not swallow the good lines after it, and the error
        // names where the broken value began as well as where it broke.
        StreamCase(
            name: "a cut-short line does not swallow the next good line",
            input: #"{"ResourceGroupName":"rg","Name":"a"}"# + "\n" + #"{"ResourceGroupName":"rg","Name":["#
                + "\n" + #"{"ResourceGroupName":"rg","Name":"b"}"# + "\n" + #"{"ResourceGroupName":"rg","Name":"c"}"#
                + "\n",
            expected: [
                #"1: {"ResourceGroupName":"rg","Name":"a"}"#,
                "error: malformed JSON at line 4, column 1: expected ',' or ']' after an array element (the value began at line 2, column 1)",
                #"3: {"ResourceGroupName":"rg","Name":"b"}"#, #"4: {"ResourceGroupName":"rg","Name":"c"}"#,
            ]),
        StreamCase(
            name: "a cut-short line before the last good line, at the end of input",
            input: #"{"ResourceGroupName":"rg","Name":["# + "\n" + #"{"ResourceGroupName":"rg","Name":"b"}"# + "\n",
            expected: [
                "error: unexpected end of input inside a value started at line 1",
                #"2: {"ResourceGroupName":"rg","Name":"b"}"#,
            ]),
        StreamCase(
            name: "the column where a broken value began", input: "1 {\"a\":\n\n  ]\n{\"b\":2}",
            expected: [
                "1: 1",
                "error: malformed JSON at line 3, column 3: expected a JSON value (the value began at line 1, column 3)",
                "error: malformed JSON at line 3, column 3: expected a JSON value", #"4: {"b":2}"#,
            ]),
        StreamCase(
            name: "values merely split across lines still parse",
            input: "{\n\"ResourceGroupName\"\n:\n\"rg\",\n\"Name\":\n\"b\"\n}\n[\n{\"Name\":\n\"c\"}\n]\n\"d\"",
            expected: [#"1: {"ResourceGroupName":"rg","Name":"b"}"#, #"9: {"Name":"c"}"#, #"12: "d""#]),
        StreamCase(
            name: "ends inside a string", input: "1\n\"abc",
            expected: ["1: 1", "error: unexpected end of input inside a value started at line 2"]),
        StreamCase(
            name: "ends inside a literal", input: "tru",
            expected: ["error: unexpected end of input inside a value started at line 1"]),
        StreamCase(
            name: "ends inside an unrolled array", input: "[1,\n2,\n",
            expected: ["1: 1", "2: 2", "error: unexpected end of input inside a value started at line 1"]),
        StreamCase(
            name: "ends inside an element of an unrolled array", input: "[1,\n{\"a\":",
            expected: ["1: 1", "error: unexpected end of input inside a value started at line 2"]),
        StreamCase(
            name: "nesting too deep", input: String(repeating: "[", count: 600) + "\n{\"a\":1}",
            expected: [
                "error: nesting too deep at line 1, column 513: arrays and objects may be nested at most 512 levels",
                #"2: {"a":1}"#,
            ]),
        StreamCase(
            name: "nesting at the limit",
            input: String(repeating: "{\"a\":", count: 511) + "[]" + String(repeating: "}", count: 511),
            expected: ["1: " + String(repeating: "{\"a\":", count: 511) + "[]" + String(repeating: "}", count: 511)]),
    ]

    @Test(arguments: streamCases)
    func readsStream(_ testCase: StreamCase) {
        #expect(read(testCase.input) == testCase.expected)
    }

    @Test(arguments: streamCases)
    func sameItemsOneByteAtATime(_ testCase: StreamCase) {
        #expect(read(MemoryByteSource(Array(testCase.input.utf8), chunkSize: 1)) == testCase.expected)
    }

    @Test(arguments: streamCases, [1, 2, 3, 12345])
    func sameItemsInRandomChunks(_ testCase: StreamCase, seed: UInt64) {
        #expect(read(RandomChunkSource(Array(testCase.input.utf8), seed: seed)) == testCase.expected)
    }

    struct BytesCase: CustomTestStringConvertible, Sendable {
        let name: String
        let input: [UInt8]
        let expected: [String]
        var testDescription: String { name }
    }

    static let bytesCases: [BytesCase] = [
        BytesCase(
            name: "Latin-1 in a string",
            input: Array("{\"a\":1}\n{\"Name\":\"caf".utf8) + [0xE9] + Array("\"}\n{\"a\":2}".utf8),
            expected: [
                #"1: {"a":1}"#,
                "error: invalid UTF-8 at line 2, column 13: byte 0xE9 in a string is not part of a valid UTF-8 sequence",
                #"3: {"a":2}"#,
            ]),
        BytesCase(
            name: "overlong and surrogate encodings",
            input: [0x22, 0xC0, 0xAF, 0x22, 0x0A, 0x22, 0xC3, 0xA9, 0xED, 0xA0, 0x80, 0x22],
            expected: [
                "error: invalid UTF-8 at line 1, column 2: byte 0xC0 in a string is not part of a valid UTF-8 sequence",
                "error: invalid UTF-8 at line 2, column 3: byte 0xED in a string is not part of a valid UTF-8 sequence",
            ]),
        BytesCase(
            name: "UTF-16 input", input: [0xFF, 0xFE, 0x31, 0x00, 0x0A, 0x00, 0x32, 0x00],
            expected: [
                "error: malformed JSON at line 1, column 1: expected a JSON value",
                "error: NUL byte at line 2, column 1: JSON text cannot contain NUL bytes (is the input UTF-16 or binary?)",
            ]),
        BytesCase(name: "byte-order mark only", input: [0xEF, 0xBB, 0xBF], expected: []),
        BytesCase(
            name: "byte-order mark cut short", input: [0xEF, 0xBB],
            expected: [
                "error: malformed JSON at line 1, column 1: expected a JSON value"
            ]),
    ]

    @Test(arguments: bytesCases, [0, 1, 7])
    func readsBytes(_ testCase: BytesCase, seed: UInt64) {
        let items =
            seed == 0
            ? read(MemoryByteSource(testCase.input)) : read(RandomChunkSource(testCase.input, seed: seed))
        #expect(items == testCase.expected)
    }

    @Test func deepNestingIsAnErrorNotACrash() {
        let input = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000) + "\n\"after\""
        #expect(
            read(input) == [
                "error: nesting too deep at line 1, column 513: arrays and objects may be nested at most 512 levels",
                #"2: "after""#,
            ])
        let objects = String(repeating: "{\"a\":", count: 100_000) + "\n1"
        #expect(read(objects).count == 2)
    }

    @Test func valueOverTheLimitIsSkipped() {
        let big = "{\"a\":\"" + String(repeating: "x", count: 200) + "\",\"b\":[1,2,3]}"
        let input =
            "{\"a\":1}\n" + big + " {\"a\":2}\n[1, " + big + ", 2]\n\"" + String(repeating: "y", count: 300) + "\"\n3"
        let expected = [
            #"1: {"a":1}"#,
            "error: value too large at line 2, column 1: a single input value may be at most 100 bytes; it was skipped",
            #"2: {"a":2}"#,
            "3: 1",
            "error: value too large at line 3, column 5: a single input value may be at most 100 bytes; it was skipped",
            "3: 2",
            "error: value too large at line 4, column 1: a single input value may be at most 100 bytes; it was skipped",
            "5: 3",
        ]
        #expect(read(input, limit: 100) == expected)
        #expect(read(MemoryByteSource(Array(input.utf8), chunkSize: 1), limit: 100) == expected)
        #expect(read(RandomChunkSource(Array(input.utf8), seed: 99), limit: 100) == expected)
    }

    @Test func valueExactlyAtTheLimitIsAccepted() {
        #expect(read("\"" + String(repeating: "x", count: 98) + "\"", limit: 100).count == 1)
        #expect(
            read("\"" + String(repeating: "x", count: 99) + "\"", limit: 100) == [
                "error: value too large at line 1, column 1: a single input value may be at most 100 bytes; it was skipped"
            ])
    }

    @Test func defaultLimitMessage() {
        let error = JSONStreamError(line: 4, column: 2, kind: .valueTooLarge(limit: 16 << 20))
        #expect(
            error.message
                == "value too large at line 4, column 2: a single input value may be at most 16 MiB (16777216 bytes); it was skipped"
        )
    }

    /// A 40 MiB string and a 40 MiB array are rejected while the reader holds well under the value.
    @Test func hugeValueIsRejectedInBoundedMemory() {
        struct Endless: ByteSource {
            var header: [UInt8]
            var filler: UInt8
            var remaining: Int
            var trailer: [UInt8]
            mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
                if !header.isEmpty {
                    let count = min(header.count, buffer.count)
                    for index in 0..<count { buffer[index] = header[index] }
                    header.removeFirst(count)
                    return count
                }
                if remaining > 0 {
                    let count = min(remaining, buffer.count)
                    for index in 0..<count { buffer[index] = filler }
                    remaining -= count
                    return count
                }
                let count = min(trailer.count, buffer.count)
                for index in 0..<count { buffer[index] = trailer[index] }
                trailer.removeFirst(count)
                return count
            }
        }
        // The reader's own count of its buffer (the whole process's peak RSS would also count
        // the tests running beside this one); the end-to-end test of the binary's VmHWM is
        // HostileInputTests.oversizedValue.
        func readCounting(_ source: Endless) -> (items: [String], peak: Int) {
            var reader = JSONStreamReader(source: source)
            var items: [JSONStreamItem] = []
            while let item = reader.next() { items.append(item) }
            return (items.map { describe($0) }, reader.peakBufferBytes)
        }
        let string = readCounting(
            Endless(
                header: Array("1\n\"".utf8), filler: UInt8(ascii: "x"), remaining: 40 << 20,
                trailer: Array("\"\n2".utf8)))
        #expect(
            string.items == [
                "1: 1",
                "error: value too large at line 2, column 1: a single input value may be at most 16 MiB (16777216 bytes); it was skipped",
                "3: 2",
            ])
        let array = readCounting(
            Endless(
                header: Array("[[".utf8), filler: UInt8(ascii: " "), remaining: 40 << 20, trailer: Array("0]]\n2".utf8))
        )
        #expect(
            array.items == [
                "error: value too large at line 1, column 2: a single input value may be at most 16 MiB (16777216 bytes); it was skipped",
                "2: 2",
            ])
        // The reader may buffer up to twice the limit; it must not buffer the 40 MiB values.
        #expect(string.peak <= 32 << 20, "\(string.peak) bytes buffered")
        #expect(array.peak <= 32 << 20, "\(array.peak) bytes buffered")
    }

    /// Each value comes out as soon as it is complete: the reader does not read ahead for it.
    @Test func yieldsEachValueBeforeReadingFurther() {
        final class Log: @unchecked Sendable { var reads = 0 }
        struct Slow: ByteSource {
            let log: Log
            let pieces = ["{\"a\":", "1}\n", "2"]
            mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
                guard log.reads < pieces.count else { return 0 }
                let piece = Array(pieces[log.reads].utf8)
                log.reads += 1
                for (index, byte) in piece.enumerated() { buffer[index] = byte }
                return piece.count
            }
        }
        let log = Log()
        var reader = JSONStreamReader(source: Slow(log: log))
        #expect(reader.next() == .value(.object([("a", .number("1"))]), line: 1))
        #expect(log.reads == 2)
        #expect(reader.next() == .value(.number("2"), line: 2))
        #expect(reader.next() == nil)
    }

    @Test func readErrorIsReportedAndEndsTheStream() {
        #expect(read(FailingSource()) == ["1: 1", "error: cannot read the input: Input/output error"])
    }

    @Test func readsFromAFileDescriptor() throws {
        var descriptors: [Int32] = [0, 0]
        #expect(pipe(&descriptors) == 0)
        let text = Array("{\"a\":1}\n[2,3]\n".utf8)
        #expect(text.withUnsafeBytes { write(descriptors[1], $0.baseAddress, $0.count) } == text.count)
        close(descriptors[1])
        defer { close(descriptors[0]) }
        #expect(
            read(FileDescriptorByteSource(fileDescriptor: descriptors[0]), once: true) == [
                #"1: {"a":1}"#, "2: 2", "2: 3",
            ])
    }

    @Test func manySmallObjectsKeepMemoryFlat() {
        var reader = JSONStreamReader(source: GeneratedObjectsSource(count: 200_000))
        var count = 0
        while let item = reader.next() {
            guard case .value = item else {
                Issue.record("unexpected \(item)")
                return
            }
            count += 1
        }
        #expect(count == 200_000)
        // The buffer never grew past its first 64 KiB chunk: bytes already used are dropped.
        #expect(reader.peakBufferBytes == 64 << 10, "\(reader.peakBufferBytes) bytes buffered")
    }

    /// `JSONSTREAM_BENCHMARK=1000000 swift test -c release --filter JSONStreamReaderTests/benchmark`
    @Test(.enabled(if: getenv("JSONSTREAM_BENCHMARK") != nil))
    func benchmark() {
        let count = getenv("JSONSTREAM_BENCHMARK").flatMap { Int(String(cString: $0)) } ?? 1_000_000
        let clock = ContinuousClock()
        var values = 0
        let elapsed = clock.measure {
            for item in JSONStreamReader(source: GeneratedObjectsSource(count: count)) {
                if case .value = item { values += 1 }
            }
        }
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        print("JSONStreamReader: \(values) objects in \(seconds) s = \(Int(Double(values) / seconds)) objects/s")
        #expect(values == count)
    }
}

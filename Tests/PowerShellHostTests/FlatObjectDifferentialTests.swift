import AzShimSupport
import TestSupport
import Testing

@testable import PowerShellHost

/// Issue 17: the pipeline's fast path (`JSONStreamReader.next(flatObjectsInto:)` and
/// `PipelineBinder.bind(_: JSONFlatObject, into:)`) against the general path (`next()` and
/// `bind(_: JSONValue, into:)`) over many generated inputs: property names in random case, by
/// alias, unknown, duplicated, with escapes or non-ASCII; values of every JSON type, nested,
/// escaped, non-ASCII, invalid UTF-8; white space of every kind, values split over lines, and
/// malformed lines. Both read the same bytes (in different random chunks) in step: every item,
/// every binding and every binding error must be the same.
struct FlatObjectDifferentialTests {
    /// Hands out its bytes in chunks of random sizes, so objects also end up split between reads.
    struct ChunkedSource: ByteSource {
        let bytes: [UInt8]
        var offset = 0
        var random: SplitMix64
        mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
            let count = min(bytes.count - offset, buffer.count, 1 + random.below(random.chance(50) ? 40 : 70_000))
            for index in 0..<count { buffer[index] = bytes[offset + index] }
            offset += count
            return count
        }
    }

    /// Generated JSON lines (as bytes: some are not valid UTF-8).
    struct Lines {
        var random: SplitMix64

        static let names = [
            "ResourceGroupName", "Name", "KeyName", "AccountName", "CognitiveServicesAccountName", "resourceGroup",
            "Path", "LiteralPath", "PSPath", "Recurse", "Extra", "", "Key Name", "Na", "NameX",
        ]

        mutating func space() -> String {
            random.chance(60) ? "" : random.pick([" ", "\t", "\r", "  ", " \t ", "\n", "\r\n"])
        }

        /// A property name: random case, sometimes an escape or a non-ASCII look-alike.
        mutating func name() -> String {
            var name = String(
                Self.names[random.below(Self.names.count)].map { character in
                    random.chance(20)
                        ? Character(character.isUppercase ? character.lowercased() : character.uppercased())
                        : character
                })
            if random.chance(4), !name.isEmpty {
                // `\u004B` for K, `\u006e` for n: the same name, spelled with an escape.
                let first = name.unicodeScalars.first?.value ?? 0x41
                name = "\\u" + String(first, radix: 16).padding(4) + String(name.dropFirst())
            }
            if random.chance(3) { name = random.pick(["\u{212A}eyName", "Nåme", "名前", "ſName"]) }
            if random.chance(2) { name += random.pick(["\\\"", "\\\\", "\\/", "\\t"]) }
            return "\"" + name + "\""
        }

        mutating func value() -> String {
            switch random.below(20) {
            case 0...8:
                var text = random.pick([
                    "rg", "Key1", "key2", "KEY1", "Key3", "", "k", "acct-\(random.below(1000))", "é€😀", "a b",
                    "Key", "1", "true", "\u{7F}del",
                ])
                if random.chance(8) {
                    text += random.pick(["\\\"", "\\\\", "\\/", "\\u0041", "\\t", "\\u001b", "\\ud83d\\ude00"])
                }
                return "\"" + text + "\""
            case 9...12:
                return random.pick([
                    "0", "1", "-1", "2", "1.0", "1.5", "1e0", "-0", "2147483648", "99999999999999999999", "1E+2",
                    "0.5e-1",
                ])
            case 13...15:
                return random.pick(["true", "false", "null"])
            default:
                return random.pick(["{\"a\":1}", "[1,\"x\"]", "[]", "{}", "[[]]", "{\"Name\":\"n\"}", "[\"Key1\"]"])
            }
        }

        /// A name in random case.
        mutating func cased(_ name: String) -> String {
            String(name.map { random.chance(25) ? Character($0.isUppercase ? $0.lowercased() : $0.uppercased()) : $0 })
        }

        /// One line: mostly objects, sometimes damaged or another top-level value. Half are built
        /// to bind (the three parameters, by name or alias, in any order and case, plus others).
        mutating func line() -> [UInt8] {
            var members: [String] = []
            if random.chance(50) {
                members = [
                    "\"\(cased("ResourceGroupName"))\":\"rg\(random.below(3))\"",
                    "\"\(cased(random.pick(["Name", "AccountName", "CognitiveServicesAccountName", "Path"])))\":"
                        + "\"acct-\(random.below(1000))\"",
                    "\"\(cased("KeyName"))\":"
                        + random.pick(["\"Key1\"", "\"key2\"", "\"KEY1\"", "1", "0", "\"k\"", "1.0"]),
                ]
                for _ in 0..<random.below(3) {
                    members.insert(
                        space() + name() + space() + ":" + space() + value(), at: random.below(members.count + 1))
                }
                for index in 0..<members.count - 1 where random.chance(30) {
                    members.swapAt(index, index + 1)
                }
            } else {
                for _ in 0..<random.below(6) {
                    members.append(space() + name() + space() + ":" + space() + value() + space())
                }
            }
            var text = "{" + members.joined(separator: ",") + (members.isEmpty ? space() : "") + "}"
            switch random.below(40) {
            case 0: text = String(text.dropLast())  // unterminated: swallows nothing after its line
            case 1: text = text.replacingFirst(":", with: "")
            case 2: text = text.replacingFirst(",", with: ",,")
            case 3: text = String(text.dropLast()) + ",}"
            case 4: text = "[" + text + "," + text + "]"
            case 5: text = random.pick(["\"text\"", "42", "null", "[]", "tru", "01", "{\"a\":01}", "{\"a\":1.}"])
            case 6: text += random.pick(["x", "{}", " 5", "\"s\""])
            case 7: text = text.replacingFirst("\"", with: "\"\u{1}")
            default: break
            }
            var bytes = Array((space() + text).utf8)
            if random.chance(2), let quote = bytes.lastIndex(of: UInt8(ascii: "\"")) {
                bytes.insert(random.pick([0xFF, 0xC3, 0x80, 0xED, 0x00]), at: quote)
            }
            return bytes + [0x0A]
        }
    }

    /// A command line bound as the host binds it before the pipeline starts.
    static func commandLine(_ metadata: CommandMetadata, _ words: [String]) throws -> BoundParameters {
        let binder = CommandLineBinder(metadata: metadata)
        var bound = try binder.bind(ArgumentTokenizer.tokenize(words).arguments)
        try binder.resolveParameterSet(&bound, pipelineExpected: true)
        return bound
    }

    /// Binding outcomes as text: `ok` or the error.
    static func outcome(_ body: () throws(BindingError) -> Void) -> String {
        do {
            try body()
            return "ok"
        } catch {
            return "\(error)"
        }
    }

    static let commands: [(metadata: CommandMetadata, words: [[String]])] = [
        (TestCommand.metadata, [[], ["-KeyName", "Key2"], ["-Name", "x"], ["rg"], ["-Force"]]),
        (ParameterSetBindingTests.metadata, [[], ["-Recurse"]]),
    ]

    @Test("the fast path reads and binds exactly as the general path", arguments: [1, 2, 3, 4, 5, 6] as [UInt64])
    func sameItemsAndBindings(seed: UInt64) throws {
        var lines = Lines(random: SplitMix64(state: seed))
        var input: [UInt8] = []
        let lineCount = 4000
        for _ in 0..<lineCount { input += lines.line() }
        // A byte-order mark at the start of some streams.
        if seed % 2 == 0 { input = [0xEF, 0xBB, 0xBF] + input }

        var general = JSONStreamReader(source: ChunkedSource(bytes: input, random: SplitMix64(state: seed &* 31)))
        var fast = JSONStreamReader(source: ChunkedSource(bytes: input, random: SplitMix64(state: seed &* 37)))
        var flat = JSONFlatObject()
        var states: [(binder: PipelineBinder, general: BoundParameters, fast: BoundParameters)] = []
        for command in Self.commands {
            for words in command.words {
                let bound = try Self.commandLine(command.metadata, words)
                states.append((PipelineBinder(metadata: command.metadata), bound, bound))
            }
        }
        var flatObjects = 0
        var builtObjects = 0
        var boundObjects = 0
        var mismatches = 0
        while true {
            let expected = general.next()
            let item = fast.next(flatObjectsInto: &flat)
            guard let expected, let item else {
                #expect(expected == nil && item == nil)
                break
            }
            switch (expected, item) {
            case (.value(let object, let line), .flatObject(let flatLine)):
                flatObjects += 1
                if object != flat.jsonValue || line != flatLine { mismatches += 1 }
                #expect(object == flat.jsonValue, "line \(line)")
                #expect(line == flatLine)
                for index in states.indices {
                    let binder = states[index].binder
                    let a = Self.outcome { () throws(BindingError) in
                        try binder.bind(object, into: &states[index].general)
                    }
                    let b = Self.outcome { () throws(BindingError) in try binder.bind(flat, into: &states[index].fast) }
                    if a != b || states[index].general != states[index].fast { mismatches += 1 }
                    if b == "ok" { boundObjects += 1 }
                    #expect(a == b, "\(JSONWriter.compact(object))")
                    #expect(states[index].general == states[index].fast, "\(JSONWriter.compact(object))")
                }
            default:
                if case .value = item { builtObjects += 1 }
                if expected != item { mismatches += 1 }
                #expect(expected == item)
            }
            if mismatches > 20 { break }
        }
        // Both paths were taken, many times, and many fast-path objects bound.
        #expect(flatObjects > lineCount / 8)
        #expect(builtObjects > lineCount / 8)
        #expect(boundObjects > lineCount / 8)
    }

    /// Objects the fast path must leave to the parser, and ones it must take.
    @Test func acceptsOnlyWhatItIsCertainAbout() {
        func reads(_ text: String) -> Bool {
            var flat = JSONFlatObject()
            let bytes = Array(text.utf8)
            return bytes.withUnsafeBufferPointer { flat.read($0, from: 0) == bytes.count }
        }
        #expect(reads(#"{"ResourceGroupName": "rg", "Name": "a", "KeyName": "Key1"}"#))
        #expect(reads(#"{ "a" : 1.5e3 ,"b":true,"c":false,"d":null,"e":"é"}"#))
        #expect(reads("{}"))
        #expect(!reads(#"{"a":"\u0041"}"#))
        #expect(!reads(#"{"\u0041":1}"#))
        #expect(!reads(#"{"Nåme":1}"#))
        #expect(!reads(#"{"a":{"b":1}}"#))
        #expect(!reads(#"{"a":[1]}"#))
        #expect(!reads("{\"a\":\n1}"))
        #expect(!reads(#"{"a":1,}"#))
        #expect(!reads(#"{"a":01}"#))
        #expect(!reads(#"{"a":1"#))
        #expect(!reads("{\"a\":\"\u{1}\"}"))
        var flat = JSONFlatObject()
        let invalid: [UInt8] = Array(#"{"a":""#.utf8) + [0xFF] + Array(#""}"#.utf8)
        #expect(invalid.withUnsafeBufferPointer { flat.read($0, from: 0) } == nil)
    }

    /// Both paths over one input, read in the given chunk sizes with a value limit: the items.
    static func lockstep(_ input: [UInt8], chunks: (Int, Int), maximumValueBytes: Int) -> [String] {
        var general = JSONStreamReader(
            source: MemoryByteSource(input, chunkSize: chunks.0), maximumValueBytes: maximumValueBytes)
        var fast = JSONStreamReader(
            source: MemoryByteSource(input, chunkSize: chunks.1), maximumValueBytes: maximumValueBytes)
        var flat = JSONFlatObject()
        var differences: [String] = []
        while true {
            let expected = general.next()
            let item = fast.next(flatObjectsInto: &flat)
            if expected == nil && item == nil { break }
            switch (expected, item) {
            case (.value(let value, let line), .flatObject(let flatLine))
            where value == flat.jsonValue && line == flatLine:
                continue
            case (let expected, let item) where expected == item:
                continue
            default:
                differences.append("\(String(describing: expected)) against \(String(describing: item))")
                if expected == nil || item == nil { return differences }
            }
        }
        return differences
    }

    /// Inputs `Scripts/fuzz.sh json` found (its target checks the fast path against the general
    /// one): the first byte chooses the read size and the value limit, as in the fuzz target.
    static let fuzzFindings: [[UInt8]] = [
        // The value limit and invalid UTF-8 in a long string, read a byte at a time.
        [
            0x40, 0xEF, 0xBB, 0xBF, 0x7B, 0x22, 0x6B, 0x22, 0x3A, 0x22, 0x76, 0x76, 0x76, 0x76, 0x76, 0x76,
            0x31, 0x76, 0xF6, 0x76, 0x76, 0x76, 0x77, 0x76, 0x76, 0x76, 0x76, 0x76, 0x76, 0x76, 0x76, 0x76,
            0x76, 0x76, 0x76, 0x76, 0x76, 0x76, 0x76, 0x76, 0x76, 0x76, 0x76, 0x76, 0xC7, 0xC7, 0xC7, 0xC7,
            0xC7, 0xC7, 0xC7, 0xC7, 0xC7, 0xC7, 0xC7, 0xC7, 0xC7, 0xC7, 0xC7, 0xC7, 0xC7, 0xC7, 0xC7, 0xC7,
            0xC7, 0x76, 0x76, 0x76, 0x76, 0x76, 0x76, 0x76, 0x76, 0x76, 0xE1, 0x2D, 0x76, 0x76, 0x76, 0x01,
            0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x41,
        ],
        // A long string over the limit, then nested arrays with a stray byte.
        [
            0x40, 0xEF, 0xBB, 0xBF, 0x7B, 0x22, 0x6B, 0x22, 0x3A, 0x22, 0x76, 0x76, 0x76, 0x76, 0x76, 0x76,
            0x76, 0x76, 0x76, 0x76, 0x76, 0x77, 0x76, 0x76, 0x76, 0x76, 0xA4, 0x76, 0x76, 0x76, 0x76, 0x76,
            0x76, 0x76, 0x76, 0x76, 0x76, 0x76, 0x76, 0x76, 0x76, 0x76, 0x76, 0x76, 0x77, 0x76, 0x76, 0x76,
            0x76, 0x76, 0x76, 0x76, 0x76, 0x76, 0x76, 0x76, 0x76, 0x76, 0x76, 0x76, 0x76, 0x76, 0x76, 0x76,
            0x76, 0x76, 0x76, 0x76, 0x76, 0x76, 0x76, 0x76, 0x76, 0x76, 0x76, 0x76, 0x76, 0x76, 0x76, 0x22,
            0x7D, 0x0A, 0x7B, 0x22, 0x62, 0x22, 0x3A, 0x5B, 0x5B, 0x5B, 0x5B, 0x5D, 0xE8, 0x5D, 0x5D, 0x5D,
            0x7D,
        ],
        // A long string with invalid UTF-8, then a stray byte before the next object.
        [
            0x40, 0xEF, 0xBB, 0xBF, 0x7B, 0x22, 0x6B, 0x22, 0x3A, 0x22, 0x76, 0x76, 0x76, 0x76, 0x76, 0x76,
            0x76, 0x76, 0x76, 0x76, 0x76, 0x77, 0x76, 0x76, 0x76, 0x76, 0x76, 0x76, 0x76, 0x76, 0x76, 0x76,
            0x76, 0x76, 0x76, 0x76, 0x76, 0x76, 0x76, 0x76, 0x76, 0x76, 0x76, 0x76, 0x77, 0x76, 0x76, 0x76,
            0x76, 0x76, 0x76, 0x76, 0xEE, 0x76, 0x76, 0x76, 0x76, 0x76, 0x76, 0x76, 0x76, 0x76, 0x76, 0x76,
            0x76, 0x76, 0x76, 0x76, 0x76, 0x76, 0x76, 0x76, 0x76, 0x76, 0x76, 0x76, 0x76, 0x76, 0x76, 0x76,
            0x22, 0x7D, 0xFE, 0x7B, 0x22, 0x62, 0x22, 0x3A, 0x5B, 0x5B, 0x5B, 0x5B, 0x5D, 0xE8, 0x5D, 0x5D,
            0x5D, 0x7D,
        ],
        // A too-large item that breaks on a later line.
        [
            0x40, 0x7B, 0x0A, 0x20, 0x20, 0x22, 0x83, 0x83, 0x83, 0x83, 0x83, 0x83, 0x28, 0x28, 0x2E, 0x28,
            0x28, 0x28, 0x28, 0x28, 0x28, 0x28, 0x28, 0x55, 0x83, 0x83, 0x5C, 0x5C, 0x4F, 0x70, 0x74, 0x69,
            0xD2, 0xD2, 0xD2, 0xD2, 0xD2, 0xD2, 0xD2, 0xD2, 0xD2, 0xD2, 0xD2, 0xD2, 0xD2, 0x6F, 0x6E, 0x61,
            0x6C, 0x5C, 0x5C, 0x5C, 0x5C, 0x5C, 0x5C, 0x5C, 0x5C, 0x5C, 0x5C, 0x5C, 0x5C, 0x5C, 0x5C, 0x5C,
            0x5C, 0x5C, 0x5C, 0x5C, 0x5C, 0x7D, 0x0A, 0x7B, 0x72, 0x61, 0x22, 0x3A, 0x20, 0x7B, 0x0A, 0x20,
            0x3F, 0x0A, 0x7D, 0x0A, 0x31, 0x7D, 0x2C, 0x5B, 0x22, 0xA2, 0x75, 0x2C, 0x7D, 0x03, 0x7B, 0x0A,
            0x0A,
        ],
        // A too-large item with an invalid escape just at the limit.
        [
            0x40, 0x7B, 0x22, 0x7D, 0x2C, 0x2C, 0x30, 0x2A, 0x2A, 0x2A, 0x2A, 0x2E, 0x2A, 0x5C, 0x5C, 0x5C,
            0x5C, 0x5C, 0x5C, 0x5C, 0x5C, 0x5C, 0x5C, 0x5C, 0x5C, 0x5C, 0x5C, 0x5C, 0x5C, 0x5C, 0x5C, 0x5C,
            0x5C, 0x5C, 0x5C, 0x5C, 0x5C, 0x5C, 0x5C, 0x5C, 0x5C, 0x5C, 0x5C, 0x5C, 0x5C, 0x5C, 0x5C, 0x5C,
            0x5C, 0x5C, 0x2C, 0x5C, 0x5C, 0x5C, 0x5C, 0x5C, 0x5C, 0x5C, 0x5C, 0x5C, 0x5C, 0x5C, 0x5C, 0x5C,
            0x5C, 0x5C, 0x00, 0x00, 0x00, 0x79, 0x5C, 0x5C, 0x5C, 0x5C, 0x5C, 0x5C, 0x5C, 0x5C, 0x2A, 0x2A,
            0x2A, 0x2A, 0x2A, 0x2A, 0x2A, 0x5C, 0x7A, 0x5C, 0x30,
        ],
    ]

    @Test("inputs the fuzzer found give the same items on both paths, whatever the read sizes")
    func fuzzFindingsAgree() {
        for finding in Self.fuzzFindings {
            let control = finding[0]
            let input = Array(finding.dropFirst())
            let chunk = control & 0x80 == 0 ? Int(control & 0x3F) + 1 : 64 << 10
            let fuzzLimit = control & 0x40 == 0 ? 16 << 20 : 64
            for limit in [fuzzLimit, 16, 64, 16 << 20] {
                // Read sizes differ only under the default limit: an item both over the limit and
                // malformed may be reported as either by read size (README, Limitations).
                let pairs =
                    limit == 16 << 20
                    ? [(chunk, 64 - chunk % 63), (1, 4096), (4096, 1), (7, 3)] : [(chunk, chunk), (1, 1), (7, 7)]
                for chunks in pairs {
                    let differences = Self.lockstep(input, chunks: chunks, maximumValueBytes: limit)
                    #expect(differences.isEmpty, "limit \(limit), chunks \(chunks): \(differences)")
                }
            }
        }
        let long = Array(("{\"Name\":\"" + String(repeating: "a", count: 100) + "\"}\n{\"Name\":\"b\"}\n").utf8)
        #expect(Self.lockstep(long, chunks: (1, 4096), maximumValueBytes: 64).isEmpty)
        #expect(Self.lockstep(long, chunks: (4096, 3), maximumValueBytes: 64).isEmpty)
    }

    /// A huge flat object, then a small one: both read right (the storage is given back).
    @Test func hugeThenSmall() throws {
        var flat = JSONFlatObject()
        let huge = Array(("{" + (0..<5000).map { "\"k\($0)\":\($0)" }.joined(separator: ",") + "}").utf8)
        #expect(huge.withUnsafeBufferPointer { flat.read($0, from: 0) } == huge.count)
        #expect(flat.count == 5000)
        #expect(flat.jsonValue == (try JSONParser.parse(huge)))
        let small = Array(#"{"Name":"a"}"#.utf8)
        #expect(small.withUnsafeBufferPointer { flat.read($0, from: 0) } == small.count)
        #expect(flat.jsonValue == (try JSONParser.parse(small)))
    }

    /// `index(of:)` finds what `JSONValue.member` finds: the exact spelling first, then any case.
    @Test func lookupMatchesJSONValueMember() throws {
        let text = #"{"name":"lower","Name":"exact","NAME":"upper","AccountName":"alias"}"#
        var flat = JSONFlatObject()
        let bytes = Array(text.utf8)
        #expect(bytes.withUnsafeBufferPointer { flat.read($0, from: 0) } == bytes.count)
        guard case .object(let members) = try JSONParser.parse(bytes) else { return }
        for name in ["Name", "name", "NAME", "nAmE", "AccountName", "accountname", "Missing", "Nam", "Names"] {
            let key = try #require(JSONFlatObject.Key(name))
            #expect(flat.index(of: key).map { flat.value(at: $0) } == JSONValue.member(members, name), "\(name)")
        }
        #expect(JSONFlatObject.Key("\u{212A}eyName") == nil)
    }
}

extension String {
    fileprivate func replacingFirst(_ target: Character, with replacement: String) -> String {
        guard let index = firstIndex(of: target) else { return self }
        return String(self[..<index]) + replacement + String(self[self.index(after: index)...])
    }

    fileprivate func padding(_ length: Int) -> String {
        String(repeating: "0", count: max(0, length - count)) + self
    }
}

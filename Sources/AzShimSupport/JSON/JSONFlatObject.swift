/// A JSON object read without building a `JSONValue`: the fast path of a pipeline of JSON
/// lines, where nearly every input is one flat object of a few short members.
///
/// `read(_:from:)` accepts only an object that it is certain about, all on one line: members
/// whose names are printable ASCII without escapes, whose values are strings without escapes (any
/// valid UTF-8), numbers, `true`, `false` or `null`. Anything else — an escape, a name with other
/// bytes, a nested object or array, a line break, malformed text, the window ending before `}` —
/// is refused, and the caller reads the object with the full parser (`JSONIncrementalParser`),
/// which builds exactly what `jsonValue` would and reports any error. The object's bytes are
/// copied into storage that each read reuses, so reading a flat object allocates nothing once
/// the storage has grown to the longest object seen.
///
/// Example: after `read` of `{"ResourceGroupName": "rg", "Name": "myluis", "KeyName": "Key1"}`,
/// `index(of: JSONFlatObject.Key("name")!)` is 1 and `value(at: 1)` is `.string("myluis")`;
/// `jsonValue` is the `JSONValue` that `JSONParser.parse` gives for the same line.
package struct JSONFlatObject: Sendable {
    /// The type of a member's value.
    package enum Kind: UInt8, Sendable {
        case string, number, `true`, `false`, null
    }

    /// One member: offsets into `text`. A string's range excludes its quotes.
    struct Member: Sendable {
        var keyStart: Int
        var keyEnd: Int
        var kind: Kind
        var valueStart: Int
        var valueEnd: Int
    }

    /// A property name to look up, as UTF-8 bytes; only ASCII names, so that comparing bytes
    /// gives the same answers as `JSONValue.member` comparing strings.
    ///
    /// Example: `JSONFlatObject.Key("AccountName")` matches the member `"accountname"`;
    /// `JSONFlatObject.Key("K\u{212A}")` is nil (not ASCII).
    package struct Key: Sendable {
        let bytes: [UInt8]

        /// Nil when `name` is not ASCII.
        package init?(_ name: String) {
            let bytes = Array(name.utf8)
            guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
            self.bytes = bytes
        }
    }

    /// The object's text, from `{` to `}`, is `text[0..<textCount]`; the members are
    /// `members[0..<count]`. Both arrays only grow, and are overwritten by each read.
    private var text: [UInt8] = []
    private var textCount = 0
    private var members: [Member] = []

    /// The number of members, duplicates included.
    package private(set) var count = 0

    package init() {}

    // MARK: - Reading

    /// Reads the object that starts with the `{` at `bytes[start]`. Returns the index just past
    /// its `}`, or nil when the object is not one this fast path is certain about (see the type's
    /// comment); then this value's contents are unspecified until the next successful read.
    package mutating func read(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        // Storage grown by an unusually large object is given back once a small one has been
        // read after it (as `JSONStreamReader` does with its buffer): one huge line does not
        // hold its memory for the rest of the stream.
        if members.count > 1024, count < 256 { members = [] }
        if text.count > 1 << 16, textCount < 1 << 14 { text = [] }
        count = 0
        let end = bytes.count
        guard start < end, bytes[start] == UInt8(ascii: "{") else { return nil }
        var index = start + 1
        guard Self.skipSpace(bytes, &index), index < end else { return nil }
        if bytes[index] != UInt8(ascii: "}") {
            while true {
                guard bytes[index] == UInt8(ascii: "\"") else { return nil }
                let keyStart = index + 1
                guard let keyEnd = Self.nameEnd(bytes, from: keyStart) else { return nil }
                index = keyEnd + 1
                guard Self.skipSpace(bytes, &index), index < end, bytes[index] == UInt8(ascii: ":") else { return nil }
                index += 1
                guard Self.skipSpace(bytes, &index), index < end,
                    var member = Self.value(bytes, &index)
                else { return nil }
                member.keyStart = keyStart - start
                member.keyEnd = keyEnd - start
                member.valueStart -= start
                member.valueEnd -= start
                if count < members.count {
                    members[count] = member
                } else {
                    members.append(member)
                }
                count += 1
                guard Self.skipSpace(bytes, &index), index < end else { return nil }
                if bytes[index] == UInt8(ascii: "}") { break }
                guard bytes[index] == UInt8(ascii: ",") else { return nil }
                index += 1
                guard Self.skipSpace(bytes, &index), index < end else { return nil }
            }
        }
        index += 1
        textCount = index - start
        if text.count < textCount { text += repeatElement(0, count: Swift.max(textCount, 2 * text.count) - text.count) }
        text.withUnsafeMutableBufferPointer { target in
            guard let target = target.baseAddress, let source = bytes.baseAddress else { return }
            target.update(from: source + start, count: textCount)
        }
        return index
    }

    /// Skips spaces, tabs and carriage returns; false at a line feed (a line break would need the
    /// parser's line count), true otherwise, with `index` at the first other byte or the end.
    @inline(__always)
    private static func skipSpace(_ bytes: UnsafeBufferPointer<UInt8>, _ index: inout Int) -> Bool {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x09, 0x0D: index += 1
            case 0x0A: return false
            default: return true
            }
        }
        return true
    }

    /// The index of the quote that closes a property name starting at `from`, when every byte
    /// before it is printable ASCII other than a backslash.
    private static func nameEnd(_ bytes: UnsafeBufferPointer<UInt8>, from: Int) -> Int? {
        var index = from
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") { return index }
            guard byte >= 0x20, byte < 0x7F, byte != UInt8(ascii: "\\") else { return nil }
            index += 1
        }
        return nil
    }

    /// A scalar member value starting at `index` (not the end), with `index` moved past it;
    /// absolute offsets, key not yet set.
    private static func value(_ bytes: UnsafeBufferPointer<UInt8>, _ index: inout Int) -> Member? {
        let start = index
        switch bytes[start] {
        case UInt8(ascii: "\""):
            var stop = start + 1
            var nonASCII = false
            while true {
                guard stop < bytes.count else { return nil }
                let byte = bytes[stop]
                if byte == UInt8(ascii: "\"") { break }
                guard byte >= 0x20, byte != UInt8(ascii: "\\") else { return nil }
                if byte >= 0x80 { nonASCII = true }
                stop += 1
            }
            if nonASCII, JSONUTF8.firstInvalidByte(bytes, start + 1, stop) != nil { return nil }
            index = stop + 1
            return Member(keyStart: 0, keyEnd: 0, kind: .string, valueStart: start + 1, valueEnd: stop)
        case UInt8(ascii: "t"):
            return literal(bytes, &index, "true", .true)
        case UInt8(ascii: "f"):
            return literal(bytes, &index, "false", .false)
        case UInt8(ascii: "n"):
            return literal(bytes, &index, "null", .null)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            // The parser's number: the run of number bytes (cut off by the window's end: not
            // certain), of which the longest valid number is the value.
            var stop = start
            while stop < bytes.count, JSONIncrementalParser.isNumberByte(bytes[stop]) { stop += 1 }
            guard stop < bytes.count,
                case .success(let numberEnd) = JSONIncrementalParser.validNumberEnd(bytes, start, stop)
            else { return nil }
            index = numberEnd
            return Member(keyStart: 0, keyEnd: 0, kind: .number, valueStart: start, valueEnd: numberEnd)
        default:
            return nil
        }
    }

    private static func literal(
        _ bytes: UnsafeBufferPointer<UInt8>, _ index: inout Int, _ word: StaticString, _ kind: Kind
    ) -> Member? {
        let count = word.utf8CodeUnitCount
        guard index + count <= bytes.count else { return nil }
        for offset in 0..<count where bytes[index + offset] != word.utf8Start[offset] { return nil }
        let start = index
        index += count
        return Member(keyStart: 0, keyEnd: 0, kind: kind, valueStart: start, valueEnd: index)
    }

    // MARK: - Looking up

    /// The index of the member named `key` as `JSONValue.member` finds it: the first member
    /// with exactly that name, else the first whose name matches ignoring case.
    package func index(of key: Key) -> Int? {
        text.withUnsafeBufferPointer { text in
            key.bytes.withUnsafeBufferPointer { name in
                for index in 0..<count where equal(text, members[index], name, foldingCase: false) {
                    return index
                }
                for index in 0..<count where equal(text, members[index], name, foldingCase: true) {
                    return index
                }
                return nil
            }
        }
    }

    private func equal(
        _ text: UnsafeBufferPointer<UInt8>, _ member: Member, _ name: UnsafeBufferPointer<UInt8>, foldingCase: Bool
    ) -> Bool {
        guard member.keyEnd - member.keyStart == name.count else { return false }
        for offset in 0..<name.count {
            let byte = text[member.keyStart + offset]
            let wanted = name[offset]
            if byte == wanted { continue }
            // ASCII only (both sides): `lowercased()` maps exactly A–Z to a–z, as `ASCIIFold`.
            guard foldingCase, byte | 0x20 == wanted | 0x20, (byte | 0x20) &- 0x61 < 26 else { return false }
        }
        return true
    }

    /// The type of the value of member `index`.
    package func kind(at index: Int) -> Kind {
        precondition(index < count, "no member \(index) in a flat object of \(count)")
        return members[index].kind
    }

    /// The value of member `index`, as the full parser builds it.
    package func value(at index: Int) -> JSONValue {
        precondition(index < count, "no member \(index) in a flat object of \(count)")
        let member = members[index]
        switch member.kind {
        case .string: return .string(string(member.valueStart, member.valueEnd))
        case .number: return .number(string(member.valueStart, member.valueEnd))
        case .true: return .bool(true)
        case .false: return .bool(false)
        case .null: return .null
        }
    }

    /// The source text of the value of member `index`: a string's content (it has no escapes),
    /// a number as written, `true`, `false` or `null`.
    package func text(at index: Int) -> String {
        precondition(index < count, "no member \(index) in a flat object of \(count)")
        return string(members[index].valueStart, members[index].valueEnd)
    }

    /// The name of member `index`.
    package func key(at index: Int) -> String {
        precondition(index < count, "no member \(index) in a flat object of \(count)")
        return string(members[index].keyStart, members[index].keyEnd)
    }

    /// The whole object as the full parser builds it, duplicate names and order kept.
    package var jsonValue: JSONValue {
        .object((0..<count).map { (key: key(at: $0), value: value(at: $0)) })
    }

    /// The text of `text[start..<end]` (valid UTF-8: `read` checked it). Copied in rather than
    /// decoded: a short ASCII value (most of them) then becomes a small string without the
    /// separate validating pass of `String(decoding:as:)`; the string is the same.
    private func string(_ start: Int, _ end: Int) -> String {
        text.withUnsafeBufferPointer { text in
            String(unsafeUninitializedCapacity: end - start) { buffer in
                guard let target = buffer.baseAddress, let source = text.baseAddress else { return 0 }
                target.initialize(from: source + start, count: end - start)
                return end - start
            }
        }
    }
}

/// The JSON grammar (RFC 8259) as a resumable state machine over a window of bytes: the engine
/// under both `JSONParser.parse(_:)` (one complete document) and `JSONStreamReader` (a stream).
///
/// Nesting is an explicit stack (`frames`), never recursion, so 100,000 levels of `[` are an
/// error, not a stack overflow. Scalars (strings, numbers, literals) are taken whole: when one is cut
/// off by the end of the window, `next` answers `.needInput` without consuming it, and the caller
/// calls again with the same bytes plus more. Everything before `position` may then be discarded.
///
/// Example: with the window `{"KeyName":"Key1"}\n{"Key` (not at end), `next` gives
/// `.value(.object([("KeyName", .string("Key1"))]), line: 1)`, then `.needInput` with `position` at
/// the second `{`'s member `"Key`; after the caller adds `Name":"Key2"}`, `next` gives the second object.
struct JSONIncrementalParser {
    /// What `next` found.
    enum Event {
        case value(JSONValue, line: Int)
        case error(JSONStreamError)
        /// The window ends inside a token or between tokens; call again with more bytes.
        case needInput
        /// The input has ended (window `atEnd`) with no value in progress.
        case finished
    }

    /// The bytes the parser may look at; `base` is the offset of `bytes[0]` in the whole input.
    struct Window {
        let bytes: UnsafeBufferPointer<UInt8>
        let base: Int
        /// No byte will ever follow `bytes`.
        let atEnd: Bool
    }

    private enum State {
        case topLevel, value, arrayFirst, objectFirst, key, colon, afterValue
        /// Inside a string of a value that is being skipped (too large), after its opening quote.
        case skippingString, skippingKey
        /// Inside a number of a value that is being skipped.
        case skippingNumber
        /// After an error: skipping to the start of the next line.
        case resync
        case finished
    }

    private struct Frame {
        var isObject: Bool
        /// The outermost array of a stream, whose elements are items of their own.
        var isUnrolled: Bool
        var valuesBase: Int
        var keysBase: Int
    }

    private struct PendingString {
        var start: Int
        var resume: Int
        var escapes: Bool
        var nonASCII: Bool
    }

    private enum StringScan {
        case closed(Int, escapes: Bool, nonASCII: Bool)
        case open(Int, escapes: Bool, nonASCII: Bool)
        case failed(JSONStreamError.Kind, Int)
    }

    let unrollsTopLevelArrays: Bool
    let reportsUnexpectedEnd: Bool
    let maximumValueBytes: Int
    let maximumDepth: Int

    private var state = State.topLevel
    private var frames: [Frame] = []
    /// Finished children of the open containers, innermost last.
    private var values: [JSONValue] = []
    /// Keys of the open objects' members, innermost last.
    private var keys: [String] = []
    private var scratch: [UInt8] = []
    /// Property names seen before that are too long for a small string (over 15 bytes, such
    /// as `ResourceGroupName`), so the next object with the same name shares its storage rather
    /// than allocating a copy. At most `keyCacheLimit` names of at most 64 bytes: bounded memory.
    private var keyCache: [String] = []
    private static var keyCacheLimit: Int { 32 }
    private var pendingString: PendingString?

    /// 1-based line of the byte at the current position.
    private(set) var line = 1
    private var lineStart = 0
    /// Columns are counted lazily: `columnCount` scalars lie between `lineStart` and `columnOffset`.
    private var columnOffset = 0
    private var columnCount = 0

    /// The item in progress: a top-level value, or an element of an unrolled top-level array.
    private var itemInProgress = false
    private var itemStart = 0
    private var itemLine = 1
    private var itemColumn = 1
    private var arrayLine = 1
    /// Absolute offset of the line feed that ends the first line of the item in progress, once
    /// the item has gone past it: after an error, reading resumes just after it.
    private var itemLineEnd: Int?
    /// The item in progress outgrew `maximumValueBytes`: its grammar is followed, nothing is built.
    private var skipping = false

    init(unrollsTopLevelArrays: Bool, reportsUnexpectedEnd: Bool, maximumValueBytes: Int, maximumDepth: Int) {
        self.unrollsTopLevelArrays = unrollsTopLevelArrays
        self.reportsUnexpectedEnd = reportsUnexpectedEnd
        self.maximumValueBytes = maximumValueBytes
        self.maximumDepth = maximumDepth
    }

    // MARK: - Driving

    /// Parses from `position` until a value is complete, an error is found, or the window runs out.
    mutating func next(_ window: Window, position p: inout Int) -> Event {
        let bytes = window.bytes
        let end = bytes.count
        while true {
            switch state {
            case .finished:
                return .finished
            case .resync:
                while p < end, bytes[p] != 0x0A { p += 1 }
                if p == end {
                    guard window.atEnd else { return .needInput }
                    state = .finished
                    return .finished
                }
                newline(at: window.base + p)
                p += 1
                state = .topLevel
                continue
            case .skippingString, .skippingKey:
                if let event = continueSkippedString(window, &p) { return event }
                continue
            case .skippingNumber:
                while p < end, Self.isNumberByte(bytes[p]) { p += 1 }
                if p == end, !window.atEnd { return .needInput }
                if let event = completeValue(nil, window, p) { return event }
                continue
            default:
                break
            }

            skipWhitespace(window, &p)
            if p == end {
                guard window.atEnd else { return needInput(window) }
                if state == .topLevel {
                    state = .finished
                    return .finished
                }
                if let event = fail(.malformed(expected: expectationAtEnd), window, end, &p) { return event }
                continue
            }

            let byte = bytes[p]
            let event: Event?
            switch state {
            case .topLevel where byte == UInt8(ascii: "[") && unrollsTopLevelArrays:
                frames.append(Frame(isObject: false, isUnrolled: true, valuesBase: 0, keysBase: 0))
                arrayLine = line
                p += 1
                state = .arrayFirst
                event = nil
            case .arrayFirst where byte == UInt8(ascii: "]"):
                event = closeContainer(window, &p)
            case .topLevel, .value, .arrayFirst:
                event = startValue(byte, window, &p)
            case .objectFirst where byte == UInt8(ascii: "}"):
                event = closeContainer(window, &p)
            case .objectFirst, .key:
                if byte == UInt8(ascii: "\"") {
                    event = string(window, &p, isKey: true)
                } else {
                    event = fail(.malformed(expected: "expected a string property name"), window, p, &p)
                }
            case .colon:
                if byte == UInt8(ascii: ":") {
                    p += 1
                    state = .value
                    event = nil
                } else {
                    event = fail(.malformed(expected: "expected ':' after a property name"), window, p, &p)
                }
            case .afterValue:
                let isObject = frames.last?.isObject ?? false
                if byte == UInt8(ascii: ",") {
                    p += 1
                    state = isObject ? .key : .value
                    event = nil
                } else if byte == (isObject ? UInt8(ascii: "}") : UInt8(ascii: "]")) {
                    event = closeContainer(window, &p)
                } else {
                    event = fail(.malformed(expected: expectationAfterValue), window, p, &p)
                }
            default:
                event = nil
            }
            if let event { return event }
        }
    }

    /// Between top-level values, reads the next one into `flat` when it is an object that
    /// `JSONFlatObject.read` is certain about and that lies whole in the window: returns the line
    /// it is on, with `p` just past it, and the parser where it would be after parsing that
    /// object itself. Otherwise nil, with `p` at most past white space: `next` then reads it.
    ///
    /// Example: with the window `{"Name":"a"}\n{"Name":[1]}\n`, the first call gives line 1,
    /// the second nil (a nested value), and `next` gives the second object as a `JSONValue`.
    mutating func nextFlatObject(_ window: Window, position p: inout Int, into flat: inout JSONFlatObject) -> Int? {
        guard state == .topLevel, maximumDepth >= 1 else { return nil }
        skipWhitespace(window, &p)
        guard p < window.bytes.count, window.bytes[p] == UInt8(ascii: "{"),
            let end = flat.read(window.bytes, from: p), end - p <= maximumValueBytes
        else { return nil }
        p = end
        return line
    }

    /// For a single document: after its value, only white space may follow.
    mutating func finishDocument(_ window: Window, position p: inout Int) -> JSONStreamError? {
        skipWhitespace(window, &p)
        guard p < window.bytes.count else { return nil }
        return error(.malformed(expected: "unexpected text after the JSON value"), window, p)
    }

    /// An error of `kind` at index `offset` of the window, with its line and column.
    mutating func error(_ kind: JSONStreamError.Kind, _ window: Window, _ offset: Int) -> JSONStreamError {
        var kind = kind
        if case .malformed = kind, offset < window.bytes.count, window.bytes[offset] == 0 { kind = .nulByte }
        return JSONStreamError(line: line, column: column(at: window.base + offset, window), kind: kind)
    }

    /// The caller will drop the window's bytes before absolute offset `offset` (at most the position).
    mutating func willDiscard(before offset: Int, _ window: Window) {
        if columnOffset < offset {
            columnCount += Self.scalarCount(window.bytes, columnOffset - window.base, offset - window.base)
            columnOffset = offset
        }
    }

    /// The absolute offset from which the caller must keep its bytes, beyond the position: the
    /// start of the line after the first line of a multi-line item in progress, where reading
    /// resumes if the item turns out malformed. Nil when only bytes from the position are needed.
    /// The bytes kept are part of the item, so they stay under `maximumValueBytes`.
    var retainedOffset: Int? {
        guard itemInProgress, !skipping, let itemLineEnd else { return nil }
        return itemLineEnd + 1
    }

    /// The bytes before absolute offset `offset` (a byte-order mark) are not part of the text.
    mutating func ignore(before offset: Int) {
        lineStart = offset
        columnOffset = offset
        columnCount = 0
    }

    // MARK: - Values

    private mutating func startValue(_ byte: UInt8, _ window: Window, _ p: inout Int) -> Event? {
        if !itemInProgress, frames.isEmpty || (frames.count == 1 && frames[0].isUnrolled) {
            itemInProgress = true
            itemStart = window.base + p
            itemLine = line
            itemColumn = column(at: itemStart, window)
            itemLineEnd = nil
        }
        switch byte {
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            guard frames.count < maximumDepth else {
                return fail(.nestingTooDeep(limit: maximumDepth), window, p, &p)
            }
            let isObject = byte == UInt8(ascii: "{")
            frames.append(Frame(isObject: isObject, isUnrolled: false, valuesBase: values.count, keysBase: keys.count))
            p += 1
            state = isObject ? .objectFirst : .arrayFirst
            return nil
        case UInt8(ascii: "\""):
            return string(window, &p, isKey: false)
        case UInt8(ascii: "t"):
            return literal(Self.trueBytes, .bool(true), window, &p)
        case UInt8(ascii: "f"):
            return literal(Self.falseBytes, .bool(false), window, &p)
        case UInt8(ascii: "n"):
            return literal(Self.nullBytes, .null, window, &p)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return number(window, &p)
        default:
            return fail(.malformed(expected: "expected a JSON value"), window, p, &p)
        }
    }

    /// A value is complete and `p` is just past it: add it to its container, or hand out the item.
    private mutating func completeValue(_ value: JSONValue?, _ window: Window, _ p: Int) -> Event? {
        guard frames.isEmpty || (frames.count == 1 && frames[0].isUnrolled) else {
            if !skipping, let value { values.append(value) }
            state = .afterValue
            return nil
        }
        itemInProgress = false
        state = frames.isEmpty ? .topLevel : .afterValue
        if skipping {
            skipping = false
            return nil
        }
        if window.base + p - itemStart > maximumValueBytes {
            return .error(
                JSONStreamError(line: itemLine, column: itemColumn, kind: .valueTooLarge(limit: maximumValueBytes)))
        }
        return .value(value ?? .null, line: itemLine)
    }

    private mutating func closeContainer(_ window: Window, _ p: inout Int) -> Event? {
        guard let frame = frames.popLast() else { return nil }
        p += 1
        if frame.isUnrolled {
            state = .topLevel
            return nil
        }
        guard !skipping else { return completeValue(nil, window, p) }
        let value: JSONValue
        if frame.isObject {
            let count = keys.count - frame.keysBase
            var members: [(key: String, value: JSONValue)] = []
            members.reserveCapacity(count)
            for index in 0..<count {
                members.append((keys[frame.keysBase + index], values[frame.valuesBase + index]))
            }
            keys.removeLast(count)
            values.removeLast(count)
            value = .object(members)
        } else {
            value = .array(Array(values[frame.valuesBase...]))
            values.removeLast(values.count - frame.valuesBase)
        }
        return completeValue(value, window, p)
    }

    private mutating func literal(_ word: [UInt8], _ value: JSONValue, _ window: Window, _ p: inout Int) -> Event? {
        let bytes = window.bytes
        for (index, expected) in word.enumerated() {
            let offset = p + index
            if offset == bytes.count {
                guard window.atEnd else { return needInput(window) }
                return fail(
                    .malformed(expected: "expected '\(String(decoding: word, as: UTF8.self))'"), window, offset, &p)
            }
            if bytes[offset] != expected {
                return fail(
                    .malformed(expected: "expected '\(String(decoding: word, as: UTF8.self))'"), window, offset, &p)
            }
        }
        let stop = p + word.count
        if frames.isEmpty {
            if stop == bytes.count, !window.atEnd { return needInput(window) }
            if let event = checkDelimiter(window, stop, &p) { return event }
        }
        p = stop
        return completeValue(value, window, p)
    }

    private mutating func number(_ window: Window, _ p: inout Int) -> Event? {
        let bytes = window.bytes
        var stop = p
        while stop < bytes.count, Self.isNumberByte(bytes[stop]) { stop += 1 }
        if stop == bytes.count, !window.atEnd {
            guard skipping else { return needInput(window) }
            p = stop
            state = .skippingNumber
            return .needInput
        }
        if skipping {
            p = stop
            return completeValue(nil, window, p)
        }
        if outgrowsLimit(window, through: stop) {
            // As if read in small chunks: rejected before the number ended, so it is not checked.
            let rejection = startSkipping()
            p = stop
            _ = completeValue(nil, window, p)
            return rejection
        }
        switch Self.validNumberEnd(bytes, p, stop) {
        case .failure(let failure):
            return fail(.malformed(expected: failure.reason), window, failure.offset, &p)
        case .success(let numberEnd):
            if frames.isEmpty, let event = checkDelimiter(window, numberEnd, &p) { return event }
            let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[p..<numberEnd]), as: UTF8.self)
            p = numberEnd
            return completeValue(.number(text), window, p)
        }
    }

    /// A top-level number or literal must be followed by white space, punctuation or the end,
    /// so that `01` or `truex` is an error rather than two values.
    private mutating func checkDelimiter(_ window: Window, _ offset: Int, _ p: inout Int) -> Event? {
        guard offset < window.bytes.count else { return nil }
        switch window.bytes[offset] {
        case 0x20, 0x09, 0x0A, 0x0D, UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: "["), UInt8(ascii: "]"),
            UInt8(ascii: ","), UInt8(ascii: ":"), UInt8(ascii: "\""):
            return nil
        default:
            return fail(.malformed(expected: "unexpected text after the JSON value"), window, offset, &p)
        }
    }

    // MARK: - Strings

    private mutating func string(_ window: Window, _ p: inout Int, isKey: Bool) -> Event? {
        let start = window.base + p
        let scan: StringScan
        if let pending = pendingString, pending.start == start {
            scan = Self.scanString(
                window.bytes, from: pending.resume - window.base, escapes: pending.escapes, nonASCII: pending.nonASCII)
        } else {
            scan = Self.scanString(window.bytes, from: p + 1, escapes: false, nonASCII: false)
        }
        pendingString = nil
        switch scan {
        case .failed(let kind, let offset):
            return fail(kind, window, offset, &p)
        case .open(let resume, let escapes, let nonASCII):
            if window.atEnd {
                return fail(.malformed(expected: "unterminated string"), window, window.bytes.count, &p)
            }
            if skipping {
                p = resume
                state = isKey ? .skippingKey : .skippingString
                return .needInput
            }
            pendingString = PendingString(
                start: start, resume: window.base + resume, escapes: escapes, nonASCII: nonASCII)
            return needInput(window)
        case .closed(let close, let escapes, let nonASCII):
            if skipping {
                p = close + 1
                if isKey {
                    state = .colon
                    return nil
                }
                return completeValue(nil, window, p)
            }
            if outgrowsLimit(window, through: close) {
                // As if read in small chunks: rejected before the string ended, so its text is
                // never decoded or checked (the same items whatever the read sizes).
                let rejection = startSkipping()
                p = close + 1
                if isKey { state = .colon } else { _ = completeValue(nil, window, p) }
                return rejection
            }
            if isKey, !escapes, let key = cachedKey(UnsafeBufferPointer(rebasing: window.bytes[(p + 1)..<close])) {
                p = close + 1
                keys.append(key)
                state = .colon
                return nil
            }
            switch decodeString(window.bytes, p + 1, close, escapes: escapes, nonASCII: nonASCII) {
            case .failure(let failure):
                return fail(failure.kind, window, failure.offset, &p)
            case .success(let text):
                p = close + 1
                if isKey {
                    if !escapes { remember(text) }
                    keys.append(text)
                    state = .colon
                    return nil
                }
                return completeValue(.string(text), window, p)
            }
        }
    }

    /// The name in `keyCache` whose UTF-8 is exactly `bytes` (a name without escapes), if any.
    private func cachedKey(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        guard bytes.count > 15, bytes.count <= 64 else { return nil }
        for cached in keyCache where cached.utf8.count == bytes.count {
            var cached = cached
            let equal = cached.withUTF8 { known in
                for index in 0..<known.count where known[index] != bytes[index] { return false }
                return true
            }
            if equal { return cached }
        }
        return nil
    }

    /// Keeps a long name read without escapes in `keyCache` while there is room.
    private mutating func remember(_ key: String) {
        let length = key.utf8.count
        guard length > 15, length <= 64, keyCache.count < Self.keyCacheLimit else { return }
        keyCache.append(key)
    }

    private mutating func continueSkippedString(_ window: Window, _ p: inout Int) -> Event? {
        let isKey = state == .skippingKey
        switch Self.scanString(window.bytes, from: p, escapes: false, nonASCII: false) {
        case .failed(let kind, let offset):
            return fail(kind, window, offset, &p)
        case .open(let resume, _, _):
            p = resume
            guard window.atEnd else { return .needInput }
            return fail(.malformed(expected: "unterminated string"), window, window.bytes.count, &p)
        case .closed(let close, _, _):
            p = close + 1
            if isKey {
                state = .colon
                return nil
            }
            return completeValue(nil, window, p)
        }
    }

    /// Finds the closing quote of a string whose content starts at `from`.
    private static func scanString(
        _ bytes: UnsafeBufferPointer<UInt8>, from: Int, escapes: Bool, nonASCII: Bool
    ) -> StringScan {
        var index = from
        var escapes = escapes
        var nonASCII = nonASCII
        let end = bytes.count
        // Eight bytes at a time while none is a quote, a backslash, a control character or
        // non-ASCII (the byte loop below then decides): `haszero`/`hasless` from Sean Anderson's
        // "Bit Twiddling Hacks", as in `TerminalText.hasControls`.
        if let base = bytes.baseAddress {
            let ones: UInt64 = 0x0101_0101_0101_0101
            let highs: UInt64 = 0x8080_8080_8080_8080
            while index + 8 <= end {
                let word = UInt64(littleEndian: UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self))
                let quote = word ^ (ones &* 0x22)
                let backslash = word ^ (ones &* 0x5C)
                let special =
                    ((quote &- ones) & ~quote) | ((backslash &- ones) & ~backslash) | (word &- ones &* 0x20) | word
                if special & highs != 0 { break }
                index += 8
            }
        }
        while index < end {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") { return .closed(index, escapes: escapes, nonASCII: nonASCII) }
            if byte == UInt8(ascii: "\\") {
                guard index + 1 < end else { break }
                if bytes[index + 1] < 0x20 {
                    return .failed(.malformed(expected: "invalid escape sequence"), index)
                }
                escapes = true
                index += 2
                continue
            }
            if byte < 0x20 { return .failed(.malformed(expected: "control character in a string"), index) }
            if byte >= 0x80 { nonASCII = true }
            index += 1
        }
        return .open(index, escapes: escapes, nonASCII: nonASCII)
    }

    private struct StringFailure: Error {
        let kind: JSONStreamError.Kind
        let offset: Int
    }

    /// The text of the string content `bytes[start..<close]`, escapes resolved and UTF-8 checked.
    private mutating func decodeString(
        _ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ close: Int, escapes: Bool, nonASCII: Bool
    ) -> Result<String, StringFailure> {
        if nonASCII, let bad = JSONUTF8.firstInvalidByte(bytes, start, close) {
            return .failure(StringFailure(kind: .invalidUTF8(byte: bytes[bad]), offset: bad))
        }
        guard escapes else {
            return .success(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<close]), as: UTF8.self))
        }
        scratch.removeAll(keepingCapacity: true)
        var index = start
        var runStart = start
        while index < close {
            guard bytes[index] == UInt8(ascii: "\\") else {
                index += 1
                continue
            }
            scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
            let escapeStart = index
            let escaped = bytes[index + 1]
            index += 2
            switch escaped {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): scratch.append(escaped)
            case UInt8(ascii: "b"): scratch.append(0x08)
            case UInt8(ascii: "f"): scratch.append(0x0C)
            case UInt8(ascii: "n"): scratch.append(0x0A)
            case UInt8(ascii: "r"): scratch.append(0x0D)
            case UInt8(ascii: "t"): scratch.append(0x09)
            case UInt8(ascii: "u"):
                let unit: UInt32
                switch Self.hex4(bytes, index, close) {
                case .success(let value): unit = value
                case .failure(let failure): return .failure(failure)
                }
                index += 4
                var scalar = unit
                if (0xD800..<0xDC00).contains(unit) {
                    guard index + 6 <= close, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u"),
                        case .success(let low) = Self.hex4(bytes, index + 2, close), (0xDC00..<0xE000).contains(low)
                    else {
                        return .failure(
                            StringFailure(
                                kind: .malformed(expected: "unpaired surrogate in a string"), offset: escapeStart))
                    }
                    index += 6
                    scalar = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00)
                } else if (0xDC00..<0xE000).contains(unit) {
                    return .failure(
                        StringFailure(kind: .malformed(expected: "unpaired surrogate in a string"), offset: escapeStart)
                    )
                }
                JSONUTF8.append(scalar, to: &scratch)
            default:
                return .failure(
                    StringFailure(kind: .malformed(expected: "invalid escape sequence"), offset: escapeStart))
            }
            runStart = index
        }
        scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<close]))
        return .success(String(decoding: scratch, as: UTF8.self))
    }

    private static func hex4(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ limit: Int) -> Result<
        UInt32, StringFailure
    > {
        var value: UInt32 = 0
        for index in start..<start + 4 {
            let digit: UInt8
            let byte = index < limit ? bytes[index] : 0
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default:
                return .failure(
                    StringFailure(
                        kind: .malformed(expected: "expected four hexadecimal digits after \\u"),
                        offset: min(index, limit)))
            }
            value = value << 4 | UInt32(digit)
        }
        return .success(value)
    }

    // MARK: - Numbers

    struct NumberFailure: Error {
        let reason: String
        let offset: Int
    }

    static func isNumberByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "."),
            UInt8(ascii: "e"), UInt8(ascii: "E"):
            true
        default: false
        }
    }

    /// Where the number starting at `start` ends, looking no further than `stop`.
    static func validNumberEnd(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ stop: Int) -> Result<
        Int, NumberFailure
    > {
        func isDigit(_ index: Int) -> Bool {
            index < stop && bytes[index] >= UInt8(ascii: "0") && bytes[index] <= UInt8(ascii: "9")
        }
        var index = start
        if bytes[index] == UInt8(ascii: "-") { index += 1 }
        guard isDigit(index) else { return .failure(NumberFailure(reason: "expected a digit", offset: index)) }
        if bytes[index] == UInt8(ascii: "0") {
            index += 1
        } else {
            while isDigit(index) { index += 1 }
        }
        if index < stop, bytes[index] == UInt8(ascii: ".") {
            index += 1
            guard isDigit(index) else {
                return .failure(NumberFailure(reason: "expected a digit after '.'", offset: index))
            }
            while isDigit(index) { index += 1 }
        }
        if index < stop, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            index += 1
            if index < stop, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
            guard isDigit(index) else {
                return .failure(NumberFailure(reason: "expected a digit in the exponent", offset: index))
            }
            while isDigit(index) { index += 1 }
        }
        return .success(index)
    }

    private static let trueBytes = Array("true".utf8)
    private static let falseBytes = Array("false".utf8)
    private static let nullBytes = Array("null".utf8)

    // MARK: - Errors and input

    /// Reports an error at window index `offset` and resumes at the start of the line after the
    /// one where the broken item began (so a value cut short never swallows the good line after
    /// it), or after the error's own line when the item began there. Errors inside a value
    /// already rejected as too large are not reported again.
    private mutating func fail(_ kind: JSONStreamError.Kind, _ window: Window, _ offset: Int, _ p: inout Int) -> Event?
    {
        var failure = error(kind, window, offset)
        if outgrowsLimit(window, through: offset) {
            // Read in small chunks, the item would have outgrown the limit before this byte came
            // (`needInput`): the same error whatever the read sizes, as on the fast path.
            failure = JSONStreamError(
                line: itemLine, column: itemColumn, kind: .valueTooLarge(limit: maximumValueBytes))
        } else if reportsUnexpectedEnd, window.atEnd, offset == window.bytes.count, itemInProgress || !frames.isEmpty {
            failure = JSONStreamError(
                line: failure.line, column: failure.column,
                kind: .unexpectedEnd(valueStartLine: itemInProgress ? itemLine : arrayLine))
        } else if itemInProgress {
            failure = JSONStreamError(
                line: failure.line, column: failure.column, kind: failure.kind,
                valueStart: JSONTextPosition(line: itemLine, column: itemColumn))
        }
        let resume = retainedOffset.flatMap { $0 >= window.base && $0 <= window.base + offset ? $0 : nil }
        let wasSkipping = skipping
        frames.removeAll(keepingCapacity: frames.capacity <= 64)
        values.removeAll(keepingCapacity: values.capacity <= 1024)
        keys.removeAll(keepingCapacity: keys.capacity <= 1024)
        pendingString = nil
        itemInProgress = false
        skipping = false
        if let resume {
            // Back to the line after the item's first line, counted again from its start.
            line = itemLine + 1
            lineStart = resume
            columnOffset = resume
            columnCount = 0
            state = .topLevel
            p = resume - window.base
        } else {
            state = .resync
            p = offset
        }
        return wasSkipping ? nil : .error(failure)
    }

    /// The window ran out; when the item in progress has outgrown the limit, reject it now and skip
    /// the rest of it without buffering.
    private mutating func needInput(_ window: Window) -> Event {
        guard outgrowsLimit(window, through: window.bytes.count) else { return .needInput }
        return startSkipping()
    }

    /// Whether the item in progress, read up to `offset`, is over `maximumValueBytes` (and not
    /// already being skipped).
    private func outgrowsLimit(_ window: Window, through offset: Int) -> Bool {
        itemInProgress && !skipping && window.base + offset - itemStart > maximumValueBytes
    }

    /// Rejects the item in progress as too large and follows the rest of its grammar without
    /// building anything.
    private mutating func startSkipping() -> Event {
        skipping = true
        values = []
        keys = []
        scratch = []
        pendingString = nil
        return .error(
            JSONStreamError(line: itemLine, column: itemColumn, kind: .valueTooLarge(limit: maximumValueBytes)))
    }

    private var expectationAtEnd: String {
        switch state {
        case .objectFirst, .key: "expected a string property name"
        case .colon: "expected ':' after a property name"
        case .afterValue: expectationAfterValue
        default: "expected a JSON value but the input ended"
        }
    }

    private var expectationAfterValue: String {
        frames.last?.isObject == true
            ? "expected ',' or '}' after an object member" : "expected ',' or ']' after an array element"
    }

    private mutating func skipWhitespace(_ window: Window, _ p: inout Int) {
        let bytes = window.bytes
        while p < bytes.count {
            switch bytes[p] {
            case 0x20, 0x09, 0x0D: p += 1
            case 0x0A:
                newline(at: window.base + p)
                p += 1
            default: return
            }
        }
    }

    private mutating func newline(at offset: Int) {
        if itemInProgress, itemLineEnd == nil { itemLineEnd = offset }
        line += 1
        lineStart = offset + 1
        columnOffset = offset + 1
        columnCount = 0
    }

    /// The 1-based column of absolute offset `offset` on the current line.
    private mutating func column(at offset: Int, _ window: Window) -> Int {
        if offset >= columnOffset {
            columnCount += Self.scalarCount(window.bytes, columnOffset - window.base, offset - window.base)
            columnOffset = offset
            return columnCount + 1
        }
        if lineStart >= window.base {
            return Self.scalarCount(window.bytes, lineStart - window.base, offset - window.base) + 1
        }
        return columnCount + 1
    }

    /// Unicode scalars in `bytes[start..<end]`: the bytes that do not continue a UTF-8 sequence.
    private static func scalarCount(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Int {
        var count = 0
        var index = max(start, 0)
        let stop = min(end, bytes.count)
        while index < stop {
            if bytes[index] & 0xC0 != 0x80 { count += 1 }
            index += 1
        }
        return count
    }
}

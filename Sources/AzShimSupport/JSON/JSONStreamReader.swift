/// Reads the JSON values of a pipeline one at a time, each as soon as its last byte has arrived,
/// without ever reading the whole input first.
///
/// Accepted forms, freely mixed: one value per line (JSON lines); values pretty-printed over
/// several lines; several values on one line (`{"a":1} {"a":2}`); top-level arrays, unrolled one
/// level as PowerShell unrolls a collection (`[{"a":1},[2,3]]` gives `{"a":1}` and `[2,3]`).
/// White space and empty lines between values are ignored, as is a UTF-8 byte-order mark.
///
/// A value that cannot be read becomes an `.error` item (malformed JSON, invalid UTF-8 in a
/// string, a NUL byte, nesting deeper than `JSONParser.maximumDepth`, a value longer than
/// `maximumValueBytes`, input ending inside a value); reading then resumes at the start of the
/// line after the one where that value began (so a value cut short never swallows the good line
/// after it; its error also names where it began), and the values around it still come through.
/// Lines and columns count over the whole stream. Memory holds the value in progress and one read chunk, never the bytes already used,
/// so a stream of 1,000,000 objects runs in the memory of 10; a value over the limit is skipped
/// without being buffered.
///
/// Example: `producer | New-AzCognitiveServicesAccountKey -KeyName Key1` reads its objects with
///
///     var reader = JSONStreamReader(source: FileDescriptorByteSource.standardInput)
///     while let item = reader.next() {
///         switch item {
///         case .value(let object, _): process(object)    // {"ResourceGroupName":"rg","Name":"myluis"}
///         case .error(let error): report(error.message)  // malformed JSON at line 2, column 9: expected a JSON value
///         }
///     }
package struct JSONStreamReader<Source: ByteSource>: IteratorProtocol, Sequence {
    /// The default limit on one value: 16 MiB.
    package static var defaultMaximumValueBytes: Int { 16 << 20 }

    /// Bytes asked of the source per read, and the buffer size kept between values.
    static var chunkSize: Int { 64 << 10 }

    private var source: Source
    private var parser: JSONIncrementalParser
    /// `storage[0..<filled]` holds input bytes; `storage[0]` is byte `base` of the whole input.
    private var storage: [UInt8]
    private var filled = 0
    private var base = 0
    private var position = 0
    private var sourceEnded = false
    private var checkedByteOrderMark = false
    private var finished = false
    /// A failed read ends the input; the error is reported after the values read before it.
    private var readError: JSONStreamError?
    /// The largest the input buffer has been, in bytes: the reader's own measure of its memory,
    /// which stays at one chunk (64 KiB) for a stream of small values however long it is, and
    /// under about twice `maximumValueBytes` for a value over the limit.
    package private(set) var peakBufferBytes: Int

    /// - Parameter maximumValueBytes: the longest single value accepted, in bytes of input
    ///   (for an unrolled top-level array, per element).
    package init(source: Source, maximumValueBytes: Int = 16 << 20) {
        self.source = source
        self.parser = JSONIncrementalParser(
            unrollsTopLevelArrays: true, reportsUnexpectedEnd: true,
            maximumValueBytes: Swift.max(1, maximumValueBytes), maximumDepth: JSONParser.maximumDepth)
        self.storage = [UInt8](repeating: 0, count: Self.chunkSize)
        self.peakBufferBytes = Self.chunkSize
    }

    /// The next value or error, or nil once the input has ended.
    package mutating func next() -> JSONStreamItem? {
        var unused = JSONFlatObject()
        return next(&unused, flat: false)
    }

    /// `next()`, except that a flat object (one `JSONFlatObject.read` accepts, on one line) is
    /// read into `flat` and comes as `.flatObject(line:)`, without building a `JSONValue`; its
    /// `flat.jsonValue` is the value `next()` would have given. The fast path of the pipeline.
    ///
    /// Example: for the lines `{"Name":"a"}` and `{"Name":{"x":1}}`, `.flatObject(line: 1)` with
    /// `flat.value(at: 0) == .string("a")`, then `.value(.object([("Name", .object([("x", .number("1"))]))]), line: 2)`.
    package mutating func next(flatObjectsInto flat: inout JSONFlatObject) -> JSONStreamItem? {
        next(&flat, flat: true)
    }

    private mutating func next(_ flat: inout JSONFlatObject, flat takesFlatObjects: Bool) -> JSONStreamItem? {
        while !finished {
            if checkedByteOrderMark {
                if takesFlatObjects,
                    let line = Self.parseFlat(&parser, &position, storage, filled, base, sourceEnded, &flat)
                {
                    return .flatObject(line: line)
                }
                switch Self.parse(&parser, &position, storage, filled, base, sourceEnded) {
                case .value(let value, let line):
                    return .value(value, line: line)
                case .error(let error):
                    return .error(error)
                case .finished:
                    finish()
                    return readError.map { .error($0) }
                case .needInput:
                    break
                }
            } else if let hasMark = startsWithByteOrderMark {
                checkedByteOrderMark = true
                if hasMark {
                    position = 3
                    parser.ignore(before: 3)
                }
                continue
            }
            guard !sourceEnded else {
                // Not reached: at the end the parser always finishes; stop rather than spin.
                finish()
                return readError.map { .error($0) }
            }
            readMore()
        }
        return nil
    }

    /// Whether the input starts with EF BB BF, or nil while too few bytes have come to tell.
    private var startsWithByteOrderMark: Bool? {
        let mark: [UInt8] = [0xEF, 0xBB, 0xBF]
        for index in 0..<3 {
            guard index < filled else { return sourceEnded ? false : nil }
            if storage[index] != mark[index] { return false }
        }
        return true
    }

    private mutating func finish() {
        finished = true
        storage = []
        filled = 0
        position = 0
    }

    private static func parse(
        _ parser: inout JSONIncrementalParser, _ position: inout Int,
        _ storage: [UInt8], _ filled: Int, _ base: Int, _ atEnd: Bool
    ) -> JSONIncrementalParser.Event {
        storage.withUnsafeBufferPointer { all in
            let window = JSONIncrementalParser.Window(
                bytes: UnsafeBufferPointer(rebasing: all[0..<filled]), base: base, atEnd: atEnd)
            return parser.next(window, position: &position)
        }
    }

    private static func parseFlat(
        _ parser: inout JSONIncrementalParser, _ position: inout Int,
        _ storage: [UInt8], _ filled: Int, _ base: Int, _ atEnd: Bool, _ flat: inout JSONFlatObject
    ) -> Int? {
        storage.withUnsafeBufferPointer { all in
            let window = JSONIncrementalParser.Window(
                bytes: UnsafeBufferPointer(rebasing: all[0..<filled]), base: base, atEnd: atEnd)
            return parser.nextFlatObject(window, position: &position, into: &flat)
        }
    }

    /// Drops the bytes before `position` (or before the line a malformed value would resume
    /// at: `JSONIncrementalParser.retainedOffset`), makes room, and reads once from the source.
    private mutating func readMore() {
        let keep = Swift.min(position, Swift.max(0, (parser.retainedOffset ?? base + position) - base))
        if keep > 0 {
            Self.discard(&parser, storage, filled, base, before: base + keep)
            let count = filled - keep
            storage.withUnsafeMutableBytes { raw in
                guard let start = raw.baseAddress else { return }
                start.copyMemory(from: start + keep, byteCount: count)
            }
            filled = count
            base += keep
            position -= keep
        }
        let chunk = Self.chunkSize
        if storage.count - filled < chunk / 4 {
            storage.append(
                contentsOf: repeatElement(0, count: Swift.max(storage.count, filled + chunk) - storage.count))
        } else if storage.count > 4 * chunk, filled < chunk / 2 {
            // A large value has gone: give its memory back.
            storage = Array(storage[0..<chunk])
        }
        peakBufferBytes = Swift.max(peakBufferBytes, storage.count)
        do {
            let count = try Self.read(&source, into: &storage, from: filled)
            if count == 0 { sourceEnded = true }
            filled += count
        } catch {
            sourceEnded = true
            readError = JSONStreamError(line: parser.line, column: 1, kind: .readFailed(description: "\(error)"))
        }
    }

    private static func discard(
        _ parser: inout JSONIncrementalParser, _ storage: [UInt8], _ filled: Int, _ base: Int, before offset: Int
    ) {
        storage.withUnsafeBufferPointer { all in
            let window = JSONIncrementalParser.Window(
                bytes: UnsafeBufferPointer(rebasing: all[0..<filled]), base: base, atEnd: false)
            parser.willDiscard(before: offset, window)
        }
    }

    private static func read(_ source: inout Source, into storage: inout [UInt8], from offset: Int) throws -> Int {
        try storage.withUnsafeMutableBytes { raw in
            let count = try source.read(into: UnsafeMutableRawBufferPointer(rebasing: raw[offset...]))
            return Swift.min(Swift.max(count, 0), raw.count - offset)
        }
    }
}

import AzShimSupport

/// libFuzzer entry point for the pipeline reader: the first byte chooses how many bytes the
/// source hands out per read (1…256, or whole chunks) and whether a small value limit applies;
/// the rest is stdin. Every item is read; every value is written back compactly and must parse
/// again to the same value, and the pipeline's flat-object fast path (`next(flatObjectsInto:)`,
/// issue 17), reading the same bytes in other chunks, must give the same items (property checks:
/// a difference traps, so libFuzzer reports it).
///
/// Example: `Scripts/fuzz.sh json 60`; the seed `{"ResourceGroupName":"rg","Name":"a"}\n[1,2]`
/// gives three items.
@_cdecl("LLVMFuzzerTestOneInput")
public func jsonStreamFuzzTarget(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    guard let data, size > 0 else { return 0 }
    let control = data[0]
    let input = Array(UnsafeBufferPointer(start: data + 1, count: size - 1))
    let chunkSize = control & 0x80 == 0 ? Int(control & 0x3F) + 1 : 64 << 10
    let maximum = control & 0x40 == 0 ? JSONStreamReader<MemoryByteSource>.defaultMaximumValueBytes : 64
    var reader = JSONStreamReader(source: MemoryByteSource(input, chunkSize: chunkSize), maximumValueBytes: maximum)
    // Other read sizes for the fast path, except with the small limit: an item both over the limit
    // and malformed may be reported as either, and resumed after differently, by read size.
    let fastChunkSize = control & 0x40 == 0 ? 64 - chunkSize % 63 : chunkSize
    var fast = JSONStreamReader(source: MemoryByteSource(input, chunkSize: fastChunkSize), maximumValueBytes: maximum)
    var flat = JSONFlatObject()
    var items = 0
    while let item = reader.next() {
        switch (item, fast.next(flatObjectsInto: &flat)) {
        case (.value(let value, let line), .flatObject(let flatLine)):
            precondition(
                value == flat.jsonValue && line == flatLine,
                "the fast path read a flat object differently: \(item) against \(flat.jsonValue), line \(flatLine)")
        case (let general, let fastItem):
            precondition(
                general == fastItem,
                "the fast path gave another item than the general reader: \(general) against \(String(describing: fastItem))"
            )
        }
        items += 1
        // Every item consumes input, so there can never be more items than bytes (plus a read error).
        precondition(items <= input.count + 1, "the reader produced more items than input bytes")
        switch item {
        case .value(let value, _):
            let text = JSONWriter.compact(value)
            guard let again = try? JSONParser.parse(Array(text.utf8)) else {
                preconditionFailure("a value read from the stream does not parse after writing: \(text)")
            }
            precondition(JSONWriter.compact(again) == text, "a value changed in a write/parse round trip: \(text)")
        case .error(let error):
            _ = error.message.count
        case .flatObject:
            preconditionFailure("next() gave a flat object")
        }
    }
    precondition(fast.next(flatObjectsInto: &flat) == nil, "the fast path gave more items than the general reader")
    return 0
}

import AzShimSupport

/// libFuzzer entry point for the pipeline reader: the first byte chooses how many bytes the
/// source hands out per read (1…256, or whole chunks) and whether a small value limit applies;
/// the rest is stdin. Every item is read; every value is written back compactly and must parse
/// again to the same value (a property check: a difference traps, so libFuzzer reports it).
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
    var items = 0
    while let item = reader.next() {
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
        }
    }
    return 0
}

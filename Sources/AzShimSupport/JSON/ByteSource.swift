/// Where a `JSONStreamReader` gets its bytes: standard input, a file, or memory in tests.
///
/// Example: `JSONStreamReader(source: FileDescriptorByteSource.standardInput)` reads the objects
/// piped into `Get-AzCognitiveServicesAccount | New-AzCognitiveServicesAccountKey -KeyName Key1`.
package protocol ByteSource {
    /// Reads up to `buffer.count` bytes into `buffer` and returns how many were read;
    /// 0 means the input has ended. May return fewer bytes than asked (a pipe gives what it has).
    mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int
}

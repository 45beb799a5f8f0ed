#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A `ByteSource` that calls `read(2)` on a file descriptor it does not own (nor close),
/// retrying when a signal interrupts the call (`EINTR`), except after SIGINT or SIGTERM
/// (`SignalState`), which end the input so the command stops promptly.
///
/// Example: `producer | New-AzCognitiveServicesAccountKey -KeyName Key1` reads its pipeline input
/// through `JSONStreamReader(source: FileDescriptorByteSource.standardInput)`.
package struct FileDescriptorByteSource: ByteSource, Sendable {
    package let fileDescriptor: Int32

    package init(fileDescriptor: Int32) { self.fileDescriptor = fileDescriptor }

    /// File descriptor 0.
    package static var standardInput: FileDescriptorByteSource { FileDescriptorByteSource(fileDescriptor: 0) }

    package mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        guard let address = buffer.baseAddress, buffer.count > 0 else { return 0 }
        while true {
            // A signal that arrived between two reads (while the last object ran) ends the input
            // too; without this check the next read would wait for input that never comes.
            if SignalState.interrupted { return 0 }
            let count = Self.systemRead(fileDescriptor, address, buffer.count)
            if count >= 0 { return count }
            let code = errno
            if code == EINTR {
                if SignalState.interrupted { return 0 }
                continue
            }
            throw ByteSourceError(code: code)
        }
    }

    private static func systemRead(_ descriptor: Int32, _ address: UnsafeMutableRawPointer, _ count: Int) -> Int {
        #if canImport(Glibc)
        return Glibc.read(descriptor, address, count)
        #elseif canImport(Musl)
        return Musl.read(descriptor, address, count)
        #else
        return Darwin.read(descriptor, address, count)
        #endif
    }
}

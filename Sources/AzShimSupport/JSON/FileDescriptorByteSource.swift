#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// A `ByteSource` that calls `read(2)` on a file descriptor it does not own (nor close),
/// retrying when a signal interrupts the call (`EINTR`), and ending the input when its
/// `ReadInterruption` is raised (SIGINT or SIGTERM by default), so the command stops promptly.
/// It waits for input in `poll` together with the interruption's self-pipe, so a signal is never
/// lost between the check of the flag and the wait.
///
/// Example: `producer | New-AzCognitiveServicesAccountKey -KeyName Key1` reads its pipeline input
/// through `JSONStreamReader(source: FileDescriptorByteSource.standardInput)`.
package struct FileDescriptorByteSource: ByteSource, Sendable {
    package let fileDescriptor: Int32
    package let interruption: ReadInterruption

    package init(fileDescriptor: Int32, interruption: ReadInterruption = .signals) {
        self.fileDescriptor = fileDescriptor
        self.interruption = interruption
    }

    /// File descriptor 0.
    package static var standardInput: FileDescriptorByteSource { FileDescriptorByteSource(fileDescriptor: 0) }

    package mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        guard let address = buffer.baseAddress, buffer.count > 0 else { return 0 }
        while true {
            // A signal that arrived between two reads (while the last object ran) ends the input
            // too; one that arrives from here on makes the wake descriptor readable.
            guard try interruption.waitForInput(on: fileDescriptor) else { return 0 }
            let count = Self.systemRead(fileDescriptor, address, buffer.count)
            if count >= 0 { return count }
            let code = errno
            if code == EINTR { continue }
            throw Errno(rawValue: code)
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

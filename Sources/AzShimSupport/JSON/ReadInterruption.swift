#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// What ends a blocking read early: a flag, and a descriptor that becomes readable when the
/// flag is raised (the read end of a self-pipe). The reader waits in `poll` on both its input
/// and that descriptor, so a signal that lands after the flag was checked but before the wait
/// began still wakes it; checking the flag alone leaves that window open.
///
/// Example: `FileDescriptorByteSource.standardInput` uses `ReadInterruption.signals`, raised
/// by SIGINT or SIGTERM (`SignalState`): Ctrl+C on `New-AzCognitiveServicesAccountKey -KeyName Key1`
/// waiting on an idle pipe ends its input at once.
package struct ReadInterruption: Sendable {
    /// True once the read must stop.
    package let isRaised: @Sendable () -> Bool
    /// Readable once `isRaised` is true (and left readable), or nil when there is none to wait
    /// on (then only the flag is checked, before and after each read).
    package let wakeDescriptor: @Sendable () -> Int32?

    package init(isRaised: @escaping @Sendable () -> Bool, wakeDescriptor: @escaping @Sendable () -> Int32?) {
        self.isRaised = isRaised
        self.wakeDescriptor = wakeDescriptor
    }

    /// SIGINT and SIGTERM, as `SignalState.install()` catches them.
    package static let signals = ReadInterruption(
        isRaised: { SignalState.interrupted }, wakeDescriptor: { SignalState.wakeDescriptor })

    /// Waits until `descriptor` has input (or its end, or an error) or the interruption is
    /// raised; returns false when the interruption ended the wait.
    func waitForInput(on descriptor: Int32) throws(Errno) -> Bool {
        while true {
            if isRaised() { return false }
            guard let wake = wakeDescriptor() else { return true }
            var descriptors = [
                pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0),
                pollfd(fd: wake, events: Int16(POLLIN), revents: 0),
            ]
            let ready = poll(&descriptors, 2, -1)
            if ready < 0 {
                let code = errno
                if code == EINTR { continue }
                throw Errno(rawValue: code)
            }
            if isRaised() { return false }
            // Input, its end, or an error (a read reports which); a wake without the flag is spurious.
            if descriptors[0].revents != 0 { return true }
        }
    }
}

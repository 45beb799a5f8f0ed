import AzShimSupport
import FakeAzure
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// The socket side the two loopback fakes share (`LoopbackListener`): a taken port is the
/// `Errno` bind gave, connections are counted, and `stop()` ends an open connection.
@Suite struct LoopbackListenerTests {
    /// A blocking connection to 127.0.0.1:`port` with a 10 s receive timeout.
    static func connect(to port: Int) throws -> Int32 {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        try #require(fd >= 0)
        var timeout = timeval(tv_sec: 10, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = UInt16(port).bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                Glibc.connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        try #require(connected == 0)
        return fd
    }

    @Test func aTakenPortIsAddressInUse() throws {
        let first = try FakeAzureServer()
        defer { first.stop() }
        #expect(throws: Errno(rawValue: EADDRINUSE)) { try FakeAzureServer(port: first.port) }
        #expect(throws: Errno(rawValue: EADDRINUSE)) { try FakeAzureServer(port: first.port).stop() }
    }

    @Test(arguments: [false, true])
    func stopEndsAnOpenConnection(raw: Bool) throws {
        let fake: FakeAzureServer? = raw ? nil : try FakeAzureServer()
        let rawServer: RawResponseServer? = raw ? try RawResponseServer { _ in [.send(RawResponseServer.token)] } : nil
        let port = try #require(fake?.port ?? rawServer?.port)
        let client = try Self.connect(to: port)
        defer { close(client) }
        // The connection is counted once the accept thread has taken it.
        var waited = 0
        while (fake?.connectionsAccepted ?? rawServer?.connectionsAccepted ?? 0) < 1 && waited < 10_000 {
            usleep(1000)
            waited += 1
        }
        #expect((fake?.connectionsAccepted ?? rawServer?.connectionsAccepted) == 1)
        fake?.stop()
        rawServer?.stop()
        var byte: UInt8 = 0
        // The end of the stream (0), not the 10 s timeout (-1 with EAGAIN).
        #expect(recv(client, &byte, 1, 0) == 0)
    }
}

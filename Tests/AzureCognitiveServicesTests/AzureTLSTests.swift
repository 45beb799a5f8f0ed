import AzShimSupport
import Foundation
import HTTP1
import TestSupport
import Testing

@testable import AzureCognitiveServices
@testable import HTTP1

#if canImport(Glibc)
    import Glibc
#endif

/// The HTTPS path (dlopen'd OpenSSL) against `openssl s_server` on loopback with a
/// self-signed certificate for `localhost`, trusted through `AZSHIM_CA_FILE`. Skipped when
/// the `openssl` command is missing.
@Suite(.serialized) struct AzureTLSTests {
    static let openssl = ["/usr/bin/openssl", "/usr/local/bin/openssl", "/opt/homebrew/bin/openssl"].first {
        FileManager.default.isExecutableFile(atPath: $0)
    }

    final class TLSServer {
        let process: BackgroundProcess
        let port: Int
        let certificate: String

        init(openssl: String) throws {
            let directory = AzureTestEnvironment.temporaryDirectory()
            certificate = directory + "/cert.pem"
            let generate = try ChildProcess.run(
                openssl,
                [
                    "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
                    "-keyout", directory + "/key.pem", "-out", certificate, "-days", "1", "-subj", "/CN=localhost",
                    "-addext", "subjectAltName=DNS:localhost",
                ])
            guard generate.status == 0 else { throw TestFailure("openssl req failed: \(generate.stderrText)") }
            port = AzureTestEnvironment.closedPort()
            process = try BackgroundProcess(
                openssl,
                [
                    "s_server", "-accept", "127.0.0.1:\(port)", "-cert", certificate, "-key", directory + "/key.pem",
                    "-www", "-quiet",
                ])
            // Wait until it listens.
            let client = HTTPClient()
            for _ in 0..<100 {
                let probe = HTTPMessage.Request(
                    method: "GET", url: HTTPURL("http://127.0.0.1:\(port)/")!, headers: [], body: nil)
                do {
                    _ = try client.send(probe, timeout: .milliseconds(200), cancellation: Cancellation())
                    break
                } catch {
                    if case .connectionFailed(_, let reason) = error, reason == "Connection refused" {
                        usleep(50_000)
                        continue
                    }
                    break  // it answered (plain HTTP to a TLS port fails some other way)
                }
            }
        }

        deinit { process.stop() }
    }

    func get(_ url: String, caFile: String?) throws(HTTPClientError) -> HTTPMessage.Response {
        let client = HTTPClient(settings: HTTPClient.Settings(extraCAFile: caFile))
        let request = HTTPMessage.Request(method: "GET", url: HTTPURL(url)!, headers: [("Accept", "*/*")], body: nil)
        return try client.send(request, timeout: .seconds(10), cancellation: Cancellation())
    }

    @Test(.enabled(if: openssl != nil, "the openssl command is not installed")) func httpsWithATrustedCertificate()
        throws
    {
        let server = try TLSServer(openssl: try #require(Self.openssl))
        let response = try get("https://localhost:\(server.port)/", caFile: server.certificate)
        #expect(response.statusCode == 200)
        #expect(String(decoding: response.body, as: UTF8.self).contains("s_server"))
    }

    @Test(.enabled(if: openssl != nil, "the openssl command is not installed")) func untrustedCertificateIsRefused()
        throws
    {
        let server = try TLSServer(openssl: try #require(Self.openssl))
        do {
            _ = try get("https://localhost:\(server.port)/", caFile: nil)
            Issue.record("expected a TLS failure")
        } catch {
            guard case .connectionFailed(let endpoint, let reason) = error else {
                Issue.record("\(error)")
                return
            }
            #expect(endpoint == "https://localhost:\(server.port)")
            #expect(
                reason.hasPrefix("TLS handshake failed: certificate verify failed (self-signed certificate"),
                "\(reason)")
        }
    }

    @Test(.enabled(if: openssl != nil, "the openssl command is not installed")) func wrongHostNameIsRefused() throws {
        let server = try TLSServer(openssl: try #require(Self.openssl))
        do {
            _ = try get("https://127.0.0.1:\(server.port)/", caFile: server.certificate)
            Issue.record("expected a TLS failure")
        } catch {
            guard case .connectionFailed(_, let reason) = error else {
                Issue.record("\(error)")
                return
            }
            #expect(
                reason.hasPrefix("TLS handshake failed: certificate verify failed (IP address mismatch"), "\(reason)")
        }
    }

    /// `AZSHIM_CA_FILE=<(cat key.pem cert.pem)`: the pipe is read (bounded, see `FileSystem.read`),
    /// the key block skipped, the certificate trusted.
    @Test(.enabled(if: openssl != nil, "the openssl command is not installed")) func caFileFromAPipe() throws {
        let server = try TLSServer(openssl: try #require(Self.openssl))
        let folder = (server.certificate as NSString).deletingLastPathComponent
        let pem =
            try String(contentsOfFile: folder + "/key.pem", encoding: .utf8)
            + String(contentsOfFile: server.certificate, encoding: .utf8)
        var ends: [Int32] = [-1, -1]
        #expect(pipe(&ends) == 0)
        defer { close(ends[0]) }
        _ = Array(pem.utf8).withUnsafeBytes { write(ends[1], $0.baseAddress, $0.count) }
        close(ends[1])
        let response = try get("https://localhost:\(server.port)/", caFile: "/dev/fd/\(ends[0])")
        #expect(response.statusCode == 200)
    }

    /// What `TLSContext` says about `AZSHIM_CA_FILE` content, or nil when it loads.
    static func caFileProblem(_ path: String, timeout: Duration = .seconds(30)) -> String? {
        do {
            _ = try TLSContext(extraCAFile: path, readTimeout: timeout)
            return nil
        } catch {
            guard case .connectionFailed("https", let reason) = error else { return "\(error)" }
            return reason
        }
    }

    @Test(.enabled(if: openssl != nil, "the openssl command is not installed"))
    func caFileFIFOWithoutWriterTimesOut() throws {
        let folder = AzureTestEnvironment.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/ca.pem"
        #expect(mkfifo(path, 0o600) == 0)
        let start = ContinuousClock.now
        #expect(
            Self.caFileProblem(path, timeout: .milliseconds(300))
                == "cannot load the CA file '\(path)' from AZSHIM_CA_FILE: it did not end within 0.3 s (a FIFO or pipe is read until its writer closes it)"
        )
        #expect(ContinuousClock.now - start < .seconds(3))
    }

    @Test(.enabled(if: openssl != nil, "the openssl command is not installed"))
    func caFileWithoutCertificatesOrWithABrokenOneIsRefused() throws {
        let folder = AzureTestEnvironment.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let empty = folder + "/empty.pem"
        try "no certificates here\n".write(toFile: empty, atomically: true, encoding: .utf8)
        #expect(
            Self.caFileProblem(empty)
                == "cannot load the CA file '\(empty)' from AZSHIM_CA_FILE: it holds no certificate (-----BEGIN CERTIFICATE-----)"
        )
        let broken = folder + "/broken.pem"
        try "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n".write(
            toFile: broken, atomically: true, encoding: .utf8)
        let problem = try #require(Self.caFileProblem(broken))
        #expect(problem.hasPrefix("cannot load the CA file '\(broken)' from AZSHIM_CA_FILE: error:"), "\(problem)")
        #expect(!problem.contains("no certificate"))
    }
}

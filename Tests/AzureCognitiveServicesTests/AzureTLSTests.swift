import Foundation
import HTTP1
import TestSupport
import Testing

@testable import AzureCognitiveServices

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
                    _ = try client.send(probe, timeout: 0.2, cancellation: Cancellation())
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
        return try client.send(request, timeout: 10, cancellation: Cancellation())
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
}

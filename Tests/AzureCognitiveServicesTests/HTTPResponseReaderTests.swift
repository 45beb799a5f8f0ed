import AzShimSupport
import HTTP1
import Testing

@testable import AzureCognitiveServices

/// The response reader on bytes in memory, handed out a few at a time (every framing rule of
/// RFC 9112 it enforces, one row each), and the numbers that come from the network: the
/// `Retry-After` forms, HTTP dates and the seconds formatter.
@Suite struct HTTPResponseReaderTests {
    final class Bytes: HTTPByteStream {
        let origin = "http://reader.test"
        var buffer: [UInt8] = []
        private let bytes: [UInt8]
        private let chunk: Int
        private var offset = 0

        init(_ text: String, chunk: Int = 3) {
            bytes = Array(text.utf8)
            self.chunk = chunk
        }

        func receive(into target: inout [UInt8], deadline: MonotonicInstant, cancellation: Cancellation)
            throws(HTTPClientError) -> Int
        {
            let count = min(chunk, bytes.count - offset)
            target += bytes[offset..<(offset + count)]
            offset += count
            return count
        }
    }

    static func read(
        _ text: String, method: HTTPMethod = "GET", limits: HTTPResponseReader.Limits = .init(), chunk: Int = 3
    ) throws(HTTPResponseError) -> (HTTPMessage.Response, reusable: Bool) {
        try HTTPResponseReader.read(
            from: Bytes(text, chunk: chunk), method: method, deadline: .distantFuture, limits: limits,
            cancellation: Cancellation())
    }

    struct Good: Sendable, CustomTestStringConvertible {
        var name: String
        var wire: String
        var status: Int
        var body: String
        var reusable: Bool
        /// Bytes per read.
        var chunk = 3
        var testDescription: String { name }
    }

    @Test(arguments: [
        Good(
            name: "Content-Length", wire: "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\n{}", status: 200, body: "{}",
            reusable: true),
        Good(
            name: "equal Content-Length values",
            wire: "HTTP/1.1 200 OK\r\nContent-Length: 2, 02\r\nContent-Length: 2\r\n\r\n{}", status: 200, body: "{}",
            reusable: true),
        Good(
            name: "chunked with extensions and trailers",
            wire: "HTTP/1.1 200 OK\r\nTransfer-Encoding: Chunked\r\n\r\n2 ;a=b\r\n{}\r\n000\r\nX: y\r\n\r\n",
            status: 200, body: "{}", reusable: true),
        Good(
            name: "interim responses first",
            wire:
                "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 103 Early Hints\r\nLink: </x>\r\n\r\nHTTP/1.1 201 Created\r\nContent-Length: 0\r\n\r\n",
            status: 201, body: "", reusable: true),
        Good(name: "close-delimited", wire: "HTTP/1.1 500 X\r\n\r\nbody", status: 500, body: "body", reusable: false),
        Good(
            name: "Connection: close",
            wire: "HTTP/1.1 200 OK\r\nConnection: keep-alive, close\r\nContent-Length: 0\r\n\r\n", status: 200,
            body: "", reusable: false),
        Good(
            name: "HTTP/1.0 keep-alive", wire: "HTTP/1.0 200 OK\r\nConnection: Keep-Alive\r\nContent-Length: 0\r\n\r\n",
            status: 200, body: "", reusable: true),
        Good(name: "no reason phrase", wire: "HTTP/1.1 204\r\n\r\n", status: 204, body: "", reusable: true),
        Good(
            name: "a 204 ignores its Content-Length", wire: "HTTP/1.1 204 No Content\r\nContent-Length: 7\r\n\r\n",
            status: 204, body: "", reusable: true),
        Good(
            name: "bytes after the response: not reusable", wire: "HTTP/1.1 200 OK\r\nContent-Length: 1\r\n\r\nab",
            status: 200, body: "a", reusable: false, chunk: 100),
    ])
    func reads(_ good: Good) throws {
        let (response, reusable) = try Self.read(good.wire, chunk: good.chunk)
        #expect(response.statusCode == good.status)
        #expect(String(decoding: response.body, as: UTF8.self) == good.body)
        #expect(reusable == good.reusable)
    }

    @Test func obsFoldBecomesASpace() throws {
        let (response, _) = try Self.read("HTTP/1.1 200 OK\r\nX-A: one\r\n\t two\r\nContent-Length: 0\r\n\r\n")
        #expect(response.headers["X-A"] == "one two")
    }

    @Test func headResponseHasNoBody() throws {
        let (response, _) = try Self.read("HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\n", method: "HEAD")
        #expect(response.body.isEmpty)
    }

    struct Bad: Sendable, CustomTestStringConvertible {
        var name: String
        var wire: String
        var error: HTTPResponseError
        var limits = HTTPResponseReader.Limits()
        /// Bytes per read.
        var chunk = 3
        var testDescription: String { name }
    }

    static let small = HTTPResponseReader.Limits(headBytes: 100, bodyBytes: 10, chunkLineBytes: 20)

    @Test(arguments: [
        Bad(name: "nothing at all", wire: "", error: .closedBeforeResponse),
        Bad(
            name: "two Content-Length values",
            wire: "HTTP/1.1 200 OK\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\nab",
            error: .malformed("two different Content-Length values")),
        Bad(
            name: "Content-Length +1", wire: "HTTP/1.1 200 OK\r\nContent-Length: +1\r\n\r\na",
            error: .malformed("invalid Content-Length (not a decimal number)")),
        Bad(
            name: "Content-Length -1", wire: "HTTP/1.1 200 OK\r\nContent-Length: -1\r\n\r\n",
            error: .malformed("invalid Content-Length (not a decimal number)")),
        Bad(
            name: "Content-Length 1,", wire: "HTTP/1.1 200 OK\r\nContent-Length: 1,\r\n\r\na",
            error: .malformed("invalid Content-Length (not a decimal number)")),
        Bad(
            name: "Content-Length of 40 digits",
            wire: "HTTP/1.1 200 OK\r\nContent-Length: \(String(repeating: "9", count: 40))\r\n\r\n",
            error: .tooLarge(10_485_760)),
        Bad(
            name: "a close-delimited body over the cap that came with the head (found by fuzzing)",
            wire: "HTTP/1.1 200 OK\r\n\r\n" + String(repeating: "x", count: 11), error: .tooLarge(10), limits: small,
            chunk: 1000),
        Bad(
            name: "a body over the cap", wire: "HTTP/1.1 200 OK\r\nContent-Length: 11\r\n\r\n", error: .tooLarge(10),
            limits: small),
        Bad(
            name: "a chunk over the cap",
            wire: "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nabcde\r\n6\r\n", error: .tooLarge(10),
            limits: small),
        Bad(
            name: "a chunk size near Int.max",
            wire: "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n1\r\na\r\n7FFFFFFFFFFFFFFF\r\n",
            error: .tooLarge(10_485_760)),
        Bad(
            name: "no CRLF after chunk data",
            wire: "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n1\r\nab0\r\n\r\n",
            error: .malformed("chunk data is not followed by CRLF")),
        Bad(
            name: "a bare LF after a chunk size",
            wire: "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n1\na\r\n0\r\n\r\n",
            error: .malformed("a line in a chunked body does not end with CRLF")),
        Bad(
            name: "a signed chunk size", wire: "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n+1\r\na\r\n",
            error: .malformed("a chunk-size line does not start with a hexadecimal size")),
        Bad(
            name: "junk after a chunk size", wire: "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n1 x\r\na\r\n",
            error: .malformed("invalid characters after a chunk size")),
        Bad(
            name: "a long chunk-size line",
            wire: "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n1;\(String(repeating: "x", count: 30))\r\n",
            error: .malformed("a chunk-size line exceeds 20 bytes"),
            limits: HTTPResponseReader.Limits(headBytes: 100, bodyBytes: 100, chunkLineBytes: 20)),
        Bad(
            name: "chunk framing over the cap",
            wire: "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n" + String(repeating: "1\r\na\r\n", count: 10),
            error: .tooLarge(10), limits: HTTPResponseReader.Limits(headBytes: 100, bodyBytes: 10, chunkLineBytes: 5)),
        Bad(
            name: "trailers over the head budget",
            wire: "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n"
                + String(repeating: "X: y\r\n", count: 30),
            error: .malformed("the response head exceeds 100 bytes (interim responses and trailers included)"),
            limits: small),
        Bad(
            name: "interim responses over the head budget",
            wire: String(repeating: "HTTP/1.1 100 Continue\r\n\r\n", count: 10),
            error: .malformed("the response head exceeds 100 bytes (interim responses and trailers included)"),
            limits: small),
        Bad(
            name: "101 Switching Protocols", wire: "HTTP/1.1 101 Switching Protocols\r\n\r\n",
            error: .malformed("the server switched protocols (101), which AzShim never asks for")),
        Bad(
            name: "Transfer-Encoding and Content-Length",
            wire: "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nContent-Length: 1\r\n\r\n",
            error: .malformed("both Transfer-Encoding and Content-Length (the body could be read two ways)")),
        Bad(
            name: "Transfer-Encoding: chunked, gzip",
            wire: "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked, gzip\r\n\r\n",
            error: .malformed("unsupported Transfer-Encoding (only chunked is accepted)")),
        Bad(
            name: "a status of 099", wire: "HTTP/1.1 099 X\r\n\r\n",
            error: .malformed("the status line is not 'HTTP/1.x NNN …' (it starts 'HTTP/1.1 099 X')")),
        Bad(
            name: "HTTP/2 status line", wire: "HTTP/2 200\r\n\r\n",
            error: .malformed("the status line is not 'HTTP/1.x NNN …' (it starts 'HTTP/2 200')")),
        Bad(
            name: "a CR inside a header value", wire: "HTTP/1.1 200 OK\r\nX: a\rb\r\n\r\n",
            error: .malformed("header line 1 contains a carriage return")),
        Bad(
            name: "a header name with a space", wire: "HTTP/1.1 200 OK\r\nX Y: a\r\n\r\n",
            error: .malformed("header line 1 is not 'name: value'")),
        Bad(
            name: "a continuation line first", wire: "HTTP/1.1 200 OK\r\n a\r\n\r\n",
            error: .malformed("the first header line is a continuation line")),
        Bad(
            name: "cut inside the head", wire: "HTTP/1.1 200 OK\r\nContent-",
            error: .truncated("the connection closed inside the response head")),
        Bad(
            name: "cut inside the body", wire: "HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nab",
            error: .truncated("the connection closed after 2 of 5 body bytes")),
    ])
    func rejects(_ bad: Bad) {
        #expect(throws: bad.error) { try Self.read(bad.wire, limits: bad.limits, chunk: bad.chunk) }
    }

    @Test("a deadline in the past stops the reader before it reads")
    func deadline() {
        #expect(throws: HTTPResponseError.transport(.timedOut(endpoint: "http://reader.test", after: .zero))) {
            try HTTPResponseReader.read(
                from: Bytes("HTTP/1.1 200 OK\r\n\r\n"), method: "GET", deadline: MonotonicInstant(nanoseconds: 0),
                cancellation: Cancellation())
        }
    }

    @Test(
        "HTTP dates: the three forms parse; out-of-range numbers are no date, never a trap",
        arguments: [
            ("Wed, 21 Oct 2015 07:28:00 GMT", 1_445_412_480.0), ("Wednesday, 21-Oct-15 07:28:00 GMT", 1_445_412_480),
            ("Wed Oct 21 07:28:00 2015", 1_445_412_480), ("Wed, 21 Oct 999999999999 07:28:00 GMT", nil),
            ("Wed, 21 Oct 99999999999999999999999 07:28:00 GMT", nil), ("Wed, 32 Oct 2015 07:28:00 GMT", nil),
            ("Wed, 21 Oct 2015 24:00:00 GMT", nil), ("Wed, 21 Oct 2015 07:28:-1 GMT", nil),
            ("Wed, 21 Oct 0 07:28:00 GMT", nil),
            ("Wed, 21 Oct 2015 7:28:00:00 GMT", nil), (String(repeating: "9", count: 100), nil),
        ] as [(String, Double?)])
    func httpDates(_ text: String, _ expected: Double?) {
        #expect(AzureHTTPDate.parse(text) == expected)
    }

    @Test(
        "Retry-After and retry-after-ms: plain decimals only",
        arguments: [
            ("Retry-After", "5", 5.0), ("Retry-After", "1e300", nil), ("Retry-After", "+5", nil),
            ("Retry-After", "5.5", nil),
            ("retry-after-ms", "1500", 1.5), ("retry-after-ms", "1500.5", 1500.5 / 1000),
            ("retry-after-ms", "inf", nil),
            ("retry-after-ms", "nan", nil), ("retry-after-ms", "-5", nil), ("retry-after-ms", "0x10", nil),
            ("Retry-After", String(repeating: "9", count: 40), 1e40),
        ] as [(String, String, Double?)])
    func retryAfter(_ name: String, _ value: String, _ expected: Double?) {
        let transport = AzureRetryingTransport(wrapping: EmptyTransport(), clock: FakeClock())
        #expect(transport.retryAfter(ARMResponse(statusCode: 429, headers: [(name, value)])) == expected)
    }

    final class EmptyTransport: ARMTransport {
        func send(_ request: ARMRequest, diagnostics: AzureDiagnostics) throws(ARMTransportError) -> ARMResponse {
            ARMResponse(statusCode: 200)
        }
    }

    @Test(
        "seconds format for any value, never a trap",
        arguments: [
            (3.0, "3"), (0.5, "0.5"), (2.3000000000000003, "2.3"), (1e300, "1e+300"), (-1e300, "-1e+300"),
            (Double.infinity, "infinitely many"), (Double.nan, "an unknown number of"), (1e15, "1000000000000000.0"),
            (123_456, "123456"),
        ])
    func formatSeconds(_ value: Double, _ expected: String) {
        #expect(ARMErrorMessages.formatSeconds(value) == expected)
    }

    @Test(
        "request header values are checked before anything is sent",
        arguments: [
            (
                "Authorization", "Bearer abc\r\nX-Evil: 1",
                "the Authorization header contains a carriage return at character 11"
            ),
            ("X-A", "a\nb", "the X-A header contains a line feed at character 2"),
            ("X-A", "a\u{0}b", "the X-A header contains a NUL byte at character 2"),
            ("X-A", "a\u{1B}b", "the X-A header contains the control character U+001B at character 2"),
            ("X A", "b", "a header name contains a character a header name cannot have"),
        ])
    func requestHeaders(_ name: String, _ value: String, _ problem: String) throws {
        let url = try #require(HTTPURL("http://127.0.0.1:9/x"))
        let request = HTTPMessage.Request(method: "GET", url: url, headers: [(name, value)], body: nil)
        #expect(
            throws: HTTPClientError.refused(reason: "The request to http://127.0.0.1:9 was not sent: \(problem).")
        ) {
            try HTTPClient.serializeHead(request)
        }
    }

    @Test("URLs with spaces, control characters or raw non-ASCII are no URLs")
    func urls() {
        #expect(HTTPURL("http://127.0.0.1:9/x\r\nX: y") == nil)
        #expect(HTTPURL("http://127.0.0.1:9/a b") == nil)
        #expect(HTTPURL("http://exämple.com/") == nil)
        #expect(HTTPURL("http://127.0.0.1:9/a%20b") != nil)
    }

    @Test(
        "bearer tokens: b64token only",
        arguments: [
            ("eyJ0eXAi.eyJhdWQi.c2ln-_~+/==", nil), ("abc\r\ndef", "it contains a carriage return at character 4"),
            ("abc def", "it contains a space at character 4"),
            ("abc\"def", "it contains a character a bearer token cannot have at character 4"),
            ("=abc", "it contains a character a bearer token cannot have at character 1"),
            ("ab=c", "it contains a character a bearer token cannot have at character 4"),
        ] as [(String, String?)])
    func bearerTokens(_ token: String, _ problem: String?) {
        #expect(AzureAccessToken.bearerProblem(token) == problem)
    }
}

import AzShimSupport
@testable import AzureCognitiveServices
@testable import HTTP1

/// libFuzzer entry point for the HTTP/1.1 response reader and the numbers it hands on: the first
/// byte chooses how many bytes each read returns (1…64, or all), the request method (a HEAD has
/// no body) and the limits (tiny, to reach every cap, or the real ones); the rest is what the
/// server sent. Responses are read one after another as on a kept-alive connection until an
/// error or the end; each must respect its limits (properties checked with `precondition`, so a
/// breach is a crash libFuzzer reports), and every header value also goes through the
/// `Retry-After` parsers and the seconds formatter, which must be total.
///
/// Example: `Scripts/fuzz.sh http 60`; the seed `HTTP/1.1 100 Continue␍␊␍␊HTTP/1.1 200 OK␍␊
/// Transfer-Encoding: chunked␍␊␍␊5␍␊hello␍␊0␍␊␍␊` is one interim and one chunked response.
@_cdecl("LLVMFuzzerTestOneInput")
public func httpResponseFuzzTarget(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    guard let data, size > 0 else { return 0 }
    let control = data[0]
    let input = Array(UnsafeBufferPointer(start: data + 1, count: size - 1))
    let stream = MemoryHTTPStream(input, chunk: control & 0x40 == 0 ? Int(control & 0x3F) + 1 : Int.max)
    let method: HTTPMethod = [.get, .post, .head, .get][Int(control >> 6 & 0x3) & 0x3]
    var limits = HTTPResponseReader.Limits()
    if control & 0x80 != 0 {
        limits = HTTPResponseReader.Limits(headBytes: 300, bodyBytes: 200, chunkLineBytes: 40)
    }
    let retrying = AzureRetryingTransport(wrapping: NoTransport(), clock: FixedClock())
    var responses = 0
    while responses <= input.count {
        let before = stream.consumed - stream.buffer.count
        let result: (HTTPMessage.Response, reusable: Bool)
        do {
            result = try HTTPResponseReader.read(
                from: stream, method: method, deadline: .distantFuture, limits: limits, cancellation: Cancellation())
        } catch {
            let failure = error.transportError(origin: stream.origin)
            _ = ARMErrorMessages.record(for: AzureHTTPPipeline.transportError(failure, scrubbing: AzureSecretRegistry())).message.count
            break
        }
        responses += 1
        let (response, _) = result
        let after = stream.consumed - stream.buffer.count
        precondition(after > before, "a response was read without consuming input")
        precondition(response.body.count <= limits.bodyBytes, "the body exceeds its cap")
        precondition((200...999).contains(response.statusCode), "an interim or invalid status was returned")
        if method == "HEAD" { precondition(response.body.isEmpty, "a HEAD response has a body") }
        for header in response.headers {
            precondition(HTTPFieldRules.isToken(header.name.utf8), "a header name is not a token")
            precondition(
                header.value.utf8.allSatisfy { $0 != 13 && $0 != 10 && $0 != 0 }, "a header value holds CR, LF or NUL")
            if let date = AzureHTTPDate.parse(header.value) {
                precondition(date.isFinite && abs(date) < 1e12, "a date beyond year 9999")
            }
            if let seconds = AzureRetryingTransport.decimal(header.value, fraction: true) {
                _ = ARMErrorMessages.formatSeconds(seconds).count
            }
        }
        if let wait = retrying.retryAfter(ARMResponse(statusCode: response.statusCode, headers: response.headers)) {
            precondition(wait >= 0 && wait.isFinite, "a Retry-After wait that is negative or not finite")
            _ = ARMErrorMessages.formatSeconds(wait).count
            _ = ARMErrorMessages.formatSeconds(wait.rounded(.up)).count
        }
        if stream.buffer.isEmpty && stream.consumed == input.count { break }
    }
    // Any Double at all must format without trapping.
    if input.count >= 8 {
        let bits = input.prefix(8).reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
        _ = ARMErrorMessages.formatSeconds(Double(bitPattern: bits)).count
    }
    return 0
}

/// The server's bytes in memory, handed out `chunk` bytes per read.
final class MemoryHTTPStream: HTTPByteStream {
    let origin = "http://fuzz.invalid"
    var buffer: [UInt8] = []
    private let bytes: [UInt8]
    private let chunk: Int
    private(set) var consumed = 0

    init(_ bytes: [UInt8], chunk: Int) {
        self.bytes = bytes
        self.chunk = chunk
    }

    func receive(into target: inout [UInt8], deadline: MonotonicInstant, cancellation: Cancellation)
        throws(HTTPClientError) -> Int
    {
        let count = min(chunk, bytes.count - consumed)
        target += bytes[consumed..<(consumed + count)]
        consumed += count
        return count
    }
}

/// A transport that is never called (the fuzz target only asks the retrying transport to parse).
final class NoTransport: ARMTransport {
    func send(_ request: ARMRequest, diagnostics: AzureDiagnostics) throws(ARMTransportError) -> ARMResponse {
        throw .cancelled
    }
}

/// 2026-01-01T00:00:00Z for ever.
struct FixedClock: AzureClock {
    func now() -> Double { 1_767_225_600 }
    func sleep(for span: Duration, cancellation: Cancellation) throws(ARMTransportError) {}
}

import AzShimSupport

/// Reads one HTTP/1.1 response from an `HTTPByteStream` (RFC 9112), strictly, as from a hostile
/// server: the status line, header fields, interim (1xx) responses, and a body delimited by
/// `Content-Length`, chunked transfer coding or the end of the connection.
///
/// - Time: the deadline is checked before every read, so no stream of interim responses,
///   trailers or trickled bytes outlives it; a `101 Switching Protocols` fails at once.
/// - Size: the heads of the response and of its interim responses and its trailers share one
///   budget (`Limits.headBytes`); the body and, separately, its chunk framing are capped at
///   `Limits.bodyBytes`; every number is checked before any arithmetic.
/// - Framing: two different `Content-Length` values, a sign or anything but digits in one,
///   `Transfer-Encoding` together with `Content-Length`, a coding other than `chunked`, a chunk
///   whose data is not followed by CRLF, and control characters in a header are all errors.
///
/// Example: `HTTP/1.1 200 OK`, `Content-Length: 85` and `{"key1":"…","key2":"…"}` become
/// `HTTPMessage.Response(statusCode: 200, …)` and the connection stays reusable.
package struct HTTPResponseReader {
    package struct Limits: Sendable {
        /// The status line and fields of the response, of every interim response before it and
        /// of its trailers, together.
        package var headBytes = 65_536
        /// The body; the chunk-size lines and CRLFs of a chunked body, separately, too.
        package var bodyBytes = 10 * 1024 * 1024
        /// One chunk-size line, extensions included.
        package var chunkLineBytes = 4096

        package init(headBytes: Int = 65_536, bodyBytes: Int = 10 * 1024 * 1024, chunkLineBytes: Int = 4096) {
            self.headBytes = headBytes
            self.bodyBytes = bodyBytes
            self.chunkLineBytes = chunkLineBytes
        }
    }

    /// A parsed status line and its header fields.
    package struct Head {
        /// 0 for HTTP/1.0, 1 for HTTP/1.1.
        package var minorVersion: Int
        package var status: Int
        package var headers: HTTPFields

        /// Every value of the fields called `name` (ignoring case), in order.
        package func values(_ name: String) -> [String] { headers.values(name) }

        /// The comma-separated list elements of every `name` field, trimmed and lowercased.
        package func listElements(_ name: String) -> [String] {
            values(name).flatMap { $0.split(separator: ",", omittingEmptySubsequences: false) }
                .map { String($0).httpTrimmed.lowercased() }
        }
    }

    private let stream: any HTTPByteStream
    private let method: HTTPMethod
    private let deadline: MonotonicInstant
    private let cancellation: Cancellation
    private let limits: Limits
    /// Bytes received; `buffer[position...]` is not consumed yet.
    private var buffer: [UInt8]
    private var position = 0
    private var headBytesLeft: Int
    private var framingBytesLeft: Int
    private var receivedAny: Bool

    private init(
        stream: any HTTPByteStream, method: HTTPMethod, deadline: MonotonicInstant, limits: Limits,
        cancellation: Cancellation
    ) {
        self.stream = stream
        self.method = method
        self.deadline = deadline
        self.cancellation = cancellation
        self.limits = limits
        buffer = stream.buffer
        receivedAny = !buffer.isEmpty
        headBytesLeft = limits.headBytes
        framingBytesLeft = limits.bodyBytes
    }

    /// Reads one response; `reusable` says whether the connection can carry another request.
    /// Bytes after the response stay in `stream.buffer`.
    package static func read(
        from stream: any HTTPByteStream, method: HTTPMethod, deadline: MonotonicInstant, limits: Limits = Limits(),
        cancellation: Cancellation
    ) throws(HTTPResponseError) -> (HTTPMessage.Response, reusable: Bool) {
        var reader = HTTPResponseReader(
            stream: stream, method: method, deadline: deadline, limits: limits, cancellation: cancellation)
        stream.buffer = []
        defer { stream.buffer = Array(reader.buffer[reader.position...]) }
        return try reader.readResponse()
    }

    private mutating func readResponse() throws(HTTPResponseError) -> (HTTPMessage.Response, reusable: Bool) {
        var head: Head
        repeat {
            try checkTime()
            head = try Self.parseHead(readHead())
            if head.status == 101 {
                throw .malformed("the server switched protocols (101), which AzShim never asks for")
            }
        } while head.status < 200
        let connection = head.listElements("Connection")
        var reusable = head.minorVersion >= 1 ? !connection.contains("close") : connection.contains("keep-alive")
        let body: [UInt8]
        let transferCodings = head.listElements("Transfer-Encoding")
        let lengths = head.values("Content-Length")
        if method == .head || head.status == 204 || head.status == 304 {
            body = []
        } else if !transferCodings.isEmpty {
            if !lengths.isEmpty {
                throw .malformed("both Transfer-Encoding and Content-Length (the body could be read two ways)")
            }
            guard transferCodings == ["chunked"] else {
                throw .malformed("unsupported Transfer-Encoding (only chunked is accepted)")
            }
            body = try readChunkedBody()
        } else if !lengths.isEmpty {
            body = try readBody(length: Self.contentLength(lengths, cap: limits.bodyBytes))
        } else {
            reusable = false
            body = try readToEnd()
        }
        if position < buffer.count { reusable = false }
        return (HTTPMessage.Response(statusCode: head.status, headers: head.headers, body: body), reusable)
    }

    // MARK: Reading

    private func checkTime() throws(HTTPResponseError) {
        if cancellation.isCancelled { throw .transport(.cancelled) }
        if MonotonicInstant.now >= deadline { throw .transport(.timedOut(endpoint: stream.origin, after: .zero)) }
    }

    /// Reads more bytes (compacting the consumed ones away first); 0 at the end of the stream.
    private mutating func receive() throws(HTTPResponseError) -> Int {
        try checkTime()
        if position == buffer.count {
            buffer.removeAll(keepingCapacity: true)
            position = 0
        } else if position >= 65_536 && position * 2 >= buffer.count {
            buffer.removeFirst(position)
            position = 0
        }
        let count: Int
        do {
            count = try stream.receive(into: &buffer, deadline: deadline, cancellation: cancellation)
        } catch {
            throw .transport(error)
        }
        if count > 0 { receivedAny = true }
        return count
    }

    /// Makes at least `count` unconsumed bytes available, or throws `truncated(what)`.
    private mutating func require(_ count: Int, _ what: String) throws(HTTPResponseError) {
        while buffer.count - position < count {
            if try receive() == 0 { throw .truncated("the connection closed \(what)") }
        }
    }

    /// The head up to (not including) its empty line, consumed, and counted against the budget.
    private mutating func readHead() throws(HTTPResponseError) -> ArraySlice<UInt8> {
        var scanned = 0
        while true {
            var offset = max(0, scanned - 3)
            while position + offset + 3 < buffer.count {
                let index = position + offset
                if buffer[index] == 13 && buffer[index + 1] == 10 && buffer[index + 2] == 13 && buffer[index + 3] == 10
                {
                    let consumed = offset + 4
                    guard consumed <= headBytesLeft else { throw headTooLarge }
                    headBytesLeft -= consumed
                    let head = buffer[position..<index]
                    position = index + 4
                    return head
                }
                offset += 1
            }
            scanned = buffer.count - position
            if scanned >= headBytesLeft { throw headTooLarge }
            if try receive() == 0 {
                if !receivedAny { throw .closedBeforeResponse }
                throw .truncated("the connection closed inside the response head")
            }
        }
    }

    private var headTooLarge: HTTPResponseError {
        .malformed("the response head exceeds \(limits.headBytes) bytes (interim responses and trailers included)")
    }

    /// One CRLF-terminated line, consumed, without its CRLF; at most `limit` bytes with the CRLF.
    private mutating func readLine(limit: Int, tooLong: HTTPResponseError)
        throws(HTTPResponseError) -> ArraySlice<UInt8>
    {
        var scanned = 0
        while true {
            while scanned < buffer.count - position {
                let index = position + scanned
                if buffer[index] == 10 {
                    guard scanned + 1 <= limit else { throw tooLong }
                    guard scanned >= 1, buffer[index - 1] == 13 else {
                        throw .malformed("a line in a chunked body does not end with CRLF")
                    }
                    let line = buffer[position..<(index - 1)]
                    position = index + 1
                    return line
                }
                scanned += 1
            }
            if scanned >= limit { throw tooLong }
            if try receive() == 0 { throw .truncated("the connection closed inside a chunked body") }
        }
    }

    private mutating func readBody(length: Int) throws(HTTPResponseError) -> [UInt8] {
        while buffer.count - position < length {
            if try receive() == 0 {
                throw .truncated("the connection closed after \(buffer.count - position) of \(length) body bytes")
            }
        }
        let body = Array(buffer[position..<(position + length)])
        position += length
        return body
    }

    private mutating func readToEnd() throws(HTTPResponseError) -> [UInt8] {
        // Checked before every read too: the bytes that came with the head may already be too many.
        repeat {
            if buffer.count - position > limits.bodyBytes { throw .tooLarge(limits.bodyBytes) }
        } while try receive() > 0
        if buffer.count - position > limits.bodyBytes { throw .tooLarge(limits.bodyBytes) }
        let body = Array(buffer[position...])
        position = buffer.count
        return body
    }

    private mutating func readChunkedBody() throws(HTTPResponseError) -> [UInt8] {
        var body: [UInt8] = []
        while true {
            let tooLong = framingTooLarge(line: framingBytesLeft)
            let line = try readLine(limit: min(limits.chunkLineBytes, framingBytesLeft), tooLong: tooLong)
            framingBytesLeft -= line.count + 2
            let size = try Self.chunkSize(line, maximum: limits.bodyBytes - body.count, cap: limits.bodyBytes)
            if size == 0 {
                try readTrailers()
                return body
            }
            guard framingBytesLeft >= 2 else { throw framingTooLarge(line: 0) }
            framingBytesLeft -= 2
            // `size` is at most the body cap, so `size + 2` cannot overflow.
            try require(size + 2, "inside a chunked body")
            body.append(contentsOf: buffer[position..<(position + size)])
            guard buffer[position + size] == 13, buffer[position + size + 1] == 10 else {
                throw .malformed("chunk data is not followed by CRLF")
            }
            position += size + 2
        }
    }

    private func framingTooLarge(line budget: Int) -> HTTPResponseError {
        budget < limits.chunkLineBytes
            ? .tooLarge(limits.bodyBytes) : .malformed("a chunk-size line exceeds \(limits.chunkLineBytes) bytes")
    }

    /// Trailer fields after the last chunk: checked like header fields, counted against the head
    /// budget, and dropped.
    private mutating func readTrailers() throws(HTTPResponseError) {
        while true {
            let tooLong = headTooLarge
            let line = try readLine(limit: headBytesLeft, tooLong: tooLong)
            headBytesLeft -= line.count + 2
            if line.isEmpty { return }
            _ = try Self.fieldLine(line, number: 0)
        }
    }

    // MARK: Parsing (pure; the fuzz target calls these directly too)

    /// `HTTP/1.x SP 3DIGIT [SP reason]` and the field lines of a head (without its empty line).
    package static func parseHead(_ bytes: ArraySlice<UInt8>) throws(HTTPResponseError) -> Head {
        var lines: [ArraySlice<UInt8>] = []
        var start = bytes.startIndex
        var index = bytes.startIndex
        while index < bytes.endIndex {
            if bytes[index] == 13, index + 1 < bytes.endIndex, bytes[index + 1] == 10 {
                lines.append(bytes[start..<index])
                index += 2
                start = index
            } else {
                index += 1
            }
        }
        lines.append(bytes[start..<bytes.endIndex])
        let (minor, status) = try statusLine(lines[0])
        var headers = HTTPFields()
        for (number, line) in lines.dropFirst().enumerated() {
            if let first = line.first, first == 0x20 || first == 0x09 {
                // obs-fold (RFC 9112 §5.2): a user agent replaces it with a space.
                guard let last = headers.indices.last else {
                    throw .malformed("the first header line is a continuation line")
                }
                let continuation = try fieldValue(line, number: number + 1)
                headers[last].value += (headers[last].value.isEmpty || continuation.isEmpty ? "" : " ") + continuation
                continue
            }
            let field = try fieldLine(line, number: number + 1)
            headers.append(name: field.name, value: field.value)
        }
        return Head(minorVersion: minor, status: status, headers: headers)
    }

    private static func statusLine(_ line: ArraySlice<UInt8>) throws(HTTPResponseError) -> (minor: Int, status: Int) {
        let bytes = Array(line)
        let prefix = Array("HTTP/1.".utf8)
        func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
        guard bytes.count >= 12, Array(bytes[0..<7]) == prefix, isDigit(bytes[7]), bytes[8] == 0x20,
            isDigit(bytes[9]), isDigit(bytes[10]), isDigit(bytes[11]), bytes[9] != 0x30,
            bytes.count == 12 || bytes[12] == 0x20
        else {
            let excerpt = String(decoding: bytes.prefix(16), as: UTF8.self)
            throw .malformed("the status line is not 'HTTP/1.x NNN …' (it starts '\(excerpt)')")
        }
        if let bad = bytes.dropFirst(12).first(where: { !HTTPFieldRules.isValueByte($0) }) {
            throw .malformed("the status line contains \(HTTPFieldRules.describe(bad))")
        }
        let status = Int(bytes[9] - 0x30) * 100 + Int(bytes[10] - 0x30) * 10 + Int(bytes[11] - 0x30)
        return (Int(bytes[7] - 0x30), status)
    }

    /// `name ":" OWS value OWS`, the name a token, the value free of control characters.
    package static func fieldLine(_ line: ArraySlice<UInt8>, number: Int) throws(HTTPResponseError) -> (
        name: String, value: String
    ) {
        guard let colon = line.firstIndex(of: UInt8(ascii: ":")), HTTPFieldRules.isToken(line[line.startIndex..<colon])
        else {
            throw .malformed("header line \(number) is not 'name: value'")
        }
        let name = String(decoding: line[line.startIndex..<colon], as: UTF8.self)
        return (name, try fieldValue(line[(colon + 1)...], number: number))
    }

    private static func fieldValue(_ bytes: ArraySlice<UInt8>, number: Int) throws(HTTPResponseError) -> String {
        if let bad = bytes.first(where: { !HTTPFieldRules.isValueByte($0) }) {
            throw .malformed("header line \(number) contains \(HTTPFieldRules.describe(bad))")
        }
        var value = bytes
        while let first = value.first, first == 0x20 || first == 0x09 { value = value.dropFirst() }
        while let last = value.last, last == 0x20 || last == 0x09 { value = value.dropLast() }
        return String(decoding: value, as: UTF8.self)
    }

    /// The body length from every `Content-Length` field: each list element `1*DIGIT` and all
    /// equal (RFC 9110 §8.6, RFC 9112 §6.3); more than `cap` is `tooLarge`.
    package static func contentLength(_ values: [String], cap: Int) throws(HTTPResponseError) -> Int {
        var agreed: Substring?
        for value in values {
            for element in value.split(separator: ",", omittingEmptySubsequences: false) {
                let text = Substring(String(element).httpTrimmed)
                guard !text.isEmpty, text.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else {
                    throw .malformed("invalid Content-Length (not a decimal number)")
                }
                var digits = text.drop { $0 == "0" }
                if digits.isEmpty { digits = "0" }
                if let agreed, agreed != digits { throw .malformed("two different Content-Length values") }
                agreed = digits
            }
        }
        guard let digits = agreed else { throw .malformed("invalid Content-Length (empty)") }
        // 10 digits already exceed any cap an Int can hold here; parse only what fits.
        guard digits.count <= 18, let length = Int(digits), length <= cap else { throw .tooLarge(cap) }
        return length
    }

    /// `1*HEXDIG [ BWS ";" chunk-ext ]`; a size over `maximum` (what the body cap leaves) is
    /// `tooLarge(cap)`, found before it could overflow.
    package static func chunkSize(_ line: ArraySlice<UInt8>, maximum: Int, cap: Int) throws(HTTPResponseError) -> Int {
        var size = 0
        var digits = 0
        var index = line.startIndex
        while index < line.endIndex, let digit = hexValue(line[index]) {
            size = size * 16 + digit
            if size > maximum { throw .tooLarge(cap) }
            digits += 1
            index += 1
        }
        guard digits > 0 else { throw .malformed("a chunk-size line does not start with a hexadecimal size") }
        var rest = line[index...]
        while let first = rest.first, first == 0x20 || first == 0x09 { rest = rest.dropFirst() }
        guard rest.isEmpty || rest.first == UInt8(ascii: ";") else {
            throw .malformed("invalid characters after a chunk size")
        }
        if let bad = rest.first(where: { !HTTPFieldRules.isValueByte($0) }) {
            throw .malformed("a chunk extension contains \(HTTPFieldRules.describe(bad))")
        }
        return size
    }

    private static func hexValue(_ byte: UInt8) -> Int? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): Int(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): Int(byte - UInt8(ascii: "a")) + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): Int(byte - UInt8(ascii: "A")) + 10
        default: nil
        }
    }
}

extension String {
    /// Without leading and trailing spaces and tabs.
    package var httpTrimmed: String {
        var view = Substring(self)
        while let first = view.first, first == " " || first == "\t" { view = view.dropFirst() }
        while let last = view.last, last == " " || last == "\t" { view = view.dropLast() }
        return String(view)
    }
}

/// Reads one HTTP/1.1 response from an `HTTPConnection`: status line, headers, and a body
/// delimited by `Content-Length`, chunked transfer coding, or the end of the connection.
///
/// Example: `HTTP/1.1 200 OK`, `Content-Length: 85` and `{"key1":"…","key2":"…"}` become
/// `HTTPMessage.Response(statusCode: 200, …)` and the connection stays reusable.
enum HTTPResponseReader {
    enum ReadError: Error {
        case closedBeforeResponse
        case truncated(String)
        case malformed(String)
        case tooLarge(Int)

        func transportError(origin: String) -> ARMTransportError {
            switch self {
            case .closedBeforeResponse:
                .connectionFailed(endpoint: origin, reason: "the server closed the connection without a response")
            case .truncated(let reason): .invalidResponse(endpoint: origin, reason: reason)
            case .malformed(let reason): .invalidResponse(endpoint: origin, reason: reason)
            case .tooLarge(let cap): .invalidResponse(endpoint: origin, reason: "the response body exceeds \(cap) bytes")
            }
        }
    }

    static let maximumHeadBytes = 65_536

    static func read(
        from connection: HTTPConnection, method: String, deadline: Double, maximumBodyBytes: Int,
        cancellation: AzureCancellation
    ) throws -> (HTTPMessage.Response, reusable: Bool) {
        while true {
            let headEnd = try readHead(connection, deadline: deadline, cancellation: cancellation)
            let headBytes = Array(connection.buffer[0..<headEnd])
            connection.buffer.removeFirst(headEnd + 4)
            let (version, status, headers) = try parseHead(headBytes)
            if (100..<200).contains(status) && status != 101 { continue }
            let response = HTTPMessage.Response(statusCode: status, headers: headers, body: [])
            let connectionHeader = response.header("Connection")?.lowercased() ?? ""
            var reusable = version == "HTTP/1.1" ? !connectionHeader.contains("close") : connectionHeader.contains("keep-alive")
            var body: [UInt8] = []
            let transferEncoding = response.header("Transfer-Encoding")?.lowercased() ?? ""
            if method == "HEAD" || status == 204 || status == 304 {
                body = []
            } else if transferEncoding.contains("chunked") {
                body = try readChunked(connection, deadline: deadline, cap: maximumBodyBytes, cancellation: cancellation)
            } else if let lengthText = response.header("Content-Length") {
                guard let length = Int(lengthText.httpTrimmed), length >= 0 else {
                    throw ReadError.malformed("invalid Content-Length '\(lengthText)'")
                }
                if length > maximumBodyBytes { throw ReadError.tooLarge(maximumBodyBytes) }
                while connection.buffer.count < length {
                    if try connection.readMore(deadline: deadline, cancellation: cancellation) == 0 {
                        throw ReadError.truncated("the connection closed after \(connection.buffer.count) of \(length) body bytes")
                    }
                }
                body = Array(connection.buffer[0..<length])
                connection.buffer.removeFirst(length)
            } else {
                reusable = false
                while try connection.readMore(deadline: deadline, cancellation: cancellation) > 0 {
                    if connection.buffer.count > maximumBodyBytes { throw ReadError.tooLarge(maximumBodyBytes) }
                }
                body = connection.buffer
                connection.buffer = []
            }
            var complete = response
            complete.body = body
            if !connection.buffer.isEmpty { reusable = false }
            return (complete, reusable)
        }
    }

    /// Index of the `\r\n\r\n` that ends the head.
    private static func readHead(_ connection: HTTPConnection, deadline: Double, cancellation: AzureCancellation) throws -> Int {
        var searchFrom = 0
        while true {
            let buffer = connection.buffer
            if buffer.count >= 4 {
                var index = max(0, searchFrom - 3)
                while index + 3 < buffer.count {
                    if buffer[index] == 13 && buffer[index + 1] == 10 && buffer[index + 2] == 13 && buffer[index + 3] == 10 {
                        return index
                    }
                    index += 1
                }
                searchFrom = buffer.count
            }
            if buffer.count > maximumHeadBytes { throw ReadError.malformed("the response head exceeds \(maximumHeadBytes) bytes") }
            if try connection.readMore(deadline: deadline, cancellation: cancellation) == 0 {
                if connection.buffer.isEmpty { throw ReadError.closedBeforeResponse }
                throw ReadError.truncated("the connection closed inside the response head")
            }
        }
    }

    static func parseHead(_ bytes: [UInt8]) throws -> (String, Int, [(name: String, value: String)]) {
        let text = String(decoding: bytes, as: UTF8.self)
        var lines = text.split(separator: "\r\n", omittingEmptySubsequences: false).map(String.init)
        guard !lines.isEmpty else { throw ReadError.malformed("empty response head") }
        let statusLine = lines.removeFirst()
        let parts = statusLine.split(separator: " ", maxSplits: 2, omittingEmptySubsequences: false)
        guard parts.count >= 2, parts[0].hasPrefix("HTTP/1."), let status = Int(parts[1]), (100...999).contains(status) else {
            throw ReadError.malformed("invalid status line '\(statusLine.prefix(80))'")
        }
        var headers: [(name: String, value: String)] = []
        for line in lines where !line.isEmpty {
            guard let colon = line.firstIndex(of: ":") else { throw ReadError.malformed("invalid header line") }
            headers.append((String(line[..<colon]), String(line[line.index(after: colon)...]).httpTrimmed))
        }
        return (String(parts[0]), status, headers)
    }

    private static func readLine(_ connection: HTTPConnection, deadline: Double, cancellation: AzureCancellation) throws -> String {
        while true {
            if let end = connection.buffer.firstIndex(of: 10) {
                var lineBytes = Array(connection.buffer[0..<end])
                connection.buffer.removeFirst(end + 1)
                if lineBytes.last == 13 { lineBytes.removeLast() }
                return String(decoding: lineBytes, as: UTF8.self)
            }
            if connection.buffer.count > 8192 { throw ReadError.malformed("a chunk-size line is too long") }
            if try connection.readMore(deadline: deadline, cancellation: cancellation) == 0 {
                throw ReadError.truncated("the connection closed inside a chunked body")
            }
        }
    }

    private static func readChunked(_ connection: HTTPConnection, deadline: Double, cap: Int, cancellation: AzureCancellation) throws -> [UInt8] {
        var body: [UInt8] = []
        while true {
            let line = try readLine(connection, deadline: deadline, cancellation: cancellation)
            let sizeText = line.split(separator: ";", maxSplits: 1).first.map(String.init)?.httpTrimmed ?? ""
            guard let size = Int(sizeText, radix: 16), size >= 0 else {
                throw ReadError.malformed("invalid chunk size '\(sizeText.prefix(20))'")
            }
            if size == 0 {
                while try !readLine(connection, deadline: deadline, cancellation: cancellation).isEmpty {}
                return body
            }
            if body.count + size > cap { throw ReadError.tooLarge(cap) }
            while connection.buffer.count < size + 2 {
                if try connection.readMore(deadline: deadline, cancellation: cancellation) == 0 {
                    throw ReadError.truncated("the connection closed inside a chunked body")
                }
            }
            body += connection.buffer[0..<size]
            connection.buffer.removeFirst(size + 2)
        }
    }
}

extension String {
    /// Without leading and trailing spaces and tabs.
    var httpTrimmed: String {
        var view = Substring(self)
        while let first = view.first, first == " " || first == "\t" { view = view.dropFirst() }
        while let last = view.last, last == " " || last == "\t" { view = view.dropLast() }
        return String(view)
    }
}

/// Parses one complete JSON document from UTF-8 bytes (RFC 8259), with the line and column
/// of the first error. Nesting is bounded and kept on an explicit stack, so hostile input cannot
/// overflow the stack. Shares its grammar with `JSONStreamReader` (`JSONIncrementalParser`).
///
/// Example: `try JSONParser.parse(Array(#"{"key1":"a","key2":"b"}"#.utf8))["key1"]` is `.string("a")`.
package struct JSONParser {
    /// Why a document failed to parse, and where (1-based line, and column in Unicode scalars).
    package struct SyntaxError: Error, Sendable, Equatable {
        package let line: Int
        package let column: Int
        /// What the parser expected or found, e.g. `expected ',' or '}' after an object member`.
        package let reason: String

        package init(line: Int, column: Int, reason: String) {
            self.line = line
            self.column = column
            self.reason = reason
        }
    }

    /// The deepest nesting of arrays and objects accepted.
    package static let maximumDepth = 512

    /// Parses `bytes` as exactly one JSON value, surrounded by optional white space. A leading
    /// UTF-8 byte-order mark is skipped, as files written by Windows tools (`Save-AzContext`) have one.
    package static func parse(_ bytes: [UInt8]) throws(SyntaxError) -> JSONValue {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { return try parse(Array(bytes.dropFirst(3))) }
        let result: Result<JSONValue, SyntaxError> = bytes.withUnsafeBufferPointer { buffer in
            var parser = JSONIncrementalParser(
                unrollsTopLevelArrays: false, reportsUnexpectedEnd: false,
                maximumValueBytes: .max, maximumDepth: maximumDepth)
            let window = JSONIncrementalParser.Window(bytes: buffer, base: 0, atEnd: true)
            var position = 0
            switch parser.next(window, position: &position) {
            case .value(let value, _):
                if let error = parser.finishDocument(window, position: &position) {
                    return .failure(SyntaxError(error))
                }
                return .success(value)
            case .error(let error):
                return .failure(SyntaxError(error))
            case .needInput, .finished:
                let error = parser.error(
                    .malformed(expected: "expected a JSON value but the input ended"), window, buffer.count)
                return .failure(SyntaxError(error))
            }
        }
        return try result.get()
    }
}

extension JSONParser.SyntaxError {
    init(_ error: JSONStreamError) {
        self.init(line: error.line, column: error.column, reason: error.reason)
    }
}

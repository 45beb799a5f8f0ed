/// Why one input value of a JSON stream was rejected, and where: a 1-based line and column
/// (in Unicode scalars) counted over the whole stream, not over the value.
///
/// Example: the pipeline input `{"AccountName":"myluis" "ResourceGroupName":"rg"}` on line 3 is
/// `JSONStreamError(line: 3, column: 25, kind: .malformed(expected: "expected ',' or '}' after an object member"))`,
/// whose `message` is `malformed JSON at line 3, column 25: expected ',' or '}' after an object member`.
/// When the broken value began on an earlier line, the message says where:
/// `malformed JSON at line 4, column 1: expected ',' or ']' after an array element (the value began at line 2, column 1)`.
package struct JSONStreamError: Error, Sendable, Equatable {
    /// What went wrong.
    package enum Kind: Sendable, Equatable {
        /// The text is not JSON; the payload says what was expected, e.g. `expected a JSON value`.
        case malformed(expected: String)
        /// A string holds bytes that are not UTF-8; `byte` is the first offending one.
        case invalidUTF8(byte: UInt8)
        /// The value is longer than `limit` bytes; it was skipped without being buffered.
        case valueTooLarge(limit: Int)
        /// Arrays and objects nest deeper than `limit` levels.
        case nestingTooDeep(limit: Int)
        /// A NUL byte, which JSON text never contains (UTF-16 input, binary data).
        case nulByte
        /// The input ended inside a value that began on line `valueStartLine`.
        case unexpectedEnd(valueStartLine: Int)
        /// The byte source failed, e.g. `read(2)` returned EIO.
        case readFailed(description: String)
    }

    /// 1-based line of the error in the whole stream.
    package let line: Int
    /// 1-based column of the error, counted in Unicode scalars.
    package let column: Int
    package let kind: Kind
    /// Where the value that broke began, when it began on an earlier line than the error.
    package let valueStart: JSONTextPosition?

    package init(line: Int, column: Int, kind: Kind, valueStart: JSONTextPosition? = nil) {
        self.line = line
        self.column = column
        self.kind = kind
        self.valueStart = valueStart.flatMap { $0.line < line ? $0 : nil }
    }

    /// The text shown to the user, e.g.
    /// `malformed JSON at line 3, column 7: expected ',' or '}' after an object member`.
    package var message: String {
        let place = "at line \(line), column \(column)"
        guard let valueStart else { return text(place) }
        switch kind {
        case .malformed, .invalidUTF8, .nestingTooDeep, .nulByte:
            return text(place) + " (the value began at line \(valueStart.line), column \(valueStart.column))"
        case .valueTooLarge, .unexpectedEnd, .readFailed:
            return text(place)
        }
    }

    private func text(_ place: String) -> String {
        switch kind {
        case .malformed(let expected):
            return "malformed JSON \(place): \(expected)"
        case .invalidUTF8(let byte):
            return "invalid UTF-8 \(place): byte \(Self.hex(byte)) in a string is not part of a valid UTF-8 sequence"
        case .valueTooLarge(let limit):
            return "value too large \(place): a single input value may be at most \(Self.size(limit)); it was skipped"
        case .nestingTooDeep(let limit):
            return "nesting too deep \(place): arrays and objects may be nested at most \(limit) levels"
        case .nulByte:
            return "NUL byte \(place): JSON text cannot contain NUL bytes (is the input UTF-16 or binary?)"
        case .unexpectedEnd(let valueStartLine):
            return "unexpected end of input inside a value started at line \(valueStartLine)"
        case .readFailed(let description):
            return "cannot read the input: \(description)"
        }
    }

    /// The short reason used by `JSONParser.SyntaxError`, which carries no kind.
    var reason: String {
        switch kind {
        case .malformed(let expected): expected
        case .invalidUTF8: "invalid UTF-8 in a string"
        case .valueTooLarge(let limit): "value larger than \(limit) bytes"
        case .nestingTooDeep(let limit): "nesting deeper than \(limit) levels"
        case .nulByte: "unexpected NUL byte"
        case .unexpectedEnd: "unexpected end of input"
        case .readFailed(let description): description
        }
    }

    private static func hex(_ byte: UInt8) -> String {
        let digits = String(byte, radix: 16, uppercase: true)
        return "0x" + (digits.count < 2 ? "0" + digits : digits)
    }

    private static func size(_ bytes: Int) -> String {
        if bytes >= 1 << 20, bytes % (1 << 20) == 0 { return "\(bytes >> 20) MiB (\(bytes) bytes)" }
        return "\(bytes) bytes"
    }
}

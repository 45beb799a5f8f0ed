/// One item read from a JSON stream: an input object, or the error that replaced one.
/// Errors are data, so the pipeline can report them and carry on with the next value.
///
/// Example: the stdin lines `{"KeyName":"Key1"}`, `{"KeyName":}`, `"x"` give
/// `.value(.object([("KeyName", .string("Key1"))]), line: 1)`, then `.error(…line: 2, column: 12…)`,
/// then `.value(.string("x"), line: 3)`.
package enum JSONStreamItem: Sendable, Equatable {
    /// A complete value and the line on which it started.
    case value(JSONValue, line: Int)
    /// A flat object left in the caller's `JSONFlatObject` rather than built as a `JSONValue`,
    /// and the line on which it started; only from `JSONStreamReader.next(flatObjectsInto:)`.
    case flatObject(line: Int)
    /// A value that could not be read; reading goes on at the start of the next line.
    case error(JSONStreamError)
}

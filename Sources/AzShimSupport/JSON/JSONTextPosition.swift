/// A place in JSON text: a 1-based line and column (in Unicode scalars), counted over the whole
/// stream.
///
/// Example: in the stream `1\n  {"a":` the object begins at `JSONTextPosition(line: 2, column: 3)`.
package struct JSONTextPosition: Sendable, Equatable {
    package let line: Int
    package let column: Int

    package init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }
}

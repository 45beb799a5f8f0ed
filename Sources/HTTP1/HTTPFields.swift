/// The header fields of a request or response, in order and with names as sent; looked up by
/// name ignoring case (RFC 9110 §5.1).
///
/// Example: `let fields: HTTPFields = [("Retry-After", "5")]`; `fields["retry-after"]` is `"5"`.
package struct HTTPFields: Sendable, Equatable, RandomAccessCollection, ExpressibleByArrayLiteral {
    /// One field line.
    package struct Field: Sendable, Equatable {
        package var name: String
        package var value: String

        package init(name: String, value: String) {
            self.name = name
            self.value = value
        }
    }

    private var fields: [Field]

    package init() { fields = [] }

    package init(_ pairs: [(name: String, value: String)]) {
        fields = pairs.map { Field(name: $0.name, value: $0.value) }
    }

    package init(arrayLiteral elements: (name: String, value: String)...) { self.init(elements) }

    package var startIndex: Int { fields.startIndex }
    package var endIndex: Int { fields.endIndex }
    package subscript(position: Int) -> Field {
        get { fields[position] }
        set { fields[position] = newValue }
    }

    /// The first value of the fields called `name` (ignoring case), or nil.
    package subscript(name: String) -> String? {
        let folded = name.lowercased()
        return fields.first { $0.name.lowercased() == folded }?.value
    }

    /// Every value of the fields called `name` (ignoring case), in order.
    package func values(_ name: String) -> [String] {
        let folded = name.lowercased()
        return fields.filter { $0.name.lowercased() == folded }.map(\.value)
    }

    package mutating func append(name: String, value: String) { fields.append(Field(name: name, value: value)) }

    /// Adds `name: value` unless a field of that name is already there.
    package mutating func appendIfAbsent(name: String, value: String) {
        if self[name] == nil { append(name: name, value: value) }
    }
}

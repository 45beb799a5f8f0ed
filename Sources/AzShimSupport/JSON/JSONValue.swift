/// A JSON value with object members kept in document order, as PowerShell keeps the
/// properties of an object from `ConvertFrom-Json`.
///
/// Example: the pipeline line `{"ResourceGroupName":"rg","AccountName":"myluis"}` is
/// `.object([("ResourceGroupName", .string("rg")), ("AccountName", .string("myluis"))])`.
package enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    /// The number's source text, so `1` stays an integer and `1.0` a double, as in PowerShell.
    case number(String)
    case string(String)
    case array([JSONValue])
    case object([(key: String, value: JSONValue)])

    package static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): true
        case (.bool(let a), .bool(let b)): a == b
        case (.number(let a), .number(let b)): a == b
        case (.string(let a), .string(let b)): a == b
        case (.array(let a), .array(let b)): a == b
        case (.object(let a), .object(let b)):
            a.count == b.count && zip(a, b).allSatisfy { $0.key == $1.key && $0.value == $1.value }
        default: false
        }
    }

    /// The member with this key; the exact spelling first, then ignoring case, as a
    /// PSObject property lookup does.
    package subscript(key: String) -> JSONValue? {
        guard case .object(let members) = self else { return nil }
        return Self.member(members, key)
    }

    /// The value of the member `key` of an object's members, as the subscript finds it. Keys
    /// compare without allocating when both are ASCII (`lowercased()` folds only A–Z there);
    /// any other key is compared as `lowercased()` strings.
    ///
    /// Example: `JSONValue.member([("accountname", .string("a"))], "AccountName")` is `.string("a")`.
    package static func member(_ members: [(key: String, value: JSONValue)], _ key: String) -> JSONValue? {
        // By index: `for member in members` copies each member (a retain and release of its
        // key and value) for every lookup of every pipeline object.
        for index in members.indices where members[index].key == key { return members[index].value }
        var folded: String?
        for index in members.indices {
            switch ASCIIFold.equal(members[index].key, key) {
            case true?: return members[index].value
            case false?: continue
            case nil:
                let lowered = folded ?? key.lowercased()
                folded = lowered
                if members[index].key.lowercased() == lowered { return members[index].value }
            }
        }
        return nil
    }

    package var stringValue: String? {
        if case .string(let value) = self { return value }
        return nil
    }
}

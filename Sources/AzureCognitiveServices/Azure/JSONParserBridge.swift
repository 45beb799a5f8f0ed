import PowerShellHost

/// `JSONParser` with an untyped error, for `try?` call sites in the Azure backend.
///
/// Example: `try? JSONParserBridge.parse(Array(#"{"key1":"a"}"#.utf8))?["key1"]`.
enum JSONParserBridge {
    static func parse(_ bytes: [UInt8]) throws -> JSONValue {
        try JSONParser.parse(bytes)
    }
}

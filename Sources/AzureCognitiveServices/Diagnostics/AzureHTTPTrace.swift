import AzShimSupport
import HTTP1

/// Az's `-Debug` blocks (`HTTP REQUEST` / `HTTP RESPONSE`, header lines `{name,-30}: {value}`,
/// bodies pretty-printed), with AzShim's redaction: the Authorization header is left out,
/// and key values, tokens, client secrets, client assertions and identity headers are
/// `<redacted>`.
///
/// Example: the regeneration response body `{"key1":"abc…","key2":"def…"}` is shown as
/// `{` / `  "key1": "<redacted>",` / `  "key2": "<redacted>"` / `}`.
enum AzureHTTPTrace {
    static let redacted = "<redacted>"
    /// JSON members and form fields whose values are never shown (compared ignoring case).
    static let secretNames: Set<String> = [
        "key1", "key2", "primarykey", "secondarykey", "access_token", "accesstoken", "refresh_token",
        "id_token", "client_secret", "client_assertion", "assertion", "password", "token",
        // An account's `properties.apiProperties` (GET and list of accounts).
        "qnaazuresearchendpointkey", "eventhubconnectionstring", "storageaccountconnectionstring",
    ]
    static let omittedHeaders: Set<String> = ["authorization", "proxy-authorization", "x-ms-authorization-auxiliary"]
    static let secretHeaders: Set<String> = ["x-identity-header", "secret", "cookie", "set-cookie"]

    static func request(_ request: HTTPMessage.Request, secrets: AzureSecretRegistry) -> String {
        var text = "============================ HTTP REQUEST ============================\n\n"
        text += "HTTP Method:\n\(request.method)\n\n"
        text += "Absolute Uri:\n\(request.url.absoluteString)\n\n"
        text += "Headers:\n" + headerLines(request.headers) + "\n"
        text += "Body:\n" + body(request.body ?? [], headers: request.headers) + "\n"
        return secrets.scrub(text)
    }

    static func response(_ response: HTTPMessage.Response, secrets: AzureSecretRegistry) -> String {
        var text = "============================ HTTP RESPONSE ============================\n\n"
        text += "Status Code:\n\(statusName(response.statusCode))\n\n"
        text += "Headers:\n" + headerLines(response.headers) + "\n"
        text += "Body:\n" + body(response.body, headers: response.headers) + "\n"
        return secrets.scrub(text)
    }

    private static func headerLines(_ headers: HTTPFields) -> String {
        var text = ""
        for header in headers where !omittedHeaders.contains(header.name.lowercased()) {
            let value = secretHeaders.contains(header.name.lowercased()) ? redacted : header.value
            let padding = String(repeating: " ", count: max(0, 30 - header.name.count))
            text += "\(header.name)\(padding): \(value)\n"
        }
        return text
    }

    static func body(_ bytes: [UInt8], headers: HTTPFields) -> String {
        if bytes.isEmpty { return "" }
        let contentType = headers["Content-Type"]?.lowercased() ?? ""
        let text = String(decoding: bytes, as: UTF8.self)
        if contentType.contains(text: "x-www-form-urlencoded") {
            return redactForm(text)
        }
        if let value = try? JSONParser.parse(bytes) {
            return pretty(redactJSON(value), indent: "") + "\n"
        }
        return redactJSONText(text) + "\n"
    }

    static func redactForm(_ text: String) -> String {
        text.split(separator: "&", omittingEmptySubsequences: false).map { field -> String in
            guard let equals = field.firstIndex(of: "=") else { return String(field) }
            let name = field[..<equals].lowercased()
            return secretNames.contains(name) ? "\(field[..<equals])=\(redacted)" : String(field)
        }.joined(separator: "&") + "\n"
    }

    static func redactJSON(_ value: JSONValue) -> JSONValue {
        switch value {
        case .object(let members):
            return .object(
                members.map { member in
                    if secretNames.contains(member.key.lowercased()), case .string = member.value {
                        return (member.key, .string(redacted))
                    }
                    return (member.key, redactJSON(member.value))
                })
        case .array(let items): return .array(items.map(redactJSON))
        default: return value
        }
    }

    /// For a body that is not valid JSON: `"name" : "value"` pairs with a secret name get
    /// their value replaced, found by scanning the text.
    static func redactJSONText(_ text: String) -> String {
        let bytes = Array(text.utf8)
        var output: [UInt8] = []
        var index = 0
        func readString(at start: Int) -> Int? {
            var position = start + 1
            while position < bytes.count {
                if bytes[position] == UInt8(ascii: "\\") {
                    position += 2
                    continue
                }
                if bytes[position] == UInt8(ascii: "\"") { return position }
                position += 1
            }
            return nil
        }
        while index < bytes.count {
            guard bytes[index] == UInt8(ascii: "\""), let nameEnd = readString(at: index) else {
                output.append(bytes[index])
                index += 1
                continue
            }
            let name = String(decoding: bytes[(index + 1)..<nameEnd], as: UTF8.self).lowercased()
            output += bytes[index...nameEnd]
            index = nameEnd + 1
            guard secretNames.contains(name) else { continue }
            var cursor = index
            while cursor < bytes.count,
                bytes[cursor] == 32 || bytes[cursor] == 9 || bytes[cursor] == 10 || bytes[cursor] == 13
            { cursor += 1 }
            guard cursor < bytes.count, bytes[cursor] == UInt8(ascii: ":") else { continue }
            cursor += 1
            while cursor < bytes.count,
                bytes[cursor] == 32 || bytes[cursor] == 9 || bytes[cursor] == 10 || bytes[cursor] == 13
            { cursor += 1 }
            guard cursor < bytes.count, bytes[cursor] == UInt8(ascii: "\"") else { continue }
            output += bytes[index..<cursor]
            output += Array("\"\(redacted)\"".utf8)
            // An unterminated value is redacted up to the end of the text.
            index = (readString(at: cursor) ?? (bytes.count - 1)) + 1
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// Newtonsoft's `Formatting.Indented` layout: two spaces, `"name": value`.
    static func pretty(_ value: JSONValue, indent: String) -> String {
        let inner = indent + "  "
        switch value {
        case .null: return "null"
        case .bool(let flag): return flag ? "true" : "false"
        case .number(let text): return text
        case .string(let text): return JSONWriter.quoted(text)
        case .array(let items):
            if items.isEmpty { return "[]" }
            return "[\n" + items.map { inner + pretty($0, indent: inner) }.joined(separator: ",\n") + "\n\(indent)]"
        case .object(let members):
            if members.isEmpty { return "{}" }
            return "{\n"
                + members.map { "\(inner)\(JSONWriter.quoted($0.key)): \(pretty($0.value, indent: inner))" }
                .joined(separator: ",\n") + "\n\(indent)}"
        }
    }

    /// The .NET `HttpStatusCode` name Az prints (`OK`, `NotFound`, …), or the number.
    static func statusName(_ code: Int) -> String {
        HTTPStatus.name(code)
    }
}

/// What a backend answered to an `ARMRequest`: an HTTP status, headers and a body.
///
/// Example: the emulator answers a regeneration with
/// `ARMResponse(statusCode: 200, body: #"{"key1":"…","key2":"…"}"#)`.
package struct ARMResponse: Sendable, Equatable {
    package var statusCode: Int
    /// Header names as received; look them up with `header(_:)` (case-insensitive).
    package var headers: [(name: String, value: String)]
    package var body: [UInt8]

    package init(statusCode: Int, headers: [(name: String, value: String)] = [], body: [UInt8] = []) {
        self.statusCode = statusCode
        self.headers = headers
        self.body = body
    }

    package init(statusCode: Int, headers: [(name: String, value: String)] = [], json: String) {
        self.init(statusCode: statusCode, headers: headers, body: Array(json.utf8))
    }

    /// The first header with this name, ignoring case.
    package func header(_ name: String) -> String? {
        let folded = name.lowercased()
        return headers.first { $0.name.lowercased() == folded }?.value
    }

    package static func == (lhs: ARMResponse, rhs: ARMResponse) -> Bool {
        lhs.statusCode == rhs.statusCode && lhs.body == rhs.body
            && lhs.headers.map { "\($0.name):\($0.value)" } == rhs.headers.map { "\($0.name):\($0.value)" }
    }
}

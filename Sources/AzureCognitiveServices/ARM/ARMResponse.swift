import HTTP1

/// What a backend answered to an `ARMRequest`: an HTTP status, headers and a body.
///
/// Example: the emulator answers a regeneration with
/// `ARMResponse(statusCode: 200, body: #"{"key1":"…","key2":"…"}"#)`.
package struct ARMResponse: Sendable, Equatable {
    package var statusCode: Int
    /// Header names as received; look them up with `headers["Retry-After"]` (case-insensitive).
    package var headers: HTTPFields
    package var body: [UInt8]

    package init(statusCode: Int, headers: HTTPFields = [], body: [UInt8] = []) {
        self.statusCode = statusCode
        self.headers = headers
        self.body = body
    }

    package init(statusCode: Int, headers: HTTPFields = [], json: String) {
        self.init(statusCode: statusCode, headers: headers, body: Array(json.utf8))
    }
}

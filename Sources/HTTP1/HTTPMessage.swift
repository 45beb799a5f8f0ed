/// An HTTP/1.1 request or response as `HTTPClient` sends and reads it.
///
/// Example: the token request of a client-secret login is
/// `HTTPMessage.Request(method: "POST", url: HTTPURL("https://login.microsoftonline.com/<tenant>/oauth2/v2.0/token")!, headers: [("Content-Type", "application/x-www-form-urlencoded")], body: …)`.
package enum HTTPMessage {
    package struct Request: Sendable {
        package var method: HTTPMethod
        package var url: HTTPURL
        package var headers: HTTPFields
        package var body: [UInt8]?

        package init(method: HTTPMethod, url: HTTPURL, headers: HTTPFields, body: [UInt8]?) {
            self.method = method
            self.url = url
            self.headers = headers
            self.body = body
        }
    }

    package struct Response: Sendable {
        package var statusCode: Int
        /// Look a field up with `headers["Retry-After"]` (case-insensitive).
        package var headers: HTTPFields
        package var body: [UInt8]

        package init(statusCode: Int, headers: HTTPFields, body: [UInt8]) {
            self.statusCode = statusCode
            self.headers = headers
            self.body = body
        }
    }
}

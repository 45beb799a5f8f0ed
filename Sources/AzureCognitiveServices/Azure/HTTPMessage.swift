/// An HTTP/1.1 request or response as the Azure backend's own client sees it.
///
/// Example: the token request of a client-secret login is
/// `HTTPMessage.Request(method: "POST", url: AzureURL("https://login.microsoftonline.com/<tenant>/oauth2/v2.0/token")!, headers: [("Content-Type", "application/x-www-form-urlencoded")], body: …)`.
enum HTTPMessage {
    struct Request: Sendable {
        var method: String
        var url: AzureURL
        var headers: [(name: String, value: String)]
        var body: [UInt8]?
    }

    struct Response: Sendable {
        var statusCode: Int
        var headers: [(name: String, value: String)]
        var body: [UInt8]

        func header(_ name: String) -> String? {
            let folded = name.lowercased()
            return headers.first { $0.name.lowercased() == folded }?.value
        }
    }
}

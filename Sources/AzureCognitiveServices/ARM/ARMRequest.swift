import HTTP1

/// One Azure Resource Manager request, before any backend sees it: the seam between the
/// cmdlets and the outside world.
///
/// Example: `New-AzCognitiveServicesAccountKey rg myluis Key1` sends
/// `ARMRequest(method: "POST", path: "/subscriptions/<sub>/resourceGroups/rg/providers/Microsoft.CognitiveServices/accounts/myluis/regenerateKey", apiVersion: "2024-10-01", body: #"{"keyName":"Key1"}"#)`.
package struct ARMRequest: Sendable, Equatable {
    /// `GET`, `POST`, …
    package var method: HTTPMethod
    /// The resource path, segments not yet percent-encoded, starting with `/subscriptions/`.
    /// Backends encode each segment (`ARMResourcePath.encoded`).
    package var pathSegments: [String]
    /// The `api-version` query value.
    package var apiVersion: String
    /// The JSON body, or nil for none.
    package var body: [UInt8]?
    /// The most time this one attempt may take (token included), or nil for the backend's
    /// own request timeout. The retrying transport sets it to what the operation's time budget
    /// has left.
    package var timeLimit: Duration?
    /// A list's next page: the `nextLink` URL exactly as ARM sent it (path and query, no
    /// api-version added: the SDK's `ListNext` GETs it verbatim). Nil for every other request,
    /// which `pathSegments` and `apiVersion` describe. A backend follows a next link only when it
    /// points at its own Resource Manager endpoint (scheme, host and port), so the access token
    /// never goes anywhere else; any other link is refused (`ARMTransportError.refused`).
    package var nextLink: String?

    package init(
        method: HTTPMethod, pathSegments: [String], apiVersion: String, body: [UInt8]? = nil, timeLimit: Duration? = nil
    ) {
        self.method = method
        self.pathSegments = pathSegments
        self.apiVersion = apiVersion
        self.body = body
        self.timeLimit = timeLimit
    }

    /// `GET nextLink`: the next page of a list.
    ///
    /// Example: `ARMRequest.nextPage("https://management.azure.com/subscriptions/s/providers/Microsoft.CognitiveServices/accounts?api-version=2024-10-01&%24skipToken=eyJ…")`.
    package static func nextPage(_ link: String) -> ARMRequest {
        var request = ARMRequest(method: "GET", pathSegments: [], apiVersion: "")
        request.nextLink = link
        return request
    }

    /// The path with every segment percent-encoded as a URL path segment
    /// (RFC 3986 unreserved characters kept), e.g. `/subscriptions/s/resourceGroups/my%20rg`.
    package var encodedPath: String {
        pathSegments.map { "/" + Self.percentEncodePathSegment($0) }.joined()
    }

    /// Percent-encodes everything but RFC 3986 unreserved characters.
    package static func percentEncodePathSegment(_ segment: String) -> String {
        HTTPURL.percentEncode(segment)
    }
}

import AzShimSupport
import HTTP1

/// The `ARMTransport` that talks to Azure Resource Manager over HTTPS: one token (cached)
/// and one keep-alive connection for all requests; any HTTP status is returned as an
/// `ARMResponse`, and only a missing response (connection, TLS, timeout, truncation,
/// token failure, cancellation) throws. It does not retry: wrap it in
/// `AzureRetryingTransport` (the configuration resolver does).
///
/// Example: `New-AzCognitiveServicesAccountKey rg acct Key1` becomes
/// `POST https://management.azure.com/subscriptions/<sub>/resourceGroups/rg/providers/Microsoft.CognitiveServices/accounts/acct/regenerateKey?api-version=2024-10-01`
/// with `Authorization: Bearer …` and the body `{"keyName":"Key1"}`.
package final class AzureResourceManagerTransport: ARMTransport {
    let resourceManagerURL: HTTPURL
    let tokens: AzureTokenCache
    let pipeline: AzureHTTPPipeline

    init(resourceManagerURL: HTTPURL, tokens: AzureTokenCache, pipeline: AzureHTTPPipeline) {
        self.resourceManagerURL = resourceManagerURL
        self.tokens = tokens
        self.pipeline = pipeline
    }

    /// Connections opened so far (one for any number of requests when the server keeps
    /// connections alive).
    package var connectionsOpened: Int { pipeline.client.connectionsOpened }

    /// Token requests made so far.
    package var tokenRequests: Int { tokens.fetchCount }

    /// With the lines going to the diagnostics the pipeline was built with.
    package func send(_ request: ARMRequest) throws(ARMTransportError) -> ARMResponse {
        try send(request, diagnostics: pipeline.diagnostics)
    }

    package func send(_ request: ARMRequest, diagnostics: AzureDiagnostics) throws(ARMTransportError) -> ARMResponse {
        if self.pipeline.cancellation.isCancelled { throw .cancelled }
        let url: HTTPURL
        if let link = request.nextLink {
            // Checked before the token is fetched: a refused link costs no request at all.
            url = try Self.nextPageURL(link, resourceManager: resourceManagerURL)
        } else {
            var resource = resourceManagerURL.appendingPath(request.encodedPath)
            resource.target += "?api-version=" + HTTPURL.formEncode(request.apiVersion)
            url = resource
        }
        // The token request and the call share the attempt's time limit.
        var pipeline = self.pipeline.limited(to: request.timeLimit)
        pipeline.diagnostics = diagnostics
        let token = try tokens.token(pipeline: pipeline)
        var response = try pipeline.exchange(Self.request(request, url: url, token: token))
        if response.statusCode == 401, tokens.discard(token, pipeline: pipeline) {
            // A token from the cache file was revoked (or the login changed in a way its key
            // cannot see): it is dropped there too; one new token, one more try, and a 401
            // then is the answer.
            pipeline.diagnostics.verbose(
                "Resource Manager answered 401 (Unauthorized) to the cached token; requesting a new token.")
            let fresh = try tokens.token(pipeline: pipeline)
            response = try pipeline.exchange(Self.request(request, url: url, token: fresh))
            if response.statusCode == 401 { _ = tokens.discard(fresh, pipeline: pipeline) }
        }
        if response.statusCode == 200, pipeline.diagnostics.isDebugEnabled {
            // Regenerated keys stay out of every later message too.
            registerKeys(in: response.body, pipeline: pipeline)
        }
        guard (200..<300).contains(response.statusCode) else {
            // An error body becomes the error message: a secret ARM echoes (the bearer token in
            // an InvalidAuthenticationToken message, say) must not reach stderr.
            let scrubbed = pipeline.secrets.scrub(String(decoding: response.body, as: UTF8.self))
            return ARMResponse(statusCode: response.statusCode, headers: response.headers, body: Array(scrubbed.utf8))
        }
        return ARMResponse(statusCode: response.statusCode, headers: response.headers, body: response.body)
    }

    /// The HTTP request for `request` at `url`, signed with `token`.
    private static func request(_ request: ARMRequest, url: HTTPURL, token: String) -> HTTPMessage.Request {
        var headers: HTTPFields = [("Authorization", "Bearer \(token)")]
        if request.body != nil {
            headers.append(name: "Content-Type", value: "application/json; charset=utf-8")
        }
        headers.append(name: "Accept", value: "application/json")
        headers.append(name: "x-ms-client-request-id", value: AzureRequestID.make())
        headers.append(name: "accept-language", value: "en-US")
        headers.append(name: "User-Agent", value: AzShimVersion.userAgent)
        return HTTPMessage.Request(method: request.method, url: url, headers: headers, body: request.body)
    }

    /// A list's `nextLink` as the URL to GET, verbatim, when it points at the Resource Manager
    /// endpoint the token is for (same scheme, host and port) and its path and query are plain
    /// printable ASCII; otherwise the request is refused and no token leaves the process.
    ///
    /// Example: with `https://management.azure.com`, `https://management.azure.com/subscriptions/s/…?api-version=2024-10-01&%24skipToken=x`
    /// is followed; `https://elsewhere.example/…` and `http://management.azure.com/…` are refused.
    static func nextPageURL(_ link: String, resourceManager: HTTPURL) throws(ARMTransportError) -> HTTPURL {
        // Checked first: `HTTPURL` refuses control characters itself, and such a link is
        // malformed wherever it points.
        guard link.utf8.allSatisfy({ (0x21...0x7E).contains($0) }) else {
            throw .refused(reason: ARMErrorMessages.malformedNextLink(link))
        }
        guard let url = HTTPURL(link), url.scheme == resourceManager.scheme, url.host == resourceManager.host,
            url.port == resourceManager.port
        else {
            throw .refused(reason: ARMErrorMessages.foreignNextLink(link, endpoint: resourceManager.origin))
        }
        return url
    }

    private func registerKeys(in body: [UInt8], pipeline: AzureHTTPPipeline) {
        guard let json = try? JSONParser.parse(body) else { return }
        for name in ["key1", "key2"] {
            if let value = json[name]?.stringValue { pipeline.secrets.register(value) }
        }
    }

    /// Closes the kept-alive connections (at the end of the command).
    package func close() { pipeline.client.closeAll() }
}

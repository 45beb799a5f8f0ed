import Synchronization

/// One token reused across requests: taken from the token cache file when it holds one for
/// this key, else fetched; fetched again only when it expires within five minutes or Resource
/// Manager rejected it. Concurrent callers wait for the one fetch in progress.
///
/// Example: 1,000 objects piped into `New-AzCognitiveServicesAccountKey` make at most one
/// token request; ten runs in a row make one in all while the cached token lasts.
final class AzureTokenCache: Sendable {
    /// Where tokens persist between runs, and under which name this credential's token does.
    struct Persistence: Sendable {
        var file: AzureTokenCacheFile
        var key: AzureTokenCacheKey
    }

    let credential: any AzureTokenCredential
    let audience: String
    let persistence: Persistence?
    private struct State {
        var token: AzureAccessToken?
        /// The last token taken from the cache file.
        var fromFile: String?
        /// The last token Resource Manager rejected (never taken from the file again).
        var rejected: String?
    }
    private let cached = Mutex(State())
    private let fetches = Atomic<Int>(0)
    /// A token is used until this many seconds before it expires.
    static let expiryMargin = 300.0

    init(credential: any AzureTokenCredential, audience: String, persistence: Persistence? = nil) {
        self.credential = credential
        self.audience = audience
        self.persistence = persistence
    }

    /// Token requests made so far (tokens taken from the cache file are not requests).
    var fetchCount: Int { fetches.load(ordering: .relaxed) }

    func token(pipeline: AzureHTTPPipeline) throws(ARMTransportError) -> String {
        let result: Result<String, ARMTransportError> = cached.withLock { slot in
            let now = pipeline.clock.now()
            if let token = slot.token, token.expiresOn - Self.expiryMargin > now { return .success(token.value) }
            if let persistence,
                let stored = persistence.file.token(
                    named: persistence.key.entryName, diagnostics: pipeline.diagnostics),
                stored.expiresOn - Self.expiryMargin > now, stored.value != slot.rejected
            {
                pipeline.secrets.register(stored.value)
                let minutes = Int((stored.expiresOn - now) / 60)
                pipeline.diagnostics.debug("token from cache '\(persistence.file.path)' (valid for \(minutes) more minutes)")
                slot.token = stored
                slot.fromFile = stored.value
                return .success(stored.value)
            }
            fetches.add(1, ordering: .relaxed)
            pipeline.diagnostics.debug("token requested (\(credential.kind.displayName))")
            do throws(ARMTransportError) {
                let fresh = try credential.fetchToken(audience: audience, pipeline: pipeline)
                slot.token = fresh
                persistence?.file.store(
                    fresh, named: persistence?.key.entryName ?? "", now: now, diagnostics: pipeline.diagnostics)
                return .success(fresh.value)
            } catch {
                return .failure(error)
            }
        }
        return try result.get()
    }

    /// Forgets `rejected` (Resource Manager answered 401 to it), here and in the cache file, so
    /// the next `token` call requests a new one. True when `rejected` came from the cache file
    /// (then a new token is worth one more try); a token just requested is not retried.
    func discard(_ rejected: String, pipeline: AzureHTTPPipeline) -> Bool {
        let fromFile = cached.withLock { slot in
            if slot.token?.value == rejected { slot.token = nil }
            slot.rejected = rejected
            return slot.fromFile == rejected
        }
        guard fromFile, let persistence else { return false }
        pipeline.diagnostics.debug("cached token rejected by Resource Manager; removed from the cache")
        persistence.file.store(
            nil, named: persistence.key.entryName, replacing: rejected, now: pipeline.clock.now(),
            diagnostics: pipeline.diagnostics)
        return true
    }
}

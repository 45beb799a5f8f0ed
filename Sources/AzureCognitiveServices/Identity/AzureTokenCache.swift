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
        /// The last rejected token removed from the file (once per token fetched or read).
        var removed: String?
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
                pipeline.diagnostics.debug(
                    "token from cache '\(persistence.file.path)' (valid for \(minutes) more minutes)")
                slot.token = stored
                slot.fromFile = stored.value
                return .success(stored.value)
            }
            fetches.add(1, ordering: .relaxed)
            pipeline.diagnostics.debug("token requested (\(credential.kind.displayName))")
            do throws(ARMTransportError) {
                let fresh = try credential.fetchToken(audience: audience, pipeline: pipeline)
                slot.token = fresh
                slot.fromFile = nil
                slot.removed = nil
                persistence?.file.store(
                    fresh, named: persistence?.key.entryName ?? "", now: now, diagnostics: pipeline.diagnostics)
                return .success(fresh.value)
            } catch {
                return .failure(error)
            }
        }
        return try result.get()
    }

    /// Resource Manager answered 401 to `rejected`: it leaves the cache file (once), so no later
    /// run uses it. True when it came from the cache file: then it is forgotten here too, and a
    /// new token is worth one more try. A token just requested is kept for this run (every
    /// request would fail alike) and not retried.
    func discard(_ rejected: String, pipeline: AzureHTTPPipeline) -> Bool {
        let (retry, remove) = cached.withLock { slot in
            let retry = slot.fromFile == rejected
            if retry {
                if slot.token?.value == rejected { slot.token = nil }
                slot.fromFile = nil
                slot.rejected = rejected
            }
            let remove = slot.removed != rejected
            slot.removed = rejected
            return (retry, remove)
        }
        if remove, let persistence {
            pipeline.diagnostics.debug("token rejected by Resource Manager; removed from the cache")
            persistence.file.store(
                nil, named: persistence.key.entryName, replacing: rejected, now: pipeline.clock.now(),
                diagnostics: pipeline.diagnostics)
        }
        return retry
    }
}

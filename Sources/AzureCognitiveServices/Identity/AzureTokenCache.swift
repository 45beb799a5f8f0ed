import Synchronization

/// One token reused across requests: fetched on first use, and again only when it expires
/// within five minutes. Concurrent callers wait for the one fetch in progress.
///
/// Example: 1,000 objects piped into `New-AzCognitiveServicesAccountKey` make exactly one
/// token request.
final class AzureTokenCache: Sendable {
    let credential: any AzureTokenCredential
    let audience: String
    private let cached = Mutex<AzureAccessToken?>(nil)
    private let fetches = Atomic<Int>(0)

    init(credential: any AzureTokenCredential, audience: String) {
        self.credential = credential
        self.audience = audience
    }

    /// Token requests made so far.
    var fetchCount: Int { fetches.load(ordering: .relaxed) }

    func token(pipeline: AzureHTTPPipeline) throws(ARMTransportError) -> String {
        let result: Result<String, ARMTransportError> = cached.withLock { slot in
            let now = pipeline.clock.now()
            if let token = slot, token.expiresOn - 300 > now { return .success(token.value) }
            fetches.add(1, ordering: .relaxed)
            do throws(ARMTransportError) {
                let fresh = try credential.fetchToken(audience: audience, pipeline: pipeline)
                slot = fresh
                return .success(fresh.value)
            } catch {
                return .failure(error)
            }
        }
        return try result.get()
    }
}

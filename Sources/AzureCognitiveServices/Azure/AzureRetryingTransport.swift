/// A decorator `ARMTransport` that retries as Az does (see `AzureRetryPolicy`), whatever it
/// wraps. Waits go through the injectable `AzureClock` and stop at once on cancellation.
///
/// Example: `AzureRetryingTransport(wrapping: arm, policy: AzureRetryPolicy(environment: env))`
/// turns `500, 503, 200` into the 200 after two retries (the first immediate).
public final class AzureRetryingTransport: ARMTransport {
    public let inner: any ARMTransport
    public let policy: AzureRetryPolicy
    let clock: any AzureClock
    let cancellation: AzureCancellation
    let diagnostics: AzureDiagnostics
    let gate = AzureThrottleGate()
    let random: @Sendable () -> Double

    public init(
        wrapping inner: any ARMTransport, policy: AzureRetryPolicy = AzureRetryPolicy(),
        clock: any AzureClock = AzureSystemClock(), cancellation: AzureCancellation = AzureCancellation(),
        diagnostics: AzureDiagnostics = .disabled,
        random: @escaping @Sendable () -> Double = { Double.random(in: 0...1) }
    ) {
        self.inner = inner
        self.policy = policy
        self.clock = clock
        self.cancellation = cancellation
        self.diagnostics = diagnostics
        self.random = random
    }

    public func send(_ request: ARMRequest) throws(ARMTransportError) -> ARMResponse {
        var retries = 0
        var throttled = 0
        while true {
            try gate.waitIfPaused(clock: clock, cancellation: cancellation)
            if cancellation.isCancelled { throw .cancelled }
            let response: ARMResponse
            do {
                response = try inner.send(request)
            } catch {
                switch error {
                case .connectionFailed, .timedOut:
                    guard retries < policy.maximumRetries else { throw error }
                    try wait(beforeRetry: retries, why: ARMErrorMessages.reason(error))
                    retries += 1
                    continue
                default:
                    throw error
                }
            }
            if response.statusCode == 429 {
                guard throttled < policy.maximumRetriesFor429, let delay = retryAfter(response) else { return response }
                if delay > policy.maximumRetryAfter {
                    diagnostics.verbose("Azure Resource Manager asked to retry after \(ARMErrorMessages.formatSeconds(delay.rounded(.up))) s, more than the \(ARMErrorMessages.formatSeconds(policy.maximumRetryAfter)) s AzShim waits; giving up.")
                    return response
                }
                throttled += 1
                diagnostics.verbose("Azure Resource Manager is throttling requests (429); retrying in \(ARMErrorMessages.formatSeconds((delay * 10).rounded(.up) / 10)) s.")
                gate.pause(until: clock.now() + delay)
                continue
            }
            if AzureRetryPolicy.isTransient(statusCode: response.statusCode) && retries < policy.maximumRetries {
                try wait(beforeRetry: retries, why: "status \(response.statusCode)")
                retries += 1
                continue
            }
            return response
        }
    }

    private func wait(beforeRetry retry: Int, why: String) throws(ARMTransportError) {
        let delay = policy.backoff(beforeRetry: retry, random: random())
        diagnostics.verbose("Retry \(retry + 1) of \(policy.maximumRetries) after \(why)\(delay > 0 ? " in \(ARMErrorMessages.formatSeconds((delay * 10).rounded() / 10)) s" : "").")
        if delay > 0 { try clock.sleep(seconds: delay, cancellation: cancellation) }
    }

    /// `retry-after-ms` / `x-ms-retry-after-ms` (milliseconds), else `Retry-After` (seconds
    /// or an HTTP date), as a wait in seconds.
    func retryAfter(_ response: ARMResponse) -> Double? {
        for name in ["retry-after-ms", "x-ms-retry-after-ms"] {
            if let text = response.header(name), let milliseconds = Double(text.httpTrimmed), milliseconds >= 0 {
                return milliseconds / 1000
            }
        }
        guard let text = response.header("Retry-After")?.httpTrimmed else { return nil }
        if let seconds = Double(text), seconds >= 0, seconds.isFinite { return seconds }
        if let date = AzureHTTPDate.parse(text) { return max(0, date - clock.now()) }
        return nil
    }
}

import AzShimSupport
import HTTP1

/// A decorator `ARMTransport` that retries as Az does (see `AzureRetryPolicy`), whatever it
/// wraps, within one time budget per operation (`AzureRetryPolicy.totalTimeout`): every
/// attempt gets at most what the budget has left, and a retry or a 429 wait that would not fit
/// is not started. When it gives up on a failure after more than one attempt (or because of the
/// budget), the error says how many attempts were made and over how long. Waits go through the
/// injectable `AzureClock` and stop at once on cancellation.
///
/// Example: `AzureRetryingTransport(wrapping: arm, policy: AzureRetryPolicy(environment: env))`
/// turns `500, 503, 200` into the 200 after two retries (the first immediate); a server that
/// never answers ends in `The request to https://management.azure.com timed out after 90 seconds.
/// 3 attempts were made in 300 seconds; AZSHIM_HTTP_TOTAL_TIMEOUT (300 s) leaves no time for another.`
package final class AzureRetryingTransport: ARMTransport {
    package let inner: any ARMTransport
    package let policy: AzureRetryPolicy
    let clock: any AzureClock
    let cancellation: Cancellation
    let diagnostics: AzureDiagnostics
    let gate = AzureThrottleGate()
    let random: @Sendable () -> Double

    package init(
        wrapping inner: any ARMTransport, policy: AzureRetryPolicy = AzureRetryPolicy(),
        clock: any AzureClock = AzureSystemClock(), cancellation: Cancellation = Cancellation(),
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

    /// With the lines going to the diagnostics it was built with.
    package func send(_ request: ARMRequest) throws(ARMTransportError) -> ARMResponse {
        try send(request, diagnostics: diagnostics)
    }

    package func send(_ request: ARMRequest, diagnostics: AzureDiagnostics) throws(ARMTransportError) -> ARMResponse {
        let start = clock.now()
        let end = start + policy.totalTimeout
        var retries = 0
        var throttled = 0
        var attempts = 0
        func gaveUp(_ error: ARMTransportError, budget: Bool) -> ARMTransportError {
            guard attempts > 1 || budget, error != .cancelled else { return error }
            return .gaveUp(
                last: error, attempts: attempts, elapsed: Duration(clampingSeconds: clock.now() - start),
                budget: budget ? Duration(clampingSeconds: policy.totalTimeout) : nil)
        }
        while true {
            try gate.waitIfPaused(clock: clock, cancellation: cancellation)
            if cancellation.isCancelled { throw .cancelled }
            let left = end - clock.now()
            var attempt = request
            attempt.timeLimit = min(request.timeLimit ?? .longest, Duration(clampingSeconds: left))
            attempts += 1
            let response: ARMResponse
            do {
                response = try inner.send(attempt, diagnostics: diagnostics)
            } catch {
                switch error {
                case .connectionFailed, .timedOut:
                    guard retries < policy.maximumRetries else { throw gaveUp(error, budget: false) }
                    let delay = policy.backoff(beforeRetry: retries, random: random())
                    // A retry needs its wait and at least a second to run in.
                    guard clock.now() + delay + 1 < end else { throw gaveUp(error, budget: true) }
                    try wait(delay, beforeRetry: retries, why: ARMErrorMessages.reason(error), diagnostics: diagnostics)
                    retries += 1
                    continue
                default:
                    throw gaveUp(error, budget: false)
                }
            }
            if response.statusCode == 429 {
                guard throttled < policy.maximumRetriesFor429, let delay = retryAfter(response) else { return response }
                if delay > policy.maximumRetryAfter {
                    diagnostics.verbose(
                        "Azure Resource Manager asked to retry after \(ARMErrorMessages.formatSeconds(delay.rounded(.up))) s, more than the \(ARMErrorMessages.formatSeconds(policy.maximumRetryAfter)) s AzShim waits; giving up."
                    )
                    return response
                }
                if clock.now() + delay + 1 >= end {
                    diagnostics.verbose(
                        "Azure Resource Manager asked to retry after \(ARMErrorMessages.formatSeconds(delay.rounded(.up))) s, more than the \(AzureHTTPSettings.totalTimeoutVariable) budget leaves; giving up."
                    )
                    return response
                }
                throttled += 1
                diagnostics.verbose(
                    "Azure Resource Manager is throttling requests (429); retrying in \(ARMErrorMessages.formatSeconds((delay * 10).rounded(.up) / 10)) s."
                )
                gate.pause(until: clock.now() + delay)
                continue
            }
            if AzureRetryPolicy.isTransient(statusCode: response.statusCode) && retries < policy.maximumRetries {
                let delay = policy.backoff(beforeRetry: retries, random: random())
                guard clock.now() + delay + 1 < end else { return response }
                try wait(delay, beforeRetry: retries, why: "status \(response.statusCode)", diagnostics: diagnostics)
                retries += 1
                continue
            }
            return response
        }
    }

    private func wait(_ delay: Double, beforeRetry retry: Int, why: String, diagnostics: AzureDiagnostics)
        throws(ARMTransportError)
    {
        diagnostics.verbose(
            "Retry \(retry + 1) of \(policy.maximumRetries) after \(why)\(delay > 0 ? " in \(ARMErrorMessages.formatSeconds((delay * 10).rounded() / 10)) s" : "")."
        )
        if delay > 0 { try clock.sleep(for: Duration(clampingSeconds: delay), cancellation: cancellation) }
    }

    /// `retry-after-ms` / `x-ms-retry-after-ms` (milliseconds), else `Retry-After` (seconds
    /// or an HTTP date), as a wait in seconds. Numbers are plain decimals (no sign, exponent,
    /// `inf` or `nan`); one too large to matter is simply large.
    func retryAfter(_ response: ARMResponse) -> Double? {
        for name in ["retry-after-ms", "x-ms-retry-after-ms"] {
            if let text = response.headers[name], let milliseconds = Self.decimal(text.httpTrimmed, fraction: true) {
                return milliseconds / 1000
            }
        }
        guard let text = response.headers["Retry-After"]?.httpTrimmed else { return nil }
        if let seconds = Self.decimal(text, fraction: false) { return seconds }
        if let date = AzureHTTPDate.parse(text) { return max(0, date - clock.now()) }
        return nil
    }

    /// `1*DIGIT` (and `.1*DIGIT` when `fraction`), as a finite Double.
    static func decimal(_ text: String, fraction: Bool) -> Double? {
        let parts = text.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        guard !parts[0].isEmpty, parts.count == 1 || fraction,
            parts.allSatisfy({ part in
                !part.isEmpty && part.utf8.count <= 400 && part.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
            }), let value = Double(text), value.isFinite
        else { return nil }
        return value
    }
}

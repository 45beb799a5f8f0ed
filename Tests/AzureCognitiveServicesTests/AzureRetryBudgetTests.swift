import AzShimSupport
import HTTP1
import Synchronization
import Testing

@testable import AzureCognitiveServices

/// The retrying transport's time budget (`AZSHIM_HTTP_TOTAL_TIMEOUT`) on a fake clock: each
/// attempt is offered what is left, a retry that would not fit is not started, and the error
/// says how many attempts were made and over how long.
@Suite struct AzureRetryBudgetTests {
    /// An ARM that never answers: each attempt uses up its whole time limit (at most 100 s, the
    /// per-attempt timeout) on the fake clock, then times out.
    final class HungARM: ARMTransport {
        let clock: FakeClock
        private let offered = Mutex<[Double]>([])
        var limits: [Double] { offered.withLock { $0 } }

        init(clock: FakeClock) { self.clock = clock }

        func send(_ request: ARMRequest, diagnostics: AzureDiagnostics) throws(ARMTransportError) -> ARMResponse {
            let limit = request.timeLimit.map(\.inSeconds) ?? .infinity
            offered.withLock { $0.append(limit) }
            let used = min(limit, 100)
            try clock.sleep(for: Duration(clampingSeconds: used), cancellation: Cancellation())
            throw .timedOut(endpoint: "https://management.azure.com", after: Duration(clampingSeconds: used))
        }
    }

    static let request = ARMRequest(method: "POST", pathSegments: ["subscriptions", "s"], apiVersion: "2024-10-01")

    @Test("a hung server with the defaults: 3 attempts offered 300, 200 and 90 s, then the budget ends it")
    func hungServerWithTheDefaults() {
        let clock = FakeClock()
        let arm = HungARM(clock: clock)
        let transport = AzureRetryingTransport(wrapping: arm, clock: clock, random: { 0.5 })
        let error = #expect(throws: ARMTransportError.self) { try transport.send(Self.request) }
        #expect(arm.limits == [300, 200, 90])
        #expect(
            error
                == .gaveUp(
                    last: .timedOut(endpoint: "https://management.azure.com", after: .seconds(90)), attempts: 3,
                    elapsed: .seconds(300),
                    budget: .seconds(300)))
        #expect(
            ARMErrorMessages.record(for: error ?? .cancelled).message
                == "The request to https://management.azure.com timed out after 90 seconds. 3 attempts were made in 300 seconds; AZSHIM_HTTP_TOTAL_TIMEOUT (300 s) leaves no time for another."
        )
    }

    @Test("retries exhausted within the budget: the count without the budget clause")
    func retriesExhausted() {
        let clock = FakeClock()
        let arm = HungARM(clock: clock)
        var policy = AzureRetryPolicy()
        policy.maximumRetries = 1
        let transport = AzureRetryingTransport(wrapping: arm, policy: policy, clock: clock, random: { 0.5 })
        let error = #expect(throws: ARMTransportError.self) { try transport.send(Self.request) }
        #expect(
            ARMErrorMessages.record(for: error ?? .cancelled).message.hasSuffix(" 2 attempts were made in 200 seconds.")
        )
    }

    @Test("a 429 whose Retry-After does not fit in what the budget leaves is returned at once")
    func throttledBeyondTheBudget() throws {
        final class Throttling: ARMTransport {
            func send(_ request: ARMRequest, diagnostics: AzureDiagnostics) throws(ARMTransportError) -> ARMResponse {
                ARMResponse(statusCode: 429, headers: [("Retry-After", "30")])
            }
        }
        let clock = FakeClock()
        var policy = AzureRetryPolicy()
        policy.totalTimeout = 20
        let transport = AzureRetryingTransport(wrapping: Throttling(), policy: policy, clock: clock)
        #expect(try transport.send(Self.request).statusCode == 429)
        #expect(clock.sleeps.isEmpty)
    }

    /// The spans in these texts are `Duration`s; they print the seconds the `Double`s printed:
    /// hundredths below 10 s, whole seconds from 10 s on.
    @Test(
        "timeouts and attempt clauses print the same seconds",
        arguments: [
            (
                ARMTransportError.gaveUp(
                    last: .timedOut(endpoint: "https://login.microsoftonline.com", after: .milliseconds(2500)),
                    attempts: 2,
                    elapsed: Duration(clampingSeconds: 5.678), budget: .seconds(20)),
                "https://login.microsoftonline.com did not answer within 2.5 s (2 attempts were made in 5.68 seconds; AZSHIM_HTTP_TOTAL_TIMEOUT (20 s) leaves no time for another)"
            ),
            (
                .gaveUp(
                    last: .timedOut(endpoint: "https://management.azure.com", after: Duration(clampingSeconds: 0.123)),
                    attempts: 1, elapsed: Duration(clampingSeconds: 12.5), budget: Duration(clampingSeconds: 0.5)),
                "https://management.azure.com did not answer within 0.12 s (1 attempt was made in 13 seconds; AZSHIM_HTTP_TOTAL_TIMEOUT (0.5 s) leaves no time for another)"
            ),
        ])
    func spanTexts(error: ARMTransportError, reason: String) {
        #expect(ARMErrorMessages.reason(error) == reason)
    }

    @Test func timeoutSentence() {
        #expect(
            ARMErrorMessages.record(
                for: .timedOut(endpoint: "https://management.azure.com", after: .milliseconds(2500))
            )
            .message == "The request to https://management.azure.com timed out after 2.5 seconds.")
    }
}

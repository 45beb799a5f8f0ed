import AzShimSupport
import HTTP1
import PowerShellHost

/// The error texts of Az for ARM calls, in one place: a non-200 status as
/// `ErrorResponseException` renders it through `RunCmdLet`, the SDK's client-side validation
/// messages, and a request that got no response.
///
/// Example: a 404 renders as `Operation returned an invalid status code 'NotFound'` + newline +
/// ARM's `error.message`.
package enum ARMErrorMessages {
    /// `Operation returned an invalid status code '<HttpStatusCode name>'`, then ARM's
    /// `error.message` on the next line when the body is an ARM error.
    package static func record(for response: ARMResponse) -> ErrorRecord {
        var message = "Operation returned an invalid status code '\(statusName(response.statusCode))'"
        if let body = try? JSONParser.parse(response.body), let detail = body["error"]?["message"]?.stringValue {
            message += "\n" + detail
        }
        return ErrorRecord(message: message, errorId: "InvalidOperation", category: .closeError)
    }

    /// A request that got no HTTP response.
    package static func record(for failure: ARMTransportError) -> ErrorRecord {
        ErrorRecord(message: sentence(failure), errorId: "ARMRequestFailed", category: category(failure))
    }

    private static func sentence(_ failure: ARMTransportError) -> String {
        switch failure {
        case .connectionFailed(let endpoint, let reason): "Cannot connect to \(endpoint): \(reason)."
        case .timedOut(let endpoint, let timeout):
            "The request to \(endpoint) timed out after \(formatSeconds(roundedDuration(timeout))) seconds."
        case .invalidResponse(let endpoint, let reason): "The response from \(endpoint) was not valid: \(reason)."
        case .cancelled: "The operation was canceled."
        case .refused(let reason): reason
        case .emulator(let failure): failure.description
        case .authentication(let error): text(error)
        case .gaveUp(let last, let attempts, let elapsed, let budget):
            sentence(last) + " "
                + attemptsClause(attempts: attempts, elapsed: elapsed, budget: budget, asSentence: true)
        }
    }

    private static func category(_ failure: ARMTransportError) -> ErrorRecord.Category {
        switch failure {
        case .authentication: .authenticationError
        case .cancelled: .operationStopped
        case .emulator: .closeError
        case .gaveUp(let last, _, _, _): category(last)
        default: .connectionError
        }
    }

    /// `3 attempts were made in 17 seconds.`, and with a budget
    /// `…; AZSHIM_HTTP_TOTAL_TIMEOUT (20 s) leaves no time for another.`
    private static func attemptsClause(attempts: Int, elapsed: Duration, budget: Duration?, asSentence: Bool) -> String
    {
        var text = attempts == 1 ? "1 attempt was made" : "\(attempts) attempts were made"
        text += " in \(formatSeconds(roundedDuration(elapsed))) seconds"
        if let budget {
            text +=
                "; \(AzureHTTPSettings.totalTimeoutVariable) (\(formatSeconds(budget.inSeconds)) s) leaves no time for another"
        }
        return asSentence ? text + "." : text
    }

    /// Durations as messages show them: whole seconds from 10 s on, hundredths below.
    private static func roundedDuration(_ duration: Duration) -> Double {
        let seconds = duration.inSeconds
        return seconds >= 10 ? seconds.rounded() : (seconds * 100).rounded() / 100
    }

    /// The same failure as a clause inside AzShim's own messages (a token request that could not
    /// reach the identity platform): `cannot connect to https://login.microsoftonline.com: Connection refused`.
    static func reason(_ failure: ARMTransportError) -> String {
        switch failure {
        case .connectionFailed(let endpoint, let reason): "cannot connect to \(endpoint): \(reason)"
        case .timedOut(let endpoint, let timeout):
            "\(endpoint) did not answer within \(formatSeconds(roundedDuration(timeout))) s"
        case .invalidResponse(let endpoint, let reason): "invalid response from \(endpoint): \(reason)"
        case .cancelled: "cancelled"
        case .refused(let reason): reason
        case .emulator(let failure): failure.description
        case .authentication(let error): text(error)
        case .gaveUp(let last, let attempts, let elapsed, let budget):
            reason(last) + " ("
                + attemptsClause(attempts: attempts, elapsed: elapsed, budget: budget, asSentence: false) + ")"
        }
    }

    /// A credential's failure: `Azure CLI authentication failed: not logged in. Run 'az login', or configure another credential.`;
    /// a token request that got no answer ends with the transport's clause
    /// (`… failed: cannot connect to https://login.microsoftonline.com: Connection refused`).
    private static func text(_ error: AuthenticationError) -> String {
        switch error.reason {
        case .unreachable(let failure): "\(error.attempt): \(reason(failure))"
        case .refused(let text), .local(let text): "\(error.attempt): \(text)"
        }
    }

    /// A list's `nextLink` that leads away from the Resource Manager endpoint: AzShim does not
    /// follow it (Az would, with the token). Names the link's origin, or its start when it is
    /// not a URL.
    ///
    /// Example: `The next page of the list is at 'https://elsewhere.example', not at the Resource Manager endpoint 'https://management.azure.com'; AzShim sends the access token nowhere else, so it does not follow the link.`
    package static func foreignNextLink(_ link: String, endpoint: String) -> String {
        let place = HTTPURL(link)?.origin ?? shortened(link)
        return "The next page of the list is at '\(place)', not at the Resource Manager endpoint '\(endpoint)'; "
            + "AzShim sends the access token nowhere else, so it does not follow the link."
    }

    /// A `nextLink` on the right endpoint whose path or query is not plain printable ASCII.
    package static func malformedNextLink(_ link: String) -> String {
        "The next page link of the list is not a valid URL: '\(shortened(link))'."
    }

    /// A `nextLink` the list already followed: a server that sends it again would never end.
    package static func repeatedNextLink(_ link: String) -> ErrorRecord {
        ErrorRecord(
            message: "The next page link of the list repeats one already followed ('\(shortened(link))'); "
                + "AzShim stops rather than read the same pages forever.",
            errorId: "ARMRequestFailed", category: .invalidData)
    }

    /// The SDK's `SerializationException` for a 200 body it cannot read into its models.
    package static func deserializationFailed() -> ErrorRecord {
        ErrorRecord(
            message: "Unable to deserialize the response.", errorId: "SerializationException", category: .closeError)
    }

    /// At most 100 characters of server text, with `…` when cut.
    private static func shortened(_ text: String) -> String {
        text.count > 100 ? String(text.prefix(100)) + "…" : text
    }

    /// Seconds as messages print them: `3`, `0.5`, `0.125`; any value, never a trap (a
    /// `Retry-After` of `1e300` prints as `1e+300`).
    static func formatSeconds(_ seconds: Double) -> String {
        SecondsText.format(seconds)
    }

    /// The SDK's `ValidationException` texts (`Microsoft.Rest.ClientRuntime` Resources.resx).
    package static func validation(_ failure: ValidationRule, target: String, bound: String) -> ErrorRecord {
        let message: String
        switch failure {
        case .pattern: message = "'\(target)' does not match expected pattern '\(bound)'."
        case .maximumLength: message = "'\(target)' exceeds maximum length of '\(bound)'."
        case .minimumLength: message = "'\(target)' is less than minimum length of '\(bound)'."
        }
        return ErrorRecord(message: message, errorId: "ValidationException", category: .closeError)
    }

    package enum ValidationRule: Sendable { case pattern, maximumLength, minimumLength }

    /// .NET's `HttpStatusCode` enum names; an undefined code prints as its number.
    package static func statusName(_ code: Int) -> String {
        HTTPStatus.name(code)
    }
}

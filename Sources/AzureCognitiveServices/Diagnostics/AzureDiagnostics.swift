/// Where the Azure backend sends its `VERBOSE:`/`DEBUG:` messages, and which of them are
/// wanted (messages that are not wanted are never built).
///
/// Example: for `New-AzCognitiveServicesAccountKey rg acct Key1 -Debug` the host passes
/// `AzureDiagnostics(verbose: false, debug: true) { message in printToStderr(message) }`.
package struct AzureDiagnostics: Sendable {
    package var isVerboseEnabled: Bool
    package var isDebugEnabled: Bool
    package var sink: @Sendable (AzureDiagnostic) -> Void

    package init(verbose: Bool, debug: Bool, sink: @escaping @Sendable (AzureDiagnostic) -> Void) {
        self.isVerboseEnabled = verbose
        self.isDebugEnabled = debug
        self.sink = sink
    }

    /// No diagnostics at all.
    package static let disabled = AzureDiagnostics(verbose: false, debug: false) { _ in }

    func verbose(_ text: @autoclosure () -> String) {
        if isVerboseEnabled { sink(.verbose(text())) }
    }

    /// A WARNING line, sent only when `-Verbose` is on.
    func verboseWarning(_ text: @autoclosure () -> String) {
        if isVerboseEnabled { sink(.verboseWarning(text())) }
    }

    func debug(_ text: @autoclosure () -> String) {
        if isDebugEnabled { sink(.debug(text())) }
    }

    /// Always handed to the host, which applies the warning preference.
    func warning(_ text: String) {
        sink(.warning(text))
    }
}

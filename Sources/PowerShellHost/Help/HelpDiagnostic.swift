/// A problem found while reading a help file, with the 1-based line it concerns.
///
/// Example: a copy of `New-AzCognitiveServicesAccountKey.md` whose `-KeyName` block says
/// `Positon: 2` gives `HelpDiagnostic(line: 82, message: "Invalid yaml: unknown key Positon")`.
package struct HelpDiagnostic: Sendable, Equatable, CustomStringConvertible {
    /// Errors make the document unreliable; warnings mark something platyPS would accept.
    package enum Severity: String, Sendable, Equatable {
        case error, warning
    }

    package let line: Int
    package let message: String
    package let severity: Severity

    package init(line: Int, message: String, severity: Severity = .error) {
        self.line = line
        self.message = message
        self.severity = severity
    }

    /// `line 82: error: Invalid yaml: unknown key Positon`.
    package var description: String { "line \(line): \(severity.rawValue): \(message)" }
}

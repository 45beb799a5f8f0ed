/// A problem found while reading a help file, with the 1-based line it concerns.
///
/// Example: a copy of `New-AzCognitiveServicesAccountKey.md` whose `-KeyName` block says
/// `Positon: 2` gives `HelpDiagnostic(line: 82, message: "Invalid yaml: unknown key Positon")`.
public struct HelpDiagnostic: Sendable, Equatable, CustomStringConvertible {
    /// Errors make the document unreliable; warnings mark something platyPS would accept.
    public enum Severity: String, Sendable, Equatable {
        case error, warning
    }

    public let line: Int
    public let message: String
    public let severity: Severity

    public init(line: Int, message: String, severity: Severity = .error) {
        self.line = line
        self.message = message
        self.severity = severity
    }

    /// `line 82: error: Invalid yaml: unknown key Positon`.
    public var description: String { "line \(line): \(severity.rawValue): \(message)" }
}

/// `System.Management.Automation.ActionPreference`: what a stream does with a record.
///
/// Example: `-ErrorAction SilentlyContinue` hides non-terminating errors but the exit
/// status is still 1.
public enum ActionPreference: String, Sendable, CaseIterable {
    case silentlyContinue = "SilentlyContinue"
    case stop = "Stop"
    case `continue` = "Continue"
    case inquire = "Inquire"
    case ignore = "Ignore"
    case suspend = "Suspend"
    case `break` = "Break"

    init?(parameterValue: ParameterValue?) {
        guard let name = parameterValue?.enumerationName else { return nil }
        self.init(rawValue: name)
    }

    /// Whether records of this preference are shown.
    public var isShown: Bool { self == .continue || self == .inquire || self == .stop || self == .break }
}

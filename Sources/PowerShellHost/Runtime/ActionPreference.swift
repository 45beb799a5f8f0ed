/// `System.Management.Automation.ActionPreference`: what a stream does with a record.
///
/// Example: `-ErrorAction SilentlyContinue` hides non-terminating errors but the exit
/// status is still 1.
package enum ActionPreference: String, ParameterEnumeration {
    case silentlyContinue = "SilentlyContinue"
    case stop = "Stop"
    case `continue` = "Continue"
    case inquire = "Inquire"
    case ignore = "Ignore"
    case suspend = "Suspend"
    case `break` = "Break"

    /// The members' values are their declaration order (`SilentlyContinue` = 0 … `Break` = 6).
    package static let fullName = "System.Management.Automation.ActionPreference"

    /// Whether records of this preference are shown.
    package var isShown: Bool { self == .continue || self == .inquire || self == .stop || self == .break }
}

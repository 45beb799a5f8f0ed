import AzShimSupport

/// Why the emulator could not answer: its state file is unreadable, corrupt or unwritable. The
/// emulator's own error; its requests carry it as `ARMTransportError.emulator`, and
/// `ARMErrorMessages` shows `description`.
///
/// Example: a state file that is a folder is `.fileSystem(…)`, shown as
/// `The emulator state file cannot be used. Cannot read '/home/u/.local/state/azshim/emulator.json': Is a directory.`
package enum EmulatorFailure: Error, Sendable, Equatable, CustomStringConvertible {
    case fileSystem(FileSystem.Failure)
    case corrupt(String, EmulatorState.FormatError)

    package var description: String {
        switch self {
        case .fileSystem(let failure): "The emulator state file cannot be used. \(failure.description)"
        case .corrupt(let path, .syntax(let error)):
            "The emulator state file '\(path)' is not valid JSON (line \(error.line), column \(error.column): "
                + "\(error.reason)). It was left unchanged; repair or remove it."
        case .corrupt(let path, .shape(let reason)):
            "The emulator state file '\(path)' is not an AzShim state file: \(reason). It was left unchanged; "
                + "repair or remove it."
        }
    }
}

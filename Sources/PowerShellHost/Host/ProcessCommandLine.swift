/// The program's command line (argv, the program name first), decided before anything else runs.
///
/// Two sources: the argv the C library handed to the program's initializers (captured before
/// `main` by the `CProcessArguments` target, no file read), and Swift's `CommandLine.arguments`,
/// which Linux fills from `/proc/self/cmdline` and leaves empty when `/proc` is missing (a chroot,
/// a jail, a minimal sandbox). The captured argv is used; when `/proc` did give a command line the
/// two must agree. Anything else fails closed: an empty command line would otherwise run the
/// cmdlet with no arguments, and `-WhatIf` would be lost.
///
/// Example: in a chroot without `/proc`, `New-AzCognitiveServicesAccountKey -WhatIf` resolves from
/// `captured: ["/opt/New-AzCognitiveServicesAccountKey", "-WhatIf"], runtime: []` to
/// `programName == "/opt/New-AzCognitiveServicesAccountKey"`, `arguments == ["-WhatIf"]`;
/// `captured: nil, runtime: []` throws `.programNameMissing`.
package struct ProcessCommandLine: Sendable, Equatable {
    /// argv[0]: the name the program was invoked as, a path or a bare name; never empty.
    package let programName: String
    /// argv[1...].
    package let arguments: [String]

    package init(programName: String, arguments: [String]) {
        self.programName = programName
        self.arguments = arguments
    }

    /// The last path component of the program name: `/usr/local/bin/Get-Help` is `Get-Help`.
    package var invokedName: String {
        // The last `/` byte, when an ASCII byte or nothing follows it: that `/` is then a Character
        // of its own, the last one, as the split finds it, without walking every Character.
        let bytes = programName.utf8
        guard let slash = bytes.lastIndex(of: UInt8(ascii: "/")) else { return programName }
        let start = bytes.index(after: slash)
        if start == bytes.endIndex || bytes[start] < 0x80 { return String(programName[start...]) }
        return String(programName.split(separator: "/", omittingEmptySubsequences: false).last ?? "")
    }

    /// Why the command line cannot be trusted; the program writes `message` and exits 2 before it
    /// reads stdin, takes a lock or sends a request.
    package enum Failure: Error, Sendable, Equatable {
        /// Neither source holds a program name (argv[0] missing or empty).
        case programNameMissing
        /// The captured argv and `/proc/self/cmdline` hold different command lines (their counts).
        case sourcesDisagree(captured: Int, procfs: Int)

        /// One line for stderr. It never repeats the arguments (they are the user's, and may be long).
        package var message: String {
            switch self {
            case .programNameMissing:
                "azshim: the command line cannot be read: the program name (argv[0]) is missing and "
                    + "/proc/self/cmdline gave nothing (/proc may not be mounted). Nothing was run."
            case .sourcesDisagree(let captured, let procfs):
                "azshim: the command line cannot be read: the \(captured) words passed to the program differ "
                    + "from the \(procfs) in /proc/self/cmdline (/proc may be missing or not this process's). "
                    + "Nothing was run."
            }
        }
    }

    /// The command line from the captured argv (nil when the C library passed none) and Swift's
    /// `CommandLine.arguments` (empty without `/proc`).
    package static func resolve(captured: [String]?, runtime: [String]) throws(Failure) -> ProcessCommandLine {
        let words: [String]
        if let captured {
            // `/proc` gave a command line: it must be the same one, word for word.
            guard runtime.isEmpty || runtime == captured else {
                throw .sourcesDisagree(captured: captured.count, procfs: runtime.count)
            }
            words = captured
        } else {
            words = runtime
        }
        guard let first = words.first, !first.isEmpty else { throw .programNameMissing }
        return ProcessCommandLine(programName: first, arguments: Array(words.dropFirst()))
    }
}

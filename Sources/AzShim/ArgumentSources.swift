import CProcessArguments

#if canImport(Glibc)
    import Glibc
#endif

/// The two places the command line can come from, for `ProcessCommandLine.resolve`.
///
/// Example: `New-AzCognitiveServicesAccountKey -WhatIf` in a chroot without `/proc` has
/// `captured() == ["/opt/New-AzCognitiveServicesAccountKey", "-WhatIf"]` and `procfs() == []`.
enum ArgumentSources {
    /// The argv the C library handed to the program's initializers (`CProcessArguments`), decoded as
    /// `CommandLine.arguments` decodes it (invalid UTF-8 repaired), or nil when none was captured.
    static func captured() -> [String]? {
        let count = Int(CProcessArgumentsCount())
        guard count >= 0, let vector = CProcessArgumentsVector() else { return nil }
        var words: [String] = []
        words.reserveCapacity(count)
        for index in 0..<count {
            // argv[i] is never NULL below argc; a vector that says otherwise is no capture at all.
            guard let word = vector[index] else { return nil }
            words.append(String(cString: word))
        }
        return words
    }

    /// Swift's `CommandLine.arguments`, which Linux reads from `/proc/self/cmdline`; empty when that
    /// file cannot be read (without asking the runtime, which in some Swift releases stops the
    /// program with a fatal error there).
    static func procfs() -> [String] {
        #if os(Linux)
            guard access("/proc/self/cmdline", R_OK) == 0 else { return [] }
        #endif
        return CommandLine.arguments
    }
}

import CProcessArguments

/// The argv the C library handed to the program's initializers (`CProcessArguments`), decoded as
/// `CommandLine.arguments` decodes it (invalid UTF-8 repaired), or nil when none was captured.
///
/// Example: `New-AzCognitiveServicesAccountKey -WhatIf` in a chroot without `/proc` reads
/// `["/opt/New-AzCognitiveServicesAccountKey", "-WhatIf"]`, where `CommandLine.arguments` is `[]`.
enum CapturedArguments {
    static func read() -> [String]? {
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
}

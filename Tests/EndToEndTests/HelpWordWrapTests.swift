import Testing

/// Deliberate deviation: PowerShell word-wraps help only when the current culture's language is
/// en, fr, de, it, pt or es (`StringManipulationHelper.GenerateLines`, `ComplexWriter.cs`,
/// v7.6.5) and otherwise cuts each line at the width, mid-word (`GenerateLinesWithoutWordWrap`),
/// e.g. under `LANG=C` in a container. AzShim always word-wraps, so help reads the same in every
/// locale.
@Suite struct HelpWordWrapTests {
    static let locales: [[String: String]] = [
        ["LANG": "C"], ["LC_ALL": "C"], ["LANG": "POSIX"], ["LANG": "C.UTF-8"], ["LANG": "ja_JP.UTF-8"],
        ["LANG": "en_US.UTF-8", "LC_ALL": "zh_CN.UTF-8"], ["LC_MESSAGES": "ru_RU.UTF-8"], [:],
    ]

    @Test("-? word-wraps in every locale, as PowerShell does only for en, fr, de, it, pt, es", arguments: locales)
    func wordWrapsInEveryLocale(_ locale: [String: String]) {
        let harness = Harness()
        defer { harness.remove() }
        let english = harness.run(["-?"], environment: ["COLUMNS": "80", "LANG": "en_US.UTF-8"])
        let result = harness.run(["-?"], environment: locale.merging(["COLUMNS": "80"]) { $1 })
        #expect(result.status == 0)
        #expect(result.stdout == english.stdout)
        // Word-wrapped: the line ends after a whole word, with its space.
        #expect(
            result.stdout.contains("\n    New-AzCognitiveServicesAccountKey [-ResourceGroupName] <System.String> \n"))
        // Not PowerShell's cut at 75 characters, which a non-wrapping culture would print.
        #expect(!result.stdout.contains("<System.String> [-N\n"))
    }
}

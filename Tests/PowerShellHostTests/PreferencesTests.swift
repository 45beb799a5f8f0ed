import Testing

@testable import PowerShellHost

/// Unit tests for the preference getters (`MshCommandRuntime`), `VariablePath.IsVariable` and the
/// console host's word wrap (`ConsoleHostUserInterface.WrapText`).
struct PreferencesTests {
    struct ApplyCase: CustomTestStringConvertible, Sendable {
        let parameters: [(String, ParameterValue)]
        let verbose: ActionPreference
        let debug: ActionPreference
        let warning: ActionPreference
        let verboseSwitch: Bool
        var testDescription: String { parameters.map { "-\($0.0):\($0.1)" }.joined(separator: " ") }
    }

    static let start: Preferences = {
        var preferences = Preferences()
        preferences.warning = .silentlyContinue
        preferences.verbose = .silentlyContinue
        preferences.debug = .silentlyContinue
        return preferences
    }()

    static let applyCases: [ApplyCase] = [
        ApplyCase(
            parameters: [], verbose: .silentlyContinue, debug: .silentlyContinue, warning: .silentlyContinue,
            verboseSwitch: false),
        ApplyCase(
            parameters: [("Verbose", .switchValue(true))], verbose: .continue, debug: .silentlyContinue,
            warning: .continue, verboseSwitch: true),
        ApplyCase(
            parameters: [("Verbose", .switchValue(false))], verbose: .silentlyContinue, debug: .silentlyContinue,
            warning: .silentlyContinue, verboseSwitch: false),
        ApplyCase(
            parameters: [("Debug", .switchValue(true))], verbose: .continue, debug: .continue, warning: .continue,
            verboseSwitch: false),
        ApplyCase(
            parameters: [("Debug", .switchValue(true)), ("Verbose", .switchValue(false))], verbose: .silentlyContinue,
            debug: .continue, warning: .continue, verboseSwitch: false),
        ApplyCase(
            parameters: [("Debug", .switchValue(false))], verbose: .silentlyContinue, debug: .silentlyContinue,
            warning: .silentlyContinue, verboseSwitch: false),
        ApplyCase(
            parameters: [("Debug", .switchValue(true)), ("WarningAction", .enumeration(name: "Ignore", value: 4))],
            verbose: .continue, debug: .continue, warning: .ignore, verboseSwitch: false),
    ]

    @Test(
        "common parameters over preference variables (MshCommandRuntime getters; -Debug never Inquire)",
        arguments: applyCases)
    func applying(_ row: ApplyCase) {
        var bound = BoundParameters()
        for (name, value) in row.parameters { bound.bind(name, value, origin: .commandLine(argumentIndex: 0)) }
        let result = Self.start.applying(bound)
        #expect(result.verbose == row.verbose)
        #expect(result.debug == row.debug)
        #expect(result.warning == row.warning)
        #expect(result.verboseSwitch == row.verboseSwitch)
    }

    @Test("-Debug:false beats $DebugPreference=Continue")
    func debugFalse() throws {
        var bound = BoundParameters()
        bound.bind("Debug", .switchValue(false), origin: .commandLine(argumentIndex: 0))
        let preferences = try Preferences.fromEnvironment(["DebugPreference": "Continue"]).applying(bound)
        #expect(preferences.debug == .silentlyContinue)
    }

    @Test(
        "VariablePath.IsVariable",
        arguments: [
            ("x", true), (":x", true), ("global:x", true), ("GLOBAL:x", true), ("Local:x", true), ("private:x", true),
            ("script:", true), ("variable:x", true), ("variable:env:x", true), ("global:env:x", true),
            ("env:x", false), ("using:x", false), ("workflow:x", false), ("g:x", false), ("globalx:y", false),
            ("a:b:c", false),
        ])
    func variablePath(_ name: String, _ isVariable: Bool) {
        #expect(ValueConverter.isVariablePath(name) == isVariable)
    }

    @Test(
        "WrapText: words, spaces at the edge, long words, newlines",
        arguments: [
            (
                "Are you sure you want to perform this action?", 29,
                ["Are you sure you want to ", "perform this action?"]
            ),
            ("abc def", 3, ["abc", " ", "def"]),
            ("abcdefgh", 3, ["abc", "def", "gh"]),
            ("a\nb\n", 10, ["a", "b"]),
            ("a\tb", 10, ["a b"]),
            ("", 10, []),
        ] as [(String, Int, [String])])
    func wrap(_ text: String, _ width: Int, _ lines: [String]) {
        #expect(ConsoleWordWrap.lines(text, width: width) == lines)
    }

    @Test("DetermineChoicePicked: full labels first, then hot keys, case-insensitive")
    func choicePicked() {
        let choices = [
            ChoicePrompt.yes, ChoicePrompt.yesToAll, ChoicePrompt.no, ChoicePrompt.noToAll, ChoicePrompt.suspend,
        ]
        #expect(ChoicePrompt.determineChoicePicked("no to all", choices) == 3)
        #expect(ChoicePrompt.determineChoicePicked("l", choices) == 3)
        #expect(ChoicePrompt.determineChoicePicked("S", choices) == 4)
        #expect(ChoicePrompt.determineChoicePicked("maybe", choices) == nil)
    }
}

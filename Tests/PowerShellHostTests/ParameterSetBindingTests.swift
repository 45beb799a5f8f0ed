import PowerShellHost
import Testing

/// Parameter-set resolution (PowerShell's `CmdletParameterBinderController.ValidateParameterSets`,
/// `ResolveParameterSetAmbiguityBasedOnMandatoryParameters`, `BindPositionalParametersInSet`) for a
/// test-only command with a default set: argument list → resolved set and the mandatory
/// parameters still missing in it, or the exact error.
struct ParameterSetBindingTests {
    /// `Get-TestItem`: `ByName` (-Name, position 0, mandatory), `ByPath` (the default: -Path,
    /// position 0, mandatory, pipeline), `ByLiteralPath` (-LiteralPath, named, mandatory, pipeline,
    /// alias PSPath), and -Recurse in every set.
    static let name = ParameterKey<String>(
        name: "Name", sets: [.init(set: "ByName", position: 0, isMandatory: true)])
    static let path = ParameterKey<String>(
        name: "Path",
        sets: [.init(set: "ByPath", position: 0, isMandatory: true, valueFromPipelineByPropertyName: true)])
    static let literalPath = ParameterKey<String>(
        name: "LiteralPath",
        sets: [.init(set: "ByLiteralPath", isMandatory: true, valueFromPipelineByPropertyName: true)],
        aliases: ["PSPath"])
    static let recurse = ParameterKey<SwitchParameter>(name: "Recurse")
    static let metadata = CommandMetadata(
        name: "Get-TestItem", implementingTypeName: "Test.GetTestItemCommand",
        declaredParameters: [name, path, literalPath, recurse], supportsShouldProcess: false,
        defaultParameterSetName: "ByPath")

    static let ambiguous =
        "error AmbiguousParameterSet: Parameter set cannot be resolved using the specified named parameters. One or more parameters issued cannot be used together or an insufficient number of parameters were provided."

    /// `set [missing…]` after command-line binding without pipeline input, or `error Id: message`.
    static func outcome(_ metadata: CommandMetadata, _ words: [String], pipelineExpected: Bool = false) -> String {
        let binder = CommandLineBinder(metadata: metadata)
        do {
            var bound = try binder.bind(ArgumentTokenizer.tokenize(words).arguments)
            try binder.resolveParameterSet(&bound, pipelineExpected: pipelineExpected)
            if let pending = bound.pendingParameterSets { return "pending " + pending.joined(separator: ",") }
            let missing = binder.missingMandatory(bound).map(\.name)
            return ([bound.parameterSetName] + missing).joined(separator: " ")
        } catch {
            return "error \(error.errorId): \(BindingErrorMessages.message(for: error))"
        }
    }

    static let cases: [(words: [String], expected: String)] = [
        ([], "ByPath Path"),
        (["a"], "ByPath"),
        (["-Recurse"], "ByPath Path"),
        (["-Name", "n"], "ByName"),
        (["-Name", "n", "-Recurse"], "ByName"),
        (["-PSPath", "l"], "ByLiteralPath"),
        (["-Path", "p", "-Name", "n"], ambiguous),
        (
            ["-LiteralPath", "l", "p"],
            "error PositionalParameterNotFound: A positional parameter cannot be found that accepts argument 'p'."
        ),
        (
            ["-Name", "n", "extra"],
            "error PositionalParameterNotFound: A positional parameter cannot be found that accepts argument 'extra'."
        ),
        (
            ["a", "b"],
            "error PositionalParameterNotFound: A positional parameter cannot be found that accepts argument 'b'."
        ),
    ]

    @Test(arguments: cases.indices)
    func resolvesTheSet(_ index: Int) {
        let (words, expected) = Self.cases[index]
        #expect(Self.outcome(Self.metadata, words) == expected, "\(words)")
    }

    /// The default set wins among the possible ones even before pipeline input (ValidateParameterSets).
    @Test func defaultSetWinsBeforePipelineInput() {
        #expect(Self.outcome(Self.metadata, ["-Recurse"], pipelineExpected: true) == "ByPath Path")
    }

    /// A command without sets is in `__AllParameterSets`, whatever it binds.
    @Test func commandWithoutSets() {
        #expect(TestCommand.metadata.parameterSetNames.isEmpty)
        #expect(Self.outcome(TestCommand.metadata, ["rg"]) == "__AllParameterSets Name KeyName")
        #expect(
            Self.outcome(TestCommand.metadata, ["rg", "acct", "Key1"], pipelineExpected: true) == "__AllParameterSets")
    }
}

import AzureCognitiveServices
import PowerShellHost
import Testing

/// Get-AzCognitiveServicesAccount's four parameter sets (no default set; az-cognitiveservices-module.md
/// §2.1) as PowerShell's binder resolves them (`CmdletParameterBinderController.ValidateParameterSets`,
/// `ResolveParameterSetAmbiguityBasedOnMandatoryParameters`): argument list → the resolved set and
/// the mandatory parameters still missing in it, or the exact error.
struct GetAccountParameterSetTests {
    static let ambiguous =
        "error AmbiguousParameterSet: Parameter set cannot be resolved using the specified named parameters. One or more parameters issued cannot be used together or an insufficient number of parameters were provided."

    static func outcome(_ words: [String], pipelineExpected: Bool = false) -> String {
        let binder = CommandLineBinder(metadata: GetAzCognitiveServicesAccount.metadata)
        do {
            var bound = try binder.bind(ArgumentTokenizer.tokenize(words).arguments)
            try binder.resolveParameterSet(&bound, pipelineExpected: pipelineExpected)
            if let pending = bound.pendingParameterSets { return "pending " + pending.joined(separator: ",") }
            return ([bound.parameterSetName] + binder.missingMandatory(bound).map(\.name)).joined(separator: " ")
        } catch {
            return "error \(error.errorId): \(BindingErrorMessages.message(for: error))"
        }
    }

    static let cases: [(words: [String], expected: String)] = [
        ([], "ResourceGroupParameterSet"),
        (["rg"], "ResourceGroupParameterSet"),
        (["-ResourceGroupName", "rg"], "ResourceGroupParameterSet"),
        (["-R", "rg", "-DefaultProfile", "ctx.json"], "ResourceGroupParameterSet"),
        (["rg", "acct"], "AccountNameParameterSet"),
        (["-ResourceGroupName", "rg", "-Name", "acct"], "AccountNameParameterSet"),
        (["-AccountName", "acct", "rg"], "AccountNameParameterSet"),
        (["-Name", "acct"], ambiguous),
        (["-InRemovedState"], "ListDeletedAccountParameterSet"),
        (["rg", "acct", "westus", "-InRemovedState"], "GetDeletedAccountParameterSet"),
        (
            ["-InRemovedState", "-ResourceGroupName", "rg", "-Name", "a", "-Location", "westus"],
            "GetDeletedAccountParameterSet"
        ),
        (["-InRemovedState", "rg"], "GetDeletedAccountParameterSet Name Location"),
        (["-InRemovedState", "-Name", "a"], "GetDeletedAccountParameterSet ResourceGroupName Location"),
        (["-Location", "westus"], "GetDeletedAccountParameterSet ResourceGroupName Name InRemovedState"),
        (["rg", "acct", "westus"], "GetDeletedAccountParameterSet InRemovedState"),
        (
            ["rg", "acct", "westus", "extra"],
            "error PositionalParameterNotFound: A positional parameter cannot be found that accepts argument 'extra'."
        ),
        (
            ["-InRemovedState", "a", "b", "c", "d"],
            "error PositionalParameterNotFound: A positional parameter cannot be found that accepts argument 'd'."
        ),
        (["-Location", "westus", "-InRemovedState:false"], "GetDeletedAccountParameterSet ResourceGroupName Name"),
        (
            ["-ResourceGroupName", ""],
            "error ParameterArgumentValidationError: Cannot validate argument on parameter 'ResourceGroupName'. The argument is null or empty. Provide an argument that is not null or empty, and then try the command again."
        ),
    ]

    @Test(arguments: cases.indices)
    func resolvesTheSet(_ index: Int) {
        let (words, expected) = Self.cases[index]
        #expect(Self.outcome(words) == expected, "\(words)")
    }

    /// With pipeline input coming, a choice between sets that still take pipeline input waits for
    /// each object (`AtLeastOneUnboundValidParameterSetTakesPipelineInput`).
    @Test func pipelineInputDecidesPerObject() {
        #expect(
            Self.outcome([], pipelineExpected: true)
                == "pending ResourceGroupParameterSet,AccountNameParameterSet,GetDeletedAccountParameterSet,ListDeletedAccountParameterSet"
        )
        #expect(
            Self.outcome(["-InRemovedState"], pipelineExpected: true)
                == "pending GetDeletedAccountParameterSet,ListDeletedAccountParameterSet")
        #expect(Self.outcome(["rg", "acct"], pipelineExpected: true) == "AccountNameParameterSet")
    }
}

/// PowerShell's common parameters (`engine/CommonCommandParameters.cs`) and the
/// ShouldProcess parameters (`engine/UserFeedbackParameters.cs`), in metadata order, each a
/// typed key the host reads them through.
///
/// Example: `New-AzCognitiveServicesAccountKey rg acct Key1 -ea SilentlyContinue` binds
/// `ErrorAction` through its alias `ea`; `bound[CommonParameters.errorAction]` is `.silentlyContinue`.
public enum CommonParameters {
    private static func action(_ name: String, alias: String) -> ParameterKey<ActionPreference> {
        ParameterKey(name: name, aliases: [alias], validations: [.actionPreferenceNotSuspend], origin: .common)
    }

    private static func variable(_ name: String, alias: String) -> ParameterKey<String> {
        ParameterKey(name: name, aliases: [alias], validations: [.variableName], origin: .common)
    }

    private static func switchParameter(
        _ name: String, alias: String, origin: ParameterMetadata.Origin = .common
    ) -> ParameterKey<SwitchParameter> {
        ParameterKey(name: name, aliases: [alias], origin: origin)
    }

    public static let verbose = switchParameter("Verbose", alias: "vb")
    public static let debug = switchParameter("Debug", alias: "db")
    public static let errorAction = action("ErrorAction", alias: "ea")
    public static let warningAction = action("WarningAction", alias: "wa")
    public static let informationAction = action("InformationAction", alias: "infa")
    /// Since PowerShell 7.4.
    public static let progressAction = action("ProgressAction", alias: "proga")
    public static let errorVariable = variable("ErrorVariable", alias: "ev")
    public static let warningVariable = variable("WarningVariable", alias: "wv")
    public static let informationVariable = variable("InformationVariable", alias: "iv")
    public static let outVariable = variable("OutVariable", alias: "ov")
    public static let outBuffer = ParameterKey<Int>(
        name: "OutBuffer", aliases: ["ob"], validations: [.range(minimum: 0, maximum: Int(Int32.max))],
        origin: .common)
    public static let pipelineVariable = variable("PipelineVariable", alias: "pv")

    public static let whatIf = switchParameter("WhatIf", alias: "wi", origin: .shouldProcess)
    public static let confirm = switchParameter("Confirm", alias: "cf", origin: .shouldProcess)

    /// The common parameters every cmdlet has.
    public static let all: [ParameterMetadata] = [
        verbose.metadata, debug.metadata, errorAction.metadata, warningAction.metadata, informationAction.metadata,
        progressAction.metadata, errorVariable.metadata, warningVariable.metadata, informationVariable.metadata,
        outVariable.metadata, outBuffer.metadata, pipelineVariable.metadata,
    ]

    /// `-WhatIf` and `-Confirm`, for commands that support ShouldProcess.
    public static let shouldProcess: [ParameterMetadata] = [whatIf.metadata, confirm.metadata]
}

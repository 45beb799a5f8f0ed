/// PowerShell's common parameters (`engine/CommonCommandParameters.cs`) and the
/// ShouldProcess parameters (`engine/UserFeedbackParameters.cs`), in metadata order, each a
/// typed key the host reads them through.
///
/// Example: `New-AzCognitiveServicesAccountKey rg acct Key1 -ea SilentlyContinue` binds
/// `ErrorAction` through its alias `ea`; `bound[CommonParameters.errorAction]` is `.silentlyContinue`.
package enum CommonParameters {
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

    package static let verbose = switchParameter("Verbose", alias: "vb")
    package static let debug = switchParameter("Debug", alias: "db")
    package static let errorAction = action("ErrorAction", alias: "ea")
    package static let warningAction = action("WarningAction", alias: "wa")
    package static let informationAction = action("InformationAction", alias: "infa")
    /// Since PowerShell 7.4.
    package static let progressAction = action("ProgressAction", alias: "proga")
    package static let errorVariable = variable("ErrorVariable", alias: "ev")
    package static let warningVariable = variable("WarningVariable", alias: "wv")
    package static let informationVariable = variable("InformationVariable", alias: "iv")
    package static let outVariable = variable("OutVariable", alias: "ov")
    package static let outBuffer = ParameterKey<Int>(
        name: "OutBuffer", aliases: ["ob"], validations: [.range(minimum: 0, maximum: Int(Int32.max))],
        origin: .common)
    package static let pipelineVariable = variable("PipelineVariable", alias: "pv")

    package static let whatIf = switchParameter("WhatIf", alias: "wi", origin: .shouldProcess)
    package static let confirm = switchParameter("Confirm", alias: "cf", origin: .shouldProcess)

    /// The common parameters every cmdlet has.
    package static let all: [ParameterMetadata] = [
        verbose.metadata, debug.metadata, errorAction.metadata, warningAction.metadata, informationAction.metadata,
        progressAction.metadata, errorVariable.metadata, warningVariable.metadata, informationVariable.metadata,
        outVariable.metadata, outBuffer.metadata, pipelineVariable.metadata,
    ]

    /// `-WhatIf` and `-Confirm`, for commands that support ShouldProcess.
    package static let shouldProcess: [ParameterMetadata] = [whatIf.metadata, confirm.metadata]
}

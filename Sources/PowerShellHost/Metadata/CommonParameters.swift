/// PowerShell's common parameters (`engine/CommonCommandParameters.cs`) and the
/// ShouldProcess parameters (`engine/UserFeedbackParameters.cs`), in metadata order.
///
/// Example: `New-AzCognitiveServicesAccountKey rg acct Key1 -ea SilentlyContinue` binds
/// `ErrorAction` through its alias `ea`.
public enum CommonParameters {
    private static func action(_ name: String, alias: String) -> ParameterMetadata {
        ParameterMetadata(
            name: name, type: .enumeration(.actionPreference), aliases: [alias],
            validations: [.actionPreferenceNotSuspend], origin: .common)
    }

    private static func variable(_ name: String, alias: String) -> ParameterMetadata {
        ParameterMetadata(
            name: name, type: .string, aliases: [alias], validations: [.variableName], origin: .common)
    }

    private static func switchParameter(
        _ name: String, alias: String, origin: ParameterMetadata.Origin = .common
    ) -> ParameterMetadata {
        ParameterMetadata(name: name, type: .switchParameter, aliases: [alias], origin: origin)
    }

    /// The common parameters every cmdlet has (ProgressAction since 7.4).
    public static let all: [ParameterMetadata] = [
        switchParameter("Verbose", alias: "vb"),
        switchParameter("Debug", alias: "db"),
        action("ErrorAction", alias: "ea"),
        action("WarningAction", alias: "wa"),
        action("InformationAction", alias: "infa"),
        action("ProgressAction", alias: "proga"),
        variable("ErrorVariable", alias: "ev"),
        variable("WarningVariable", alias: "wv"),
        variable("InformationVariable", alias: "iv"),
        variable("OutVariable", alias: "ov"),
        ParameterMetadata(
            name: "OutBuffer", type: .int32, aliases: ["ob"],
            validations: [.range(minimum: 0, maximum: Int(Int32.max))], origin: .common),
        variable("PipelineVariable", alias: "pv"),
    ]

    /// `-WhatIf` and `-Confirm`, for commands that support ShouldProcess.
    public static let shouldProcess: [ParameterMetadata] = [
        switchParameter("WhatIf", alias: "wi", origin: .shouldProcess),
        switchParameter("Confirm", alias: "cf", origin: .shouldProcess),
    ]
}

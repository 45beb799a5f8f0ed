/// One parameter of a command, as PowerShell's `CompiledCommandParameter` describes it.
///
/// Example: `-AccountName myluis` reaches the parameter whose `name` is `Name`
/// through its alias `AccountName`.
public struct ParameterMetadata: Sendable, Equatable {
    /// Which part of the command declares the parameter. Name resolution prefers
    /// the command's own parameters when a prefix is ambiguous.
    public enum Origin: Sendable, Equatable {
        /// Declared by the cmdlet class (or inherited from its base class).
        case declared
        /// One of `engine/CommonCommandParameters.cs`.
        case common
        /// `-WhatIf` and `-Confirm` (`engine/UserFeedbackParameters.cs`).
        case shouldProcess
    }

    public let name: String
    public let type: ParameterType
    /// 0-based position, or nil for a named-only parameter.
    public let position: Int?
    public let isMandatory: Bool
    /// `ValueFromPipelineByPropertyName`.
    public let valueFromPipelineByPropertyName: Bool
    public let aliases: [String]
    public let validations: [ParameterValidation]
    /// `[Parameter(HelpMessage = …)]`, shown for `!?` at the mandatory-parameter prompt.
    public let helpMessage: String?
    public let origin: Origin

    public init(
        name: String,
        type: ParameterType,
        position: Int? = nil,
        isMandatory: Bool = false,
        valueFromPipelineByPropertyName: Bool = false,
        aliases: [String] = [],
        validations: [ParameterValidation] = [],
        helpMessage: String? = nil,
        origin: Origin = .declared
    ) {
        self.name = name
        self.type = type
        self.position = position
        self.isMandatory = isMandatory
        self.valueFromPipelineByPropertyName = valueFromPipelineByPropertyName
        self.aliases = aliases
        self.validations = validations
        self.helpMessage = helpMessage
        self.origin = origin
    }
}

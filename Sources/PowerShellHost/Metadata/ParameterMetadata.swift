/// One parameter of a command, as PowerShell's `CompiledCommandParameter` describes it.
///
/// Example: `-AccountName myluis` reaches the parameter whose `name` is `Name`
/// through its alias `AccountName`.
package struct ParameterMetadata: Sendable, Equatable {
    /// Which part of the command declares the parameter. Name resolution prefers
    /// the command's own parameters when a prefix is ambiguous.
    package enum Origin: Sendable, Equatable {
        /// Declared by the cmdlet class (or inherited from its base class).
        case declared
        /// One of `engine/CommonCommandParameters.cs`.
        case common
        /// `-WhatIf` and `-Confirm` (`engine/UserFeedbackParameters.cs`).
        case shouldProcess
    }

    package let name: String
    package let type: ParameterType
    /// 0-based position, or nil for a named-only parameter.
    package let position: Int?
    package let isMandatory: Bool
    /// `ValueFromPipelineByPropertyName`.
    package let valueFromPipelineByPropertyName: Bool
    package let aliases: [String]
    package let validations: [ParameterValidation]
    /// `[Parameter(HelpMessage = …)]`, shown for `!?` at the mandatory-parameter prompt.
    package let helpMessage: String?
    package let origin: Origin

    package init(
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

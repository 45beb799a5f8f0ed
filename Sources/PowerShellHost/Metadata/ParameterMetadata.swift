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
    /// The parameter sets it belongs to, each with its own flags; one `(All)` membership (set
    /// nil) for a parameter declared without sets. `position`, `isMandatory` and
    /// `valueFromPipelineByPropertyName` above are the first membership's.
    package let sets: [ParameterSetMembership]

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
        self.sets = [
            ParameterSetMembership(
                set: nil, position: position, isMandatory: isMandatory,
                valueFromPipelineByPropertyName: valueFromPipelineByPropertyName, helpMessage: helpMessage)
        ]
    }

    /// A parameter in named parameter sets, each membership with its own flags.
    ///
    /// Example: `ParameterMetadata(name: "Location", type: .string, sets: [.init(set:
    /// "GetDeletedAccountParameterSet", position: 2, isMandatory: true)])`.
    package init(
        name: String, type: ParameterType, sets: [ParameterSetMembership], aliases: [String] = [],
        validations: [ParameterValidation] = [], origin: Origin = .declared
    ) {
        let first = sets.first ?? ParameterSetMembership(set: nil)
        self.name = name
        self.type = type
        self.position = first.position
        self.isMandatory = first.isMandatory
        self.valueFromPipelineByPropertyName = sets.contains(where: \.valueFromPipelineByPropertyName)
        self.aliases = aliases
        self.validations = validations
        self.helpMessage = first.helpMessage
        self.origin = origin
        self.sets = sets.isEmpty ? [first] : sets
    }

    /// This parameter's membership of the set `name`, nil when it is not in it.
    package func membership(in name: String) -> ParameterSetMembership? {
        sets.first { $0.includes(name) }
    }

    /// Whether the parameter belongs to every set (`(All)`).
    package var isInAllSets: Bool { sets.contains { $0.setName == nil } }
}

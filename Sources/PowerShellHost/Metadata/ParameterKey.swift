/// One declared parameter together with the Swift type its bound value is read as: the
/// metadata the binder uses and the typed accessor a cmdlet uses are one value, so a typo in a
/// name cannot compile and a value always reads as the type it was bound as.
///
/// Example:
/// ```swift
/// static let name = ParameterKey<String>(name: "Name", position: 1, isMandatory: true)
/// static let force = ParameterKey<SwitchParameter>(name: "Force")
/// // in `process`: parameters[name] is String?, parameters[force] is Bool
/// ```
public struct ParameterKey<Value: BindableValue>: ParameterDeclaration {
    package let metadata: ParameterMetadata

    /// The canonical name (`ResourceGroupName`), kept apart so a read copies nothing else.
    public let name: String

    /// A parameter bound as `Value.parameterType`.
    package init(
        name: String,
        position: Int? = nil,
        isMandatory: Bool = false,
        valueFromPipelineByPropertyName: Bool = false,
        aliases: [String] = [],
        validations: [ParameterValidation] = [],
        helpMessage: String? = nil,
        origin: ParameterMetadata.Origin = .declared
    ) {
        self.init(
            ParameterMetadata(
                name: name, type: Value.parameterType, position: position, isMandatory: isMandatory,
                valueFromPipelineByPropertyName: valueFromPipelineByPropertyName, aliases: aliases,
                validations: validations, helpMessage: helpMessage, origin: origin))
    }

    /// A parameter in named parameter sets (see `ParameterSetMembership`).
    ///
    /// Example: `ParameterKey<String>(name: "Location", sets: [.init(set: "GetDeletedAccountParameterSet",
    /// position: 2, isMandatory: true)], validations: [.notNullOrEmpty])`.
    package init(
        name: String, sets: [ParameterSetMembership], aliases: [String] = [], validations: [ParameterValidation] = []
    ) {
        self.init(
            ParameterMetadata(
                name: name, type: Value.parameterType, sets: sets, aliases: aliases, validations: validations))
    }

    private init(_ metadata: ParameterMetadata) {
        self.metadata = metadata
        self.name = metadata.name
    }
}

extension ParameterKey where Value == String {
    /// A parameter of a .NET type that no command-line text converts to (`.opaque`), whose text
    /// AzShim reads instead.
    ///
    /// Example: `-DefaultProfile` is an `IAzureContextContainer` in Az; AzShim reads the path of
    /// a saved context file.
    package init(
        name: String, opaqueTypeName: String, aliases: [String] = [], helpMessage: String? = nil,
        origin: ParameterMetadata.Origin = .declared
    ) {
        self.init(
            ParameterMetadata(
                name: name, type: .opaque(fullName: opaqueTypeName), aliases: aliases, helpMessage: helpMessage,
                origin: origin))
    }
}

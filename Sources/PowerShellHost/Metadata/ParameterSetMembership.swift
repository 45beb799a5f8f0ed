/// How a parameter takes part in one parameter set (`ParameterSetSpecificMetadata`): its own
/// position, mandatory flag, pipeline flag and help message in that set.
///
/// Example: `Get-AzCognitiveServicesAccount`'s `-ResourceGroupName` is optional at position 0 in
/// `ResourceGroupParameterSet` and mandatory at position 0 in `AccountNameParameterSet`:
/// `[.init(set: "ResourceGroupParameterSet", position: 0), .init(set: "AccountNameParameterSet", position: 0, isMandatory: true)]`.
package struct ParameterSetMembership: Sendable, Equatable {
    /// The set's name; nil for `(All)` (`ParameterAttribute.AllParameterSets`): every set.
    package let setName: String?
    /// 0-based position in this set, or nil for named-only.
    package let position: Int?
    package let isMandatory: Bool
    /// `ValueFromPipelineByPropertyName` in this set.
    package let valueFromPipelineByPropertyName: Bool
    package let helpMessage: String?

    package init(
        set setName: String?, position: Int? = nil, isMandatory: Bool = false,
        valueFromPipelineByPropertyName: Bool = false, helpMessage: String? = nil
    ) {
        self.setName = setName
        self.position = position
        self.isMandatory = isMandatory
        self.valueFromPipelineByPropertyName = valueFromPipelineByPropertyName
        self.helpMessage = helpMessage
    }

    /// Whether this membership puts the parameter in the set `name` (`(All)` is in every set).
    package func includes(_ name: String) -> Bool {
        setName.map { $0.lowercased() == name.lowercased() } ?? true
    }
}

extension HelpDocument {
    /// One SYNTAX line's parameters, as platyPS gathers them from the PARAMETERS section.
    package struct SyntaxItem: Sendable, Equatable {
        /// The parameter set name; nil for the single `(All)` set.
        package var parameterSetName: String?
        package var parameters: [Parameter]
    }

    /// The syntax items platyPS builds (`ModelTransformerVersion2.GatherSyntax`/`FillUpSyntax`):
    /// one per parameter set (`(All)` alone when it is the only one), each parameter ordered
    /// by the *string* of its `Position` (`"0" < "1" < "2" < "named"`), stably, so named
    /// parameters keep the markdown order. The markdown's own SYNTAX block is ignored.
    ///
    /// Example: for New-AzCognitiveServicesAccountKey the one item lists ResourceGroupName,
    /// Name, KeyName, DefaultProfile, Force, Confirm, WhatIf.
    package var syntaxItems: [SyntaxItem] {
        let allSets = "(All)"
        var setNames: [String] = []
        for parameter in parameters {
            for set in parameter.parameterSets where !setNames.contains(where: { $0.lowercased() == set.lowercased() })
            {
                setNames.append(set)
            }
        }
        func ordered(_ selected: [Parameter]) -> [Parameter] {
            selected.enumerated()
                .sorted { ($0.element.positionText, $0.offset) < ($1.element.positionText, $1.offset) }
                .map(\.element)
        }
        if setNames.isEmpty || setNames == [allSets] {
            return [SyntaxItem(parameterSetName: nil, parameters: ordered(parameters))]
        }
        return setNames.filter { $0 != allSets }.map { set in
            let members = parameters.filter { parameter in
                parameter.parameterSets.contains { $0.lowercased() == set.lowercased() }
                    || parameter.parameterSets == [allSets]
            }.map { $0.block(forSet: set) }
            return SyntaxItem(parameterSetName: set, parameters: ordered(members))
        }
    }

    /// A syntax line as Get-Help writes it (`MamlParameterControl`), e.g.
    /// `New-AzCognitiveServicesAccountKey [-ResourceGroupName] <System.String> … [<CommonParameters>]`.
    package func syntaxLine(_ item: SyntaxItem) -> String {
        var line = name + " "
        for parameter in item.parameters {
            let value: String
            if !parameter.acceptedValues.isEmpty {
                value = " {" + parameter.acceptedValues.joined(separator: " | ") + "}"
            } else if parameter.isSwitch {
                value = ""  // "we don't add [switch] info to make it appear good"
            } else {
                value = " <" + parameter.mamlType + ">"
            }
            let positional = parameter.position != .named
            switch (parameter.isRequired, positional) {
            case (false, true): line += "[[-\(parameter.name)]\(value)] "
            case (false, false): line += "[-\(parameter.name)\(value)] "
            case (true, true): line += "[-\(parameter.name)]\(value) "
            case (true, false): line += "-\(parameter.name)\(value) "
            }
        }
        return line + "[<CommonParameters>]"
    }
}

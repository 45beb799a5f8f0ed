/// Compares a command's metadata with its help file's PARAMETERS blocks, so the two can never
/// drift apart silently.
///
/// Checked for each declared and ShouldProcess parameter (`-WhatIf`, `-Confirm`): a block
/// exists; `Type` is the metadata type's full name; `Parameter Sets` are the metadata's (`(All)`
/// for none); in each set, the yaml block for it has the set's `Position` (0-based or Named),
/// `Required` and `Accept pipeline input` (`True (ByPropertyName)` or `False`); `Aliases` and `Accepted values`
/// (an enum's members) agree; and the file documents nothing else besides `### CommonParameters`.
///
/// Example: `HelpMetadataCheck.differences(metadata: newAzCognitiveServicesAccountKey,
/// document: document)` is `[]` for the shipped help file; after changing `Position: 2` to
/// `Position: 3` it contains `-KeyName: help says Position 3, metadata says 2`.
package enum HelpMetadataCheck {
    package static func differences(metadata: CommandMetadata, document: HelpDocument) -> [String] {
        var differences: [String] = []
        if document.name.lowercased() != metadata.name.lowercased() {
            differences.append("help file is for \(document.name), metadata for \(metadata.name)")
        }
        if !document.supportsCommonParameters {
            differences.append("help file has no ### CommonParameters block")
        }
        let checked = metadata.parameters.filter { $0.origin != .common }
        for parameter in checked {
            guard let help = document.parameter(named: parameter.name) else {
                differences.append(
                    "-\(parameter.name): declared, but the help file has no ### -\(parameter.name) block")
                continue
            }
            let label = "-\(parameter.name)"
            if help.type != parameter.type.fullName {
                differences.append(
                    "\(label): help says Type \(help.type ?? "(none)"), metadata says \(parameter.type.fullName)")
            }
            differences += setDifferences(parameter, help: help)
            if Set(help.aliases.map { $0.lowercased() }) != Set(parameter.aliases.map { $0.lowercased() }) {
                differences.append(
                    "\(label): help says Aliases \(help.aliases.joined(separator: ", ")), metadata says \(parameter.aliases.joined(separator: ", "))"
                )
            }
            var expectedValues: [String] = []
            if case .enumeration(let type) = parameter.type { expectedValues = type.names }
            if help.acceptedValues.map({ $0.lowercased() }) != expectedValues.map({ $0.lowercased() }) {
                differences.append(
                    "\(label): help says Accepted values \(help.acceptedValues.joined(separator: ", ")), metadata says \(expectedValues.joined(separator: ", "))"
                )
            }
        }
        let known = Set(checked.map { $0.name.lowercased() })
        for help in document.parameters where !known.contains(help.name.lowercased()) {
            differences.append("-\(help.name): documented in the help file, but the command does not declare it")
        }
        return differences
    }

    /// Position, Required and Accept pipeline input in each set the metadata puts the parameter
    /// in, against the yaml block for that set; and the same sets on both sides.
    private static func setDifferences(_ parameter: ParameterMetadata, help: HelpDocument.Parameter) -> [String] {
        var differences: [String] = []
        let metadataSets = parameter.sets.map { $0.setName ?? "(All)" }
        let helpSets = help.parameterSets.isEmpty ? ["(All)"] : help.parameterSets
        if Set(metadataSets.map { $0.lowercased() }) != Set(helpSets.map { $0.lowercased() }) {
            differences.append(
                "-\(parameter.name): help says Parameter Sets \(helpSets.joined(separator: ", ")), "
                    + "metadata says \(metadataSets.joined(separator: ", "))")
        }
        for membership in parameter.sets {
            let label = membership.setName.map { "-\(parameter.name) in \($0)" } ?? "-\(parameter.name)"
            let block = help.block(forSet: membership.setName ?? "(All)")
            let helpPosition = block.position == .named ? "Named" : block.positionText
            let metadataPosition = membership.position.map(String.init) ?? "Named"
            if helpPosition != metadataPosition {
                differences.append("\(label): help says Position \(helpPosition), metadata says \(metadataPosition)")
            }
            if block.isRequired != membership.isMandatory {
                differences.append(
                    "\(label): help says Required \(block.isRequired ? "True" : "False"), "
                        + "metadata says \(membership.isMandatory ? "True" : "False")")
            }
            let expectedPipeline = membership.valueFromPipelineByPropertyName ? "True (ByPropertyName)" : "False"
            if block.pipelineInput.lowercased() != expectedPipeline.lowercased() {
                differences.append(
                    "\(label): help says Accept pipeline input \(block.pipelineInput), "
                        + "metadata says \(expectedPipeline)")
            }
        }
        return differences
    }
}

/// Compares a command's metadata with its help file's PARAMETERS blocks, so the two can never
/// drift apart silently.
///
/// Checked for each declared and ShouldProcess parameter (`-WhatIf`, `-Confirm`): a block
/// exists; `Type` is the metadata type's full name; `Position` (0-based or Named), `Required`,
/// `Accept pipeline input` (`True (ByPropertyName)` or `False`), `Aliases` and `Accepted values`
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
                differences.append("-\(parameter.name): declared, but the help file has no ### -\(parameter.name) block")
                continue
            }
            let label = "-\(parameter.name)"
            if help.type != parameter.type.fullName {
                differences.append("\(label): help says Type \(help.type ?? "(none)"), metadata says \(parameter.type.fullName)")
            }
            let helpPosition = help.position == .named ? "Named" : help.positionText
            let metadataPosition = parameter.position.map(String.init) ?? "Named"
            if helpPosition != metadataPosition {
                differences.append("\(label): help says Position \(helpPosition), metadata says \(metadataPosition)")
            }
            if help.isRequired != parameter.isMandatory {
                differences.append("\(label): help says Required \(help.isRequired ? "True" : "False"), metadata says \(parameter.isMandatory ? "True" : "False")")
            }
            let expectedPipeline = parameter.valueFromPipelineByPropertyName ? "True (ByPropertyName)" : "False"
            if help.pipelineInput.lowercased() != expectedPipeline.lowercased() {
                differences.append("\(label): help says Accept pipeline input \(help.pipelineInput), metadata says \(expectedPipeline)")
            }
            if Set(help.aliases.map { $0.lowercased() }) != Set(parameter.aliases.map { $0.lowercased() }) {
                differences.append(
                    "\(label): help says Aliases \(help.aliases.joined(separator: ", ")), metadata says \(parameter.aliases.joined(separator: ", "))")
            }
            var expectedValues: [String] = []
            if case .enumeration(let type) = parameter.type { expectedValues = type.names }
            if help.acceptedValues.map({ $0.lowercased() }) != expectedValues.map({ $0.lowercased() }) {
                differences.append(
                    "\(label): help says Accepted values \(help.acceptedValues.joined(separator: ", ")), metadata says \(expectedValues.joined(separator: ", "))")
            }
        }
        let known = Set(checked.map { $0.name.lowercased() })
        for help in document.parameters where !known.contains(help.name.lowercased()) {
            differences.append("-\(help.name): documented in the help file, but the command does not declare it")
        }
        return differences
    }
}

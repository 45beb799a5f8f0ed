/// Finds the parameter a typed name means, as `MergedCommandParameterMetadata.GetMatchingParameter`
/// does: case-insensitive prefixes of names and aliases, an exact name or alias wins at once,
/// and when a prefix matches several parameters of which exactly one is the command's own,
/// that one wins.
///
/// Example: for `New-AzCognitiveServicesAccountKey`, `-C` resolves to `Name` (through the alias
/// `CognitiveServicesAccountName`, beating `Confirm`), `-W` is ambiguous.
package struct ParameterResolver: Sendable {
    package enum Resolution: Sendable, Equatable {
        case found(ParameterMetadata)
        case notFound
        /// Canonical names of every match, in metadata order.
        case ambiguous([String])
    }

    package let metadata: CommandMetadata

    package init(metadata: CommandMetadata) {
        self.metadata = metadata
    }

    /// Resolves `typed`, a name without its dash.
    package func resolve(_ typed: String) -> Resolution {
        let folded = typed.lowercased()
        var matches: [ParameterMetadata] = []
        func collect(_ parameter: ParameterMetadata) {
            if !matches.contains(where: { $0.name == parameter.name }) { matches.append(parameter) }
        }
        for parameter in metadata.parameters {
            let name = parameter.name.lowercased()
            if name == folded { return .found(parameter) }
            if name.hasPrefix(folded) { collect(parameter) }
        }
        for parameter in metadata.parameters {
            for alias in parameter.aliases.map({ $0.lowercased() }) {
                if alias == folded { return .found(parameter) }
                if alias.hasPrefix(folded) { collect(parameter) }
            }
        }
        switch matches.count {
        case 0: return .notFound
        case 1: return .found(matches[0])
        default:
            let declared = matches.filter { $0.origin == .declared }
            if declared.count == 1 { return .found(declared[0]) }
            return .ambiguous(matches.map(\.name))
        }
    }
}

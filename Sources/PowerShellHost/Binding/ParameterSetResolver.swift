/// Chooses the parameter set of a binding as PowerShell's `CmdletParameterBinderController` does
/// (PowerShell/PowerShell `engine/CmdletParameterBinderController.cs`: `ValidateParameterSets`,
/// `ResolveParameterSetAmbiguityBasedOnMandatoryParameters`, `AtLeastOneUnboundValidParameterSetTakesPipelineInput`):
/// the sets still possible are those holding every bound parameter; none left is
/// AmbiguousParameterSet; one left is the set; of several, the default set wins when it is
/// among them; before pipeline input, a choice waits while an unbound parameter of a possible set
/// takes pipeline input; else the one set whose mandatory parameters are all bound, or
/// AmbiguousParameterSet. A command without sets is always in `__AllParameterSets`.
///
/// Example: for `Get-AzCognitiveServicesAccount rg acct` the possible sets are AccountNameParameterSet
/// and GetDeletedAccountParameterSet; only the first has all its mandatory parameters, so it is chosen.
package struct ParameterSetResolver: Sendable {
    package let metadata: CommandMetadata

    package init(metadata: CommandMetadata) {
        self.metadata = metadata
    }

    /// The sets that hold every bound parameter, within `within` (all sets when nil), in
    /// declaration order; `[__AllParameterSets]` for a command without sets.
    package func possibleSets(_ bound: BoundParameters, within: [String]? = nil) -> [String] {
        guard !metadata.parameterSetNames.isEmpty else { return [CommandMetadata.allParameterSets] }
        let boundParameters = metadata.parameters.filter { bound.contains($0.name) }
        return (within ?? metadata.parameterSetNames).filter { set in
            boundParameters.allSatisfy { $0.membership(in: set) != nil }
        }
    }

    /// Whether binding `parameter` leaves some set possible (`BindParameter` narrows the
    /// current sets by the parameter's sets).
    package func canBind(_ parameter: ParameterMetadata, _ bound: BoundParameters, within: [String]? = nil) -> Bool {
        possibleSets(bound, within: within).contains { parameter.membership(in: $0) != nil }
    }

    /// `ValidateParameterSets`: the chosen set, or nil while pipeline input may still choose
    /// (`pipelineExpected`). Throws AmbiguousParameterSet when no set, or more than one, fits.
    package func resolve(
        _ bound: BoundParameters, within: [String]? = nil, pipelineExpected: Bool
    ) throws(BindingError) -> String? {
        let possible = possibleSets(bound, within: within)
        switch possible.count {
        case 0: throw .ambiguousParameterSet
        case 1: return possible[0]
        default: break
        }
        if let defaultSet = metadata.declaredDefaultSet, possible.contains(defaultSet) { return defaultSet }
        let unbound = metadata.parameters.filter { !bound.contains($0.name) }
        if pipelineExpected,
            unbound.contains(where: { parameter in
                possible.contains { parameter.membership(in: $0)?.valueFromPipelineByPropertyName == true }
            })
        {
            return nil
        }
        let complete = possible.filter { set in
            !unbound.contains { $0.membership(in: set)?.isMandatory == true }
        }
        guard complete.count == 1 else { throw .ambiguousParameterSet }
        return complete[0]
    }

    /// What binding needs of each set, worked out once for a command rather than for every
    /// pipeline object: its mandatory parameters' names and its pipeline parameters, in
    /// metadata order.
    ///
    /// Example: for `New-AzCognitiveServicesAccountKey` (no sets), `mandatoryNames(in:
    /// "__AllParameterSets")` is `["ResourceGroupName", "Name", "KeyName"]`.
    package struct Plan: Sendable {
        private let mandatory: [String: [String]]
        private let pipeline: [String: [ParameterMetadata]]
        private let resolver: ParameterSetResolver

        init(_ resolver: ParameterSetResolver) {
            self.resolver = resolver
            let names = resolver.metadata.parameterSetNames + [CommandMetadata.allParameterSets]
            var mandatory: [String: [String]] = [:]
            var pipeline: [String: [ParameterMetadata]] = [:]
            for set in names {
                mandatory[set] = resolver.missingMandatory(BoundParameters(), in: set).map(\.name)
                pipeline[set] = resolver.metadata.parameters.filter {
                    $0.membership(in: set)?.valueFromPipelineByPropertyName == true
                }
            }
            self.mandatory = mandatory
            self.pipeline = pipeline
        }

        /// The names of the mandatory parameters of `set`.
        package func mandatoryNames(in set: String) -> [String] {
            mandatory[set] ?? resolver.missingMandatory(BoundParameters(), in: set).map(\.name)
        }

        /// The parameters that take pipeline input by property name in `set`.
        package func pipelineParameters(in set: String) -> [ParameterMetadata] {
            pipeline[set]
                ?? resolver.metadata.parameters.filter {
                    $0.membership(in: set)?.valueFromPipelineByPropertyName == true
                }
        }
    }

    /// The per-set lists binding needs, for a binder that runs many times.
    package var plan: Plan { Plan(self) }

    /// The mandatory parameters of `set` not bound yet, in metadata order.
    package func missingMandatory(_ bound: BoundParameters, in set: String) -> [ParameterMetadata] {
        metadata.parameters.filter { $0.membership(in: set)?.isMandatory == true && !bound.contains($0.name) }
    }

    /// The position `parameter` binds at in the possible sets (the lowest when they differ), or nil.
    func position(of parameter: ParameterMetadata, in possible: [String]) -> Int? {
        possible.compactMap { parameter.membership(in: $0)?.position }.min()
    }
}

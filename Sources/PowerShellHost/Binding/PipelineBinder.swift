import AzShimSupport

/// Binds one pipeline object by property name (`CmdletParameterBinderController.BindPipelineParameters`):
/// for each pipeline parameter still unbound, the property with its name (case-insensitive),
/// else each alias in order. Conversion failures are swallowed (the parameter stays unbound);
/// validation failures are errors.
///
/// Example: `{"ResourceGroupName":"rg","AccountName":"myluis"}` binds ResourceGroupName and Name;
/// with KeyName missing the object fails with InputObjectMissingMandatory `  KeyName`.
struct PipelineBinder {
    let metadata: CommandMetadata
    /// Worked out once per command, not per object: the parameters that take pipeline input,
    /// and each set's mandatory parameters (`ParameterSetResolver.plan`).
    private let pipelineParameters: [ParameterMetadata]
    private let sets: ParameterSetResolver
    private let plan: ParameterSetResolver.Plan
    /// The mandatory parameters of a command without sets (`__AllParameterSets`).
    private let mandatoryWithoutSets: [String]

    init(metadata: CommandMetadata) {
        self.metadata = metadata
        self.pipelineParameters = metadata.pipelineParameters
        self.sets = ParameterSetResolver(metadata: metadata)
        self.plan = sets.plan
        self.mandatoryWithoutSets = plan.mandatoryNames(in: CommandMetadata.allParameterSets)
    }

    func bind(_ object: JSONValue, into bound: inout BoundParameters) throws(BindingError) {
        bound.resetPipelineBindings()
        let hasSets = !metadata.parameterSetNames.isEmpty
        // The sets the command line left open, or the one it chose.
        let within = hasSets ? bound.pendingParameterSets ?? [bound.parameterSetName] : []
        var boundAny = false
        if case .object(let members) = object {
            // With one set open (or none declared), no pipeline value can change the set: the
            // parameters that may bind are known before the object is looked at.
            let candidates = hasSets && within.count == 1 ? plan.pipelineParameters(in: within[0]) : pipelineParameters
            // One copy of each parameter per object (for-in), passed on by reference from there;
            // indexing the array at each use would copy it at each use.
            for parameter in candidates where !bound.contains(parameter.name) {
                // BindUnboundParametersForBindingState: only parameters that take pipeline input
                // in a set still possible.
                if hasSets && within.count != 1
                    && !sets.possibleSets(bound, within: within).contains(where: {
                        parameter.membership(in: $0)?.valueFromPipelineByPropertyName == true
                    })
                {
                    continue
                }
                guard let property = Self.property(members, parameter) else { continue }
                let value = Self.argumentValue(property)
                let converted: ParameterValue
                do {
                    converted = try ValueConverter.convert(value, for: parameter, argumentIndex: nil)
                } catch {
                    if case .cannotConvert = error { continue }
                    throw error
                }
                bound.bind(parameter.name, converted, origin: .pipeline)
                boundAny = true
            }
        }
        guard boundAny else { throw .inputObjectNotBound }
        if hasSets, bound.pendingParameterSets != nil {
            // One set open holds every parameter bound so far, so `resolve` would choose it.
            if within.count == 1 {
                bound.parameterSetName = within[0]
            } else if let set = try sets.resolve(bound, within: within, pipelineExpected: false) {
                bound.parameterSetName = set
            }
        }
        let mandatory = hasSets ? plan.mandatoryNames(in: bound.parameterSetName) : mandatoryWithoutSets
        if mandatory.contains(where: { !bound.contains($0) }) {
            throw .inputObjectMissingMandatory(mandatory.filter { !bound.contains($0) })
        }
    }

    /// The property for `parameter`: its name, else each alias in order (each as `JSONValue`'s
    /// subscript looks it up: exact spelling first, then ignoring case).
    private static func property(
        _ members: [(key: String, value: JSONValue)], _ parameter: ParameterMetadata
    ) -> JSONValue? {
        if let value = JSONValue.member(members, parameter.name) { return value }
        for alias in parameter.aliases {
            if let value = JSONValue.member(members, alias) { return value }
        }
        return nil
    }

    /// The pipeline-bound string values of an object, for the progress line: `rg/myluis`.
    func describe(_ bound: BoundParameters) -> String {
        metadata.pipelineParameters.compactMap { parameter in
            bound[parameter.name].flatMap { $0.origin == .pipeline ? $0.value.string : nil }
        }.joined(separator: "/")
    }

    /// A property value as PowerShell sees a `ConvertFrom-Json` value: strings, numbers
    /// (Int32/Int64/Double), booleans, null, arrays; a nested object converts to a string as
    /// `PSCustomObject.ToString()` does (`@{a=1; b=x}`).
    static func argumentValue(_ json: JSONValue) -> ArgumentValue {
        switch json {
        case .null: return .null
        case .bool(let flag): return .bool(flag)
        case .string(let text): return .string(text)
        case .number(let text):
            if let integer = Int64(text) { return .integer(text: text, value: integer) }
            return .real(text: text, value: Double(text) ?? 0)
        case .array(let elements): return .array(elements.map(argumentValue))
        case .object: return .string(hashtableText(json))
        }
    }

    private static func hashtableText(_ json: JSONValue) -> String {
        switch json {
        case .object(let members):
            "@{" + members.map { "\($0.key)=\(hashtableText($0.value))" }.joined(separator: "; ") + "}"
        case .string(let text): text
        case .number(let text): text
        case .bool(let flag): flag ? "True" : "False"
        case .null: ""
        case .array(let elements): elements.map(hashtableText).joined(separator: " ")
        }
    }
}

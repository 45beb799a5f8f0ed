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
    private let pipelineParameters: [Candidate]
    /// Each set's pipeline parameters (`Plan.pipelineParameters(in:)`), for the one set left open.
    private let pipelineParametersBySet: [String: [Candidate]]
    private let sets: ParameterSetResolver
    private let plan: ParameterSetResolver.Plan
    /// The mandatory parameters of a command without sets (`__AllParameterSets`).
    private let mandatoryWithoutSets: [String]
    /// Whether the command declares parameter sets.
    private let hasSets: Bool

    init(metadata: CommandMetadata) {
        self.metadata = metadata
        self.pipelineParameters = metadata.pipelineParameters.map(Candidate.init)
        self.sets = ParameterSetResolver(metadata: metadata)
        self.plan = sets.plan
        let plan = self.plan
        var bySet: [String: [Candidate]] = [:]
        for set in metadata.parameterSetNames { bySet[set] = plan.pipelineParameters(in: set).map(Candidate.init) }
        self.pipelineParametersBySet = bySet
        self.mandatoryWithoutSets = plan.mandatoryNames(in: CommandMetadata.allParameterSets)
        self.hasSets = !metadata.parameterSetNames.isEmpty
    }

    func bind(_ object: JSONValue, into bound: inout BoundParameters) throws(BindingError) {
        guard case .object(let members) = object else {
            return try bind(into: &bound, isObject: false) { _ in nil }
        }
        try bind(into: &bound, isObject: true) { Self.property(members, $0).map(Self.argumentValue) }
    }

    /// `bind(_:into:)` for an object read by the fast path, without its `JSONValue`: the same
    /// binding as `bind(object.jsonValue, into:)`, each property found by comparing bytes.
    ///
    /// Example: for the line `{"resourceGroupName":"rg","AccountName":"a","KeyName":"Key1"}`
    /// read into `object`, binds ResourceGroupName `rg`, Name `a` (through its alias) and KeyName `Key1`.
    func bind(_ object: JSONFlatObject, into bound: inout BoundParameters) throws(BindingError) {
        try bind(into: &bound, isObject: true) { Self.argument(object, $0) }
    }

    /// The binding itself, given how to find a candidate's property in the object, as the value
    /// PowerShell sees (`argumentValue`), nil when it has none; `isObject` false: the input is
    /// not an object, and nothing binds. Inlined into each caller, so the lookup is a direct
    /// call rather than a closure's.
    @inline(__always)
    private func bind(
        into bound: inout BoundParameters, isObject: Bool, property: (Candidate) -> ArgumentValue?
    ) throws(BindingError) {
        bound.resetPipelineBindings()
        // The sets the command line left open, or the one it chose.
        let within = hasSets ? bound.pendingParameterSets ?? [bound.parameterSetName] : []
        var boundAny = false
        if isObject {
            // With one set open (or none declared), no pipeline value can change the set: the
            // parameters that may bind are known before the object is looked at.
            let eligible = hasSets && within.count == 1 ? candidates(in: within[0]) : pipelineParameters
            // Each parameter is read through its box: iterating `[ParameterMetadata]` itself
            // copied every parameter's metadata (a retain and release per field) for every object.
            for candidate in eligible where !bound.contains(candidate.name) {
                // BindUnboundParametersForBindingState: only parameters that take pipeline input
                // in a set still possible.
                if hasSets && within.count != 1
                    && !sets.possibleSets(bound, within: within).contains(where: {
                        candidate.parameter.membership(in: $0)?.valueFromPipelineByPropertyName == true
                    })
                {
                    continue
                }
                guard let value = property(candidate), let converted = try candidate.convertIfPossible(value)
                else { continue }
                bound.bindUnbound(candidate.name, converted, origin: .pipeline)
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

    /// The property for `candidate`: its name, else each alias in order (each as `JSONValue`'s
    /// subscript looks it up: exact spelling first, then ignoring case).
    private static func property(_ members: [(key: String, value: JSONValue)], _ candidate: Candidate) -> JSONValue? {
        if let value = JSONValue.member(members, candidate.name) { return value }
        for alias in candidate.aliases {
            if let value = JSONValue.member(members, alias) { return value }
        }
        return nil
    }

    /// `property(_:_:)` in an object read by the fast path, as `argumentValue` sees it: the
    /// same member, found by comparing the bytes of each name with the candidate's ASCII names (a
    /// name that is not ASCII, which no declared parameter has, is looked up in the object's
    /// `JSONValue`).
    private static func argument(_ object: JSONFlatObject, _ candidate: Candidate) -> ArgumentValue? {
        guard let keys = candidate.flatKeys else {
            guard case .object(let members) = object.jsonValue else { return nil }
            return property(members, candidate).map(argumentValue)
        }
        for key in keys {
            guard let index = object.index(of: key) else { continue }
            switch object.kind(at: index) {
            case .string: return .string(object.text(at: index))
            case .number: return number(object.text(at: index))
            case .true: return .bool(true)
            case .false: return .bool(false)
            case .null: return .null
            }
        }
        return nil
    }

    /// The pipeline parameters of `set` (a set the command declares; any other has none).
    private func candidates(in set: String) -> [Candidate] {
        pipelineParametersBySet[set] ?? plan.pipelineParameters(in: set).map(Candidate.init)
    }

    /// One pipeline parameter's metadata, boxed and with the parts binding reads kept apart, so
    /// the binder's loop over them per object neither copies every field of `ParameterMetadata`
    /// (as iterating `[ParameterMetadata]` did) nor reads the whole struct out of the box.
    ///
    /// Example: `Candidate(keyName).name` is `"KeyName"`.
    private final class Candidate: Sendable {
        let parameter: ParameterMetadata
        let name: String
        let aliases: [String]
        let type: ParameterType
        let isMandatory: Bool
        let validations: [ParameterValidation]
        /// The name, then each alias, for `JSONFlatObject.index(of:)`; nil when one is not ASCII.
        let flatKeys: [JSONFlatObject.Key]?
        init(_ parameter: ParameterMetadata) {
            self.parameter = parameter
            self.name = parameter.name
            self.aliases = parameter.aliases
            self.type = parameter.type
            self.isMandatory = parameter.isMandatory
            self.validations = parameter.validations
            let keys = ([parameter.name] + parameter.aliases).compactMap(JSONFlatObject.Key.init)
            self.flatKeys = keys.count == 1 + parameter.aliases.count ? keys : nil
        }

        /// `ValueConverter.convertIfPossible` for this parameter.
        func convertIfPossible(_ value: ArgumentValue) throws(BindingError) -> ParameterValue? {
            try ValueConverter.convertIfPossible(
                value, name: name, type: type, isMandatory: isMandatory, validations: validations)
        }
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
        case .number(let text): return number(text)
        case .array(let elements): return .array(elements.map(argumentValue))
        case .object: return .string(hashtableText(json))
        }
    }

    /// A JSON number as PowerShell reads it: an integer when it fits in 64 bits, else a double.
    private static func number(_ text: String) -> ArgumentValue {
        if let integer = Int64(text) { return .integer(text: text, value: integer) }
        return .real(text: text, value: Double(text) ?? 0)
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

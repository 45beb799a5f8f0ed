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

    func bind(_ object: JSONValue, into bound: inout BoundParameters) throws(BindingError) {
        bound.resetPipelineBindings()
        let sets = ParameterSetResolver(metadata: metadata)
        let hasSets = !metadata.parameterSetNames.isEmpty
        // The sets the command line left open, or the one it chose.
        let within = hasSets ? bound.pendingParameterSets ?? [bound.parameterSetName] : []
        var boundAny = false
        if case .object = object {
            for parameter in metadata.pipelineParameters where !bound.contains(parameter.name) {
                // BindUnboundParametersForBindingState: only parameters that take pipeline input
                // in a set still possible.
                if hasSets
                    && !sets.possibleSets(bound, within: within).contains(where: {
                        parameter.membership(in: $0)?.valueFromPipelineByPropertyName == true
                    })
                {
                    continue
                }
                guard let property = ([parameter.name] + parameter.aliases).lazy.compactMap({ object[$0] }).first
                else { continue }
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
        if hasSets, bound.pendingParameterSets != nil,
            let set = try sets.resolve(bound, within: within, pipelineExpected: false)
        {
            bound.parameterSetName = set
        }
        let missing = sets.missingMandatory(bound, in: bound.parameterSetName).map(\.name)
        if !missing.isEmpty { throw .inputObjectMissingMandatory(missing) }
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

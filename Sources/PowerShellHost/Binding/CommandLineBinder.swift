/// Binds command-line arguments to a command's parameters in PowerShell's order
/// (`CmdletParameterBinderController.BindCommandLineParametersNoValidation`):
/// re-parse, named, positional, leftovers. The mandatory check comes later, because
/// pipeline input or a prompt may still supply the missing values.
///
/// Example: `New-AzCognitiveServicesAccountKey -ResourceGroupName rg acct Key1` binds Name=acct
/// and KeyName=Key1: positions compact over the parameters still unbound.
public struct CommandLineBinder: Sendable {
    public let metadata: CommandMetadata
    private let resolver: ParameterResolver

    public init(metadata: CommandMetadata) {
        self.metadata = metadata
        self.resolver = ParameterResolver(metadata: metadata)
    }

    /// An argument after the re-parse stage.
    private enum Pending {
        /// A named parameter with its value; `recordedName` is what "specified more than once" names.
        case named(ParameterMetadata, recordedName: String, value: ArgumentValue, valueIndex: Int, index: Int)
        /// A colon-form parameter, resolved during named binding.
        case colonForm(name: String, value: ArgumentValue, valueIndex: Int, index: Int)
        /// A name that matched no parameter; reported if still there at the end.
        case unknown(name: String, index: Int)
        case positional(ArgumentValue, index: Int)

        var isNamed: Bool {
            if case .positional = self { return false }
            return true
        }
    }

    public func bind(_ arguments: [CommandArgument]) throws(BindingError) -> BoundParameters {
        try checkColonForms(arguments)
        let pending = try reparse(arguments)
        var bound = BoundParameters(parameterSetName: metadata.defaultParameterSetName)
        let unbound = try bindNamed(pending, into: &bound)
        let (leftovers, rememberedError) = try bindPositional(unbound, into: &bound)
        try verifyProcessed(leftovers, rememberedError: rememberedError)
        return bound
    }

    /// Parse errors come first: `-Name:` with nothing to take, and `-Force:` left by bash of `-Force:$false`.
    private func checkColonForms(_ arguments: [CommandArgument]) throws(BindingError) {
        for argument in arguments {
            guard case .parameter(let name, let text, let colonValue?) = argument.kind else { continue }
            let isSwitch: Bool
            if case .found(let parameter) = resolver.resolve(name) { isSwitch = parameter.type.isSwitch } else { isSwitch = false }
            switch colonValue {
            case .missing where isSwitch, .nextWord where isSwitch:
                throw .switchValueExpandedByShell(tokenText: text, argumentIndex: argument.index)
            case .missing:
                throw .parameterRequiresArgument(tokenText: text, argumentIndex: argument.index)
            default: continue
            }
        }
    }

    /// `ParameterBinderController.ReparseUnboundArguments`: pairs each `-Name` with its value.
    private func reparse(_ arguments: [CommandArgument]) throws(BindingError) -> [Pending] {
        var result: [Pending] = []
        var position = 0
        while position < arguments.count {
            let argument = arguments[position]
            position += 1
            switch argument.kind {
            case .value(let value):
                result.append(.positional(value, index: argument.index))
            case .parameter(let name, _, let colonValue?):
                let (value, valueIndex) = colonValue.valueAndIndex(default: argument.index)
                result.append(.colonForm(name: name, value: value, valueIndex: valueIndex, index: argument.index))
            case .parameter(let name, _, nil):
                let parameter: ParameterMetadata
                switch resolver.resolve(name) {
                case .notFound:
                    result.append(.unknown(name: name, index: argument.index))
                    continue
                case .ambiguous(let matches):
                    throw .ambiguousParameter(typed: name, matches: matches, argumentIndex: argument.index)
                case .found(let found):
                    parameter = found
                }
                if parameter.type.isSwitch {
                    result.append(
                        .named(parameter, recordedName: name, value: .bool(true), valueIndex: argument.index,
                            index: argument.index))
                    continue
                }
                guard position < arguments.count else {
                    throw .missingArgument(
                        parameter: parameter.name, typeName: parameter.type.fullName, argumentIndex: argument.index)
                }
                let next = arguments[position]
                position += 1
                switch next.kind {
                case .value(let value):
                    result.append(
                        .named(parameter, recordedName: parameter.name, value: value, valueIndex: next.index,
                            index: argument.index))
                case .parameter(let nextName, let nextText, let nextColon):
                    let nextResolution = resolver.resolve(nextName)
                    if case .ambiguous(let matches) = nextResolution {
                        throw .ambiguousParameter(typed: nextName, matches: matches, argumentIndex: next.index)
                    }
                    if case .found = nextResolution {
                        throw .missingArgument(
                            parameter: parameter.name, typeName: parameter.type.fullName, argumentIndex: argument.index)
                    }
                    if nextColon != nil {
                        throw .missingArgument(
                            parameter: parameter.name, typeName: parameter.type.fullName, argumentIndex: argument.index)
                    }
                    // `-Name -Foo`: an unknown parameter-looking word is the value, as typed.
                    result.append(
                        .named(parameter, recordedName: parameter.name, value: .string(nextText),
                            valueIndex: next.index, index: argument.index))
                }
            }
        }
        return result
    }

    /// `BindNamedParameters`: binds, converts and validates named arguments left to right.
    private func bindNamed(_ pending: [Pending], into bound: inout BoundParameters) throws(BindingError) -> [Pending] {
        var unbound: [Pending] = []
        for item in pending {
            switch item {
            case .named(let parameter, let recordedName, let value, let valueIndex, let index):
                try bindOne(parameter, recordedName: recordedName, value, valueIndex: valueIndex, index: index, &bound)
            case .colonForm(let name, let value, let valueIndex, let index):
                switch resolver.resolve(name) {
                case .notFound:
                    unbound.append(.unknown(name: name, index: index))
                case .ambiguous(let matches):
                    throw .ambiguousParameter(typed: name, matches: matches, argumentIndex: index)
                case .found(let parameter):
                    try bindOne(parameter, recordedName: name, value, valueIndex: valueIndex, index: index, &bound)
                }
            case .unknown, .positional:
                unbound.append(item)
            }
        }
        return unbound
    }

    private func bindOne(
        _ parameter: ParameterMetadata, recordedName: String, _ value: ArgumentValue, valueIndex: Int, index: Int,
        _ bound: inout BoundParameters
    ) throws(BindingError) {
        if bound.contains(parameter.name) {
            throw .parameterAlreadyBound(parameter: recordedName, argumentIndex: index)
        }
        let converted = try ValueConverter.convert(value, for: parameter, argumentIndex: valueIndex)
        bound.bind(parameter.name, converted, origin: .commandLine(argumentIndex: valueIndex))
    }

    /// `BindPositionalParameters`: the unbound positional parameters in position order take the
    /// unnamed arguments in command-line order. An unknown `-Foo` is skipped with the word after it.
    /// Conversion errors leave the argument over and are remembered; validation errors throw.
    private func bindPositional(
        _ unbound: [Pending], into bound: inout BoundParameters
    ) throws(BindingError) -> ([Pending], BindingError?) {
        let positional = metadata.parameters
            .filter { $0.position != nil && !bound.contains($0.name) }
            .sorted { ($0.position ?? 0) < ($1.position ?? 0) }
        guard !positional.isEmpty else { return (unbound, nil) }
        var leftovers: [Pending] = []
        var rememberedError: BindingError?
        var cursor = 0
        for parameter in positional {
            var argument: (value: ArgumentValue, index: Int, item: Pending)?
            while cursor < unbound.count {
                let item = unbound[cursor]
                cursor += 1
                if case .positional(let value, let index) = item {
                    argument = (value, index, item)
                    break
                }
                leftovers.append(item)
                if cursor < unbound.count, !unbound[cursor].isNamed {
                    leftovers.append(unbound[cursor])
                    cursor += 1
                }
            }
            guard let argument else { break }
            do {
                let converted = try ValueConverter.convert(argument.value, for: parameter, argumentIndex: argument.index)
                bound.bind(parameter.name, converted, origin: .commandLine(argumentIndex: argument.index))
                rememberedError = nil
            } catch {
                if case .cannotConvert = error {
                    rememberedError = error
                    leftovers.append(argument.item)
                } else {
                    throw error
                }
            }
        }
        leftovers.append(contentsOf: unbound[cursor...])
        return (leftovers, rememberedError)
    }

    /// `VerifyArgumentsProcessed`: only the first leftover is reported.
    private func verifyProcessed(_ leftovers: [Pending], rememberedError: BindingError?) throws(BindingError) {
        guard let first = leftovers.first else { return }
        switch first {
        case .unknown(let name, let index):
            throw .namedParameterNotFound(typed: name, argumentIndex: index)
        case .positional(let value, let index):
            if let rememberedError { throw rememberedError }
            throw .positionalParameterNotFound(argument: value.displayText, argumentIndex: index)
        case .named, .colonForm:
            return
        }
    }

    /// Mandatory parameters not yet bound, in metadata order.
    public func missingMandatory(_ bound: BoundParameters) -> [ParameterMetadata] {
        metadata.parameters.filter { $0.isMandatory && !bound.contains($0.name) }
    }
}

extension CommandArgument.ColonValue {
    fileprivate func valueAndIndex(default index: Int) -> (ArgumentValue, Int) {
        switch self {
        case .attached(let value): (value, index)
        case .nextWord(let value, let valueIndex): (value, valueIndex)
        case .missing: (.null, index)
        }
    }
}

/// Binds command-line arguments to a command's parameters in PowerShell's order
/// (`CmdletParameterBinderController.BindCommandLineParametersNoValidation`):
/// re-parse, named, positional, leftovers. The mandatory check comes later, because
/// pipeline input or a prompt may still supply the missing values.
///
/// Example: `New-AzCognitiveServicesAccountKey -ResourceGroupName rg acct Key1` binds Name=acct
/// and KeyName=Key1: positions compact over the parameters still unbound.
package struct CommandLineBinder: Sendable {
    package let metadata: CommandMetadata
    private let resolver: ParameterResolver
    private let sets: ParameterSetResolver

    package init(metadata: CommandMetadata) {
        self.metadata = metadata
        self.resolver = ParameterResolver(metadata: metadata)
        self.sets = ParameterSetResolver(metadata: metadata)
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

    package func bind(_ arguments: [CommandArgument]) throws(BindingError) -> BoundParameters {
        try checkColonForms(arguments)
        let pending = try reparse(arguments)
        var bound = BoundParameters(parameterSetName: metadata.defaultParameterSetName)
        let unbound = try bindNamed(pending, into: &bound)
        let leftovers = try bindPositional(unbound, into: &bound)
        try verifyProcessed(leftovers)
        return bound
    }

    /// Parse errors come first: `-Name:` with nothing to take, and `-Force:` left by bash of `-Force:$false`.
    private func checkColonForms(_ arguments: [CommandArgument]) throws(BindingError) {
        for argument in arguments {
            guard case .parameter(let name, let text, let colonValue?) = argument.kind else { continue }
            let isSwitch: Bool
            if case .found(let parameter) = resolver.resolve(name) {
                isSwitch = parameter.type.isSwitch
            } else {
                isSwitch = false
            }
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
                let valueIndex = colonValue.valueIndex(parameterIndex: argument.index)
                result.append(
                    .colonForm(name: name, value: colonValue.value, valueIndex: valueIndex, index: argument.index))
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
                        .named(
                            parameter, recordedName: name, value: .bool(true), valueIndex: argument.index,
                            index: argument.index))
                    continue
                }
                let next = position < arguments.count ? arguments[position] : nil
                position += 1
                result.append(try pair(parameter, at: argument.index, with: next))
            }
        }
        return result
    }

    /// A `-Name` that takes a value and the word after it, which is the value unless it is another
    /// parameter: an unknown `-Foo` is taken as typed (`-Name -Foo`); a known parameter, a colon
    /// form or the end of the line leaves `-Name` without its argument.
    private func pair(
        _ parameter: ParameterMetadata, at index: Int, with next: CommandArgument?
    ) throws(BindingError) -> Pending {
        let missing = BindingError.missingArgument(
            parameter: parameter.name, typeName: parameter.type.fullName, argumentIndex: index)
        guard let next else { throw missing }
        switch next.kind {
        case .value(let value):
            return .named(parameter, recordedName: parameter.name, value: value, valueIndex: next.index, index: index)
        case .parameter(let nextName, let nextText, let nextColon):
            switch resolver.resolve(nextName) {
            case .ambiguous(let matches):
                throw .ambiguousParameter(typed: nextName, matches: matches, argumentIndex: next.index)
            case .found:
                throw missing
            case .notFound:
                guard nextColon == nil else { throw missing }
                return .named(
                    parameter, recordedName: parameter.name, value: .string(nextText), valueIndex: next.index,
                    index: index)
            }
        }
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
        // BindParameter: a named parameter outside every set still possible (`-InRemovedState -ResourceGroupName rg`
        // leaves none of Get-AzCognitiveServicesAccount's sets).
        guard sets.canBind(parameter, bound) else { throw .ambiguousParameterSet }
        let converted = try ValueConverter.convert(value, for: parameter, argumentIndex: valueIndex)
        bound.bind(parameter.name, converted, origin: .commandLine(argumentIndex: valueIndex))
    }

    /// What positional binding left over: the arguments no parameter took, in command-line order,
    /// and the conversion error of the last positional argument that failed to convert (reported
    /// instead of PositionalParameterNotFound when that argument is the first left over).
    private struct Leftovers {
        var arguments: [Pending] = []
        var conversionError: BindingError?
    }

    /// `BindPositionalParameters`: the unbound positional parameters in position order take the
    /// unnamed arguments in command-line order. An unknown `-Foo` is skipped with the word after it.
    /// Conversion errors leave the argument over and are remembered; validation errors throw.
    private func bindPositional(
        _ unbound: [Pending], into bound: inout BoundParameters
    ) throws(BindingError) -> Leftovers {
        // Without a positional argument nothing binds here: every item is left over, in order (the
        // loop below would find the same after sorting the positional parameters; issue 14, -Foo).
        guard unbound.contains(where: { !$0.isNamed }) else { return Leftovers(arguments: unbound) }
        // EvaluateUnboundPositionalParameters: the positions of the sets still possible; of the
        // parameters sharing a position, the first that can still bind takes the argument, and
        // binding it narrows the sets for the positions after it.
        // The default set's parameters come first at a shared position (BindPositionalParametersInSet).
        let possible = sets.possibleSets(bound)
        let defaultSet = metadata.declaredDefaultSet
        func rank(_ parameter: ParameterMetadata) -> Int {
            guard let defaultSet, parameter.membership(in: defaultSet) != nil else { return 1 }
            return 0
        }
        let positional = metadata.parameters
            .filter { !bound.contains($0.name) }
            .compactMap { parameter in sets.position(of: parameter, in: possible).map { (parameter, $0) } }
            .enumerated()
            .sorted { ($0.element.1, rank($0.element.0), $0.offset) < ($1.element.1, rank($1.element.0), $1.offset) }
            .map(\.element)
        var takenPositions: Set<Int> = []
        var leftovers = Leftovers()
        guard !positional.isEmpty else {
            leftovers.arguments = unbound
            return leftovers
        }
        var cursor = 0
        for (parameter, position) in positional {
            guard !takenPositions.contains(position), sets.canBind(parameter, bound) else { continue }
            var found: Int?
            while cursor < unbound.count {
                let item = unbound[cursor]
                cursor += 1
                if case .positional = item {
                    found = cursor - 1
                    break
                }
                leftovers.arguments.append(item)
                if cursor < unbound.count, !unbound[cursor].isNamed {
                    leftovers.arguments.append(unbound[cursor])
                    cursor += 1
                }
            }
            guard let found, case .positional(let value, let index) = unbound[found] else { break }
            do {
                let converted = try ValueConverter.convert(value, for: parameter, argumentIndex: index)
                bound.bind(parameter.name, converted, origin: .commandLine(argumentIndex: index))
                takenPositions.insert(position)
                leftovers.conversionError = nil
            } catch {
                guard case .cannotConvert = error else { throw error }
                leftovers.conversionError = error
                leftovers.arguments.append(unbound[found])
            }
        }
        leftovers.arguments.append(contentsOf: unbound[cursor...])
        return leftovers
    }

    /// `VerifyArgumentsProcessed`: only the first leftover is reported.
    private func verifyProcessed(_ leftovers: Leftovers) throws(BindingError) {
        guard let first = leftovers.arguments.first else { return }
        switch first {
        case .unknown(let name, let index):
            throw .namedParameterNotFound(typed: name, argumentIndex: index)
        case .positional(let value, let index):
            if let conversionError = leftovers.conversionError { throw conversionError }
            throw .positionalParameterNotFound(argument: value.displayText, argumentIndex: index)
        case .named, .colonForm:
            return
        }
    }

    /// Mandatory parameters of the binding's set not yet bound, in metadata order.
    package func missingMandatory(_ bound: BoundParameters) -> [ParameterMetadata] {
        sets.missingMandatory(bound, in: bound.parameterSetName)
    }

    /// Chooses the parameter set after command-line binding (`ValidateParameterSets`): sets
    /// `parameterSetName`, or, while pipeline input may still choose (`pipelineExpected`),
    /// leaves the default name and records the possible sets in `pendingParameterSets`.
    ///
    /// Example: `Get-AzCognitiveServicesAccount` with no arguments and no pipeline is in
    /// ResourceGroupParameterSet; `-InRemovedState -Name x` throws AmbiguousParameterSet.
    package func resolveParameterSet(_ bound: inout BoundParameters, pipelineExpected: Bool) throws(BindingError) {
        guard !metadata.parameterSetNames.isEmpty else { return }
        if let set = try sets.resolve(bound, pipelineExpected: pipelineExpected) {
            bound.parameterSetName = set
            bound.pendingParameterSets = nil
        } else {
            bound.pendingParameterSets = sets.possibleSets(bound)
        }
    }
}

extension CommandArgument.ColonValue {
    /// What the colon form gives its parameter (`$null` for a `-Name:` with nothing, which is an
    /// error before binding).
    fileprivate var value: ArgumentValue {
        switch self {
        case .attached(let value), .nextWord(let value, _): value
        case .missing: .null
        }
    }

    /// The word the value came from: the next word for `-Name: value`, else the parameter's own.
    fileprivate func valueIndex(parameterIndex: Int) -> Int {
        if case .nextWord(_, let index) = self { return index }
        return parameterIndex
    }
}

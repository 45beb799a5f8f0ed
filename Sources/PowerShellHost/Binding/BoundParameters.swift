/// The parameters bound so far, each with its value and where it came from (command line,
/// pipeline object, prompt), and the parameter set the binding chose. Pipeline-bound values
/// are reset before each new input object; command-line values never are.
///
/// A cmdlet reads values through the `ParameterKey`s its metadata was declared with:
///
/// Example: after `New-AzCognitiveServicesAccountKey -KeyName Key2 -Force` reads
/// `{"ResourceGroupName":"rg","AccountName":"myluis"}`, `bound[CognitiveServicesParameters.name]`
/// is `"myluis"` (bound from the pipeline through the alias), `bound[CognitiveServicesParameters.force]`
/// is `true`, and `bound.parameterSetName` is `__AllParameterSets`.
public struct BoundParameters: Sendable, Equatable {
    package enum Origin: Sendable, Equatable {
        /// From the command line; `argumentIndex` is the word that gave the value
        /// (for a switch without a value, the switch itself).
        case commandLine(argumentIndex: Int)
        case pipeline
        case prompt
    }

    @usableFromInline package struct BoundParameter: Sendable, Equatable {
        @usableFromInline package let value: ParameterValue
        package let origin: Origin
    }

    /// The typed readers below are `@inlinable` (and this vocabulary public, not `package`: the
    /// toolchain neither inlines nor specialises `package` code across modules), so a cmdlet's
    /// reads compile to a dictionary lookup in its own module instead of a generic call with
    /// metadata lookups for every read of every pipeline object.
    @usableFromInline var storage: [String: BoundParameter] = [:]

    /// The parameter set the binding resolved (`$PSCmdlet.ParameterSetName`): the command's
    /// default set, `__AllParameterSets` for a command that declares no sets.
    package var parameterSetName: String

    /// The sets still possible after command-line binding, which each pipeline object chooses
    /// from; nil when the command line chose one set (or the command has none).
    package var pendingParameterSets: [String]?

    package init(parameterSetName: String = CommandMetadata.allParameterSets) {
        self.parameterSetName = parameterSetName
    }

    /// The value of a declared parameter, as the type it was declared with; nil when unbound.
    @inlinable public subscript<Value>(key: ParameterKey<Value>) -> Value? {
        guard let binding = storage[key.name] else { return nil }
        return Value(boundValue: binding.value)
    }

    /// Whether a switch is present: false when it was not given, or given as `-Force:false`.
    @inlinable public subscript(key: ParameterKey<SwitchParameter>) -> Bool {
        guard let binding = storage[key.name] else { return false }
        return SwitchParameter(boundValue: binding.value)?.isPresent ?? false
    }

    /// Whether the parameter was bound at all (`$PSBoundParameters.ContainsKey`), whatever its value.
    @inlinable public func contains<Value>(_ key: ParameterKey<Value>) -> Bool { storage[key.name] != nil }

    /// The binding of the parameter with this canonical name, for the binder's own bookkeeping
    /// (which works over any command's metadata).
    package subscript(name: String) -> BoundParameter? { storage[name] }

    package func contains(_ name: String) -> Bool { storage[name] != nil }

    package mutating func bind(_ name: String, _ value: ParameterValue, origin: Origin) {
        storage[name] = BoundParameter(value: value, origin: origin)
    }

    /// Forgets what the previous pipeline object bound.
    package mutating func resetPipelineBindings() {
        storage = storage.filter { $0.value.origin != .pipeline }
    }

    package var names: [String] { Array(storage.keys) }
}

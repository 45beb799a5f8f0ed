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
public struct BoundParameters: Sendable {
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

    /// One bound parameter under its canonical name.
    @usableFromInline struct Entry: Sendable {
        @usableFromInline let name: String
        @usableFromInline var binding: BoundParameter
    }

    /// The typed readers below are `@inlinable` (and this vocabulary public, not `package`: the
    /// toolchain neither inlines nor specialises `package` code across modules), so a cmdlet's
    /// reads compile to a lookup in its own module instead of a generic call with metadata
    /// lookups for every read of every pipeline object. The lookup is a scan of a few entries
    /// (a command binds a handful of parameters): cheaper than hashing the name, which a
    /// dictionary does on every read, bind and unbind of every pipeline object.
    @usableFromInline var storage: [Entry] = []

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
    /// (The readers go through `index(named:)` and read the value in place: building the
    /// `BoundParameter?` that `binding(named:)` returns, and destroying it, went through generic
    /// value witnesses and cost more than the lookup, for every read of every pipeline object.)
    @inlinable public subscript<Value>(key: ParameterKey<Value>) -> Value? {
        guard let index = index(named: key.name) else { return nil }
        return Value(boundValue: storage[index].binding.value)
    }

    /// Whether a switch is present: false when it was not given, or given as `-Force:false`.
    @inlinable public subscript(key: ParameterKey<SwitchParameter>) -> Bool {
        guard let index = index(named: key.name) else { return false }
        return SwitchParameter(boundValue: storage[index].binding.value)?.isPresent ?? false
    }

    /// Whether the parameter was bound at all (`$PSBoundParameters.ContainsKey`), whatever its value.
    @inlinable public func contains<Value>(_ key: ParameterKey<Value>) -> Bool { index(named: key.name) != nil }

    @inlinable func binding(named name: String) -> BoundParameter? {
        index(named: name).map { storage[$0].binding }
    }

    /// Where the parameter with this canonical name is in `storage`. Names are the metadata's
    /// canonical spellings, so equal names have equal bytes: a different UTF-8 length settles
    /// most comparisons before `==` runs.
    @inlinable func index(named name: String) -> Int? {
        let length = name.utf8.count
        // By index: `for entry in storage` copies each entry it passes (retaining its name and value).
        for index in storage.indices where storage[index].name.utf8.count == length && storage[index].name == name {
            return index
        }
        return nil
    }

    /// The binding of the parameter with this canonical name, for the binder's own bookkeeping
    /// (which works over any command's metadata).
    package subscript(name: String) -> BoundParameter? { binding(named: name) }

    /// Scans the names alone: `binding(named:) != nil` built and destroyed the binding (a
    /// generic tuple destruction) for each of the binder's several checks per pipeline object.
    package func contains(_ name: String) -> Bool { index(named: name) != nil }

    package mutating func bind(_ name: String, _ value: ParameterValue, origin: Origin) {
        let binding = BoundParameter(value: value, origin: origin)
        let length = name.utf8.count
        for index in storage.indices where storage[index].name.utf8.count == length && storage[index].name == name {
            storage[index].binding = binding
            return
        }
        storage.append(Entry(name: name, binding: binding))
    }

    /// Forgets the binding of the parameter with this canonical name.
    package mutating func unbind(_ name: String) {
        storage.removeAll { $0.name == name }
    }

    /// Binds a parameter the caller knows is not bound yet (`contains(name)` is false): the
    /// pipeline binder, which checks that first, need not scan the bindings again.
    package mutating func bindUnbound(_ name: String, _ value: ParameterValue, origin: Origin) {
        storage.append(Entry(name: name, binding: BoundParameter(value: value, origin: origin)))
    }

    /// Forgets what the previous pipeline object bound. The pipeline's bindings come after the
    /// command line's, so they are usually the last entries: dropped from the end without a scan.
    package mutating func resetPipelineBindings() {
        while let last = storage.indices.last, storage[last].binding.origin == .pipeline { storage.removeLast() }
        if storage.contains(where: { $0.binding.origin == .pipeline }) {
            storage.removeAll { $0.binding.origin == .pipeline }
        }
    }

    package var names: [String] { storage.map(\.name) }
}

/// Equal when the same parameters are bound to the same values from the same origins, in any
/// order, with the same set (as the dictionary this storage replaced compared).
extension BoundParameters: Equatable {
    public static func == (lhs: BoundParameters, rhs: BoundParameters) -> Bool {
        lhs.parameterSetName == rhs.parameterSetName && lhs.pendingParameterSets == rhs.pendingParameterSets
            && lhs.storage.count == rhs.storage.count
            && lhs.storage.allSatisfy { rhs.binding(named: $0.name) == $0.binding }
    }
}

/// The parameters bound so far, each with its value and where it came from (command line,
/// pipeline object, prompt). Pipeline-bound values are reset before each new input object;
/// command-line values never are.
///
/// Example: after `New-AzCognitiveServicesAccountKey -KeyName Key2` reads
/// `{"ResourceGroupName":"rg","AccountName":"myluis"}`, `bound["Name"]` is
/// `BoundParameter(value: .string("myluis"), origin: .pipeline)`.
public struct BoundParameters: Sendable, Equatable {
    public enum Origin: Sendable, Equatable {
        /// From the command line; `argumentIndex` is the word that gave the value
        /// (for a switch without a value, the switch itself).
        case commandLine(argumentIndex: Int)
        case pipeline
        case prompt
    }

    public struct BoundParameter: Sendable, Equatable {
        public let value: ParameterValue
        public let origin: Origin
    }

    private var storage: [String: BoundParameter] = [:]

    public init() {}

    /// The bound value of the parameter with this canonical name.
    public subscript(name: String) -> BoundParameter? { storage[name] }

    public func contains(_ name: String) -> Bool { storage[name] != nil }

    public mutating func bind(_ name: String, _ value: ParameterValue, origin: Origin) {
        storage[name] = BoundParameter(value: value, origin: origin)
    }

    /// Forgets what the previous pipeline object bound.
    public mutating func resetPipelineBindings() {
        storage = storage.filter { $0.value.origin != .pipeline }
    }

    /// The string value of a bound parameter.
    public func string(_ name: String) -> String? { storage[name]?.value.string }

    /// Whether a switch is bound and present.
    public func isPresent(_ name: String) -> Bool { storage[name]?.value.isPresentSwitch ?? false }

    public var names: [String] { Array(storage.keys) }
}

/// `System.Management.Automation.SwitchParameter`: a parameter that is present or not.
/// `BoundParameters` reads a switch key as a plain `Bool`: false when it was not given.
///
/// Example: `New-AzCognitiveServicesAccountKey rg acct Key1 -Force` makes
/// `parameters[CognitiveServicesParameters.force]` true; `-Force:false` makes it false.
public struct SwitchParameter: BindableValue, Equatable {
    public let isPresent: Bool

    @inlinable public init(isPresent: Bool) {
        self.isPresent = isPresent
    }

    public static var parameterType: ParameterType { .switchParameter }

    @inlinable public init?(boundValue: ParameterValue) {
        guard case .switchValue(let flag) = boundValue else { return nil }
        self.isPresent = flag
    }
}

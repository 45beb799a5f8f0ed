/// A validation attribute on a parameter, checked after conversion.
///
/// Example: `New-AzCognitiveServicesAccountKey '' acct Key1` fails `.notNullOrEmpty`
/// (`[ValidateNotNullOrEmpty]`) on ResourceGroupName.
package enum ParameterValidation: Sendable, Equatable {
    /// `[ValidateNotNullOrEmpty]`.
    case notNullOrEmpty
    /// `[ValidateRange(minimum, maximum)]` on an integer.
    case range(minimum: Int, maximum: Int)
    /// `[ValidateVariableName]` on the `-*Variable` common parameters (`+name` appends).
    case variableName
    /// The setter of the `-*Action` common parameters, which rejects `Suspend`
    /// (`engine/MshCommandRuntime.cs`).
    case actionPreferenceNotSuspend
}

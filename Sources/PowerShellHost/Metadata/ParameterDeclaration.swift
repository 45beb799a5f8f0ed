/// Anything that declares one parameter of a command: a typed `ParameterKey`, or plain
/// `ParameterMetadata` (for a command whose values nothing reads by type).
///
/// Example: `CommandMetadata(name: "Get-AzCognitiveServicesAccountKey", …, declaredParameters:
/// [CognitiveServicesParameters.resourceGroupName, CognitiveServicesParameters.name, …])`.
package protocol ParameterDeclaration: Sendable {
    var metadata: ParameterMetadata { get }
}

extension ParameterMetadata: ParameterDeclaration {
    package var metadata: ParameterMetadata { self }
}

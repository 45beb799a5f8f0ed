/// Get-Help's own parameters, declared as a cmdlet declares its parameters, so `CommandLineBinder`
/// binds Get-Help's arguments with the rules and the messages of every cmdlet (`GetHelpCommand`
/// in PowerShell's `src/System.Management.Automation/help/HelpCommands.cs`; on Linux there is
/// no `-ShowWindow`).
///
/// `-Detailed`, `-Full`, `-Examples`, `-Parameter` and `-Online` each belong to a parameter set of
/// their own (DetailedView, AllUsersView, Examples, Parameters, Online), where the first four but
/// `-Full` are mandatory; until the binder resolves parameter sets, `view(of:)` does that part.
///
/// Example: `Get-Help New-AzCognitiveServicesAccountKey -par Key*` binds Name (position 0) and
/// Parameter (`-par` is a unique prefix), and `view(of:)` is `.parameter("Key*")`.
package enum GetHelpParameters {
    package static let name = ParameterKey<String>(
        name: "Name", position: 0, valueFromPipelineByPropertyName: true, validations: [.notNullOrEmpty])
    package static let path = ParameterKey<String>(name: "Path")
    /// `[ValidateSet("Alias", "Cmdlet", …)]` in PowerShell; AzShim accepts and ignores any category.
    package static let category = ParameterKey<[String]>(name: "Category")
    package static let detailed = ParameterKey<SwitchParameter>(name: "Detailed")
    package static let full = ParameterKey<SwitchParameter>(name: "Full")
    package static let examples = ParameterKey<SwitchParameter>(name: "Examples")
    package static let parameter = ParameterKey<[String]>(name: "Parameter")
    package static let component = ParameterKey<[String]>(name: "Component")
    package static let functionality = ParameterKey<[String]>(name: "Functionality")
    package static let role = ParameterKey<[String]>(name: "Role")
    package static let online = ParameterKey<SwitchParameter>(name: "Online")

    /// Get-Help's metadata, its parameters in declaration order.
    package static let metadata = CommandMetadata(
        name: "Get-Help", implementingTypeName: "Microsoft.PowerShell.Commands.GetHelpCommand",
        declaredParameters: [
            name.metadata, path.metadata, category.metadata, detailed.metadata, full.metadata, examples.metadata,
            parameter.metadata, component.metadata, functionality.metadata, role.metadata, online.metadata,
        ],
        supportsShouldProcess: false, defaultParameterSetName: "AllUsersView")

    /// The view the bound parameters ask for. Binding a parameter selects its set whatever its
    /// value (`-Full:false -Examples` names two sets), so two of the view parameters cannot be
    /// used together; a switch given as false selects its set but not its view, as
    /// `GetHelpCommand`'s setters do.
    package static func view(of bound: BoundParameters) throws(BindingError) -> HelpView {
        let sets = [
            bound.contains(detailed), bound.contains(full), bound.contains(examples), bound.contains(parameter),
            bound.contains(online),
        ]
        guard sets.filter({ $0 }).count <= 1 else { throw .ambiguousParameterSet }
        if bound[detailed] { return .detailed }
        if bound[full] { return .full }
        if bound[examples] { return .examples }
        if let patterns = bound[parameter] { return .parameter(patterns.joined(separator: ",")) }
        if bound[online] { return .online }
        return .standard
    }
}

/// A cmdlet's name and parameters in PowerShell's metadata order: declared parameters,
/// then the common parameters, then `-WhatIf`/`-Confirm` when it supports ShouldProcess.
///
/// Example: the metadata of `New-AzCognitiveServicesAccountKey` lists `ResourceGroupName,
/// Name, KeyName, Force, DefaultProfile, Verbose, Debug, …, WhatIf, Confirm`; `-W` is then
/// ambiguous between `WarningAction`, `WarningVariable` and `WhatIf`, in that order.
package struct CommandMetadata: Sendable {
    /// How much a command's action can hurt (`System.Management.Automation.ConfirmImpact`).
    package enum ConfirmImpact: Int, Sendable, Comparable {
        case none = 0
        case low, medium, high
        package static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    /// The name users type, e.g. `New-AzCognitiveServicesAccountKey`.
    package let name: String
    /// The implementing .NET class, the suffix of every FullyQualifiedErrorId.
    package let implementingTypeName: String
    /// Every parameter, in metadata order.
    package let parameters: [ParameterMetadata]
    package let supportsShouldProcess: Bool
    package let confirmImpact: ConfirmImpact
    /// The parameter set a binding resolves to when nothing selects another
    /// (`CmdletAttribute.DefaultParameterSetName`); `__AllParameterSets` when the command
    /// declares no sets.
    package let defaultParameterSetName: String

    /// `ParameterAttribute.AllParameterSets`: the name of the one set of a command without sets,
    /// as `$PSCmdlet.ParameterSetName` and Az's debug lines show it.
    package static let allParameterSets = "__AllParameterSets"

    /// The named parameter sets the declared parameters belong to, in order of first mention;
    /// empty for a command without sets (then every parameter is in `__AllParameterSets`).
    package let parameterSetNames: [String]

    /// The default set when the command names one (`defaultParameterSetName` is one of `parameterSetNames`).
    package var declaredDefaultSet: String? {
        parameterSetNames.first { $0.lowercased() == defaultParameterSetName.lowercased() }
    }

    /// Builds the metadata from the cmdlet's own parameters; the common parameters and,
    /// when `supportsShouldProcess`, `-WhatIf` and `-Confirm` are appended in PowerShell's order.
    ///
    /// The product's cmdlets pass each key's `metadata` (`[Parameters.name.metadata, …]`): an array
    /// of `any ParameterDeclaration` makes the runtime build each `ParameterKey<Value>` type from
    /// its mangled name and look up `Value: BindableValue` by scanning every conformance record,
    /// which was a fifth of a cmdlet's start-up (issue 14).
    package init(
        name: String,
        implementingTypeName: String,
        declaredParameters: [ParameterMetadata],
        supportsShouldProcess: Bool,
        confirmImpact: ConfirmImpact = .medium,
        defaultParameterSetName: String = CommandMetadata.allParameterSets
    ) {
        self.name = name
        self.implementingTypeName = implementingTypeName
        self.parameters =
            declaredParameters + CommonParameters.all + (supportsShouldProcess ? CommonParameters.shouldProcess : [])
        self.supportsShouldProcess = supportsShouldProcess
        self.confirmImpact = confirmImpact
        self.defaultParameterSetName = defaultParameterSetName
        var names: [String] = []
        for membership in parameters.flatMap(\.sets) {
            guard let name = membership.setName, !names.contains(where: { $0.lowercased() == name.lowercased() })
            else { continue }
            names.append(name)
        }
        self.parameterSetNames = names
    }

    /// The same from typed keys and plain metadata mixed (`[name, path, recurse]`), for commands
    /// whose start-up time does not matter (tests).
    package init(
        name: String,
        implementingTypeName: String,
        declaredParameters: [any ParameterDeclaration],
        supportsShouldProcess: Bool,
        confirmImpact: ConfirmImpact = .medium,
        defaultParameterSetName: String = CommandMetadata.allParameterSets
    ) {
        self.init(
            name: name, implementingTypeName: implementingTypeName,
            declaredParameters: declaredParameters.map(\.metadata), supportsShouldProcess: supportsShouldProcess,
            confirmImpact: confirmImpact, defaultParameterSetName: defaultParameterSetName)
    }

    /// The parameter with exactly this canonical name (case-insensitive).
    package func parameter(named name: String) -> ParameterMetadata? {
        let folded = name.lowercased()
        return parameters.first { $0.name.lowercased() == folded }
    }

    /// Parameters that can take values from pipeline objects.
    package var pipelineParameters: [ParameterMetadata] {
        parameters.filter(\.valueFromPipelineByPropertyName)
    }
}

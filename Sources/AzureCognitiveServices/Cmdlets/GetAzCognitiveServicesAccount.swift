import PowerShellHost

/// `Get-AzCognitiveServicesAccount`: gets one Cognitive Services account or lists them
/// (`GetAzureCognitiveServicesAccountCommand` in Az.CognitiveServices), in four parameter sets
/// and without a default set:
/// - `ResourceGroupParameterSet`: nothing lists the subscription, `-ResourceGroupName rg` (or `rg`) the group;
/// - `AccountNameParameterSet`: `rg name` gets one account;
/// - `ListDeletedAccountParameterSet`: `-InRemovedState` lists the soft-deleted accounts;
/// - `GetDeletedAccountParameterSet`: `rg name westus -InRemovedState` gets one of them.
///
/// Lists write each account as its page arrives (Az collects every page first; the objects and
/// their order are the same) and stop asking for pages once the run is stopping.
///
/// Example: `Get-AzCognitiveServicesAccount -ResourceGroupName rg --output json |
/// New-AzCognitiveServicesAccountKey -KeyName Key2` regenerates Key2 of every account in `rg`.
package struct GetAzCognitiveServicesAccount: CognitiveServicesAccountCmdlet {
    static let resourceGroupSet = "ResourceGroupParameterSet"
    static let accountNameSet = "AccountNameParameterSet"
    static let getDeletedSet = "GetDeletedAccountParameterSet"
    static let listDeletedSet = "ListDeletedAccountParameterSet"

    /// `[Parameter(ParameterSetName = …)]` of each parameter, as Az declares them.
    static let resourceGroupName = ParameterKey<String>(
        name: "ResourceGroupName",
        sets: [
            .init(
                set: resourceGroupSet, position: 0, valueFromPipelineByPropertyName: true,
                helpMessage: "Resource Group Name."),
            .init(
                set: accountNameSet, position: 0, isMandatory: true, valueFromPipelineByPropertyName: true,
                helpMessage: "Resource Group Name."),
            .init(
                set: getDeletedSet, position: 0, isMandatory: true, valueFromPipelineByPropertyName: true,
                helpMessage: "Resource Group Name."),
        ],
        validations: [.notNullOrEmpty])

    static let name = ParameterKey<String>(
        name: "Name",
        sets: [
            .init(
                set: accountNameSet, position: 1, isMandatory: true, valueFromPipelineByPropertyName: true,
                helpMessage: "Cognitive Services Account Name."),
            .init(
                set: getDeletedSet, position: 1, isMandatory: true, valueFromPipelineByPropertyName: true,
                helpMessage: "Cognitive Services Account Name."),
        ],
        aliases: ["CognitiveServicesAccountName", "AccountName"], validations: [.notNullOrEmpty])

    static let location = ParameterKey<String>(
        name: "Location",
        sets: [
            .init(
                set: getDeletedSet, position: 2, isMandatory: true, helpMessage: "Cognitive Services Account Location.")
        ],
        validations: [.notNullOrEmpty])

    static let inRemovedState = ParameterKey<SwitchParameter>(
        name: "InRemovedState",
        sets: [
            .init(
                set: getDeletedSet, isMandatory: true,
                helpMessage: "Specifies whether to only show the deleted accounts in the output."),
            .init(
                set: listDeletedSet, isMandatory: true,
                helpMessage: "Specifies whether to only show the deleted accounts in the output."),
        ])

    package static let commandName = "Get-AzCognitiveServicesAccount"

    package static let metadata = CommandMetadata(
        name: commandName,
        implementingTypeName:
            "Microsoft.Azure.Commands.Management.CognitiveServices.GetAzureCognitiveServicesAccountCommand",
        declaredParameters: [
            resourceGroupName.metadata, name.metadata, location.metadata, inRemovedState.metadata,
            CognitiveServicesParameters.defaultProfile.metadata,
        ],
        supportsShouldProcess: false)

    package init() {}

    /// `ExecuteCmdlet`: a switch on `ParameterSetName`, then on which names are given.
    package func process(
        _ parameters: BoundParameters, session: AzureSession, runtime: CommandRuntime
    ) throws(ErrorRecord) {
        let client = session.client
        let resourceGroup = parameters[Self.resourceGroupName] ?? ""
        let accountName = parameters[Self.name] ?? ""
        switch parameters.parameterSetName {
        case Self.getDeletedSet:
            let account = try client.deletedAccount(
                location: parameters[Self.location] ?? "", resourceGroup: resourceGroup, name: accountName)
            runtime.writeObject(account.psObject)
        case Self.listDeletedSet:
            try list(.deleted, client: client, runtime: runtime)
        default:
            if resourceGroup.isEmpty {
                try list(.subscription, client: client, runtime: runtime)
            } else if accountName.isEmpty {
                try list(.resourceGroup(resourceGroup), client: client, runtime: runtime)
            } else {
                runtime.writeObject(try client.account(resourceGroup: resourceGroup, name: accountName).psObject)
            }
        }
    }

    /// Writes each page's accounts as the page arrives; no further page once the run is stopping.
    private func list(
        _ listing: CognitiveServicesClient.AccountListing, client: CognitiveServicesClient, runtime: CommandRuntime
    ) throws(ErrorRecord) {
        try client.listAccounts(listing) { accounts in
            for account in accounts {
                guard !runtime.isStopping else { return .stop }
                runtime.writeObject(account.psObject)
            }
            return runtime.isStopping ? .stop : .fetchNext
        }
    }
}

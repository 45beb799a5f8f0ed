import AzShimSupport

extension PipelineLoop {
    /// The error record for an input object that did not bind, with the command's advice
    /// (`CommandDefinition.pipelineInputHint`) when no parameter, or not every mandatory one,
    /// could be taken from the object.
    ///
    /// Example: `{"resourceGroup":"rg","name":"a"}` piped to `New-AzCognitiveServicesAccountKey
    /// -KeyName Key1` gets InputObjectMissingMandatory (`  ResourceGroupName`) and, on the next
    /// line, the `jq` mapping from the Azure CLI's names.
    func bindingFailure(_ error: BindingError, object: JSONValue) -> ErrorRecord {
        Self.bindingFailure(error, object: object, hint: hint)
    }

    static func bindingFailure(
        _ error: BindingError, object: JSONValue, hint: (JSONValue) -> String?
    ) -> ErrorRecord {
        var record = ErrorRecord(error)
        switch error {
        case .inputObjectNotBound, .inputObjectMissingMandatory: record.hint = hint(object)
        default: break
        }
        return record
    }
}

import AzShimSupport
import Testing

@testable import PowerShellHost

/// Binding one pipeline object by property name (`CmdletParameterBinderController.BindPipelineParameters`)
/// over `TestCommand` (New-AzCognitiveServicesAccountKey's parameters): which property each
/// parameter takes, which failures are swallowed and which are errors, and that nothing carries
/// over from one object to the next.
struct PipelineBinderTests {
    static let binder = PipelineBinder(metadata: TestCommand.metadata)

    static func object(_ text: String) throws -> JSONValue { try JSONParser.parse(Array(text.utf8)) }

    /// The bound values as `rg/name/key`, or the binding error.
    static func outcome(_ text: String, into bound: inout BoundParameters) throws -> Result<String, BindingError> {
        let object = try object(text)
        do {
            try binder.bind(object, into: &bound)
        } catch {
            return .failure(error)
        }
        let parts = [
            bound[TestCommand.resourceGroupName] ?? "-", bound[TestCommand.name] ?? "-",
            bound[TestCommand.keyName]?.rawValue ?? "-",
        ]
        return .success(parts.joined(separator: "/"))
    }

    static func outcome(_ text: String) throws -> Result<String, BindingError> {
        var bound = BoundParameters()
        return try outcome(text, into: &bound)
    }

    @Test func bindsByNameAndAliasIgnoringCase() throws {
        #expect(try Self.outcome(#"{"ResourceGroupName":"rg","Name":"a","KeyName":"Key1"}"#) == .success("rg/a/Key1"))
        #expect(
            try Self.outcome(#"{"resourcegroupname":"rg","ACCOUNTNAME":"a","keyname":"key2"}"#) == .success("rg/a/Key2")
        )
        #expect(
            try Self.outcome(#"{"ResourceGroupName":"rg","CognitiveServicesAccountName":"c","KeyName":"Key1"}"#)
                == .success("rg/c/Key1"))
    }

    /// The exact spelling wins over a case-insensitive match; the name wins over an alias.
    @Test func exactSpellingThenNameBeforeAlias() throws {
        #expect(
            try Self.outcome(#"{"ResourceGroupName":"rg","name":"lower","Name":"exact","KeyName":"Key1"}"#)
                == .success("rg/exact/Key1"))
        #expect(
            try Self.outcome(#"{"ResourceGroupName":"rg","AccountName":"alias","name":"name","KeyName":"Key1"}"#)
                == .success("rg/name/Key1"))
    }

    /// A value that does not convert leaves the parameter unbound (then missing); a validation
    /// failure and a null for a mandatory non-string parameter are errors.
    @Test func conversionFailureSwallowedValidationThrown() throws {
        #expect(
            try Self.outcome(#"{"ResourceGroupName":"rg","Name":"a","KeyName":"Key3"}"#)
                == .failure(.inputObjectMissingMandatory(["KeyName"])))
        #expect(
            try Self.outcome(#"{"ResourceGroupName":"","Name":"a","KeyName":"Key1"}"#)
                == .failure(
                    .validationFailed(parameter: "ResourceGroupName", failure: .nullOrEmpty, argumentIndex: nil)))
        #expect(
            try Self.outcome(#"{"ResourceGroupName":"rg","Name":"a","KeyName":null}"#)
                == .failure(.nullNotAllowed(parameter: "KeyName", argumentIndex: nil)))
        #expect(try Self.outcome(#"{"Other":1}"#) == .failure(.inputObjectNotBound))
        #expect(try Self.outcome(#"[1,2]"#) == .failure(.inputObjectNotBound))
    }

    /// A command-line value is kept; a pipeline value from the previous object is not.
    @Test func commandLineKeptPipelineReset() throws {
        var bound = BoundParameters()
        bound.bind("KeyName", .enumeration(name: "Key2", value: 1), origin: .commandLine(argumentIndex: 1))
        #expect(
            try Self.outcome(#"{"ResourceGroupName":"rg","Name":"a","KeyName":"Key1"}"#, into: &bound)
                == .success("rg/a/Key2"))
        #expect(
            try Self.outcome(#"{"ResourceGroupName":"rg2"}"#, into: &bound)
                == .failure(.inputObjectMissingMandatory(["Name"])))
        #expect(bound[TestCommand.resourceGroupName] == "rg2")
        #expect(!bound.contains("Name"))
        #expect(bound.contains("KeyName"))
    }

    /// `convertIfPossible` answers nil exactly where `convert` throws CannotConvert.
    @Test func convertIfPossibleMatchesConvert() throws {
        let parameter = try #require(TestCommand.metadata.parameters.first { $0.name == "KeyName" })
        for value: ArgumentValue in [.string("key2"), .string("Key3"), .integer(text: "1", value: 1), .bool(true)] {
            let converted = try? ValueConverter.convert(value, for: parameter, argumentIndex: nil)
            let possible = try ValueConverter.convertIfPossible(
                value, name: parameter.name, type: parameter.type, isMandatory: parameter.isMandatory,
                validations: parameter.validations)
            #expect(converted == possible)
        }
    }
}

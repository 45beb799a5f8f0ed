import PowerShellHost
import Testing

/// Typed parameter access: a cmdlet reads each bound value through the `ParameterKey` its
/// metadata was declared with, as the type the binder converted it to; and the binding result
/// names the parameter set it resolved.
@Suite struct ParameterKeyTests {
    static let patterns = ParameterKey<[String]>(name: "Parameter")
    static let count = ParameterKey<Int>(name: "Count", position: 0)
    /// A command with one parameter of each remaining bindable type, beside `TestCommand`.
    static let listing = CommandMetadata(
        name: "Test-Listing", implementingTypeName: "TestListingCommand", declaredParameters: [patterns, count],
        supportsShouldProcess: false, defaultParameterSetName: "ByPattern")

    static func bindListing(_ words: [String]) throws(BindingError) -> BoundParameters {
        try CommandLineBinder(metadata: listing).bind(ArgumentTokenizer.tokenize(words).arguments)
    }

    @Test("keys declare the .NET type their Swift type binds as")
    func declaredTypes() {
        #expect(TestCommand.resourceGroupName.metadata.type == .string)
        #expect(TestCommand.force.metadata.type == .switchParameter)
        #expect(Self.patterns.metadata.type == .stringArray)
        #expect(Self.patterns.metadata.type.fullName == "System.String[]")
        #expect(Self.count.metadata.type == .int32)
        #expect(CommonParameters.outBuffer.metadata.type == .int32)
        #expect(
            TestCommand.defaultProfile.metadata.type
                == .opaque(
                    fullName: "Microsoft.Azure.Commands.Common.Authentication.Abstractions.Core.IAzureContextContainer")
        )
        #expect(
            TestCommand.metadata.parameters.map(\.name).prefix(5) == [
                "ResourceGroupName", "Name", "KeyName", "Force", "DefaultProfile",
            ])
    }

    @Test("an enum's members and values come from its cases (KeyName { Key1 = 0, Key2 = 1 })")
    func enumerationFromCases() {
        #expect(
            TestCommand.KeyName.enumerationType
                == EnumerationType(
                    fullName: "Microsoft.Azure.Management.CognitiveServices.Models.KeyName",
                    members: [.init("Key1", 0), .init("Key2", 1)]))
        // engine/CommandBase.cs: SilentlyContinue = 0, Stop, Continue, Inquire, Ignore, Suspend, Break = 6.
        #expect(
            EnumerationType.actionPreference.members
                == [
                    .init("SilentlyContinue", 0), .init("Stop", 1), .init("Continue", 2), .init("Inquire", 3),
                    .init("Ignore", 4), .init("Suspend", 5), .init("Break", 6),
                ])
        #expect(EnumerationType.actionPreference.fullName == "System.Management.Automation.ActionPreference")
    }

    @Test("values read as their declared types; unbound values read as nil, an absent switch as false")
    func typedValues() throws {
        let bound = try TestCommand.bind([
            "rg", "acct", "1", "-Force", "-ea", "ig", "-ob", "7", "-AzContext", "ctx.json",
        ])
        #expect(bound[TestCommand.resourceGroupName] == "rg")
        #expect(bound[TestCommand.name] == "acct")
        #expect(bound[TestCommand.keyName] == .key2)
        #expect(bound[TestCommand.force])
        #expect(bound[TestCommand.defaultProfile] == "ctx.json")
        #expect(bound[CommonParameters.errorAction] == .ignore)
        #expect(bound[CommonParameters.outBuffer] == 7)
        #expect(bound[CommonParameters.warningAction] == nil)
        #expect(!bound[CommonParameters.verbose])
        #expect(!bound.contains(CommonParameters.verbose))

        let plain = try TestCommand.bind(["rg", "acct", "Key1", "-Force:false"])
        #expect(!plain[TestCommand.force])
        #expect(plain.contains(TestCommand.force))
        #expect(plain[TestCommand.defaultProfile] == nil)
    }

    struct ArrayCase: Sendable, CustomTestStringConvertible {
        let words: [String]
        let expected: [String]?
        var testDescription: String { words.joined(separator: " ") }
    }

    /// `LanguagePrimitives.ConvertTo(string[])`: a scalar becomes one element; a comma list its elements.
    @Test(
        "System.String[] parameters",
        arguments: [
            ArrayCase(words: ["-Parameter", "Key*"], expected: ["Key*"]),
            ArrayCase(words: ["-Parameter", "Key*,Name"], expected: ["Key*", "Name"]),
            ArrayCase(words: ["-Parameter:a,b,c"], expected: ["a", "b", "c"]),
            ArrayCase(words: ["-Parameter", "1"], expected: ["1"]),
            ArrayCase(words: ["-Parameter", "$true,x"], expected: ["True", "x"]),
            ArrayCase(words: ["-Parameter", "$null"], expected: nil),
            ArrayCase(words: [], expected: nil),
        ])
    func stringArrays(_ row: ArrayCase) throws {
        #expect(try Self.bindListing(row.words)[Self.patterns] == row.expected)
    }

    @Test("a missing System.String[] value names the array type")
    func missingArrayValue() {
        #expect(
            throws: BindingError.missingArgument(parameter: "Parameter", typeName: "System.String[]", argumentIndex: 0)
        ) {
            try Self.bindListing(["-Parameter"])
        }
    }

    @Test("the binding names its parameter set: __AllParameterSets without sets, else the command's default")
    func parameterSetName() throws {
        #expect(CommandMetadata.allParameterSets == "__AllParameterSets")
        #expect(try TestCommand.bind(["rg", "acct", "Key1"]).parameterSetName == "__AllParameterSets")
        #expect(TestCommand.metadata.defaultParameterSetName == "__AllParameterSets")
        #expect(try Self.bindListing(["5"]).parameterSetName == "ByPattern")
        #expect(try Self.bindListing(["5"])[Self.count] == 5)
    }
}

import PowerShellHost
import Testing

/// powershell-semantics.md §2–§4 and §7.1–§7.2: one row per rule, with the exact message text.
struct CommandLineBinderTests {
    struct ErrorCase: Sendable, CustomTestStringConvertible {
        let arguments: [String]
        let expected: String
        var testDescription: String { arguments.joined(separator: " ") }
    }

    static let keyNameType = "Microsoft.Azure.Management.CognitiveServices.Models.KeyName"
    static let enumNoMatchKey3 =
        "Cannot bind parameter 'KeyName'. Cannot convert value \"Key3\" to type \"\(keyNameType)\". Error: \"Unable to match the identifier name Key3 to a valid enumerator name. Specify one of the following enumerator names and try again:\nKey1, Key2\""
    static func alreadyBound(_ name: String) -> String {
        "Cannot bind parameter because parameter '\(name)' is specified more than once. To provide multiple values to parameters that can accept multiple values, use the array syntax. For example, \"-parameter value1,value2,value3\"."
    }
    static func nullOrEmpty(_ name: String) -> String {
        "Cannot validate argument on parameter '\(name)'. The argument is null or empty. Provide an argument that is not null or empty, and then try the command again."
    }
    static func suspend(_ name: String) -> String {
        "Cannot bind parameter '\(name)' to the target. Exception setting \"\(name)\": \"The Suspend ActionPreference value is reserved for future use and is not supported at this time. For more information about preference variables, see the Help topic, \"about_Preference_Variables.\"\""
    }

    static let errorCases: [ErrorCase] = [
        // §2.1 colon forms and parse errors
        ErrorCase(arguments: ["rg", "acct", "Key1", "-Name:"], expected: "Parameter -Name: requires an argument."),
        ErrorCase(
            arguments: ["rg", "acct", "Key1", "-Force:"],
            expected:
                "Parameter -Force: requires an argument. A POSIX shell expands $true and $false before AzShim sees them: write '-Force:$false' in single quotes, or -Force:false."
        ),
        ErrorCase(
            arguments: ["-Force:", "rg", "acct", "Key1"],
            expected:
                "Parameter -Force: requires an argument. A POSIX shell expands $true and $false before AzShim sees them: write '-Force:$false' in single quotes, or -Force:false."
        ),
        // §2.2 MissingArgument
        ErrorCase(
            arguments: ["rg", "acct", "-KeyName"],
            expected:
                "Missing an argument for parameter 'KeyName'. Specify a parameter of type '\(keyNameType)' and try again."
        ),
        ErrorCase(
            arguments: ["-Name", "-Force", "rg", "Key1"],
            expected:
                "Missing an argument for parameter 'Name'. Specify a parameter of type 'System.String' and try again."),
        ErrorCase(
            arguments: ["-Name", "-KeyName:Key1", "rg"],
            expected:
                "Missing an argument for parameter 'Name'. Specify a parameter of type 'System.String' and try again."),
        ErrorCase(
            arguments: ["rg", "acct", "Key1", "-DefaultProfile"],
            expected:
                "Missing an argument for parameter 'DefaultProfile'. Specify a parameter of type 'Microsoft.Azure.Commands.Common.Authentication.Abstractions.Core.IAzureContextContainer' and try again."
        ),
        ErrorCase(
            arguments: ["rg", "acct", "Key1", "-ErrorAction"],
            expected:
                "Missing an argument for parameter 'ErrorAction'. Specify a parameter of type 'System.Management.Automation.ActionPreference' and try again."
        ),
        // §2.2: MissingArgument at the end is reported before an earlier conversion error
        ErrorCase(
            arguments: ["rg", "acct", "Key3", "-Name"],
            expected:
                "Missing an argument for parameter 'Name'. Specify a parameter of type 'System.String' and try again."),
        // §2.2 step 4: an ambiguous next word throws the ambiguity
        ErrorCase(
            arguments: ["-Name", "-W", "rg", "Key1"],
            expected:
                "Parameter cannot be processed because the parameter name 'W' is ambiguous. Possible matches include: -WarningAction -WarningVariable -WhatIf."
        ),
        // §2.3 switches
        ErrorCase(
            arguments: ["rg", "acct", "Key1", "-Force:\"false\""],
            expected:
                "Cannot convert 'System.String' to the type 'System.Management.Automation.SwitchParameter' required by parameter 'Force'. "
        ),
        ErrorCase(
            arguments: ["rg", "acct", "Key1", "-Force:yes"],
            expected:
                "Cannot convert 'System.String' to the type 'System.Management.Automation.SwitchParameter' required by parameter 'Force'. "
        ),
        ErrorCase(
            arguments: ["rg", "acct", "Key1", "-Force", "$false"],
            expected: "A positional parameter cannot be found that accepts argument 'False'."),
        ErrorCase(
            arguments: ["rg", "acct", "Key1", "-Force", "false"],
            expected: "A positional parameter cannot be found that accepts argument 'false'."),
        // §2.4 repeated parameters: canonical name for value forms, typed name for colon forms and switches
        ErrorCase(arguments: ["-Name", "a", "-Name", "b", "rg", "Key1"], expected: alreadyBound("Name")),
        ErrorCase(arguments: ["-AccountName", "a", "-Name", "b", "rg", "Key1"], expected: alreadyBound("Name")),
        ErrorCase(arguments: ["-Name", "a", "-AccountName", "b", "rg", "Key1"], expected: alreadyBound("Name")),
        ErrorCase(arguments: ["-n:a", "-n:b", "rg", "Key1"], expected: alreadyBound("n")),
        ErrorCase(arguments: ["rg", "acct", "Key1", "-Force", "-F"], expected: alreadyBound("F")),
        ErrorCase(
            arguments: ["-ResourceGroupName", "rg", "acct", "Key1", "-ResourceGroupName", "x"],
            expected: alreadyBound("ResourceGroupName")),
        // Named binding runs before positional binding, so the positions shift (§3.1).
        ErrorCase(
            arguments: ["rg", "acct", "Key1", "-ResourceGroupName", "x"],
            expected:
                "Cannot bind parameter 'KeyName'. Cannot convert value \"acct\" to type \"\(keyNameType)\". Error: \"Unable to match the identifier name acct to a valid enumerator name. Specify one of the following enumerator names and try again:\nKey1, Key2\""
        ),
        // §3.3 leftovers
        ErrorCase(
            arguments: ["rg", "acct", "Key1", "extra"],
            expected: "A positional parameter cannot be found that accepts argument 'extra'."),
        ErrorCase(arguments: ["-Foo"], expected: "A parameter cannot be found that matches parameter name 'Foo'."),
        ErrorCase(
            arguments: ["-S", "x", "rg", "acct", "Key1"],
            expected: "A parameter cannot be found that matches parameter name 'S'."),
        ErrorCase(
            arguments: ["rg", "acct", "Key1", "-X"],
            expected: "A parameter cannot be found that matches parameter name 'X'."),
        // §2.1: a dash and a letter start a parameter (`-x5`); a dash and a digit a value (`-5x`).
        ErrorCase(
            arguments: ["rg", "acct", "Key1", "-x5"],
            expected: "A parameter cannot be found that matches parameter name 'x5'."),
        ErrorCase(
            arguments: ["rg", "acct", "Key1", "-5x"],
            expected: "A positional parameter cannot be found that accepts argument '-5x'."),
        ErrorCase(
            arguments: ["rg", "acct", "Key1", "-Foo:bar"],
            expected: "A parameter cannot be found that matches parameter name 'Foo'."),
        ErrorCase(
            arguments: ["rg", "acct", "Key1", "5"],
            expected: "A positional parameter cannot be found that accepts argument '5'."),
        ErrorCase(
            arguments: ["rg", "acct", "Key1", "$null"],
            expected: "A positional parameter cannot be found that accepts argument '$null'."),
        ErrorCase(
            arguments: ["rg", "acct", "Key1", "-"],
            expected: "A positional parameter cannot be found that accepts argument '-'."),
        ErrorCase(
            arguments: ["rg", "acct", "Key1", "--foo"],
            expected: "A positional parameter cannot be found that accepts argument '--foo'."),
        ErrorCase(
            arguments: ["rg", "acct", "Key1", "--", "-Force"],
            expected: "A positional parameter cannot be found that accepts argument '-Force'."),
        // §3.2: a positional conversion error is remembered and reported for the leftover
        ErrorCase(arguments: ["rg", "acct", "Key3"], expected: enumNoMatchKey3),
        ErrorCase(
            arguments: ["-ResourceGroupName", "rg", "-Name", "acct", "Key3", "extra"], expected: enumNoMatchKey3),
        // §4.1 KeyName conversion
        ErrorCase(arguments: ["rg", "acct", "-KeyName", "Key3"], expected: enumNoMatchKey3),
        ErrorCase(
            arguments: ["rg", "acct", "-KeyName", "K"],
            expected:
                "Cannot bind parameter 'KeyName'. Cannot convert value \"K\" to type \"\(keyNameType)\". Error: \"The identifier name K cannot be processed because it is either too similar or identical to the following enumerator names: Key1, Key2. Use a more specific identifier name.\""
        ),
        ErrorCase(
            arguments: ["rg", "acct", "-KeyName", "Key"],
            expected:
                "Cannot bind parameter 'KeyName'. Cannot convert value \"Key\" to type \"\(keyNameType)\". Error: \"The identifier name Key cannot be processed because it is either too similar or identical to the following enumerator names: Key1, Key2. Use a more specific identifier name.\""
        ),
        ErrorCase(
            arguments: ["rg", "acct", "-KeyName", ""],
            expected:
                "Cannot bind parameter 'KeyName'. Cannot convert value \"\" to type \"\(keyNameType)\". Error: \"The identifier name  cannot be processed because it is either too similar or identical to the following enumerator names: Key1, Key2. Use a more specific identifier name.\""
        ),
        ErrorCase(
            arguments: ["rg", "acct", "-KeyName", "2"],
            expected:
                "Cannot bind parameter 'KeyName'. Cannot convert value \"2\" to type \"\(keyNameType)\" due to enumeration values that are not valid. Specify one of the following enumeration values and try again. The possible enumeration values are \"Key1,Key2\"."
        ),
        ErrorCase(
            arguments: ["rg", "acct", "-KeyName", "-1"],
            expected:
                "Cannot bind parameter 'KeyName'. Cannot convert value \"-1\" to type \"\(keyNameType)\" due to enumeration values that are not valid. Specify one of the following enumeration values and try again. The possible enumeration values are \"Key1,Key2\"."
        ),
        ErrorCase(
            arguments: ["rg", "acct", "-KeyName", "99999999999x"],
            expected:
                "Cannot bind parameter 'KeyName'. Cannot convert value \"99999999999x\" to type \"\(keyNameType)\". Error: \"Unable to match the identifier name 99999999999x to a valid enumerator name. Specify one of the following enumerator names and try again:\nKey1, Key2\""
        ),
        ErrorCase(
            arguments: ["rg", "acct", "-KeyName", "Key1,Key3"],
            expected:
                "Cannot bind parameter 'KeyName'. Cannot convert value \"Key1,Key3\" to type \"\(keyNameType)\". Error: \"Unable to match the identifier name Key1,Key3 to a valid enumerator name. Specify one of the following enumerator names and try again:\nKey1, Key2\""
        ),
        ErrorCase(
            arguments: ["rg", "acct", "-KeyName", "$null"],
            expected: "Cannot bind argument to parameter 'KeyName' because it is null."),
        // §4.2 ValidateNotNullOrEmpty
        ErrorCase(arguments: ["", "acct", "Key1"], expected: nullOrEmpty("ResourceGroupName")),
        ErrorCase(arguments: ["rg", "", "Key1"], expected: nullOrEmpty("Name")),
        ErrorCase(
            arguments: ["-ResourceGroupName", "$null", "acct", "Key1"], expected: nullOrEmpty("ResourceGroupName")),
        ErrorCase(arguments: ["-Name:", "", "rg", "Key1"], expected: nullOrEmpty("Name")),
        // §4.4 arrays to scalars
        ErrorCase(
            arguments: ["rg", "-Name", "a,b", "Key1"],
            expected:
                "Cannot convert 'System.Object[]' to the type 'System.String' required by parameter 'Name'. Specified method is not supported."
        ),
        // §7.1 common parameter validation
        ErrorCase(arguments: ["rg", "acct", "Key1", "-ErrorAction", "Suspend"], expected: suspend("ErrorAction")),
        ErrorCase(arguments: ["rg", "acct", "Key1", "-wa", "Suspend"], expected: suspend("WarningAction")),
        ErrorCase(
            arguments: ["rg", "acct", "Key1", "-InformationAction", "5"], expected: suspend("InformationAction")),
        ErrorCase(arguments: ["rg", "acct", "Key1", "-ProgressAction:Su"], expected: suspend("ProgressAction")),
        ErrorCase(
            arguments: ["rg", "acct", "Key1", "-ErrorAction", "S"],
            expected:
                "Cannot bind parameter 'ErrorAction'. Cannot convert value \"S\" to type \"System.Management.Automation.ActionPreference\". Error: \"The identifier name S cannot be processed because it is either too similar or identical to the following enumerator names: SilentlyContinue, Stop, Suspend. Use a more specific identifier name.\""
        ),
        ErrorCase(
            arguments: ["rg", "acct", "Key1", "-ErrorAction", "Bogus"],
            expected:
                "Cannot bind parameter 'ErrorAction'. Cannot convert value \"Bogus\" to type \"System.Management.Automation.ActionPreference\". Error: \"Unable to match the identifier name Bogus to a valid enumerator name. Specify one of the following enumerator names and try again:\nSilentlyContinue, Stop, Continue, Inquire, Ignore, Suspend, Break\""
        ),
        ErrorCase(
            arguments: ["rg", "acct", "Key1", "-ErrorAction", "7"],
            expected:
                "Cannot bind parameter 'ErrorAction'. Cannot convert value \"7\" to type \"System.Management.Automation.ActionPreference\" due to enumeration values that are not valid. Specify one of the following enumeration values and try again. The possible enumeration values are \"SilentlyContinue,Stop,Continue,Inquire,Ignore,Suspend,Break\"."
        ),
        ErrorCase(
            arguments: ["rg", "acct", "Key1", "-OutBuffer", "-1"],
            expected:
                "Cannot validate argument on parameter 'OutBuffer'. The -1 argument is less than the minimum allowed range of 0. Supply an argument that is greater than or equal to 0 and then try the command again."
        ),
        ErrorCase(
            arguments: ["rg", "acct", "Key1", "-ob", "abc"],
            expected:
                "Cannot bind parameter 'OutBuffer'. Cannot convert value \"abc\" to type \"System.Int32\". Error: \"The input string 'abc' was not in a correct format.\""
        ),
        ErrorCase(
            arguments: ["rg", "acct", "Key1", "-OutBuffer", "3000000000"],
            expected:
                "Cannot bind parameter 'OutBuffer'. Cannot convert value \"3000000000\" to type \"System.Int32\". Error: \"Value was either too large or too small for an Int32.\""
        ),
        ErrorCase(
            arguments: ["rg", "acct", "Key1", "-ErrorVariable", "env:HOME"],
            expected:
                "Cannot validate argument on parameter 'ErrorVariable'. Cannot validate argument 'env:HOME' because it is not a valid variable name."
        ),
        ErrorCase(
            arguments: ["rg", "acct", "Key1", "-ov", "+function:x"],
            expected:
                "Cannot validate argument on parameter 'OutVariable'. Cannot validate argument 'function:x' because it is not a valid variable name."
        ),
    ]

    @Test("binding errors", arguments: errorCases)
    func bindingError(_ row: ErrorCase) {
        #expect(TestCommand.bindingMessage(row.arguments) == row.expected)
    }

    struct BindCase: Sendable, CustomTestStringConvertible {
        let arguments: [String]
        let resourceGroup: String
        let name: String
        let keyName: String
        var testDescription: String { arguments.joined(separator: " ") }
    }

    static let bindCases: [BindCase] = [
        BindCase(arguments: ["rg", "acct", "Key1"], resourceGroup: "rg", name: "acct", keyName: "Key1"),
        BindCase(
            arguments: ["-ResourceGroupName", "rg", "acct", "Key1"], resourceGroup: "rg", name: "acct", keyName: "Key1"),
        BindCase(arguments: ["-Name", "acct", "rg", "Key2"], resourceGroup: "rg", name: "acct", keyName: "Key2"),
        BindCase(arguments: ["-KeyName", "key2", "rg", "acct"], resourceGroup: "rg", name: "acct", keyName: "Key2"),
        BindCase(arguments: ["rg", "acct", "key2"], resourceGroup: "rg", name: "acct", keyName: "Key2"),
        BindCase(arguments: ["rg", "acct", "KEY1"], resourceGroup: "rg", name: "acct", keyName: "Key1"),
        BindCase(arguments: ["rg", "acct", " Key1 "], resourceGroup: "rg", name: "acct", keyName: "Key1"),
        BindCase(arguments: ["rg", "acct", "1"], resourceGroup: "rg", name: "acct", keyName: "Key2"),
        BindCase(arguments: ["rg", "acct", "0"], resourceGroup: "rg", name: "acct", keyName: "Key1"),
        BindCase(arguments: ["rg", "acct", "Key1,Key2"], resourceGroup: "rg", name: "acct", keyName: "Key2"),
        BindCase(arguments: ["rg", "acct", "Key1, Key1"], resourceGroup: "rg", name: "acct", keyName: "Key1"),
        BindCase(arguments: ["-Name:acct", "rg", "Key1"], resourceGroup: "rg", name: "acct", keyName: "Key1"),
        BindCase(arguments: ["-Name:", "acct", "rg", "Key1"], resourceGroup: "rg", name: "acct", keyName: "Key1"),
        BindCase(arguments: ["-Name:-Force", "rg", "Key1"], resourceGroup: "rg", name: "-Force", keyName: "Key1"),
        BindCase(arguments: ["-Name", "-Foo", "rg", "Key1"], resourceGroup: "rg", name: "-Foo", keyName: "Key1"),
        BindCase(
            arguments: ["-AccountName", "acct", "-R", "rg", "-K", "Key1"], resourceGroup: "rg", name: "acct",
            keyName: "Key1"),
        BindCase(
            arguments: ["-CognitiveServicesAccountName", "acct", "rg", "Key1"], resourceGroup: "rg", name: "acct",
            keyName: "Key1"),
        BindCase(arguments: ["-C", "acct", "rg", "Key1"], resourceGroup: "rg", name: "acct", keyName: "Key1"),
        BindCase(arguments: ["-", "acct", "Key1"], resourceGroup: "-", name: "acct", keyName: "Key1"),
        BindCase(arguments: ["-5", "acct", "Key1"], resourceGroup: "-5", name: "acct", keyName: "Key1"),
        BindCase(arguments: ["0x10", "1kb", "Key1"], resourceGroup: "0x10", name: "1kb", keyName: "Key1"),
        BindCase(arguments: ["--", "-rg", "-acct", "Key1"], resourceGroup: "-rg", name: "-acct", keyName: "Key1"),
        BindCase(arguments: ["$true", "acct", "Key1"], resourceGroup: "True", name: "acct", keyName: "Key1"),
        BindCase(arguments: [" ", "acct", "Key1"], resourceGroup: " ", name: "acct", keyName: "Key1"),
        BindCase(
            arguments: ["rg", "acct", "Key1", "-Force", "-Confirm:$false", "-ea", "Ig"], resourceGroup: "rg",
            name: "acct", keyName: "Key1"),
    ]

    @Test("successful binding", arguments: bindCases)
    func binds(_ row: BindCase) throws {
        let bound = try TestCommand.bind(row.arguments)
        #expect(bound[TestCommand.resourceGroupName] == row.resourceGroup)
        #expect(bound[TestCommand.name] == row.name)
        #expect(bound[TestCommand.keyName]?.rawValue == row.keyName)
    }

    struct SwitchCase: Sendable, CustomTestStringConvertible {
        let word: String
        let expected: Bool
        var testDescription: String { word }
    }

    @Test(
        "§2.3 switch values",
        arguments: [
            SwitchCase(word: "-Force", expected: true), SwitchCase(word: "-Force:$true", expected: true),
            SwitchCase(word: "-Force:$false", expected: false), SwitchCase(word: "-Force:1", expected: true),
            SwitchCase(word: "-Force:0", expected: false), SwitchCase(word: "-Force:2.5", expected: true),
            SwitchCase(word: "-Force:$null", expected: true), SwitchCase(word: "-Force:true", expected: true),
            SwitchCase(word: "-Force:false", expected: false), SwitchCase(word: "-Force:$FALSE", expected: false),
        ])
    func switchValue(_ row: SwitchCase) throws {
        let bound = try TestCommand.bind(["rg", "acct", "Key1", row.word])
        #expect(bound["Force"]?.value == .switchValue(row.expected))
    }

    @Test("§2.3 -Force:true and -Force:false are accepted as the booleans they name (DESIGN.md)")
    func bareBooleanWords() throws {
        #expect(try TestCommand.bind(["rg", "acct", "Key1", "-Force:false"])["Force"]?.value == .switchValue(false))
    }

    @Test("§3.1 an unknown parameter is reported before missing mandatory parameters")
    func unknownBeforeMandatory() {
        #expect(
            TestCommand.bindingMessage(["-Foo"]) == "A parameter cannot be found that matches parameter name 'Foo'.")
    }

    @Test("§3.2 an unknown named token is skipped with the word after it")
    func unknownSkipsItsValue() {
        #expect(
            TestCommand.bindingMessage(["-Foo", "bar", "rg", "acct", "Key1"])
                == "A parameter cannot be found that matches parameter name 'Foo'.")
    }

    @Test("§5.3 the missing mandatory parameters, in metadata order")
    func missingMandatory() throws {
        let binder = CommandLineBinder(metadata: TestCommand.metadata)
        let bound = try TestCommand.bind(["-KeyName", "Key1"])
        #expect(binder.missingMandatory(bound).map(\.name) == ["ResourceGroupName", "Name"])
        #expect(
            BindingErrorMessages.message(for: .missingMandatoryParameters(["ResourceGroupName", "Name", "KeyName"]))
                == "Cannot process command because of one or more missing mandatory parameters: ResourceGroupName Name KeyName."
        )
    }

    @Test("bound values remember where they came from")
    func origins() throws {
        let bound = try TestCommand.bind(["-Name", "acct", "rg"])
        #expect(bound["Name"]?.origin == .commandLine(argumentIndex: 1))
        #expect(bound["ResourceGroupName"]?.origin == .commandLine(argumentIndex: 2))
    }

}

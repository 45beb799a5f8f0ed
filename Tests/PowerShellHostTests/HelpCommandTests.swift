import Testing

@testable import PowerShellHost

/// `Get-Help` as a program and the `-?`/`--help` detection a cmdlet host uses.
@Suite struct HelpCommandTests {
    static func table() throws -> [String: String] {
        ["New-AzCognitiveServicesAccountKey": try HelpTestSupport.helpMarkdown()]
    }

    /// The expected text of a view at 80 columns: the hand-written default and `-Examples` views
    /// (HelpRendererTests, each line with its rule), else the renderer's (then the test checks
    /// which view Get-Help chose, and the snapshots check the text).
    static func rendered(_ view: HelpView, width: Int = 80) throws -> String {
        switch (view, width) {
        case (.standard, 80): HelpRendererTests.defaultViewAt80
        case (.examples, 80): HelpRendererTests.examplesViewAt80
        default: HelpRenderer.render(try HelpTestSupport.document(), view: view, width: width)
        }
    }

    struct ViewCase: Sendable, CustomTestStringConvertible {
        let arguments: [String]
        let view: HelpView
        var testDescription: String { arguments.joined(separator: " ") }
    }

    @Test(arguments: [
        ViewCase(arguments: ["New-AzCognitiveServicesAccountKey"], view: .standard),
        ViewCase(arguments: ["new-azcognitiveservicesaccountkey"], view: .standard),
        ViewCase(arguments: ["-Name", "New-AzCognitiveServicesAccountKey"], view: .standard),
        ViewCase(arguments: ["-n", "New-AzCognitiveServicesAccountKey"], view: .standard),
        ViewCase(arguments: ["New-AzCognitiveServicesAccountKey", "-Full"], view: .full),
        ViewCase(arguments: ["New-AzCognitiveServicesAccountKey", "-full"], view: .full),
        ViewCase(arguments: ["-Full", "New-AzCognitiveServicesAccountKey"], view: .full),
        ViewCase(arguments: ["New-AzCognitiveServicesAccountKey", "-Detailed"], view: .detailed),
        ViewCase(arguments: ["New-AzCognitiveServicesAccountKey", "-d"], view: .detailed),
        ViewCase(arguments: ["New-AzCognitiveServicesAccountKey", "-Examples"], view: .examples),
        ViewCase(arguments: ["New-AzCognitiveServicesAccountKey", "-ex"], view: .examples),
        ViewCase(arguments: ["New-Az*"], view: .standard),
        ViewCase(arguments: ["New-AzCognitiveServicesAccountKey", "-Verbose"], view: .standard),
        ViewCase(arguments: ["New-AzCognitiveServicesAccountKey", "-Full:true"], view: .full),
    ])
    func viewArguments(_ viewCase: ViewCase) throws {
        let result = HelpCommand.run(arguments: viewCase.arguments, helpFiles: try Self.table(), width: 80)
        #expect(result == HelpCommand.Result(stdout: try Self.rendered(viewCase.view)))
    }

    @Test(arguments: [
        ["-Parameter", "KeyName"], ["-par", "keyname"], ["-Parameter:KeyName"], ["-Parameter", "Key*"],
    ])
    func parameterView(_ tail: [String]) throws {
        let result = HelpCommand.run(
            arguments: ["New-AzCognitiveServicesAccountKey"] + tail, helpFiles: try Self.table(), width: 80)
        #expect(result == HelpCommand.Result(stdout: try Self.rendered(.parameter("KeyName"))))
    }

    @Test func onlinePrintsTheURL() throws {
        let result = HelpCommand.run(
            arguments: ["New-AzCognitiveServicesAccountKey", "-Online"], helpFiles: try Self.table(), width: 80)
        #expect(
            result.stdout
                == "https://docs.microsoft.com/powershell/module/az.cognitiveservices/new-azcognitiveservicesaccountkey\n"
        )
        #expect(result.exitStatus == 0)
    }

    struct ErrorCase: Sendable, CustomTestStringConvertible {
        let arguments: [String]
        let message: String
        var testDescription: String { arguments.joined(separator: " ") }
    }

    /// Messages: HelpErrors.resx (HelpNotFound, NoParmsFound, NoURIFound) and
    /// ParameterBinderStrings.resx, shown in ConciseView as `Get-Help: …`.
    @Test(arguments: [
        ErrorCase(
            arguments: ["Get-Nothing"],
            message:
                "Get-Help could not find Get-Nothing in a help file in this session. To download updated help topics type: \"Update-Help\". To get help online, search for the help topic in the TechNet library at https://go.microsoft.com/fwlink/?LinkID=107116."
        ),
        ErrorCase(
            arguments: ["New-AzCognitiveServicesAccountKey", "-Parameter", "Nope"],
            message: "No parameter matches criteria Nope."),
        ErrorCase(
            arguments: ["New-AzCognitiveServicesAccountKey", "-Foo"],
            message: "A parameter cannot be found that matches parameter name 'Foo'."),
        ErrorCase(
            arguments: ["New-AzCognitiveServicesAccountKey", "-F"],
            message:
                "Parameter cannot be processed because the parameter name 'F' is ambiguous. Possible matches include: -Full -Functionality."
        ),
        ErrorCase(
            arguments: ["New-AzCognitiveServicesAccountKey", "-Parameter"],
            message:
                "Missing an argument for parameter 'Parameter'. Specify a parameter of type 'System.String[]' and try again."
        ),
        ErrorCase(
            arguments: ["New-AzCognitiveServicesAccountKey", "extra"],
            message: "A positional parameter cannot be found that accepts argument 'extra'."),
        ErrorCase(
            arguments: ["New-AzCognitiveServicesAccountKey", "-Full", "-Examples"],
            message:
                "Parameter set cannot be resolved using the specified named parameters. One or more parameters issued cannot be used together or an insufficient number of parameters were provided."
        ),
        ErrorCase(
            arguments: ["New-AzCognitiveServicesAccountKey", "-Full", "-Full"],
            message:
                "Cannot bind parameter because parameter 'Full' is specified more than once. To provide multiple values to parameters that can accept multiple values, use the array syntax. For example, \"-parameter value1,value2,value3\"."
        ),
    ])
    func errors(_ errorCase: ErrorCase) throws {
        let result = HelpCommand.run(arguments: errorCase.arguments, helpFiles: try Self.table(), width: 80)
        #expect(result == HelpCommand.Result(stderr: "Get-Help: \(errorCase.message)\n", exitStatus: 1))
    }

    /// Get-Help is bound by `CommandLineBinder` over `GetHelpParameters.metadata`, so its
    /// binding messages are `BindingErrorMessages`' and follow every cmdlet's rules:
    /// - §1.1 of the PowerShell reference: an ambiguous prefix lists every match, common ones included;
    /// - `[ValidateNotNullOrEmpty]` on Name (`HelpCommands.cs`);
    /// - parameter sets: a view switch selects its set even as false (`-Full:false -Examples`);
    /// - §2.3 `-Full:` (what bash leaves of `-Full:$false`), §4.1 enum conversion of `-ErrorAction`.
    @Test(arguments: [
        ErrorCase(
            arguments: ["New-AzCognitiveServicesAccountKey", "-P", "x"],
            message: BindingErrorMessages.message(
                for: .ambiguousParameter(
                    typed: "P", matches: ["Path", "Parameter", "ProgressAction", "PipelineVariable"], argumentIndex: 1))
        ),
        ErrorCase(
            arguments: [""],
            message:
                "Cannot validate argument on parameter 'Name'. The argument is null or empty. Provide an argument that is not null or empty, and then try the command again."
        ),
        ErrorCase(
            arguments: ["New-AzCognitiveServicesAccountKey", "-Full:false", "-Examples"],
            message: BindingErrorMessages.message(for: .ambiguousParameterSet)),
        ErrorCase(
            arguments: ["New-AzCognitiveServicesAccountKey", "-Full:"],
            message: BindingErrorMessages.message(
                for: .switchValueExpandedByShell(tokenText: "-Full:", argumentIndex: 1))),
        ErrorCase(
            arguments: ["New-AzCognitiveServicesAccountKey", "-ErrorAction", "Bogus"],
            message:
                "Cannot bind parameter 'ErrorAction'. Cannot convert value \"Bogus\" to type \"System.Management.Automation.ActionPreference\". Error: \"Unable to match the identifier name Bogus to a valid enumerator name. Specify one of the following enumerator names and try again:\nSilentlyContinue, Stop, Continue, Inquire, Ignore, Suspend, Break\""
        ),
        ErrorCase(
            arguments: ["New-AzCognitiveServicesAccountKey", "-?"],
            message: "A parameter cannot be found that matches parameter name '?'."),
        ErrorCase(
            arguments: ["Get-\u{1B}[31mX"],
            message:
                "Get-Help could not find Get-^[[31mX in a help file in this session. To download updated help topics type: \"Update-Help\". To get help online, search for the help topic in the TechNet library at https://go.microsoft.com/fwlink/?LinkID=107116."
        ),
    ])
    func bindsAsEveryCmdlet(_ errorCase: ErrorCase) throws {
        let result = HelpCommand.run(arguments: errorCase.arguments, helpFiles: try Self.table(), width: 80)
        #expect(result == HelpCommand.Result(stderr: "Get-Help: \(errorCase.message)\n", exitStatus: 1))
    }

    @Test("the binder's forms: a switch given as false keeps the default view; -Parameter: takes the next word")
    func binderForms() throws {
        let standard = HelpCommand.run(
            arguments: ["New-AzCognitiveServicesAccountKey", "-Full:$false"], helpFiles: try Self.table(), width: 80)
        #expect(standard == HelpCommand.Result(stdout: try Self.rendered(.standard)))
        let parameter = HelpCommand.run(
            arguments: ["New-AzCognitiveServicesAccountKey", "-Parameter:", "KeyName"], helpFiles: try Self.table(),
            width: 80)
        #expect(parameter == HelpCommand.Result(stdout: try Self.rendered(.parameter("KeyName"))))
        let ignored = HelpCommand.run(
            arguments: ["-Category", "Cmdlet", "-Component", "a,b", "-Role", "r", "New-AzCognitiveServicesAccountKey"],
            helpFiles: try Self.table(), width: 80)
        #expect(ignored == HelpCommand.Result(stdout: try Self.rendered(.standard)))
    }

    @Test("Get-Help's metadata: PowerShell's GetHelpCommand parameters, then the common parameters")
    func metadata() {
        #expect(
            GetHelpParameters.metadata.parameters.prefix(11).map(\.name) == [
                "Name", "Path", "Category", "Detailed", "Full", "Examples", "Parameter", "Component", "Functionality",
                "Role", "Online",
            ])
        #expect(GetHelpParameters.metadata.parameters.dropFirst(11).map(\.name) == CommonParameters.all.map(\.name))
        #expect(GetHelpParameters.parameter.metadata.type.fullName == "System.String[]")
        #expect(GetHelpParameters.metadata.defaultParameterSetName == "AllUsersView")
    }

    @Test func onlineWithoutURIFails() {
        let result = HelpCommand.show(name: "X", view: .online, helpFiles: ["X": "# X\n## SYNOPSIS\nS\n"], width: 80)
        #expect(
            result.stderr
                == "Get-Help: The online version of this Help topic cannot be displayed because the Internet address (URI) of the Help topic is not specified in the command code or in the help file for the command.\n"
        )
        #expect(result.exitStatus == 1)
    }
}

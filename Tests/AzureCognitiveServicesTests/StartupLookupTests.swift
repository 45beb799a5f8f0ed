import AzureCognitiveServices
import PowerShellHost
import Testing

/// What start-up builds (issue 14): the binary looks up only the cmdlet it runs
/// (`AzureCmdlets.named`) and only that cmdlet's help file (`EmbeddedHelp.markdown(named:)`);
/// both must answer as the full lists do.
struct StartupLookupTests {
    @Test func namedFindsEachCmdletInAnyCaseAndNothingElse() {
        for definition in AzureCmdlets.all {
            let name = definition.metadata.name
            for spelling in [name, name.lowercased(), name.uppercased()] {
                #expect(AzureCmdlets.named(spelling)?.metadata.name == name)
            }
        }
        for other in ["azshim", "Get-Help", "New-AzCognitiveServicesAccountKeys", "", "rg"] {
            #expect(AzureCmdlets.named(other) == nil)
        }
    }

    @Test(arguments: [
        ["New-AzCognitiveServicesAccountKey", "rg", "acct", "Key1"],
        ["/usr/bin/get-azcognitiveservicesaccountkey", "-?"],
        ["azshim", "GET-AZCOGNITIVESERVICESACCOUNT", "rg"],
        ["azshim", "Get-Help", "New-AzCognitiveServicesAccountKey"],
        ["azshim", "rg", "acct", "Key1"],
        ["azshim"],
        ["azshim", "--version"],
        ["New-AzCognitiveServicesAccountKey.exe", "-Foo"],
    ])
    func lookupByNameResolvesAsTheListDoes(_ argv: [String]) {
        let commandLine = ProcessCommandLine(programName: argv[0], arguments: Array(argv.dropFirst()))
        #expect(
            Invocation.resolve(commandLine, command: AzureCmdlets.named)
                == Invocation.resolve(commandLine, commands: AzureCmdlets.all))
    }

    @Test func eachHelpFileByNameIsItsDictionaryEntry() {
        let files = EmbeddedHelp.markdown
        #expect(files.count == EmbeddedHelp.names.count)
        #expect(files.count == AzureCmdlets.all.count)
        for (name, text) in files {
            #expect(EmbeddedHelp.markdown(named: name) == text)
        }
        for definition in AzureCmdlets.all {
            #expect(definition.helpMarkdown == files[definition.metadata.name])
        }
        #expect(EmbeddedHelp.markdown(named: "new-azcognitiveservicesaccountkey") == nil)
    }
}

import Testing

@testable import AzureCognitiveServices
@testable import PowerShellHost

/// `Get-Help PATTERN` over the embedded topics: several matches print PowerShell's
/// `HelpInfoShort` table (`Help_format_ps1xml.cs`, `ViewsOf_HelpInfoShort`: Name 33, Category 9,
/// Module 25, Synopsis), in discovery order; one match prints the topic itself.
@Suite struct HelpSummaryTableTests {
    static let keyTopics = """

        Name                              Category  Module                    Synopsis
        ----                              --------  ------                    --------
        Get-AzCognitiveServicesAccountKey Cmdlet    Az.CognitiveServices      Gets the API keys for an account.
        New-AzCognitiveServicesAccountKey Cmdlet    Az.CognitiveServices      Regenerates an account key.


        """

    @Test("several matches print the summary table, whatever the view", arguments: [[], ["-Full"], ["-Examples"]])
    func summary(view: [String]) {
        let result = HelpCommand.run(arguments: ["*AccountKey"] + view, helpFiles: EmbeddedHelp.markdown, width: 80)
        #expect(result == HelpCommand.Result(stdout: Self.keyTopics))
    }

    @Test("the rows come in Az.CognitiveServices' CmdletsToExport order (ordinal, case-insensitive)")
    func order() {
        let result = HelpCommand.run(arguments: ["*cognitive*"], helpFiles: EmbeddedHelp.markdown, width: 80)
        let names = result.stdout.split(separator: "\n").dropFirst(2).map { $0.prefix { $0 != " " } }
        #expect(
            names == [
                "Get-AzCognitiveServicesAccount", "Get-AzCognitiveServicesAccountKey",
                "New-AzCognitiveServicesAccountKey",
            ])
    }

    @Test("on a terminal the table is cut to the console width as every table is")
    func cutOnTerminal() {
        let result = HelpCommand.run(
            arguments: ["*AccountKey"], helpFiles: EmbeddedHelp.markdown, width: 80, tableWidth: 79)
        #expect(
            result.stdout.contains(
                "\nNew-AzCognitiveServicesAccountKey Cmdlet    Az.CognitiveServices      Regenera…\n"))
        for line in result.stdout.split(separator: "\n") { #expect(line.count <= 79) }
    }

    @Test("-Online with several matches writes the table, then PowerShell's MultipleOnlineTopicsNotSupported")
    func onlineWithSeveral() {
        let result = HelpCommand.run(
            arguments: ["*AccountKey", "-Online"], helpFiles: EmbeddedHelp.markdown, width: 80)
        #expect(result.stdout == Self.keyTopics)
        #expect(
            result.stderr
                == "Get-Help: Multiple Help topics were found. Use only one Help topic with the -Online option.\n")
        #expect(result.exitStatus == 1)
    }

    @Test("one match prints the topic as before")
    func oneMatch() {
        let single = HelpCommand.run(arguments: ["New-*Key"], helpFiles: EmbeddedHelp.markdown, width: 80)
        let named = HelpCommand.run(
            arguments: ["New-AzCognitiveServicesAccountKey"], helpFiles: EmbeddedHelp.markdown, width: 80)
        #expect(single == named)
        #expect(single.stdout.hasPrefix("\nNAME\n    New-AzCognitiveServicesAccountKey\n"))
    }
}

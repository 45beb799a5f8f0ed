import Testing

@testable import PowerShellHost

/// The platyPS schema 2.0 reader: the shipped file, broken copies of it, and the MAML text
/// conversion (platyPS `MarkdownParser.cs` / `ModelTransformerBase.cs`).
@Suite struct HelpParserTests {
    @Test func shippedFileParsesWithoutDiagnostics() throws {
        let document = try HelpTestSupport.document()
        #expect(document.name == "New-AzCognitiveServicesAccountKey")
        #expect(document.synopsis == "Regenerates an account key.")
        #expect(
            document.description
                == "The New-AzCognitiveServicesAccountKey cmdlet regenerates an API key for a Cognitive Services account."
        )
        #expect(
            document.onlineVersion
                == "https://docs.microsoft.com/powershell/module/az.cognitiveservices/new-azcognitiveservicesaccountkey"
        )
        #expect(document.supportsCommonParameters)
        #expect(
            document.parameters.map(\.name) == [
                "DefaultProfile", "Force", "KeyName", "Name", "ResourceGroupName", "Confirm", "WhatIf",
            ])
        #expect(
            document.inputs.map(\.typeName) == [
                "System.String", "Microsoft.Azure.Management.CognitiveServices.Models.KeyName",
            ])
        #expect(
            document.outputs.map(\.typeName) == [
                "Microsoft.Azure.Management.CognitiveServices.Models.CognitiveServicesAccountKeys"
            ])
        #expect(document.notes == "")
        #expect(document.relatedLinks == [HelpDocument.Link(text: "Get-AzCognitiveServicesAccountKey", uri: "")])
        #expect(document.examples.count == 1)
        #expect(document.examples.first?.title == "Example 1")
        #expect(
            document.examples.first?.code.first?.hasPrefix(
                "PS C:\\> New-AzCognitiveServicesAccountKey -ResourceGroupName") == true)
    }

    @Test func parameterBlocks() throws {
        let document = try HelpTestSupport.document()
        let keyName = try #require(document.parameter(named: "keyname"))
        #expect(keyName.type == "Microsoft.Azure.Management.CognitiveServices.Models.KeyName")
        #expect(keyName.acceptedValues == ["Key1", "Key2"])
        #expect(keyName.isRequired)
        #expect(keyName.position == .index(2))
        #expect(keyName.pipelineInput == "True (ByPropertyName)")
        #expect(keyName.aliases == [])
        #expect(keyName.defaultValue == "None")
        #expect(!keyName.acceptsWildcards)
        // platyPS joins lines and keeps a list's line breaks from its second item on.
        #expect(
            keyName.description
                == "Specifies the name of the key to regenerate. The acceptable values for this parameter are: - Key1\n- Key2"
        )
        let name = try #require(document.parameter(named: "-Name"))
        #expect(name.aliases == ["CognitiveServicesAccountName", "AccountName"])
        #expect(name.position == .index(1))
        let force = try #require(document.parameter(named: "Force"))
        #expect(force.isSwitch)
        #expect(force.position == .named)
        #expect(force.positionText == "named")
        // platyPS 0.14 keeps Az's full type name in the MAML (ConvertPSTypeToMamlType) and
        // requires a value (ModelTransformerVersion2: ValueRequired = !IsSwitchParameter()).
        #expect(force.mamlType == "System.Management.Automation.SwitchParameter")
        #expect(force.isValueRequired)
        #expect(!force.hasSwitchShorthandType)
        #expect(document.parameter(named: "Confirm")?.aliases == ["cf"])
    }

    /// A broken copy of the shipped file: replace `original` (first occurrence) by `replacement`.
    struct BrokenCopy: CustomTestStringConvertible, Sendable {
        let name: String
        let original: String
        let replacement: String
        let line: Int
        let message: String
        var testDescription: String { name }
    }

    static let brokenCopies: [BrokenCopy] = [
        BrokenCopy(
            name: "unknown yaml key", original: "Position: 2", replacement: "Positon: 2", line: 80,
            message: "Invalid yaml: unknown key Positon"),
        BrokenCopy(
            name: "bad position", original: "Position: 2", replacement: "Position: two", line: 80,
            message: "Invalid Position value 'two' for -KeyName: expected Named or a 0-based integer"),
        BrokenCopy(
            name: "negative position", original: "Position: 1", replacement: "Position: -1", line: 95,
            message: "Invalid Position value '-1' for -Name: expected Named or a 0-based integer"),
        BrokenCopy(
            name: "yaml line without colon", original: "Required: True\nPosition: 2",
            replacement: "Required True\nPosition: 2", line: 79,
            message: "Invalid yaml: expected simple key-value pairs"),
        BrokenCopy(
            name: "missing section", original: "## NOTES\n", replacement: "", line: 9,
            message: "Missing section ## NOTES"),
        BrokenCopy(
            name: "unknown section", original: "## NOTES", replacement: "## REMARKS", line: 160,
            message: "Unexpected header name REMARKS"),
        BrokenCopy(
            name: "unterminated fence", original: "Accept wildcard characters: False\n```\n\n### CommonParameters",
            replacement: "Accept wildcard characters: False\n\n### CommonParameters", line: 135,
            message: "Unterminated code fence: no closing ``` after this line"),
        BrokenCopy(
            name: "no yaml block",
            original: "```yaml\nType: System.String\nParameter Sets: (All)\nAliases: CognitiveServicesAccountName",
            replacement: "```text\nType: System.String\nParameter Sets: (All)\nAliases: CognitiveServicesAccountName",
            line: 86,
            message: "Parameter -Name has no ```yaml block"),
        BrokenCopy(
            name: "bad required", original: "Required: True\nPosition: 0", replacement: "Required: Yes\nPosition: 0",
            line: 109,
            message: "Invalid Required value 'Yes' for -ResourceGroupName: expected True or False"),
        BrokenCopy(
            name: "related link that is not a link",
            original: "[Get-AzCognitiveServicesAccountKey](./Get-AzCognitiveServicesAccountKey.md)",
            replacement: "Get-AzCognitiveServicesAccountKey", line: 164,
            message: "Expect hyperlink, but got Get-AzCognitiveServicesAccountKey"),
        BrokenCopy(
            name: "unterminated front matter", original: "schema: 2.0.0\n---", replacement: "schema: 2.0.0", line: 1,
            message: "Unterminated front matter: no closing --- line"),
    ]

    @Test(arguments: brokenCopies)
    func brokenCopyGivesDiagnostic(_ copy: BrokenCopy) throws {
        let original = try HelpTestSupport.helpMarkdown()
        let range = try #require(original.firstRange(of: copy.original))
        var broken = original
        broken.replaceSubrange(range, with: copy.replacement)
        let (_, diagnostics) = HelpMarkdownParser.parse(broken)
        #expect(diagnostics.contains(HelpDiagnostic(line: copy.line, message: copy.message)), "\(diagnostics)")
    }

    @Test func fileWithoutCommandNameHasNoDocument() {
        let (document, diagnostics) = HelpMarkdownParser.parse("---\nschema: 2.0.0\n---\n\n## SYNOPSIS\nText\n")
        #expect(document == nil)
        #expect(diagnostics.contains { $0.message == "No command name: the file has no # Command-Name heading" })
    }

    @Test(arguments: ["", "\n\n", "```", "# ", "#", "---", "### -X\n```yaml\n", "[", "**", "_a_b_"])
    func degenerateInputNeverCrashes(_ text: String) {
        // Alone, none of these names a command: no document, and the diagnostic says why.
        let (alone, aloneDiagnostics) = HelpMarkdownParser.parse(text)
        #expect(alone == nil)
        #expect(
            aloneDiagnostics.contains { $0.message == "No command name: the file has no # Command-Name heading" },
            "\(aloneDiagnostics)")
        // After a command name, the document is kept whatever follows.
        let (named, _) = HelpMarkdownParser.parse("# Name\n## PARAMETERS\n" + text)
        #expect(named?.name == "Name")
    }

    @Test func commonParametersWithAngleBrackets() {
        let (document, _) = HelpMarkdownParser.parse(
            "# X\n## PARAMETERS\n### <CommonParameters>\nThis cmdlet supports…\n")
        #expect(document?.supportsCommonParameters == true)
        #expect(document?.parameters == [])
    }

    @Test func yamlKeysAreCaseInsensitiveAndSplitAtFirstColon() {
        let markdown =
            "# X\n## PARAMETERS\n### -Path\nThe path.\n```yaml\nTYPE: System.String\nposition: 0\ndefault value: C:\\temp\nACCEPT PIPELINE INPUT: True (ByValue)\n```\n"
        let (document, diagnostics) = HelpMarkdownParser.parse(markdown)
        let path = document?.parameter(named: "Path")
        #expect(path?.type == "System.String")
        #expect(path?.position == .index(0))
        #expect(path?.defaultValue == "C:\\temp")
        #expect(path?.pipelineInput == "True (ByValue)")
        #expect(!diagnostics.contains { $0.message.contains("yaml") })
    }

    @Test func sectionsInAnyOrder() {
        let (document, _) = HelpMarkdownParser.parse("# X\n## DESCRIPTION\nLong.\n## SYNOPSIS\nShort.\n")
        #expect(document?.synopsis == "Short.")
        #expect(document?.description == "Long.")
    }

    struct TextCase: Sendable, CustomTestStringConvertible {
        let markdown: String
        let maml: String
        var testDescription: String { markdown.debugDescription }
    }

    /// Expected values worked out from platyPS `GetTextFromParagraphSpans` and
    /// `UnwindMarkdownCharsEscaping` (branch `master`).
    @Test(arguments: [
        TextCase(markdown: "The **New-AzX** cmdlet regenerates", maml: "The New-AzX cmdlet regenerates"),
        TextCase(markdown: "An *italic* word", maml: "An italic word"),
        TextCase(markdown: "Use __bold__ here", maml: "Use bold here"),
        TextCase(markdown: "snake_case_name stays", maml: "snake_case_name stays"),
        TextCase(
            markdown: "see [about_CommonParameters](http://go.microsoft.com/fwlink/?LinkID=113216).",
            maml: "see about_CommonParameters (http://go.microsoft.com/fwlink/?LinkID=113216)."),
        // platyPS quirk: after a link with a uri no space is added, and the next span is trimmed.
        TextCase(markdown: "a [relative](./x.md) link", maml: "a relative (./x.md)link"),
        TextCase(markdown: "[text]() only", maml: "text only"),
        TextCase(markdown: "line one\nline two", maml: "line one line two"),
        TextCase(markdown: "para one\n\npara two", maml: "para one\npara two"),
        TextCase(markdown: "Values:\n- A\n- B\n- C\nAfter", maml: "Values: - A\n- B\n- C\nAfter"),
        TextCase(markdown: "escaped \\[x\\] \\(y\\) a\\`b", maml: "escaped [x] (y) a`b"),
        // platyPS matches emphasis before it unescapes, so an escaped star still starts italics.
        TextCase(markdown: "a \\*b\\* c", maml: "a \\ b\\ c"),
    ])
    func mamlText(_ textCase: TextCase) {
        #expect(PlatyPSText.mamlText(textCase.markdown) == textCase.maml)
    }
}

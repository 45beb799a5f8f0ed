/// Renders a `HelpDocument` as Get-Help shows MAML help in a console, view by view.
///
/// The target is PowerShell 7.6.x showing the Az module's help as Az builds it. Each view
/// follows its custom control in `Help_format_ps1xml.cs` (v7.6.5,
/// `src/System.Management.Automation/FormatAndOutput/DefaultFormatters/`), laid out by
/// `HelpLayoutWriter` (PowerShell's `ComplexWriter`) at the console width minus one, between the
/// empty lines Out-Default writes before and after a formatted object. The MAML it stands for
/// is the one platyPS 0.14 writes (`MamlRenderer.cs`): paragraphs split at line breaks,
/// example titles padded with dashes, switch types as `HelpDocument.Parameter.mamlType` says,
/// positions lower-cased; then Az's `Edit-AzMamlHelp` adds two empty paragraphs to every
/// example's remarks (see `examples`).
///
/// Example: `HelpRenderer.render(document, view: .standard, width: 80)` is what
/// `New-AzCognitiveServicesAccountKey -?` prints in an 80-column console.
package enum HelpRenderer {
    /// The rendered view, ending with a line break. `.online` gives the URL line (empty when the
    /// help has no URL: see `onlineURI(of:)`); `.parameter` with no match gives "".
    package static func render(_ document: HelpDocument, view: HelpView, width: Int) -> String {
        var objects: [[String]] = []
        func object(_ body: (inout HelpLayoutWriter) -> Void) {
            var writer = HelpLayoutWriter(columns: max(width - 1, 1))
            body(&writer)
            objects.append(writer.finish())
        }
        switch view {
        case .online:
            return onlineURI(of: document).map { $0 + "\n" } ?? ""
        case .standard:
            object { standard(document, &$0) }
        case .detailed:
            object { detailed(document, &$0) }
        case .full:
            object { full(document, &$0) }
        case .examples:
            object { writer in
                details(document, &writer)
                writer.frame(4) { examples(document, &$0) }
            }
        case .parameter(let pattern):
            for parameter in matchingParameters(document, pattern: pattern) {
                object { fullParameter(parameter, &$0) }
            }
            if objects.isEmpty { return "" }
        }
        // Out-Default: an empty line before and after the formatted objects.
        let lines = [""] + objects.flatMap { $0 } + [""]
        return lines.joined(separator: "\n") + "\n"
    }

    /// The parameters `-Parameter pattern` shows (name match, wildcards, ignoring case), in
    /// PARAMETERS order.
    package static func matchingParameters(_ document: HelpDocument, pattern: String) -> [HelpDocument.Parameter] {
        let wildcard = HelpWildcard(pattern)
        return document.parameters.filter { wildcard.matches($0.name) }
    }

    /// The URL `-Online` opens: the first related link with a URI (the `online version` first).
    package static func onlineURI(of document: HelpDocument) -> String? {
        document.displayedLinks.first { !$0.uri.isEmpty }?.uri
    }

    // MARK: - Views

    static func standard(_ document: HelpDocument, _ writer: inout HelpLayoutWriter) {
        details(document, &writer)
        syntax(document, &writer)
        description(document, &writer)
        writer.text("RELATED LINKS")
        writer.newline()
        writer.frame(4) { relatedLinks(document, &$0) }
        writer.newline()
        remarks(document, &writer)
    }

    static func detailed(_ document: HelpDocument, _ writer: inout HelpLayoutWriter) {
        details(document, &writer)
        syntax(document, &writer)
        description(document, &writer)
        writer.text("PARAMETERS")
        writer.newline()
        writer.frame(4) { writer in
            for parameter in document.parameters {
                writer.text("-" + parameter.name + parameterValue(parameter))
                writer.newline()
                writer.frame(4) { writer in
                    paragraphs(parameter.description, &writer)
                    writer.newline()
                }
            }
            commonParameters(&writer)
        }
        writer.frame(4) { examples(document, &$0) }
        remarks(document, &writer)
    }

    static func full(_ document: HelpDocument, _ writer: inout HelpLayoutWriter) {
        details(document, &writer)
        syntax(document, &writer)
        description(document, &writer)
        writer.text("PARAMETERS")
        writer.newline()
        writer.frame(4) { writer in
            for parameter in document.parameters { fullParameter(parameter, &writer) }
            commonParameters(&writer)
        }
        for (title, entries) in [("INPUTS", document.inputs), ("OUTPUTS", document.outputs)] {
            writer.text(title)
            writer.newline()
            writer.frame(4) { writer in
                // MamlTypeWithDescriptionControl
                for entry in entries {
                    writer.text(entry.typeName)
                    writer.newline()
                    writer.frame(4) { paragraphs(entry.description, &$0) }
                    writer.newline()
                }
                writer.newline()
            }
        }
        notes(document, &writer)
        writer.frame(4) { writer in
            examples(document, &writer)
            writer.newline()
        }
        writer.text("RELATED LINKS")
        writer.newline()
        writer.frame(4) { relatedLinks(document, &$0) }
    }

    // MARK: - Shared controls

    /// MamlDetailsControl: NAME and SYNOPSIS.
    static func details(_ document: HelpDocument, _ writer: inout HelpLayoutWriter) {
        writer.text("NAME")
        writer.newline()
        writer.frame(4) { writer in
            writer.text(document.name)
            writer.newline()
            writer.newline()
        }
        writer.text("SYNOPSIS")
        writer.newline()
        writer.frame(4) { writer in
            paragraphs(document.synopsis, &writer)
            writer.newline()
            writer.newline()
        }
    }

    /// MamlIndentedSyntaxControl.
    static func syntax(_ document: HelpDocument, _ writer: inout HelpLayoutWriter) {
        writer.text("SYNTAX")
        writer.newline()
        writer.frame(4) { writer in
            for item in document.syntaxItems {
                writer.text(document.syntaxLine(item))
                writer.newline()
                writer.newline()
            }
            writer.newline()
        }
    }

    /// MamlIndentedDescriptionControl.
    static func description(_ document: HelpDocument, _ writer: inout HelpLayoutWriter) {
        writer.text("DESCRIPTION")
        writer.newline()
        writer.frame(4) { writer in
            paragraphs(document.description, &writer)
            writer.newline()
        }
        writer.newline()
    }

    /// MamlRelatedLinksControl: `linkText` + `' '` (when there is text) + `uri`.
    static func relatedLinks(_ document: HelpDocument, _ writer: inout HelpLayoutWriter) {
        for link in document.displayedLinks {
            writer.text(link.text + (link.text.isEmpty ? "" : " ") + link.uri)
            writer.newline()
        }
    }

    /// The REMARKS section of the default and detailed views. The online line is added inside
    /// a frame but flushed by the final flush outside every frame, so its own four spaces are
    /// its whole indent (RelatedLinksHelpInfoControl).
    static func remarks(_ document: HelpDocument, _ writer: inout HelpLayoutWriter) {
        writer.text("REMARKS")
        writer.newline()
        writer.frame(4) { writer in
            for (lead, option) in [
                ("To see the examples, type: ", "Examples"), ("For more information, type: ", "Detailed"),
                ("For technical information, type: ", "Full"),
            ] {
                writer.text(lead + "\"Get-Help \(document.name) -\(option)\"")
                writer.newline()
            }
            writer.frame(4) { writer in
                if !document.displayedLinks.isEmpty {
                    writer.text("    For online help, type: \"Get-Help \(document.name) -Online\"")
                }
            }
        }
    }

    /// `<CommonParameters>` and `HelpDisplayStrings.BaseCmdletInformation`.
    static func commonParameters(_ writer: inout HelpLayoutWriter) {
        writer.text("<CommonParameters>")
        writer.newline()
        writer.frame(4) { $0.text(baseCmdletInformation) }
        writer.newline()
        writer.newline()
    }

    /// `HelpDisplayStrings.BaseCmdletInformation` (PowerShell 7 resx, leading spaces included).
    static let baseCmdletInformation = """
            This cmdlet supports the common parameters: Verbose, Debug,
            ErrorAction, ErrorVariable, WarningAction, WarningVariable,
            OutBuffer, PipelineVariable, and OutVariable. For more information, see
            about_CommonParameters (https://go.microsoft.com/fwlink/?LinkID=113216).\u{20}
        """

    /// The NOTES section of the full view: `control15` (the heading) and `control16` of
    /// `ViewsOf_MamlCommandHelpInfo_FullView` in PowerShell 7.0–7.6.x. platyPS always writes
    /// `<maml:alertSet>` (no title, one `<maml:alert>` holding the NOTES paragraphs, one empty
    /// paragraph when the section is empty), so NOTES always shows: the title's flush and one
    /// more newline give two indent-4 lines, the alert paragraphs follow in a frame of their own
    /// (indent 8; an empty NOTES gives one indent-8 line), and a last indent-4 line closes it.
    /// (PowerShell 7.7 dropped the second newline and the inner frame, #26512.)
    static func notes(_ document: HelpDocument, _ writer: inout HelpLayoutWriter) {
        writer.text("NOTES")
        writer.newline()
        writer.frame(4) { writer in
            writer.newline()  // the alertSet's title, empty
            writer.newline()
            writer.frame(4) { paragraphs(document.notes, &$0) }  // MamlAlertControl per paragraph
            writer.newline()
        }
    }

    /// MamlExampleControl for each example: title, empty line, code, results, remarks.
    static func examples(_ document: HelpDocument, _ writer: inout HelpLayoutWriter) {
        for example in document.examples {
            writer.text(padExampleTitle(example.title))
            writer.newline()
            writer.newline()
            writer.text(example.code.joined(separator: "\n\n").trimmingWhitespace())
            writer.newline()
            writer.newline()  // no <results>
            paragraphs(azBuildRemarks(example.remarks), &writer)
        }
    }

    /// An example's remarks as they are in Az's MAML: Az's help build
    /// (`tools/HelpGeneration/HelpGeneration.psm1`, `Edit-AzMamlHelp`, run by `New-AzMamlHelp`
    /// after platyPS's `New-ExternalHelp`) puts two `<maml:para></maml:para>` before every
    /// `</dev:remarks>` line. platyPS always writes that line (remarks are `""` when the
    /// markdown has none, one empty paragraph), so every example gets two more empty
    /// paragraphs, which Get-Help prints as two more indent-only lines.
    static func azBuildRemarks(_ remarks: String) -> String {
        remarks + "\n\n"
    }

    /// MamlFullParameterControl, labels from HelpDisplayStrings.resx.
    static func fullParameter(_ parameter: HelpDocument.Parameter, _ writer: inout HelpLayoutWriter) {
        writer.text("-" + parameter.name + parameterValue(parameter))
        writer.newline()
        writer.frame(4) { writer in
            paragraphs(parameter.description, &writer)
            writer.newline()
            let defaultValue =
                parameter.isSwitch && (parameter.defaultValue ?? "None") == "None"
                ? "False" : (parameter.defaultValue ?? "None")
            let rows = [
                ("Required?                    ", parameter.isRequired ? "true" : "false"),
                ("Position?                    ", parameter.positionText.isEmpty ? "Named" : parameter.positionText),
                ("Default value                ", defaultValue),
                ("Accept pipeline input?       ", parameter.pipelineInput),
                (
                    "Aliases                      ",
                    parameter.aliases.isEmpty ? "none" : parameter.aliases.joined(separator: ", ")
                ),
                ("Accept wildcard characters?  ", parameter.acceptsWildcards ? "true" : "false"),
            ]
            for (label, value) in rows {
                writer.text(label + value)
                writer.newline()
            }
            writer.newline()
        }
    }

    /// MamlParameterValueControl: ` <type>` when `parameterValue required="true"`, else
    /// ` [<type>]`; so `-Force <System.Management.Automation.SwitchParameter>` for Az's files and
    /// `-Force [<SwitchParameter>]` for `Type: SwitchParameter` (see `isValueRequired`).
    static func parameterValue(_ parameter: HelpDocument.Parameter) -> String {
        parameter.isValueRequired ? " <\(parameter.mamlType)>" : " [<\(parameter.mamlType)>]"
    }

    /// The MAML paragraphs of a text, each followed by a newline, as `MamlNode` makes them
    /// (`GetMamlFormattingPSObjects`/`GetParaPSObject`): trimmed, and every non-empty paragraph
    /// except the last-counted one gets a line break appended, which shows as an indent-only line.
    static func paragraphs(_ text: String, _ writer: inout HelpLayoutWriter) {
        let paras = text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.trimmingWhitespace() }
        let nonEmpty = paras.filter { !$0.isEmpty }.count
        for (offset, para) in paras.enumerated() {
            let addLine = offset + 1 != nonEmpty && !para.isEmpty
            writer.text(addLine ? para + "\n" : para)
            writer.newline()
        }
    }

    /// platyPS `PadExampleTitle`: dashes on both sides up to 64 columns.
    static func padExampleTitle(_ title: String) -> String {
        let trimmed = title.trimmingWhitespace()
        guard !trimmed.isEmpty, trimmed.count < 62 else { return trimmed }
        let pad = String(repeating: "-", count: (64 - trimmed.count - 2) / 2)
        return pad + " " + trimmed + " " + pad
    }
}

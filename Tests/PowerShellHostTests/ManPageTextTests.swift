import AzShimSupport
import Testing

@testable import PowerShellHost

/// The product's tables in a man page: markdown inline text as roff, one `.TP` item per row.
@Suite struct ManPageTextTests {
    struct InlineCase: Sendable, CustomTestStringConvertible {
        let markdown: String
        let roff: String
        var testDescription: String { markdown }
    }

    @Test(arguments: [
        InlineCase(markdown: "plain words", roff: "plain words"),
        InlineCase(markdown: "`AZSHIM_OUTPUT`", roff: "\\fBAZSHIM_OUTPUT\\fR"),
        InlineCase(markdown: "the default `--output`", roff: "the default \\fB\\-\\-output\\fR"),
        InlineCase(markdown: "**bold** text", roff: "\\fBbold\\fR text"),
        InlineCase(markdown: "*state*`.lock`", roff: "\\fIstate\\fR\\fB.lock\\fR"),
        InlineCase(markdown: "see [Output](#output)", roff: "see Output in the README"),
        InlineCase(markdown: "[site](https://example.com) x", roff: "site x"),
        InlineCase(markdown: "`bash\\|zsh`", roff: "\\fBbash|zsh\\fR"),
        InlineCase(markdown: "a back\\slash", roff: "a back\\eslash"),
        InlineCase(markdown: ".starts with a dot", roff: "\\&.starts with a dot"),
        InlineCase(markdown: "'quote first", roff: "\\&'quote first"),
        InlineCase(markdown: "unclosed `tick and [bracket] and *star", roff: "unclosed `tick and [bracket] and *star"),
        InlineCase(markdown: "[a] b [c](#d)", roff: "[a] b c in the README"),
        InlineCase(markdown: "2 * 3 = 6", roff: "2 * 3 = 6"),
    ])
    func inline(_ example: InlineCase) {
        #expect(ManPageGenerator.inline(example.markdown) == example.roff)
    }

    @Test func twoColumnsAreTagAndBody() {
        let table = ManualTable(
            section: "ENVIRONMENT", columns: ["variable", "meaning"], rows: [["`NO_COLOR`", "no colour"]],
            note: "Nothing else.")
        #expect(
            ManPageGenerator.tableSection(table)
                == ".SH ENVIRONMENT\n.TP\n\\fBNO_COLOR\\fR\nno colour\n.PP\nNothing else.\n")
    }

    @Test func moreColumnsAreLabelled() {
        let table = ManualTable(
            section: "DEVIATIONS FROM POWERSHELL", columns: ["PowerShell / Az", "AzShim", "why"],
            rows: [["colours", "`NO_COLOR`", "Unix"]])
        #expect(
            ManPageGenerator.tableSection(table)
                == ".SH DEVIATIONS FROM POWERSHELL\n.TP\nPowerShell / Az: colours\nAzShim: \\fBNO_COLOR\\fR\n.br\nwhy: Unix\n"
        )
    }

    @Test func shortRowsLeaveEmptyCells() {
        let table = ManualTable(section: "FILES", columns: ["file", "what"], rows: [["only"]])
        #expect(ManPageGenerator.tableSection(table) == ".SH FILES\n.TP\nonly\n\n")
    }

    @Test func withoutAManualTheMultiCallBinarySaysSo() {
        let (stdout, stderr) = (MemorySink(), MemorySink())
        let io = HostIO(
            environment: [:], standardInput: MemoryByteSource([]), standardOutput: stdout, standardError: stderr)
        let status = Invocation.manPage.run(programName: "azshim", commands: [], helpFiles: [:], io: io)
        #expect(status == 1)
        #expect(stdout.text.isEmpty)
        #expect(stderr.text == "azshim: no manual is embedded.\n")
    }
}

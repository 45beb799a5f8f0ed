import Testing

@testable import PowerShellHost

/// Table and list output on a terminal show control characters in property values in caret
/// notation, sized on what is shown; redirected output and JSON keep the bytes as they are.
@Suite struct ObjectWriterTerminalTests {
    static let hostile = PSObject(
        typeName: "Keys", properties: [("Key1", "\u{1B}[2J\u{1B}]0;owned\u{07}"), ("Key2", "plain")])

    static func written(_ format: OutputFormat, terminal: Bool) -> String {
        let sink = MemorySink()
        let writer = ObjectWriter(
            format: format, sink: sink, maximumWidth: terminal ? 119 : nil, escapesControls: terminal)
        writer.write(hostile)
        writer.finish()
        return sink.text
    }

    @Test("a table on a terminal: caret notation, column widths from the shown text")
    func tableOnATerminal() {
        #expect(
            Self.written(.table, terminal: true)
                == "\nKey1              Key2\n----              ----\n^[[2J^[]0;owned^G plain\n\n")
    }

    @Test("a list on a terminal: caret notation")
    func listOnATerminal() {
        #expect(Self.written(.list, terminal: true) == "\nKey1 : ^[[2J^[]0;owned^G\nKey2 : plain\n\n")
    }

    @Test(
        "redirected table and list, and JSON anywhere, are byte-exact", arguments: [OutputFormat.table, .list, .json])
    func exactElsewhere(_ format: OutputFormat) {
        let redirected = Self.written(format, terminal: false)
        #expect(redirected.contains("\u{1B}[2J") || format == .json)
        if format == .json {
            #expect(Self.written(.json, terminal: true) == redirected)
            #expect(redirected == #"{"Key1":"\u001b[2J\u001b]0;owned\u0007","Key2":"plain"}"# + "\n")
        }
    }
}

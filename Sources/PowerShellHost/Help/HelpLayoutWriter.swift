/// PowerShell's `ComplexWriter` (`src/System.Management.Automation/FormatAndOutput/common/
/// ComplexWriter.cs`), the engine behind custom-control views such as Get-Help's.
///
/// Text accumulates in a buffer. A newline flushes it: the buffer is word-wrapped to the
/// columns left by the frames active *at that moment* and each line is left-padded with their
/// summed indents. An empty buffer still writes one line (just the indent), which is why help
/// output has lines of four spaces. Words keep the space that followed them, so a wrapped line
/// ends with a space, as in PowerShell.
///
/// Example: `var writer = HelpLayoutWriter(columns: 79); writer.text("NAME"); writer.newline();
/// writer.frame(4) { $0.text("New-AzCognitiveServicesAccountKey"); $0.newline() }`
/// gives the lines `NAME` and `    New-AzCognitiveServicesAccountKey`.
struct HelpLayoutWriter {
    /// `_textColumns`: the console width minus one (`ConsoleLineOutput.ColumnNumber` keeps the
    /// last column free).
    let columns: Int
    private(set) var lines: [String] = []
    private var frames: [Int] = []
    private var buffer = ""

    init(columns: Int) {
        self.columns = columns
    }

    mutating func text(_ value: String) {
        buffer += value
    }

    /// `FormatNewLine` → `WriteToScreen()`.
    mutating func newline() {
        let indentation = frames.reduce(0, +)
        let usefulWidth = columns - indentation
        if usefulWidth <= 0 {
            buffer = ""
        }
        for line in Self.generateLines(buffer, firstLineWidth: usefulWidth, followingLinesWidth: usefulWidth) {
            lines.append(String(repeating: " ", count: indentation) + line)
        }
        buffer = ""
    }

    /// A `StartFrame(leftIndent:)` … `EndFrame()` pair.
    mutating func frame(_ leftIndent: Int, _ body: (inout HelpLayoutWriter) -> Void) {
        frames.append(leftIndent)
        body(&self)
        frames.removeLast()
    }

    /// `WriteObject` ends with a flush, outside every frame.
    mutating func finish() -> [String] {
        frames = []
        newline()
        return lines
    }

    /// `StringManipulationHelper.GenerateLinesWithWordWrap`, the word wrap the list view uses too.
    static func generateLines(_ value: String, firstLineWidth: Int, followingLinesWidth: Int) -> [String] {
        FormatLineWrap.lines(value, firstLineWidth: firstLineWidth, followingLinesWidth: followingLinesWidth)
    }
}

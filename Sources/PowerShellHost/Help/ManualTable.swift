/// One table of the product's manual (exit status, environment, files, deviations), written once
/// and shown twice: as a section of every man page (`ManPageGenerator`) and as a table in the
/// README, which a test compares with `markdown`, so the two cannot drift apart. Cells are
/// markdown inline text: `code`, **bold**, [links](#anchor) and `\|` for a literal bar.
///
/// Example: `ManualTable(section: "EXIT STATUS", columns: ["status", "when"],
/// rows: [["0", "no error record was written"]])` is the README table
/// ```
/// | status | when |
/// |---|---|
/// | 0 | no error record was written |
/// ```
/// and the man page section `.SH EXIT STATUS` `.TP` `0` `no error record was written`.
package struct ManualTable: Sendable, Equatable {
    /// The man page section's heading, e.g. `ENVIRONMENT`.
    package let section: String
    /// The README's header cells; with more than two, the man page labels each cell with its column's name.
    package let columns: [String]
    package let rows: [[String]]
    /// A paragraph after the table (markdown inline), or nil.
    package let note: String?

    package init(section: String, columns: [String], rows: [[String]], note: String? = nil) {
        self.section = section
        self.columns = columns
        self.rows = rows
        self.note = note
    }

    /// The table as the README holds it: a header, a `|---|` line and one line per row.
    package var markdown: String {
        let line = { (cells: [String]) in "| " + cells.joined(separator: " | ") + " |\n" }
        let separator = "|" + columns.map { _ in "---|" }.joined() + "\n"
        return line(columns) + separator + rows.map(line).joined()
    }
}

/// Lays out objects as PowerShell's default table (`Format-Table` with implicit autosize):
/// an empty line, the header, dashes under each label, one row per object, one space between
/// columns, the last column unpadded, and an empty line after the last row.
///
/// Column widths come from the objects given to `header(sizingWith:)`; rows that come later
/// do not widen them. With a `maximumWidth` (stdout is a terminal), the last visible column
/// shrinks, values that do not fit end in `…`, and columns that cannot get one cell are
/// hidden; without one (redirected), nothing is ever cut.
///
/// Cells show values as `PSValueDisplay.text` does in a table (doubles with two decimals).
/// A column whose value in the first object is a number or a boolean is right-aligned, label
/// and dashes included (`TableViewGenerator.ComputeDefaultAlignment`: the `DefaultScalarTypes`
/// but strings); every other column is left-aligned.
///
/// Example: one ApiKeys object gives
/// `"\nKey1                             Key2\n----                             ----\n<key1> <key2>\n"`
/// and `footer` the final `"\n"`.
package struct TableFormatter: Sendable {
    package let labels: [String]
    private var widths: [Int]
    private let rightAligned: [Bool]

    /// Sizes the columns for `objects`; `maximumWidth` is the usable console width, or nil.
    package init(labels: [String], sizingWith objects: [PSObject], maximumWidth: Int?) {
        self.labels = labels
        var widths = labels.enumerated().map { column, label in
            objects.reduce(DisplayWidth.of(label)) { widest, object in
                max(widest, DisplayWidth.of(Self.cell(object, column)))
            }
        }
        if let maximumWidth { Self.fit(&widths, into: maximumWidth) }
        self.widths = widths
        rightAligned = labels.indices.map { column in
            guard let first = objects.first, column < first.properties.count else { return false }
            switch first.properties[column].value {
            case .integer, .double, .bool: return true
            default: return false
            }
        }
    }

    /// A table with the column widths a format file declares (`TableControl` headers with a
    /// `width`); a nil width is sized from `objects`, as the other initializer sizes every column.
    ///
    /// Example: Get-Help's summary table (`HelpInfoShort`) is
    /// `TableFormatter(labels: ["Name", "Category", "Module", "Synopsis"], widths: [33, 9, 25, nil], sizingWith: rows, maximumWidth: nil)`.
    package init(labels: [String], widths declared: [Int?], sizingWith objects: [PSObject], maximumWidth: Int?) {
        let sized = TableFormatter(labels: labels, sizingWith: objects, maximumWidth: nil)
        var widths = labels.indices.map { column in
            column < declared.count ? declared[column] ?? sized.widths[column] : sized.widths[column]
        }
        if let maximumWidth { Self.fit(&widths, into: maximumWidth) }
        self.labels = labels
        self.widths = widths
        self.rightAligned = sized.rightAligned
    }

    /// Shrinks the last visible column until the table fits; hides columns that cannot keep a cell.
    private static func fit(_ widths: inout [Int], into available: Int) {
        while let last = widths.lastIndex(where: { $0 > 0 }) {
            let visible = widths.filter { $0 > 0 }
            let total = visible.reduce(0, +) + visible.count - 1
            if total <= available { return }
            let shrunk = widths[last] - (total - available)
            if shrunk >= 1 {
                widths[last] = shrunk
                return
            }
            widths[last] = 0
        }
    }

    private static func cell(_ object: PSObject, _ column: Int) -> String {
        column < object.properties.count ? PSValueDisplay.text(object.properties[column].value, isTable: true) : ""
    }

    /// The empty line, the labels and the dashes.
    package var header: String {
        "\n" + line(labels) + "\n" + line(labels.map { String(repeating: "-", count: DisplayWidth.of($0)) }) + "\n"
    }

    /// One object's row.
    package func row(_ object: PSObject) -> String {
        line(labels.indices.map { Self.cell(object, $0) }) + "\n"
    }

    /// The empty line after the table.
    package var footer: String { "\n" }

    private func line(_ cells: [String]) -> String {
        let visible = cells.indices.filter { widths[$0] > 0 }
        var output = ""
        for (position, column) in visible.enumerated() {
            let isLast = position == visible.count - 1
            var text = cells[column]
            let width = widths[column]
            if DisplayWidth.of(text) > width {
                text = width <= 1 ? "…" : DisplayWidth.prefix(text, fitting: width - 1) + "…"
                if width < 1 { text = "" }
            }
            if position > 0 { output += " " }
            let padding = String(repeating: " ", count: max(0, width - DisplayWidth.of(text)))
            if rightAligned[column] {
                output += padding + text
            } else {
                output += text
                if !isLast { output += padding }
            }
        }
        return output
    }
}

/// Lays out objects as `Format-List` does (`ListWriter` in
/// `src/System.Management.Automation/FormatAndOutput/common/ListWriter.cs`): an empty line
/// before each object, then one `Name : value` line per property, the names padded to the
/// longest, each value as `PSValueDisplay.text` shows it; and one empty line after the last
/// object (`footer`).
///
/// With a `maximumWidth` (stdout is a terminal: the console width − 1), a value too long for
/// the columns right of ` : ` is word-wrapped (`FormatLineWrap`) and its further lines are
/// indented under the value column; names too long to leave one cell are cut; a console too
/// narrow for even that shows no properties. Without one (redirected), values are never
/// wrapped, as tables are never cut (a README deviation). Lines inside a value always start
/// under the value column.
///
/// Example: one ApiKeys object is `"\nKey1 : <key1>\nKey2 : <key2>\n"`, then `footer` `"\n"`;
/// on a 40-column terminal `Endpoint : https://westus.api.cognitive.microsoft.com/` becomes
/// `Endpoint : https://westus.api.cognitive` + newline + 11 spaces + `.microsoft.com/`.
package struct ListFormatter: Sendable {
    /// The usable width (console width − 1) when stdout is a terminal, else nil: never wrap.
    package let maximumWidth: Int?
    package let enumerationLimit: Int

    private static let separator = " : "

    package init(maximumWidth: Int?, enumerationLimit: Int = PSValueDisplay.enumerationLimit) {
        self.maximumWidth = maximumWidth
        self.enumerationLimit = enumerationLimit
    }

    /// The empty line and the property lines of one object.
    package func format(_ object: PSObject) -> String {
        var output = "\n"
        guard !object.properties.isEmpty else { return output }
        var labelWidth = object.properties.map { DisplayWidth.of($0.name) }.max() ?? 0
        if let maximumWidth {
            // `Initialize`: no room for a one-cell label and a one-cell value: nothing is shown.
            if maximumWidth - Self.separator.count - 1 - 1 < 0 { return output }
            labelWidth = min(labelWidth, maximumWidth - Self.separator.count - 1)
        }
        let valueColumn = labelWidth + Self.separator.count
        let indent = String(repeating: " ", count: valueColumn)
        for property in object.properties {
            let label = Self.padded(property.name, to: labelWidth) + Self.separator
            let value = PSValueDisplay.text(property.value, enumerationLimit: enumerationLimit)
            for (index, line) in FormatLineWrap.physicalLines(value).enumerated() {
                let pieces: [String]
                if let maximumWidth {
                    let field = maximumWidth - valueColumn
                    pieces = FormatLineWrap.lines(line, firstLineWidth: field, followingLinesWidth: field)
                } else {
                    pieces = [line]
                }
                for (pieceIndex, piece) in pieces.enumerated() {
                    output += (index == 0 && pieceIndex == 0 ? label : indent) + piece + "\n"
                }
            }
        }
        return output
    }

    /// The name padded with spaces to `width` cells, or cut to fit it.
    private static func padded(_ name: String, to width: Int) -> String {
        let cells = DisplayWidth.of(name)
        if cells < width { return name + String(repeating: " ", count: width - cells) }
        if cells > width { return DisplayWidth.prefix(name, fitting: width) }
        return name
    }

    /// The empty line after the last object.
    package static let footer = "\n"
}

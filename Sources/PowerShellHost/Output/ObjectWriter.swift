import AzShimSupport

/// Writes output objects to stdout in the chosen format, streaming: JSON and list output go out
/// object by object; the table sizes its columns from the objects of its first 300 ms (and the
/// first one after), as PowerShell's `Out-Default` does, then prints each row as it comes.
///
/// With no format chosen (no `--output`), the first object picks PowerShell's default view for
/// a type without a format file: a table for up to 4 properties, else a list
/// (`PropertyCountForTable`, `displayDescriptionData.cs`); the rest of the output keeps it.
///
/// Example: three ApiKeys objects piped through in 1 ms form one table with one header; a
/// PSCognitiveServicesAccount (24 properties) is written as a list.
package final class ObjectWriter {
    /// The view: `--output`'s, or the default view once the first object has chosen it.
    package private(set) var format: OutputFormat?
    private let sink: any TextSink
    /// The usable width when stdout is a terminal (console width − 1), else nil: never cut.
    private let maximumWidth: Int?
    private let sizingWindow: Duration
    /// Stdout is a terminal: table and list views show control characters in property values
    /// in caret notation (`^[[2J`), so server text cannot drive the terminal; JSON and
    /// redirected output stay byte-exact.
    private let escapesControls: Bool
    private var pending: [PSObject] = []
    private var firstArrival: MonotonicInstant?
    private var table: TableFormatter?
    private var wroteAny = false

    /// The most properties PowerShell's default view shows as a table.
    package static let propertyCountForTable = 4

    /// `format` nil: PowerShell's default view, chosen by the first object.
    package init(
        format: OutputFormat?, sink: any TextSink, maximumWidth: Int?, sizingWindow: Duration = .milliseconds(300),
        escapesControls: Bool = false
    ) {
        self.format = format
        self.sink = sink
        self.maximumWidth = maximumWidth
        self.sizingWindow = sizingWindow
        self.escapesControls = escapesControls
    }

    /// `input`: the pipeline object this one came from (`--include-input`), written first as
    /// `"Input"` in the JSON view: `{"Input":{"ResourceGroupName":"rg","Name":"a"},"Key1":"…","Key2":"…"}`.
    package func write(_ object: PSObject, input: JSONValue? = nil) {
        let view = format ?? (object.properties.count <= Self.propertyCountForTable ? .table : .list)
        format = view
        // Before layout, so column widths are computed on what the terminal shows.
        let object = escapesControls && view != .json ? object.escapingControls() : object
        switch view {
        case .json:
            if let input {
                let members = object.properties.map { ($0.name, PSValueJSON.json($0.value)) }
                sink.write(JSONWriter.compact(.object([("Input", input)] + members)) + "\n")
            } else {
                sink.write(object.compressedJSON + "\n")
            }
        case .list:
            sink.write(ListFormatter(maximumWidth: maximumWidth).format(object))
            wroteAny = true
        case .table:
            if let table {
                sink.write(table.row(object))
            } else {
                pending.append(object)
                let now = MonotonicInstant.now
                if let firstArrival {
                    if now - firstArrival >= sizingWindow { startTable() }
                } else {
                    firstArrival = now
                }
            }
        }
        sink.flush()
    }

    private func startTable() {
        guard let first = pending.first else { return }
        let table = TableFormatter(
            labels: first.properties.map(\.name), sizingWith: pending, maximumWidth: maximumWidth)
        sink.write(table.header)
        for object in pending { sink.write(table.row(object)) }
        pending.removeAll()
        self.table = table
    }

    /// Ends the output: prints a table still being sized, then the closing empty line.
    package func finish() {
        if format == .table {
            startTable()
            if table != nil { sink.write(table?.footer ?? "") }
        } else if format == .list && wroteAny {
            sink.write(ListFormatter.footer)
        }
        sink.flush()
    }
}

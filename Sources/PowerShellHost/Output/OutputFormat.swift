/// How output objects are written to stdout (host option `--output`, or `AZSHIM_OUTPUT`).
/// Without either, the first object picks PowerShell's default view: `table` for up to four
/// properties, else `list` (see `ObjectWriter`).
///
/// Example: `--output json` writes `{"Key1":"…","Key2":"…"}`, one object per line.
package enum OutputFormat: String, Sendable, CaseIterable {
    /// PowerShell's table view (`Format-Table`).
    case table
    /// `Format-List`.
    case list
    /// One `ConvertTo-Json -Compress` object per line (JSON lines), the next command's input.
    case json
}

/// How output objects are written to stdout (host option `--output`, or `AZSHIM_OUTPUT`).
///
/// Example: `--output json` writes `{"Key1":"…","Key2":"…"}`, one object per line.
public enum OutputFormat: String, Sendable, CaseIterable {
    /// PowerShell's default table view.
    case table
    /// `Format-List`.
    case list
    /// One `ConvertTo-Json -Compress` object per line (JSON lines), the next command's input.
    case json
}

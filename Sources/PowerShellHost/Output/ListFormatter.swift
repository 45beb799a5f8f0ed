/// Lays out objects as `Format-List` does: each object as `Name : value` lines with the names
/// padded to the longest, an empty line before each object and after the last.
///
/// Example: `ListFormatter.format(keys)` is `"\nKey1 : <key1>\nKey2 : <key2>\n"` for one object,
/// followed by `ListFormatter.footer`, `"\n"`.
public enum ListFormatter {
    public static func format(_ object: PSObject) -> String {
        let labelWidth = object.properties.map { DisplayWidth.of($0.name) }.max() ?? 0
        var output = "\n"
        for property in object.properties {
            let padding = String(repeating: " ", count: labelWidth - DisplayWidth.of(property.name))
            output += property.name + padding + " : " + (property.value ?? "") + "\n"
        }
        return output
    }

    public static let footer = "\n"
}

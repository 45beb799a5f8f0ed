/// Which Get-Help view to render (`Help_format_ps1xml.cs` view names in comments).
///
/// Example: `New-AzCognitiveServicesAccountKey -?` is `.standard`;
/// `Get-Help New-AzCognitiveServicesAccountKey -Parameter Key*` is `.parameter("Key*")`;
/// the host option `--help=parameter=KeyName` is `HelpView(hostOption: "parameter=KeyName")`.
package enum HelpView: Equatable, Sendable {
    /// `-?` and plain `Get-Help Name` ("DefaultCommandHelp").
    case standard
    /// `-Detailed` ("VerboseCommandHelp").
    case detailed
    /// `-Full` ("FullCommandHelp").
    case full
    /// `-Examples` ("ExampleCommandHelp").
    case examples
    /// `-Parameter Pattern` ("MamlCommandParameterView"); `*`, `?` and `[ ]` wildcards allowed.
    case parameter(String)
    /// `-Online`: AzShim prints the URL instead of starting a browser.
    case online

    /// The view named by a `--help` host option value: `full`, `detailed`, `examples`, `online`,
    /// `parameter=NAME` (case-insensitive); nil or empty is the default view. Unknown values give nil.
    package init?(hostOption value: String?) {
        guard let value, !value.isEmpty else {
            self = .standard
            return
        }
        let folded = value.lowercased()
        switch folded {
        case "standard", "default": self = .standard
        case "full": self = .full
        case "detailed": self = .detailed
        case "examples": self = .examples
        case "online": self = .online
        default:
            guard folded.hasPrefix("parameter=") else { return nil }
            let name = String(value.dropFirst("parameter=".count))
            guard !name.isEmpty else { return nil }
            self = .parameter(name)
        }
    }

    /// The values `--help=VALUE` accepts, for messages and completion scripts.
    package static let hostOptionValues = ["full", "detailed", "examples", "online", "parameter="]
}

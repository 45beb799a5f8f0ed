/// One command's help, as platyPS reads a schema 2.0 markdown file and as Get-Help shows it.
///
/// Text fields hold MAML text: paragraphs separated by `"\n"`, already converted from markdown the
/// way platyPS converts it (see `PlatyPSText`). An empty section is one empty paragraph (`""`),
/// exactly as platyPS writes `<maml:para />`.
///
/// Example: `HelpMarkdownParser.parse(EmbeddedHelp.markdown["New-AzCognitiveServicesAccountKey"]!)`
/// gives a document whose `parameter(named: "keyname")?.acceptedValues` is `["Key1", "Key2"]`.
public struct HelpDocument: Sendable, Equatable {
    /// A `### -Name` block of `## PARAMETERS` (its first yaml block; see `parameterSets`).
    public struct Parameter: Sendable, Equatable {
        /// Where a parameter binds positionally: `Position: 0` (0-based) or `Position: Named`.
        public enum Position: Sendable, Equatable {
            case index(Int)
            case named
        }

        public var name: String
        public var description: String
        /// The `Type:` text, e.g. `System.String`; nil when the block has none.
        public var type: String?
        public var parameterSets: [String]
        public var aliases: [String]
        public var acceptedValues: [String]
        public var isRequired: Bool
        public var position: Position
        /// The `Position:` text as written (platyPS orders SYNTAX by this string).
        public var positionText: String
        /// The `Default value:` text, nil when empty.
        public var defaultValue: String?
        /// The `Accept pipeline input:` text, e.g. `True (ByPropertyName)`; `false` when absent.
        public var pipelineInput: String
        public var acceptsWildcards: Bool
        /// The 1-based line of the `### -Name` heading.
        public var line: Int

        public init(
            name: String, description: String = "", type: String? = nil, parameterSets: [String] = [],
            aliases: [String] = [], acceptedValues: [String] = [], isRequired: Bool = false,
            position: Position = .named, positionText: String = "named", defaultValue: String? = nil,
            pipelineInput: String = "false", acceptsWildcards: Bool = false, line: Int = 0
        ) {
            self.name = name
            self.description = description
            self.type = type
            self.parameterSets = parameterSets
            self.aliases = aliases
            self.acceptedValues = acceptedValues
            self.isRequired = isRequired
            self.position = position
            self.positionText = positionText
            self.defaultValue = defaultValue
            self.pipelineInput = pipelineInput
            self.acceptsWildcards = acceptsWildcards
            self.line = line
        }

        /// `Type: SwitchParameter` or `Type: switch`, in any case: the only spellings platyPS 0.14's
        /// `MamlParameter.IsSwitchParameter()` (`src/Markdown.MAML/Model/MAML/MamlParameter.cs`)
        /// takes for a switch. The full name `System.Management.Automation.SwitchParameter` that
        /// Az's files use is not one of them.
        public var hasSwitchShorthandType: Bool {
            guard let type else { return false }
            let folded = type.lowercased()
            return folded == "switchparameter" || folded == "switch"
        }

        /// The type as platyPS writes it into MAML (`MamlRenderer.ConvertPSTypeToMamlType`):
        /// `SwitchParameter` for the shorthand spellings, else the `Type:` text as written, e.g.
        /// `System.Management.Automation.SwitchParameter` for `-Force` in Az's files.
        public var mamlType: String {
            hasSwitchShorthandType ? "SwitchParameter" : (type ?? "")
        }

        /// A switch as `MamlRenderer.CreateParameter` decides it, by an exact comparison of the
        /// MAML type with `SwitchParameter` or `System.Management.Automation.SwitchParameter`:
        /// the syntax line then shows no value (`[-Force]`) and an empty or `None` default value
        /// becomes `False`.
        public var isSwitch: Bool {
            mamlType == "SwitchParameter" || mamlType == "System.Management.Automation.SwitchParameter"
        }

        /// `<command:parameterValue required=…>`: platyPS 0.14's `ModelTransformerVersion2`
        /// sets `ValueRequired = !IsSwitchParameter()`, so only the shorthand spellings give a
        /// value that is not required. Get-Help's `MamlParameterValueControl` then prints
        /// `-Force [<SwitchParameter>]` for `Type: SwitchParameter` and
        /// `-Force <System.Management.Automation.SwitchParameter>` for the full name.
        public var isValueRequired: Bool {
            !hasSwitchShorthandType
        }
    }

    /// A `### Example` block: title, optional introduction, code fences, remarks.
    public struct Example: Sendable, Equatable {
        public var title: String
        public var introduction: String
        /// Each fenced block's text, without the fences.
        public var code: [String]
        public var remarks: String

        public init(title: String, introduction: String = "", code: [String] = [], remarks: String = "") {
            self.title = title
            self.introduction = introduction
            self.code = code
            self.remarks = remarks
        }
    }

    /// A related link. A relative link (`./Get-AzCognitiveServicesAccountKey.md`) keeps its
    /// text and gets an empty `uri`, as platyPS writes it.
    public struct Link: Sendable, Equatable {
        public var text: String
        public var uri: String

        public init(text: String, uri: String) {
            self.text = text
            self.uri = uri
        }
    }

    /// An `### TypeName` entry of INPUTS or OUTPUTS.
    public struct TypeEntry: Sendable, Equatable {
        public var typeName: String
        public var description: String

        public init(typeName: String, description: String = "") {
            self.typeName = typeName
            self.description = description
        }
    }

    public var name: String
    public var synopsis: String
    public var description: String
    public var examples: [Example]
    public var parameters: [Parameter]
    public var inputs: [TypeEntry]
    public var outputs: [TypeEntry]
    public var notes: String
    public var relatedLinks: [Link]
    /// The front matter's `online version`, nil when absent or empty.
    public var onlineVersion: String?
    /// `### CommonParameters` (or `### <CommonParameters>`) is present.
    public var supportsCommonParameters: Bool
    /// Every front matter key and value, as written.
    public var frontMatter: [String: String]

    public init(
        name: String, synopsis: String = "", description: String = "", examples: [Example] = [],
        parameters: [Parameter] = [], inputs: [TypeEntry] = [], outputs: [TypeEntry] = [],
        notes: String = "", relatedLinks: [Link] = [], onlineVersion: String? = nil,
        supportsCommonParameters: Bool = false, frontMatter: [String: String] = [:]
    ) {
        self.name = name
        self.synopsis = synopsis
        self.description = description
        self.examples = examples
        self.parameters = parameters
        self.inputs = inputs
        self.outputs = outputs
        self.notes = notes
        self.relatedLinks = relatedLinks
        self.onlineVersion = onlineVersion
        self.supportsCommonParameters = supportsCommonParameters
        self.frontMatter = frontMatter
    }

    /// The parameter with this name, ignoring case and an optional leading dash.
    public func parameter(named name: String) -> Parameter? {
        let folded = (name.hasPrefix("-") ? String(name.dropFirst()) : name).lowercased()
        return parameters.first { $0.name.lowercased() == folded }
    }

    /// The links Get-Help lists: platyPS puts `Online Version:` + the front matter URL first
    /// (`SetOnlineVersionUrlLink` in platyPS.psm1) unless the first link already has that URL.
    public var displayedLinks: [Link] {
        guard let onlineVersion, relatedLinks.first?.uri != onlineVersion else { return relatedLinks }
        return [Link(text: "Online Version:", uri: onlineVersion)] + relatedLinks
    }
}

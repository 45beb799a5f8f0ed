/// One command's help, as platyPS reads a schema 2.0 markdown file and as Get-Help shows it.
///
/// Text fields hold MAML text: paragraphs separated by `"\n"`, already converted from markdown the
/// way platyPS converts it (see `PlatyPSText`). An empty section is one empty paragraph (`""`),
/// exactly as platyPS writes `<maml:para />`.
///
/// Example: `HelpMarkdownParser.parse(EmbeddedHelp.markdown["New-AzCognitiveServicesAccountKey"]!)`
/// gives a document whose `parameter(named: "keyname")?.acceptedValues` is `["Key1", "Key2"]`.
package struct HelpDocument: Sendable, Equatable {
    /// A `### -Name` block of `## PARAMETERS` (its first yaml block; see `parameterSets`).
    package struct Parameter: Sendable, Equatable {
        /// Where a parameter binds positionally: `Position: 0` (0-based) or `Position: Named`.
        package enum Position: Sendable, Equatable {
            case index(Int)
            case named
        }

        package var name: String
        package var description: String
        /// The `Type:` text, e.g. `System.String`; nil when the block has none.
        package var type: String?
        package var parameterSets: [String]
        package var aliases: [String]
        package var acceptedValues: [String]
        package var isRequired: Bool
        package var position: Position
        /// The `Position:` text as written (platyPS orders SYNTAX by this string).
        package var positionText: String
        /// The `Default value:` text, nil when empty.
        package var defaultValue: String?
        /// The `Accept pipeline input:` text, e.g. `True (ByPropertyName)`; `false` when absent.
        package var pipelineInput: String
        package var acceptsWildcards: Bool
        /// The 1-based line of the `### -Name` heading.
        package var line: Int
        /// Every ```` ```yaml ```` block of the parameter, each read as a parameter of its own sets
        /// (platyPS makes one `MamlParameter` per block): `-ResourceGroupName` of
        /// Get-AzCognitiveServicesAccount is optional in one block and required in the other.
        package var setBlocks: [Parameter] = []

        /// The block that describes the set `name` (or `(All)`), else the parameter as a whole.
        ///
        /// Example: `parameter.block(forSet: "AccountNameParameterSet").isRequired` is true for
        /// Get-AzCognitiveServicesAccount's `-ResourceGroupName`.
        package func block(forSet name: String) -> Parameter {
            let folded = name.lowercased()
            return setBlocks.first { block in
                block.parameterSets.contains { $0.lowercased() == folded || $0 == "(All)" }
            } ?? self
        }

        package init(
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
        package var hasSwitchShorthandType: Bool {
            guard let type else { return false }
            let folded = type.lowercased()
            return folded == "switchparameter" || folded == "switch"
        }

        /// The type as platyPS writes it into MAML (`MamlRenderer.ConvertPSTypeToMamlType`):
        /// `SwitchParameter` for the shorthand spellings, else the `Type:` text as written, e.g.
        /// `System.Management.Automation.SwitchParameter` for `-Force` in Az's files.
        package var mamlType: String {
            hasSwitchShorthandType ? "SwitchParameter" : (type ?? "")
        }

        /// A switch as `MamlRenderer.CreateParameter` decides it, by an exact comparison of the
        /// MAML type with `SwitchParameter` or `System.Management.Automation.SwitchParameter`:
        /// the syntax line then shows no value (`[-Force]`) and an empty or `None` default value
        /// becomes `False`.
        package var isSwitch: Bool {
            mamlType == "SwitchParameter" || mamlType == "System.Management.Automation.SwitchParameter"
        }

        /// `<command:parameterValue required=…>`: platyPS 0.14's `ModelTransformerVersion2`
        /// sets `ValueRequired = !IsSwitchParameter()`, so only the shorthand spellings give a
        /// value that is not required. Get-Help's `MamlParameterValueControl` then prints
        /// `-Force [<SwitchParameter>]` for `Type: SwitchParameter` and
        /// `-Force <System.Management.Automation.SwitchParameter>` for the full name.
        package var isValueRequired: Bool {
            !hasSwitchShorthandType
        }
    }

    /// A `### Example` block: title, optional introduction, code fences, remarks.
    package struct Example: Sendable, Equatable {
        package var title: String
        package var introduction: String
        /// Each fenced block's text, without the fences.
        package var code: [String]
        package var remarks: String

        package init(title: String, introduction: String = "", code: [String] = [], remarks: String = "") {
            self.title = title
            self.introduction = introduction
            self.code = code
            self.remarks = remarks
        }
    }

    /// A related link. A relative link (`./Get-AzCognitiveServicesAccountKey.md`) keeps its
    /// text and gets an empty `uri`, as platyPS writes it.
    package struct Link: Sendable, Equatable {
        package var text: String
        package var uri: String

        package init(text: String, uri: String) {
            self.text = text
            self.uri = uri
        }
    }

    /// An `### TypeName` entry of INPUTS or OUTPUTS.
    package struct TypeEntry: Sendable, Equatable {
        package var typeName: String
        package var description: String

        package init(typeName: String, description: String = "") {
            self.typeName = typeName
            self.description = description
        }
    }

    package var name: String
    package var synopsis: String
    package var description: String
    package var examples: [Example]
    package var parameters: [Parameter]
    package var inputs: [TypeEntry]
    package var outputs: [TypeEntry]
    package var notes: String
    package var relatedLinks: [Link]
    /// The front matter's `online version`, nil when absent or empty.
    package var onlineVersion: String?
    /// `### CommonParameters` (or `### <CommonParameters>`) is present.
    package var supportsCommonParameters: Bool
    /// Every front matter key and value, as written.
    package var frontMatter: [String: String]

    package init(
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
    package func parameter(named name: String) -> Parameter? {
        let folded = (name.hasPrefix("-") ? String(name.dropFirst()) : name).lowercased()
        return parameters.first { $0.name.lowercased() == folded }
    }

    /// The links Get-Help lists: platyPS puts `Online Version:` + the front matter URL first
    /// (`SetOnlineVersionUrlLink` in platyPS.psm1) unless the first link already has that URL.
    package var displayedLinks: [Link] {
        guard let onlineVersion, relatedLinks.first?.uri != onlineVersion else { return relatedLinks }
        return [Link(text: "Online Version:", uri: onlineVersion)] + relatedLinks
    }
}

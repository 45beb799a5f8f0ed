/// Reads a platyPS schema 2.0 markdown help file into a `HelpDocument`, as platyPS 0.14's
/// `ModelTransformerVersion2` does, but collecting every problem as a `HelpDiagnostic` instead
/// of stopping at the first `HelpSchemaException`.
///
/// Rules (`PowerShell/platyPS` `master`, `docs/developer/platyPS/platyPS.schema.md`,
/// `src/Markdown.MAML/Transformer/ModelTransformerVersion2.cs`):
/// - optional front matter between `---` lines (`key: value`, split at the first colon);
/// - `# Command-Name`, then H2 sections in any order (`SYNOPSIS`, `SYNTAX`, `DESCRIPTION`,
///   `EXAMPLES`, `PARAMETERS`, `INPUTS`, `OUTPUTS`, `NOTES`, `RELATED LINKS`);
/// - `### -Name`, a description, then one or more ```` ```yaml ```` blocks whose lines split at
///   the first colon, with case-insensitive keys; an unknown key is an error; `Position` is a
///   0-based integer or `Named` (the default); `### CommonParameters` or
///   `### <CommonParameters>` only marks common parameter support.
///
/// Example:
/// ```swift
/// let (document, diagnostics) = HelpMarkdownParser.parse(markdown)
/// document?.parameter(named: "KeyName")?.position   // .index(2)
/// diagnostics.isEmpty                                // true for the shipped help file
/// ```
package enum HelpMarkdownParser {
    /// The H2 sections of schema 2.0, in the order the schema lists them.
    package static let sectionNames = [
        "SYNOPSIS", "SYNTAX", "DESCRIPTION", "EXAMPLES", "PARAMETERS", "INPUTS", "OUTPUTS", "NOTES",
        "RELATED LINKS",
    ]

    /// The yaml keys platyPS knows (`IsKnownKey`), lower-cased.
    static let knownYamlKeys: Set<String> = [
        "type", "parameter sets", "aliases", "accepted values", "required", "position",
        "default value", "accept pipeline input", "accept wildcard characters", "applicable",
    ]

    /// Parses `markdown`; the document is nil only when there is no `# Command-Name` heading.
    /// Without `parameterDescriptions` every parameter's description is left empty (its blocks
    /// are still walked, so the rest and the diagnostics are the same): the standard view, which
    /// shows none, skips their text conversion, ~240,000 instructions of a cmdlet's `-?` (issue 14).
    ///
    /// Example: `HelpMarkdownParser.parse(markdown, parameterDescriptions: false).document?.parameters[0].description` is `""`.
    package static func parse(_ markdown: String, parameterDescriptions: Bool = true) -> (
        document: HelpDocument?, diagnostics: [HelpDiagnostic]
    ) {
        var state = State()
        state.parameterDescriptions = parameterDescriptions
        let document = state.parse(markdown)
        return (document, state.diagnostics)
    }
}

extension HelpMarkdownParser {
    fileprivate struct State {
        var diagnostics: [HelpDiagnostic] = []
        var blocks: [MarkdownBlock] = []
        var position = 0
        /// Whether parameter descriptions are converted (`parse(_:parameterDescriptions:)`).
        var parameterDescriptions = true

        mutating func report(_ line: Int, _ message: String, _ severity: HelpDiagnostic.Severity = .error) {
            diagnostics.append(HelpDiagnostic(line: line, message: message, severity: severity))
        }

        mutating func next() -> MarkdownBlock? {
            guard position < blocks.count else { return nil }
            defer { position += 1 }
            return blocks[position]
        }

        func peek() -> MarkdownBlock? { position < blocks.count ? blocks[position] : nil }

        mutating func parse(_ markdown: String) -> HelpDocument? {
            let normalized =
                markdown.containsByte(13)
                ? markdown.replacingAll("\r\n", with: "\n").replacingAll("\r", with: "\n") : markdown
            let lines = normalized.helpLines
            var frontMatter: [String: String] = [:]
            var bodyStart = 0
            // Front matter: the first non-blank line is `---`.
            if let first = lines.firstIndex(where: { !$0.isBlank }),
                lines[first].trimmingTrailingSpaces == "---"
            {
                if let close = lines[(first + 1)...].firstIndex(where: { $0.trimmingTrailingSpaces == "---" }) {
                    for offset in (first + 1)..<close {
                        let line = lines[offset]
                        if line.isBlank { continue }
                        guard let colon = line.firstIndex(of: ":") else {
                            report(offset + 1, "Invalid yaml: expected simple key-value pairs")
                            continue
                        }
                        let key = line[..<colon].trimmingWhitespace()
                        frontMatter[key] = line[line.index(after: colon)...].trimmingWhitespace()
                    }
                    bodyStart = close + 1
                } else {
                    report(first + 1, "Unterminated front matter: no closing --- line")
                    bodyStart = lines.count
                }
            }
            blocks = MarkdownBlock.blocks(
                of: Array(lines[bodyStart...]), firstLine: bodyStart + 1, diagnostics: &diagnostics)

            // # Command-Name
            var nameBlock: (String, Int)?
            while let block = next() {
                if case .heading(1, let text, let line) = block {
                    nameBlock = (text, line)
                    break
                }
                report(block.line, "Expect Heading level 1 with the command name (# Command-Name)")
            }
            guard let (name, nameLine) = nameBlock, !name.isEmpty else {
                report(nameBlock?.1 ?? max(1, lines.count), "No command name: the file has no # Command-Name heading")
                return nil
            }
            var document = HelpDocument(name: name, frontMatter: frontMatter)
            if let online = frontMatter.first(where: { $0.key.lowercased() == "online version" })?.value,
                !online.isEmpty
            {
                document.onlineVersion = online
            }

            var seen: Set<String> = []
            while let block = next() {
                guard case .heading(let level, let text, let line) = block else {
                    report(block.line, "Expect Heading")
                    continue
                }
                guard level == 2 else {
                    report(line, "Expect Heading level 2")
                    skipSection()
                    continue
                }
                let section = text.uppercased()
                guard HelpMarkdownParser.sectionNames.contains(section) else {
                    report(line, "Unexpected header name \(text)")
                    skipSection()
                    continue
                }
                if !seen.insert(section).inserted { report(line, "Duplicate section ## \(section)", .warning) }
                switch section {
                case "SYNOPSIS": document.synopsis = simpleText()
                case "DESCRIPTION": document.description = simpleText()
                case "NOTES": document.notes = simpleText()
                case "SYNTAX": skipSection()  // "ignored during maml generation"
                case "EXAMPLES": document.examples = examples()
                case "PARAMETERS": parameters(into: &document)
                case "INPUTS": document.inputs = typeEntries()
                case "OUTPUTS": document.outputs = typeEntries()
                default: document.relatedLinks = relatedLinks()
                }
            }
            for section in HelpMarkdownParser.sectionNames where !seen.contains(section) {
                report(nameLine, "Missing section ## \(section)")
            }
            return document
        }

        /// Skips to the next H2 (or H1) heading.
        mutating func skipSection() {
            while let block = peek() {
                if case .heading(let level, _, _) = block, level <= 2 { return }
                position += 1
            }
        }

        /// `SimpleTextSectionRule`: one paragraph run, or "".
        mutating func simpleText() -> String {
            guard case .text(let text, _) = peek() else { return "" }
            position += 1
            return PlatyPSText.mamlText(text)
        }

        /// `ParagraphOrCodeBlockNodeRule("yaml")`: paragraphs and non-yaml code, joined by a blank line.
        mutating func parameterDescription() -> String {
            var parts: [String] = []
            while let block = peek() {
                if case .text(let text, _) = block {
                    if parameterDescriptions { parts.append(PlatyPSText.mamlText(text)) }
                } else if case .code(let language, let text, _, _) = block, language.lowercased() != "yaml" {
                    if parameterDescriptions { parts.append(text) }
                } else {
                    break
                }
                position += 1
            }
            return parts.joined(separator: "\n\n")
        }

        /// Reports anything up to the next heading of `level` or higher as unexpected.
        mutating func expectHeading(upTo level: Int, in context: String) {
            while let block = peek() {
                if case .heading(let found, _, _) = block, found <= level { return }
                if case .heading(let found, let text, let line) = block {
                    report(line, "Expect Heading level \(level), got level \(found) (\(text)) in \(context)")
                } else {
                    report(block.line, "Unexpected content in \(context)")
                }
                position += 1
            }
        }

        mutating func examples() -> [HelpDocument.Example] {
            var result: [HelpDocument.Example] = []
            expectHeading(upTo: 3, in: "## EXAMPLES")
            while case .heading(3, let title, _) = peek() {
                position += 1
                var example = HelpDocument.Example(title: title)
                example.introduction = simpleText()
                while case .code(_, let text, _, _) = peek() {
                    example.code.append(text)
                    position += 1
                }
                example.remarks = simpleText()
                expectHeading(upTo: 3, in: "example \(title)")
                result.append(example)
            }
            return result
        }

        mutating func typeEntries() -> [HelpDocument.TypeEntry] {
            var result: [HelpDocument.TypeEntry] = []
            expectHeading(upTo: 3, in: "a type list")
            while case .heading(3, let typeName, _) = peek() {
                position += 1
                result.append(HelpDocument.TypeEntry(typeName: typeName, description: simpleText()))
                expectHeading(upTo: 3, in: "type \(typeName)")
            }
            return result
        }

        /// `RelatedLinksRule`: every span must be a link; relative uris become empty.
        mutating func relatedLinks() -> [HelpDocument.Link] {
            guard case .text(let text, let line) = peek() else { return [] }
            position += 1
            var links: [HelpDocument.Link] = []
            for span in PlatyPSText.spans(text) {
                switch span {
                case .link(let linkText, let uri):
                    links.append(HelpDocument.Link(text: linkText, uri: Self.isAbsoluteURI(uri) ? uri : ""))
                case .plain(let value), .emphasis(let value):
                    report(line, "Expect hyperlink, but got \(value)")
                }
            }
            expectHeading(upTo: 2, in: "## RELATED LINKS")
            return links
        }

        /// `Uri.TryCreate(…, UriKind.Absolute, …)`, approximately: `scheme:` then something.
        static func isAbsoluteURI(_ uri: String) -> Bool {
            guard let colon = uri.firstIndex(of: ":"), colon != uri.startIndex else { return false }
            let scheme = uri[..<colon]
            guard let first = scheme.first, first.isASCII, first.isLetter else { return false }
            return scheme.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "+-.".contains($0)) }
                && uri.index(after: colon) < uri.endIndex
        }

        mutating func parameters(into document: inout HelpDocument) {
            expectHeading(upTo: 3, in: "## PARAMETERS")
            while case .heading(3, let heading, let line) = peek() {
                position += 1
                let name = heading.hasPrefix("-") ? String(heading.dropFirst()) : heading
                let description = parameterDescription()
                let folded = name.lowercased()
                if folded == "commonparameters" || folded == "<commonparameters>" {
                    document.supportsCommonParameters = true
                    while case .code = peek() { position += 1 }
                    expectHeading(upTo: 3, in: "### CommonParameters")
                    continue
                }
                if !heading.hasPrefix("-") {
                    report(line, "Parameter heading should start with a dash: ### -\(name)", .warning)
                }
                var parameter = HelpDocument.Parameter(name: name, description: description, line: line)
                var yamlBlocks = 0
                while case .code(let language, let text, let fenceLine, let firstLine) = peek(),
                    language.lowercased() == "yaml"
                {
                    position += 1
                    yamlBlocks += 1
                    let pairs = yamlPairs(text, firstLine: firstLine)
                    if yamlBlocks == 1 {
                        fill(&parameter, from: pairs, line: fenceLine)
                        parameter.setBlocks.append(parameter)
                    } else {
                        // Later blocks describe other parameter sets (their SYNTAX lines).
                        var block = HelpDocument.Parameter(name: name, line: line)
                        fill(&block, from: pairs, line: fenceLine)
                        parameter.setBlocks.append(block)
                        parameter.parameterSets += block.parameterSets.filter { !parameter.parameterSets.contains($0) }
                    }
                }
                if yamlBlocks == 0 {
                    report(line, "Parameter -\(name) has no ```yaml block")
                }
                expectHeading(upTo: 3, in: "### -\(name)")
                if document.parameter(named: name) != nil {
                    report(line, "Parameter -\(name) is documented twice")
                }
                document.parameters.append(parameter)
            }
        }

        /// One `key: value` line of a yaml block: the key lower-cased, the value nil when empty.
        struct YamlPair {
            let key: String
            let value: String?
            let line: Int
        }

        /// `MarkdownParser.ParseYamlKeyValuePairs` + `IsKnownKey`, in line order; where a key comes
        /// twice the later line counts (`pair(_:in:)`). A list, not a dictionary: a block has a
        /// dozen lines, and hashing each key cost more than the rest of the line (issue 14).
        mutating func yamlPairs(_ text: String, firstLine: Int) -> [YamlPair] {
            var pairs: [YamlPair] = []
            for (offset, rawLine) in text.helpLines.enumerated() {
                let line = Self.trimmingWhitespace(rawLine)
                if line.isEmpty { continue }
                let lineNumber = firstLine + offset
                guard let colon = line.utf8.firstIndex(of: UInt8(ascii: ":")) else {
                    report(lineNumber, "Invalid yaml: expected simple key-value pairs")
                    continue
                }
                let key = Self.trimmingWhitespace(line[..<colon])
                let value = Self.trimmingWhitespace(line[line.utf8.index(after: colon)...])
                let folded = key.lowercased()
                guard HelpMarkdownParser.knownYamlKeys.contains(folded) else {
                    report(lineNumber, "Invalid yaml: unknown key \(key)")
                    continue
                }
                pairs.append(YamlPair(key: folded, value: value.isEmpty ? nil : value, line: lineNumber))
            }
            return pairs
        }

        /// The pair of the last line with this (lower-cased) key.
        static func pair(_ key: String, in pairs: [YamlPair]) -> YamlPair? {
            pairs.last { $0.key == key }
        }

        /// `trimmingWhitespace()`, with ASCII white space cut from the bytes first: only text that
        /// then starts or ends outside ASCII (where Unicode white space may be) takes the scalar path.
        static func trimmingWhitespace(_ text: Substring) -> String {
            let bytes = text.utf8
            func isASCIISpace(_ byte: UInt8) -> Bool { byte == 0x20 || (0x09...0x0D).contains(byte) }
            guard let first = bytes.firstIndex(where: { !isASCIISpace($0) }),
                let last = bytes.lastIndex(where: { !isASCIISpace($0) })
            else { return "" }
            guard bytes[first] < 0x80, bytes[last] < 0x80 else { return text.trimmingWhitespace() }
            return String(text[first...last])
        }

        static func splitList(_ value: String) -> [String] {
            value.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingWhitespace() }
        }

        /// `FillUpParameterFromKeyValuePairs`, with diagnostics for values platyPS would misread.
        mutating func fill(_ parameter: inout HelpDocument.Parameter, from pairs: [YamlPair], line: Int) {
            func value(_ key: String) -> String? { Self.pair(key, in: pairs)?.value }
            parameter.type = value("type")
            if parameter.type == nil { report(line, "Parameter -\(parameter.name) has no Type", .warning) }
            parameter.parameterSets = value("parameter sets").map(Self.splitList) ?? ["(All)"]
            parameter.aliases = value("aliases").map(Self.splitList) ?? []
            parameter.acceptedValues = value("accepted values").map(Self.splitList) ?? []
            parameter.isRequired = value("required")?.lowercased() == "true"
            if let required = value("required"), !["true", "false"].contains(required.lowercased()) {
                report(
                    Self.pair("required", in: pairs)?.line ?? line,
                    "Invalid Required value '\(required)' for -\(parameter.name): expected True or False")
            }
            let position = value("position") ?? "named"
            parameter.positionText = position.lowercased()
            if position.lowercased() == "named" {
                parameter.position = .named
            } else if let index = Int(position), index >= 0 {
                parameter.position = .index(index)
            } else {
                report(
                    Self.pair("position", in: pairs)?.line ?? line,
                    "Invalid Position value '\(position)' for -\(parameter.name): expected Named or a 0-based integer")
                parameter.position = .named
            }
            parameter.defaultValue = value("default value")
            parameter.pipelineInput = value("accept pipeline input") ?? "false"
            parameter.acceptsWildcards = value("accept wildcard characters")?.lowercased() == "true"
        }
    }
}

extension Substring {
    fileprivate var trimmingTrailingSpaces: Substring {
        var result = self
        while let last = result.last, last == " " || last == "\t" { result = result.dropLast() }
        return result
    }
}

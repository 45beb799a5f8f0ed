/// PowerShell's `WildcardPattern` with `WildcardOptions.IgnoreCase`: `*`, `?`, `[abc]`, `[a-c]`,
/// and the backtick escape.
///
/// Example: `Get-Help New-AzCognitiveServicesAccountKey -Parameter *Name` matches
/// `ResourceGroupName`, `KeyName` and `Name`: `HelpWildcard("*Name").matches("KeyName")`.
package struct HelpWildcard: Sendable {
    private enum Element {
        case literal(Character)
        case any
        case anySequence
        case set([(Character, Character)])
    }

    private let elements: [Element]

    package init(_ pattern: String) {
        var elements: [Element] = []
        var chars = Array(pattern.lowercased())[...]
        while let character = chars.popFirst() {
            switch character {
            case "`":
                if let escaped = chars.popFirst() { elements.append(.literal(escaped)) }
            case "*": elements.append(.anySequence)
            case "?": elements.append(.any)
            case "[":
                guard let close = chars.firstIndex(of: "]") else {
                    elements.append(.literal("["))
                    continue
                }
                let body = Array(chars[chars.startIndex..<close])
                chars = chars[(close + 1)...]
                var ranges: [(Character, Character)] = []
                var index = 0
                while index < body.count {
                    if index + 2 < body.count, body[index + 1] == "-" {
                        ranges.append((body[index], body[index + 2]))
                        index += 3
                    } else {
                        ranges.append((body[index], body[index]))
                        index += 1
                    }
                }
                elements.append(.set(ranges))
            default: elements.append(.literal(character))
            }
        }
        self.elements = elements
    }

    /// True when the whole of `text` matches, ignoring case.
    package func matches(_ text: String) -> Bool {
        Self.match(elements[...], Array(text.lowercased())[...])
    }

    /// True when `text` has a wildcard character (PowerShell's `ContainsWildcardCharacters`).
    package static func containsWildcards(_ text: String) -> Bool {
        text.contains { "*?[".contains($0) }
    }

    private static func match(_ pattern: ArraySlice<Element>, _ text: ArraySlice<Character>) -> Bool {
        guard let first = pattern.first else { return text.isEmpty }
        let rest = pattern.dropFirst()
        switch first {
        case .anySequence:
            var candidate = text
            while true {
                if match(rest, candidate) { return true }
                guard !candidate.isEmpty else { return false }
                candidate = candidate.dropFirst()
            }
        case .any:
            return !text.isEmpty && match(rest, text.dropFirst())
        case .literal(let expected):
            return text.first == expected && match(rest, text.dropFirst())
        case .set(let ranges):
            guard let character = text.first else { return false }
            return ranges.contains { $0.0 <= character && character <= $0.1 } && match(rest, text.dropFirst())
        }
    }
}

/// One word of the command line after tokenizing, remembering where it was typed.
///
/// Example: `New-AzCognitiveServicesAccountKey -Name:acct rg Key1` gives
/// `.parameter(name: "Name", text: "-Name:", colonValue: .string("acct"))` at index 0,
/// then `.value(.string("rg"))` at 1 and `.value(.string("Key1"))` at 2.
package struct CommandArgument: Sendable, Equatable {
    /// What a colon form (`-Name:value`) carried.
    package enum ColonValue: Sendable, Equatable {
        /// `-Name:value`: the text after the colon.
        case attached(ArgumentValue)
        /// `-Name:` followed by another word, which PowerShell always takes as the value;
        /// `argumentIndex` is that word's index.
        case nextWord(ArgumentValue, argumentIndex: Int)
        /// `-Name:` at the end of the line (or `-Force:$false` after bash expanded `$false`).
        case missing
    }

    package enum Kind: Sendable, Equatable {
        /// A parameter token: `name` without its dash, `text` as typed (`-Name`, `–Force:`).
        case parameter(name: String, text: String, colonValue: ColonValue?)
        /// A value: positional, or the value of the preceding parameter.
        case value(ArgumentValue)
    }

    package let kind: Kind
    /// The word's index in the argument vector (0 = the first argument after the command name).
    package let index: Int

    package init(_ kind: Kind, index: Int) {
        self.kind = kind
        self.index = index
    }
}

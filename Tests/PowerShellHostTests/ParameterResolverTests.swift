import PowerShellHost
import Testing

/// Every row of powershell-semantics.md §1.3 (MergedCommandParameterMetadata.GetMatchingParameter).
struct ParameterResolverTests {
    struct Row: Sendable, CustomTestStringConvertible {
        let typed: String
        let expected: ParameterResolver.Resolution
        var testDescription: String { "-\(typed)" }
    }

    static func found(_ name: String) -> ParameterResolver.Resolution {
        guard let parameter = TestCommand.metadata.parameter(named: name) else { return .notFound }
        return .found(parameter)
    }

    static let rows: [Row] = [
        Row(typed: "D", expected: found("DefaultProfile")),
        Row(typed: "De", expected: found("DefaultProfile")),
        Row(typed: "Def", expected: found("DefaultProfile")),
        Row(typed: "d", expected: found("DefaultProfile")),
        Row(typed: "Deb", expected: found("Debug")),
        Row(typed: "db", expected: found("Debug")),
        Row(typed: "W", expected: .ambiguous(["WarningAction", "WarningVariable", "WhatIf"])),
        Row(typed: "w", expected: .ambiguous(["WarningAction", "WarningVariable", "WhatIf"])),
        Row(typed: "Wa", expected: found("WarningAction")),
        Row(typed: "wa", expected: found("WarningAction")),
        Row(typed: "Wh", expected: found("WhatIf")),
        Row(typed: "wi", expected: found("WhatIf")),
        Row(typed: "C", expected: found("Name")),
        Row(typed: "Co", expected: found("Name")),
        Row(typed: "Cog", expected: found("Name")),
        Row(typed: "Con", expected: found("Confirm")),
        Row(typed: "cf", expected: found("Confirm")),
        Row(typed: "N", expected: found("Name")),
        Row(typed: "K", expected: found("KeyName")),
        Row(typed: "R", expected: found("ResourceGroupName")),
        Row(typed: "F", expected: found("Force")),
        Row(typed: "E", expected: .ambiguous(["ErrorAction", "ErrorVariable"])),
        Row(typed: "I", expected: .ambiguous(["InformationAction", "InformationVariable"])),
        Row(typed: "In", expected: .ambiguous(["InformationAction", "InformationVariable"])),
        Row(typed: "Inf", expected: .ambiguous(["InformationAction", "InformationVariable"])),
        Row(typed: "infa", expected: found("InformationAction")),
        Row(typed: "O", expected: .ambiguous(["OutVariable", "OutBuffer"])),
        Row(typed: "Ou", expected: .ambiguous(["OutVariable", "OutBuffer"])),
        Row(typed: "P", expected: .ambiguous(["ProgressAction", "PipelineVariable"])),
        Row(typed: "Pr", expected: found("ProgressAction")),
        Row(typed: "Pi", expected: found("PipelineVariable")),
        Row(typed: "proga", expected: found("ProgressAction")),
        Row(typed: "V", expected: found("Verbose")),
        Row(typed: "A", expected: .ambiguous(["Name", "DefaultProfile"])),
        Row(typed: "Ac", expected: found("Name")),
        Row(typed: "Az", expected: found("DefaultProfile")),
        Row(typed: "S", expected: .notFound),
        Row(typed: "X", expected: .notFound),
        Row(typed: "Foo", expected: .notFound),
        Row(typed: "Name", expected: found("Name")),
        Row(typed: "NAME", expected: found("Name")),
        Row(typed: "AccountName", expected: found("Name")),
        Row(typed: "ea", expected: found("ErrorAction")),
        Row(typed: "ob", expected: found("OutBuffer")),
    ]

    @Test("§1.3 name resolution", arguments: rows)
    func resolves(_ row: Row) {
        #expect(ParameterResolver(metadata: TestCommand.metadata).resolve(row.typed) == row.expected)
    }

    @Test("§1.2 AmbiguousParameter lists every match with its dash and keeps the typed name")
    func ambiguousMessage() {
        #expect(
            TestCommand.bindingMessage(["-W"])
                == "Parameter cannot be processed because the parameter name 'W' is ambiguous. Possible matches include: -WarningAction -WarningVariable -WhatIf."
        )
        #expect(
            TestCommand.bindingMessage(["-A", "x"])
                == "Parameter cannot be processed because the parameter name 'A' is ambiguous. Possible matches include: -Name -DefaultProfile."
        )
    }

    @Test("§1.1 en dash, em dash and horizontal bar are dashes", arguments: ["\u{2013}", "\u{2014}", "\u{2015}"])
    func unicodeDashes(_ dash: String) throws {
        let bound = try TestCommand.bind(["\(dash)ResourceGroupName", "rg", "\(dash)Name", "acct", "\(dash)K", "Key1"])
        #expect(bound[TestCommand.resourceGroupName] == "rg")
        #expect(bound[TestCommand.name] == "acct")
        #expect(bound["KeyName"]?.value == .enumeration(name: "Key1", value: 0))
    }
}

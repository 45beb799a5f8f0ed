import AzShimSupport
import PowerShellHost
import Testing

/// The host's double-dash options, taken out before PowerShell binding; `-?` comes from the tokenizer.
struct HostOptionsTests {
    struct Row: Sendable, CustomTestStringConvertible {
        let arguments: [String]
        let help: HelpView?
        let remaining: [String]
        var testDescription: String { arguments.joined(separator: " ") }
    }

    @Test(
        "--help and its views",
        arguments: [
            Row(arguments: ["--help"], help: .standard, remaining: []),
            Row(arguments: ["--help", "full"], help: .full, remaining: []),
            Row(arguments: ["--help", "rg"], help: .standard, remaining: ["rg"]),
            Row(arguments: ["--help=Full"], help: .full, remaining: []),
            Row(arguments: ["--help=detailed"], help: .detailed, remaining: []),
            Row(arguments: ["--help=examples"], help: .examples, remaining: []),
            Row(arguments: ["--help=online"], help: .online, remaining: []),
            Row(arguments: ["--help=parameter=KeyName"], help: .parameter("KeyName"), remaining: []),
            Row(arguments: ["--help", "parameter=Key*"], help: .parameter("Key*"), remaining: []),
            Row(arguments: ["rg", "acct", "Key1"], help: nil, remaining: ["rg", "acct", "Key1"]),
            Row(arguments: ["--", "--help"], help: nil, remaining: ["--", "--help"]),
            Row(arguments: ["--foo", "x"], help: nil, remaining: ["--foo", "x"]),
        ])
    func help(_ row: Row) throws {
        let (options, remaining) = try HostOptions.parse(row.arguments)
        #expect(options.help == row.help)
        #expect(remaining == row.remaining)
    }

    @Test("an unknown --help view, --output value or --completion shell is a usage error")
    func usageErrors() {
        #expect(
            throws: HostOptions.UsageError(
                message:
                    "Unknown help view 'bogus'. Use --help, or --help=full, --help=detailed, --help=examples, --help=online, --help=parameter=NAME."
            )
        ) {
            try HostOptions.parse(["--help=bogus"])
        }
        #expect(throws: HostOptions.UsageError(message: "The option --output needs a value.")) {
            try HostOptions.parse(["--output"])
        }
        #expect(throws: HostOptions.UsageError(message: "The option --completion takes bash, zsh or fish, not 'tcsh'."))
        {
            try HostOptions.parse(["--completion", "tcsh"])
        }
    }

    @Test(
        "-? with any dash, anywhere before --, asks for help; after -- it is a value",
        arguments: [
            (["-?"], true), (["rg", "acct", "Key3", "-?"], true), (["-Foo", "\u{2013}?", "-Bar"], true),
            (["--", "-?"], false),
            (["rg", "acct", "Key1"], false),
        ])
    func dashQuestion(_ arguments: [String], _ expected: Bool) {
        #expect(ArgumentTokenizer.tokenize(arguments).helpRequested == expected)
    }

    @Test(
        "the console width: COLUMNS, else the terminal's width",
        arguments: [
            (nil as String?, nil as Int?, nil as Int?), ("120", nil, 120), ("120", 100, 120), (nil, 100, 100),
            ("abc", 90, 90), ("0", nil, nil),
        ])
    func consoleWidth(_ columns: String?, _ terminal: Int?, _ expected: Int?) {
        let io = HostIO(
            environment: columns.map { ["COLUMNS": $0] } ?? [:], standardInput: MemoryByteSource([]),
            standardOutput: MemorySink(), standardError: MemorySink(), terminalColumns: terminal)
        #expect(io.consoleWidth == expected)
    }
}

/// `--include-input` and the host settings from the environment (issue 17).
struct HostOptionsEnvironmentTests {
    @Test("--include-input is a flag, with the JSON view only")
    func includeInput() throws {
        let (options, remaining) = try HostOptions.parse(["rg", "--include-input", "--output", "json"])
        #expect(options.includeInput && options.output == .json && remaining == ["rg"])
        try options.checkCombination()
        #expect(throws: HostOptions.UsageError.self) { try HostOptions.parse(["--include-input=yes"]) }
        var table = options
        table.output = .table
        #expect(throws: HostOptions.UsageError.self) { try table.checkCombination() }
        table.output = nil
        #expect(throws: HostOptions.UsageError.self) { try table.checkCombination() }
    }

    @Test("AZSHIM_OUTPUT fills in --output, never over it; AZSHIM_INCLUDE_INPUT=1 is --include-input")
    func environment() throws {
        let fromEnvironment = try HostOptions().applyingEnvironment([
            "AZSHIM_OUTPUT": "List", "AZSHIM_INCLUDE_INPUT": "1",
        ])
        #expect(fromEnvironment.output == .list && fromEnvironment.includeInput)
        var given = HostOptions()
        given.output = .json
        #expect(try given.applyingEnvironment(["AZSHIM_OUTPUT": "table"]).output == .json)
        #expect(
            try HostOptions().applyingEnvironment(["AZSHIM_OUTPUT": "", "AZSHIM_INCLUDE_INPUT": "0"]) == HostOptions())
    }

    @Test("a bad value names the variable and what it accepts, even when the option overrides it")
    func badValues() {
        var given = HostOptions()
        given.output = .json
        #expect(
            throws: HostOptions.UsageError(message: "AZSHIM_OUTPUT 'xml' is not valid: expected table, list or json.")
        ) {
            try given.applyingEnvironment(["AZSHIM_OUTPUT": "xml"])
        }
        #expect(
            throws: HostOptions.UsageError(
                message: "AZSHIM_INCLUDE_INPUT 'true' is not valid: expected 1 (on) or 0 (off).")
        ) {
            try HostOptions().applyingEnvironment(["AZSHIM_INCLUDE_INPUT": "true"])
        }
        #expect(
            throws: HostOptions.UsageError(message: "AZSHIM_OUTPUT '^[[2J' is not valid: expected table, list or json.")
        ) {
            try HostOptions().applyingEnvironment(["AZSHIM_OUTPUT": "\u{1B}[2J"])
        }
    }
}

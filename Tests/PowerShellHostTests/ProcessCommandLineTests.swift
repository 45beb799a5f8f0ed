import PowerShellHost
import Testing

/// The fail-closed decision on the command line (issue 20): the argv captured before `main`
/// wins, `/proc/self/cmdline` (Swift's `CommandLine.arguments`) must agree when it has anything,
/// and a command line without a program name is never run.
@Suite struct ProcessCommandLineTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let label: String
        let captured: [String]?
        let runtime: [String]
        let expected: Result<ProcessCommandLine, ProcessCommandLine.Failure>
        var testDescription: String { label }
    }

    static let program = "/opt/New-AzCognitiveServicesAccountKey"

    @Test(arguments: [
        Case(
            label: "no /proc: the captured argv is the command line", captured: [program, "-WhatIf"], runtime: [],
            expected: .success(ProcessCommandLine(programName: program, arguments: ["-WhatIf"]))),
        Case(
            label: "both sources agree", captured: [program, "rg", "", "Key1"], runtime: [program, "rg", "", "Key1"],
            expected: .success(ProcessCommandLine(programName: program, arguments: ["rg", "", "Key1"]))),
        Case(
            label: "a C library that passes no argv to initializers: /proc's command line", captured: nil,
            runtime: ["azshim", "--version"],
            expected: .success(ProcessCommandLine(programName: "azshim", arguments: ["--version"]))),
        Case(
            label: "nothing from either source", captured: nil, runtime: [], expected: .failure(.programNameMissing)),
        Case(label: "argc == 0 and no /proc", captured: [], runtime: [], expected: .failure(.programNameMissing)),
        Case(
            label: "an empty argv[0] (Linux's stand-in for argc == 0)", captured: [""], runtime: [],
            expected: .failure(.programNameMissing)),
        Case(
            label: "an empty argv[0] from /proc alone", captured: nil, runtime: ["", "-WhatIf"],
            expected: .failure(.programNameMissing)),
        Case(
            label: "the sources disagree on a word", captured: [program, "-WhatIf"], runtime: [program, "-Force"],
            expected: .failure(.sourcesDisagree(captured: 2, procfs: 2))),
        Case(
            label: "/proc has fewer words", captured: [program, "rg", "acct", "Key1", "-WhatIf"],
            runtime: [program, "rg", "acct", "Key1"], expected: .failure(.sourcesDisagree(captured: 5, procfs: 4))),
        Case(
            label: "argc == 0 but /proc has a command line", captured: [], runtime: [program],
            expected: .failure(.sourcesDisagree(captured: 0, procfs: 1))),
    ])
    func resolve(_ testCase: Case) {
        let result = Result { () throws(ProcessCommandLine.Failure) in
            try ProcessCommandLine.resolve(captured: testCase.captured, runtime: testCase.runtime)
        }
        #expect(result == testCase.expected)
    }

    @Test("the failure says what happened and that /proc may be missing, in one line, without the arguments")
    func messages() {
        let missing = ProcessCommandLine.Failure.programNameMissing.message
        #expect(
            missing
                == "azshim: the command line cannot be read: the program name (argv[0]) is missing and /proc/self/cmdline gave nothing (/proc may not be mounted). Nothing was run."
        )
        let disagree = ProcessCommandLine.Failure.sourcesDisagree(captured: 2, procfs: 1).message
        #expect(
            disagree
                == "azshim: the command line cannot be read: the 2 words passed to the program differ from the 1 in /proc/self/cmdline (/proc may be missing or not this process's). Nothing was run."
        )
        #expect(!missing.contains("\n") && !disagree.contains("\n"))
    }

    @Test(
        "the invoked name is the last path component",
        arguments: [
            ("/usr/local/bin/Get-Help", "Get-Help"), ("azshim", "azshim"), ("./bin/azshim", "azshim"), ("/", ""),
        ])
    func invokedName(_ programName: String, _ expected: String) {
        #expect(ProcessCommandLine(programName: programName, arguments: []).invokedName == expected)
    }
}

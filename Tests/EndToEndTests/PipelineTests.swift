import AzShimSupport
import AzureCognitiveServices
import Foundation
import PowerShellHost
import Testing

/// Pipeline input: JSON values on stdin bound by property name, one at a time
/// (powershell-semantics.md §5.1, §6, §7.3).
struct PipelineTests {
    static let prefix = "New-AzCognitiveServicesAccountKey: "
    static let notBound =
        "The input object cannot be bound to any parameters for the command either because the command does not take pipeline input or the input and its properties do not match any of the parameters that take pipeline input."
    static let missingKeyName =
        "The input object cannot be bound because it did not contain the information required to bind all mandatory parameters:  KeyName"

    struct Outcome: Sendable, CustomTestStringConvertible {
        let input: String
        let arguments: [String]
        let stderr: String
        var testDescription: String { input }
    }

    static let outcomes: [Outcome] = [
        Outcome(input: "\"x\"\n", arguments: [], stderr: notBound),
        Outcome(input: "42\n", arguments: [], stderr: notBound),
        Outcome(input: "null\n", arguments: [], stderr: notBound),
        Outcome(input: "true\n", arguments: [], stderr: notBound),
        Outcome(input: "{}\n", arguments: [], stderr: notBound),
        Outcome(input: "{\"Other\":1}\n", arguments: [], stderr: notBound),
        Outcome(
            input: "{\"ResourceGroupName\":\"rg\",\"AccountName\":\"acct\"}\n", arguments: [], stderr: missingKeyName),
        Outcome(
            input: "{\"ResourceGroupName\":\"rg\",\"Name\":\"acct\",\"KeyName\":\"Key3\"}\n", arguments: [],
            stderr: missingKeyName),
        Outcome(
            input: "{\"ResourceGroupName\":\"rg\",\"Name\":\"acct\",\"KeyName\":[1,2]}\n", arguments: [],
            stderr: missingKeyName),
        Outcome(
            input: "{\"ResourceGroupName\":\"rg\"}\n", arguments: [],
            stderr:
                "The input object cannot be bound because it did not contain the information required to bind all mandatory parameters:  Name KeyName"
        ),
        Outcome(
            input: "{\"Name\":\"acct\",\"KeyName\":\"Key1\"}\n", arguments: [],
            stderr:
                "The input object cannot be bound because it did not contain the information required to bind all mandatory parameters:  ResourceGroupName"
        ),
        Outcome(
            input: "{\"ResourceGroupName\":\"\",\"Name\":\"acct\"}\n", arguments: ["-KeyName", "Key1"],
            stderr:
                "Cannot validate argument on parameter 'ResourceGroupName'. The argument is null or empty. Provide an argument that is not null or empty, and then try the command again."
        ),
        Outcome(
            input: "{\"ResourceGroupName\":null,\"Name\":\"acct\"}\n", arguments: ["-KeyName", "Key1"],
            stderr:
                "Cannot validate argument on parameter 'ResourceGroupName'. The argument is null or empty. Provide an argument that is not null or empty, and then try the command again."
        ),
        Outcome(
            input: "{\"ResourceGroupName\":\"rg\",\"Name\":\"acct\",\"KeyName\":null}\n", arguments: [],
            stderr: "Cannot bind argument to parameter 'KeyName' because it is null."),
        // Properties of parameters bound on the command line are ignored: nothing to bind (§6).
        Outcome(
            input: "{\"ResourceGroupName\":\"rg\"}\n", arguments: ["-ResourceGroupName", "x", "-Name", "acct"],
            stderr: notBound),
        Outcome(input: "{\"x\":\n", arguments: [], stderr: "unexpected end of input inside a value started at line 1"),
        Outcome(
            input: "{oops}\n", arguments: [],
            stderr: "malformed JSON at line 1, column 2: expected a string property name"),
    ]

    @Test("each failed object writes its own non-terminating error and produces no row", arguments: outcomes)
    func outcome(_ row: Outcome) {
        let harness = Harness()
        defer { harness.remove() }
        let result = harness.run(row.arguments, stdin: row.input)
        #expect(result.stdout == "")
        #expect(result.stderr == Self.prefix + row.stderr + "\n")
        #expect(result.status == 1)
    }

    @Test("issue 17: a line cut short does not swallow the good lines after it; the error names both places")
    func cutShortLine() throws {
        let harness = Harness()
        defer { harness.remove() }
        let input = """
            {"ResourceGroupName":"rg","Name":"first","KeyName":"Key1"}
            {"ResourceGroupName":"rg","Name":[
            {"ResourceGroupName":"rg","Name":"second","KeyName":"Key1"}
            {"ResourceGroupName":"rg","Name":"third","KeyName":"Key1"}

            """
        let result = harness.run([], stdin: input)
        let keys = try ["first", "second", "third"].map { try #require(harness.storedKeys(account: $0)) }
        #expect(
            result.stdout
                == "\nKey1                             Key2\n----                             ----\n"
                + keys.map { "\($0.0) \($0.1)\n" }.joined() + "\n")
        #expect(
            result.stderr
                == Self.prefix
                + "malformed JSON at line 4, column 1: expected ',' or ']' after an array element (the value began at line 2, column 1)\n"
        )
        #expect(result.status == 1)
    }

    @Test("a mixed stream: exactly the valid objects produce rows, in order, and each bad one its own error")
    func mixedStream() throws {
        let harness = Harness()
        defer { harness.remove() }
        let input = """
            {"ResourceGroupName":"rg","Name":"first","KeyName":"Key1"}
            {"ResourceGroupName":"rg", oops}
            "x"
            {"ResourceGroupName":"rg","Name":"nokey"}
            {"ResourceGroupName":"","Name":"empty","KeyName":"Key1"}
            {"ResourceGroupName":"rg","Name":"last","KeyName":1}

            """
        let result = harness.run([], stdin: input)
        let first = try #require(harness.storedKeys(account: "first"))
        let last = try #require(harness.storedKeys(account: "last"))
        #expect(
            result.stdout
                == "\nKey1                             Key2\n----                             ----\n\(first.0) \(first.1)\n\(last.0) \(last.1)\n\n"
        )
        #expect(
            result.stderr
                == [
                    "malformed JSON at line 2, column 28: expected a string property name", Self.notBound,
                    "The input object cannot be bound because it did not contain the information required to bind all mandatory parameters:  KeyName",
                    "Cannot validate argument on parameter 'ResourceGroupName'. The argument is null or empty. Provide an argument that is not null or empty, and then try the command again.",
                ].map { Self.prefix + $0 + "\n" }.joined())
        #expect(result.status == 1)
        #expect(harness.storedKeys(account: "nokey") == nil && harness.storedKeys(account: "empty") == nil)
    }

    @Test("properties bind case-insensitively, by alias in order; command-line values are never re-bound")
    func bindingByPropertyName() throws {
        let harness = Harness()
        defer { harness.remove() }
        let input = """
            {"resourcegroupname":"rg","ACCOUNTNAME":"one"}
            {"RESOURCEGROUPNAME":"rg","CognitiveServicesAccountName":"two","AccountName":"ignored","KeyName":"Key1"}
            [{"ResourceGroupName":"rg","name":"three"},{"ResourceGroupName":"rg","Name":"four"}]

            """
        let result = harness.run(["-KeyName", "Key2", "--output", "json"], stdin: input)
        #expect(result.stderr == "")
        #expect(result.status == 0)
        let accounts = ["one", "two", "three", "four"]
        let lines = result.stdout.split(separator: "\n").map(String.init)
        let expected = try accounts.map { account in
            let keys = try #require(harness.storedKeys(account: account))
            return "{\"Key1\":\"\(keys.0)\",\"Key2\":\"\(keys.1)\"}"
        }
        #expect(lines == expected)
        #expect(harness.storedKeys(account: "ignored") == nil)
    }

    @Test("pretty-printed values and several values on one line are objects too")
    func inputForms() {
        let harness = Harness()
        defer { harness.remove() }
        let input =
            "\u{FEFF}{\n  \"ResourceGroupName\": \"rg\",\n  \"Name\": \"aa\"\n} {\"ResourceGroupName\":\"rg\",\"Name\":\"bb\"}\n"
        let result = harness.run(["-KeyName", "Key1", "--output", "json"], stdin: input)
        #expect(result.stdout.split(separator: "\n").count == 2)
        #expect(result.status == 0)
    }

    struct ActionCase: Sendable, CustomTestStringConvertible {
        let action: String
        let shown: Bool
        let rows: Int
        var testDescription: String { action }
    }

    @Test(
        "per-object errors obey -ErrorAction; the exit status is 1 even when they are hidden (§7.3)",
        arguments: [
            ActionCase(action: "Continue", shown: true, rows: 2),
            ActionCase(action: "SilentlyContinue", shown: false, rows: 2),
            ActionCase(action: "Ignore", shown: false, rows: 2), ActionCase(action: "Stop", shown: true, rows: 1),
        ])
    func errorAction(_ row: ActionCase) {
        let harness = Harness()
        defer { harness.remove() }
        let input = """
            {"ResourceGroupName":"rg","Name":"aa"}
            "x"
            {"ResourceGroupName":"rg","Name":"bb"}

            """
        let result = harness.run(["-KeyName", "Key1", "-ErrorAction", row.action, "--output", "json"], stdin: input)
        #expect(result.stdout.split(separator: "\n").count == row.rows)
        #expect(result.stderr == (row.shown ? Self.prefix + Self.notBound + "\n" : ""))
        #expect(result.status == 1)
    }

    @Test("one table for all objects, with one header")
    func oneTable() {
        let harness = Harness()
        defer { harness.remove() }
        let input = (1...5).map { "{\"ResourceGroupName\":\"rg\",\"Name\":\"acct\($0)\"}" }.joined(separator: "\n")
        let result = harness.run(["-KeyName", "Key1"], stdin: input)
        let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 10)
        #expect(lines.filter { $0.hasPrefix("Key1") }.count == 1)
    }

    @Test("-WhatIf over a pipeline: one What-if line per object and nothing changed")
    func whatIfPipeline() {
        let harness = Harness()
        defer { harness.remove() }
        let input = "{\"ResourceGroupName\":\"rg\",\"Name\":\"aa\"}\n{\"ResourceGroupName\":\"rg\",\"Name\":\"bb\"}\n"
        let result = harness.run(["-KeyName", "Key2", "-WhatIf"], stdin: input)
        #expect(
            result.stderr
                == "What if: Performing the operation \"Regenerating Key Key2 for account aa.\" on target \"aa\".\nWhat if: Performing the operation \"Regenerating Key Key2 for account bb.\" on target \"bb\".\n"
        )
        #expect(result.stdout == "")
        #expect(!FileManager.default.fileExists(atPath: harness.stateFile))
    }

    @Test(
        "a progress line on a terminal's stderr, erased at the end and before other lines; none with -ProgressAction SilentlyContinue"
    )
    func progress() {
        let harness = Harness()
        defer { harness.remove() }
        let input = "{\"ResourceGroupName\":\"rg\",\"Name\":\"aa\"}\n\"x\"\n"
        let stderr = MemorySink()
        func run(_ extra: [String]) -> String {
            let io = HostIO(
                environment: harness.environment, standardInput: MemoryByteSource(Array(input.utf8)),
                standardOutput: MemorySink(), standardError: stderr, standardErrorIsTerminal: true)
            let start = stderr.text.count
            _ = CommandHost.run(
                NewAzCognitiveServicesAccountKey.definition, arguments: ["-KeyName", "Key1"] + extra, io: io)
            return String(stderr.text.dropFirst(start))
        }
        let shown = run([])
        #expect(
            shown
                == "\r\u{1B}[KNew-AzCognitiveServicesAccountKey: 1 objects processed; current: rg/aa\r\u{1B}[K\u{1B}[31;1mNew-AzCognitiveServicesAccountKey: \u{1B}[31;1m\(Self.notBound)\u{1B}[0m\n"
        )
        #expect(!run(["-ProgressAction", "SilentlyContinue"]).contains("processed"))
    }
}

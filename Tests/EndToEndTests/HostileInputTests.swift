import AzShimSupport
import AzureCognitiveServices
import Foundation
import PowerShellHost
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Hostile input on every door: raw argv bytes, huge and numerous arguments, control
/// characters and ANSI escapes in every message that echoes input, and pipeline streams that
/// are too big, too deep, endless, binary or cut off. Nothing crashes, hangs or grows without
/// bound; every echo of input is escaped.
@Suite(.serialized)
struct HostileInputTests {
    /// Runs the binary with raw argument bytes and `stdin` from a file; fails on a signal.
    static func runRaw(
        _ arguments: [[UInt8]], stdin: [UInt8]? = nil, harness: Harness,
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> RawProcess.End {
        var stdinPath = "/dev/null"
        if let stdin {
            stdinPath = harness.folder + "/stdin-\(UUID().uuidString)"
            try Data(stdin).write(to: URL(fileURLWithPath: stdinPath))
        }
        let process = try RawProcess(
            arguments: arguments, environment: harness.environment, stdinPath: stdinPath, folder: harness.folder)
        let end = process.wait()
        #expect(end.signal == nil, "the binary died of signal \(end.signal ?? 0)", sourceLocation: sourceLocation)
        return end
    }

    // MARK: arguments

    @Test("invalid UTF-8 in argv: values and parameter names give PowerShell's errors, never a crash")
    func invalidUTF8Arguments() throws {
        let harness = Harness()
        defer { harness.remove() }
        let bad: [UInt8] = [0xFF, 0xC3, 0x28, 0xE2, 0x82]
        let name = try Self.runRaw([Array("-Foo".utf8) + bad], harness: harness)
        #expect(name.status == 1)
        #expect(
            name.stderrText.hasPrefix(
                "New-AzCognitiveServicesAccountKey: A parameter cannot be found that matches parameter name 'Foo"))
        #expect(String(validating: name.stderr, as: UTF8.self) != nil)
        let keyName = try Self.runRaw(
            [Array("rg".utf8), Array("acct".utf8), Array("Key".utf8) + bad], harness: harness)
        #expect(keyName.status == 1)
        #expect(keyName.stderrText.contains("Cannot bind parameter 'KeyName'"))
        #expect(harness.storedKeys(account: "acct") == nil)
        // An account name of invalid UTF-8 is repaired (U+FFFD), as any Swift program reads argv;
        // the repaired name fails Az's account-name pattern before any request, so nothing is stored.
        let account = try Self.runRaw(
            [Array("rg".utf8), bad, Array("Key1".utf8), Array("--output".utf8), Array("json".utf8)], harness: harness)
        #expect(account.status == 1)
        #expect(
            account.stderrText
                == "New-AzCognitiveServicesAccountKey: 'accountName' does not match expected pattern '^[a-zA-Z0-9][a-zA-Z0-9_.-]*$'.\n"
        )
        #expect(account.stdout.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: harness.stateFile))
    }

    @Test("a 1 MB argument: bound or refused with a message, in-process (argv itself caps one word at 128 KiB)")
    func megabyteArgument() {
        let harness = Harness()
        defer { harness.remove() }
        let huge = String(repeating: "a", count: 1 << 20)
        let asKeyName = harness.run(["rg", "acct", huge])
        #expect(asKeyName.status == 1)
        #expect(asKeyName.stderr.contains("Cannot bind parameter 'KeyName'"))
        let asParameter = harness.run(["-" + huge])
        #expect(asParameter.status == 1)
        #expect(asParameter.stderr.hasPrefix("New-AzCognitiveServicesAccountKey: A parameter cannot be found"))
        // A name of 1 MB letters fits Az's pattern but not its length limit (64): refused before any request.
        let asName = harness.run(["rg", huge, "Key1", "--output", "json"])
        #expect(asName.status == 1)
        #expect(asName.stderr == "New-AzCognitiveServicesAccountKey: 'accountName' exceeds maximum length of '64'.\n")
        #expect(asName.stdout == "")
        #expect(!FileManager.default.fileExists(atPath: harness.stateFile))
    }

    @Test("10,000 arguments: one PowerShell error, found quickly, as in-process and as the binary")
    func tenThousandArguments() throws {
        let harness = Harness()
        defer { harness.remove() }
        let words = ["rg", "acct", "Key1"] + (0..<10_000).map { "extra\($0)" }
        let start = Date()
        let result = harness.run(words)
        // A generous bound (the run takes milliseconds): it catches a binder that is quadratic in the words.
        #expect(Date().timeIntervalSince(start) < 20)
        #expect(result.status == 1)
        #expect(
            result.stderr
                == "New-AzCognitiveServicesAccountKey: A positional parameter cannot be found that accepts argument 'extra0'.\n"
        )
        let named = harness.run((0..<5_000).flatMap { ["-Name", "n\($0)"] })
        #expect(named.status == 1)
        #expect(named.stderr.contains("Cannot bind parameter because parameter 'Name' is specified more than once."))
        let binary = try Self.runRaw(words.map { Array($0.utf8) }, harness: harness)
        #expect(binary.status == 1)
        #expect(binary.stderrText == result.stderr)
        #expect(harness.storedKeys(account: "acct") == nil)
    }

    /// One way user input comes back in a message.
    struct EchoCase: CustomTestStringConvertible, Sendable {
        let label: String
        let arguments: [String]
        var stdin: String?
        var confirm = false
        /// Text that proves the run reached the path under test.
        var shows: String
        var echoes = true
        var testDescription: String { label }
    }

    static let escape = "\u{1B}[2J\u{1B}]0;owned\u{07}\u{9B}31m"
    static let jsonEscape = "\\u001b[2J\\u001b]0;owned\\u0007\\u009b31m"

    static let echoCases: [EchoCase] = [
        EchoCase(label: "unknown parameter", arguments: ["-Fo" + escape], shows: "matches parameter name 'Fo^["),
        EchoCase(
            label: "KeyName conversion", arguments: ["rg", "acct", "Key" + escape],
            shows: "Cannot convert value \"Key^["),
        EchoCase(
            label: "positional leftover", arguments: ["rg", "acct", "Key1", escape], shows: "accepts argument '^["),
        EchoCase(
            label: "ErrorAction value", arguments: ["rg", "acct", "Key1", "-ErrorAction", escape],
            shows: "Cannot convert value \"^["),
        EchoCase(
            label: "OutVariable name", arguments: ["rg", "acct", "Key1", "-OutVariable", "env:" + escape],
            shows: "env:^["),
        EchoCase(label: "What-if line", arguments: ["rg", "acct" + escape, "Key1", "-WhatIf"], shows: "What if: "),
        EchoCase(
            label: "What-if -Force warning", arguments: ["rg", "acct" + escape, "Key1", "-WhatIf", "-Force"],
            shows: "WARNING: "),
        EchoCase(
            label: "Verbose operation line", arguments: ["rg", "acct" + escape, "Key1", "-Verbose", "-Debug"],
            shows: "VERBOSE: Performing"),
        EchoCase(
            label: "validation error", arguments: ["rg", "acct" + escape, "Key1"], shows: "'accountName' does not match"
        ),
        EchoCase(
            label: "pipeline What-if line", arguments: ["-KeyName", "Key1", "-WhatIf"],
            stdin: "{\"ResourceGroupName\":\"rg\",\"Name\":\"acct\(jsonEscape)\"}\n", shows: "What if: "),
        // The JSON error names a line and column and does not quote the input.
        EchoCase(
            label: "pipeline JSON error", arguments: ["-KeyName", "Key1"], stdin: "{\"ResourceGroupName\":\u{1B}[2J}\n",
            shows: "malformed JSON", echoes: false),
        EchoCase(
            label: "Confirm prompt", arguments: ["rg", "acct" + escape, "Key1", "-Confirm"], confirm: true,
            shows: "Are you sure"),
        EchoCase(
            label: "ErrorAction Inquire prompt", arguments: ["rg", "acct" + escape, "Key1", "-ErrorAction", "Inquire"],
            confirm: true, shows: "[H] Halt Command"),
    ]

    @Test(
        "control characters and ANSI escapes in input are shown escaped, never sent raw to a terminal",
        arguments: echoCases)
    func controlCharactersAreEscaped(_ row: EchoCase) {
        let harness = Harness()
        defer { harness.remove() }
        let terminal = row.confirm ? ScriptedTerminal(answers: ["N", "H"]) : nil
        let result = harness.run(row.arguments, stdin: row.stdin, terminal: terminal)
        let shown = result.stderr + (terminal?.transcript ?? "")
        #expect(
            !shown.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 || $0.value == 0x9B },
            "\(shown.debugDescription)")
        #expect(shown.contains(row.shows), "\(shown.debugDescription)")
        #expect(!row.echoes || shown.contains("^["), "the input was not echoed at all: \(shown.debugDescription)")
    }

    @Test("the progress line on a terminal stderr escapes the account name")
    func progressLineEscapes() {
        let harness = Harness()
        defer { harness.remove() }
        let stdout = MemorySink()
        let stderr = MemorySink()
        let input = "{\"ResourceGroupName\":\"rg\",\"Name\":\"acct\(Self.jsonEscape)\"}\n"
        let io = HostIO(
            environment: harness.environment.merging(["NO_COLOR": "1"]) { $1 },
            standardInput: MemoryByteSource(Array(input.utf8)),
            standardOutput: stdout, standardError: stderr, standardErrorIsTerminal: true)
        let status = CommandHost.run(
            NewAzCognitiveServicesAccountKey.definition, arguments: ["-KeyName", "Key1"], io: io)
        #expect(status == 1)  // the name fails ARM's pattern check after the progress line showed it
        #expect(stderr.text.contains("^[[2J"), "\(stderr.text.debugDescription)")
        // The progress line's own `ESC[K` clears are the only escapes.
        #expect(
            stderr.text.replacingOccurrences(of: "\u{1B}[K", with: "").unicodeScalars.allSatisfy {
                $0.value != 0x1B && $0.value != 0x9B
            })
    }

    @Test("a mandatory-parameter prompt quotes a bad prompt command escaped")
    func mandatoryPromptEscapes() {
        let harness = Harness()
        defer { harness.remove() }
        let terminal = ScriptedTerminal(answers: ["!\u{1B}[2Jx", "rg", "acct", "Key1"])
        let result = harness.run([], terminal: terminal)
        #expect(result.status == 0)
        #expect(
            terminal.transcript.contains("\"!^[[2Jx\" cannot be recognized as a valid Prompt command."),
            "\(terminal.transcript.debugDescription)")
    }

    // MARK: pipeline

    /// Writes `chunk` `times` times then `tail` into a file (no giant string in memory).
    static func streamFile(_ harness: Harness, head: String = "", chunk: String, times: Int, tail: String) throws
        -> String
    {
        let path = harness.folder + "/stream-\(UUID().uuidString)"
        _ = FileManager.default.createFile(atPath: path, contents: nil)
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        handle.write(Data(head.utf8))
        let block = Data(chunk.utf8)
        for _ in 0..<times { handle.write(block) }
        handle.write(Data(tail.utf8))
        try handle.close()
        return path
    }

    static func runStream(_ harness: Harness, path: String) throws -> RawProcess.End {
        let process = try RawProcess(
            arguments: ["-KeyName", "Key1", "--output", "json"].map { Array($0.utf8) },
            environment: harness.environment,
            stdinPath: path, folder: harness.folder)
        let end = process.wait()
        #expect(end.signal == nil)
        #expect(end.peakMemory > 1 << 20, "the memory sampler saw nothing")
        return end
    }

    static let good = "{\"ResourceGroupName\":\"rg\",\"Name\":\"after\"}\n"

    @Test("a 100 MB value is refused at 16 MiB in bounded memory, and the next line still runs")
    func oversizedValue() throws {
        let harness = Harness()
        defer { harness.remove() }
        let path = try Self.streamFile(
            harness, head: "{\"Name\":\"", chunk: String(repeating: "x", count: 1 << 20), times: 100,
            tail: "\"}\n" + Self.good)
        let end = try Self.runStream(harness, path: path)
        #expect(end.status == 1)
        #expect(
            end.stderrText.contains("16 MiB") || end.stderrText.contains("16777216"), "\(end.stderrText.prefix(500))")
        #expect(end.stderrText.count < 2000)
        #expect(end.stdoutText.split(separator: "\n").count == 1)
        #expect(harness.storedKeys(account: "after") != nil)
        #expect(end.peakMemory < 80 << 20, "peak memory \(end.peakMemory >> 20) MiB")
    }

    @Test("a never-ending line (200 MB without a newline) ends in an error, in bounded memory", arguments: ["x", " "])
    func neverEndingLine(_ filler: String) throws {
        let harness = Harness()
        defer { harness.remove() }
        let head = filler == " " ? Self.good : "{\"Name\":\""
        let path = try Self.streamFile(
            harness, head: head, chunk: String(repeating: filler, count: 1 << 20), times: 200, tail: "")
        let end = try Self.runStream(harness, path: path)
        #expect(end.peakMemory < 80 << 20, "peak memory \(end.peakMemory >> 20) MiB")
        if filler == " " {
            #expect(end.status == 0)
            #expect(harness.storedKeys(account: "after") != nil)
        } else {
            #expect(end.status == 1)
            #expect(end.stderrText.count < 2000)
        }
    }

    @Test(
        "100,000 levels of nesting are an error, not a stack overflow; the next line runs", arguments: ["[", "{\"a\":"])
    func deepNesting(_ opener: String) throws {
        let harness = Harness()
        defer { harness.remove() }
        let closer = opener == "[" ? "]" : "}"
        let path = try Self.streamFile(
            harness, chunk: opener, times: 100_000, tail: String(repeating: closer, count: 100_000) + "\n" + Self.good)
        let end = try Self.runStream(harness, path: path)
        #expect(end.status == 1)
        #expect(
            end.stderrText.lowercased().contains("nest") || end.stderrText.lowercased().contains("deep"),
            "\(end.stderrText.prefix(300))")
        #expect(harness.storedKeys(account: "after") != nil)
    }

    @Test("NUL bytes in the stream are an error for their line only; the stream goes on")
    func nulBytes() throws {
        let harness = Harness()
        defer { harness.remove() }
        let input =
            Array("{\"ResourceGroupName\":\"rg\",\"Name\":\"a".utf8) + [0] + Array("b\"}\n".utf8) + [0, 0, 10]
            + Array(Self.good.utf8)
        let end = try Self.runRaw(
            ["-KeyName", "Key1", "--output", "json"].map { Array($0.utf8) }, stdin: input, harness: harness)
        #expect(end.status == 1)
        #expect(!end.stderr.contains(0))
        #expect(end.stdoutText.split(separator: "\n").count == 1)
        #expect(harness.storedKeys(account: "after") != nil)
        #expect(harness.storedKeys(account: "ab") == nil)
    }

    @Test("a stream that stops mid-value: the values before it run, then an error naming the line")
    func streamStopsMidValue() throws {
        let harness = Harness()
        defer { harness.remove() }
        let input = Self.good + "{\"ResourceGroupName\":\"rg\",\"Na"
        let end = try Self.runRaw(
            ["-KeyName", "Key1", "--output", "json"].map { Array($0.utf8) }, stdin: Array(input.utf8), harness: harness)
        #expect(end.status == 1)
        #expect(end.stdoutText.split(separator: "\n").count == 1)
        #expect(end.stderrText.contains("line 2"), "\(end.stderrText)")
        #expect(harness.storedKeys(account: "after") != nil)
    }
}

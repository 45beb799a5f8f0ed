import AzShimSupport
import AzureCognitiveServices
import Foundation
import PowerShellHost
import TestSupport
import Testing

/// The dispatcher (issue 12, section 1): the invoked name or, under any other name, the first
/// argument chooses the cmdlet; nothing is ever guessed, and an unknown name runs nothing.
@Suite(.serialized)
struct DispatcherTests {
    // MARK: The decision

    struct Case: Sendable, CustomTestStringConvertible {
        let argv: [String]
        let expected: Invocation
        var testDescription: String { argv.joined(separator: " ") }
    }

    static let new = NewAzCognitiveServicesAccountKey.definition
    static let get = GetAzCognitiveServicesAccountKey.definition

    @Test(arguments: [
        // Invoked as a cmdlet's name, or as Get-Help: as before.
        Case(argv: ["New-AzCognitiveServicesAccountKey", "rg"], expected: .cmdlet(new, arguments: ["rg"])),
        Case(
            argv: ["/usr/local/bin/new-azcognitiveservicesaccountkey.EXE", "rg"],
            expected: .cmdlet(new, arguments: ["rg"])),
        Case(argv: ["GET-AZCOGNITIVESERVICESACCOUNTKEY"], expected: .cmdlet(get, arguments: [])),
        Case(
            argv: ["/opt/bin/Get-Help", "New-AzCognitiveServicesAccountKey"],
            expected: .help(arguments: ["New-AzCognitiveServicesAccountKey"])),
        Case(argv: ["get-help.exe", "-?"], expected: .help(arguments: ["-?"])),
        Case(argv: ["Get-Help"], expected: .help(arguments: [])),
        // Any other name: a multi-call binary.
        Case(argv: ["azshim"], expected: .list),
        Case(argv: ["./azshim", "--help"], expected: .list),
        Case(argv: ["azshim", "-?"], expected: .list),
        Case(
            argv: ["azshim", "--help", "New-AzCognitiveServicesAccountKey"],
            expected: .help(arguments: ["New-AzCognitiveServicesAccountKey"])),
        Case(argv: ["azshim", "--version"], expected: .version),
        Case(
            argv: ["azshim", "new-azcognitiveservicesaccountkey", "rg", "acct", "Key1"],
            expected: .cmdlet(new, arguments: ["rg", "acct", "Key1"])),
        Case(
            argv: ["azshim", "Get-AzCognitiveServicesAccountKey", "rg", "acct"],
            expected: .cmdlet(get, arguments: ["rg", "acct"])),
        Case(
            argv: ["azshim", "GET-HELP", "Get-AzCognitiveServicesAccountKey"],
            expected: .help(arguments: ["Get-AzCognitiveServicesAccountKey"])),
        Case(
            argv: ["azshim.exe", "New-AzCognitiveServicesAccountKey", "-?"], expected: .cmdlet(new, arguments: ["-?"])),
        Case(argv: ["azshim", "--completion", "bash"], expected: .completion(.bash)),
        Case(argv: ["azshim", "--completion=ZSH"], expected: .completion(.zsh)),
        Case(
            argv: ["azshim", "--completion", "tcsh"],
            expected: .usageError(message: "The option --completion takes bash, zsh or fish, not 'tcsh'.")),
        Case(
            argv: ["azshim", "--completion"], expected: .usageError(message: "The option --completion needs a value.")),
        // Never a guess: every other first word is a name that is no cmdlet.
        Case(argv: ["azshim", "rg", "acct", "Key1"], expected: .unknown(name: "rg")),
        Case(argv: ["azshim", "-WhatIf"], expected: .unknown(name: "-WhatIf")),
        Case(argv: ["azshim", "--output", "json"], expected: .unknown(name: "--output")),
        Case(argv: ["azshim", ""], expected: .unknown(name: "")),
        Case(
            argv: ["azshim", "New-AzCognitiveServicesAccountKey.exe", "rg"],
            expected: .unknown(name: "New-AzCognitiveServicesAccountKey.exe")),
        Case(argv: ["New-AzCognitiveServicesAccountKeyy", "rg", "acct", "Key1"], expected: .unknown(name: "rg")),
        Case(argv: ["/usr/bin/", "New-AzCognitiveServicesAccountKey"], expected: .cmdlet(new, arguments: [])),
    ])
    func decision(_ testCase: Case) {
        let commandLine = ProcessCommandLine(programName: testCase.argv[0], arguments: Array(testCase.argv.dropFirst()))
        #expect(Invocation.resolve(commandLine, commands: AzureCmdlets.all) == testCase.expected)
    }

    // MARK: Runs, in-process

    static let listing = """
        Usage: azshim CMDLET [ARGUMENTS]
           or: CMDLET [ARGUMENTS]   (through a link named after the cmdlet)

        Runs a PowerShell Az cmdlet natively. Cmdlets:
          Get-AzCognitiveServicesAccount     Gets Cognitive Services accounts.
          Get-AzCognitiveServicesAccountKey  Gets the API keys for an account.
          Get-Help                           Displays information about PowerShell commands and concepts.
          New-AzCognitiveServicesAccountKey  Regenerates an account key.

        Help for one cmdlet: azshim CMDLET -?  or  azshim Get-Help CMDLET -Full
        Version: azshim --version

        """

    static func notRecognized(_ name: String) -> String {
        "\(name): The term '\(name)' is not recognized as a name of a cmdlet, function, script file, or executable program.\n"
            + "Check the spelling of the name, or if a path was included, verify that the path is correct and try again.\n"
    }

    static let pipelineObject = "{\"ResourceGroupName\":\"rg\",\"Name\":\"acct\",\"KeyName\":\"Key1\"}\n"

    @Test("`azshim`, `azshim --help`, `azshim -?` list the cmdlets with their synopsis; `--version` prints the version")
    func listAndVersion() throws {
        let harness = Harness()
        defer { harness.remove() }
        for argv in [["azshim"], ["azshim", "--help"], ["azshim", "-?"]] {
            let result = harness.dispatch(argv)
            #expect(result.stdout == Self.listing, "\(argv)")
            #expect(result.stderr == "" && result.status == 0, "\(argv)")
        }
        let version = harness.dispatch(["azshim", "--version"])
        let release = try PackageFiles.releaseVersion()
        #expect(version.stdout == "AzShim \(release)\n" && version.stderr == "" && version.status == 0)
        #expect(!FileManager.default.fileExists(atPath: harness.folder + "/state"))
    }

    @Test(
        "a name that is no cmdlet: PowerShell's CommandNotFoundException text, exit 1, stdin unread, state byte-for-byte unchanged",
        arguments: [
            ["azshim", "rg", "acct", "Key1"], ["azshim", "New-AzCognitiveServicesAccountKeys", "-KeyName", "Key1"],
            ["New-AzCognitiveServicesAccountKeyy", "rg", "acct", "Key1"], ["azshim", "-WhatIf"],
        ])
    func unknownName(_ argv: [String]) throws {
        let harness = Harness()
        defer { harness.remove() }
        // Before any state exists: none is made, and stdin is not read.
        let (first, stdinRead) = harness.dispatchRecordingStdin(argv, stdin: Self.pipelineObject)
        #expect(!stdinRead)
        #expect(first.stderr == Self.notRecognized(argv[1]))
        #expect(first.stdout == "" && first.status == 1)
        #expect(!FileManager.default.fileExists(atPath: harness.folder + "/state"))
        // With state: not a byte changes.
        #expect(harness.run(["rg", "acct", "Key1"]).status == 0)
        let before = try #require(FileManager.default.contents(atPath: harness.stateFile))
        let second = harness.dispatch(argv, stdin: Self.pipelineObject)
        #expect(second.stderr == Self.notRecognized(argv[1]) && second.status == 1)
        #expect(FileManager.default.contents(atPath: harness.stateFile) == before)
    }

    @Test("an unknown name's control characters are shown in caret notation, and colour only on a terminal")
    func unknownNameIsEscaped() {
        let harness = Harness()
        defer { harness.remove() }
        let result = harness.dispatch(["azshim", "a\u{1B}[2Jb"])
        #expect(result.stderr == Self.notRecognized("a^[[2Jb"))
        #expect(result.status == 1)
    }

    @Test("`azshim CMDLET …` runs the cmdlet (case-insensitive); `azshim Get-Help` is Get-Help")
    func multiCallRuns() throws {
        let harness = Harness()
        defer { harness.remove() }
        let regenerated = harness.dispatch([
            "azshim", "new-azcognitiveservicesaccountkey", "rg", "acct", "Key1", "--output", "json",
        ])
        let keys = try #require(harness.storedKeys(account: "acct"))
        #expect(regenerated.stdout == "{\"Key1\":\"\(keys.0)\",\"Key2\":\"\(keys.1)\"}\n")
        #expect(regenerated.status == 0 && regenerated.stderr == "")
        // A read stays a read: the state is not changed by Get-.
        let before = try #require(FileManager.default.contents(atPath: harness.stateFile))
        let read = harness.dispatch(["azshim", "GET-AzCognitiveServicesAccountKey", "rg", "acct", "--output", "json"])
        #expect(read.stdout == regenerated.stdout && read.status == 0)
        #expect(FileManager.default.contents(atPath: harness.stateFile) == before)
        // Pipeline input reaches the cmdlet (the control for the unknown-name rows, which never read it).
        let (whatIf, stdinRead) = harness.dispatchRecordingStdin(
            ["azshim", "New-AzCognitiveServicesAccountKey", "-WhatIf"], stdin: Self.pipelineObject)
        #expect(stdinRead && whatIf.status == 0 && whatIf.stderr.hasPrefix("What if: "))
        #expect(FileManager.default.contents(atPath: harness.stateFile) == before)
        // Errors are the cmdlet's own, under its own name.
        let failure = harness.dispatch(["azshim", "New-AzCognitiveServicesAccountKey", "-Foo"])
        #expect(
            failure.stderr
                == "New-AzCognitiveServicesAccountKey: A parameter cannot be found that matches parameter name 'Foo'.\n"
        )
        #expect(failure.status == 1)
        // Get-Help, however it is reached, is the same program.
        let viaLink = harness.dispatch([
            "/usr/bin/Get-Help", "New-AzCognitiveServicesAccountKey", "-Parameter", "KeyName",
        ])
        #expect(viaLink.status == 0)
        #expect(viaLink.stdout.contains("-KeyName <Microsoft.Azure.Management.CognitiveServices.Models.KeyName>"))
        for argv in [
            ["azshim", "get-help", "New-AzCognitiveServicesAccountKey", "-Parameter", "KeyName"],
            ["azshim", "--help", "New-AzCognitiveServicesAccountKey", "-Parameter", "KeyName"],
        ] {
            #expect(harness.dispatch(argv) == viaLink, "\(argv)")
        }
    }

    @Test("`azshim --completion SHELL` prints the multi-call completion script; a bad shell is a usage error (exit 2)")
    func completionAndUsageError() {
        let harness = Harness()
        defer { harness.remove() }
        let bash = harness.dispatch(["azshim", "--completion", "bash"])
        #expect(
            bash.stdout
                == CompletionScriptGenerator.multiCallScript(for: .bash, commands: AzureCmdlets.all.map(\.metadata)))
        #expect(bash.stdout.contains("complete -o default -F _azshim_multicall azshim\n") && bash.status == 0)
        let bad = harness.dispatch(["azshim", "--completion", "tcsh"])
        #expect(bad.stderr == "azshim: The option --completion takes bash, zsh or fish, not 'tcsh'.\n")
        #expect(bad.stdout == "" && bad.status == 2)
    }

    // MARK: Runs of the built binary

    /// A folder of links to the built `azshim` under other names.
    static func link(_ name: String, in folder: String) throws -> String {
        let path = folder + "/bin/" + name
        try FileManager.default.createDirectory(atPath: folder + "/bin", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: path, withDestinationPath: Harness.multiCallExecutable)
        return path
    }

    static func runBinary(_ executable: String, _ arguments: [String], stdin: String = "", harness: Harness) throws
        -> RawProcess.End
    {
        let stdinPath = harness.folder + "/stdin-\(UUID().uuidString)"
        try Data(stdin.utf8).write(to: URL(fileURLWithPath: stdinPath))
        let process = try RawProcess(
            executable: executable, arguments: arguments.map { Array($0.utf8) }, environment: harness.environment,
            stdinPath: stdinPath, folder: harness.folder)
        return process.wait()
    }

    @Test("the built binary: `swift build` makes `azshim`; every row works under links with other names")
    func builtBinary() throws {
        let harness = Harness()
        defer { harness.remove() }
        #expect(FileManager.default.isExecutableFile(atPath: Harness.multiCallExecutable))
        let list = try Self.runBinary(Harness.multiCallExecutable, [], harness: harness)
        #expect(list.stdoutText == Self.listing && list.status == 0)
        let typo = try Self.link("New-AzCognitiveServicesAccountKeyy", in: harness.folder)
        let unknown = try Self.runBinary(typo, ["rg", "acct", "Key1"], stdin: Self.pipelineObject, harness: harness)
        #expect(unknown.stderrText == Self.notRecognized("rg") && unknown.status == 1 && unknown.stdout.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: harness.folder + "/state"))
        let exe = try Self.link("new-azcognitiveservicesaccountkey.exe", in: harness.folder)
        let regenerated = try Self.runBinary(exe, ["rg", "acct", "Key1", "--output", "json"], harness: harness)
        let keys = try #require(harness.storedKeys(account: "acct"))
        #expect(
            regenerated.stdoutText == "{\"Key1\":\"\(keys.0)\",\"Key2\":\"\(keys.1)\"}\n" && regenerated.status == 0)
        let before = try #require(FileManager.default.contents(atPath: harness.stateFile))
        for argv in [["rg", "acct", "Key1"], ["Get-AzCognitiveServicesAccountKeys", "rg", "acct"], ["-WhatIf"]] {
            let run = try Self.runBinary(
                Harness.multiCallExecutable, argv, stdin: Self.pipelineObject, harness: harness)
            #expect(run.stderrText == Self.notRecognized(argv[0]) && run.status == 1, "\(argv)")
        }
        #expect(FileManager.default.contents(atPath: harness.stateFile) == before)
        let read = try Self.runBinary(
            Harness.multiCallExecutable, ["get-azcognitiveservicesaccountkey", "rg", "acct", "--output", "json"],
            harness: harness)
        #expect(read.stdoutText == regenerated.stdoutText && read.status == 0)
        #expect(FileManager.default.contents(atPath: harness.stateFile) == before)
        let help = try Self.link("get-help", in: harness.folder)
        let helpRun = try Self.runBinary(help, ["Get-AzCognitiveServicesAccountKey", "-Full"], harness: harness)
        #expect(helpRun.stdoutText.contains("Gets the API keys for an account.") && helpRun.status == 0)
        let version = try Self.runBinary(Harness.multiCallExecutable, ["--version"], harness: harness)
        let release = try PackageFiles.releaseVersion()
        #expect(version.stdoutText == "AzShim \(release)\n" && version.status == 0)
    }

    @Test("an empty argv (no program name): exit 2 before stdin is read; the piped object is not regenerated")
    func emptyArgvFailsClosed() throws {
        let harness = Harness()
        defer { harness.remove() }
        let stdinPath = harness.folder + "/stdin"
        try Data(Self.pipelineObject.utf8).write(to: URL(fileURLWithPath: stdinPath))
        let process = try RawProcess(
            executable: Harness.executable, arguments: [], environment: harness.environment, stdinPath: stdinPath,
            folder: harness.folder, omitProgramName: true)
        let end = process.wait()
        #expect(end.status == 2)
        #expect(end.stdout.isEmpty)
        #expect(end.stderrText == ProcessCommandLine.Failure.programNameMissing.message + "\n")
        #expect(!FileManager.default.fileExists(atPath: harness.folder + "/state"))
    }
}

extension Harness {
    /// The built multi-call binary, `azshim`, beside the cmdlet-named one.
    static var multiCallExecutable: String {
        URL(fileURLWithPath: executable).deletingLastPathComponent().appendingPathComponent("azshim").path
    }

    /// In-process run of the whole dispatcher for `argv` (program name first), as `main.swift` runs
    /// it; `stdinRead` says whether anything read from stdin.
    func dispatch(_ argv: [String], stdin: String = "") -> Result {
        dispatchRecordingStdin(argv, stdin: stdin).result
    }

    func dispatchRecordingStdin(_ argv: [String], stdin: String = "") -> (result: Result, stdinRead: Bool) {
        let stdout = MemorySink()
        let stderr = MemorySink()
        let reads = ReadCounter()
        let io = HostIO(
            environment: environment,
            standardInput: CountingByteSource(base: MemoryByteSource(Array(stdin.utf8)), reads: reads),
            standardOutput: stdout, standardError: stderr)
        let commandLine = ProcessCommandLine(programName: argv[0], arguments: Array(argv.dropFirst()))
        let status = Invocation.resolve(commandLine, commands: AzureCmdlets.all).run(
            programName: commandLine.invokedName, commands: AzureCmdlets.all, helpFiles: EmbeddedHelp.markdown, io: io)
        return (Result(stdout: stdout.text, stderr: stderr.text, status: status), reads.count > 0)
    }
}

/// How often a `CountingByteSource` was read.
final class ReadCounter {
    var count = 0
}

/// A byte source that counts its reads, to show that a command did not touch stdin.
struct CountingByteSource: ByteSource {
    var base: MemoryByteSource
    let reads: ReadCounter

    mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        reads.count += 1
        return try base.read(into: buffer)
    }
}

extension Harness.Result: Equatable {
    static func == (lhs: Harness.Result, rhs: Harness.Result) -> Bool {
        lhs.stdout == rhs.stdout && lhs.stderr == rhs.stderr && lhs.status == rhs.status
    }
}

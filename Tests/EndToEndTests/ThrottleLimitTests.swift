import AzShimSupport
import Foundation
import PowerShellHost
import Synchronization
import Testing

/// `--throttle-limit N` in the host, with a test cmdlet that sleeps a different time for each
/// object: results, errors, warnings, verbose and What-if lines come out exactly as they do
/// sequentially, and prompts stay in input order.
struct ThrottleLimitTests {
    /// How many objects the cmdlet ran at once, at most.
    final class Probe: Sendable {
        private let running = Atomic<Int>(0)
        private let peak = Atomic<Int>(0)
        private let entered = Atomic<Int>(0)
        var maximum: Int { peak.load(ordering: .relaxed) }
        /// How many objects the cmdlet ran in all.
        var total: Int { entered.load(ordering: .relaxed) }

        func enter() {
            entered.add(1, ordering: .relaxed)
            let now = running.add(1, ordering: .relaxed).newValue
            var seen = peak.load(ordering: .relaxed)
            while now > seen {
                let (exchanged, original) = peak.compareExchange(expected: seen, desired: now, ordering: .relaxed)
                if exchanged { break }
                seen = original
            }
        }

        func leave() { running.subtract(1, ordering: .relaxed) }
    }

    /// `Test-Parallel -Name <string>`: names starting with `fail` throw, `warn` write a warning
    /// first; every object asks ShouldProcess and sleeps 0–4 ms (from its name) before writing.
    final class SleepyCmdlet: Cmdlet {
        static let name = ParameterKey<String>(
            name: "Name", position: 0, isMandatory: true, valueFromPipelineByPropertyName: true,
            validations: [.notNullOrEmpty], helpMessage: "A name.")
        static let metadata = CommandMetadata(
            name: "Test-Parallel", implementingTypeName: "TestParallelCommand", declaredParameters: [name],
            supportsShouldProcess: true)

        let probe: Probe
        let concurrent: Bool

        init(probe: Probe, concurrent: Bool) {
            self.probe = probe
            self.concurrent = concurrent
        }

        var supportsConcurrentProcessing: Bool { concurrent }

        static func definition(probe: Probe, concurrent: Bool = true) -> CommandDefinition {
            CommandDefinition(metadata: metadata, helpMarkdown: nil) { _ in
                SleepyCmdlet(probe: probe, concurrent: concurrent)
            }
        }

        func process(_ parameters: BoundParameters, _ runtime: CommandRuntime) throws(ErrorRecord) {
            guard let name = parameters[Self.name] else { return }
            probe.enter()
            defer { probe.leave() }
            runtime.writeVerbose("start \(name)")
            var hash: UInt32 = 2_166_136_261
            for byte in name.utf8 { hash = (hash ^ UInt32(byte)) &* 16_777_619 }
            usleep(hash % 4000)
            if name.hasPrefix("fail") {
                throw ErrorRecord(message: "failed \(name)", errorId: "TestFailure", category: .invalidOperation)
            }
            if name.hasPrefix("warn") { runtime.writeWarning("careful with \(name)") }
            guard runtime.shouldProcess(target: name, action: "Testing") else { return }
            runtime.writeObject(PSObject(typeName: "Test", properties: [("Name", name)]))
        }
    }

    struct Result: Equatable {
        let stdout: String
        let stderr: String
        let status: Int32
        var transcript = ""
    }

    static func run(
        _ arguments: [String], stdin: String, definition: CommandDefinition, terminal: ScriptedTerminal? = nil
    ) -> Result {
        let stdout = MemorySink()
        let stderr = MemorySink()
        let io = HostIO(
            environment: [:], standardInput: MemoryByteSource(Array(stdin.utf8)), standardOutput: stdout,
            standardError: stderr, terminal: terminal)
        let status = CommandHost.run(definition, arguments: arguments, io: io)
        return Result(stdout: stdout.text, stderr: stderr.text, status: status, transcript: terminal?.transcript ?? "")
    }

    /// 200 objects: plain names, failures, warnings, objects that do not bind (no Name, empty Name).
    static let mixedInput: [String] = (0..<200).map { index in
        if index % 13 == 5 { return #"{"Other":1}"# }
        if index % 17 == 3 { return #"{"Name":""}"# }
        if index % 7 == 6 { return #"{"Name":"fail\#(index)"}"# }
        if index % 11 == 4 { return #"{"Name":"warn\#(index)"}"# }
        return #"{"Name":"n\#(index)"}"#
    }

    static var mixedStdin: String { mixedInput.joined(separator: "\n") + "\n" }

    @Test(
        "with random per-object delays, N=8 writes the same results, errors, warnings and verbose lines, in input order, as N=1"
    )
    func orderKept() {
        let sequentialProbe = Probe()
        let parallelProbe = Probe()
        let arguments = ["-Verbose", "--output", "json"]
        let sequential = Self.run(
            arguments, stdin: Self.mixedStdin, definition: SleepyCmdlet.definition(probe: sequentialProbe))
        let parallel = Self.run(
            arguments + ["--throttle-limit", "8"], stdin: Self.mixedStdin,
            definition: SleepyCmdlet.definition(probe: parallelProbe))
        #expect(parallel == sequential)
        #expect(sequentialProbe.maximum == 1)
        #expect(parallelProbe.maximum > 1, "the objects never overlapped")
        // The results are exactly the objects that bound and did not fail, in input order.
        let expected = Self.mixedInput.compactMap { line -> String? in
            guard let range = line.range(of: #"(?<="Name":")[a-z]+[0-9]+"#, options: .regularExpression) else {
                return nil
            }
            let name = String(line[range])
            return name.hasPrefix("fail") ? nil : #"{"Name":"\#(name)"}"#
        }
        #expect(parallel.stdout == expected.map { $0 + "\n" }.joined())
        let errors = parallel.stderr.split(separator: "\n").filter { $0.hasPrefix("Test-Parallel: ") }
        #expect(
            errors.count
                == Self.mixedInput.filter { $0.contains("fail") || $0.contains("Other") || $0.contains(#""Name":"""#) }
                .count)
        #expect(parallel.status == 1)
    }

    @Test("-WhatIf over a pipeline with N=16: the What-if lines in input order, as with N=1")
    func whatIfOrder() {
        let input = (0..<100).map { #"{"Name":"n\#($0)"}"# }.joined(separator: "\n")
        let sequential = Self.run(["-WhatIf"], stdin: input, definition: SleepyCmdlet.definition(probe: Probe()))
        let parallel = Self.run(
            ["-WhatIf", "--throttle-limit", "16"], stdin: input, definition: SleepyCmdlet.definition(probe: Probe()))
        #expect(parallel == sequential)
        #expect(parallel.stderr.split(separator: "\n").count == 100)
        #expect(parallel.stderr.hasPrefix(#"What if: Performing the operation "Testing" on target "n0"."#))
    }

    @Test("--throttle-limit 1 and no option are the sequential pipeline")
    func limitOne() {
        let probe = Probe()
        let plain = Self.run(
            ["--output", "json"], stdin: Self.mixedStdin, definition: SleepyCmdlet.definition(probe: Probe()))
        let one = Self.run(
            ["--output", "json", "--throttle-limit", "1"], stdin: Self.mixedStdin,
            definition: SleepyCmdlet.definition(probe: probe))
        #expect(one == plain)
        #expect(probe.maximum == 1)
    }

    @Test("a cmdlet that does not support concurrent processing runs one object at a time under --throttle-limit")
    func notConcurrent() {
        let probe = Probe()
        let input = (0..<30).map { #"{"Name":"n\#($0)"}"# }.joined(separator: "\n")
        let result = Self.run(
            ["--throttle-limit", "8", "--output", "json"], stdin: input,
            definition: SleepyCmdlet.definition(probe: probe, concurrent: false))
        #expect(result.status == 0)
        #expect(result.stdout.split(separator: "\n").count == 30)
        #expect(probe.maximum == 1)
    }

    @Test("-ErrorAction Stop with N=8: the first error ends the command and nothing after it is written")
    func errorActionStop() {
        let input = (0..<40).map { $0 == 10 ? #"{"Name":"fail10"}"# : #"{"Name":"n\#($0)"}"# }.joined(separator: "\n")
        let arguments = ["-ErrorAction", "Stop", "--output", "json"]
        let sequential = Self.run(arguments, stdin: input, definition: SleepyCmdlet.definition(probe: Probe()))
        let parallel = Self.run(
            arguments + ["--throttle-limit", "8"], stdin: input, definition: SleepyCmdlet.definition(probe: Probe()))
        #expect(parallel == sequential)
        #expect(parallel.stdout == (0..<10).map { #"{"Name":"n\#($0)"}"# + "\n" }.joined())
        #expect(parallel.stderr == "Test-Parallel: failed fail10\n")
        #expect(parallel.status == 1)
    }

    @Test(
        "-Confirm with N=8: prompts come one at a time in input order, as with N=1; after Yes to All the rest run in parallel"
    )
    func confirmSerialised() {
        let input = (0..<40).map { #"{"Name":"n\#($0)"}"# }.joined(separator: "\n")
        let answers = ["Y", "N", "Y", "A"]
        let sequential = Self.run(
            ["-Confirm", "--output", "json"], stdin: input, definition: SleepyCmdlet.definition(probe: Probe()),
            terminal: ScriptedTerminal(answers: answers))
        let probe = Probe()
        let parallel = Self.run(
            ["-Confirm", "--output", "json", "--throttle-limit", "8"], stdin: input,
            definition: SleepyCmdlet.definition(probe: probe),
            terminal: ScriptedTerminal(answers: answers))
        #expect(parallel == sequential)
        #expect(parallel.transcript.components(separatedBy: "Are you sure").count - 1 == 4)
        #expect(parallel.stdout.split(separator: "\n").count == 39)
        #expect(!parallel.stdout.contains(#""n1""#))
        #expect(probe.maximum > 1, "the objects after Yes to All never overlapped")
    }

    @Test("-Confirm with N=8 and no terminal: each object gets the NonInteractive error in order, as with N=1")
    func confirmWithoutTerminal() {
        let input = (0..<12).map { #"{"Name":"n\#($0)"}"# }.joined(separator: "\n")
        let sequential = Self.run(["-Confirm"], stdin: input, definition: SleepyCmdlet.definition(probe: Probe()))
        let parallel = Self.run(
            ["-Confirm", "--throttle-limit", "8"], stdin: input, definition: SleepyCmdlet.definition(probe: Probe()))
        #expect(parallel == sequential)
        #expect(parallel.stdout == "")
        #expect(parallel.stderr.split(separator: "\n").count == 12)
        #expect(parallel.status == 1)
    }

    /// stdout as `| head -1` leaves it: the first line is taken, then the reader is gone and
    /// every later write is lost.
    final class HeadOneSink: TextSink, @unchecked Sendable {
        private(set) var text = ""
        private(set) var isClosed = false
        func write(_ text: String) {
            guard !isClosed else { return }
            self.text += text
            if self.text.contains("\n") { isClosed = true }
        }
        func flush() {}
    }

    @Test(
        "stdout closed after the first line (| head -1) stops the parallel pipeline quietly: no further object starts")
    func closedStdout() {
        let stdout = HeadOneSink()
        let stderr = MemorySink()
        let input = (0..<1000).map { #"{"Name":"n\#($0)"}"# }.joined(separator: "\n")
        let io = HostIO(
            environment: [:], standardInput: MemoryByteSource(Array(input.utf8)), standardOutput: stdout,
            standardError: stderr)
        let probe = Probe()
        let status = CommandHost.run(
            SleepyCmdlet.definition(probe: probe), arguments: ["--throttle-limit", "4", "--output", "json"], io: io)
        #expect(status == 0)
        #expect(stderr.text == "")
        #expect(stdout.text == #"{"Name":"n0"}"# + "\n")
        // Objects already handed out when n0 was committed may finish: at most the window of 4·N
        // uncommitted objects (16) and the one committed. None of the other 983 starts.
        #expect(probe.total >= 1 && probe.total <= 17, "\(probe.total) objects ran")
    }
}

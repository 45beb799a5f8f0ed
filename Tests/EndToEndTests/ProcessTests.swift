import AzShimSupport
import Foundation
import PowerShellHost
import TestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Runs of the built binary as a child process, with a temporary state file.
@Suite(.serialized)
struct ProcessTests {
    @Test("the binary regenerates a key, prints the table and exits 0; a binding error exits 1")
    func binary() throws {
        let harness = Harness()
        defer { harness.remove() }
        let result = try harness.runBinary(["-ResourceGroupName", "rg", "-Name", "myluis", "-KeyName", "Key1"])
        #expect(result.status == 0)
        #expect(result.stderr == "")
        let keys = try #require(harness.storedKeys(account: "myluis"))
        #expect(
            result.stdout
                == "\nKey1                             Key2\n----                             ----\n\(keys.0) \(keys.1)\n\n"
        )
        let failure = try harness.runBinary(["-Foo"])
        #expect(failure.status == 1)
        #expect(
            failure.stderr
                == "New-AzCognitiveServicesAccountKey: A parameter cannot be found that matches parameter name 'Foo'.\n"
        )
    }

    @Test("an empty stdin is no pipeline: missing mandatory parameters are an error, not a wait")
    func emptyStdin() throws {
        let harness = Harness()
        defer { harness.remove() }
        let result = try harness.runBinary([], stdin: "")
        #expect(
            result.stderr
                == "New-AzCognitiveServicesAccountKey: Cannot process command because of one or more missing mandatory parameters: ResourceGroupName Name KeyName.\n"
        )
        #expect(result.status == 1)
    }

    @Test("20 processes regenerating keys of one account at once: no lost update, no torn write")
    func concurrentProcesses() async throws {
        let harness = Harness()
        defer { harness.remove() }
        let initial = try #require(Harness.tableKeys(try harness.runBinary(["rg", "shared", "Key1"]).stdout))
        let results = try await withThrowingTaskGroup(of: (String, Harness.Result).self) { group in
            for index in 0..<20 {
                let keyName = index.isMultiple(of: 2) ? "Key1" : "Key2"
                group.addTask { (keyName, try harness.runBinary(["rg", "shared", keyName])) }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(results.allSatisfy { $0.1.status == 0 })
        let printed = results.compactMap { keyName, result in Harness.tableKeys(result.stdout).map { (keyName, $0) } }
        #expect(printed.count == 20)
        let final = try #require(harness.storedKeys(account: "shared"))
        #expect(Self.isSerializable(initial: initial, printed: printed, final: final))
    }

    /// Whether the printed pairs are the states of one serial history from `initial` to `final`,
    /// each step replacing the named key with a fresh value. The history runs in epochs of one
    /// Key2 value: an epoch starts at a Key2 step's pair, holds that epoch's Key1 steps in some
    /// order, and hands its last Key1 value to exactly one next Key2 step. Two Key2 steps that
    /// could follow the same epoch read the same state: a lost update. A torn or stale write
    /// leaves a pair that fits no epoch.
    static func isSerializable(
        initial: (String, String), printed: [(String, (String, String))], final: (String, String)
    ) -> Bool {
        let key1Steps = printed.filter { $0.0 == "Key1" }.map(\.1)
        let key2Steps = printed.filter { $0.0 == "Key2" }.map(\.1)
        var epochs = [initial] + key2Steps
        guard key1Steps.allSatisfy({ step in epochs.contains { $0.1 == step.1 } }) else { return false }
        var current = epochs.removeFirst()
        // The epochs that may have been the last of the current group: Key2 steps in a row with
        // no Key1 step between them ran in an order the output does not tell.
        var candidates = [current]
        func key1Values(_ epoch: (String, String)) -> [String] { key1Steps.filter { $0.1 == epoch.1 }.map(\.0) }
        while true {
            let values = key1Values(current)
            let handedOn = values.isEmpty ? [current.0] : values
            let next = epochs.filter { handedOn.contains($0.0) }
            if next.isEmpty {
                return epochs.isEmpty && candidates.contains { $0.1 == final.1 } && handedOn.contains(final.0)
            }
            // Several Key2 steps may follow one another without Key1 steps between them: they
            // share their Key1 value, and only the last of them may hold Key1 steps.
            guard Set(next.map(\.0)).count == 1, next.filter({ !key1Values($0).isEmpty }).count <= 1 else {
                return false
            }
            let ordered = next.filter { key1Values($0).isEmpty } + next.filter { !key1Values($0).isEmpty }
            epochs.removeAll { epoch in next.contains { $0 == epoch } }
            current = ordered[ordered.count - 1]
            candidates = key1Values(current).isEmpty ? next : [current]
        }
    }

    @Test("the serializability check rejects a lost update and a torn pair")
    func serializabilityCheck() {
        let a = ("a", "B")
        // Serial: (a,B) -> (x,B) -> (x,C) -> (y,C).
        #expect(
            Self.isSerializable(
                initial: a, printed: [("Key1", ("x", "B")), ("Key2", ("x", "C")), ("Key1", ("y", "C"))],
                final: ("y", "C")))
        // Lost update: Key1 and Key2 both read (a,B); the Key2 write loses x.
        #expect(
            !Self.isSerializable(initial: a, printed: [("Key1", ("x", "B")), ("Key2", ("a", "C"))], final: ("a", "C")))
        // Key2 steps in a row are serial; a Key1 step in the earlier one's epoch would be a fork.
        #expect(
            Self.isSerializable(initial: a, printed: [("Key2", ("a", "C")), ("Key2", ("a", "D"))], final: ("a", "D")))
        #expect(
            !Self.isSerializable(
                initial: a,
                printed: [("Key2", ("a", "C")), ("Key1", ("x", "C")), ("Key2", ("a", "D")), ("Key1", ("y", "D"))],
                final: ("y", "D")))
        // Two Key2 steps that both follow the same Key1 state's epoch with different values.
        #expect(
            !Self.isSerializable(
                initial: a,
                printed: [("Key1", ("x", "B")), ("Key1", ("y", "B")), ("Key2", ("x", "C")), ("Key2", ("y", "D"))],
                final: ("y", "D")))
        // Key2 steps in a row at the end ran in an order the output does not show: either may be final.
        #expect(
            Self.isSerializable(initial: a, printed: [("Key2", ("a", "C")), ("Key2", ("a", "D"))], final: ("a", "C")))
        #expect(
            !Self.isSerializable(initial: a, printed: [("Key2", ("a", "C")), ("Key2", ("a", "D"))], final: ("a", "E")))
        // A torn pair mixing values of different states.
        #expect(!Self.isSerializable(initial: a, printed: [("Key1", ("x", "Z"))], final: ("x", "Z")))
    }

    @Test("objects piped through the binary bind with a command-line KeyName and properties in other casings")
    func pipeThroughBinary() throws {
        let harness = Harness()
        defer { harness.remove() }
        let input =
            "{\"RESOURCEGROUPNAME\":\"rg\",\"accountname\":\"one\"}\n{\"resourceGroupName\":\"rg\",\"NAME\":\"two\"}\n"
        let result = try harness.runBinary(["-KeyName", "key2", "--output", "json"], stdin: input)
        #expect(result.status == 0)
        #expect(result.stderr == "")
        let one = try #require(harness.storedKeys(account: "one"))
        let two = try #require(harness.storedKeys(account: "two"))
        #expect(
            result.stdout
                == "{\"Key1\":\"\(one.0)\",\"Key2\":\"\(one.1)\"}\n{\"Key1\":\"\(two.0)\",\"Key2\":\"\(two.1)\"}\n")
    }

    @Test("SIGINT while waiting for input: ends with status 130 and keeps what was written")
    func interrupt() throws {
        let harness = Harness()
        defer { harness.remove() }
        var input: [Int32] = [0, 0]
        #expect(pipe(&input) == 0)
        _ = fcntl(input[1], F_SETFD, FD_CLOEXEC)
        // The deadline bounds every wait below: a binary that ignores SIGINT is killed after
        // 60 s and the test fails, it never hangs.
        let process = try RawProcess(
            arguments: ["-KeyName", "Key1", "--output", "json"].map { Array($0.utf8) },
            environment: harness.environment,
            stdinFD: input[0], folder: harness.folder, deadline: 60)
        close(input[0])
        defer { close(input[1]) }
        let object = Array("{\"ResourceGroupName\":\"rg\",\"Name\":\"first\"}\n".utf8)
        #expect(write(input[1], object, object.count) == object.count)
        // Wait for the first object's line, then until the process waits in the kernel for more
        // of stdin, which stays open: the signal must end that wait, not just be seen between
        // objects.
        let first = process.readLines(atLeast: 1)
        #expect(first.count == 1)
        #expect(Self.waitUntilBlockedReadingAPipe(process.pid), "the process never waited for stdin")
        process.kill(SIGINT)
        let end = process.wait()
        #expect(
            end.status == 130, "ended with \(String(describing: end.status)) / signal \(String(describing: end.signal))"
        )
        let keys = try #require(harness.storedKeys(account: "first"))
        #expect(end.stdoutText == "{\"Key1\":\"\(keys.0)\",\"Key2\":\"\(keys.1)\"}\n")
        #expect(end.stderrText == "")
    }

    /// Whether `pid` is (within 10 s) asleep in a read of a pipe or in poll, as `/proc/PID/wchan`
    /// names the kernel function it waits in; false if it never is, or /proc does not say.
    static func waitUntilBlockedReadingAPipe(_ pid: pid_t) -> Bool {
        for _ in 0..<1000 {
            let wchan = (try? String(contentsOfFile: "/proc/\(pid)/wchan", encoding: .utf8)) ?? ""
            if wchan.contains("pipe_read") || wchan.contains("poll") { return true }
            usleep(10_000)
        }
        return false
    }

    /// `producer | New-AzCognitiveServicesAccountKey … | head -1` in a real shell: bash's
    /// `PIPESTATUS` gives the binary's own exit status, and the line `head` kept is read back.
    @Test("stdout closed early (| head -1): the binary itself exits 0, quietly, after the first line")
    func closedStdout() throws {
        let harness = Harness()
        defer { harness.remove() }
        // 2,000 lines of output are far more than a pipe holds (64 KiB, about 800 lines), so the
        // binary must meet the closed pipe whatever the timing.
        let input = (1...2000).map { "{\"ResourceGroupName\":\"rg\",\"Name\":\"acct\($0)\"}" }.joined(separator: "\n")
        let script = "\"$0\" -KeyName Key1 --output json 2>\"$1\" | head -1; echo \"status=${PIPESTATUS[0]}\""
        let errors = harness.folder + "/binary-stderr"
        let run = try ChildProcess.run(
            "/bin/bash", ["--norc", "--noprofile", "-c", script, Harness.executable, errors],
            environment: harness.environment, stdin: Array(input.utf8), deadline: 60)
        let lines = run.stdoutText.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.count == 3 && lines[2] == "", "\(run.stdoutText)")
        let keys = try #require(harness.storedKeys(account: "acct1"))
        #expect(lines.first == "{\"Key1\":\"\(keys.0)\",\"Key2\":\"\(keys.1)\"}")
        #expect(lines.dropFirst().first == "status=0")
        #expect(FileManager.default.contents(atPath: errors) == Data(), "the binary wrote to stderr")
        #expect(run.status == 0 && run.stderrText == "")
        // It stopped at the closed pipe instead of running all 2,000 objects.
        let state = try JSONParser.parse(Array(try #require(FileManager.default.contents(atPath: harness.stateFile))))
        guard case .object(let accounts) = state["accounts"] else {
            Issue.record("no accounts in the state file")
            return
        }
        #expect(accounts.count < 1000, "\(accounts.count) accounts were regenerated")
    }
}

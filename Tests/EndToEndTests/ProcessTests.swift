import Foundation
import Testing

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
        #expect(result.stdout == "\nKey1                             Key2\n----                             ----\n\(keys.0) \(keys.1)\n\n")
        let failure = try harness.runBinary(["-Foo"])
        #expect(failure.status == 1)
        #expect(failure.stderr == "New-AzCognitiveServicesAccountKey: A parameter cannot be found that matches parameter name 'Foo'.\n")
    }

    @Test("an empty stdin is no pipeline: missing mandatory parameters are an error, not a wait")
    func emptyStdin() throws {
        let harness = Harness()
        defer { harness.remove() }
        let result = try harness.runBinary([], stdin: "")
        #expect(result.stderr == "New-AzCognitiveServicesAccountKey: Cannot process command because of one or more missing mandatory parameters: ResourceGroupName Name KeyName.\n")
        #expect(result.status == 1)
    }

    @Test("20 processes regenerating keys of one account at once: no lost update, no torn write")
    func concurrentProcesses() async throws {
        let harness = Harness()
        defer { harness.remove() }
        let initial = try #require(Harness.tableKeys(try harness.runBinary(["rg", "shared", "Key1"]).stdout))
        let results = try await withThrowingTaskGroup(of: Harness.Result.self) { group in
            for index in 0..<20 {
                group.addTask { try harness.runBinary(["rg", "shared", index.isMultiple(of: 2) ? "Key1" : "Key2"]) }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(results.allSatisfy { $0.status == 0 })
        let printed = results.compactMap { Harness.tableKeys($0.stdout) }
        #expect(printed.count == 20)
        let final = try #require(harness.storedKeys(account: "shared"))
        // Serialized updates form one chain of states from the initial pair to the final one,
        // each step replacing exactly one key with a value never seen before. A lost update
        // would fork the chain; a torn write would leave a pair that is in no chain.
        var remaining = printed.map { [$0.0, $0.1] }
        var current = [initial.0, initial.1]
        var seen = Set(current)
        while !remaining.isEmpty {
            let next = remaining.indices.filter { index in
                let pair = remaining[index]
                return (pair[0] == current[0] && !seen.contains(pair[1])) || (pair[1] == current[1] && !seen.contains(pair[0]))
            }
            try #require(next.count == 1, "the printed pairs do not form one chain of updates")
            current = remaining.remove(at: next[0])
            seen.formUnion(current)
        }
        #expect(current == [final.0, final.1])
    }
}

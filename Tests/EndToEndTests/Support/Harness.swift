import AzShimSupport
import AzureCognitiveServices
import Foundation
import PowerShellHost
import TestSupport
import Testing

/// Runs the cmdlet in-process (argv + stdin + environment → stdout, stderr, status), or the
/// built binary as a child process, each with its own temporary emulator state file.
struct Harness {
    struct Result {
        let stdout: String
        let stderr: String
        let status: Int32
    }

    let folder: String
    var stateFile: String { folder + "/state/emulator.json" }
    var environment: [String: String]

    init() {
        folder = NSTemporaryDirectory() + "azshim-test-" + UUID().uuidString
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        environment = ["AZURE_ENVIRONMENT": "Emulator", "AZSHIM_EMULATOR_STATE": folder + "/state/emulator.json"]
    }

    func remove() { try? FileManager.default.removeItem(atPath: folder) }

    /// In-process run through `CommandHost`.
    func run(
        _ arguments: [String], stdin: String? = nil, terminal: ScriptedTerminal? = nil,
        environment extra: [String: String] = [:],
        stdoutIsTerminal: Bool = false, columns: Int? = nil,
        definition: CommandDefinition = NewAzCognitiveServicesAccountKey.definition
    ) -> Result {
        let stdout = MemorySink()
        let stderr = MemorySink()
        let io = HostIO(
            environment: environment.merging(extra) { $1 },
            standardInput: MemoryByteSource(Array((stdin ?? "").utf8)),
            standardInputIsTerminal: stdin == nil && terminal != nil,
            standardOutput: stdout, standardOutputIsTerminal: stdoutIsTerminal,
            standardError: stderr, terminal: terminal, terminalColumns: columns)
        let status = CommandHost.run(definition, arguments: arguments, io: io)
        return Result(stdout: stdout.text, stderr: stderr.text, status: status)
    }

    /// The built executable next to the test bundle.
    static var executable: String {
        let bundle = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        var candidate = bundle
        while candidate.path != "/" {
            let path = candidate.appendingPathComponent("New-AzCognitiveServicesAccountKey").path
            if FileManager.default.isExecutableFile(atPath: path) { return path }
            candidate.deleteLastPathComponent()
        }
        return bundle.appendingPathComponent("New-AzCognitiveServicesAccountKey").path
    }

    /// Runs the built binary as a child process, killed (and the test failed) if it has not ended
    /// within `deadline` seconds. A signal's end is reported as the shell does, 128 + the signal.
    func runBinary(
        _ arguments: [String], stdin: String = "", environment extra: [String: String] = [:],
        executable: String = Self.executable, deadline: Double = ChildProcess.defaultDeadline,
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> Result {
        let end = try ChildProcess.run(
            executable, arguments,
            environment: ["PATH": "/usr/bin:/bin"].merging(environment.merging(extra) { $1 }) { $1 },
            stdin: Array(stdin.utf8), deadline: deadline, sourceLocation: sourceLocation)
        return Result(stdout: end.stdoutText, stderr: end.stderrText, status: end.shellStatus)
    }

    /// The keys stored for an account in the state file.
    func storedKeys(resourceGroup: String = "rg", account: String) -> (String, String)? {
        guard let data = FileManager.default.contents(atPath: stateFile),
            let json = try? JSONParser.parse(Array(data)),
            let entry = json["accounts"]?[
                "00000000-0000-0000-0000-000000000000/\(resourceGroup)/\(account)".lowercased()],
            let key1 = entry["key1"]?.stringValue, let key2 = entry["key2"]?.stringValue
        else { return nil }
        return (key1, key2)
    }

    /// The two keys of a one-row table.
    static func tableKeys(_ table: String) -> (String, String)? {
        let lines = table.split(separator: "\n")
        guard lines.count == 3 else { return nil }
        let cells = lines[2].split(separator: " ")
        guard cells.count == 2 else { return nil }
        return (String(cells[0]), String(cells[1]))
    }
}

import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// The built binary in a chroot without `/proc` (issue 20): the binary, the libraries `ldd` names
/// and the dynamic loader, nothing else. Swift's `CommandLine.arguments` is empty there; the
/// arguments still arrive (captured before `main`), so `-WhatIf` is honoured. Needs root (or
/// CAP_SYS_CHROOT) and chroot(8): elsewhere every test here is skipped and the reason printed.
@Suite(
    .serialized,
    .enabled(if: ChrootJail.unavailableReason == nil, "chroot is not permitted here; the reason is printed above"))
struct NoProcChrootTests {
    static let pipelineObject = "{\"ResourceGroupName\":\"rg\",\"Name\":\"acct\",\"KeyName\":\"Key1\"}\n"

    @Test("`-WhatIf` with pipeline input writes its What-if line and leaves no state file")
    func whatIfWithPipelineInput() throws {
        let jail = try ChrootJail()
        defer { jail.remove() }
        let end = try jail.run("/opt/New-AzCognitiveServicesAccountKey", ["-WhatIf"], stdin: Self.pipelineObject)
        #expect(
            end.stderrText
                == "What if: Performing the operation \"Regenerating Key Key1 for account acct.\" on target \"acct\".\n"
        )
        #expect(end.stdout.isEmpty)
        #expect(end.status == 0)
        #expect(!FileManager.default.fileExists(atPath: jail.harness.folder + "/state"))
    }

    @Test("`-?` prints help")
    func help() throws {
        let jail = try ChrootJail()
        defer { jail.remove() }
        let end = try jail.run("/opt/New-AzCognitiveServicesAccountKey", ["-?"])
        #expect(end.stdoutText.hasPrefix("\nNAME\n    New-AzCognitiveServicesAccountKey\n"))
        #expect(end.stdoutText.contains("SYNOPSIS\n    Regenerates an account key.\n"))
        #expect(end.stderr.isEmpty && end.status == 0)
    }

    @Test("`rg acct Key1 --output json` prints JSON with the keys it stored")
    func json() throws {
        let jail = try ChrootJail()
        defer { jail.remove() }
        let end = try jail.run("/opt/New-AzCognitiveServicesAccountKey", ["rg", "acct", "Key1", "--output", "json"])
        let keys = try #require(
            jail.harness.storedKeys(account: "acct"),
            "status \(String(describing: end.status)), signal \(String(describing: end.signal)), stdout \(end.stdoutText.debugDescription), stderr \(end.stderrText.debugDescription)"
        )
        #expect(end.stdoutText == "{\"Key1\":\"\(keys.0)\",\"Key2\":\"\(keys.1)\"}\n")
        #expect(end.stderr.isEmpty && end.status == 0)
    }

    @Test("the multi-call binary: `azshim CMDLET -WhatIf` honours -WhatIf; an unknown name runs nothing")
    func multiCall() throws {
        let jail = try ChrootJail()
        defer { jail.remove() }
        let whatIf = try jail.run(
            "/opt/azshim", ["New-AzCognitiveServicesAccountKey", "-WhatIf"], stdin: Self.pipelineObject)
        #expect(
            whatIf.stderrText.hasPrefix("What if: ") && whatIf.status == 0,
            "status \(whatIf.status), stderr \(whatIf.stderrText.debugDescription)")
        let unknown = try jail.run("/opt/azshim", ["rg", "acct", "Key1"], stdin: Self.pipelineObject)
        #expect(unknown.stderrText.hasPrefix("rg: The term 'rg' is not recognized") && unknown.status == 1)
        let help = try jail.run("/opt/Get-Help", ["New-AzCognitiveServicesAccountKey", "-Parameter", "KeyName"])
        #expect(help.stdoutText.hasPrefix("\n-KeyName <") && help.status == 0)
        #expect(!FileManager.default.fileExists(atPath: jail.harness.folder + "/state"))
    }
}

/// A root for chroot(8) holding the built binary (as `/opt/azshim`, with links named
/// `New-AzCognitiveServicesAccountKey` and `Get-Help`), the libraries `ldd` lists, the dynamic
/// loader, and the harness's state folder, and no `/proc`. Runs get `env -i`'s environment plus
/// the emulator settings.
///
/// Example: `try ChrootJail().run("/opt/New-AzCognitiveServicesAccountKey", ["-?"])`.
struct ChrootJail {
    static let chroot = ["/usr/sbin/chroot", "/usr/bin/chroot"].first {
        FileManager.default.isExecutableFile(atPath: $0)
    }
    static let ldd = ["/usr/bin/ldd", "/bin/ldd"].first { FileManager.default.isExecutableFile(atPath: $0) }

    /// Why chroot cannot be used here, or nil; printed once, so a skipped test says why.
    static let unavailableReason: String? = {
        let reason = probe()
        if let reason { print("NoProcChrootTests not run: \(reason)") }
        return reason
    }()

    private static func probe() -> String? {
        guard let chroot else { return "chroot(8) is not installed" }
        guard ldd != nil else { return "ldd is not installed" }
        guard geteuid() == 0 else { return "not root (euid \(geteuid())); chroot(2) needs CAP_SYS_CHROOT" }
        guard let run = try? ChrootJail.capture(chroot, ["/", "/bin/true"]) else {
            return "chroot(8) could not be started"
        }
        guard run.status == 0 else {
            let status = run.status.map(String.init) ?? "a signal"
            let message = run.stderrText.trimmingCharacters(in: .whitespacesAndNewlines)
            return "chroot / /bin/true failed (\(status)): \(message)"
        }
        return nil
    }

    /// Runs a program on the host to its end.
    static func capture(_ executable: String, _ arguments: [String]) throws -> RawProcess.End {
        let process = try RawProcess(
            executable: executable, arguments: arguments.map { Array($0.utf8) }, environment: ["PATH": "/usr/bin:/bin"],
            folder: NSTemporaryDirectory())
        return process.wait()
    }

    struct SetupError: Error, CustomStringConvertible {
        let description: String
    }

    /// The root is the harness's folder: `/state/emulator.json` inside is `harness.stateFile` outside.
    let harness = Harness()
    var root: String { harness.folder }

    init() throws {
        let files = FileManager.default
        let binary = Harness.multiCallExecutable
        try files.createDirectory(atPath: root + "/opt", withIntermediateDirectories: true)
        try files.copyItem(atPath: binary, toPath: root + "/opt/azshim")
        try files.createSymbolicLink(
            atPath: root + "/opt/New-AzCognitiveServicesAccountKey", withDestinationPath: "azshim")
        try files.createSymbolicLink(atPath: root + "/opt/Get-Help", withDestinationPath: "azshim")
        let listing = try Self.capture(Self.ldd ?? "/usr/bin/ldd", [binary])
        guard listing.status == 0 else { throw SetupError(description: "ldd \(binary) failed: \(listing.stdoutText)") }
        // `libswiftCore.so => /opt/swift/…/libswiftCore.so (0x…)` and `/lib64/ld-linux-x86-64.so.2 (0x…)`.
        let libraries = listing.stdoutText.split(whereSeparator: \.isWhitespace).map(String.init).filter {
            $0.hasPrefix("/")
        }
        guard libraries.contains(where: { $0.contains("ld-linux") || $0.contains("ld-musl") }) else {
            throw SetupError(description: "ldd named no dynamic loader:\n\(listing.stdoutText)")
        }
        for library in libraries {
            let target = root + library
            try files.createDirectory(
                atPath: (target as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            let resolved = URL(fileURLWithPath: library).resolvingSymlinksInPath().path
            if !files.fileExists(atPath: target) { try files.copyItem(atPath: resolved, toPath: target) }
        }
        guard !files.fileExists(atPath: root + "/proc") else { throw SetupError(description: "the jail has a /proc") }
    }

    func remove() { harness.remove() }

    /// Runs `program` (a path inside the jail) with `env -i`'s environment and the emulator settings.
    func run(_ program: String, _ arguments: [String], stdin: String = "") throws -> RawProcess.End {
        let stdinPath = root + "/stdin-\(UUID().uuidString)"
        try Data(stdin.utf8).write(to: URL(fileURLWithPath: stdinPath))
        defer { try? FileManager.default.removeItem(atPath: stdinPath) }
        let process = try RawProcess(
            executable: Self.chroot ?? "/usr/sbin/chroot",
            arguments: ([root, program] + arguments).map { Array($0.utf8) },
            environment: ["AZURE_ENVIRONMENT": "Emulator", "AZSHIM_EMULATOR_STATE": "/state/emulator.json"],
            stdinPath: stdinPath, folder: root)
        return process.wait()
    }
}

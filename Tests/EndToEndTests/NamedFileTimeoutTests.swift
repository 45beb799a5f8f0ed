import FakeAzure
import Foundation
import TestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Files named by the user that another program writes (`<(…)`, a FIFO), through the built
/// binary: read when the writer finishes, an error naming the file and the 10 s bound when
/// nobody writes (`FileSystem.readTimeout`), and then nothing else happens: no request, the piped
/// object not processed, exit status 1.
@Suite struct NamedFileTimeoutTests {
    static let timeoutReason = "it did not end within 10 s (a FIFO or pipe is read until its writer closes it)"
    static let pipedAccount = #"{"ResourceGroupName":"rg","Name":"acct"}"# + "\n"
    static let context = #"{"DefaultContextKey":"c","Contexts":{"c":{"Subscription":{"Id":"s"}}}}"#

    static func fifo(in harness: Harness, named name: String) -> String {
        let path = harness.folder + "/" + name
        #expect(mkfifo(path, 0o600) == 0)
        return path
    }

    /// A service principal (tenant-1, client-1) on `server`, with `credential` (the variable
    /// naming its file) added.
    static func azure(_ server: FakeAzureServer, _ harness: Harness, _ credential: [String: String]) -> [String: String]
    {
        [
            "AZURE_ENVIRONMENT": "AzureCloud", "AZURE_TENANT_ID": "tenant-1", "AZURE_CLIENT_ID": "client-1",
            "AZURE_SUBSCRIPTION_ID": "00000000-1111-2222-3333-444444444444",
            "AZURE_RESOURCE_MANAGER_URL": server.baseURL,
            "AZURE_AUTHORITY_HOST": server.baseURL, "HOME": harness.folder, "AZSHIM_TOKEN_CACHE": "off",
        ].merging(credential) { $1 }
    }

    @Test("-DefaultProfile naming a FIFO nobody writes: the error after 10 s, the piped object untouched")
    func defaultProfileFIFO() throws {
        let harness = Harness()
        defer { harness.remove() }
        let path = Self.fifo(in: harness, named: "ctx.json")
        let start = ContinuousClock.now
        let result = try harness.runBinary(
            ["-KeyName", "Key1", "-DefaultProfile", path], stdin: Self.pipedAccount, deadline: 120)
        #expect(ContinuousClock.now - start >= .seconds(10))
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
        #expect(
            result.stderr
                == "New-AzCognitiveServicesAccountKey: Cannot use the context file '\(path)' given to -DefaultProfile: \(Self.timeoutReason)\n"
        )
        #expect(harness.storedKeys(account: "acct") == nil)
        #expect(!FileManager.default.fileExists(atPath: harness.stateFile))
    }

    @Test("AZURE_CLIENT_CERTIFICATE_PATH naming a FIFO nobody writes: the error after 10 s, no request at all")
    func certificateFIFO() throws {
        let harness = Harness()
        defer { harness.remove() }
        let server = try FakeAzureServer()
        server.route("/subscriptions/", fallback: .keys)
        let path = Self.fifo(in: harness, named: "sp.pem")
        let environment = Self.azure(server, harness, ["AZURE_CLIENT_CERTIFICATE_PATH": path])
        let result = try harness.runBinary(
            ["-KeyName", "Key1"], stdin: Self.pipedAccount, environment: environment, deadline: 120)
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
        #expect(
            result.stderr
                == "New-AzCognitiveServicesAccountKey: Cannot use the client certificate '\(path)' (AZURE_CLIENT_CERTIFICATE_PATH): cannot read it: \(Self.timeoutReason).\n"
        )
        #expect(server.requests.isEmpty)
    }

    /// `bash -c '… -DefaultProfile <(sleep 0.5; cat ctx.json)'`: the pipe of process
    /// substitution, written late, is read whole and the command runs.
    @Test("-DefaultProfile <(…) from bash, written after half a second, is read and the key regenerated")
    func defaultProfileProcessSubstitution() throws {
        let harness = Harness()
        defer { harness.remove() }
        let contextPath = harness.folder + "/ctx.json"
        try Self.context.write(toFile: contextPath, atomically: true, encoding: .utf8)
        let script =
            #""$0" -ResourceGroupName rg -Name acct -KeyName Key1 --output json "#
            + #"-DefaultProfile <(sleep 0.5; cat "$1")"#
        let result = try harness.runBinary(
            ["-c", script, Harness.executable, contextPath], executable: "/bin/bash", deadline: 120)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.isEmpty)
        let keys = try #require(harness.storedKeys(account: "acct"))
        #expect(result.stdout == #"{"Key1":"\#(keys.0)","Key2":"\#(keys.1)"}"# + "\n")
    }

    @Test("AZSHIM_CA_FILE may be a FIFO or <(…) (its read is bounded later), not a folder")
    func caFileCheck() throws {
        let harness = Harness()
        defer { harness.remove() }
        let path = Self.fifo(in: harness, named: "ca.pem")
        let fifo = harness.run(["rg", "acct", "Key1"], environment: ["AZSHIM_CA_FILE": path])
        #expect(fifo.status == 0, "\(fifo.stderr)")
        let folder = harness.run(["rg", "acct", "Key2"], environment: ["AZSHIM_CA_FILE": harness.folder])
        #expect(folder.status == 2)
        #expect(
            folder.stderr
                == "New-AzCognitiveServicesAccountKey: AZSHIM_CA_FILE '\(harness.folder)' is not valid: expected a readable file of PEM certificates.\n"
        )
    }

    @Test("an Azure CLI profile that is a FIFO nobody writes is an error, not a silent switch to the emulator")
    func cliProfileFIFO() throws {
        let harness = Harness()
        defer { harness.remove() }
        try FileManager.default.createDirectory(atPath: harness.folder + "/.azure", withIntermediateDirectories: true)
        let path = Self.fifo(in: harness, named: ".azure/azureProfile.json")
        let result = harness.run(
            ["-KeyName", "Key1"], stdin: Self.pipedAccount,
            environment: ["AZURE_ENVIRONMENT": "", "HOME": harness.folder])
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
        #expect(
            result.stderr
                == "New-AzCognitiveServicesAccountKey: Cannot use the Azure CLI profile '\(path)': \(Self.timeoutReason).\n"
        )
        #expect(harness.storedKeys(account: "acct") == nil)
    }

    @Test("AZURE_FEDERATED_TOKEN_FILE naming a FIFO nobody writes: an authentication error, no request")
    func federatedTokenFIFO() throws {
        let harness = Harness()
        defer { harness.remove() }
        let server = try FakeAzureServer()
        server.route("/subscriptions/", fallback: .keys)
        let path = Self.fifo(in: harness, named: "token")
        let environment = Self.azure(server, harness, ["AZURE_FEDERATED_TOKEN_FILE": path])
        let result = harness.run(["rg", "acct", "Key1"], environment: environment)
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
        #expect(
            result.stderr
                == "New-AzCognitiveServicesAccountKey: Workload identity authentication for client 'client-1' at \(server.baseURL) failed: cannot read AZURE_FEDERATED_TOKEN_FILE '\(path)': \(Self.timeoutReason)\n"
        )
        #expect(server.requests.isEmpty)
    }

    /// The emulator's state file reads through the same bounded read (the token cache refuses
    /// anything but a regular file before reading: `FileSystem.readPrivate`, `TokenCacheTests`).
    @Test("an emulator state file that is a FIFO nobody writes: the error after 10 s, nothing replaced")
    func emulatorStateFIFO() throws {
        let harness = Harness()
        defer { harness.remove() }
        try FileManager.default.createDirectory(atPath: harness.folder + "/state", withIntermediateDirectories: true)
        let path = Self.fifo(in: harness, named: "state/emulator.json")
        let result = harness.run(["rg", "acct", "Key1"])
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
        #expect(
            result.stderr
                == "New-AzCognitiveServicesAccountKey: The emulator state file cannot be used. Cannot read '\(path)': \(Self.timeoutReason).\n"
        )
        var status = stat()
        #expect(stat(path, &status) == 0 && status.st_mode & S_IFMT == S_IFIFO)
    }
}

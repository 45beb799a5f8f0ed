import PowerShellHost

/// A local, file-backed emulation of the Cognitive Services key operations of Azure Resource
/// Manager, answering through the same seam as the real client.
///
/// Each request takes an exclusive lock on `<state>.lock`, reads the state file, applies the
/// operation and replaces the file atomically (mode 0600), so concurrent processes never lose
/// an update and a reader never sees half a file.
///
/// Example: `AZURE_ENVIRONMENT=Emulator New-AzCognitiveServicesAccountKey rg myluis Key1` sends
/// `POST …/accounts/myluis/regenerateKey` here and gets `{"key1":"<new>","key2":"<old>"}`.
public struct EmulatorBackend: ARMTransport {
    public let stateFilePath: String
    /// Create unknown accounts on first use (`AZSHIM_EMULATOR_AUTOCREATE`, default on).
    public let autocreate: Bool

    public init(stateFilePath: String, autocreate: Bool) {
        self.stateFilePath = stateFilePath
        self.autocreate = autocreate
    }

    /// The state file path: `AZSHIM_EMULATOR_STATE`, else `${XDG_STATE_HOME:-~/.local/state}/azshim/emulator.json`.
    public static func stateFilePath(environment: [String: String]) -> String {
        if let path = environment["AZSHIM_EMULATOR_STATE"], !path.isEmpty { return path }
        if let state = environment["XDG_STATE_HOME"], !state.isEmpty { return state + "/azshim/emulator.json" }
        return (environment["HOME"] ?? ".") + "/.local/state/azshim/emulator.json"
    }

    public func send(_ request: ARMRequest) throws(ARMTransportError) -> ARMResponse {
        let segments = request.pathSegments
        guard request.method == "POST", segments.count == 9, segments[0].lowercased() == "subscriptions",
            segments[2].lowercased() == "resourcegroups", segments[4].lowercased() == "providers",
            segments[5].lowercased() == "microsoft.cognitiveservices", segments[6].lowercased() == "accounts"
        else {
            return Self.error(404, code: "NotFound", message: "The emulator does not serve \(request.method) \(request.encodedPath).")
        }
        let (subscription, resourceGroup, name, action) = (segments[1], segments[3], segments[7], segments[8].lowercased())
        let keyName: String?
        switch action {
        case "listkeys": keyName = nil
        case "regeneratekey":
            guard let body = request.body, let parsed = try? JSONParser.parse(body),
                let key = parsed["keyName"]?.stringValue, ["key1", "key2"].contains(key.lowercased())
            else {
                return Self.error(400, code: "InvalidRequestContent", message: "The request content is not valid: keyName must be Key1 or Key2.")
            }
            keyName = key.lowercased()
        default:
            return Self.error(404, code: "NotFound", message: "The emulator does not serve the action '\(segments[8])'.")
        }
        do {
            return try update(subscription: subscription, resourceGroup: resourceGroup, name: name, regenerating: keyName)
        } catch {
            throw .localFailure(error.description)
        }
    }

    private func update(
        subscription: String, resourceGroup: String, name: String, regenerating keyName: String?
    ) throws(EmulatorFailure) -> ARMResponse {
        let folder = String(stateFilePath.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/"))
        do {
            if !folder.isEmpty { try FileSystem.makeDirectories(folder) }
            let lock = try FileSystem.Lock(path: stateFilePath + ".lock")
            defer { lock.unlock() }
            // A writer killed mid-write leaves its temporary file; under the lock, none is live.
            FileSystem.removeStaleTemporaries(of: stateFilePath)
            var state = EmulatorState()
            if let bytes = try FileSystem.readIfExists(stateFilePath) {
                do { state = try EmulatorState(parsing: bytes) } catch { throw EmulatorFailure.corrupt(stateFilePath, error) }
            }
            let id = EmulatorState.id(subscription: subscription, resourceGroup: resourceGroup, name: name)
            var account: EmulatorState.Account
            if let existing = state[id] {
                account = existing
            } else if autocreate {
                account = .init(resourceGroup: resourceGroup, name: name, key1: Self.newKey(), key2: Self.newKey())
            } else {
                return Self.error(
                    404, code: "ResourceNotFound",
                    message: "The Resource 'Microsoft.CognitiveServices/accounts/\(name)' under resource group "
                        + "'\(resourceGroup)' was not found. For more details please go to https://aka.ms/ARMResourceNotFoundFix")
            }
            switch keyName {
            case "key1": account.key1 = Self.newKey()
            case "key2": account.key2 = Self.newKey()
            default: break
            }
            if state[id] != account {
                state[id] = account
                try FileSystem.replaceAtomically(stateFilePath, with: state.serialized)
            }
            let body = JSONWriter.compact(.object([("key1", .string(account.key1)), ("key2", .string(account.key2))]))
            return ARMResponse(statusCode: 200, headers: [("Content-Type", "application/json; charset=utf-8")], json: body)
        } catch let failure as FileSystem.Failure {
            throw .fileSystem(failure)
        } catch let failure as EmulatorFailure {
            throw failure
        } catch {
            throw .fileSystem(FileSystem.Failure(operation: "use", path: stateFilePath, reason: "\(error)"))
        }
    }

    /// 32 lowercase hexadecimal characters from the system's secure random generator
    /// (`getrandom` on Linux), the shape of a classic Cognitive Services key.
    static func newKey() -> String {
        var generator = SystemRandomNumberGenerator()
        let digits = Array("0123456789abcdef")
        return String((0..<32).map { _ in digits[Int(generator.next(upperBound: UInt8(16)))] })
    }

    private static func error(_ status: Int, code: String, message: String) -> ARMResponse {
        let body = JSONWriter.compact(.object([("error", .object([("code", .string(code)), ("message", .string(message))]))]))
        return ARMResponse(statusCode: status, headers: [("Content-Type", "application/json; charset=utf-8")], json: body)
    }
}

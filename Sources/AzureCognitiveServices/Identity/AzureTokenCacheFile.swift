import AzShimSupport

/// Access tokens kept between runs (never refresh tokens, secrets or assertions), in one JSON
/// file private to the user: `${XDG_CACHE_HOME:-$HOME/.cache}/azshim/tokens.json`, mode 0600 in
/// a 0700 folder, each entry named by `AzureTokenCacheKey.entryName`. Reads take no lock (every
/// write replaces the whole file atomically); a write takes `tokens.json.lock`, reads the file
/// again, changes its one entry, drops expired ones and replaces the file, so concurrent
/// processes lose no entry.
///
/// A file that is a symbolic link, is not a regular file, belongs to another user, is open to
/// group or others, or does not parse is not read (a WARNING under `-Verbose` names the reason)
/// and is replaced on the next write. Nothing read from it is shown anywhere.
///
/// Example file: `{"version":1,"tokens":{"5d0c…e1":{"accessToken":"eyJ0…","expiresOn":1764630000}}}`.
struct AzureTokenCacheFile: Sendable {
    /// One cached token.
    struct Entry: Sendable, Equatable {
        var name: String
        var token: AzureAccessToken
    }

    let path: String
    /// The most entries kept; the ones expiring first go when there are more.
    static let maximumEntries = 256
    /// A cache file larger than this is not read (256 entries of a few KB each fit).
    static let maximumBytes = 4 << 20
    static let formatVersion = "1"
    /// An expiry beyond this (the year 5138) is not a time a token endpoint gives: the file was
    /// not written by AzShim, and arithmetic on it is not to be trusted.
    static let latestExpiry = 1e11

    var folder: String {
        String(path.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/"))
    }

    /// Why the file cannot be used, as data.
    enum Problem: Error, Equatable {
        case file(FileSystem.PrivateFileProblem)
        case folder(FileSystem.PrivateFileProblem)
        case syntax(line: Int, column: Int)
        case shape(String)
    }

    /// The token stored under `name`, when the file can be read and holds one.
    func token(named name: String, diagnostics: AzureDiagnostics) -> AzureAccessToken? {
        switch entries() {
        case .success(let entries): return entries.first { $0.name == name }?.token
        case .failure(let problem):
            diagnostics.verboseWarning(message(problem, reading: true))
            return nil
        }
    }

    /// Stores `token` under `name` (nil: removes the entry, but only while it still holds
    /// `replacing`, so a newer token another process stored stays). Dropped entries: expired
    /// ones, and the ones expiring first beyond `maximumEntries`. A failure is a WARNING under
    /// `-Verbose`: the token is then used for this run only.
    func store(
        _ token: AzureAccessToken?, named name: String, replacing: String? = nil, now: Double,
        diagnostics: AzureDiagnostics
    ) {
        if let problem = FileSystem.privateFolderProblem(folder) {
            diagnostics.verboseWarning(message(.folder(problem), reading: false))
            return
        }
        let outcome: Result<Void, FileSystem.Failure> = Result { () throws(FileSystem.Failure) in
            try FileSystem.whileLocked(path, failure: { $0 }) { () throws(FileSystem.Failure) in
                // A file that cannot be read is replaced (its problem was reported when it was read).
                var entries = (try? entries().get()) ?? []
                if let token {
                    entries.removeAll { $0.name == name }
                    entries.append(Entry(name: name, token: token))
                } else {
                    entries.removeAll { $0.name == name && (replacing == nil || $0.token.value == replacing) }
                }
                entries.removeAll { $0.token.expiresOn <= now }
                if entries.count > Self.maximumEntries {
                    entries.sort { $0.token.expiresOn > $1.token.expiresOn }
                    entries.removeLast(entries.count - Self.maximumEntries)
                }
                // Not synced: a cache lost to a power failure costs one token request.
                try FileSystem.replaceAtomically(path, with: Self.serialize(entries), durable: false)
            }
        }
        if case .failure(let failure) = outcome {
            diagnostics.verboseWarning(
                "The token cache '\(path)' cannot be written: \(failure.description) The token is used for this run only."
            )
        }
    }

    /// Every entry of the file (none when it does not exist yet), or why it is not read.
    func entries() -> Result<[Entry], Problem> {
        if let problem = FileSystem.privateFolderProblem(folder) { return .failure(.folder(problem)) }
        let bytes: [UInt8]?
        do {
            bytes = try FileSystem.readPrivate(path, maximumBytes: Self.maximumBytes)
        } catch {
            return .failure(.file(error))
        }
        // None yet, or emptied by a power failure before its data reached the disk.
        guard let bytes, !bytes.isEmpty else { return .success([]) }
        let document: JSONValue
        do { document = try JSONParser.parse(bytes) } catch {
            return .failure(.syntax(line: error.line, column: error.column))
        }
        return Result { () throws(Problem) in try Self.entries(of: document) }
    }

    private static func entries(of document: JSONValue) throws(Problem) -> [Entry] {
        guard case .number(let version)? = document["version"], version == formatVersion else {
            throw .shape("it has no \"version\": \(formatVersion)")
        }
        guard case .object(let members)? = document["tokens"] else { throw .shape("it has no \"tokens\" object") }
        var entries: [Entry] = []
        for (name, value) in members {
            guard name.utf8.count == 64,
                name.utf8.allSatisfy({ (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }),
                let token = value["accessToken"]?.stringValue, AzureAccessToken.bearerProblem(token) == nil,
                let expiresOn = value["expiresOn"].flatMap(AzureTokenResponse.number),
                expiresOn.magnitude < Self.latestExpiry
            else {
                throw .shape("an entry is not a token AzShim stored")
            }
            entries.append(Entry(name: name, token: AzureAccessToken(value: token, expiresOn: expiresOn)))
        }
        return entries
    }

    static func serialize(_ entries: [Entry]) -> [UInt8] {
        let tokens: [(key: String, value: JSONValue)] = entries.map { entry in
            let seconds = entry.token.expiresOn
            let expiresOn = seconds.isFinite && abs(seconds) < 1e15 ? String(Int64(seconds)) : "0"
            return (
                entry.name,
                .object([("accessToken", .string(entry.token.value)), ("expiresOn", .number(expiresOn))])
            )
        }
        let document = JSONValue.object([("version", .number(formatVersion)), ("tokens", .object(tokens))])
        return Array((JSONWriter.compact(document) + "\n").utf8)
    }

    /// The WARNING for `problem`; it names the file and the reason, never anything in it.
    func message(_ problem: Problem, reading: Bool) -> String {
        switch problem {
        case .folder(let reason):
            return "The token cache folder '\(folder)' is not used: \(reason.reason). Tokens are not kept between runs."
        case .file(let reason):
            return "The token cache '\(path)' was not read: \(reason.reason). It is replaced on the next write."
        case .syntax(let line, let column):
            return
                "The token cache '\(path)' was not read: it is not valid JSON (line \(line), column \(column)). It is replaced on the next write."
        case .shape(let reason):
            return
                "The token cache '\(path)' was not read: it is not a token cache AzShim wrote (\(reason)). It is replaced on the next write."
        }
    }
}

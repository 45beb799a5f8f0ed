import AzShimSupport
import AzureCognitiveServices
import FakeAzure
import Foundation
import PowerShellHost
import Testing

/// One sweep over every path the cmdlet can take — success, every kind of error, retries,
/// token failures, `-Verbose -Debug`, `-WhatIf`, the emulator — asserting that no key value,
/// access token, client secret, client assertion or managed-identity header ever reaches stderr
/// or any file but the emulator's state, and that the bearer token goes only to ARM.
@Suite(.serialized)
struct SecretsTests {
    static let assertion = "eyJhbGciOiJSUzI1NiJ9.FEDERATED-ASSERTION-SECRET.c2lnbmF0dXJl"
    static let identityHeader = "IDENTITY-HEADER-SECRET-77"
    static let managedToken = "MI-ACCESS-TOKEN-SECRET-99"
    static let fixedSecrets = [
        "SECRETKEYONE", "SECRETKEYTWO", "FAKE-ACCESS-TOKEN", AzureTestEnvironment.clientSecret,
        "FEDERATED-ASSERTION-SECRET",
        identityHeader, managedToken,
    ]

    /// One run: a label, the arguments, the extra environment, and the fake's ARM and token scripts.
    struct Path {
        var label: String
        var arguments = ["rg", "acct", "Key1"]
        var environment: [String: String] = [:]
        var arm: [FakeAzureServer.Reply] = []
        var armFallback: FakeAzureServer.Reply = .keys
        var token: [FakeAzureServer.Reply] = []
        var tokenFallback: FakeAzureServer.Reply = .token
    }

    static func reply(_ base: FakeAzureServer.Reply, _ behaviour: FakeAzureServer.Reply.Behaviour)
        -> FakeAzureServer.Reply
    {
        var reply = base
        reply.behaviour = behaviour
        return reply
    }

    /// The credential's own secrets, which a hostile or careless identity platform echoes back.
    static let echoed = "\(AzureTestEnvironment.clientSecret) \(assertion) \(identityHeader)"
    static let echoingSecret = FakeAzureServer.Reply.json(
        401,
        #"{"error":"invalid_client","error_description":"AADSTS7000215: Invalid client secret provided: \#(echoed)"}"#)

    static var azurePaths: [Path] {
        let keysText = String(decoding: FakeAzureServer.Reply.keys.body, as: UTF8.self)
        return [
            Path(label: "success"),
            Path(label: "success, table", arguments: ["rg", "acct", "Key2", "--output", "list"]),
            Path(label: "WhatIf", arguments: ["rg", "acct", "Key1", "-WhatIf"]),
            Path(label: "WhatIf Force", arguments: ["rg", "acct", "Key1", "-WhatIf", "-Force"]),
            Path(
                label: "ARM 404",
                armFallback: .json(404, #"{"error":{"code":"ResourceNotFound","message":"not found"}}"#)),
            Path(
                label: "ARM 400 echoing the body",
                armFallback: .json(400, #"{"error":{"code":"BadRequest","message":"bad"}}"#)),
            Path(
                label: "ARM 401",
                armFallback: .json(
                    401,
                    #"{"error":{"code":"InvalidAuthenticationToken","message":"FAKE-ACCESS-TOKEN-0123456789 and \#(managedToken) are expired"}}"#
                )),
            Path(
                label: "retries then success", environment: ["AZURE_PS_HTTP_MAX_RETRIES": "2"],
                arm: [.json(500, "{}"), .json(429, "{}", headers: [("Retry-After", "0")])]),
            Path(
                label: "500s until the retries end", environment: ["AZURE_PS_HTTP_MAX_RETRIES": "1"],
                armFallback: .json(503, keysText)),
            Path(label: "keys in a 429 body", armFallback: .json(429, keysText, headers: [("Retry-After", "99999")])),
            Path(
                label: "truncated keys", environment: ["AZURE_PS_HTTP_MAX_RETRIES": "0"],
                armFallback: reply(.keys, .truncated)),
            Path(label: "chunked keys", armFallback: reply(.keys, .chunked)),
            Path(label: "reset", environment: ["AZURE_PS_HTTP_MAX_RETRIES": "0"], armFallback: reply(.keys, .reset)),
            Path(
                label: "HTML with keys",
                armFallback: FakeAzureServer.Reply(
                    status: 200, headers: [("Content-Type", "text/html")], body: Array(("<p>" + keysText).utf8))),
            Path(
                label: "redirect",
                armFallback: FakeAzureServer.Reply(status: 302, headers: [("Location", "http://127.0.0.1:9/steal")])),
            Path(label: "token 401 echoing the secret", tokenFallback: echoingSecret),
            Path(label: "token 500 then 200", token: [.json(500, "{}")]),
            Path(
                label: "token 500 always",
                tokenFallback: .json(500, #"{"error":"server_error","error_description":"\#(echoed)"}"#)),
            Path(label: "token malformed", tokenFallback: .json(200, #"{"access_token":"FAKE-ACCESS-TOKEN-X","#)),
            Path(label: "token reset", tokenFallback: reply(.token, .reset)),
            Path(label: "pipeline of three", arguments: ["-KeyName", "Key1", "--output", "json"]),
        ]
    }

    /// A folder for HOME, XDG_*, AZURE_CONFIG_DIR and TMPDIR of the runs, scanned afterwards.
    static func isolatedEnvironment(_ folder: String) -> [String: String] {
        [
            "HOME": folder + "/home", "XDG_STATE_HOME": folder + "/state", "XDG_CONFIG_HOME": folder + "/config",
            "XDG_CACHE_HOME": folder + "/cache", "AZURE_CONFIG_DIR": folder + "/azure", "TMPDIR": folder + "/tmp",
        ]
    }

    /// Every regular file under `folder` except `excluded`, with its bytes.
    static func files(under folder: String, excluding excluded: Set<String>) -> [(String, String)] {
        guard let enumerator = FileManager.default.enumerator(atPath: folder) else { return [] }
        var result: [(String, String)] = []
        while let relative = enumerator.nextObject() as? String {
            let path = folder + "/" + relative
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue,
                !excluded.contains(path), let data = FileManager.default.contents(atPath: path)
            else { continue }
            result.append((path, String(decoding: data, as: UTF8.self)))
        }
        return result
    }

    @Test(
        "no secret on stderr or in any file on any path; the token goes only to ARM; the secret only to the token endpoint"
    )
    func secretsStayPut() throws {
        let folder = AzureTestEnvironment.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let assertionFile = folder + "/federated-token"
        try Data(Self.assertion.utf8).write(to: URL(fileURLWithPath: assertionFile))
        let stateFile = folder + "/emulator/emulator.json"
        /// Each run's label, stderr, and the secrets that run knew (the fake echoes every credential's).
        var stderrs: [(String, String, [String])] = []
        var stdoutSecrets: [String] = []
        let pipelineInput = (0..<3).map { "{\"ResourceGroupName\":\"rg\",\"Name\":\"acct\($0)\"}" }.joined(
            separator: "\n")
        for credential in ["secret", "workload", "managed"] {
            for path in Self.azurePaths {
                let server = try FakeAzureServer()
                defer { server.stop() }
                server.route("/tenant-1/oauth2/v2.0/token", path.token, fallback: path.tokenFallback)
                server.route(
                    "/msi/token", path.token,
                    fallback: path.tokenFallback.status == 200 && path.tokenFallback.behaviour == .normal
                        ? .json(
                            200,
                            #"{"access_token":"\#(Self.managedToken)","expires_on":"1999999999","resource":"https://management.core.windows.net/","token_type":"Bearer"}"#
                        )
                        : path.tokenFallback)
                server.route("/subscriptions/", path.arm, fallback: path.armFallback)
                var environment = AzureTestEnvironment.clientSecret(server, Self.isolatedEnvironment(folder))
                switch credential {
                case "workload":
                    environment["AZURE_CLIENT_SECRET"] = nil
                    environment["AZURE_FEDERATED_TOKEN_FILE"] = assertionFile
                case "managed":
                    environment["AZURE_CLIENT_SECRET"] = nil
                    environment["AZURE_TENANT_ID"] = nil
                    environment["IDENTITY_ENDPOINT"] = server.baseURL + "/msi/token"
                    environment["IDENTITY_HEADER"] = Self.identityHeader
                default: break
                }
                environment.merge(path.environment) { $1 }
                let stdin = path.label == "pipeline of three" ? pipelineInput : ""
                for extra in [[], ["-Verbose", "-Debug"]] {
                    let result = AzureCmdletTests.run(path.arguments + extra, environment: environment, stdin: stdin)
                    let known =
                        ["SECRETKEYONE", "SECRETKEYTWO"]
                        + (credential == "secret"
                            ? [AzureTestEnvironment.clientSecret, "FAKE-ACCESS-TOKEN"]
                            : credential == "workload"
                                ? ["FEDERATED-ASSERTION-SECRET", "FAKE-ACCESS-TOKEN"]
                                : [Self.identityHeader, Self.managedToken])
                    stderrs.append(("\(credential) \(path.label) \(extra)", result.stderr, known))
                }
                for request in server.requests {
                    let authorization = request.headers["Authorization"]
                    if authorization != nil {
                        #expect(
                            request.path.hasPrefix("/subscriptions/"),
                            "\(credential) \(path.label): token sent to \(request.path)")
                    }
                    let everything =
                        request.target + request.headers.map { "\($0.name): \($0.value)" }.joined() + request.bodyText
                    if request.path.hasPrefix("/subscriptions/") {
                        for secret in [
                            AzureTestEnvironment.clientSecret, "FEDERATED-ASSERTION-SECRET", Self.identityHeader,
                        ] {
                            #expect(!everything.contains(secret), "\(credential) \(path.label): ARM received \(secret)")
                        }
                    } else {
                        #expect(
                            !everything.contains("FAKE-ACCESS-TOKEN") && !everything.contains(Self.managedToken),
                            "\(credential) \(path.label): the token went to \(request.path)")
                    }
                }
            }
        }
        // The emulator: its keys are printed on stdout only.
        let emulator = ["AZURE_ENVIRONMENT": "Emulator", "AZSHIM_EMULATOR_STATE": stateFile].merging(
            Self.isolatedEnvironment(folder)
        ) { $1 }
        for arguments in [
            ["rg", "emu", "Key1", "--output", "json"], ["rg", "emu", "Key2", "-Verbose", "-Debug", "--output", "json"],
            ["rg", "emu", "Key1", "-WhatIf", "-Verbose", "-Debug"],
            ["rg", "emu", "Key1", "-Confirm:false", "-Debug", "--output", "json"],
            ["rg", "emu", "Key3", "-Debug"], ["rg", "e", "Key1", "-Debug"],
        ] {
            let result = AzureCmdletTests.run(arguments, environment: emulator)
            stderrs.append(("emulator \(arguments)", result.stderr, []))
            if let value = try? JSONParser.parse(Array(result.stdout.utf8)) {
                stdoutSecrets += [value["Key1"]?.stringValue, value["Key2"]?.stringValue].compactMap { $0 }
            }
        }
        // An emulator failure (corrupt state) quoting the file must not show the keys either.
        let corrupt = folder + "/corrupt/emulator.json"
        try FileManager.default.createDirectory(atPath: folder + "/corrupt", withIntermediateDirectories: true)
        try Data("{\"accounts\":{\"x\":{\"key1\":\"CORRUPT-STATE-KEY-SECRET\"}}".utf8).write(
            to: URL(fileURLWithPath: corrupt))
        let broken = AzureCmdletTests.run(
            ["rg", "emu", "Key1", "-Debug"], environment: emulator.merging(["AZSHIM_EMULATOR_STATE": corrupt]) { $1 })
        #expect(broken.status == 1)
        stderrs.append(("emulator corrupt state", broken.stderr, []))
        #expect(stdoutSecrets.count >= 6)
        let secrets = Self.fixedSecrets + stdoutSecrets + ["CORRUPT-STATE-KEY-SECRET"]
        for (label, stderr, known) in stderrs {
            for secret in known + stdoutSecrets + ["CORRUPT-STATE-KEY-SECRET"] {
                #expect(!stderr.contains(secret), "\(label): stderr shows \(secret)")
            }
        }
        // Nothing the runs wrote holds a secret, except the emulator's state and the token cache,
        // which holds access tokens (only those: no key, client secret, assertion or header).
        let tokenCache = folder + "/cache/azshim/tokens.json"
        let tokenCacheText = try String(contentsOfFile: tokenCache, encoding: .utf8)
        #expect(tokenCacheText.contains("FAKE-ACCESS-TOKEN") && tokenCacheText.contains(Self.managedToken))
        let mode = try FileManager.default.attributesOfItem(atPath: tokenCache)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        for (path, text) in Self.files(under: folder, excluding: [stateFile, assertionFile, corrupt]) {
            let accessTokens = ["FAKE-ACCESS-TOKEN", Self.managedToken]
            for secret in secrets where path != tokenCache || !accessTokens.contains(secret) {
                #expect(!text.contains(secret), "\(path) holds \(secret)")
            }
        }
        #expect(stderrs.count > 100)
    }
}

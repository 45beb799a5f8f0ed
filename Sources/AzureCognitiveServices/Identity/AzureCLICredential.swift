import AzShimSupport
import HTTP1

#if canImport(Glibc)
    import Glibc
#endif

/// Tokens from the Azure CLI login (§5.4): runs
/// `az account get-access-token -o json --resource <audience>` and reads `accessToken` and
/// `expires_on` (or the local-time `expiresOn` of older CLIs).
///
/// Example: after `az login`, `New-AzCognitiveServicesAccountKey rg acct Key1` runs
/// `az account get-access-token -o json --resource https://management.core.windows.net/` once.
struct AzureCLICredential: AzureTokenCredential {
    /// The environment the `az` child process gets (and whose `PATH` finds `az`).
    var environment: [String: String]
    var timeout: Duration = .seconds(30)

    var kind: AzureCredentialKind { .azureCLI }

    /// The profile's path and content: `az login`, `az logout` and `az account set` rewrite it,
    /// so a token cached before any of them is not used after it.
    var tokenCacheMaterial: [UInt8] {
        let path = AzureCLIProfile.path(environment: environment) ?? ""
        let content = (try? FileSystem.read(path, maximumBytes: 16 << 20)) ?? []
        return Array("azure cli\u{0}\(path)\u{0}".utf8) + content
    }

    func fetchToken(audience: String, pipeline: AzureHTTPPipeline) throws(ARMTransportError) -> AzureAccessToken {
        let source = "Azure CLI authentication failed"
        func failure(_ reason: AuthenticationError.Reason) -> ARMTransportError {
            .authentication(AuthenticationError(attempt: source, reason: reason))
        }
        guard let az = AzureSubprocess.find("az", path: environment["PATH"]) else {
            throw failure(
                .local("the Azure CLI ('az') was not found on PATH. Install it, or configure another credential."))
        }
        var resource = audience
        if resource.hasSuffix("/.default") { resource.removeLast(9) }
        let arguments = ["account", "get-access-token", "-o", "json", "--resource", resource]
        pipeline.diagnostics.debug("Running: az \(arguments.joined(separator: " "))")
        // Within what the operation's time budget leaves, when that is less.
        let allowed = min(timeout, pipeline.deadline.map { $0 - MonotonicInstant.now } ?? timeout)
        let output: AzureSubprocess.Output
        do {
            output = try AzureSubprocess.run(
                executable: az, arguments: arguments, environment: environment, timeout: allowed,
                cancellation: pipeline.cancellation)
        } catch {
            switch error {
            case .cancelled: throw .cancelled
            case .timedOut:
                throw failure(
                    .local(
                        "'az account get-access-token' did not finish within \(ARMErrorMessages.formatSeconds((allowed.inSeconds * 10).rounded() / 10)) s"
                    ))
            case .spawnFailed(let reason): throw failure(.local("cannot run '\(az)': \(reason)"))
            case .outputTooLarge(let cap):
                throw failure(.refused("'az account get-access-token' wrote more than \(cap) bytes"))
            }
        }
        let errorText = String(decoding: output.stderr, as: UTF8.self)
        if output.status != 0 {
            if errorText.contains(text: "az login") || errorText.contains(text: "az account set") {
                throw failure(.refused("not logged in. Run 'az login', or configure another credential."))
            }
            let line =
                errorText.split(whereSeparator: \.isNewline).first.map(String.init) ?? "exit status \(output.status)"
            throw failure(.refused(pipeline.secrets.scrub(line)))
        }
        guard let json = try? JSONParser.parse(output.stdout),
            let token = json["accessToken"]?.stringValue, !token.isEmpty
        else {
            throw failure(.refused("'az account get-access-token' printed no accessToken"))
        }
        pipeline.secrets.register(token)
        if let problem = AzureAccessToken.bearerProblem(token) {
            let reason = "the access token 'az account get-access-token' printed cannot be sent in an HTTP header"
            throw failure(.refused("\(reason): \(problem)"))
        }
        pipeline.diagnostics.debug("az account get-access-token: {\"accessToken\": \"<redacted>\", …}")
        var expiresOn = pipeline.clock.now() + 300
        if let epoch = json["expires_on"].flatMap(AzureTokenResponse.number) {
            expiresOn = epoch
        } else if let local = json["expiresOn"]?.stringValue, let parsed = Self.parseLocalTime(local) {
            expiresOn = parsed
        }
        return AzureAccessToken(value: token, expiresOn: expiresOn)
    }

    /// `2026-01-31 12:34:56.789012` in the local time zone → seconds since 1970.
    static func parseLocalTime(_ text: String) -> Double? {
        let parts = text.split(whereSeparator: { $0 == " " || $0 == "-" || $0 == ":" || $0 == "." || $0 == "T" })
        guard parts.count >= 6, let year = Int32(parts[0]), let month = Int32(parts[1]), let day = Int32(parts[2]),
            let hour = Int32(parts[3]), let minute = Int32(parts[4]), let second = Int32(parts[5])
        else { return nil }
        var time = tm()
        time.tm_year = year - 1900
        time.tm_mon = month - 1
        time.tm_mday = day
        time.tm_hour = hour
        time.tm_min = minute
        time.tm_sec = second
        time.tm_isdst = -1
        let epoch = mktime(&time)
        return epoch == -1 ? nil : Double(epoch)
    }
}

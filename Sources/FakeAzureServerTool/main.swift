import FakeAzure
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

// azshim-fake-azure: the loopback fake of Azure Resource Manager and the token endpoint as a
// process, for Scripts/bench.sh. Not a product and never installed.
//
//   azshim-fake-azure [--port N] [--delay-ms MS] [--token-delay-ms MS] [--throttle-every N] [--storm N]
//                     [--retry-after-ms MS] [--accounts N] [--page-size N] [--resource-groups N]
//
// Prints `port=<n>` on stdout once it listens. Every token request (any path ending in
// `/oauth2/v2.0/token`) gets a token valid for an hour after `--token-delay-ms` (the identity
// platform's round trip); every other POST gets fixed keys after `--delay-ms`. `--storm N`: the first N ARM requests get 429 with `retry-after-ms`;
// `--throttle-every N`: so does every Nth one after that. `GET /__stats` and SIGTERM/SIGINT
// print `requests=… arm=… tokens=… throttled=… connections=…` (SIGTERM then exits 0).
// `--accounts N`: GETs under `/subscriptions/00000000-1111-2222-3333-444444444444/` serve N
// generated accounts (`FakeAccountCatalog`: `acct…` spread over `--resource-groups` groups
// `rg0`, `rg1`, …, or `rg` alone), `--page-size` per page (default 100) with next links.
//
// Example: `azshim-fake-azure --delay-ms 20 &` then
// `AZURE_RESOURCE_MANAGER_URL=http://127.0.0.1:<port> AZURE_AUTHORITY_HOST=http://127.0.0.1:<port> …`.

struct FakeAzureOptions: Sendable {
    var port = 0
    var delayMilliseconds = 0.0
    var tokenDelayMilliseconds = 0.0
    var throttleEvery = 0
    var storm = 0
    var retryAfterMilliseconds = 100
    var accounts = 0
    var pageSize = 100
    var resourceGroups = 1

    static let usage =
        "usage: azshim-fake-azure [--port N] [--delay-ms MS] [--token-delay-ms MS] [--throttle-every N] [--storm N]"
        + " [--retry-after-ms MS]"
        + " [--accounts N] [--page-size N] [--resource-groups N]"

    static func parse(_ words: [String]) -> FakeAzureOptions? {
        var options = FakeAzureOptions()
        var index = 0
        while index < words.count {
            let name = words[index]
            guard index + 1 < words.count, let number = Double(words[index + 1]), number >= 0, number <= 1e9 else {
                return nil
            }
            switch name {
            case "--port": options.port = Int(number)
            case "--delay-ms": options.delayMilliseconds = number
            case "--token-delay-ms": options.tokenDelayMilliseconds = number
            case "--throttle-every": options.throttleEvery = Int(number)
            case "--storm": options.storm = Int(number)
            case "--retry-after-ms": options.retryAfterMilliseconds = Int(number)
            case "--accounts": options.accounts = Int(number)
            case "--page-size": options.pageSize = max(1, Int(number))
            case "--resource-groups": options.resourceGroups = max(1, Int(number))
            default: return nil
            }
            index += 2
        }
        return options
    }
}

/// The counts `/__stats` and SIGTERM report.
final class FakeAzureCounters: Sendable {
    private let counts = Mutex<(arm: Int, tokens: Int, throttled: Int)>((0, 0, 0))

    /// Counts one ARM request and says whether it is to be throttled.
    func armRequest(options: FakeAzureOptions) -> Bool {
        counts.withLock { c in
            c.arm += 1
            let throttle =
                c.arm <= options.storm
                || (options.throttleEvery > 0 && c.arm > options.storm
                    && (c.arm - options.storm) % options.throttleEvery == 0)
            if throttle { c.throttled += 1 }
            return throttle
        }
    }

    func tokenRequest() { counts.withLock { $0.tokens += 1 } }

    func line(server: FakeAzureServer) -> String {
        let c = counts.withLock { $0 }
        return
            "requests=\(server.requestCount) arm=\(c.arm) tokens=\(c.tokens) throttled=\(c.throttled) connections=\(server.connectionsAccepted)"
    }
}

func say(_ text: String, to descriptor: Int32 = 1) {
    var line = Array((text + "\n").utf8)
    var offset = 0
    while offset < line.count {
        let written = line[offset...].withUnsafeMutableBytes { write(descriptor, $0.baseAddress, $0.count) }
        if written <= 0 { return }
        offset += written
    }
    line.removeAll()
}

guard let options = FakeAzureOptions.parse(Array(CommandLine.arguments.dropFirst())) else {
    say(FakeAzureOptions.usage, to: 2)
    exit(2)
}

// Block the signals before any thread starts, so only `sigwait` below receives them.
var signals = sigset_t()
sigemptyset(&signals)
sigaddset(&signals, SIGTERM)
sigaddset(&signals, SIGINT)
sigaddset(&signals, SIGHUP)
pthread_sigmask(SIG_BLOCK, &signals, nil)
signal(SIGPIPE, SIG_IGN)

let server: FakeAzureServer
do {
    server = try FakeAzureServer(port: options.port, keepsRequests: false)
} catch {
    say("azshim-fake-azure: cannot listen on 127.0.0.1:\(options.port): \(error)", to: 2)
    exit(1)
}
let counters = FakeAzureCounters()
let delay = options.delayMilliseconds / 1000
let keys = FakeAzureServer.Reply.json(
    200, #"{"key1":"SECRETKEYONE0123456789abcdef0123","key2":"SECRETKEYTWO0123456789abcdef0123"}"#, delay: delay)
let token = FakeAzureServer.Reply(
    status: FakeAzureServer.Reply.token.status, headers: FakeAzureServer.Reply.token.headers,
    body: FakeAzureServer.Reply.token.body, delay: options.tokenDelayMilliseconds / 1000)
let throttled = FakeAzureServer.Reply.json(
    429, #"{"error":{"code":"TooManyRequests","message":"The request is being throttled."}}"#,
    headers: [("retry-after-ms", String(options.retryAfterMilliseconds))], delay: delay)
let catalog = FakeAccountCatalog(
    resourceGroups: options.resourceGroups == 1 ? ["rg"] : (0..<options.resourceGroups).map { "rg\($0)" },
    count: options.accounts, pageSize: options.pageSize)
let origin = server.baseURL
server.route("/") { request in
    if request.path == "/__stats" { return .json(200, #"{"stats":""# + counters.line(server: server) + #""}"#) }
    if request.path.hasSuffix("/oauth2/v2.0/token") {
        counters.tokenRequest()
        return token
    }
    if counters.armRequest(options: options) { return throttled }
    if options.accounts > 0 && request.method == "GET" {
        var reply = FakeAzureServer.answer(request, catalog: catalog, origin: origin)
        reply.delay = delay
        return reply
    }
    return keys
}
say("port=\(server.port)")

while true {
    var received: Int32 = 0
    sigwait(&signals, &received)
    say(counters.line(server: server))
    if received != SIGHUP {
        server.stop()
        exit(0)
    }
}

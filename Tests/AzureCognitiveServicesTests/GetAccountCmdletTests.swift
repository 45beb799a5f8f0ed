import AzureCognitiveServices
import FakeAzure
import Foundation
import PowerShellHost
import Testing

/// Get-AzCognitiveServicesAccount end to end against the loopback fake of ARM, in-process: the
/// set chosen by the arguments picks the request, lists follow `nextLink` page by page, and the
/// rotation pipeline `Get-AzCognitiveServicesAccount -ResourceGroupName rg --output json |
/// New-AzCognitiveServicesAccountKey -KeyName Key2 --output json` regenerates each account's Key2.
@Suite(.serialized)
struct GetAccountCmdletTests {
    typealias Env = AzureTestEnvironment
    static let provider = "providers/Microsoft.CognitiveServices/accounts"

    /// 13 accounts over `rg` and `other`: `rg` holds acct00, acct02, …, acct12 (7), listed 2 per page (4 pages).
    static func server() throws -> FakeAzureServer {
        let server = try FakeAzureServer()
        server.route("/tenant-1/oauth2/v2.0/token", fallback: .token)
        server.serveAccounts(FakeAccountCatalog(resourceGroups: ["rg", "other"], count: 13, pageSize: 2))
        return server
    }

    static func run(
        _ definition: CommandDefinition, _ arguments: [String], server: FakeAzureServer, stdin: String = ""
    ) -> AzureCmdletTests.Result {
        AzureCmdletTests.run(arguments, environment: Env.clientSecret(server), stdin: stdin, definition: definition)
    }

    static let rgAccounts = stride(from: 0, to: 13, by: 2).map { "acct" + ($0 < 10 ? "0" : "") + String($0) }

    @Test("the rotation one-liner regenerates Key2 of every account of the resource group", arguments: [1, 4])
    func rotation(throttleLimit: Int) throws {
        let server = try Self.server()
        defer { server.stop() }
        let listed = Self.run(
            GetAzCognitiveServicesAccount.definition, ["-ResourceGroupName", "rg", "--output", "json"], server: server)
        #expect(listed.stderr == "" && listed.status == 0)
        let lines = listed.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 7)
        for (line, name) in zip(lines, Self.rgAccounts) {
            #expect(line.hasPrefix(#"{"ResourceGroupName":"rg","AccountName":"\#(name)","Id":"/subscriptions/"#))
        }
        let lists = server.requests.filter { $0.method == "GET" }
        #expect(lists.count == 4)
        #expect(lists.allSatisfy { $0.path == "/subscriptions/\(Env.subscription)/resourceGroups/rg/\(Self.provider)" })
        #expect(lists.map { $0.query["$skipToken"] } == [nil, "2", "4", "6"])

        let before = server.requests.count
        let rotated = Self.run(
            NewAzCognitiveServicesAccountKey.definition,
            ["-KeyName", "Key2", "--output", "json", "--throttle-limit", String(throttleLimit)], server: server,
            stdin: listed.stdout)
        #expect(rotated.stderr == "" && rotated.status == 0)
        #expect(
            rotated.stdout
                == String(
                    repeating: #"{"Key1":"SECRETKEYONE0123456789abcdef0123","Key2":"SECRETKEYTWO0123456789abcdef0123"}"#
                        + "\n",
                    count: 7))
        let calls = server.requests.dropFirst(before).filter {
            $0.method == "POST" && $0.path.hasSuffix("/regenerateKey")
        }
        #expect(
            Set(calls.map(\.path))
                == Set(
                    Self.rgAccounts.map {
                        "/subscriptions/\(Env.subscription)/resourceGroups/rg/\(Self.provider)/\($0)/regenerateKey"
                    }))
        #expect(calls.count == 7 && calls.allSatisfy { $0.bodyText == #"{"keyName":"Key2"}"# })
    }

    struct SetCase: Sendable, CustomTestStringConvertible {
        let arguments: [String]
        let set: String
        let path: String
        let objects: Int
        var testDescription: String { arguments.joined(separator: " ") }
    }

    @Test(
        "each parameter set sends its request and names itself in Az's -Debug line",
        arguments: [
            SetCase(arguments: [], set: "ResourceGroupParameterSet", path: provider, objects: 13),
            SetCase(
                arguments: ["other"], set: "ResourceGroupParameterSet", path: "resourceGroups/other/" + provider,
                objects: 6),
            SetCase(
                arguments: ["rg", "acct04"], set: "AccountNameParameterSet",
                path: "resourceGroups/rg/\(provider)/acct04", objects: 1),
        ])
    func sets(_ setCase: SetCase) throws {
        let server = try Self.server()
        defer { server.stop() }
        let result = Self.run(
            GetAzCognitiveServicesAccount.definition, setCase.arguments + ["--output", "json", "-Debug"], server: server
        )
        #expect(result.status == 0)
        #expect(result.stdout.split(separator: "\n").count == setCase.objects)
        #expect(
            result.stderr.contains(
                "GetAzureCognitiveServicesAccountCommand begin processing with ParameterSet '\(setCase.set)'."))
        let first = try #require(server.requests.first { $0.method == "GET" })
        #expect(first.path == "/subscriptions/\(Env.subscription)/\(setCase.path)")
    }

    @Test("named parameters of no one set are AmbiguousParameterSet before any request")
    func ambiguous() throws {
        let server = try Self.server()
        defer { server.stop() }
        let result = Self.run(GetAzCognitiveServicesAccount.definition, ["-Name", "acct04"], server: server)
        #expect(result.status == 1 && result.stdout == "")
        #expect(
            result.stderr
                == "Get-AzCognitiveServicesAccount: Parameter set cannot be resolved using the specified named parameters. One or more parameters issued cannot be used together or an insufficient number of parameters were provided.\n"
        )
        #expect(server.requests.isEmpty)
    }

    @Test("account objects piped into Get-AzCognitiveServicesAccount choose AccountNameParameterSet per object")
    func pipedObjects() throws {
        let server = try Self.server()
        defer { server.stop() }
        let input =
            #"{"ResourceGroupName":"rg","AccountName":"acct02"}"# + "\n"
            + #"{"ResourceGroupName":"other","Name":"acct03"}"# + "\n"
        let result = Self.run(
            GetAzCognitiveServicesAccount.definition, ["--output", "json", "-Debug"], server: server, stdin: input)
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count == 2)
        #expect(lines.first?.contains(#""AccountName":"acct02""#) == true)
        #expect(lines.last?.contains(#""AccountName":"acct03""#) == true)
        let gets = server.requests.filter { $0.method == "GET" }.map(\.path)
        #expect(
            gets == [
                "/subscriptions/\(Env.subscription)/resourceGroups/rg/\(Self.provider)/acct02",
                "/subscriptions/\(Env.subscription)/resourceGroups/other/\(Self.provider)/acct03",
            ])
    }
}

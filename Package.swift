// swift-tools-version:6.0
import PackageDescription

// AzShim: PowerShell Az cmdlets as native programs. No package dependencies: the toolchain only.

// The product targets do not import `_StringProcessing` (the regex engine: 1.3 MiB and ~3.1k
// relocations of the static binary, paid at every start). `text.contains("ab")`, `firstRange(of:)`
// or `replacing(_:with:)` on a String is then a compile error: AzShimSupport's
// `StringProtocol+TextSearch.swift` has `contains(text:)`, `firstRange(ofText:)` and
// `replacingAll(_:with:)`, with the same Character semantics (issue 14). unsafeFlags are fine here:
// AzShim is a root package, never another package's dependency.
let withoutStringProcessing: [SwiftSetting] = [
    .unsafeFlags(["-Xfrontend", "-disable-implicit-string-processing-module-import"])
]

let package = Package(
    name: "AzShim",
    products: [
        // One binary serves every cmdlet, chosen by the name it is invoked as; each name is a
        // product so that `swift build` leaves them all runnable side by side. Under any other
        // name (`azshim`) it is a multi-call binary: `azshim CMDLET ARGUMENTS`.
        .executable(name: "azshim", targets: ["AzShim"]),
        .executable(name: "New-AzCognitiveServicesAccountKey", targets: ["AzShim"]),
        .executable(name: "Get-AzCognitiveServicesAccountKey", targets: ["AzShim"]),
        .executable(name: "Get-AzCognitiveServicesAccount", targets: ["AzShim"]),
    ],
    targets: [
        // Below everything: JSON (parser, stream reader, writer), files, signals, the version.
        .target(name: "AzShimSupport", swiftSettings: withoutStringProcessing),
        // A small HTTP/1.1 + TLS client (sockets, run-time-loaded OpenSSL); knows no Azure.
        .target(name: "HTTP1", dependencies: ["AzShimSupport"], swiftSettings: withoutStringProcessing),
        // Knows PowerShell (binding, streams, formatting, help) and nothing of Azure.
        .target(name: "PowerShellHost", dependencies: ["AzShimSupport"], swiftSettings: withoutStringProcessing),
        // The Azure cmdlets, the ARM seam, its backends (emulator, Azure Resource Manager).
        .target(
            name: "AzureCognitiveServices", dependencies: ["PowerShellHost", "HTTP1", "AzShimSupport"],
            swiftSettings: withoutStringProcessing),
        // argc/argv as the C library hands them to initializers, so that the command line never
        // depends on /proc (Swift's CommandLine.arguments reads /proc/self/cmdline on Linux).
        .target(name: "CProcessArguments"),
        // A tiny executable: argv, stdin and the environment in, an exit status out.
        .executableTarget(
            name: "AzShim",
            dependencies: ["AzureCognitiveServices", "PowerShellHost", "AzShimSupport", "CProcessArguments"],
            swiftSettings: withoutStringProcessing
        ),
        // Test support, never installed: a loopback fake of ARM and the identity endpoints.
        .target(name: "FakeAzure", dependencies: ["HTTP1", "AzShimSupport"]),
        // Benchmark support, never installed: the loopback fake as a process (Scripts/bench.sh).
        .executableTarget(name: "azshim-fake-azure", dependencies: ["FakeAzure"], path: "Sources/FakeAzureServerTool"),
        // Test support, never installed: child processes with a deadline (Tests/Support).
        .target(name: "TestSupport", path: "Tests/Support"),
        .testTarget(
            name: "PowerShellHostTests", dependencies: ["PowerShellHost", "AzShimSupport", "TestSupport"],
            exclude: ["Snapshots"]),
        .testTarget(
            name: "AzureCognitiveServicesTests",
            dependencies: [
                "AzureCognitiveServices", "PowerShellHost", "HTTP1", "AzShimSupport", "FakeAzure", "TestSupport",
            ]
        ),
        .testTarget(
            name: "EndToEndTests",
            dependencies: [
                "AzureCognitiveServices", "PowerShellHost", "AzShimSupport", "AzShim", "FakeAzure", "TestSupport",
            ]
        ),
    ]
)

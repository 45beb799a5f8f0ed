// swift-tools-version:6.0
import PackageDescription

// AzShim: PowerShell Az cmdlets as native programs. No package dependencies: the toolchain only.
let package = Package(
    name: "AzShim",
    products: [
        .executable(name: "New-AzCognitiveServicesAccountKey", targets: ["AzShim"]),
    ],
    targets: [
        // Knows PowerShell (binding, streams, formatting, help) and nothing of Azure.
        .target(name: "PowerShellHost"),
        // The Azure cmdlets, the ARM seam, its backends (emulator, Azure Resource Manager).
        .target(name: "AzureCognitiveServices", dependencies: ["PowerShellHost"]),
        // A tiny executable: argv, stdin and the environment in, an exit status out.
        .executableTarget(name: "AzShim", dependencies: ["AzureCognitiveServices", "PowerShellHost"]),
        .testTarget(name: "PowerShellHostTests", dependencies: ["PowerShellHost"], exclude: ["Snapshots"]),
        .testTarget(
            name: "AzureCognitiveServicesTests",
            dependencies: ["AzureCognitiveServices", "PowerShellHost"]
        ),
        .testTarget(
            name: "EndToEndTests",
            dependencies: ["AzureCognitiveServices", "PowerShellHost", "AzShim"]
        ),
    ]
)

// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "LEQ",
    products: [
        .library(name: "LEQCore", targets: ["LEQCore"]),
        .library(name: "LEQFormats", targets: ["LEQFormats"]),
        .executable(name: "leq", targets: ["leq"]),
    ],
    targets: [
        // The pure domain: money, dates, agreements, cases, settlement. No I/O, no clock, no locale.
        .target(name: "LEQCore"),
        // Reading agreements and cases (with validation) and rendering statements.
        .target(name: "LEQFormats", dependencies: ["LEQCore"]),
        // The commands of the `leq` tool, as a library so that tests can run them in-process.
        .target(name: "LEQCLI", dependencies: ["LEQCore", "LEQFormats"]),
        .executableTarget(name: "leq", dependencies: ["LEQCLI"]),
        .testTarget(name: "LEQCoreTests", dependencies: ["LEQCore"]),
        .testTarget(name: "LEQFormatsTests", dependencies: ["LEQCore", "LEQFormats"]),
        .testTarget(name: "LEQCLITests", dependencies: ["LEQCLI", "LEQCore", "LEQFormats"]),
    ]
)

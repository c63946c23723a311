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
        .target(name: "LEQCore", dependencies: ["CPrefetch"]),
        // A hint to the processor to fetch memory ahead of use (settling a million cases), which
        // Swift cannot spell: one inline C function, no behaviour.
        .target(name: "CPrefetch"),
        // Reading agreements and cases (with validation) and rendering statements.
        .target(name: "LEQFormats", dependencies: ["LEQCore"]),
        // The system SQLite library (libsqlite3-dev), the one system dependency.
        .systemLibrary(name: "CSQLite", providers: [.apt(["libsqlite3-dev"])]),
        // The statement store: finalised statements that never change, corrections, approvals.
        .target(name: "LEQStore", dependencies: ["LEQCore", "LEQFormats", "CSQLite", "CSHA256"]),
        // SHA-256's compression with the processor's SHA instructions where it has them (the
        // store digests every rendering it keeps); LEQStore's Swift implementation elsewhere.
        .target(name: "CSHA256"),
        // The commands of the `leq` tool, as a library so that tests can run them in-process.
        .target(name: "LEQCLI", dependencies: ["LEQCore", "LEQFormats", "LEQStore"]),
        .executableTarget(name: "leq", dependencies: ["LEQCLI"]),
        .testTarget(name: "LEQCoreTests", dependencies: ["LEQCore"]),
        .testTarget(name: "LEQFormatsTests", dependencies: ["LEQCore", "LEQFormats"]),
        .testTarget(name: "LEQStoreTests", dependencies: ["LEQStore", "LEQCore", "LEQFormats"]),
        .testTarget(name: "LEQCLITests", dependencies: ["LEQCLI", "LEQCore", "LEQFormats", "LEQStore"]),
    ]
)

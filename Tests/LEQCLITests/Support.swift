import Foundation
@testable import LEQCLI

/// The package's root folder, found from this file's path (tests never change the working folder).
let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

func path(_ relative: String) -> String { packageRoot.appendingPathComponent(relative).path }

/// Runs `leq` in-process and returns exit status, standard output and standard error.
func leq(_ arguments: [String]) -> (status: Int32, out: [UInt8], err: String) {
    let console = CapturingConsole()
    let status = LEQ.main(arguments, console: console)
    return (status, console.stdout, console.stderr)
}

/// A fresh folder of this test's own, removed by the caller.
func temporaryFolder() -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("leq-test-\(UUID().uuidString)")
    try! FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

let halleAgreement = path("contracts/halle-tsd-2026.json")
let halleCases = path("samples/halle/cases-2026.json")

import Foundation
import Testing
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

/// Expects a command's output to equal a recorded file byte for byte; with LEQ_RECORD=1 in the
/// environment, records it instead.
func expectGolden(_ result: (status: Int32, out: [UInt8], err: String), _ golden: String) throws {
    #expect(result.status == 0, "\(result.err)")
    if ProcessInfo.processInfo.environment["LEQ_RECORD"] == "1" {
        try Data(result.out).write(to: URL(fileURLWithPath: path(golden)))
        return
    }
    let expected = try #require(FileManager.default.contents(atPath: path(golden)), "missing \(golden); record with LEQ_RECORD=1")
    #expect([UInt8](expected) == result.out, "\(golden) differs:\n\(String(decoding: result.out, as: UTF8.self))")
}

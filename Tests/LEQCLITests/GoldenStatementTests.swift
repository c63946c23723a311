import Foundation
import Testing
@testable import LEQCLI

/// One golden statement: the command's arguments and the file holding its expected bytes.
struct Golden: Sendable, CustomTestStringConvertible {
    var file: String
    var arguments: [String]
    var testDescription: String { file }

    init(_ month: String, format: String, lang: String = "de", sample: String = "halle", provider: String? = nil) {
        let suffix = (provider.map { "-\($0)" } ?? "") + (lang == "de" ? "" : ".\(lang)")
        let ext = format == "text" ? "txt" : format == "advice" ? "advice.csv" : format == "xrechnung" ? "xrechnung.xml" : format
        file = "samples/\(sample)/statements/\(month)\(suffix).\(ext)"
        let agreements = sample == "halle" ? [halleAgreement] : sample == "incentives" ? incentiveAgreements : dailyAgreements
        let cases = path("samples/\(sample)/cases-2026.json")
        // --no-store: a leq.db a developer keeps in the project folder must not change the goldens.
        arguments = ["settle", "--agreement"] + agreements + ["--cases", cases, "--month", month, "--format", format, "--lang", lang, "--no-store"]
            + (provider.map { ["--provider", $0] } ?? [])
    }
}

/// The two Halle providers of the incentive sample.
let incentiveAgreements = [path("contracts/halle-tsd-2026.json"), path("contracts/halle-jhn-2026.json")]

/// The Essen (NRW rules) and Kassel (Hessen rules) agreements of the daily-rate sample.
let dailyAgreements = [path("contracts/essen-krr-2026.json"), path("contracts/kassel-hjw-2026.json")]

@Suite("Golden statements of the samples (samples/*/statements)")
struct GoldenStatementTests {
    /// JSON and text for each month of a sample.
    static func months(_ months: [String], sample: String) -> [Golden] {
        months.flatMap { [Golden($0, format: "json", sample: sample), Golden($0, format: "text", sample: sample)] }
    }

    static let halle: [Golden] = months(["2026-01", "2026-02", "2026-03", "2026-04", "2026-05"], sample: "halle")
        + [Golden("2026-03", format: "csv"), Golden("2026-03", format: "text", lang: "en"), Golden("2026-03", format: "html"),
           Golden("2026-03", format: "xrechnung")]
    static let daily: [Golden] = months(["2026-03", "2026-04", "2026-05"], sample: "daily")
        + [Golden("2026-05", format: "text", lang: "en", sample: "daily")]
    static let topUps: [Golden] = months(["2026-01", "2026-02", "2026-03", "2026-04", "2026-05"], sample: "topups")
        + [Golden("2026-03", format: "text", lang: "en", sample: "topups"), Golden("2026-03", format: "csv", sample: "topups"),
           Golden("2026-03", format: "advice", sample: "topups"), Golden("2026-03", format: "html", sample: "topups"),
           Golden("2026-03", format: "xrechnung", sample: "topups", provider: "hjw")]
    static let incentives: [Golden] = months(["2026-03", "2026-04", "2026-06", "2026-07", "2026-09"], sample: "incentives")
        + [Golden("2026-06", format: "text", lang: "en", sample: "incentives")]
    static let goldens: [Golden] = halle + daily + topUps + incentives

    /// Compares byte for byte; with LEQ_RECORD=1 in the environment, writes the golden instead.
    @Test("Byte for byte", arguments: goldens)
    func golden(_ g: Golden) throws {
        let result = leq(g.arguments)
        #expect(result.status == 0, "\(result.err)")
        let file = path(g.file)
        if ProcessInfo.processInfo.environment["LEQ_RECORD"] == "1" {
            try FileManager.default.createDirectory(atPath: (file as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try Data(result.out).write(to: URL(fileURLWithPath: file))
            return
        }
        let expected = try #require(FileManager.default.contents(atPath: file), "missing golden \(g.file); record with LEQ_RECORD=1")
        guard [UInt8](expected) != result.out else { return }
        // Name the first line that differs rather than dumping the bytes.
        let want = String(decoding: expected, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        let got = String(decoding: result.out, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        let k = (0..<min(want.count, got.count)).first { want[$0] != got[$0] } ?? min(want.count, got.count)
        let expectedLine = k < want.count ? String(want[k]) : "(end of file)"
        let actualLine = k < got.count ? String(got[k]) : "(end of file)"
        Issue.record("\(g.file) differs at line \(k + 1):\n  expected: \(expectedLine)\n  actual:   \(actualLine)\nIf the change is intended, re-record with LEQ_RECORD=1 swift test")
    }

    @Test("Settling twice gives the same bytes, in every format")
    func deterministic() {
        for format in ["json", "text", "csv"] {
            let args = ["settle", "--agreement", halleAgreement, "--cases", halleCases, "--month", "2026-03", "--format", format]
            #expect(leq(args).out == leq(args).out)
        }
    }

    @Test("The March sample holds SPEC E2 and the 50/50 split of the Land")
    func sampleContents() {
        let out = String(decoding: leq(["settle", "--agreement", halleAgreement, "--cases", halleCases, "--month", "2026-03", "--format", "json"]).out, as: UTF8.self)
        #expect(out.contains("\"amount\": \"1011.61\"") && out.contains("\"amount\": \"1388.71\""))
        #expect(out.contains("\"kommune\": \"505.81\"") && out.contains("\"land\": \"505.80\""))
    }
}

import Foundation
import Testing
import LEQCore
import LEQFormats
@testable import LEQCLI

/// The case file writer (`CaseJSON`, used by `leq bench --write`): what it writes reads back to
/// cases that settle exactly as the originals, and writing them again gives the same bytes.
@Suite("Case files written and read back")
struct CaseWriterTests {
    static let contracts = try! FileManager.default.contentsOfDirectory(atPath: path("contracts")).sorted().map { path("contracts/" + $0) }

    static func agreements() -> [Agreement] {
        let inputs = Inputs.load(agreements: contracts, cases: nil)
        precondition(inputs.diagnostics.isEmpty)
        return inputs.agreements
    }

    /// Every month of 2026, every provider, as canonical JSON.
    static func year(_ cases: [Case], _ agreements: [Agreement]) -> [[UInt8]] {
        var ledgers: [String: IncentiveLedger]?
        var out: [[UInt8]] = []
        var month = Month(year: 2026, month: 1)!
        for _ in 1...12 {
            let run = Settlement.run(agreements: agreements, caseload: Caseload(cases), month: month, issued: month.lastDay.next, ledgers: ledgers)
            ledgers = run.ledgers
            out.append(StatementJSON.render(run.statements))
            month = month.next
        }
        return out
    }

    @Test("every sample case file: written, read back, settled the same; written again, the same bytes",
          arguments: ["samples/halle/cases-2026.json", "samples/daily/cases-2026.json", "samples/topups/cases-2026.json",
                      "samples/incentives/cases-2026.json", "samples/controlling/cases-2026.json"])
    func samples(_ file: String) throws {
        let agreements = Self.agreements()
        let original = try CaseFile.decode([UInt8](FileManager.default.contents(atPath: path(file))!), file: file, agreements: agreements)
        let written = CaseJSON.render(original.cases)
        let read = try CaseFile.decode(written, file: "written.json", agreements: agreements)
        #expect(read.cases.map(\.id) == original.cases.map(\.id))
        #expect(CaseJSON.render(read.cases) == written)
        #expect(Self.year(read.cases, agreements) == Self.year(original.cases, agreements))
    }

    @Test("a generated caseload (every record kind) reads back without a complaint and settles the same")
    func generated() throws {
        var generator = Synthetic(seed: 11)
        let agreements = generator.agreements()
        let cases = generator.cases(1_000, providers: agreements.map(\.provider.id))
        let written = CaseJSON.render(cases)
        #expect(CaseJSON.render(cases, parallel: false) == written)
        let read = try CaseFile.decode(written, file: "cases.json", agreements: agreements)
        #expect(CaseJSON.render(read.cases) == written)
        #expect(Self.year(read.cases, agreements) == Self.year(cases, agreements))
    }

    @Test("hours in quarter hours", arguments: [(0, "0"), (1, "0.25"), (2, "0.5"), (3, "0.75"), (29, "7.25"), (400, "100")])
    func hours(_ quarters: Int, _ text: String) {
        #expect(CaseJSON.hours(quarters) == text)
    }
}

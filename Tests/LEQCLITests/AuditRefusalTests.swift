import Foundation
import Testing
import LEQFormats
@testable import LEQCLI

/// A copy of a sample file in a folder of the test's own, changed as JSON text.
private func changedCopy(of sample: String, _ pairs: [(String, String)], in folder: URL) -> String {
    var text = String(decoding: FileManager.default.contents(atPath: sample)!, as: UTF8.self)
    for (old, new) in pairs {
        let changed = text.replacingFirst(old, with: new)
        precondition(changed != text, "the replacement '\(old)' did not apply")
        text = changed
    }
    let file = folder.appendingPathComponent(URL(fileURLWithPath: sample).lastPathComponent)
    try! Data(text.utf8).write(to: file)
    return file.path
}

@Suite("Refusals found by the audit: all errors across files, BOM, --out, decimals, control characters")
struct AuditRefusalTests {
    @Test("Errors in an agreement file do not hide those in the case file: both are reported in one run")
    func errorsAcrossFiles() {
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let brokenAgreement = folder.appendingPathComponent("broken.json")
        try! Data(#"{"format": "leq-agreement/1", "id": 3"#.utf8).write(to: brokenAgreement)
        // One structural error and one that only the agreement can show (an unknown category).
        let cases = changedCopy(of: halleCases, [(#""start": "2026-01-05""#, #""start": "2026-02-30""#),
                                                 (#""category": "C""#, #""category": "Z""#)], in: folder)
        let r = leq(["validate", "--agreement", halleAgreement, brokenAgreement.path, "--cases", cases, "--lang", "en"])
        #expect(r.status == 2)
        #expect(r.err.contains("broken.json: line 1"))
        #expect(r.err.contains("'2026-02-30' is not a date that exists"))
        #expect(r.err.contains("unknown category 'Z'"))
        #expect(!r.err.contains("no agreement for provider"))
    }

    @Test("leq check reads a provider list with a UTF-8 byte order mark, as Excel's 'CSV UTF-8' writes it")
    func checkWithBOM() throws {
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = folder.appendingPathComponent("leq.db").path
        let args = ["--agreement", halleAgreement, "--cases", halleCases, "--month", "2026-03"]
        #expect(leq(["finalize"] + args + ["--by", "Anna", "--store", store]).status == 0)
        let csv = String(decoding: leq(["settle"] + args + ["--format", "csv", "--no-store"]).out, as: UTF8.self)
        let rows = try CSV.parse(csv).get().dropFirst().filter { $0[13] != "0,00" }.map { [$0[1], $0[5], $0[8], $0[9], $0[13]] }
        let list = folder.appendingPathComponent("tsd.csv")
        try Data(([0xEF, 0xBB, 0xBF] as [UInt8]) + Array(CSV.format([["Fall", "Art", "Von", "Bis", "Betrag"]] + rows).utf8)).write(to: list)
        let r = leq(["check", "--statement", "TSD-2026-03", "--lines", list.path, "--store", store])
        #expect(r.status == 0, "\(r.err)")
        #expect(String(decoding: r.out, as: UTF8.self).contains("alle Zeilen stimmen überein"))
    }

    @Test("--out naming a folder is a usage error with a sentence, exit 2, and nothing written")
    func outFolder() {
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        for out in [folder.path, folder.path + "/"] {
            let r = leq(["settle", "--agreement", halleAgreement, "--cases", halleCases, "--month", "2026-03", "--no-store", "--out", out])
            #expect(r.status == 2 && r.err.contains("ist ein Ordner; bitte einen Dateinamen angeben") && !r.err.contains("NSCocoaErrorDomain"), "\(r.err)")
        }
        #expect(try! FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
    }

    @Test("A position share with 19 decimals is 'too many decimals', not 'not a decimal number'")
    func tooManyDecimals() {
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let cases = changedCopy(of: topUpCases, [(#""positionShare": "0.2","#, #""positionShare": "0.2500000000000000001","#)], in: folder)
        let r = leq(["validate", "--agreement"] + dailyAgreements + ["--cases", cases])
        #expect(r.status == 2 && r.err.contains("'0.2500000000000000001' hat zu viele Nachkommastellen (19); höchstens 12"), "\(r.err)")
    }

    @Test("Control characters in a value are refused by their code, never sent to the terminal")
    func controlCharacters() {
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let cases = changedCopy(of: halleCases, [(#""service": "flex""#, #""service": "fl\u001b[2J\tex\n""#)], in: folder)
        let r = leq(["validate", "--agreement", halleAgreement, "--cases", cases])
        #expect(r.status == 2)
        #expect(r.err.contains("cases[0].service: enthält ein Steuerzeichen (U+001B); erwartet eine Zeile druckbarer Text"), "\(r.err)")
        #expect(!r.err.unicodeScalars.contains { $0.value == 0x1B || $0 == "\t" })
    }
}

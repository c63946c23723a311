import Foundation
import Testing
import LEQFormats
@testable import LEQCLI
@testable import LEQStore

/// The validator's venv (see ../shared/einvoice/validate.sh), with the PyPI package sepaxml, whose
/// ISO 20022 schemas check a payment file.
let einvoiceVenv = ProcessInfo.processInfo.environment["EINVOICE_VENV"]
    ?? ((ProcessInfo.processInfo.environment["XDG_CACHE_HOME"] ?? (NSHomeDirectory() + "/.cache")) + "/leq-einvoice/venv")
let sepaSchemaAvailable: Bool = {
    let python = einvoiceVenv + "/bin/python"
    guard FileManager.default.isExecutableFile(atPath: python) else { return false }
    let p = Process()
    p.executableURL = URL(fileURLWithPath: python)
    p.arguments = ["-c", "import sepaxml, lxml"]
    p.standardOutput = FileHandle.nullDevice
    p.standardError = FileHandle.nullDevice
    guard (try? p.run()) != nil else { return false }
    p.waitUntilExit()
    return p.terminationStatus == 0
}()

/// Checks payment files against the pain.001.001.09 schema; the schema's complaints, if any.
func checkPain001(_ files: [String]) throws -> String {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: einvoiceVenv + "/bin/python")
    p.arguments = ["-c", """
        import sys, os, sepaxml, lxml.etree as E
        xsd = E.XMLSchema(E.parse(os.path.join(os.path.dirname(sepaxml.__file__), 'schemas', 'pain.001.001.09.xsd')))
        for f in sys.argv[1:]:
            if not xsd.validate(E.parse(f)): print(f, xsd.error_log)
        """] + files
    let pipe = Pipe()
    p.standardOutput = pipe
    p.standardError = pipe
    try p.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    return String(decoding: data, as: UTF8.self) + (p.terminationStatus == 0 ? "" : "exit \(p.terminationStatus)")
}

/// A store with the top-up sample's March finalised and two people who may sign off.
private struct PayDesk {
    let folder = temporaryFolder()
    var store: String { folder.appendingPathComponent("leq.db").path }
    var cases: String { folder.appendingPathComponent("cases.json").path }

    init() {
        try! FileManager.default.copyItem(atPath: topUpCases, toPath: cases)
        for args in [["people", "add", "ak", "--name", "Anna Kassner", "--may", "certify"],
                     ["people", "add", "bv", "--name", "Bernd Vogt", "--may", "approve"]] {
            precondition(leq(args + ["--store", store]).status == 0)
        }
    }

    func run(_ args: [String]) -> (status: Int32, out: [UInt8], err: String) { leq(args + ["--store", store]) }

    func finalize(_ month: String) { precondition(run(["finalize", "--agreement"] + dailyAgreements + ["--cases", cases, "--month", month, "--by", "A"]).status == 0) }

    func approve(_ number: String) {
        precondition(run(["certify", number, "--by", "ak"]).status == 0)
        precondition(run(["approve", number, "--by", "bv"]).status == 0)
    }

    func pay(_ month: String, provider: String, out: String, execution: String = "2026-12-01") -> (status: Int32, out: [UInt8], err: String) {
        run(["pay", "--agreement"] + dailyAgreements + ["--month", month, "--provider", provider, "--execution", execution,
                                                        "--out", folder.appendingPathComponent(out).path])
    }

    func file(_ name: String) -> String { String(decoding: FileManager.default.contents(atPath: folder.appendingPathComponent(name).path) ?? Data(), as: UTF8.self) }

    func remove() { try? FileManager.default.removeItem(at: folder) }
}

/// The end-to-end ids (statement numbers) of a payment file.
private func endToEndIDs(_ xml: String) -> [String] {
    xml.components(separatedBy: "<EndToEndId>").dropFirst().map { String($0.prefix { $0 != "<" }) }
}

@Suite("Paying approved statements: the SEPA file, never twice")
struct PaymentTests {
    @Test("Only approved statements are paid; a second run pays nothing again; the file holds the statement's total")
    func neverTwice() throws {
        let d = PayDesk()
        defer { d.remove() }
        d.finalize("2026-03")
        let early = d.pay("2026-03", provider: "krr", out: "early.xml")
        #expect(early.status == 0 && String(decoding: early.out, as: UTF8.self).contains("KRR-2026-03: noch nicht festgestellt"))
        #expect(d.file("early.xml").isEmpty)
        d.approve("KRR-2026-03")
        let first = d.pay("2026-03", provider: "krr", out: "first.xml")
        #expect(first.status == 0, "\(first.err)")
        #expect(String(decoding: first.out, as: UTF8.self).contains("Zahlungsdatei LEQ-2026-03-0001"))
        let xml = d.file("first.xml")
        #expect(endToEndIDs(xml) == ["KRR-2026-03"])
        #expect(xml.contains("<InstdAmt Ccy=\"EUR\">44019.93</InstdAmt>") && xml.contains("<CtrlSum>44019.93</CtrlSum>"))
        #expect(xml.contains("<IBAN>DE24370205000008312600</IBAN>") && xml.contains("<Ustrd>Abrechnung KRR-2026-03, Leistungsmonat 2026-03, Kreditor"))
        let second = d.pay("2026-03", provider: "krr", out: "second.xml")
        #expect(second.status == 0 && String(decoding: second.out, as: UTF8.self).contains("KRR-2026-03: schon in der Zahlungsdatei LEQ-2026-03-0001"))
        #expect(d.file("second.xml").isEmpty)
        // The next month is another file; across all files no statement appears twice.
        d.approve("HJW-2026-03")
        #expect(d.pay("2026-03", provider: "hjw", out: "hjw.xml").status == 0)
        let all = endToEndIDs(d.file("first.xml")) + endToEndIDs(d.file("hjw.xml"))
        #expect(Set(all).count == all.count && all.count == 2)
        let list = String(decoding: d.run(["payments", "list"]).out, as: UTF8.self)
        #expect(list.contains("LEQ-2026-03-0001") && list.contains("LEQ-2026-03-0002"))
        #expect(d.run(["payments", "show", "LEQ-2026-03-0001"]).out == Array(d.file("first.xml").utf8))
        #expect(d.run(["verify"]).status == 0)
    }

    @Test("A statement with a negative total is listed and recorded, never transferred")
    func negativeBalance() throws {
        let d = PayDesk()
        defer { d.remove() }
        // A case of hjw only in March, finalised; then it turns out it ended on 20 March: April only takes money back.
        let cases = #"{"format": "leq-cases/1", "cases": [{"id": "Z-900", "person": "P-900", "provider": "hjw", "service": "heim", "fileReference": "51.2-900/26", "start": "2026-03-01", "end": "2026-03-31", "endReason": "planned", "categories": [{"category": "B", "from": "2026-03-01"}]}]}"#
        try Data(cases.utf8).write(to: URL(fileURLWithPath: d.cases))
        d.finalize("2026-03")
        try Data(cases.replacingOccurrences(of: "\"end\": \"2026-03-31\"", with: "\"end\": \"2026-03-20\"").utf8).write(to: URL(fileURLWithPath: d.cases))
        d.finalize("2026-04")
        d.approve("HJW-2026-04")
        let r = d.pay("2026-04", provider: "hjw", out: "april.xml")
        let text = String(decoding: r.out, as: UTF8.self)
        #expect(r.status == 0, "\(r.err)")
        #expect(text.contains("Keine Überweisung") && text.contains("HJW-2026-04: -") && text.contains("nicht überwiesen: der Träger schuldet den Betrag"))
        #expect(d.file("april.xml").isEmpty)
        let again = d.pay("2026-04", provider: "hjw", out: "april2.xml")
        #expect(String(decoding: again.out, as: UTF8.self).contains("schon in der Zahlungsdatei LEQ-2026-04-0001"))
        #expect(String(decoding: d.run(["payments", "list"]).out, as: UTF8.self).contains("HJW-2026-04 (nicht überwiesen)"))
    }

    @Test("Refusals: an execution date in the past, a missing account with file and path, a payment row forged by SQL")
    func refusals() throws {
        let d = PayDesk()
        defer { d.remove() }
        d.finalize("2026-03")
        d.approve("KRR-2026-03")
        let past = d.pay("2026-03", provider: "krr", out: "x.xml", execution: "2026-01-15")
        #expect(past.status == 2 && past.err.contains("liegt in der Vergangenheit"))
        var text = String(decoding: FileManager.default.contents(atPath: dailyAgreements[0])!, as: UTF8.self)
        text = text.replacingFirst(#""bank": {"iban": "DE24 3702 0500 0008 3126 00", "bic": "BFSWDE33XXX", "accountHolder": "Kinder- und Jugendhilfe Rhein-Ruhr gGmbH"},"#, with: "")
        text = text.replacingFirst(#","# + "\n" + #"    "bank": {"iban": "DE41 3605 0105 0000 2014 00", "bic": "SPESDE3EXXX", "accountHolder": "Stadt Essen"}"#, with: "")
        let agreement = d.folder.appendingPathComponent("essen.json").path
        try Data(text.utf8).write(to: URL(fileURLWithPath: agreement))
        let bad = d.run(["pay", "--agreement", agreement, "--month", "2026-03", "--execution", "2026-12-01", "--out", d.folder.appendingPathComponent("y.xml").path])
        #expect(bad.status == 2 && bad.err.contains("essen.json: youthOffice.bank: für die Zahlung wird das Konto des Jugendamts"), "\(bad.err)")
        let onlyDebtor = text.replacingFirst(#""email": "e-rechnung@jugendamt.essen.de""#, with: #""email": "e-rechnung@jugendamt.essen.de", "bank": {"iban": "DE41 3605 0105 0000 2014 00", "accountHolder": "Stadt Essen"}"#)
        try Data(onlyDebtor.utf8).write(to: URL(fileURLWithPath: agreement))
        let noPayee = d.run(["pay", "--agreement", agreement, "--month", "2026-03", "--execution", "2026-12-01", "--out", d.folder.appendingPathComponent("y.xml").path])
        #expect(noPayee.status == 2 && noPayee.err.contains("essen.json: provider.bank: für die Zahlung von KRR-2026-03 wird das Konto des Trägers gebraucht"), "\(noPayee.err)")
        // Marking a statement as paid behind LEQ's back is found, so it cannot be kept from being paid (or paid again).
        let db = try Database(path: d.store, create: false)
        try db.execute("DROP TRIGGER payment_never_changes; INSERT INTO payment VALUES ('KRR-2026-03', 'FAKE-1', 4401993, 1)")
        let forged = d.pay("2026-03", provider: "krr", out: "z.xml")
        #expect(forged.status == 2 && forged.err.contains("KRR-2026-03: steht als gezahlt in der Zahlungsdatei FAKE-1"))
    }

    @Test("Every payment file is valid against the ISO 20022 pain.001.001.09 schema",
          .enabled(if: sepaSchemaAvailable, "needs the validator's venv with sepaxml (.ci/run installs it)"))
    func schema() throws {
        let d = PayDesk()
        defer { d.remove() }
        for month in ["2026-01", "2026-02", "2026-03"] {
            d.finalize(month)
            for provider in ["krr", "hjw"] {
                d.approve("\(provider.uppercased())-\(month)")
                #expect(d.pay(month, provider: provider, out: "\(provider)-\(month).xml").status == 0)
            }
        }
        let files = ["2026-01", "2026-02", "2026-03"].flatMap { m in ["krr", "hjw"].map { d.folder.appendingPathComponent("\($0)-\(m).xml").path } }
        #expect(try checkPain001(files).isEmpty)
    }

    @Test("SEPA text: umlauts and ß spelt out, other characters as spaces, cut to length")
    func sepaText() {
        #expect(SEPACreditTransfer.sepaText("Jugendhilfe Süd & Söhne – Straße", max: 70) == "Jugendhilfe Sued + Soehne Strasse")
        #expect(SEPACreditTransfer.sepaText(String(repeating: "a", count: 200), max: 140).count == 140)
    }
}

import Foundation
import Testing
import LEQCore
import LEQFormats
@testable import LEQCLI

/// The official validator beside the project (`../shared/einvoice/validate.sh`: OASIS UBL XSD,
/// CEN EN 16931 and KoSIT XRechnung rules), when it and python3 are there.
let einvoiceValidator = packageRoot.deletingLastPathComponent().appendingPathComponent("shared/einvoice/validate.sh").path
let validatorAvailable = FileManager.default.isExecutableFile(atPath: einvoiceValidator)
    && (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").contains { FileManager.default.isExecutableFile(atPath: "\($0)/python3") }

/// Runs the validator over the files at once; its exit status and what it printed.
func validate(_ files: [String]) throws -> (status: Int32, output: String) {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: "/bin/bash")
    p.arguments = [einvoiceValidator] + files
    let pipe = Pipe()
    p.standardOutput = pipe
    p.standardError = pipe
    try p.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    return (p.terminationStatus, String(decoding: data, as: UTF8.self))
}

/// Every sample's agreements, cases and providers.
let invoiceSamples: [(sample: String, agreements: [String], providers: [String])] = [
    ("halle", [halleAgreement], ["tsd"]),
    ("incentives", incentiveAgreements, ["tsd", "jhn"]),
    ("daily", dailyAgreements, ["krr", "hjw"]),
    ("topups", dailyAgreements, ["krr", "hjw"]),
    ("controlling", [path("contracts/ulm-jhu-2026.json")], ["jhu"]),
]

/// The value of the first element `name` in an XML document.
func xmlValue(_ xml: String, _ name: String) -> String? {
    guard let open = xml.range(of: "<\(name)"), let gt = xml[open.upperBound...].firstIndex(of: ">"),
          let close = xml[gt...].range(of: "</\(name)>") else { return nil }
    return String(xml[xml.index(after: gt)..<close.lowerBound])
}

@Suite("XRechnung: every invoice LEQ writes passes the official rules")
struct XRechnungTests {
    @Test("Every month of every sample, for every provider, as XRechnung: accepted by the validator, totals equal to the statement's",
          .enabled(if: validatorAvailable, "needs ../shared/einvoice/validate.sh and python3"))
    func everySampleMonth() throws {
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var files: [String] = []
        for (sample, agreements, providers) in invoiceSamples {
            for provider in providers {
                for month in (1...12).map({ String(format: "2026-%02d", $0) }) {
                    let args = ["settle", "--agreement"] + agreements + ["--cases", path("samples/\(sample)/cases-2026.json"),
                                                                        "--month", month, "--provider", provider, "--no-store"]
                    let json = leq(args + ["--format", "json"])
                    guard json.status == 0 else { continue }
                    let total = String(decoding: json.out, as: UTF8.self).components(separatedBy: "\"all\": \"")[1].prefix { $0 != "\"" }
                    let r = leq(args + ["--format", "xrechnung"])
                    if String(decoding: json.out, as: UTF8.self).contains("\"lines\": []") {
                        #expect(r.status == 2 && r.err.contains("nothing to invoice"), "\(sample) \(provider) \(month)")
                        continue
                    }
                    #expect(r.status == 0, "\(sample) \(provider) \(month): \(r.err)")
                    let xml = String(decoding: r.out, as: UTF8.self)
                    #expect(xmlValue(xml, "cbc:PayableAmount") == String(total), "\(sample) \(provider) \(month)")
                    let file = folder.appendingPathComponent("\(sample)-\(provider)-\(month).xml")
                    try Data(r.out).write(to: file)
                    files.append(file.path)
                }
            }
        }
        #expect(files.count > 60)
        let result = try validate(files)
        #expect(result.status == 0, "\(result.output.split(separator: "\n").filter { $0.contains("ERROR") || $0.contains("REJECTED") || $0.contains("==") }.prefix(40).joined(separator: "\n"))")
        #expect(result.output.components(separatedBy: "RESULT: ACCEPTED").count - 1 == files.count)
    }

    @Test("Corrections of a finalised month and a negative statement are accepted; the corrected statement is named (BT-25)",
          .enabled(if: validatorAvailable, "needs ../shared/einvoice/validate.sh and python3"))
    func correctionsAndNegative() throws {
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = folder.appendingPathComponent("leq.db").path
        let cases = folder.appendingPathComponent("cases.json").path
        try FileManager.default.copyItem(atPath: topUpCases, toPath: cases)
        let base = ["--agreement"] + dailyAgreements + ["--cases", cases, "--store", store]
        #expect(leq(["finalize"] + base + ["--month", "2026-03", "--by", "Anna"]).status == 0)
        // A late absence of Z-302 in March: April carries negative corrections of KRR-2026-03.
        var text = String(decoding: FileManager.default.contents(atPath: cases)!, as: UTF8.self)
        text = text.replacingFirst(#""absences": [{"from": "2026-03-09", "to": "2026-03-22", "reason": "holiday"}]"#,
                                   with: #""absences": [{"from": "2026-03-09", "to": "2026-03-22", "reason": "holiday"}, {"from": "2026-03-26", "to": "2026-03-29", "reason": "hospital"}]"#)
        try Data(text.utf8).write(to: URL(fileURLWithPath: cases))
        let april = leq(["settle"] + base + ["--month", "2026-04", "--provider", "krr", "--format", "xrechnung"])
        #expect(april.status == 0, "\(april.err)")
        let xml = String(decoding: april.out, as: UTF8.self)
        #expect(xml.contains("<cac:BillingReference>\n    <cac:InvoiceDocumentReference>\n      <cbc:ID>KRR-2026-03</cbc:ID>"))
        #expect(xml.contains("<cbc:LineExtensionAmount currencyID=\"EUR\">-850.40</cbc:LineExtensionAmount>"))
        let corrections = folder.appendingPathComponent("corrections.xml")
        try Data(april.out).write(to: corrections)

        // A statement that only takes money back: its total is negative.
        let agreement = try AgreementFile.decode(Array(FileManager.default.contents(atPath: dailyAgreements[0])!), file: "a")
        let m = Month(iso: "2026-05")!
        var line = StatementLine(caseID: "Z-302", fileReference: "51.3-302/25", service: "heim", kind: .correction, category: "B",
                                 period: Month(iso: "2026-03")!.period, quantity: ExactDecimal(units: 1, scale: 0), unit: .once,
                                 rate: Money(cents: 32568), rateUnit: .once, amount: Money(cents: -32568), bearerParts: [Money(cents: -32568)])
        line.corrects = "KRR-2026-03"
        line.correctedKind = .dailyRate
        let negative = Statement(number: "KRR-2026-05", month: m, issued: m.lastDay.next, agreementID: agreement.id,
                                 youthOffice: agreement.youthOffice, provider: agreement.provider, bearers: agreement.bearers,
                                 services: agreement.services, lines: [line], warnings: [], paymentTerms: agreement.paymentTerms)
        #expect(XRechnung.missing(negative).isEmpty)
        let negativeXML = XRechnung.render(negative)
        #expect(xmlValue(String(decoding: negativeXML, as: UTF8.self), "cbc:PayableAmount") == "-325.68")
        let negativeFile = folder.appendingPathComponent("negative.xml")
        try Data(negativeXML).write(to: negativeFile)

        let result = try validate([corrections.path, negativeFile.path])
        #expect(result.status == 0, "\(result.output)")
    }

    @Test("An agreement without what an invoice needs is refused with file and path; several statements need --provider")
    func refusals() throws {
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var text = String(decoding: FileManager.default.contents(atPath: halleAgreement)!, as: UTF8.self)
        let from = text.range(of: ",\n    \"bank\": {\"iban\": \"DE92")!.lowerBound
        let to = text.range(of: "\n  },\n  \"paymentTerms\"")!.lowerBound
        text.removeSubrange(from..<to)
        let file = folder.appendingPathComponent("halle.json").path
        try Data(text.utf8).write(to: URL(fileURLWithPath: file))
        let r = leq(["settle", "--agreement", file, "--cases", halleCases, "--month", "2026-03", "--format", "xrechnung", "--no-store"])
        #expect(r.status == 2)
        #expect(r.err.contains("\(file): provider.bank: eine XRechnung braucht es: für die Zahlung wird das Konto des Trägers") && r.err.contains("\(file): provider.contact:"), "\(r.err)")
        let several = leq(["settle", "--agreement"] + dailyAgreements + ["--cases", topUpCases, "--month", "2026-03", "--format", "xrechnung", "--no-store", "--lang", "en"])
        #expect(several.status == 2 && several.err.contains("give --provider ID (one of hjw, krr)"))
    }

    @Test("finalize stores the invoice; statements show gives it back byte for byte")
    func stored() throws {
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = folder.appendingPathComponent("leq.db").path
        let args = ["--agreement", halleAgreement, "--cases", halleCases, "--month", "2026-03"]
        #expect(leq(["finalize"] + args + ["--by", "Anna", "--store", store]).status == 0)
        let shown = leq(["statements", "show", "TSD-2026-03", "--format", "xrechnung", "--store", store])
        #expect(shown.status == 0 && shown.out == leq(["settle"] + args + ["--format", "xrechnung", "--no-store"]).out)
    }
}

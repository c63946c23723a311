import Foundation
import Testing
import LEQFormats
@testable import LEQCLI

/// What a German clerk sees (issue 14): CSV that Excel opens, names instead of keys.
@Suite("What people see: CSV for German Excel, names not keys")
struct WhatPeopleSeeTests {
    static let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
    /// Keys that must never reach a person in German output.
    static let keys = ["flatRate", "dailyRate", "clearingFee", "topUp", ";day;", ";once;", ";hour;", "kommune;land", ";heim;", ";eb;", ";tsd;"]

    static func csvOutputs() -> [(String, [UInt8])] {
        let folder = temporaryFolder()
        let store = folder.appendingPathComponent("leq.db").path
        let settle = ["settle", "--agreement", halleAgreement, "--cases", halleCases, "--month", "2026-03", "--no-store"]
        var out: [(String, [UInt8])] = [
            ("statement", leq(settle + ["--format", "csv"]).out),
            ("advice", leq(settle + ["--format", "advice"]).out),
            ("report", leq(["report", "--agreement", path("contracts/ulm-jhu-2026.json"), "--cases", path("samples/controlling/cases-2026.json"),
                            "--year", "2026", "--format", "csv"]).out),
        ]
        precondition(leq(["finalize", "--agreement", halleAgreement, "--cases", halleCases, "--month", "2026-03", "--by", "A", "--store", store]).status == 0)
        out.append(("claim", leq(["claim", "--bearer", "land", "--quarter", "2026-Q1", "--format", "csv", "--store", store]).out))
        out.append(("reimbursement", leq(["claim", "--reimbursement", "--cases", halleCases, "--quarter", "2026-Q1", "--format", "csv", "--store", store]).out))
        try? FileManager.default.removeItem(at: folder)
        return out
    }

    @Test("Every CSV LEQ writes starts with the UTF-8 byte order mark, is valid UTF-8 with CRLF, and shows names, not keys")
    func everyCSV() throws {
        for (name, bytes) in Self.csvOutputs() {
            #expect(Array(bytes.prefix(3)) == Self.bom, "\(name): no byte order mark")
            let body = Array(bytes.dropFirst(3))
            let text = try #require(String(validating: body, as: UTF8.self), "\(name): not UTF-8")
            #expect(!text.contains("\u{FEFF}"), "\(name): a second byte order mark")
            #expect(text.hasSuffix("\r\n") && !text.replacingOccurrences(of: "\r\n", with: "").contains("\n"), "\(name): line ends")
            for key in Self.keys { #expect(!text.contains(key), "\(name) shows the key \(key)") }
            // What Excel shows without the mark (Windows-1252) is what the mark prevents: the
            // umlauts are there as UTF-8, two bytes each.
            if text.contains("ü") { #expect(body.contains(0xC3), "\(name)") }
            let rows = try CSV.parse(text).get()
            #expect(rows.count > 1 && rows.allSatisfy { $0.count == rows[0].count }, "\(name): ragged rows")
        }
    }

    @Test("German CSV: dates as TT.MM.JJJJ, amounts with a decimal comma, bearers and services by name")
    func germanConventions() throws {
        let bytes = leq(["settle", "--agreement", halleAgreement, "--cases", halleCases, "--month", "2026-03", "--no-store", "--format", "csv"]).out
        let rows = try CSV.parse(String(decoding: bytes.dropFirst(3), as: UTF8.self)).get()
        #expect(rows[0].suffix(2) == ["Stadt Halle (Saale)", "Land Sachsen-Anhalt"])
        let h003 = rows.filter { $0[1] == "H-003" }
        #expect(h003.contains { $0[5] == "Clearingpauschale" && $0[8] == "19.01.2026" && $0[9] == "15.03.2026" && $0[13] == "1450,00" })
        #expect(h003.allSatisfy { $0[3] == "Flexible ambulante Hilfe" })
    }

    @Test("Text statements are at most 100 columns wide",
          arguments: ["halle", "daily", "topups", "incentives"])
    func textWidth(sample: String) throws {
        let folder = path("samples/\(sample)/statements")
        for name in try FileManager.default.contentsOfDirectory(atPath: folder) where name.hasSuffix(".txt") {
            let text = try String(contentsOfFile: folder + "/" + name, encoding: .utf8)
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            let widest = lines.map(\.count).max() ?? 0
            #expect(widest <= 100, "\(sample)/\(name): \(widest) columns")
        }
        // A generated caseload with long texts stays within 100 columns too.
        let r = leq(["settle", "--agreement"] + dailyAgreements + ["--cases", topUpCases, "--month", "2026-03", "--no-store"])
        #expect(String(decoding: r.out, as: UTF8.self).split(separator: "\n").allSatisfy { $0.count <= 100 })
    }

    @Test("The statement's own CSV, as the provider downloads it, is a provider list leq check accepts: all lines agree")
    func statementCSVIsAProviderList() throws {
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = folder.appendingPathComponent("leq.db").path
        #expect(leq(["finalize", "--agreement", halleAgreement, "--cases", halleCases, "--month", "2026-03", "--by", "A", "--store", store]).status == 0)
        let csv = folder.appendingPathComponent("tsd.csv")
        try Data(leq(["statements", "show", "TSD-2026-03", "--format", "csv", "--store", store]).out).write(to: csv)
        let r = leq(["check", "--statement", "TSD-2026-03", "--lines", csv.path, "--store", store])
        #expect(r.status == 0, "\(String(decoding: r.out, as: UTF8.self)) \(r.err)")
        #expect(String(decoding: r.out, as: UTF8.self).contains("alle Zeilen stimmen überein"))
    }

    @Test("The printed statement: issuer, provider in the window, references, a summary box on page 1 with total, bearers, bank, due, budget lines")
    func printedStatementPageOne() throws {
        let html = String(decoding: leq(["settle", "--agreement", halleAgreement, "--cases", halleCases, "--month", "2026-03", "--no-store",
                                         "--format", "html"]).out, as: UTF8.self)
        let page1 = try #require(html.components(separatedBy: "<h2>").first)
        // The youth office issues it; the provider's address is in the window under the return line.
        #expect(page1.contains("<div class=\"issuer\">Stadt Halle (Saale), Fachbereich Bildung – Amt für Kinder, Jugend und Familie</div>"))
        #expect(page1.contains("<div class=\"return\">Stadt Halle (Saale), Fachbereich Bildung – Amt für Kinder, Jugend und Familie · Marktplatz 1 · 06108 Halle (Saale)</div>"))
        #expect(page1.contains("<div class=\"address\">Trägerwerk Soziale Dienste in Sachsen-Anhalt e.V.<br>Musterweg 12<br>06110 Halle (Saale)</div>"))
        #expect(page1.contains("Abrechnung (Gutschrift) des Jugendamts"))
        // The summary box, before the first section.
        for expected in ["<div class=\"grand\">80.215,07 €</div>", "Land Sachsen-Anhalt", "IBAN DE92 8002 0500 0001 2345 00", "BIC BFSWDE33HAN",
                         "14 Tage nach Feststellung und Anordnung", "36.3.01/533200", "Ihre Kreditorennummer", "Katrin Albrecht"] {
            #expect(page1.contains(expected), "page 1 lacks \(expected)")
        }
        // Heads over figures are right-aligned like the figures; units stay with their numbers.
        #expect(html.contains("table.lines th.num { text-align: right; }"))
        #expect(html.contains("1.960,00\u{00A0}€ × 16/31\u{00A0}Tage"))
        // Every section table has the same column widths.
        #expect(html.components(separatedBy: "<colgroup><col class=\"c-text\"><col class=\"c-period\">").count - 1
                == html.components(separatedBy: "<thead><tr><th>Art</th>").count - 1)
    }

    @Test("statements show --format html fills the sign-off boxes once given; --stored gives the stored bytes exactly")
    func signOffsPrinted() throws {
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = folder.appendingPathComponent("leq.db").path
        #expect(leq(["finalize", "--agreement", halleAgreement, "--cases", halleCases, "--month", "2026-03", "--by", "A", "--store", store]).status == 0)
        let stored = leq(["statements", "show", "TSD-2026-03", "--format", "html", "--store", store]).out
        #expect(String(decoding: stored, as: UTF8.self).contains(StatementHTML.signOffPlaceholder(.de)))
        #expect(leq(["people", "add", "akassner", "--name", "Anna Kassner", "--may", "certify", "--store", store]).status == 0)
        #expect(leq(["people", "add", "bvogt", "--name", "Bernd Vogt", "--may", "approve", "--store", store]).status == 0)
        #expect(leq(["certify", "TSD-2026-03", "--by", "akassner", "--store", store]).status == 0)
        let certified = String(decoding: leq(["statements", "show", "TSD-2026-03", "--format", "html", "--store", store]).out, as: UTF8.self)
        #expect(certified.contains("<strong>Anna Kassner (akassner), 02.04.2026</strong>"))
        #expect(certified.contains("<div>Angeordnet (Name, Datum):</div>"))
        #expect(leq(["approve", "TSD-2026-03", "--by", "bvogt", "--store", store]).status == 0)
        let approved = String(decoding: leq(["statements", "show", "TSD-2026-03", "--format", "html", "--store", store]).out, as: UTF8.self)
        #expect(approved.contains("<strong>Bernd Vogt (bvogt), 02.04.2026</strong>") && !approved.contains(StatementHTML.signOffPlaceholder(.de)))
        // The stored bytes never change.
        #expect(leq(["statements", "show", "TSD-2026-03", "--format", "html", "--stored", "--store", store]).out == stored)
        #expect(leq(["verify", "--store", store]).status == 0)
    }
}

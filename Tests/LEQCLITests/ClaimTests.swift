import Foundation
import Testing
import LEQCore
import LEQFormats
@testable import LEQCLI
@testable import LEQStore

/// A store with the Halle sample's twelve months of 2026 finalised.
private func halleYear() -> (folder: URL, store: String) {
    let folder = temporaryFolder()
    let store = folder.appendingPathComponent("leq.db").path
    for m in 1...12 {
        let r = leq(["finalize", "--agreement", halleAgreement, "--cases", halleCases, "--month", String(format: "2026-%02d", m), "--by", "A", "--store", store])
        precondition(r.status == 0, r.err)
    }
    return (folder, store)
}

/// The JSON totals of a bearer, statement by statement, as `settle` prints them.
private func bearerTotal(_ json: [UInt8], _ bearer: String) -> Money {
    let text = String(decoding: json, as: UTF8.self)
    guard let totals = text.range(of: "\"totals\": {") else { return .zero }
    let rest = text[totals.upperBound...]
    guard let b = rest.range(of: "\"\(bearer)\": \"") else { return .zero }
    return Money(decimal: String(rest[b.upperBound...].prefix { $0 != "\"" }))!
}

/// One finalised year for the tests that only read it (built once, removed when the test process exits).
private let sharedYear: (folder: URL, store: String) = {
    let year = halleYear()
    sharedYearFolder = year.folder.path
    atexit { if let folder = sharedYearFolder { try? FileManager.default.removeItem(atPath: folder) } }
    return year
}()
nonisolated(unsafe) private var sharedYearFolder: String?

@Suite("Reimbursement claims from finalised statements")
struct ClaimTests {
    @Test("The Land's claim for 2026 adds up exactly to the Land's totals of the twelve statements, month by month")
    func landYear() throws {
        let store = sharedYear.store
        let r = leq(["claim", "--bearer", "land", "--year", "2026", "--format", "json", "--store", store])
        #expect(r.status == 0, "\(r.err)")
        let (root, _) = try JSONParser.parse(r.out)
        guard case let .object(top) = root, case let .array(claims)? = top.first(where: { $0.key == "claims" })?.value,
              case let .object(claim)? = claims.first, case let .array(perMonth)? = claim.first(where: { $0.key == "perMonth" })?.value,
              case let .string(total)? = claim.first(where: { $0.key == "total" })?.value else {
            Issue.record("not a claims document")
            return
        }
        var sum = Money.zero
        for (k, entry) in perMonth.enumerated() {
            guard case let .object(m) = entry else { continue }
            let month = String(format: "2026-%02d", k + 1)
            let settled = leq(["settle", "--agreement", halleAgreement, "--cases", halleCases, "--month", month, "--format", "json", "--store", store])
            // Settled again with the store, the month carries no corrections: its Land total is what was finalised.
            let expected = bearerTotal(settled.out, "land")
            guard case let .string(amount)? = m.first(where: { $0.key == "amount" })?.value else { continue }
            #expect(Money(decimal: amount) == expected, "\(month)")
            sum += expected
        }
        #expect(Money(decimal: total) == sum && sum > .zero)
        let text = String(decoding: leq(["claim", "--bearer", "land", "--year", "2026", "--store", store]).out, as: UTF8.self)
        #expect(text.contains("Abgleich mit den Abrechnungen (12 Abrechnungen): die Zeilen ergeben genau die Summen"))
    }

    @Test("Goldens: the Land's first quarter (text, CSV, JSON, HTML) and the § 89 claims of the sample")
    func goldens() throws {
        let store = sharedYear.store
        for (format, ext) in [("text", "txt"), ("csv", "csv"), ("json", "json"), ("html", "html")] {
            try expectGolden(leq(["claim", "--bearer", "land", "--quarter", "2026-Q1", "--format", format, "--store", store]),
                             "samples/halle/claims/land-2026-Q1.\(ext)")
        }
        try expectGolden(leq(["claim", "--reimbursement", "--cases", halleCases, "--year", "2026", "--store", store]),
                         "samples/halle/claims/reimbursement-2026.txt")
        try expectGolden(leq(["claim", "--reimbursement", "--cases", halleCases, "--year", "2026", "--format", "json", "--store", store]),
                         "samples/halle/claims/reimbursement-2026.json")
    }

    @Test("A § 89 claim takes only the office's own part of the case's lines, from the duty's start")
    func reimbursementOwnPart() throws {
        let store = sharedYear.store
        let text = String(decoding: leq(["claim", "--reimbursement", "--cases", halleCases, "--quarter", "2026-Q1", "--store", store]).out, as: UTF8.self)
        // H-026: flex with avoidsResidential, 1,960.00 a month split 50/50 with the Land; the duty runs from 1 February.
        #expect(text.contains("Fall H-026") && text.contains("TSD-2026-02  H-026  Fallpauschale  01.02.2026–28.02.2026  1.960,00    980,00"))
        #expect(!text.contains("TSD-2026-01  H-026"))
        #expect(text.contains("Gesamtbetrag des Anspruchs: 1.960,00 €"))
    }

    @Test("A duty starting mid-month: the month's line is named for the clerk to decide, never claimed in part or in full")
    func dutyStartsMidMonth() throws {
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let cases = folder.appendingPathComponent("cases.json")
        let original = try String(contentsOfFile: halleCases, encoding: .utf8)
        let changed = original.replacingOccurrences(of: "\"§ 89a SGB VIII\",\n        \"from\": \"2026-02-01\"",
                                                    with: "\"§ 89a SGB VIII\",\n        \"from\": \"2026-02-15\"")
        #expect(changed != original)
        try changed.write(to: cases, atomically: true, encoding: .utf8)
        let run = leq(["claim", "--reimbursement", "--cases", cases.path, "--quarter", "2026-Q1", "--store", sharedYear.store])
        #expect(run.status == 0, "\(run.err)")
        let text = String(decoding: run.out, as: UTF8.self)
        // February straddles the duty's start: listed under "Zu prüfen", not in the total; March is claimed.
        #expect(text.contains("Zu prüfen, nicht aufgenommen: Zeilen, deren Zeitraum nur teilweise in der Erstattungspflicht liegt (ab 15.02.2026)."))
        #expect(text.contains("TSD-2026-02  H-026  Fallpauschale  01.02.2026–28.02.2026  1.960,00          980,00"))
        #expect(text.contains("TSD-2026-03  H-026  Fallpauschale  01.03.2026–31.03.2026  1.960,00    980,00"))
        let h026 = text.components(separatedBy: "Fall H-026").last ?? ""
        #expect(h026.contains("Gesamtbetrag des Anspruchs: 980,00 €"))
        let json = String(decoding: leq(["claim", "--reimbursement", "--cases", cases.path, "--quarter", "2026-Q1", "--format", "json",
                                         "--store", sharedYear.store]).out, as: UTF8.self)
        #expect(json.contains("\"duty\": {\n        \"from\": \"2026-02-15\""))
        #expect(json.contains("\"partlyCovered\": [") && json.contains("\"ownPart\": \"980.00\""))
        let csv = String(decoding: leq(["claim", "--reimbursement", "--cases", cases.path, "--quarter", "2026-Q1", "--format", "csv",
                                        "--store", sharedYear.store]).out, as: UTF8.self)
        #expect(csv.contains(";1960,00;;zu prüfen: nur teilweise in der Erstattungspflicht (ab 15.02.2026), eigener Anteil 980,00"))
    }

    @Test("Claims from a generated year: for every statement, the claimed lines add up to its bearer total")
    func generatedYear() {
        var generator = Synthetic(seed: 7)
        let agreements = generator.agreements()
        let caseload = Caseload(generator.cases(3_000, providers: agreements.map(\.provider.id)))
        var sources: [ClaimSource] = []
        var landTotal = Money.zero
        var ledgers: [String: IncentiveLedger] = [:]
        var months: [Month] = []
        var m = Month(year: 2026, month: 1)!
        for _ in 0..<12 {
            let run = Settlement.run(agreements: agreements, caseload: caseload, month: m, issued: m.lastDay.next, ledgers: ledgers)
            ledgers = run.ledgers
            for s in run.statements { landTotal += s.totals.bearers[1] }
            sources += ClaimSource.read(StatementJSON.render(run.statements))!
            months.append(m)
            m = m.next
        }
        let claim = Claim.bearer("land", months: months, from: sources)!
        #expect(claim.total == landTotal && landTotal > .zero)
        for s in claim.statements {
            #expect(claim.items.filter { $0.statement == s.number }.reduce(Money.zero) { $0 + $1.claimed } == s.payerTotal, "\(s.number)")
        }
        #expect(claim.perMonth.reduce(Money.zero) { $0 + $1.amount } == claim.total)
    }

    @Test("Refusals: no payer, both, an unknown bearer, a bad quarter, a tampered store")
    func refusals() throws {
        let (folder, store) = halleYear()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(leq(["claim", "--year", "2026", "--store", store]).status == 2)
        #expect(leq(["claim", "--bearer", "land", "--reimbursement", "--cases", halleCases, "--year", "2026", "--store", store]).status == 2)
        let unknown = leq(["claim", "--bearer", "bund", "--year", "2026", "--store", store])
        #expect(unknown.status == 2 && unknown.err.contains("Kostenträger: kommune, land"))
        #expect(leq(["claim", "--bearer", "land", "--quarter", "2026-Q5", "--store", store]).err.contains("ist kein Quartal"))
        #expect(leq(["claim", "--reimbursement", "--year", "2026", "--store", store, "--lang", "en"]).err.contains("needs --cases"))
        let db = try Database(path: store, create: false)
        try db.execute("DROP TRIGGER rendering_never_changes; UPDATE statement_rendering SET bytes = CAST('{}' AS BLOB) WHERE number = 'TSD-2026-02' AND format = 'json' AND language = 'de'")
        try db.execute("CREATE TRIGGER rendering_never_changes BEFORE UPDATE ON statement_rendering BEGIN SELECT RAISE(ABORT, 'no'); END")
        let tampered = leq(["claim", "--bearer", "land", "--year", "2026", "--store", store])
        #expect(tampered.status == 2 && tampered.out.isEmpty && tampered.err.contains("TSD-2026-02: Darstellung json/de stimmt nicht"))
    }
}

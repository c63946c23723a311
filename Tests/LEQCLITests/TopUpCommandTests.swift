import Foundation
import Testing
import LEQCore
import LEQFormats
@testable import LEQCLI

let topUpCases = path("samples/topups/cases-2026.json")

/// The lines of one case in `leq settle --format json` output, as (kind, field → text) pairs.
private func caseLines(_ out: [UInt8], case id: String) throws -> [[String: String]] {
    let (root, _) = try JSONParser.parse(out)
    guard case let .object(top) = root, case let .array(statements)? = top.first(where: { $0.key == "statements" })?.value
    else { throw CocoaError(.coderReadCorrupt) }
    var found: [[String: String]] = []
    for case let .object(statement) in statements {
        guard case let .array(lines)? = statement.first(where: { $0.key == "lines" })?.value else { continue }
        for case let .object(fields) in lines {
            var line: [String: String] = [:]
            for (key, value) in fields.map(\.pair) {
                switch value {
                case let .string(s): line[key] = s
                case let .number(n): line[key] = n
                default: break
                }
            }
            if line["case"] == id { found.append(line) }
        }
    }
    return found
}

@Suite("Top-ups through the command line (SPEC § 11)")
struct TopUpCommandTests {
    func settle(_ month: String) throws -> [[String: String]] {
        let r = leq(["settle", "--agreement"] + dailyAgreements + ["--cases", topUpCases, "--month", month, "--format", "json", "--no-store"])
        #expect(r.status == 0, "\(r.err)")
        return try caseLines(r.out, case: "Z-301")
    }

    @Test("E3 on the sample case Z-301: 838.80 and 1,174.32 withheld, 3,313.26 paid in March, 43.20 a day from April")
    func e3() throws {
        let january = try settle("2026-01")
        #expect(january.filter { $0["kind"] == "topUpWithheld" }.map { $0["withheld"] } == ["838.80"])
        #expect(january.filter { $0["kind"] == "topUpWithheld" }.map { $0["rate"] } == ["41.94"])
        #expect(january.filter { $0["kind"] == "topUpNotPaid" }.map { $0["topUpReason"] } == ["staffNotStarted"])
        let february = try settle("2026-02")
        #expect(february.filter { $0["kind"] == "topUpWithheld" }.map { $0["withheld"] } == ["1174.32"])
        #expect(february.filter { $0["section"] == "topUps" }.allSatisfy { $0["amount"] == "0.00" })
        let march = try settle("2026-03").filter { $0["section"] == "topUps" }
        #expect(march.map { $0["kind"] } == ["topUpCatchUp", "topUpCatchUp", "topUp"])
        #expect(march.map { $0["amount"] } == ["838.80", "1174.32", "1300.14"])
        #expect(march.map { $0["forMonth"] } == ["2026-01", "2026-02", nil])
        let total = march.compactMap { $0["amount"].flatMap { Money(decimal: $0) } }.reduce(Money.zero, +)
        #expect(total == Money(decimal: "3313.26"))
        let april = try settle("2026-04").filter { $0["kind"] == "topUp" }
        #expect(Set(april.map { $0["rate"] }) == ["43.20"])
        #expect(Set(april.map { $0["annualCost"] }) == ["63071.60"])
    }

    @Test("The German text explains the daily top-up and what is withheld")
    func text() {
        let r = leq(["settle", "--agreement"] + dailyAgreements + ["--cases", topUpCases, "--month", "2026-01", "--provider", "krr", "--no-store"])
        let text = String(decoding: r.out, as: UTF8.self)
        // The text statement wraps long line texts at 100 columns; the JSON holds each text whole.
        #expect(text.contains("Zusatzbetreuung: 61.234,56 € × 0,25 ÷ 365 =") && text.contains("41,94 €/Tag × 20 Tage: 838,80 € einbehalten bis"), "\(text)")
        #expect(text.contains("Einbehalten bis zum Nachweis der Zusatzkraft"))
        let json = String(decoding: leq(["settle", "--agreement"] + dailyAgreements + ["--cases", topUpCases, "--month", "2026-01", "--provider", "krr",
                                         "--no-store", "--format", "json"]).out, as: UTF8.self)
        #expect(json.contains("Zusatzbetreuung: 61.234,56 € × 0,25 ÷ 365 = 41,94 €/Tag × 20 Tage: 838,80 € einbehalten bis zum Nachweis der Zusatzkraft"))
    }
}

@Suite("leq topup-cost: the personnel cost calculator")
struct TopUpCostCommandTests {
    let file = path("samples/topups/personnel-cost.json")

    @Test("The sample gives E3's annual cost and daily top-up, byte for byte as recorded", arguments: [
        (["--lang", "de"], "samples/topups/personnel-cost.txt"),
        (["--share", "0.5", "--lang", "en"], "samples/topups/personnel-cost.en.txt"),
        (["--format", "json"], "samples/topups/personnel-cost.result.json"),
    ])
    func golden(_ options: [String], _ golden: String) throws {
        try expectGolden(leq(["topup-cost", file] + options), golden)
    }

    @Test func figures() {
        let text = String(decoding: leq(["topup-cost", file]).out, as: UTF8.self)
        #expect(text.contains("Jahrespersonalkosten") && text.contains("61.234,56 €"))
        #expect(text.contains("Täglicher Zuschlag: 61.234,56 € × 0,25 ÷ 365 = 41,94 €"))
        #expect(text.contains("nicht berücksichtigt"))
    }

    @Test("A calculation with parts already in the regular rate: exit 2, each part named with file and place")
    func refusal() throws {
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let bad = folder.appendingPathComponent("cost.json")
        var text = String(decoding: FileManager.default.contents(atPath: file)!, as: UTF8.self)
        text = text.replacingOccurrences(of: #"{"kind": "monthlyGross", "amount": "3720.00"},"#,
                                         with: #"{"kind": "monthlyGross", "amount": "3720.00"}, {"kind": "management", "amount": "900.00"}, {"kind": "vacationCover", "amount": "1200.00"},"#)
        try Data(text.utf8).write(to: bad)
        let r = leq(["topup-cost", bad.path, "--lang", "en"])
        #expect(r.status == 2)
        #expect(r.out.isEmpty)
        #expect(r.err.contains("\(bad.path): parts[1].kind: management (Leitungskosten) is already in the regular rate"))
        #expect(leq(["topup-cost", bad.path]).err.contains("management (Leitungskosten) ist schon im Regelsatz enthalten"))
        #expect(r.err.contains("\(bad.path): parts[2].kind: vacationCover (Urlaubsvertretung)"))
        #expect(r.err.contains("2 errors"))
    }

    @Test("Usage errors exit 2", arguments: [["topup-cost"], ["topup-cost", "x.json", "--share", "1.5"], ["topup-cost", "x.json", "--share", "a"],
                                             ["topup-cost", "x.json", "--format", "csv"]])
    func usage(_ arguments: [String]) {
        let r = leq(arguments)
        #expect(r.status == 2 && r.out.isEmpty && !r.err.isEmpty)
    }

    @Test func missingFile() {
        let r = leq(["topup-cost", "/nonexistent/cost.json"])
        #expect(r.status == 2 && r.err.contains("/nonexistent/cost.json"))
    }
}

@Suite("leq rank: the provider ranking (SPEC § 18)")
struct RankCommandTests {
    let arguments = ["rank", "--agreement"] + incentiveAgreements + ["--cases", path("samples/incentives/cases-2026.json"), "--year", "2026"]

    @Test("The sample ranking, byte for byte as recorded, in text and JSON", arguments: [
        ([String](), "samples/incentives/ranking-2026.txt"), (["--format", "json"], "samples/incentives/ranking-2026.json"),
    ])
    func golden(_ options: [String], _ golden: String) throws {
        try expectGolden(leq(arguments + options), golden)
    }

    @Test("Usage errors exit 2", arguments: [["--year", "2026", "--from", "2026-01", "--to", "2026-06"], ["--from", "2026-07", "--to", "2026-01"],
                                             [String](), ["--year", "2026", "--format", "csv"]])
    func usage(_ extra: [String]) {
        let r = leq(["rank", "--agreement"] + incentiveAgreements + ["--cases", path("samples/incentives/cases-2026.json")] + extra)
        #expect(r.status == 2 && !r.err.isEmpty)
    }
}

@Suite("leq simulate: scenarios (SPEC § 17)")
struct SimulateCommandTests {
    let arguments = ["simulate", "--agreement", halleAgreement, "--cases", halleCases, "--scenario", path("samples/scenarios/halle-2027.json")]

    @Test("The sample scenarios, byte for byte as recorded, in text and JSON; the seed is printed", arguments: [
        ([String](), "samples/scenarios/halle-2027.txt"), (["--format", "json"], "samples/scenarios/halle-2027.result.json"),
    ])
    func golden(_ options: [String], _ golden: String) throws {
        let r = leq(arguments + options)
        #expect(r.err.contains("Startwert 2027"))
        try expectGolden(r, golden)
    }

    @Test("Another seed changes the random choices only")
    func seed() {
        let a = leq(arguments + ["--format", "json", "--seed", "5"]).out, b = leq(arguments + ["--format", "json", "--seed", "5"]).out
        #expect(a == b && a != leq(arguments + ["--format", "json"]).out)
    }

    @Test("The HTML report holds a line chart and a bar chart")
    func html() {
        let text = String(decoding: leq(arguments + ["--format", "html"]).out, as: UTF8.self)
        #expect(text.contains("<polyline") && text.contains("<rect") && text.contains("C +3 %"))
    }

    @Test("Charts that tell the truth: the y-axis starts at zero, every series has its own dash pattern, marker and end label, bars carry their values")
    func chartsTellTheTruth() throws {
        let html = String(decoding: leq(arguments + ["--format", "html"]).out, as: UTF8.self)
        let section = try #require(html.components(separatedBy: "Monatssummen: Basis und Szenarien").last)
        let line = try #require(section.components(separatedBy: "role=\"img\">").dropFirst().first?.components(separatedBy: "</svg>").first)
        // The lowest tick of the line chart is 0,00 €.
        let ticks = line.components(separatedBy: "text-anchor=\"end\">").dropFirst().map { $0.prefix { $0 != "<" } }
        #expect(ticks.contains("0,00 €"), "\(ticks)")
        // Four series (baseline and three scenarios), four different dash patterns, each named at its end.
        let polylines = line.components(separatedBy: "<polyline").dropFirst().map { String($0.prefix { $0 != ">" }) }
        #expect(polylines.count == 4)
        let dashes = polylines.map { $0.components(separatedBy: "stroke-dasharray=").dropFirst().first.map { String($0.prefix(12)) } ?? "solid" }
        #expect(Set(dashes).count == 4, "\(dashes)")
        for name in ["Basis", "C +3 %", "Mehr C-Fälle", "Bonus 5 %"] { #expect(line.contains(">\(name)</text>"), "no end label for \(name)") }
        #expect(line.contains("<rect") && line.contains("<polygon") && line.contains("<circle"))
        // The bar of a small difference is labelled with its value.
        #expect(html.contains("<text class=\"value\"") && html.contains(">1.500,00 €</text>"))
    }

    @Test("What each scenario changes, a change without effect flagged, the baseline's assumptions stated")
    func changesAndAssumptions() {
        let text = String(decoding: leq(arguments).out, as: UTF8.self)
        #expect(text.contains("Anreize der Kategorie B: Bonus 5 %, Beendigungsbonus 400,00 € — OHNE WIRKUNG im Zeitraum"))
        #expect(text.contains("Sätze (Heimerziehung) ab 01.07.2027 um 50,00 € erhöht — allein +1.500,00 €"))
        #expect(text.contains("Sätze (Kategorie C) ab 01.01.2027 um 3 % erhöht — allein +14.317,08 €"))
        #expect(text.contains("20 % der Fälle der Kategorie B wechseln am 01.01.2027 nach C"))
        #expect(text.contains("Fälle ohne Ende laufen über den ganzen") && text.contains("36 Fälle mit geplantem Ende"))
        #expect(!text.contains("flatRate") && !text.contains("  tsd "))
        // With --end-at-planned the baseline ends them, and says so; it costs less.
        let ended = String(decoding: leq(arguments + ["--end-at-planned"]).out, as: UTF8.self)
        #expect(ended.contains("Fälle ohne Ende enden zum geplanten Ende") && ended.contains("(36 Fälle bis zum Ende des Zeitraums)"))
        func baseline(_ t: String) -> String { t.split(separator: "\n").first { $0.hasPrefix("Basis") }.map(String.init) ?? "" }
        #expect(baseline(ended) != baseline(text))
    }

    @Test("A broken scenario file: exit 2, every problem with file and place")
    func refusal() throws {
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("s.json")
        try Data(#"{"format": "leq-scenario/1", "horizon": {"start": "2027-13", "months": 12}, "scenarios": [{"name": "x", "changes": [{"kind": "rate", "category": "Z", "from": "2027-01-01", "percent": "3", "amount": "1.00"}, {"kind": "magic"}]}]}"#.utf8).write(to: file)
        let r = leq(["simulate", "--agreement", halleAgreement, "--cases", halleCases, "--scenario", file.path, "--lang", "en"])
        #expect(r.status == 2 && r.out.isEmpty)
        #expect(r.err.contains("horizon.start: '2027-13' is not a month"))
        let de = leq(["simulate", "--agreement", halleAgreement, "--cases", halleCases, "--scenario", file.path])
        #expect(de.err.contains("scenarios[0].changes[1].kind: 'magic' ist keine Änderung") && de.err.contains("4 Fehler in der Eingabe"), "\(de.err)")
        #expect(r.err.contains("scenarios[0].changes[0].category: unknown category 'Z'"))
        #expect(r.err.contains("scenarios[0].changes[0]: give the change as \"percent\" or as \"amount\""))
        #expect(r.err.contains("scenarios[0].changes[1].kind: 'magic' is not a change"))
    }

    @Test("New cases' mix weights too large or too fine to draw from exactly are refused (they stopped the run), with file and place")
    func mixWeights() throws {
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("s.json")
        try Data(#"{"format": "leq-scenario/1", "horizon": {"start": "2026-06", "months": 6}, "scenarios": [{"name": "x", "changes": [{"kind": "newCases", "provider": "tsd", "perMonth": 2, "months": 9, "mix": [{"service": "flex", "category": "B", "share": "1"}, {"service": "eb", "category": "C", "share": "99999999999.99"}, {"service": "eb", "category": "B", "share": "0.00001"}]}]}]}"#.utf8).write(to: file)
        let r = leq(["simulate", "--agreement", halleAgreement, "--cases", halleCases, "--scenario", file.path])
        #expect(r.status == 2 && r.out.isEmpty)
        #expect(r.err.contains("scenarios[0].changes[0].mix[1].share: ein Anteil über 0 und höchstens 1000, mit höchstens vier Nachkommastellen; gefunden 99999999999.99"), "\(r.err)")
        #expect(r.err.contains("scenarios[0].changes[0].mix[2].share: ein Anteil über 0 und höchstens 1000"), "\(r.err)")
    }
}

@Suite("leq report: controlling figures (SPEC § 18)")
struct ReportCommandTests {
    let arguments = ["report", "--agreement", path("contracts/ulm-jhu-2026.json"), "--cases", path("samples/controlling/cases-2026.json"),
                     "--year", "2026", "--population", path("samples/controlling/ulm-population.json"),
                     "--plan", path("samples/controlling/plan-2026.json")]

    @Test("The Ulm sample, byte for byte as recorded, in text, CSV and JSON", arguments: [
        ([String](), "samples/controlling/report-2026.txt"), (["--format", "csv"], "samples/controlling/report-2026.csv"),
        (["--format", "json"], "samples/controlling/report-2026.json"),
    ])
    func golden(_ options: [String], _ golden: String) throws {
        try expectGolden(leq(arguments + options), golden)
    }

    @Test("Per inhabitant of Ulm's five social spaces: the social space's amount ÷ its inhabitants (seed 004)")
    func perInhabitant() throws {
        let (root, _) = try JSONParser.parse(leq(arguments + ["--format", "json"]).out)
        guard case let .object(top) = root, case let .array(spaces)? = top.first(where: { $0.key == "bySocialSpace" })?.value else {
            Issue.record("no bySocialSpace")
            return
        }
        let inhabitants = ["Böfingen": 19703, "Weststadt/Söflingen": 42159, "Eselsberg": 18606, "Mitte/Ost": 24180, "Wiblingen": 21723]
        var seen = 0
        for case let .object(fields) in spaces {
            var f: [String: String] = [:]
            for (k, v) in fields.map(\.pair) {
                if case let .string(s) = v { f[k] = s }
                if case let .number(n) = v { f[k] = n }
            }
            guard let key = f["key"], let n = inhabitants[key] else { continue }
            seen += 1
            #expect(f["inhabitants"] == "\(n)")
            let amount = try #require(f["amount"].flatMap(Money.init(decimal:)))
            #expect(f["perInhabitant"] == RoundingMode.halfAwayFromZero.scale(amount, by: 1, over: n).decimalString, "\(key)")
        }
        #expect(seen == 5)
    }

    @Test("HTML with charts; bad population and plan files are refused with file and place")
    func htmlAndRefusals() throws {
        #expect(String(decoding: leq(arguments + ["--format", "html"]).out, as: UTF8.self).contains("<rect"))
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let population = folder.appendingPathComponent("p.json"), plan = folder.appendingPathComponent("plan.json")
        try Data(#"{"format": "leq-population/1", "socialSpaces": [{"name": "Böfingen", "inhabitants": 0}]}"#.utf8).write(to: population)
        try Data(#"{"format": "leq-plan/1", "from": "2026-01", "to": "2026-06", "plans": [{"amount": "1.001"}]}"#.utf8).write(to: plan)
        let r = leq(["report", "--agreement", path("contracts/ulm-jhu-2026.json"), "--cases", path("samples/controlling/cases-2026.json"),
                     "--year", "2026", "--population", population.path, "--plan", plan.path])
        #expect(r.status == 2)
        #expect(r.err.contains("\(population.path): socialSpaces[0].inhabitants"))
        #expect(r.err.contains("\(plan.path): plans[0].amount"))
    }
}

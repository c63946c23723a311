import Foundation
import Testing
@testable import LEQCLI
@testable import LEQStore
@testable import LEQCore
@testable import LEQFormats

/// `--month 2026-01..2026-12`: one reading of the input, then month after month with the
/// incentive years and corrections carried on. The bytes must be those of one run per month.
@Suite("Months as a range")
struct MonthRangeTests {
    struct Sample: Sendable, CustomTestStringConvertible {
        var name: String
        var agreements: [String]
        var cases: String
        var testDescription: String { name }
    }

    static let samples = [
        Sample(name: "halle", agreements: [path("contracts/halle-tsd-2026.json")], cases: path("samples/halle/cases-2026.json")),
        Sample(name: "daily", agreements: dailyAgreements, cases: path("samples/daily/cases-2026.json")),
        Sample(name: "topups", agreements: dailyAgreements, cases: path("samples/topups/cases-2026.json")),
        Sample(name: "incentives", agreements: [path("contracts/halle-tsd-2026.json"), path("contracts/halle-jhn-2026.json")],
               cases: path("samples/incentives/cases-2026.json")),
        Sample(name: "controlling", agreements: [path("contracts/ulm-jhu-2026.json")], cases: path("samples/controlling/cases-2026.json")),
    ]

    @Test("settle over a year gives the bytes of twelve single runs, in every sample, as text and JSON", arguments: samples)
    func settleYear(_ s: Sample) {
        for format in ["text", "json"] {
            let base = ["settle", "--agreement"] + s.agreements + ["--cases", s.cases, "--no-store", "--format", format]
            let year = leq(base + ["--month", "2026-01..2026-12"])
            #expect(year.status == 0, "\(year.err)")
            var single: [UInt8] = []
            for m in 1...12 { single += leq(base + ["--month", String(format: "2026-%02d", m)]).out }
            #expect(year.out == single, "\(s.name) \(format)")
        }
    }

    @Test("settle over a range into a folder: one file per month, each the single run's bytes")
    func settleIntoFolder() throws {
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let base = ["settle", "--agreement", halleAgreement, "--cases", halleCases, "--no-store", "--format", "csv"]
        let r = leq(base + ["--month", "2026-04..2026-06", "--out", folder.appendingPathComponent("out").path])
        #expect(r.status == 0, "\(r.err)")
        for m in ["2026-04", "2026-05", "2026-06"] {
            let file = folder.appendingPathComponent("out/\(m).csv").path
            #expect(FileManager.default.contents(atPath: file).map([UInt8].init) == leq(base + ["--month", m]).out, "\(m)")
        }
        // Written month by month through temporary files: none is left.
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("out").path).sorted()
                == ["2026-04.csv", "2026-05.csv", "2026-06.csv"])
        // A range that fails writes nothing.
        let failed = leq(base + ["--month", "2026-04..2026-06", "--format", "xrechnung", "--out", folder.appendingPathComponent("failed").path])
        #expect(failed.status == 2)
        #expect((try? FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("failed").path)) ?? [] == [])
    }

    @Test("finalize over a year stores what twelve single runs store: the same chain head, byte for byte")
    func finalizeYear() throws {
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let a = folder.appendingPathComponent("range.db").path, b = folder.appendingPathComponent("single.db").path
        let base = ["finalize", "--agreement", path("contracts/halle-tsd-2026.json"), path("contracts/halle-jhn-2026.json"),
                    "--cases", path("samples/incentives/cases-2026.json"), "--by", "A"]
        let year = leq(base + ["--month", "2026-01..2026-12", "--store", a])
        #expect(year.status == 0, "\(year.err)")
        for m in 1...12 { #expect(leq(base + ["--month", String(format: "2026-%02d", m), "--store", b]).status == 0) }
        let ra = try Store(path: a), rb = try Store(path: b)
        #expect(ra.head?.digest == rb.head?.digest && ra.head != nil)
        #expect(try ra.statements().map(\.number) == rb.statements().map(\.number))
        #expect(leq(["verify", "--store", a]).status == 0)
    }

    @Test("Refusals: a range backwards or too long, --issued with a range")
    func refusals() {
        let base = ["settle", "--agreement", halleAgreement, "--cases", halleCases, "--no-store"]
        #expect(leq(base + ["--month", "2026-12..2026-01"]).err.contains("ist kein Monat und kein Zeitraum von Monaten"))
        #expect(leq(base + ["--month", "2026-01..2040-01"]).status == 2)
        let issued = leq(base + ["--month", "2026-01..2026-02", "--issued", "2026-03-01"])
        #expect(issued.status == 2 && issued.err.contains("--issued"))
        #expect(leq(["certify", "X-2026-01..2026-02", "--by", "a"]).status == 2)
    }
}

@Suite("Months settled again for corrections")
struct RecomputingTests {
    @Test("Months settled again one after the other, the incentive year carried on, are those settled alone (whole or in pieces): in order, with gaps, across a year's end")
    func carriedEqualsAlone() {
        var generator = Synthetic(seed: 5)
        var agreements = generator.agreements()
        let caseload = Caseload(generator.cases(3_000, providers: agreements.map(\.provider.id)))
        // The carried year matters only where the caps are reached: tight ones here, so that every
        // provider reaches them (the generated agreements' own are reached by some only).
        for k in agreements.indices {
            agreements[k].incentives?.bonusCapPercent = ExactDecimal(units: 5, scale: 2)
            agreements[k].incentives?.malusCapPercent = ExactDecimal(units: 5, scale: 2)
        }
        let all = (1...12).map { Month(year: 2026, month: $0)! } + [Month(year: 2027, month: 1)!, Month(year: 2027, month: 2)!]
        let gaps = [1, 2, 4, 5, 6, 9, 12, 13].map { all[$0] }
        var capped = 0
        for provider in agreements.prefix(3).map(\.provider.id) {
            for months in [all, gaps] {
                let again = Settlement.recomputing(agreements: agreements, caseload: caseload, provider: provider)
                for month in months {
                    let carried = again(month)
                    let alone = Settlement.run(agreements: agreements, caseload: caseload, month: month, issued: month.lastDay.next,
                                               provider: provider).statements.first
                    #expect(carried != nil && alone != nil)
                    guard let carried, let alone else { continue }
                    #expect(StatementJSON.render([carried]) == StatementJSON.render([alone]), "\(provider) \(month)")
                    // The year before summed in pieces of the provider's cases, on both cores: the same.
                    let inPieces = Settlement.run(agreements: agreements, caseload: caseload, month: month, issued: month.lastDay.next,
                                                  provider: provider, ledgers: nil, parallel: true, chunk: 97).statements.first
                    let same = inPieces.map { StatementJSON.render([$0]) } == StatementJSON.render([alone])
                    #expect(same, "\(provider) \(month)")
                    capped += carried.lines.filter { $0.kind == .bonusCapCut || $0.kind == .malusCapCut }.count
                }
            }
        }
        // The caps were reached, so the carried year changed amounts.
        #expect(capped > 0)
    }
}

extension RecomputingTests {
    /// How the lines paid are put together: as the statement lists them (cases in order, some
    /// left out), or with lines of earlier cases after them (out of order, as corrections of a
    /// statement since come after its own lines).
    enum PaidOrder: String, CaseIterable, Sendable {
        case asListed
        case withLaterLines
    }

    @Test("Correction lines are those of every case and kind compared as SPEC § 15 reads: lines gone, added, changed, unchanged and paid as zero",
          arguments: PaidOrder.allCases)
    func correctionsAsTheRuleReads(_ order: PaidOrder) {
        var generator = Synthetic(seed: 21)
        let agreements = generator.agreements()
        let caseload = Caseload(generator.cases(2_000, providers: agreements.map(\.provider.id)))
        let agreement = agreements[0], provider = agreement.provider.id
        let march = Month(year: 2026, month: 3)!, april = Month(year: 2026, month: 4)!
        let settled = { (m: Month) in
            Settlement.run(agreements: agreements, caseload: caseload, month: m, issued: m.lastDay.next, provider: provider).statements.first!
        }
        let now = settled(march)
        var open = settled(april)
        open.paymentTerms = PaymentTerms(daysAfterApproval: 21)
        // What was paid for March: the lines as settled now, some left out, some changed, and
        // some that the settling now does not have (one of them paid as zero).
        var state: UInt64 = 21
        func next(_ n: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(state >> 33) % n
        }
        var paid: [FinalisedStatement.Paid] = []
        for line in now.lines {
            switch next(10) {
            case 0: continue
            case 1: paid.append(.init(caseID: line.caseID, service: line.service, fileReference: line.fileReference, kind: line.kind,
                                      amount: line.amount + Money(cents: Int64(next(5_000) - 2_500))))
            default: paid.append(.init(caseID: line.caseID, service: line.service, fileReference: line.fileReference, kind: line.kind,
                                       amount: line.amount))
            }
        }
        // Cases paid and not settled now: one before all the others, one among them, one after.
        let gone = [("0-GONE", 700), (now.lines[now.lines.count / 2].caseID + "-GONE", 800), ("~GONE", 900)]
        if order == .asListed {
            for (id, cents) in gone {
                paid.append(.init(caseID: id, service: "flex", fileReference: "old", kind: .flatRate, amount: Money(cents: Int64(cents))))
            }
            paid.sort { $0.caseID < $1.caseID }
        } else {
            for (k, c) in caseload.cases.prefix(60).enumerated() {
                paid.append(.init(caseID: c.id, service: c.service, fileReference: c.fileReference, kind: .endBonus,
                                  amount: k % 10 == 0 ? .zero : Money(cents: Int64(100 * (k + 1)))))
            }
            // Corrections of it since, after its own lines (a case's paid lines apart from each other),
            // some under a file reference the case had then; and a case gone from the input.
            for line in now.lines where next(7) == 0 {
                paid.append(.init(caseID: line.caseID, service: line.service, fileReference: next(2) == 0 ? "alt-\(line.caseID)" : line.fileReference,
                                  kind: line.kind, amount: Money(cents: Int64(next(3_000) - 1_500))))
            }
            paid.append(.init(caseID: "GONE-1", service: "flex", fileReference: "old-1", kind: .flatRate, amount: Money(cents: 12_345)))
            paid.append(.init(caseID: "GONE-1", service: "flex", fileReference: "old-2", kind: .hours, amount: Money(cents: 500)))
        }
        let finalised = [FinalisedStatement(number: "P-2026-03", month: march, paid: paid)]
        let corrected = Settlement.correcting(open, agreement: agreement, caseload: caseload, finalised: finalised) { $0 == march ? now : nil }
        let made = corrected.lines.filter { $0.kind == .correction }

        // SPEC § 15 as it reads: every case and kind paid or settled now, in order of case and
        // kind, whose amount now differs from what was paid.
        struct Key: Hashable { var caseID: String; var kind: LineKind }
        var was: [Key: Money] = [:], is_: [Key: Money] = [:]
        for p in paid { was[Key(caseID: p.caseID, kind: p.kind), default: .zero] += p.amount }
        for l in now.lines where l.kind != .correction { is_[Key(caseID: l.caseID, kind: l.kind), default: .zero] += l.amount }
        // A correction line names the case's service and file reference as settled now, or, for a
        // case settled no more, as last paid.
        var place: [String: (service: String, fileReference: String)] = [:]
        for p in paid { place[p.caseID] = (p.service, p.fileReference) }
        var placeNow: [String: (service: String, fileReference: String)] = [:]
        for l in now.lines where l.kind != .correction { placeNow[l.caseID] = (l.service, l.fileReference) }
        for (id, p) in placeNow { place[id] = p }
        let expected = Set(was.keys).union(is_.keys)
            .sorted { ($0.caseID, LineKind.allCases.firstIndex(of: $0.kind)!) < ($1.caseID, LineKind.allCases.firstIndex(of: $1.kind)!) }
            .filter { (was[$0] ?? .zero) != (is_[$0] ?? .zero) }
        #expect(made.count == expected.count && made.count > (order == .asListed ? 20 : 50), "\(made.count)")
        for (line, key) in zip(made, expected) {
            let before = was[key] ?? .zero, after = is_[key] ?? .zero
            #expect(line.caseID == key.caseID && line.correctedKind == key.kind && line.amount == after - before
                    && line.previousAmount == before && line.corrects == "P-2026-03" && line.forMonth == march)
            #expect(line.service == place[key.caseID]?.service && line.fileReference == place[key.caseID]?.fileReference, "\(key.caseID)")
            #expect(line.bearerParts.reduce(.zero, +) == line.amount)
        }
        // Each sort of change is there.
        #expect(expected.contains { was[$0] == nil } && expected.contains { is_[$0] == nil } && expected.contains { was[$0] != nil && is_[$0] != nil })
        if order == .withLaterLines {
            #expect(was.contains { $0.value == .zero && is_[$0.key] == nil })
            #expect(made.contains { $0.caseID == "GONE-1" && $0.fileReference == "old-2" })
            #expect(made.contains { $0.fileReference.hasPrefix("alt-") } == false)
        } else {
            // Paid in order of case ids, as a statement lists them.
            #expect(zip(paid, paid.dropFirst()).allSatisfy { $0.caseID <= $1.caseID })
            #expect(gone.allSatisfy { id, _ in made.contains { $0.caseID == id && $0.fileReference == "old" } })
        }
        // The open statement with the lines added after its own, the rest as it was (its payment
        // terms were lost once), its totals those of all its lines.
        #expect(corrected.lines.count == open.lines.count + made.count && corrected.lines.prefix(open.lines.count) == open.lines[...])
        #expect(corrected.paymentTerms == PaymentTerms(daysAfterApproval: 21) && corrected.number == open.number
                && corrected.warnings == open.warnings && corrected.budgets == open.budgets)
        #expect(corrected.totals == Totals(lines: corrected.lines, bearerCount: corrected.bearers.count))
        #expect(corrected.totals != open.totals && corrected.invariantViolations().isEmpty)
    }
}

@Suite("Chunks joined")
struct JoinTests {
    @Test("A provider's chunks are moved into its builder, in order, one chunk or several: the parts are left without lines")
    func joinMoves() {
        var generator = Synthetic(seed: 13)
        let agreements = generator.agreements()
        let caseload = Caseload(generator.cases(1_500, providers: agreements.map(\.provider.id)))
        let agreement = agreements[0], month = Month(year: 2026, month: 6)!
        let cases = caseload.cases(of: agreement.provider.id)
        for chunks in [1, 3, 7] {
            var parts: [StatementBuilder] = []
            for k in 0..<chunks {
                var b = StatementBuilder(agreement: agreement, month: month)
                for c in cases[(k * cases.count / chunks)..<((k + 1) * cases.count / chunks)] { b.settle(c) }
                parts.append(b)
            }
            let expected = parts.flatMap(\.lines), warnings = parts.flatMap(\.warnings).count
            var joined = StatementBuilder(agreement: agreement, month: month)
            joined.join(&parts)
            #expect(expected.count > 100 && joined.lines == expected && joined.warnings.count == warnings, "\(chunks)")
            #expect(parts.allSatisfy { $0.lines.isEmpty }, "\(chunks)")
        }
    }
}

@Suite("Both cores")
struct ParallelTests {
    @Test("Settling cases in chunks and rendering statements on all cores gives the bytes of one after the other (a generated caseload)")
    func parallelEqualsSequential() {
        var generator = Synthetic(seed: 7)
        let agreements = generator.agreements()
        let caseload = Caseload(generator.cases(6_000, providers: agreements.map(\.provider.id)))
        var ledgersP: [String: IncentiveLedger]?, ledgersS: [String: IncentiveLedger]?
        var month = Month(year: 2026, month: 1)!
        for _ in 0..<3 {
            // Small chunks: every provider's cases settled in many pieces, on both cores, then joined.
            let p = Settlement.run(agreements: agreements, caseload: caseload, month: month, issued: month.lastDay.next, provider: nil,
                                   ledgers: ledgersP, parallel: true, chunk: 97)
            let s = Settlement.run(agreements: agreements, caseload: caseload, month: month, issued: month.lastDay.next, ledgers: ledgersS,
                                   parallel: false)
            #expect(p.statements.count == agreements.count && p.statements.contains { $0.lines.count > 500 })
            let a = StatementJSON.render(p.statements), b = StatementJSON.render(s.statements, parallel: false)
            #expect(a == b, "\(month)")
            #expect(p.problems.count == s.problems.count && p.ledgers.keys.sorted() == s.ledgers.keys.sorted())
            ledgersP = p.ledgers
            ledgersS = s.ledgers
            month = month.next
        }
    }
}

@Suite("Statements written in pieces")
struct StreamedJSONTests {
    /// The document written by one writer from start to end, the way it was written before it
    /// was handed out in pieces.
    static func oneWriter(_ statements: [Statement], language: Language = .de) -> [UInt8] {
        let labels = Labels(language)
        var w = JSONWriter()
        w.beginObject()
        w.field("format", StatementJSON.format)
        w.beginArray("statements")
        for s in statements {
            StatementJSON.writeHead(s, labels, &w)
            let shared = StatementJSON.LineContext(s)
            // Every text spelt out in full: the document written in pieces keeps texts said before.
            let texts = LineTextCache(language: language, keeps: false)
            for var line in s.lines { StatementJSON.writeLine(&line, labels, shared, texts, &w) }
            StatementJSON.writeTail(s, labels, &w)
        }
        w.endArray()
        w.endObject()
        return w.finish()
    }

    @Test("The pieces, joined, are the document one writer makes; no piece holds more than a few thousand lines")
    func piecesJoinToTheDocument() {
        var generator = Synthetic(seed: 11)
        let agreements = generator.agreements()
        let caseload = Caseload(generator.cases(8_000, providers: agreements.map(\.provider.id)))
        let month = Month(year: 2026, month: 3)!
        var run = Settlement.run(agreements: agreements, caseload: caseload, month: month, issued: month.lastDay.next)
        // An empty statement among them (a provider without cases).
        run.statements.insert(Statement(number: "X-2026-03", month: month, issued: month.lastDay.next, agreementID: "X",
                                        youthOffice: agreements[0].youthOffice, provider: agreements[0].provider,
                                        bearers: agreements[0].bearers, services: agreements[0].services, lines: [], warnings: [],
                                        budgets: [], paymentTerms: nil), at: 1)
        let expected = Self.oneWriter(run.statements)
        for parallel in [true, false] {
            var pieces: [[UInt8]] = []
            StatementJSON.render(run.statements, parallel: parallel) { pieces.append($0) }
            #expect(pieces.flatMap { $0 } == expected)
            #expect(pieces.count >= 2 * run.statements.count + 2)
            #expect(pieces.map(\.count).max()! < 2_048 * 2_000)
        }
        for statements in [[], [run.statements[1]]] {
            var joined: [UInt8] = []
            StatementJSON.render(statements) { joined += $0 }
            #expect(joined == Self.oneWriter(statements))
        }
    }

    @Test("Text, HTML, CSV and the payment advice in pieces, made on all cores, are the documents made whole; rows in the order of the lines")
    func otherFormatsInPieces() throws {
        var generator = Synthetic(seed: 13)
        let agreements = generator.agreements()
        // Two providers of some 6,000 lines each: their CSV rows come in more than one piece.
        let caseload = Caseload(generator.cases(12_000, providers: agreements.prefix(2).map(\.provider.id)))
        let month = Month(year: 2026, month: 3)!
        let statements = Settlement.run(agreements: agreements, caseload: caseload, month: month, issued: month.lastDay.next).statements
        let lines = statements.flatMap(\.lines)
        #expect(statements.filter { $0.lines.count > 4_096 }.count == 2)
        for language in Language.allCases {
            let l = Labels(language)
            func pieces(_ render: (Bool, (UnsafeBufferPointer<UInt8>) -> Void) -> Void) -> [[UInt8]] {
                var one: [[UInt8]] = [], all: [[UInt8]] = []
                render(false) { one.append(Array($0)) }
                render(true) { all.append(Array($0)) }
                let same = one.flatMap { $0 } == all.flatMap { $0 }
                #expect(same, "on one core and on all")
                return all
            }
            // Text: every statement as it lays itself out, between them a rule.
            let text = pieces { StatementText.render(statements, language: language, parallel: $0, write: $1) }
            let between = "\n" + String(repeating: "=", count: 100) + "\n\n"
            let textSame = text.flatMap { $0 } == Array(statements.map { StatementText.render($0, l) }.joined(separator: between).utf8)
            let textWhole = text.flatMap { $0 } == StatementText.render(statements, language: language)
            #expect(textSame && textWhole, "text")
            // HTML: the page's head, every statement's section, the page's end.
            let html = pieces { StatementHTML.render(statements, language: language, parallel: $0, write: $1) }
            let page = StatementHTML.head(statements, l) + statements.indices.map { StatementHTML.render(statements[$0], l, page: "s\($0)") }.joined()
                + "</body>\n</html>\n"
            let htmlSame = html.flatMap { $0 } == Array(page.utf8), htmlWhole = html.flatMap { $0 } == StatementHTML.render(statements, language: language)
            #expect(htmlSame && htmlWhole, "HTML")
            // CSV and the advice: a row per line (per line that pays), in order, after the header.
            let csv = pieces { StatementCSV.render(statements, language: language, parallel: $0, write: $1) }
            let csvWhole = csv.flatMap { $0 } == StatementCSV.render(statements, language: language)
            #expect(csv.count > 4 && csvWhole, "CSV")
            let advice = pieces { PaymentAdvice.render(statements, language: language, parallel: $0, write: $1) }
            let adviceWhole = advice.flatMap { $0 } == PaymentAdvice.render(statements, language: language)
            #expect(adviceWhole, "advice")
            // The rows read back (in German only: reading is slow in a debug build).
            guard language == .de else { continue }
            let rows = try CSV.parse(String(decoding: csv.flatMap { $0 }.dropFirst(3), as: UTF8.self)).get()
            let rowsInOrder = rows.count == 1 + lines.count && rows.dropFirst().map { $0[1] } == lines.map(\.caseID)
                && rows.dropFirst().map { $0[13] } == lines.map { l.f.plain($0.amount) }
            #expect(rowsInOrder, "CSV rows")
            let paid = try CSV.parse(String(decoding: advice.flatMap { $0 }.dropFirst(3), as: UTF8.self)).get()
            let paying = lines.filter { $0.amount != .zero }
            let paidInOrder = paid.dropFirst().map { $0[3] } == paying.map(\.caseID) && paid.dropFirst().map { $0[9] } == paying.map { l.f.plain($0.amount) }
            #expect(paidInOrder, "advice rows")
        }
    }

    @Test("A line's text written into the document piece by piece is its text, escaped; in both languages, for every line kind")
    func textsInPieces() throws {
        var generator = Synthetic(seed: 5)
        let agreements = generator.agreements()
        let caseload = Caseload(generator.cases(3_000, providers: agreements.map(\.provider.id)))
        var lines: [StatementLine] = []
        for month in [Month(year: 2026, month: 6)!, Month(year: 2027, month: 2)!] {
            lines += Settlement.run(agreements: agreements, caseload: caseload, month: month, issued: month.lastDay.next).statements.flatMap(\.lines)
        }
        // A category an agreement may spell with a quote, a backslash and a line break: escaped in the document.
        var odd = lines.first { $0.kind == .dailyRate && $0.category != nil }!
        odd.category = "A\"\\\n1"
        lines.append(odd)
        #expect(Set(lines.map(\.kind)).isSuperset(of: [.flatRate, .dailyRate, .hours, .hoursNotApproved]))
        for language in Language.allCases {
            let labels = Labels(language)
            for line in lines {
                var w = JSONWriter()
                var text = w.openString()
                labels.writeText(line, to: &text)
                w.closeString()
                var plain = JSONWriter()
                plain.string(labels.text(line))
                #expect(w.bytes == plain.bytes)
                let parsed = try JSONParser.parse(w.bytes + [0x0A]).value
                #expect(parsed == .string(labels.text(line)))
            }
        }
    }
}

import Testing
import Foundation
@testable import LEQCore
@testable import LEQFormats

@Suite("Rendering statements")
struct RenderingTests {
    @Test func germanAndEnglishNumbers() {
        let de = Formatter(.de), en = Formatter(.en)
        #expect(de.money(Money(cents: 123456)) == "1.234,56 €")
        #expect(de.money(Money(cents: -5)) == "-0,05 €")
        #expect(de.money(Money(cents: 123456789)) == "1.234.567,89 €")
        #expect(en.money(Money(cents: 123456)) == "€1,234.56")
        #expect(en.money(Money(cents: -123456)) == "-€1,234.56")
        #expect(de.plain(Money(cents: 123456)) == "1234,56")
        #expect(de.date(CivilDate(iso: "2026-03-31")!) == "31.03.2026")
        #expect(de.month(Month(iso: "2026-03")!) == "März 2026")
        #expect(en.month(Month(iso: "2026-03")!) == "March 2026")
    }

    @Test("A share to one decimal, also of a whole below zero (maluses and corrections above what was paid); none of zero")
    func shares() {
        let de = Formatter(.de), en = Formatter(.en)
        #expect(de.percent(Money(cents: 5_000), of: Money(cents: 40_000)) == "12,5 %")
        #expect(en.percent(Money(cents: -5_000), of: Money(cents: 40_000)) == "-12.5 %")
        #expect(de.percent(Money(cents: -5_000), of: Money(cents: -40_000)) == "12,5 %")
        #expect(de.percent(Money(cents: 5_000), of: Money(cents: -40_000)) == "-12,5 %")
        #expect(de.percent(Money(cents: 1), of: Money(cents: 3)) == "33,3 %")
        #expect(de.percent(Money(cents: 5_000), of: .zero) == nil)
        #expect(ControllingReport.share(Money(cents: 100), of: Money(cents: -400), de) == "-25,0 %")
        #expect(SimulationReport.percent(Money(cents: 100), of: Money(cents: -400), de) == "-25,0 %")
        #expect(SimulationReport.percent(Money(cents: -1), of: Money(cents: 100_000), de) == "0,0 %")
        #expect(SimulationReport.percent(Money(cents: 1), of: Money(cents: 100_000), de) == "+0,0 %")
    }

    @Test("An amount with its sign, written in one go, is the grouped number joined with the sign (generated amounts)")
    func moneyAsJoined() {
        let de = Formatter(.de), en = Formatter(.en)
        var state: UInt64 = 0x2545_F491_4F6C_DD1D
        for k in 0..<5_000 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let digits = k % 12 + 1
            var cents = Int64(bitPattern: state >> 1) % Int64(pow10(digits))
            if k % 3 == 0 { cents = -cents }
            let m = Money(cents: cents)
            #expect(de.money(m) == de.grouped(m) + " €")
            let number = en.grouped(m)
            #expect(en.money(m) == (m.isNegative ? "-€" + number.dropFirst() : "€" + number))
        }
    }

    private func pow10(_ n: Int) -> Int64 { (0..<n).reduce(1) { acc, _ in acc * 10 } }

    func statement() throws -> Statement {
        let agreement = try AgreementFile.decode(Array(validAgreement.utf8), file: "a.json")
        let cases = try CaseFile.decode(Array(validCases.utf8), file: "c.json", agreements: [agreement]).cases
            .map { c -> Case in var c = c; c.flags = ["avoidsResidential"]; return c }
        return Settlement.statement(agreement: agreement, cases: cases, month: Month(iso: "2026-03")!, issued: CivilDate(iso: "2026-04-07")!).statement
    }

    @Test("The canonical JSON: amounts as two-decimal strings, bearer parts by id, totals by section")
    func canonicalJSON() throws {
        let bytes = StatementJSON.render([try statement()])
        let root = try JSONParser.parse(bytes).value
        guard case let .array(statements)? = root["statements"], let s = statements.first else {
            Issue.record("no statements")
            return
        }
        #expect(s["number"] == .string("TSD-2026-03"))
        #expect(s["issued"] == .string("2026-04-07"))
        guard case let .array(lines)? = s["lines"] else { Issue.record("no lines"); return }
        let e1 = lines.first { $0["case"] == .string("H-1") }
        #expect(e1?["amount"] == .string("1390.97"))
        #expect(e1?["bearers"]?["kommune"] == .string("695.49"))
        #expect(e1?["bearers"]?["land"] == .string("695.48"))
        #expect(e1?["legalBasis"] == .string("§ 27 SGB VIII"))
        #expect(s["totals"]?["sections"]?["base"] == s["totals"]?["all"])
        #expect(s["vatNote"] == .string("Die Leistungen sind nach § 4 Nr. 25 UStG von der Umsatzsteuer befreit."))
    }

    @Test("Statements written into buffers kept from earlier documents give the same bytes as into new ones")
    func keptBuffers() throws {
        let small = try statement()
        var large = small
        // Enough lines for pieces made on all cores and handed over in order.
        large.append(Array(repeatElement(small.lines, count: 3_000 / small.lines.count).joined()))
        let first = StatementJSON.render([large])
        let other = StatementJSON.render([small, large, small])
        #expect(StatementJSON.render([large]) == first)
        #expect(StatementJSON.render([small, large, small]) == other)
        #expect(StatementJSON.render([large], parallel: false) == first)

        // A kept buffer is emptied for its next piece, and no more than the limit are kept.
        let pool = BufferPool(limit: 2)
        let used = pool.take(capacity: 64)
        var w = JSONWriter(elementAt: 1, first: true, into: used)
        w.string("a long string left behind in the buffer")
        pool.give(w.takeBuffer())
        var again = JSONWriter(elementAt: 1, first: true, into: pool.take(capacity: 64))
        again.string("b")
        var fresh = JSONWriter(elementAt: 1, first: true)
        fresh.string("b")
        #expect(again.bytes == fresh.bytes)
        let buffers = (0..<3).map { _ in ByteBuffer(capacity: 16) }
        for b in buffers { pool.give(b) }
        #expect(pool.take(capacity: 16) === buffers[1])
        #expect(pool.take(capacity: 16) === buffers[0])
        #expect(pool.take(capacity: 16) !== buffers[2])
    }

    @Test("Text statement: German by default, with every field a youth office expects")
    func germanText() throws {
        let text = String(decoding: StatementText.render([try statement()]), as: UTF8.self)
        for expected in ["ABRECHNUNG Nr. TSD-2026-03", "Rechnungsdatum: 07.04.2026", "Steuernummer: 1", "Leitweg-ID: 3",
                         "Kreditorennummer: 2", "§ 27 SGB VIII", "1.390,97 €", "§ 4 Nr. 25 UStG", "Summen nach Kostenträger",
                         "Kommune 695,49 €"] {
            #expect(text.contains(expected), "missing: \(expected)")
        }
        let en = String(decoding: StatementText.render([try statement()], language: .en), as: UTF8.self)
        #expect(en.contains("STATEMENT No. TSD-2026-03") && en.contains("€1,390.97") && en.contains("exempt from VAT"))
    }

    @Test("A text table narrowed to a width wraps its text column at words, keeps numbers with units and amounts aligned")
    func textTableWraps() {
        var t = TextTable([.left, .left, .right])
        t.add(["  Zusatzbetreuung: 61.234,56 € × 0,25 ÷ 365 = 41,94 €/Tag × 31 Tage – Zusatzkraft erkrankt, Krankheitstage 28–42", "01.03.2026", "1.300,14 €"])
        t.add(["  kurz", "02.03.2026", "7,00 €"])
        t.addSpan("  Fall Z-1, Aktenzeichen 51.3-301/25 – § 34 SGB VIII Heimerziehung mit einem sehr langen Namen, der umbrechen muss")
        let lines = t.render(indent: "  ", maxWidth: 60, wrap: 0)
        #expect(lines.allSatisfy { $0.count <= 60 }, "\(lines)")
        let amounts = lines.filter { $0.hasSuffix(" €") }
        #expect(amounts.count == 2 && Set(amounts.map(\.count)).count == 1, "\(lines)")
        #expect(!lines.contains { $0.hasSuffix("41,94") || $0.hasSuffix(" ×") && $0.contains("31") && !$0.contains("Tage") })
        #expect(lines.contains { $0.contains("41,94 €/Tag") } || lines.contains { $0.hasPrefix("      41,94 €/Tag") })
        #expect(lines.filter { !$0.hasSuffix(" €") && !$0.contains("Fall Z-1") }.allSatisfy { $0.hasPrefix("      ") }, "continuations indented: \(lines)")
        // Without a limit nothing changes.
        #expect(t.render(indent: "  ").count == 3)
    }

    @Test("Plain text is measured, trimmed, wrapped and kept with its units by its bytes exactly as character by character")
    func plainTextByBytes() {
        // Pieces a statement's texts are made of: numbers with units, "+" before amounts, long
        // words, umlauts, €, dashes and quotes, the superscript two (a number), runs of spaces.
        let pieces = ["Tag", "Tage", "Std.", "Stunden", "days", "months", "hours", "Monat", "Std", "Tagen", "%-Punkte", "Monate", "41,94", "€/Tag", "€", "%", "80", "+", "500,00",
                      "Zusatzbetreuung:", "Krankheitstage", "28–42", "„Heim“", "Größe", "m²", "2²", "½", "·", "§", "Übergangsverfahrenszeitraumsverlängerung",
                      "x", "Tage,", "Tag:", "–", "…", "A", "1"]
        var rng = SystemRandomNumberGenerator()
        var checked = 0
        for _ in 0..<4_000 {
            var text = String(repeating: " ", count: Int.random(in: 0...3, using: &rng))
            for _ in 0..<Int.random(in: 1...14, using: &rng) {
                text += pieces.randomElement(using: &rng)! + String(repeating: " ", count: Int.random(in: 1...2, using: &rng))
            }
            if Bool.random(using: &rng) { text = String(text.dropLast()) }
            #expect(PlainText.isPlain(text))
            #expect(PlainText.width(text) == text.count, "\(text)")
            #expect(text.withoutTrailingSpaces == String(text.trimmingTrailingSpaces), "\(text)")
            #expect(StatementHTML.keepUnits(text) == StatementHTML.keepUnitsByCharacter(text), "\(text)")
            let trimmed = String(text.trimmingTrailingSpaces)
            for width in [1, 4, 9, 17, 30, 60] where trimmed.count > width {
                let bytes = trimmed.withUTF8InPlace { TextTable.wrapPlainWords($0, width: width) }
                #expect(bytes == TextTable.wrapCharacters(trimmed, width: width), "\(trimmed) at \(width)")
                checked += 1
            }
        }
        #expect(checked > 10_000)
        // Text with characters that join is measured as Swift counts them, and wrapped the same.
        for joined in ["Cafe\u{301} au lait 41,94 €/Tag", "Zeile\r\nzwei", "Familie 👨‍👩‍👧 mit 3 Kindern", "ﷺ Name"] {
            #expect(!PlainText.isPlain(joined))
            #expect(PlainText.width(joined) == joined.count)
            #expect(TextTable.wrapWords(joined, width: 8) == TextTable.wrapCharacters(joined, width: 8))
            #expect(StatementHTML.keepUnits(joined) == StatementHTML.keepUnitsByCharacter(joined))
        }
    }

    @Test("HTML texts written as bytes are escaped and kept with their units exactly as the strings are")
    func htmlTextsAsBytes() {
        let pieces = ["Tag", "Tage", "Std.", "days", "Monat", "41,94", "€/Tag", "€", "%", "80", "+", "500,00", "&", "<b>", "\"x\"", "a&b",
                      "Größe", "m²", "2²", "½", "–", "„Heim“", "Cafe\u{301}", "\"\u{301}", "👨‍👩‍👧", "\r\n", "A", "1"]
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<3_000 {
            var text = String(repeating: " ", count: Int.random(in: 0...2, using: &rng))
            for _ in 0..<Int.random(in: 0...10, using: &rng) {
                text += pieces.randomElement(using: &rng)! + String(repeating: " ", count: Int.random(in: 0...2, using: &rng))
            }
            for keepingUnits in [false, true] {
                var h = HTMLBytes()
                h += "<td>"
                h.escaped(keepingUnits: keepingUnits) { $0.write(text) }
                h += "</td>"
                let expected = "<td>" + StatementHTML.escape(keepingUnits ? StatementHTML.keepUnits(text) : text) + "</td>"
                #expect(h.bytes == Array(expected.utf8), "\(text) \(keepingUnits)")
            }
        }
    }

    @Test("A text table written as bytes is its lines joined with line breaks, plain or not, wrapped or not, its cells given as strings or written")
    func textTableAsBytes() {
        let cells = ["  Tagessatz Kategorie B: 31 Tage anwesend × 178,43 €", "01.03.2026–31.03.2026", "31 Tage", "5.531,33 €",
                     "kurz", "", "  Café\u{301} mit einem langen Namen über 41,94 €/Tag", "1 pauschal", "+ 500,00 €", "Ü",
                     "Leerzeichen am Ende   "]
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<300 {
            // The same rows twice: as strings, and written cell by cell.
            var t = TextTable([.left, .left, .right, .right])
            var written = TextTable([.left, .left, .right, .right])
            var rows: [(cells: [String], span: Bool)] = []
            for _ in 0..<Int.random(in: 0...6, using: &rng) {
                if Int.random(in: 0..<5, using: &rng) == 0 {
                    let (a, b) = (cells.randomElement(using: &rng)!, cells.randomElement(using: &rng)!)
                    t.addSpan(a + " " + b)
                    rows.append(([a + " " + b], true))
                    written.addSpan { span in
                        span.write(a)
                        span.write(" ")
                        span.write(b)
                    }
                } else {
                    let row = (0..<Int.random(in: 1...4, using: &rng)).map { _ in cells.randomElement(using: &rng)! }
                    t.add(row)
                    rows.append((row, false))
                    written.addRow { out in
                        for cell in row {
                            out.write(cell)
                            out.endCell()
                        }
                    }
                }
            }
            for (indent, maxWidth, wrap) in [("", nil, nil), ("  ", 100, 0), ("  ", 40, 0), ("", 30, 1)] as [(String, Int?, Int?)] {
                var bytes: [UInt8] = []
                t.write(into: &bytes, indent: indent, maxWidth: maxWidth, wrap: wrap, minWrapWidth: 12)
                let lines = t.render(indent: indent, maxWidth: maxWidth, wrap: wrap, minWrapWidth: 12)
                #expect(bytes == Array(lines.map { $0 + "\n" }.joined().utf8))
                #expect(lines == referenceLayout(rows, [.left, .left, .right, .right], indent: indent, maxWidth: maxWidth, wrap: wrap, minWrapWidth: 12))
                var writtenBytes: [UInt8] = []
                written.write(into: &writtenBytes, indent: indent, maxWidth: maxWidth, wrap: wrap, minWrapWidth: 12)
                #expect(writtenBytes == bytes && written.render(indent: indent, maxWidth: maxWidth, wrap: wrap, minWrapWidth: 12) == lines)
            }
        }
        // A span row is its text after the indent, wrapped to the width (or without trailing spaces).
        for a in cells {
            for b in cells {
                var t = TextTable([.left, .right])
                t.addSpan(a + " " + b)
                for (indent, maxWidth) in [("", nil), ("  ", 100), ("  ", 40), ("", 30)] as [(String, Int?)] {
                    let expected = maxWidth.map { TextTable.wrapWords(indent + a + " " + b, width: $0) } ?? [(indent + a + " " + b).withoutTrailingSpaces]
                    #expect(t.render(indent: indent, maxWidth: maxWidth) == expected)
                    var bytes: [UInt8] = []
                    t.write(into: &bytes, indent: indent, maxWidth: maxWidth)
                    #expect(bytes == Array(expected.map { $0 + "\n" }.joined().utf8))
                }
            }
        }
    }

    @Test("CSV: one row per line, parts per bearer by name, German decimals and dates, names not keys")
    func csv() throws {
        let bytes = StatementCSV.render([try statement()])
        // German Excel opens a CSV by double-click as UTF-8 only when it starts with the byte order mark.
        #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
        let text = String(decoding: bytes.dropFirst(3), as: UTF8.self)
        #expect(text.hasSuffix("\r\n") && !text.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
        let rows = try CSV.parse(text).get()
        #expect(rows.count == 1 + (try statement()).lines.count)
        #expect(rows[0].prefix(5) == ["Abrechnungsnummer", "Fall", "Aktenzeichen", "Leistung", "Rechtsgrundlage"])
        #expect(rows[0].suffix(2) == ["Kommune", "Land"])
        let e1 = rows.first { $0[1] == "H-1" }!
        #expect(e1.suffix(3) == ["1390,97", "695,49", "695,48"])
        #expect(e1[5] == "Fallpauschale" && e1[8] == "10.03.2026" && e1[11] == "Tage", "\(e1)")
        #expect(!text.contains("flatRate") && !text.contains(";day;") && !text.contains("2026-03-"))
        let en = try CSV.parse(String(decoding: StatementCSV.render([try statement()], language: .en).dropFirst(3), as: UTF8.self)).get()
        #expect(en.first { $0[1] == "H-1" }!.suffix(3) == ["1390.97", "695.49", "695.48"])
    }
}

@Suite("Printable statement (HTML)")
struct HTMLTests {
    @Test("Text from the files is escaped; the page names its statement in the footer")
    func escaping() {
        #expect(StatementHTML.escape(#"A & B <script> "x""#) == "A &amp; B &lt;script&gt; &quot;x&quot;")
    }
}

@Suite("Warnings in words")
struct WarningTextTests {
    @Test("Every kind of warning in both languages, as a string and written into a document piece by piece")
    func everyKind() throws {
        let march = Period(CivilDate(iso: "2026-03-01")!, CivilDate(iso: "2026-03-12")!)
        let day = Period(CivilDate(iso: "2026-03-05")!, CivilDate(iso: "2026-03-05")!)
        func warning(_ kind: SettlementWarning.Kind, _ period: Period = march, hours: ExactDecimal? = nil,
                     amount: Money? = nil) -> SettlementWarning {
            SettlementWarning(caseID: "F-1", kind: kind, period: period, days: 12, hours: hours, amount: amount)
        }
        let expected: [(SettlementWarning, de: String, en: String)] = [
            (warning(.clearingExtensionNotApproved),
             "Clearing länger als die Pauschale deckt, Verlängerung nicht genehmigt: 12 Tage (01.03.2026–12.03.2026) nicht abgerechnet.",
             "Clearing longer than the fee covers, no approved extension: 12 days (2026-03-01–2026-03-12) not billed."),
            (warning(.clearingBeyondMaximum),
             "Clearing über die Höchstdauer hinaus: 12 Tage (01.03.2026–12.03.2026) sind nie abrechenbar.",
             "Clearing beyond its maximum length: 12 days (2026-03-01–2026-03-12) are never billed."),
            (warning(.noCategory),
             "Keine Fallkategorie festgelegt: 12 Tage (01.03.2026–12.03.2026) ohne Fallpauschale.",
             "No case category set: 12 days (2026-03-01–2026-03-12) without a flat rate."),
            (warning(.clearingWithoutEnd, day),
             "Fall beendet, aber Clearing ohne Enddatum (05.03.2026): keine Clearingpauschale abgerechnet.",
             "Case ended but clearing has no end date (2026-03-05): no clearing fee billed."),
            (warning(.absenceCapReached),
             "Abwesenheit über der Jahresgrenze: 12 Tage (01.03.2026–12.03.2026) nicht vergütet.",
             "Absence past the yearly cap: 12 days (2026-03-01–2026-03-12) not paid."),
            (warning(.hoursNotApproved, hours: ExactDecimal(units: 1225, scale: 2)),
             "Fachleistungsstunden über die Bewilligung hinaus: 12,25 Std. (01.03.2026–12.03.2026) nicht vergütet; Bewilligung prüfen.",
             "Specialist hours beyond the approval: 12.25 h (2026-03-01–2026-03-12) not paid; check the approval."),
            (warning(.hoursNotApproved),
             "Fachleistungsstunden über die Bewilligung hinaus: ? Std. (01.03.2026–12.03.2026) nicht vergütet; Bewilligung prüfen.",
             "Specialist hours beyond the approval: ? h (2026-03-01–2026-03-12) not paid; check the approval."),
            (warning(.budgetExceeded, amount: Money(cents: 123_456)),
             "Fallbudget ausgeschöpft: 1.234,56 € gekürzt (01.03.2026–12.03.2026).",
             "Case budget used up: €1,234.56 cut (2026-03-01–2026-03-12)."),
            (warning(.topUpProofMissing, amount: Money(cents: 5)),
             "Zusatzbetreuung ohne Nachweis der Zusatzkraft beendet: der Zuschlag für 01.03.2026–12.03.2026, 0,05 €, wird nicht gezahlt.",
             "Top-up ended without proof of the extra staff: the top-up for 2026-03-01–2026-03-12, €0.05, is not paid."),
            (warning(.topUpProofMissing),
             "Zusatzbetreuung ohne Nachweis der Zusatzkraft beendet: der Zuschlag für 01.03.2026–12.03.2026, ?, wird nicht gezahlt.",
             "Top-up ended without proof of the extra staff: the top-up for 2026-03-01–2026-03-12, ?, is not paid."),
        ]
        #expect(Set(expected.map(\.0.kind)) == Set(SettlementWarning.Kind.allCases))
        for (w, de, en) in expected {
            for (language, text) in [(Language.de, de), (.en, en)] {
                let labels = Labels(language)
                #expect(labels.warning(w) == text)
                var pieces = JSONWriter()
                var out = pieces.openString()
                labels.writeWarning(w, to: &out)
                pieces.closeString()
                var whole = JSONWriter()
                whole.string(text)
                #expect(pieces.bytes == whole.bytes)
            }
        }
    }
}

/// A text table laid out as it was first written, with strings and characters: what the byte
/// layout (`TextTable`) must give.
private func referenceLayout(_ rows: [(cells: [String], span: Bool)], _ columns: [TextTable.Align], indent: String, maxWidth: Int?,
                             wrap: Int?, minWrapWidth: Int) -> [String] {
    var widths = [Int](repeating: 0, count: columns.count)
    for row in rows where !row.span {
        for (i, cell) in row.cells.enumerated() where i < widths.count { widths[i] = max(widths[i], cell.count) }
    }
    if let maxWidth, let wrap, wrap < widths.count {
        let total = indent.count + widths.reduce(0, +) + 2 * (widths.count - 1)
        if total > maxWidth { widths[wrap] = max(minWrapWidth, widths[wrap] - (total - maxWidth)) }
    }
    func line(_ cells: [String]) -> String {
        var line = indent
        for (i, cell) in cells.enumerated() where i < widths.count {
            let pad = String(repeating: " ", count: max(0, widths[i] - cell.count))
            if i > 0 { line += "  " }
            line += columns[i] == .left ? cell + (i == cells.count - 1 ? "" : pad) : pad + cell
        }
        return String(line.trimmingTrailingSpaces)
    }
    var out: [String] = []
    for (cells, span) in rows {
        if span {
            let spanned = indent + cells[0]
            out += maxWidth.map { TextTable.wrapWords(spanned, width: $0) } ?? [String(spanned.trimmingTrailingSpaces)]
            continue
        }
        guard let wrap, maxWidth != nil, wrap < cells.count, cells[wrap].count > widths[wrap] else {
            out.append(line(cells))
            continue
        }
        let parts = TextTable.wrapWords(cells[wrap], width: widths[wrap])
        var first = cells
        first[wrap] = parts[0]
        out.append(line(first))
        for part in parts.dropFirst() {
            var blank = [String](repeating: "", count: cells.count)
            blank[wrap] = part
            out.append(line(blank))
        }
    }
    return out
}

import LEQCore

/// Reimbursement claims as text, CSV, JSON (`leq-claims/1`) and printable HTML, in German.
public enum ClaimReport {
    static let labels = Labels(.de)
    static let f = Formatter(.de)

    static func kind(_ raw: String) -> String { ProviderCheck.kindName(raw, .de) }

    static func periodText(_ months: [Month]) -> String {
        guard let first = months.first, let last = months.last else { return "" }
        return first == last ? f.month(first) : "\(f.month(first)) – \(f.month(last))"
    }

    /// The check a clerk can make: the claimed lines add up to what the statements name for the payer.
    static func balances(_ c: Claim) -> Bool {
        c.statements.allSatisfy { s in c.items.filter { $0.statement == s.number }.reduce(Money.zero) { $0 + $1.claimed } == s.payerTotal }
    }

    /// "ab 15.02.2026", "15.02.2026 bis 30.09.2026": the duty's period as the claim states it.
    static func dutyText(_ c: Claim) -> String {
        switch (c.dutyFrom, c.dutyTo) {
        case let (from?, to?): return "\(f.date(from)) bis \(f.date(to))"
        case let (from?, nil): return "ab \(f.date(from))"
        case let (nil, to?): return "bis \(f.date(to))"
        case (nil, nil): return "ohne Frist"
        }
    }

    // MARK: Text

    public static func text(_ claims: [Claim], office: String) -> [UInt8] {
        var out: [String] = []
        for (k, c) in claims.enumerated() {
            if k > 0 { out += ["", String(repeating: "=", count: 78), ""] }
            out.append(c.title)
            out.append(String(repeating: "=", count: min(c.title.count, 100)))
            out.append("Anspruchsteller: \(office)")
            out.append("Leistungsmonate: \(periodText(c.months))" + (c.reference.map { "   Ihr Zeichen: \($0)" } ?? ""))
            if let line = c.payerBudgetLine { out.append("Buchungsstelle: \(line)") }
            if c.kind == .bearer {
                out.append("Anteil des Kostenträgers an den Zeilen der finalisierten Abrechnungen (Korrekturen eingeschlossen).")
            } else {
                out.append("Aufwendungen des Jugendamts für den Fall (eigener Anteil; Anteile anderer Kostenträger werden dort geltend gemacht).")
            }
            out.append("")
            var table = TextTable([.left, .left, .left, .left, .right, .right])
            table.add(["Abrechnung", "Fall", "Art", "Zeitraum", "Zeile", "Anspruch"])
            for i in c.items {
                table.add([i.statement, i.caseID.isEmpty ? "–" : i.caseID, kind(i.kind) + (i.corrects.map { " zu \($0)" } ?? ""),
                           f.period(Period(i.from, i.to)), f.grouped(i.lineAmount), f.grouped(i.claimed)])
            }
            if c.items.isEmpty { table.addSpan("Keine Zeilen mit einem Anteil in diesem Zeitraum.") }
            out += table.render()
            if !c.partlyCovered.isEmpty {
                out.append("")
                out.append("Zu prüfen, nicht aufgenommen: Zeilen, deren Zeitraum nur teilweise in der Erstattungspflicht liegt (\(dutyText(c))).")
                var partly = TextTable([.left, .left, .left, .left, .right, .right])
                partly.add(["Abrechnung", "Fall", "Art", "Zeitraum", "Zeile", "eigener Anteil"])
                for i in c.partlyCovered {
                    partly.add([i.statement, i.caseID, kind(i.kind) + (i.corrects.map { " zu \($0)" } ?? ""),
                                f.period(Period(i.from, i.to)), f.grouped(i.lineAmount), f.grouped(i.claimed)])
                }
                out += partly.render()
            }
            out.append("")
            out.append("Summen nach Leistungsmonat")
            var months = TextTable([.left, .right])
            for (m, amount) in c.perMonth { months.add([f.month(m), f.money(amount)]) }
            out += months.render(indent: "  ")
            out.append("")
            out.append("Gesamtbetrag des Anspruchs: \(f.money(c.total))")
            let count = c.statements.count == 1 ? "1 Abrechnung" : "\(c.statements.count) Abrechnungen"
            if c.kind == .bearer {
                out.append("Abgleich mit den Abrechnungen (\(count)): " + (balances(c)
                    ? "die Zeilen ergeben genau die Summen der Abrechnungen für diesen Kostenträger." : "ABWEICHUNG zwischen Zeilen und Abrechnungssummen."))
            } else {
                out.append("Aus \(count): " + c.statements.map { "\($0.number) \(f.money($0.payerTotal))" }.joined(separator: ", ") + ".")
            }
        }
        if claims.isEmpty { out.append("Keine Ansprüche in diesem Zeitraum.") }
        return Array((out.joined(separator: "\n") + "\n").utf8)
    }

    // MARK: CSV

    public static func csv(_ claims: [Claim]) -> [UInt8] {
        var rows: [[String]] = [["Anspruch gegenüber", "Rechtsgrundlage", "Abrechnung", "Leistungsmonat", "Träger", "Fall", "Aktenzeichen",
                                 "Leistung", "Art", "Korrektur zu", "Von", "Bis", "Zeilenbetrag", "Anspruch", "Hinweis"]]
        for c in claims {
            for i in c.items {
                rows.append([c.payerName, c.kind == .bearer ? "" : c.legalBasis, i.statement, f.month(i.month), i.providerName.isEmpty ? i.provider : i.providerName, i.caseID, i.fileReference,
                             i.legalBasis, kind(i.kind), i.corrects ?? "", f.date(i.from), f.date(i.to), f.plain(i.lineAmount), f.plain(i.claimed), ""])
            }
            for i in c.partlyCovered {
                rows.append([c.payerName, c.legalBasis, i.statement, f.month(i.month), i.providerName.isEmpty ? i.provider : i.providerName, i.caseID, i.fileReference,
                             i.legalBasis, kind(i.kind), i.corrects ?? "", f.date(i.from), f.date(i.to), f.plain(i.lineAmount), "",
                             "zu prüfen: nur teilweise in der Erstattungspflicht (\(dutyText(c))), eigener Anteil \(f.plain(i.claimed))"])
            }
        }
        return CSV.document(rows)
    }

    // MARK: JSON

    public static func json(_ claims: [Claim]) -> [UInt8] {
        var w = JSONWriter()
        w.beginObject()
        w.key("format"); w.string("leq-claims/1")
        w.key("claims")
        w.beginArray()
        for c in claims {
            w.beginObject()
            w.key("kind"); w.string(c.kind.rawValue)
            w.key("payer"); w.beginObject()
            w.key("id"); w.string(c.payerID)
            w.key("name"); w.string(c.payerName)
            if let line = c.payerBudgetLine { w.key("budgetLine"); w.string(line) }
            w.endObject()
            if c.kind == .reimbursement {
                w.key("legalBasis"); w.string(c.legalBasis)
                w.key("case"); w.string(c.caseID ?? "")
                if let r = c.reference { w.key("reference"); w.string(r) }
            }
            w.key("months"); w.beginArray()
            for m in c.months { w.string(m.iso) }
            w.endArray()
            if c.dutyFrom != nil || c.dutyTo != nil {
                w.key("duty"); w.beginObject()
                if let d = c.dutyFrom { w.key("from"); w.string(d.iso) }
                if let d = c.dutyTo { w.key("to"); w.string(d.iso) }
                w.endObject()
            }
            func item(_ i: Claim.Item, claimedKey: String) {
                w.beginObject()
                w.key("statement"); w.string(i.statement)
                w.key("month"); w.string(i.month.iso)
                w.key("provider"); w.string(i.provider)
                w.key("case"); w.string(i.caseID)
                w.key("fileReference"); w.string(i.fileReference)
                w.key("legalBasis"); w.string(i.legalBasis)
                w.key("kind"); w.string(i.kind)
                if let n = i.corrects { w.key("corrects"); w.string(n) }
                w.key("text"); w.string(i.text)
                w.key("from"); w.string(i.from.iso)
                w.key("to"); w.string(i.to.iso)
                w.key("lineAmount"); w.string(i.lineAmount.decimalString)
                w.key(claimedKey); w.string(i.claimed.decimalString)
                w.endObject()
            }
            w.key("items"); w.beginArray()
            for i in c.items { item(i, claimedKey: "claimed") }
            w.endArray()
            if !c.partlyCovered.isEmpty {
                w.key("partlyCovered"); w.beginArray()
                for i in c.partlyCovered { item(i, claimedKey: "ownPart") }
                w.endArray()
            }
            w.key("perMonth"); w.beginArray()
            for (m, amount) in c.perMonth {
                w.beginObject()
                w.key("month"); w.string(m.iso)
                w.key("amount"); w.string(amount.decimalString)
                w.endObject()
            }
            w.endArray()
            w.key("statements"); w.beginArray()
            for s in c.statements {
                w.beginObject()
                w.key("number"); w.string(s.number)
                w.key("month"); w.string(s.month.iso)
                w.key("payerTotal"); w.string(s.payerTotal.decimalString)
                w.endObject()
            }
            w.endArray()
            w.key("total"); w.string(c.total.decimalString)
            w.endObject()
        }
        w.endArray()
        w.endObject()
        return w.bytes + [0x0A]
    }

    // MARK: HTML

    public static func html(_ claims: [Claim], office: String, address: [String]) -> [UInt8] {
        func e(_ s: String) -> String { StatementHTML.escape(s) }
        var h = """
            <!DOCTYPE html>
            <html lang="de"><head><meta charset="utf-8"><title>\(e(claims.first?.title ?? "Erstattungsansprüche"))</title>
            <style>
            @page { size: A4; margin: 20mm 18mm 22mm 22mm; @bottom-right { content: "Seite " counter(page) " von " counter(pages); font-size: 8pt; } }
            body { font-family: "DejaVu Sans", Arial, sans-serif; font-size: 9.5pt; color: #111; }
            h1 { font-size: 13pt; margin: 6mm 0 2mm; } .sender { font-size: 8pt; color: #333; }
            table { border-collapse: collapse; width: 100%; margin: 3mm 0; } thead { display: table-header-group; }
            th, td { padding: 0.9mm 1.2mm; border-bottom: 0.3pt solid #999; vertical-align: top; text-align: left; }
            th.n, td.n { text-align: right; white-space: nowrap; } td.k { white-space: nowrap; } tr { page-break-inside: avoid; }
            .total td { font-weight: bold; border-top: 0.8pt solid #111; } .claim { page-break-after: always; }
            .claim:last-child { page-break-after: auto; } .note { font-size: 8.5pt; color: #333; }
            </style></head><body>

            """
        for c in claims {
            h += "<section class=\"claim\">\n<div class=\"sender\">\(e(office)) · \(e(address.joined(separator: " · ")))</div>\n"
            h += "<h1>\(e(c.title))</h1>\n"
            h += "<p>Leistungsmonate: \(e(periodText(c.months)))" + (c.reference.map { " · Ihr Zeichen: \(e($0))" } ?? "")
                + (c.payerBudgetLine.map { " · Buchungsstelle: \(e($0))" } ?? "") + "</p>\n"
            h += "<p class=\"note\">Aus \(c.statements.count) finalisierten Abrechnungen (Korrekturen eingeschlossen); " + (balances(c)
                ? "die Zeilen ergeben die Summen der Abrechnungen für den Anspruchsgegner." : "ABWEICHUNG zwischen Zeilen und Abrechnungssummen.") + "</p>\n"
            h += "<table><thead><tr><th>Abrechnung</th><th>Fall</th><th>Aktenzeichen</th><th>Art</th><th>Zeitraum</th><th class=\"n\">Zeile</th><th class=\"n\">Anspruch</th></tr></thead><tbody>\n"
            for i in c.items {
                h += "<tr><td class=\"k\">\(e(i.statement))</td><td class=\"k\">\(e(i.caseID))</td><td class=\"k\">\(e(i.fileReference))</td><td>\(e(kind(i.kind) + (i.corrects.map { " zu \($0)" } ?? "")))</td>"
                h += "<td class=\"k\">\(e(f.period(Period(i.from, i.to))))</td><td class=\"n\">\(e(f.money(i.lineAmount)))</td><td class=\"n\">\(e(f.money(i.claimed)))</td></tr>\n"
            }
            h += "</tbody></table>\n"
            if !c.partlyCovered.isEmpty {
                h += "<p>Zu prüfen, nicht aufgenommen: Zeilen, deren Zeitraum nur teilweise in der Erstattungspflicht liegt (\(e(dutyText(c)))).</p>\n"
                h += "<table><thead><tr><th>Abrechnung</th><th>Fall</th><th>Art</th><th>Zeitraum</th><th class=\"n\">Zeile</th><th class=\"n\">eigener Anteil</th></tr></thead><tbody>\n"
                for i in c.partlyCovered {
                    h += "<tr><td>\(e(i.statement))</td><td>\(e(i.caseID))</td><td>\(e(kind(i.kind) + (i.corrects.map { " zu \($0)" } ?? "")))</td>"
                    h += "<td>\(e(f.period(Period(i.from, i.to))))</td><td class=\"n\">\(e(f.money(i.lineAmount)))</td><td class=\"n\">\(e(f.money(i.claimed)))</td></tr>\n"
                }
                h += "</tbody></table>\n"
            }
            h += "<table><thead><tr><th>Leistungsmonat</th><th class=\"n\">Anspruch</th></tr></thead><tbody>\n"
            for (m, amount) in c.perMonth { h += "<tr><td>\(e(f.month(m)))</td><td class=\"n\">\(e(f.money(amount)))</td></tr>\n" }
            h += "<tr class=\"total\"><td>Gesamtbetrag</td><td class=\"n\">\(e(f.money(c.total)))</td></tr>\n</tbody></table>\n"
            h += "</section>\n"
        }
        h += "</body></html>\n"
        return Array(h.utf8)
    }
}

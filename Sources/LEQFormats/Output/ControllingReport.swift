import LEQCore

/// Controlling figures as text, CSV, JSON (`leq-report/1`) or an HTML page with charts. German by default.
public enum ControllingReport {
    struct Table {
        var title: String
        var head: [String]
        var rows: [[String]]
        /// Columns with numbers (right-aligned).
        var numeric: Set<Int>
    }

    static func tables(_ c: Controlling, _ f: Formatter) -> [Table] {
        let de = f.language == .de
        func rows(_ rows: [Controlling.Row], name: (String) -> String = { $0 }) -> [[String]] {
            rows.map { [name($0.key), "\($0.cases)", f.money($0.amount), f.money($0.perCase), share($0.amount, of: c.total.amount, f)] }
        }
        let head = [de ? "" : "", de ? "Fälle" : "Cases", de ? "Betrag" : "Amount", de ? "je Fall" : "per case", de ? "Anteil" : "share"]
        var out = [
            Table(title: de ? "Nach Kategorie" : "By category", head: [de ? "Kategorie" : "Category"] + head.dropFirst(), rows: rows(c.byCategory), numeric: [1, 2, 3, 4]),
            Table(title: de ? "Nach Leistung" : "By service", head: [de ? "Leistung" : "Service"] + head.dropFirst(), rows: rows(c.byService, name: c.serviceName), numeric: [1, 2, 3, 4]),
            Table(title: de ? "Nach Setting" : "By setting", head: ["Setting"] + head.dropFirst(), rows: rows(c.bySetting), numeric: [1, 2, 3, 4]),
        ]
        // Columns of inhabitants and plan only where the data was given: no columns of dashes.
        let population = c.hasPopulation, plan = c.hasPlan
        var spaceRows: [[String]] = []
        for s in c.bySocialSpace {
            var row = [s.row.key, "\(s.row.cases)", f.money(s.row.amount), f.money(s.row.perCase)]
            if population {
                row += [s.population.map { count($0.inhabitants, f) } ?? "–", s.perInhabitant.map { f.money($0) } ?? "–",
                        s.perUnder18.map { f.money($0) } ?? "–"]
            }
            if plan { row += [s.plan.map { f.money($0) } ?? "–", s.plan.map { share(s.row.amount, of: $0, f) } ?? "–"] }
            spaceRows.append(row)
        }
        var spaceHead = [de ? "Sozialraum" : "Social space", de ? "Fälle" : "Cases", de ? "Betrag" : "Amount", de ? "je Fall" : "per case"]
        if population { spaceHead += [de ? "Einwohner" : "Inhabitants", de ? "je Einwohner" : "per inhabitant", de ? "je unter 18" : "per under-18"] }
        if plan { spaceHead += ["Plan", de ? "Planerfüllung" : "of plan"] }
        out.append(Table(title: de ? "Nach Sozialraum" : "By social space", head: spaceHead, rows: spaceRows, numeric: Set(1..<spaceHead.count)))
        return out
    }

    /// A count with thousands separators: 19.703 (de), 19,703 (en).
    static func count(_ n: Int, _ f: Formatter) -> String {
        let grouped = f.grouped(Money(cents: Int64(n) * 100))
        return String(grouped.dropLast(3))
    }

    static func share(_ part: Money, of whole: Money, _ f: Formatter) -> String {
        f.percent(part, of: whole) ?? "–"
    }

    static func headline(_ c: Controlling, _ f: Formatter) -> [String] {
        let de = f.language == .de
        var out = [(de ? "Controlling " : "Controlling ") + (c.months.first.map { f.month($0) } ?? "") + " – " + (c.months.last.map { f.month($0) } ?? "")]
        out.append((de ? "Fälle: " : "Cases: ") + "\(c.total.cases)   " + (de ? "Betrag: " : "Amount: ") + f.money(c.total.amount)
                   + "   " + (de ? "je Fall: " : "per case: ") + f.money(c.total.perCase))
        out.append((de ? "Anteil ambulanter Hilfen: " : "Share of ambulant help: ") + share(Money(cents: Int64(c.ambulant.cases)), of: Money(cents: Int64(c.total.cases)), f)
                   + (de ? " der Fälle, " : " of cases, ") + share(c.ambulant.amount, of: c.total.amount, f) + (de ? " des Betrags" : " of the amount"))
        if let plan = c.plan {
            out.append("Plan: " + f.money(plan) + "   " + (de ? "Ist: " : "Actual: ") + f.money(c.total.amount) + "   "
                       + (de ? "Differenz: " : "Difference: ") + f.money(c.total.amount - plan) + "   " + share(c.total.amount, of: plan, f))
        }
        out.append(populationNote(c, f))
        return out
    }

    /// Where the inhabitants come from, or that none were given (and what is left out then).
    static func populationNote(_ c: Controlling, _ f: Formatter) -> String {
        let de = f.language == .de
        guard c.hasPopulation else {
            return de ? "Einwohnerzahlen: keine angegeben (--population); Beträge je Einwohner entfallen."
                : "Inhabitants: none given (--population); amounts per inhabitant are left out."
        }
        var s = de ? "Einwohnerzahlen" : "Inhabitants"
        if let d = c.populationAsOf { s += (de ? ", Stichtag " : " as of ") + f.date(d) }
        if let src = c.populationSource { s += (de ? "; Quelle: " : "; source: ") + src }
        return s
    }

    public static func text(_ c: Controlling, language: Language = .de) -> [UInt8] {
        let f = Formatter(language)
        var out = headline(c, f)
        for t in tables(c, f) {
            out.append("")
            out.append(t.title)
            var table = TextTable(t.head.indices.map { t.numeric.contains($0) ? .right : .left })
            table.add(t.head)
            for r in t.rows { table.add(r) }
            out += table.render(indent: "  ")
        }
        return Array((out.joined(separator: "\n") + "\n").utf8)
    }

    /// One CSV of all breakdowns: a column saying which table a row belongs to.
    public static func csv(_ c: Controlling, language: Language = .de) -> [UInt8] {
        let f = Formatter(language), de = language == .de
        var rows: [[String]] = [[de ? "Tabelle" : "Table", de ? "Zeile" : "Row", de ? "Fälle" : "Cases", de ? "Betrag" : "Amount",
                                 de ? "je Fall" : "Per case", de ? "Einwohner" : "Inhabitants", de ? "je Einwohner" : "Per inhabitant", "Plan"]]
        let tables: [(String, [Controlling.Row], (String) -> String)] = [
            (de ? "Kategorie" : "Category", c.byCategory, { $0 }), (de ? "Leistung" : "Service", c.byService, c.serviceName),
            ("Setting", c.bySetting, { $0 }),
        ]
        for (name, list, label) in tables {
            for r in list { rows.append([name, label(r.key), "\(r.cases)", f.plain(r.amount), f.plain(r.perCase), "", "", ""]) }
        }
        for s in c.bySocialSpace {
            rows.append([de ? "Sozialraum" : "Social space", s.row.key, "\(s.row.cases)", f.plain(s.row.amount), f.plain(s.row.perCase),
                         s.population.map { "\($0.inhabitants)" } ?? "", s.perInhabitant.map { f.plain($0) } ?? "", s.plan.map { f.plain($0) } ?? ""])
        }
        rows.append([de ? "Gesamt" : "Total", "", "\(c.total.cases)", f.plain(c.total.amount), f.plain(c.total.perCase), "", "", c.plan.map { f.plain($0) } ?? ""])
        return CSV.document(rows)
    }

    public static func json(_ c: Controlling) -> [UInt8] {
        var w = JSONWriter()
        w.beginObject()
        w.field("format", "leq-report/1")
        w.field("from", c.months.first?.iso ?? "")
        w.field("to", c.months.last?.iso ?? "")
        func row(_ r: Controlling.Row) {
            w.field("cases", r.cases)
            w.field("amount", r.amount.decimalString)
            w.field("perCase", r.perCase.decimalString)
        }
        w.beginObject("total"); row(c.total); w.endObject()
        w.beginObject("ambulant"); row(c.ambulant); w.endObject()
        if let p = c.plan { w.field("plan", p.decimalString) }
        for (key, list) in [("byCategory", c.byCategory), ("byService", c.byService), ("bySetting", c.bySetting)] {
            w.beginArray(key)
            for r in list {
                w.beginObject()
                w.field("key", r.key)
                if key == "byService" { w.field("name", c.serviceName(r.key)) }
                row(r)
                w.endObject()
            }
            w.endArray()
        }
        w.beginArray("bySocialSpace")
        for s in c.bySocialSpace {
            w.beginObject()
            w.field("key", s.row.key)
            row(s.row)
            if let p = s.population {
                w.field("inhabitants", p.inhabitants)
                if let u = p.under18 { w.field("under18", u) }
            }
            if let v = s.perInhabitant { w.field("perInhabitant", v.decimalString) }
            if let v = s.perUnder18 { w.field("perUnder18", v.decimalString) }
            if let v = s.plan { w.field("plan", v.decimalString) }
            w.endObject()
        }
        w.endArray()
        w.endObject()
        return w.finish()
    }

    /// The printable page. `created` is the day it was made (the caller's clock), for the footer.
    public static func html(_ c: Controlling, language: Language = .de, created: CivilDate? = nil) -> [UInt8] {
        let f = Formatter(language), de = language == .de
        let footer = (de ? "Controlling " : "Controlling ") + (c.months.first.map { f.month($0) } ?? "") + " – " + (c.months.last.map { f.month($0) } ?? "")
            + (created.map { (de ? " · erstellt am " : " · made on ") + f.date($0) } ?? "") + (de ? " · berechnet mit LEQ aus Vereinbarungen und Falldatei" : " · computed by LEQ from agreements and case file")
        let esc = StatementHTML.escape
        var h = """
            <!DOCTYPE html>
            <html lang="\(language.rawValue)">
            <head><meta charset="utf-8"><title>Controlling</title>
            <style>
            @page { size: A4; margin: 16mm 14mm 20mm 16mm;
            \(StatementHTML.footerRules(left: footer, language: language, size: "7.5pt")) }
            body { font-family: "DejaVu Sans", "Liberation Sans", Arial, sans-serif; font-size: 10pt; color: #111; }
            @media screen { body { margin: 12mm; } }
            h1 { font-size: 16pt; color: #1d4e89; } h2 { font-size: 12pt; color: #1d4e89; margin-top: 8mm; break-after: avoid; page-break-after: avoid; }
            section { break-inside: avoid; page-break-inside: avoid; } svg { max-width: 100%; height: auto; }
            table.summary td { border: none; padding: 0.5mm 4mm 0.5mm 0; } .note { font-size: 9pt; color: #333; }
            table { border-collapse: collapse; } td, th { padding: 1mm 3mm; border-bottom: 0.5pt solid #ccc; }
            th { text-align: left; } .num { text-align: right; white-space: nowrap; }
            svg text { font-family: inherit; font-size: 11px; fill: #333; }
            .legend span { display: inline-block; margin-right: 6mm; } .legend i { display: inline-block; width: 10px; height: 10px; margin-right: 2mm; }
            </style></head>
            <body>

            """
        h += "<h1>\(esc(headline(c, f)[0]))</h1>\n<table class=\"summary\">\n"
        var summary: [(String, String)] = [
            (de ? "Fälle" : "Cases", "\(c.total.cases)"), (de ? "Betrag" : "Amount", f.money(c.total.amount)),
            (de ? "je Fall" : "per case", f.money(c.total.perCase)),
            (de ? "Anteil ambulanter Hilfen" : "Share of ambulant help",
             share(Money(cents: Int64(c.ambulant.cases)), of: Money(cents: Int64(c.total.cases)), f) + (de ? " der Fälle, " : " of cases, ")
                + share(c.ambulant.amount, of: c.total.amount, f) + (de ? " des Betrags" : " of the amount")),
        ]
        if let plan = c.plan {
            summary += [("Plan", f.money(plan)), (de ? "Differenz Ist − Plan" : "Actual − plan", f.money(c.total.amount - plan) + " (" + share(c.total.amount, of: plan, f) + ")")]
        }
        for (k, v) in summary { h += "<tr><td>\(esc(k))</td><td class=\"num\">\(esc(v))</td></tr>\n" }
        h += "</table>\n<p class=\"note\">\(esc(populationNote(c, f)))</p>\n"
        let spaces = c.bySocialSpace
        if c.hasPopulation {
            h += "<section><h2>\(de ? "Betrag je Einwohner nach Sozialraum" : "Amount per inhabitant by social space")</h2>\n"
            h += SimulationReport.barChart(groups: spaces.filter { $0.perInhabitant != nil }.map { ($0.row.key, [$0.perInhabitant!]) },
                                           colors: ["#1d4e89"], f: f) + "</section>\n"
        }
        if spaces.contains(where: { $0.plan != nil }) {
            h += "<section><h2>\(de ? "Plan und Ist nach Sozialraum" : "Plan and actual by social space")</h2>\n"
            h += SimulationReport.legend([(de ? "Plan" : "Plan", "#edae49"), (de ? "Ist" : "Actual", "#1d4e89")])
            h += SimulationReport.barChart(groups: spaces.filter { $0.plan != nil }.map { ($0.row.key, [$0.plan!, $0.row.amount]) },
                                           colors: ["#edae49", "#1d4e89"], f: f) + "</section>\n"
        }
        h += "<section><h2>\(de ? "Betrag nach Leistung" : "Amount by service")</h2>\n"
        h += SimulationReport.barChart(groups: c.byService.map { (c.serviceName($0.key), [$0.amount]) }, colors: ["#00798c"], f: f) + "</section>\n"
        for t in tables(c, f) {
            h += "<section><h2>\(esc(t.title))</h2>\n<table><tr>" + t.head.enumerated().map { "<th\(t.numeric.contains($0.offset) ? " class=\"num\"" : "")>\(esc($0.element))</th>" }.joined() + "</tr>\n"
            for r in t.rows {
                h += "<tr>" + r.enumerated().map { "<td\(t.numeric.contains($0.offset) ? " class=\"num\"" : "")>\(esc($0.element))</td>" }.joined() + "</tr>\n"
            }
            h += "</table></section>\n"
        }
        h += "</body>\n</html>\n"
        return Array(h.utf8)
    }
}

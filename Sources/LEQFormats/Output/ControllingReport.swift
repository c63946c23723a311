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
        func rows(_ rows: [Controlling.Row]) -> [[String]] {
            rows.map { [$0.key, "\($0.cases)", f.money($0.amount), f.money($0.perCase), share($0.amount, of: c.total.amount, f)] }
        }
        let head = [de ? "" : "", de ? "Fälle" : "Cases", de ? "Betrag" : "Amount", de ? "je Fall" : "per case", de ? "Anteil" : "share"]
        var out = [
            Table(title: de ? "Nach Kategorie" : "By category", head: [de ? "Kategorie" : "Category"] + head.dropFirst(), rows: rows(c.byCategory), numeric: [1, 2, 3, 4]),
            Table(title: de ? "Nach Leistung" : "By service", head: [de ? "Leistung" : "Service"] + head.dropFirst(), rows: rows(c.byService), numeric: [1, 2, 3, 4]),
            Table(title: de ? "Nach Setting" : "By setting", head: ["Setting"] + head.dropFirst(), rows: rows(c.bySetting), numeric: [1, 2, 3, 4]),
        ]
        var spaceRows: [[String]] = []
        for s in c.bySocialSpace {
            spaceRows.append([s.row.key, "\(s.row.cases)", f.money(s.row.amount), f.money(s.row.perCase),
                              s.population.map { count($0.inhabitants, f) } ?? "–", s.perInhabitant.map { f.money($0) } ?? "–",
                              s.perUnder18.map { f.money($0) } ?? "–", s.plan.map { f.money($0) } ?? "–",
                              s.plan.map { share(s.row.amount, of: $0, f) } ?? "–"])
        }
        out.append(Table(title: de ? "Nach Sozialraum" : "By social space",
                         head: [de ? "Sozialraum" : "Social space", de ? "Fälle" : "Cases", de ? "Betrag" : "Amount", de ? "je Fall" : "per case",
                                de ? "Einwohner" : "Inhabitants", de ? "je Einwohner" : "per inhabitant", de ? "je unter 18" : "per under-18",
                                "Plan", de ? "Planerfüllung" : "of plan"],
                         rows: spaceRows, numeric: [1, 2, 3, 4, 5, 6, 7, 8]))
        return out
    }

    /// A count with thousands separators: 19.703 (de), 19,703 (en).
    static func count(_ n: Int, _ f: Formatter) -> String {
        let grouped = f.grouped(Money(cents: Int64(n) * 100))
        return String(grouped.dropLast(3))
    }

    static func share(_ part: Money, of whole: Money, _ f: Formatter) -> String {
        guard whole.cents != 0 else { return "–" }
        let tenths = RoundingMode.halfAwayFromZero.round(Int128(part.cents) * 1000, over: Int128(whole.cents))
        return f.decimal(ExactDecimal(units: tenths, scale: 1)) + " %"
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
        return out
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
        var rows: [[String]] = [[de ? "Tabelle" : "Table", de ? "Schlüssel" : "Key", de ? "Fälle" : "Cases", de ? "Betrag" : "Amount",
                                 de ? "je Fall" : "Per case", de ? "Einwohner" : "Inhabitants", de ? "je Einwohner" : "Per inhabitant", "Plan"]]
        for (name, list) in [("category", c.byCategory), ("service", c.byService), ("setting", c.bySetting)] {
            for r in list { rows.append([name, r.key, "\(r.cases)", f.plain(r.amount), f.plain(r.perCase), "", "", ""]) }
        }
        for s in c.bySocialSpace {
            rows.append(["socialSpace", s.row.key, "\(s.row.cases)", f.plain(s.row.amount), f.plain(s.row.perCase),
                         s.population.map { "\($0.inhabitants)" } ?? "", s.perInhabitant.map { f.plain($0) } ?? "", s.plan.map { f.plain($0) } ?? ""])
        }
        rows.append(["total", "", "\(c.total.cases)", f.plain(c.total.amount), f.plain(c.total.perCase), "", "", c.plan.map { f.plain($0) } ?? ""])
        return Array(CSV.format(rows, separator: ";").utf8)
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
            for r in list { w.beginObject(); w.field("key", r.key); row(r); w.endObject() }
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

    public static func html(_ c: Controlling, language: Language = .de) -> [UInt8] {
        let f = Formatter(language), de = language == .de
        let esc = StatementHTML.escape
        var h = """
            <!DOCTYPE html>
            <html lang="\(language.rawValue)">
            <head><meta charset="utf-8"><title>Controlling</title>
            <style>
            body { font-family: "DejaVu Sans", "Liberation Sans", Arial, sans-serif; font-size: 10pt; color: #111; margin: 12mm; }
            h1 { font-size: 16pt; color: #1d4e89; } h2 { font-size: 12pt; color: #1d4e89; margin-top: 8mm; }
            table { border-collapse: collapse; } td, th { padding: 1mm 3mm; border-bottom: 0.5pt solid #ccc; }
            th { text-align: left; } .num { text-align: right; white-space: nowrap; }
            svg text { font-family: inherit; font-size: 11px; fill: #333; }
            .legend span { display: inline-block; margin-right: 6mm; } .legend i { display: inline-block; width: 10px; height: 10px; margin-right: 2mm; }
            </style></head>
            <body>

            """
        let lines = headline(c, f)
        h += "<h1>\(esc(lines[0]))</h1>\n" + lines.dropFirst().map { "<p>\(esc($0))</p>\n" }.joined()
        let spaces = c.bySocialSpace
        h += "<h2>\(de ? "Betrag je Einwohner nach Sozialraum" : "Amount per inhabitant by social space")</h2>\n"
        h += SimulationReport.barChart(groups: spaces.filter { $0.perInhabitant != nil }.map { ($0.row.key, [$0.perInhabitant!]) },
                                       colors: ["#1d4e89"], f: f)
        if spaces.contains(where: { $0.plan != nil }) {
            h += "<h2>\(de ? "Plan und Ist nach Sozialraum" : "Plan and actual by social space")</h2>\n"
            h += SimulationReport.legend([(de ? "Plan" : "Plan", "#edae49"), (de ? "Ist" : "Actual", "#1d4e89")])
            h += SimulationReport.barChart(groups: spaces.filter { $0.plan != nil }.map { ($0.row.key, [$0.plan!, $0.row.amount]) },
                                           colors: ["#edae49", "#1d4e89"], f: f)
        }
        h += "<h2>\(de ? "Betrag nach Leistung" : "Amount by service")</h2>\n"
        h += SimulationReport.barChart(groups: c.byService.map { ($0.key, [$0.amount]) }, colors: ["#00798c"], f: f)
        for t in tables(c, f) {
            h += "<h2>\(esc(t.title))</h2>\n<table><tr>" + t.head.enumerated().map { "<th\(t.numeric.contains($0.offset) ? " class=\"num\"" : "")>\(esc($0.element))</th>" }.joined() + "</tr>\n"
            for r in t.rows {
                h += "<tr>" + r.enumerated().map { "<td\(t.numeric.contains($0.offset) ? " class=\"num\"" : "")>\(esc($0.element))</td>" }.joined() + "</tr>\n"
            }
            h += "</table>\n"
        }
        h += "</body>\n</html>\n"
        return Array(h.utf8)
    }
}

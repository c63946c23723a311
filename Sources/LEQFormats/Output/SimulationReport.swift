import LEQCore

/// A simulation (baseline against scenarios) as a text table, JSON (`leq-simulation/1`), or a
/// self-contained HTML report with inline SVG charts. German by default.
public enum SimulationReport {
    // MARK: Text

    public static func text(_ s: Simulation, language: Language = .de) -> [UInt8] {
        let de = language == .de, f = Formatter(language)
        var out: [String] = []
        out.append((de ? "Szenarien " : "Scenarios ") + span(s, f) + (de ? " — Zufallsstartwert " : " — seed ") + "\(s.seed)")
        out.append("")
        var totals = TextTable([.left, .right, .right, .right])
        totals.add([de ? "Lauf" : "Run", de ? "Summe" : "Total", de ? "Differenz" : "Difference", "%"])
        totals.add([s.baseline.name, f.money(s.baseline.total), "", ""])
        for o in s.scenarios {
            let d = o.total - s.baseline.total
            totals.add([o.name, f.money(o.total), f.money(d), percent(d, of: s.baseline.total, f)])
        }
        out += totals.render()
        out.append("")
        out += TextTable.wrapWords(assumptions(s, f), width: 100)
        for line in changeLines(s, f) { out += TextTable.wrapWords(line, width: 100) }
        for (title, keys, value) in breakdowns(s, de) {
            out.append("")
            out.append(title)
            var table = TextTable([.left, .right] + s.scenarios.map { _ in .right })
            table.add(["", s.baseline.name] + s.scenarios.map { "Δ " + $0.name })
            for k in keys {
                table.add([label(k, title, s, f), f.money(value(s.baseline, k))] + s.scenarios.map { f.money(value($0, k) - value(s.baseline, k)) })
            }
            out += table.render(indent: "  ")
        }
        out.append("")
        out.append(de ? "Monatssummen" : "Monthly totals")
        var monthly = TextTable([.left, .right] + s.scenarios.map { _ in .right })
        monthly.add(["", s.baseline.name] + s.scenarios.map(\.name))
        for (i, m) in s.horizon.enumerated() {
            monthly.add([m.iso, f.money(s.baseline.monthly[i])] + s.scenarios.map { f.money($0.monthly[i]) })
        }
        out += monthly.render(indent: "  ")
        return Array((out.joined(separator: "\n") + "\n").utf8)
    }

    static func span(_ s: Simulation, _ f: Formatter) -> String {
        guard let a = s.horizon.first, let b = s.horizon.last else { return "" }
        return "\(f.month(a)) – \(f.month(b)) (\(s.horizon.count) \(f.language == .de ? "Monate" : "months"))"
    }

    static func percent(_ d: Money, of base: Money, _ f: Formatter) -> String {
        guard let p = f.percent(d, of: base) else { return "" }
        return (d.isNegative || p.hasPrefix("-") ? "" : "+") + p
    }

    /// A breakdown's key as a person reads it: the provider's name, the line kind's name.
    static func label(_ key: String, _ title: String, _ s: Simulation, _ f: Formatter) -> String {
        if let kind = LineKind(rawValue: key) { return Labels(f.language).kindName(kind) }
        return s.providerNames[key] ?? key
    }

    /// What the baseline assumes, in one sentence a negotiator can quote.
    static func assumptions(_ s: Simulation, _ f: Formatter) -> String {
        let de = f.language == .de
        let n = s.casesWithPlannedEnd
        if s.endsAtPlannedEnd {
            return de ? "Annahmen der Basis: die heutigen Vereinbarungen und Fälle; Fälle ohne Ende enden zum geplanten Ende (\(n) Fälle bis zum Ende des Zeitraums); keine neuen Fälle außer in Szenarien."
                : "Baseline assumptions: today's agreements and cases; cases without an end stop at their planned end (\(n) cases by the end of the horizon); no new cases except in scenarios."
        }
        return de ? "Annahmen der Basis: die heutigen Vereinbarungen und Fälle; Fälle ohne Ende laufen über den ganzen Zeitraum weiter, auch die \(n) Fälle mit geplantem Ende darin (mit --end-at-planned enden sie dann); keine neuen Fälle außer in Szenarien."
            : "Baseline assumptions: today's agreements and cases; cases without an end run on through the horizon, including the \(n) cases planned to end in it (with --end-at-planned they stop then); no new cases except in scenarios."
    }

    /// "Was die Szenarien ändern": each change described, with what it adds alone.
    static func changeLines(_ s: Simulation, _ f: Formatter) -> [String] {
        let de = f.language == .de
        guard !s.definitions.isEmpty else { return [] }
        var out = ["", de ? "Was die Szenarien ändern (Wirkung jeder Änderung allein, gegenüber der Basis):" : "What the scenarios change (effect of each change alone, against the baseline):"]
        for (k, scenario) in s.definitions.enumerated() {
            out.append("  \(scenario.name):")
            let effects = k < s.effects.count ? s.effects[k] : []
            for (i, change) in scenario.changes.enumerated() {
                var line = "    - " + describe(change, f, s)
                if i < effects.count {
                    let e = effects[i]
                    line += e == .zero ? (de ? " — OHNE WIRKUNG im Zeitraum" : " — NO EFFECT in the horizon")
                        : (de ? " — allein " : " — alone ") + (e.isNegative ? "" : "+") + f.money(e)
                }
                out.append(line)
            }
            if scenario.changes.count > 1, k < s.scenarios.count, k < s.effects.count {
                let together = s.scenarios[k].total - s.baseline.total, sum = s.effects[k].reduce(Money.zero, +)
                if together != sum {
                    out.append("    " + (de ? "zusammen \(f.money(together)), Summe der Einzelwirkungen \(f.money(sum)): die Änderungen wirken aufeinander"
                                       : "together \(f.money(together)), sum of the single effects \(f.money(sum)): the changes interact"))
                }
            }
        }
        return out
    }

    /// One change of a scenario in words.
    static func describe(_ change: Scenario.Change, _ f: Formatter, _ s: Simulation) -> String {
        let de = f.language == .de
        func pct(_ p: ExactDecimal) -> String { f.decimal(p) + " %" }
        switch change {
        case let .rate(r):
            let what = [r.service.map { s.serviceNames[$0] ?? $0 }, r.category.map { (de ? "Kategorie " : "category ") + $0 }]
                .compactMap { $0 }.joined(separator: ", ")
            let by = r.percent.map { (de ? "um " : "by ") + pct($0) } ?? r.amount.map { (de ? "um " : "by ") + f.money($0) } ?? ""
            return (de ? "Sätze " : "Rates ") + (what.isEmpty ? (de ? "aller Leistungen" : "of all services") : "(\(what))")
                + (de ? " ab \(f.date(r.from)) \(by) erhöht" : " raised \(by) from \(f.date(r.from))")
        case let .categoryShift(from, to, share, on):
            // A share of 0.2 is 20 %: two decimal places fewer, or whole hundreds.
            var p = share.scale >= 2 ? ExactDecimal(units: share.units, scale: share.scale - 2) : ExactDecimal(units: share.units * (share.scale == 1 ? 10 : 100), scale: 0)
            while p.scale > 0 && p.units % 10 == 0 { p = ExactDecimal(units: p.units / 10, scale: p.scale - 1) }
            return de ? "\(pct(p)) der Fälle der Kategorie \(from) wechseln am \(f.date(on)) nach \(to)"
                : "\(pct(p)) of category \(from) cases move to \(to) on \(f.date(on))"
        case let .newCases(n):
            let mix = n.mix.map { "\(s.serviceNames[$0.service] ?? $0.service) \(de ? "Kategorie" : "category") \($0.category)" }.joined(separator: ", ")
            let provider = s.providerNames[n.provider] ?? n.provider
            return de ? "\(n.perMonth) neue Fälle je Monat bei \(provider) (\(mix)), je \(n.months) Monate"
                : "\(n.perMonth) new cases a month at \(provider) (\(mix)), \(n.months) months each"
        case let .incentives(c):
            var parts: [String] = []
            if let v = c.bonusPercent { parts.append("Bonus " + pct(v)) }
            if let v = c.malusPercent { parts.append("Malus " + pct(v)) }
            if let v = c.bonusThreshold { parts.append((de ? "Bonusschwelle " : "bonus threshold ") + f.decimal(v)) }
            if let v = c.malusThreshold { parts.append((de ? "Malusschwelle " : "malus threshold ") + f.decimal(v)) }
            if let v = c.endBonus { parts.append((de ? "Beendigungsbonus " : "end bonus ") + f.money(v)) }
            if let v = c.endMalus { parts.append((de ? "Beendigungsmalus " : "end malus ") + f.money(v)) }
            if let v = c.reportMalus { parts.append((de ? "Berichtsmalus " : "report malus ") + f.money(v)) }
            return (de ? "Anreize" : "Incentives") + (c.category.map { de ? " der Kategorie \($0)" : " of category \($0)" } ?? "") + ": " + parts.joined(separator: ", ")
        case let .topUps(percent, from):
            return de ? "Kosten der Zusatzbetreuung ab \(f.date(from)) um \(pct(percent)) erhöht" : "Top-up costs raised by \(pct(percent)) from \(f.date(from))"
        }
    }

    /// The three breakdowns over the horizon: by provider, category and line kind.
    static func breakdowns(_ s: Simulation, _ de: Bool) -> [(String, [String], (Simulation.Outcome, String) -> Money)] {
        let all = [s.baseline] + s.scenarios
        let providers = Set(all.flatMap(\.byProvider.keys)).sorted()
        let categories = Set(all.flatMap(\.byCategory.keys)).sorted()
        let kinds = LineKind.allCases.filter { k in all.contains { $0.byKind[k] != nil } }.map(\.rawValue)
        return [
            (de ? "Nach Träger" : "By provider", providers, { $0.byProvider[$1] ?? .zero }),
            (de ? "Nach Kategorie" : "By category", categories, { $0.byCategory[$1] ?? .zero }),
            (de ? "Nach Zeilenart" : "By line kind", kinds, { $0.byKind[LineKind(rawValue: $1)!] ?? .zero }),
        ]
    }

    // MARK: JSON

    public static func json(_ s: Simulation) -> [UInt8] {
        var w = JSONWriter()
        w.beginObject()
        w.field("format", "leq-simulation/1")
        w.field("from", s.horizon.first?.iso ?? "")
        w.field("to", s.horizon.last?.iso ?? "")
        w.field("seed", Int(s.seed))
        w.key("endAtPlannedEnd"); w.bool(s.endsAtPlannedEnd)
        w.field("casesWithPlannedEnd", s.casesWithPlannedEnd)
        w.beginArray("runs")
        for (r, o) in ([s.baseline] + s.scenarios).enumerated() {
            w.beginObject()
            w.field("name", o.name)
            w.field("total", o.total.decimalString)
            w.field("difference", (o.total - s.baseline.total).decimalString)
            // A scenario's changes, each described (German) with what it adds alone.
            if r > 0, r - 1 < s.definitions.count {
                let effects = r - 1 < s.effects.count ? s.effects[r - 1] : []
                w.beginArray("changes")
                for (i, change) in s.definitions[r - 1].changes.enumerated() {
                    w.beginObject()
                    w.field("description", describe(change, Formatter(.de), s))
                    if i < effects.count { w.field("effectAlone", effects[i].decimalString) }
                    w.endObject()
                }
                w.endArray()
            }
            w.beginArray("monthly")
            for (i, m) in s.horizon.enumerated() {
                w.beginObject()
                w.field("month", m.iso)
                w.field("total", o.monthly[i].decimalString)
                w.endObject()
            }
            w.endArray()
            for (key, map) in [("byProvider", o.byProvider), ("byCategory", o.byCategory)] {
                w.beginObject(key)
                for k in map.keys.sorted() { w.field(k, map[k]!.decimalString) }
                w.endObject()
            }
            w.beginObject("byKind")
            for k in LineKind.allCases { if let v = o.byKind[k] { w.field(k.rawValue, v.decimalString) } }
            w.endObject()
            w.endObject()
        }
        w.endArray()
        w.endObject()
        return w.finish()
    }

    // MARK: HTML with SVG charts

    /// The report with charts. `created` is the day it was made (the caller's clock), for the footer.
    public static func html(_ s: Simulation, language: Language = .de, created: CivilDate? = nil) -> [UInt8] {
        let de = language == .de, f = Formatter(language)
        let footer = (de ? "Szenarien " : "Scenarios ") + (s.horizon.first.map(f.shortMonth) ?? "") + "–" + (s.horizon.last.map(f.shortMonth) ?? "")
            + (created.map { (de ? " · erstellt am " : " · made on ") + f.date($0) } ?? "") + (de ? " · LEQ, Startwert \(s.seed)" : " · LEQ, seed \(s.seed)")
        let colors = ["#1d4e89", "#d1495b", "#edae49", "#00798c", "#66a182", "#8d6a9f"]
        var h = """
            <!DOCTYPE html>
            <html lang="\(language.rawValue)">
            <head><meta charset="utf-8"><title>\(de ? "Szenarien" : "Scenarios")</title>
            <style>
            @page { size: A4; margin: 14mm 14mm 20mm 16mm;
            \(StatementHTML.footerRules(left: footer, language: language, size: "7pt")) }
            body { font-family: "DejaVu Sans", "Liberation Sans", Arial, sans-serif; font-size: 10pt; color: #111; margin: 12mm; }
            h1 { font-size: 16pt; color: #1d4e89; } h2 { font-size: 12pt; color: #1d4e89; margin-top: 8mm; break-after: avoid; page-break-after: avoid; }
            section { break-inside: avoid; page-break-inside: avoid; } svg { max-width: 100%; height: auto; }
            .assume { font-size: 9pt; color: #333; } ul.changes { margin: 1mm 0 3mm; } ul.changes li { margin: 0.5mm 0; }
            .noeffect { color: #b00020; font-weight: 700; } .interact { font-size: 9pt; color: #333; }
            table { border-collapse: collapse; } td, th { padding: 1mm 3mm; border-bottom: 0.5pt solid #ccc; }
            th { text-align: left; } .num { text-align: right; white-space: nowrap; }
            svg text { font-family: inherit; font-size: 11px; fill: #333; }
            .legend span { display: inline-block; margin-right: 6mm; } .legend i { display: inline-block; width: 10px; height: 10px; margin-right: 2mm; }
            @media print { body { margin: 0; } }
            </style></head>
            <body>
            <h1>\(esc(de ? "Szenarien" : "Scenarios")) \(esc(span(s, f)))</h1>
            <p>\(esc(de ? "Zufallsstartwert" : "Seed")) \(s.seed)</p>

            """
        h += "<table><tr><th>\(de ? "Lauf" : "Run")</th><th class=\"num\">\(de ? "Summe" : "Total")</th><th class=\"num\">\(de ? "Differenz" : "Difference")</th><th class=\"num\">%</th></tr>\n"
        h += "<tr><td>\(esc(s.baseline.name))</td><td class=\"num\">\(esc(f.money(s.baseline.total)))</td><td></td><td></td></tr>\n"
        for o in s.scenarios {
            let d = o.total - s.baseline.total
            h += "<tr><td>\(esc(o.name))</td><td class=\"num\">\(esc(f.money(o.total)))</td><td class=\"num\">\(esc(f.money(d)))</td><td class=\"num\">\(esc(percent(d, of: s.baseline.total, f)))</td></tr>\n"
        }
        h += "</table>\n<p class=\"assume\">\(esc(assumptions(s, f)))</p>\n"
        if !s.definitions.isEmpty {
            h += "<section><h2>\(de ? "Was die Szenarien ändern" : "What the scenarios change")</h2>\n"
            h += "<p class=\"assume\">\(de ? "Wirkung jeder Änderung allein, gegenüber der Basis, über den ganzen Zeitraum." : "Effect of each change alone, against the baseline, over the whole horizon.")</p>\n"
            for (k, scenario) in s.definitions.enumerated() {
                h += "<p><strong>\(esc(scenario.name))</strong></p>\n<ul class=\"changes\">\n"
                let effects = k < s.effects.count ? s.effects[k] : []
                for (i, change) in scenario.changes.enumerated() {
                    h += "<li>\(esc(describe(change, f, s)))"
                    if i < effects.count {
                        h += effects[i] == .zero ? " — <span class=\"noeffect\">\(de ? "ohne Wirkung im Zeitraum" : "no effect in the horizon")</span>"
                            : " — \(de ? "allein" : "alone") \(esc((effects[i].isNegative ? "" : "+") + f.money(effects[i])))"
                    }
                    h += "</li>\n"
                }
                h += "</ul>\n"
                if scenario.changes.count > 1, k < s.scenarios.count, k < s.effects.count {
                    let together = s.scenarios[k].total - s.baseline.total, sum = s.effects[k].reduce(Money.zero, +)
                    if together != sum {
                        h += "<p class=\"interact\">\(esc(de ? "Zusammen \(f.money(together)), Summe der Einzelwirkungen \(f.money(sum)): die Änderungen wirken aufeinander." : "Together \(f.money(together)), sum of the single effects \(f.money(sum)): the changes interact."))</p>\n"
                    }
                }
            }
            h += "</section>\n"
        }
        h += "<section><h2>\(de ? "Monatssummen: Basis und Szenarien" : "Monthly totals: baseline and scenarios")</h2>\n"
        let series = ([s.baseline] + s.scenarios).enumerated().map { (name: $0.element.name, values: $0.element.monthly, color: colors[$0.offset % colors.count]) }
        h += legend(series.map { ($0.name, $0.color) }, lines: true)
        h += lineChart(series, labels: s.horizon.map { f.shortMonth($0) }, f: f) + "</section>\n"
        h += "<section><h2>\(de ? "Differenz zur Basis nach Zeilenart" : "Difference to the baseline by line kind")</h2>\n"
        let kinds = LineKind.allCases.filter { k in s.scenarios.contains { ($0.byKind[k] ?? .zero) != (s.baseline.byKind[k] ?? .zero) } }
        h += legend(s.scenarios.enumerated().map { ($0.element.name, colors[($0.offset + 1) % colors.count]) })
        h += barChart(groups: kinds.map { k in (Labels(language).kindName(k), s.scenarios.map { ($0.byKind[k] ?? .zero) - (s.baseline.byKind[k] ?? .zero) }) },
                      colors: s.scenarios.indices.map { colors[($0 + 1) % colors.count] }, f: f) + "</section>\n"
        for (title, keys, value) in breakdowns(s, de) {
            h += "<h2>\(esc(title))</h2>\n<table><tr><th></th><th class=\"num\">\(esc(s.baseline.name))</th>"
            h += s.scenarios.map { "<th class=\"num\">Δ \(esc($0.name))</th>" }.joined() + "</tr>\n"
            for k in keys {
                h += "<tr><td>\(esc(label(k, title, s, f)))</td><td class=\"num\">\(esc(f.money(value(s.baseline, k))))</td>"
                h += s.scenarios.map { "<td class=\"num\">\(esc(f.money(value($0, k) - value(s.baseline, k))))</td>" }.joined() + "</tr>\n"
            }
            h += "</table>\n"
        }
        h += "</body>\n</html>\n"
        return Array(h.utf8)
    }

    static func esc(_ s: String) -> String { StatementHTML.escape(s) }

    static func legend(_ items: [(String, String)], lines: Bool = false) -> String {
        guard lines else {
            return "<p class=\"legend\">" + items.map { "<span><i style=\"background:\($0.1)\"></i>\(esc($0.0))</span>" }.joined() + "</p>\n"
        }
        // Each series with its own dash pattern and marker, as drawn in the chart.
        return "<p class=\"legend\">" + items.enumerated().map { k, item in
            "<span><svg width=\"34\" height=\"12\" viewBox=\"0 0 34 12\"><line x1=\"1\" x2=\"33\" y1=\"6\" y2=\"6\" stroke=\"\(item.1)\" stroke-width=\"2\"\(dash(k))/>"
                + marker(k, x: 17, y: 6, color: item.1) + "</svg> \(esc(item.0))</span>"
        }.joined() + "</p>\n"
    }

    /// Dash patterns and markers, so that series stay apart where they lie on top of each other
    /// and in a black-and-white printout.
    static func dash(_ k: Int) -> String {
        let patterns = ["", " stroke-dasharray=\"8 4\"", " stroke-dasharray=\"2 3\"", " stroke-dasharray=\"10 3 2 3\"", " stroke-dasharray=\"4 4\"", " stroke-dasharray=\"12 2\""]
        return patterns[k % patterns.count]
    }

    static func marker(_ k: Int, x: Double, y: Double, color: String) -> String {  // not money: drawing units
        switch k % 6 {
        case 0: return "<circle cx=\"\(fmt(x))\" cy=\"\(fmt(y))\" r=\"3.5\" fill=\"\(color)\"/>"
        case 1: return "<rect x=\"\(fmt(x - 3.5))\" y=\"\(fmt(y - 3.5))\" width=\"7\" height=\"7\" fill=\"\(color)\"/>"
        case 2: return "<polygon points=\"\(fmt(x)),\(fmt(y - 4.5)) \(fmt(x + 4)),\(fmt(y + 3)) \(fmt(x - 4)),\(fmt(y + 3))\" fill=\"\(color)\"/>"
        case 3: return "<polygon points=\"\(fmt(x)),\(fmt(y - 4.5)) \(fmt(x + 4.5)),\(fmt(y)) \(fmt(x)),\(fmt(y + 4.5)) \(fmt(x - 4.5)),\(fmt(y))\" fill=\"\(color)\"/>"
        case 4: return "<circle cx=\"\(fmt(x))\" cy=\"\(fmt(y))\" r=\"3.5\" fill=\"#fff\" stroke=\"\(color)\" stroke-width=\"1.5\"/>"
        default: return "<rect x=\"\(fmt(x - 3.5))\" y=\"\(fmt(y - 3.5))\" width=\"7\" height=\"7\" fill=\"#fff\" stroke=\"\(color)\" stroke-width=\"1.5\"/>"
        }
    }

    /// A round scale for an axis: steps of 1, 2 or 5 × 10ⁿ cents, at most about six ticks covering lo…hi.
    static func ticks(_ lo: Int64, _ hi: Int64) -> [Int64] {
        let span = max(hi - lo, 100)
        var step: Int64 = 1
        while span / step > 5 {
            let lead = step.description.first!
            step = lead == "1" ? step * 2 : lead == "2" ? step / 2 * 5 : step * 2
        }
        var first = (lo / step) * step
        if first > lo { first -= step }
        var out: [Int64] = []
        var t = first
        while t < hi + step {
            out.append(t)
            if t >= hi { break }
            t += step
        }
        return out
    }

    static func lineChart(_ series: [(name: String, values: [Money], color: String)], labels: [String], f: Formatter) -> String {
        let width = 760.0, height = 320.0, left = 100.0, bottom = 40.0, top = 10.0, right = 150.0  // not money: drawing units
        // The axis starts at zero: a rise of 3 % looks like 3 %, not like a doubling.
        var all: [Int64] = [0]
        for s in series { for v in s.values { all.append(v.cents) } }
        guard let mn = all.min(), let mx = all.max(), labels.count > 0 else { return "" }
        let axis = ticks(mn, mx)
        let lo = Double(axis.first!), hi = Double(axis.last!)  // not money: drawing units
        func x(_ i: Int) -> Double { left + (width - left - right) * (labels.count == 1 ? 0.5 : Double(i) / Double(labels.count - 1)) }  // not money
        func y(_ c: Int64) -> Double { top + (height - top - bottom) * (1 - (Double(c) - lo) / max(hi - lo, 1)) }  // not money: drawing
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(Int(width))\" height=\"\(Int(height))\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" role=\"img\">\n"
        for t in axis {
            svg += "<line x1=\"\(fmt(left))\" x2=\"\(fmt(width - right))\" y1=\"\(fmt(y(t)))\" y2=\"\(fmt(y(t)))\" stroke=\"#ddd\"/>"
            svg += "<text x=\"\(fmt(left - 6))\" y=\"\(fmt(y(t) + 4))\" text-anchor=\"end\">\(esc(f.money(Money(cents: t))))</text>\n"
        }
        let every = max(1, labels.count / 12)
        for (i, l) in labels.enumerated() where i % every == 0 {
            svg += "<text x=\"\(fmt(x(i)))\" y=\"\(fmt(height - bottom + 16))\" text-anchor=\"middle\">\(esc(l))</text>\n"
        }
        // Every series its own dash pattern and marker; the baseline (first) drawn last, so that a
        // scenario equal to it does not hide it.
        for (k, s) in series.enumerated().reversed() {
            let points = s.values.enumerated().map { "\(fmt(x($0.offset))),\(fmt(y($0.element.cents)))" }.joined(separator: " ")
            svg += "<polyline fill=\"none\" stroke=\"\(s.color)\" stroke-width=\"\(k == 0 ? 2.5 : 2)\"\(dash(k)) points=\"\(points)\"><title>\(esc(s.name))</title></polyline>\n"
            for (i, v) in s.values.enumerated() { svg += marker(k, x: x(i), y: y(v.cents), color: s.color) }
            svg += "\n"
        }
        // Each line named at its end, pushed apart where lines end close together.
        var ends = series.enumerated().compactMap { k, s in s.values.last.map { (k: k, y: y($0.cents), name: s.name, color: s.color, value: $0) } }
        ends.sort { $0.y < $1.y }
        for i in ends.indices.dropFirst() where ends[i].y - ends[i - 1].y < 13 { ends[i].y = ends[i - 1].y + 13 }
        for e in ends {
            svg += "<text x=\"\(fmt(width - right + 8))\" y=\"\(fmt(e.y + 4))\" fill=\"\(e.color)\">\(esc(e.name))</text>\n"
        }
        return svg + "</svg>\n"
    }

    static func barChart(groups: [(label: String, values: [Money])], colors: [String], f: Formatter) -> String {
        guard !groups.isEmpty else { return "<p>–</p>\n" }
        var all: [Int64] = [0]
        for g in groups { for v in g.values { all.append(v.cents) } }
        let axis = ticks(all.min()!, all.max()!)
        let rowHeight = 14.0 * Double(max(colors.count, 1)) + 10, left = 230.0, width = 760.0, right = 120.0  // not money: drawing units
        let height = rowHeight * Double(groups.count) + 30  // not money: drawing units
        let lo = Double(axis.first!), hi = Double(axis.last!)  // not money: drawing units
        func x(_ c: Int64) -> Double { left + (width - left - right) * (Double(c) - lo) / max(hi - lo, 1) }  // not money: drawing
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(Int(width))\" height=\"\(Int(height))\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" role=\"img\">\n"
        for t in axis {
            let stroke = t == 0 ? "#888" : "#ddd"
            svg += "<line x1=\"\(fmt(x(t)))\" x2=\"\(fmt(x(t)))\" y1=\"0\" y2=\"\(fmt(height - 20))\" stroke=\"\(stroke)\"/>"
            svg += "<text x=\"\(fmt(x(t)))\" y=\"\(fmt(height - 6))\" text-anchor=\"middle\">\(esc(f.money(Money(cents: t))))</text>\n"
        }
        for (g, group) in groups.enumerated() {
            let y0 = Double(g) * rowHeight + 5  // not money: drawing units
            svg += "<text x=\"\(fmt(left - 6))\" y=\"\(fmt(y0 + rowHeight / 2))\" text-anchor=\"end\">\(esc(group.label))</text>\n"
            for (k, v) in group.values.enumerated() {
                let a = x(min(0, v.cents)), b = x(max(0, v.cents))
                let top = y0 + Double(k) * 14  // not money: drawing units
                svg += "<rect x=\"\(fmt(a))\" y=\"\(fmt(top))\" width=\"\(fmt(max(b - a, 1)))\" height=\"12\" fill=\"\(colors[k])\"><title>\(esc(f.money(v)))</title></rect>\n"
                // The value beside its bar: a small difference stays readable when its bar is a sliver.
                let negative = v.cents < 0
                svg += "<text class=\"value\" x=\"\(fmt(negative ? a - 4 : b + 4))\" y=\"\(fmt(top + 10))\" text-anchor=\"\(negative ? "end" : "start")\">\(esc(f.money(v)))</text>\n"
            }
        }
        return svg + "</svg>\n"
    }

    /// A coordinate with one decimal, the same on every machine.
    static func fmt(_ v: Double) -> String {  // not money: drawing units
        let tenths = Int((v * 10).rounded())  // not money
        return "\(tenths / 10).\(abs(tenths % 10))"
    }
}

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
        for (title, keys, value) in breakdowns(s, de) {
            out.append("")
            out.append(title)
            var table = TextTable([.left, .right] + s.scenarios.map { _ in .right })
            table.add(["", s.baseline.name] + s.scenarios.map { "Δ " + $0.name })
            for k in keys {
                table.add([k, f.money(value(s.baseline, k))] + s.scenarios.map { f.money(value($0, k) - value(s.baseline, k)) })
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
        guard base != .zero else { return "" }
        let tenths = RoundingMode.halfAwayFromZero.round(Int128(d.cents) * 1000, over: Int128(base.cents))
        return (d.isNegative ? "" : "+") + f.decimal(ExactDecimal(units: tenths, scale: 1)) + " %"
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
        w.beginArray("runs")
        for o in [s.baseline] + s.scenarios {
            w.beginObject()
            w.field("name", o.name)
            w.field("total", o.total.decimalString)
            w.field("difference", (o.total - s.baseline.total).decimalString)
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

    public static func html(_ s: Simulation, language: Language = .de) -> [UInt8] {
        let de = language == .de, f = Formatter(language)
        let colors = ["#1d4e89", "#d1495b", "#edae49", "#00798c", "#66a182", "#8d6a9f"]
        var h = """
            <!DOCTYPE html>
            <html lang="\(language.rawValue)">
            <head><meta charset="utf-8"><title>\(de ? "Szenarien" : "Scenarios")</title>
            <style>
            body { font-family: "DejaVu Sans", "Liberation Sans", Arial, sans-serif; font-size: 10pt; color: #111; margin: 12mm; }
            h1 { font-size: 16pt; color: #1d4e89; } h2 { font-size: 12pt; color: #1d4e89; margin-top: 8mm; }
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
        h += "</table>\n<h2>\(de ? "Monatssummen: Basis und Szenarien" : "Monthly totals: baseline and scenarios")</h2>\n"
        let series = ([s.baseline] + s.scenarios).enumerated().map { (name: $0.element.name, values: $0.element.monthly, color: colors[$0.offset % colors.count]) }
        h += legend(series.map { ($0.name, $0.color) })
        h += lineChart(series, labels: s.horizon.map(\.iso), f: f)
        h += "<h2>\(de ? "Differenz zur Basis nach Zeilenart" : "Difference to the baseline by line kind")</h2>\n"
        let kinds = LineKind.allCases.filter { k in s.scenarios.contains { ($0.byKind[k] ?? .zero) != (s.baseline.byKind[k] ?? .zero) } }
        h += legend(s.scenarios.enumerated().map { ($0.element.name, colors[($0.offset + 1) % colors.count]) })
        h += barChart(groups: kinds.map { k in (Labels(language).kindName(k), s.scenarios.map { ($0.byKind[k] ?? .zero) - (s.baseline.byKind[k] ?? .zero) }) },
                      colors: s.scenarios.indices.map { colors[($0 + 1) % colors.count] }, f: f)
        for (title, keys, value) in breakdowns(s, de) {
            h += "<h2>\(esc(title))</h2>\n<table><tr><th></th><th class=\"num\">\(esc(s.baseline.name))</th>"
            h += s.scenarios.map { "<th class=\"num\">Δ \(esc($0.name))</th>" }.joined() + "</tr>\n"
            for k in keys {
                h += "<tr><td>\(esc(k))</td><td class=\"num\">\(esc(f.money(value(s.baseline, k))))</td>"
                h += s.scenarios.map { "<td class=\"num\">\(esc(f.money(value($0, k) - value(s.baseline, k))))</td>" }.joined() + "</tr>\n"
            }
            h += "</table>\n"
        }
        h += "</body>\n</html>\n"
        return Array(h.utf8)
    }

    static func esc(_ s: String) -> String { StatementHTML.escape(s) }

    static func legend(_ items: [(String, String)]) -> String {
        "<p class=\"legend\">" + items.map { "<span><i style=\"background:\($0.1)\"></i>\(esc($0.0))</span>" }.joined() + "</p>\n"
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
        let width = 760.0, height = 300.0, left = 90.0, bottom = 40.0, top = 10.0, right = 40.0  // not money: drawing units
        var all: [Int64] = []
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
        // The baseline (first) drawn last and dashed, so that a scenario equal to it does not hide it.
        for (k, s) in series.enumerated().reversed() {
            let points = s.values.enumerated().map { "\(fmt(x($0.offset))),\(fmt(y($0.element.cents)))" }.joined(separator: " ")
            let dash = k == 0 ? " stroke-dasharray=\"6 4\"" : ""
            svg += "<polyline fill=\"none\" stroke=\"\(s.color)\" stroke-width=\"\(k == 0 ? 3 : 2)\"\(dash) points=\"\(points)\"><title>\(esc(s.name))</title></polyline>\n"
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

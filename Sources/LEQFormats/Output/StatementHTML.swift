import LEQCore

/// The printable statement: one self-contained HTML page (no scripts, no external files) with an
/// A4 print stylesheet — letterhead, references, sections, totals per cost bearer, warnings, the
/// VAT note, a box for the two sign-offs, and a footer on every printed page with the statement
/// number and "Seite x von y". German by default.
public enum StatementHTML {
    public static func render(_ statements: [Statement], language: Language = .de) -> [UInt8] {
        let l = Labels(language)
        var out = """
            <!DOCTYPE html>
            <html lang="\(language.rawValue)">
            <head>
            <meta charset="utf-8">
            <title>\(escape(statements.map(\.number).joined(separator: ", ")))</title>
            <style>
            \(style)
            """
        // One named page per statement, so that each printed page's footer names its statement.
        for (i, s) in statements.enumerated() {
            let page = language == .de ? "Seite \" counter(page) \" von \" counter(pages)" : "Page \" counter(page) \" of \" counter(pages)"
            out += """
                @page s\(i) {
                  @bottom-left { content: "\(l.statement) \(l.number) \(cssString(s.number))"; \(footerFont) }
                  @bottom-right { content: "\(page); \(footerFont) }
                }
                .s\(i) { page: s\(i); }

                """
        }
        out += "</style>\n</head>\n<body>\n"
        for (i, s) in statements.enumerated() { out += render(s, l, page: "s\(i)") }
        out += "</body>\n</html>\n"
        return Array(out.utf8)
    }

    static let footerFont = "font-family: \"DejaVu Sans\", \"Liberation Sans\", Arial, sans-serif; font-size: 7.5pt; color: #444;"

    static let style = """
        @page { size: A4; margin: 18mm 16mm 20mm 20mm; }
        * { box-sizing: border-box; }
        body { font-family: "DejaVu Sans", "Liberation Sans", Arial, sans-serif; font-size: 9pt; color: #111; margin: 0; }
        @media screen { body { background: #ddd; } .statement { background: #fff; width: 210mm; margin: 10mm auto; padding: 18mm 16mm 20mm 20mm; box-shadow: 0 0 4px #888; } }
        .statement { break-after: page; }
        .statement:last-child { break-after: auto; }
        .letterhead { display: flex; justify-content: space-between; align-items: flex-start; border-bottom: 1.5pt solid #1d4e89; padding-bottom: 4mm; }
        .sender { font-size: 8pt; color: #333; text-align: right; }
        .sender strong { font-size: 10pt; color: #1d4e89; }
        .recipient { margin-top: 8mm; min-height: 28mm; }
        .recipient .label { font-size: 7pt; color: #666; }
        h1 { font-size: 14pt; margin: 6mm 0 2mm; color: #1d4e89; }
        table.refs { border-collapse: collapse; margin-bottom: 4mm; }
        table.refs td { padding: 0.5mm 6mm 0.5mm 0; vertical-align: top; }
        table.refs td:first-child { color: #555; }
        h2 { font-size: 10.5pt; margin: 5mm 0 1.5mm; color: #1d4e89; border-bottom: 0.5pt solid #1d4e89; break-after: avoid; }
        table.lines { width: 100%; border-collapse: collapse; }
        table.lines th { text-align: left; font-weight: 600; border-bottom: 0.75pt solid #333; padding: 1mm 1.5mm; font-size: 8pt; }
        table.lines td { padding: 0.8mm 1.5mm; vertical-align: top; border-bottom: 0.25pt solid #ccc; }
        table.lines tr, tbody.casegroup { break-inside: avoid; }
        tr.case td { background: #eef3f9; font-weight: 600; border-bottom: none; padding-top: 1.5mm; }
        tr.bearers td { color: #555; font-size: 7.5pt; border-bottom: 0.25pt solid #ccc; }
        tr.sum td { font-weight: 700; border-top: 0.75pt solid #333; border-bottom: none; }
        tr.withheld td { color: #7a4b00; border-bottom: none; }
        .num { text-align: right; white-space: nowrap; }
        .period { white-space: nowrap; }
        .zero { color: #777; }
        table.totals { margin-left: auto; border-collapse: collapse; margin-top: 5mm; break-inside: avoid; }
        table.totals td { padding: 0.8mm 2mm; }
        table.totals tr.grand td { font-weight: 700; font-size: 10.5pt; border-top: 1pt solid #111; }
        ul.warnings { margin: 1mm 0; padding-left: 5mm; }
        .vat { margin-top: 5mm; font-size: 8pt; }
        .signoff { display: flex; gap: 8mm; margin-top: 8mm; break-inside: avoid; }
        .signoff div { flex: 1; border: 0.5pt solid #999; padding: 2mm; min-height: 20mm; font-size: 8pt; color: #444; }

        """

    static func render(_ s: Statement, _ l: Labels, page: String) -> String {
        let f = l.f
        var h = "<section class=\"statement \(page)\">\n<div class=\"letterhead\">\n<div>\(escape(s.youthOffice.name))</div>\n"
        h += "<div class=\"sender\"><strong>\(escape(s.provider.name))</strong><br>\(s.provider.address.map(escape).joined(separator: "<br>"))</div>\n</div>\n"
        h += "<div class=\"recipient\"><div class=\"label\">\(escape(l.recipient))</div>\(escape(s.youthOffice.name))<br>"
        h += s.youthOffice.address.map(escape).joined(separator: "<br>") + "</div>\n"
        h += "<h1>\(escape(l.statement)) \(escape(l.number)) \(escape(s.number))</h1>\n<table class=\"refs\">\n"
        for (k, v) in [(l.month, f.month(s.month)), (l.issued, f.date(s.issued)), (l.taxNumber, s.provider.taxNumber),
                       (l.creditorNumber, s.provider.creditorNumber), (l.leitwegID, s.provider.leitwegID),
                       (l.agreement, "\(s.agreementID) (\(l.agreementBasis))")] {
            h += "<tr><td>\(escape(k))</td><td>\(escape(v))</td></tr>\n"
        }
        h += "</table>\n"
        if s.lines.isEmpty { h += "<p>\(escape(l.noLines))</p>\n" }
        for section in Section.allCases {
            let lines = s.lines(in: section)
            guard !lines.isEmpty else { continue }
            h += "<h2>\(escape(l.section(section)))</h2>\n<table class=\"lines\">\n"
            // In a thead, the column heads repeat on every printed page the table runs onto.
            h += "<thead><tr><th>\(escape(l.text))</th><th>\(escape(l.period))</th><th class=\"num\">\(escape(l.quantity))</th><th class=\"num\">\(escape(l.amount))</th></tr></thead>\n"
            var lastCase: String?
            for line in lines {
                let service = s.service(line.service)
                if line.caseID != lastCase {
                    // Each case in a body of its own that a page break does not split.
                    if lastCase != nil { h += "</tbody>\n" }
                    h += "<tbody class=\"casegroup\">\n"
                    h += "<tr class=\"case\"><td colspan=\"4\">\(escape(l.caseHeading(line, service: service)))</td></tr>\n"
                    lastCase = line.caseID
                }
                h += "<tr\(line.amount == .zero ? " class=\"zero\"" : "")><td>\(escape(l.text(line, service: service)))</td>"
                h += "<td class=\"period\">\(escape(f.period(line.period)))</td>"
                h += "<td class=\"num\">\(escape(f.decimal(line.quantity) + " " + l.unit(line.unit, line.quantity)))</td>"
                h += "<td class=\"num\">\(escape(f.money(line.amount)))</td></tr>\n"
                if s.bearers.count > 1, line.bearerParts.filter({ $0 != .zero }).count > 1 {
                    let split = zip(s.bearers, line.bearerParts).map { "\($0.name) \(f.money($1))" }.joined(separator: " · ")
                    h += "<tr class=\"bearers\"><td colspan=\"4\">\(escape("\(l.bearersLabel): \(split)"))</td></tr>\n"
                }
            }
            h += "</tbody>\n<tbody>\n<tr class=\"sum\"><td colspan=\"3\">\(escape(l.sum + " " + l.section(section)))</td><td class=\"num\">\(escape(f.money(s.totals.section(section))))</td></tr>\n"
            if section == .topUps && s.totals.withheld != .zero {
                h += "<tr class=\"withheld\"><td colspan=\"3\">\(escape(l.withheld))</td><td class=\"num\">\(escape(f.money(s.totals.withheld)))</td></tr>\n"
            }
            h += "</tbody>\n</table>\n"
        }
        if !s.budgets.isEmpty {
            h += "<h2>\(escape(l.budgetState))</h2>\n<table class=\"lines\">\n<tr><th>\(escape(l.caseColumn))</th><th>\(escape(l.period))</th>"
            h += [l.budgetAmount, l.budgetUsedBefore, l.budgetUsedNow, l.budgetLeft].map { "<th class=\"num\">\(escape($0))</th>" }.joined() + "</tr>\n"
            for b in s.budgets {
                let mode = b.mode == .installments ? l.installments : l.drawdown
                let amount = b.overrunApproved == .zero ? f.money(b.amount) : "\(f.money(b.amount)) + \(f.money(b.overrunApproved))"
                h += "<tr><td>\(escape("\(b.caseID) (\(mode))"))</td><td class=\"period\">\(escape(f.period(b.period)))</td>"
                h += [amount, f.money(b.usedBefore), f.money(b.usedThisMonth), f.money(b.left)].map { "<td class=\"num\">\(escape($0))</td>" }.joined() + "</tr>\n"
            }
            h += "</table>\n"
        }
        h += "<table class=\"totals\">\n<tr><td colspan=\"2\"><strong>\(escape(l.totalsByBearer))</strong></td></tr>\n"
        for (i, b) in s.bearers.enumerated() {
            h += "<tr><td>\(escape(b.name))</td><td class=\"num\">\(escape(f.money(s.totals.bearers[i])))</td></tr>\n"
        }
        h += "<tr class=\"grand\"><td>\(escape(l.total))</td><td class=\"num\">\(escape(f.money(s.totals.all)))</td></tr>\n</table>\n"
        if !s.warnings.isEmpty {
            h += "<h2>\(escape(l.warnings))</h2>\n<ul class=\"warnings\">\n"
            for w in s.warnings { h += "<li>\(escape("\(l.caseColumn) \(w.caseID): \(l.warning(w))"))</li>\n" }
            h += "</ul>\n"
        }
        h += "<p class=\"vat\">\(escape(l.vatNote))</p>\n"
        h += "<div class=\"signoff\"><div>\(escape(l.certifiedBox))</div><div>\(escape(l.approvedBox))</div></div>\n</section>\n"
        return h
    }

    static func escape(_ s: String) -> String {
        // Most texts have nothing to escape: look at the bytes once and hand the string back.
        guard s.utf8.contains(where: { $0 == UInt8(ascii: "&") || $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: ">") || $0 == UInt8(ascii: "\"") })
        else { return s }
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for c in s {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.append(c)
            }
        }
        return out
    }

    static func cssString(_ s: String) -> String { s.replacingOccurrencesOfQuote().replacing("\\", with: "\\\\") }
}

import LEQCore

/// The printable statement: one self-contained HTML page (no scripts, no external files) with an
/// A4 print stylesheet — letterhead, references, sections, totals per cost bearer, warnings, the
/// VAT note, a box for the two sign-offs, and a footer on every printed page with the statement
/// number and "Seite x von y". German by default.
public enum StatementHTML {
    public static func render(_ statements: [Statement], language: Language = .de) -> [UInt8] {
        OrderedPieces.collect { render(statements, language: language, parallel: false, write: $0) }
    }

    /// The same bytes, handed to `write` piece by piece (see `OrderedPieces`): the page's head,
    /// each statement's section made on all cores, the page's end.
    public static func render(_ statements: [Statement], language: Language = .de, parallel: Bool = true,
                              write: (UnsafeBufferPointer<UInt8>) -> Void) {
        let l = Labels(language)
        head(statements, l).withUTF8InPlace(write)
        OrderedPieces.write(Array(statements.indices), parallel: parallel, ahead: 3, make: { i in
            ByteBuffer.pooled(bytes(statements[i], l, page: "s\(i)"))
        }, write: write)
        Array("</body>\n</html>\n".utf8).withUnsafeBufferPointer(write)
    }

    /// The page up to its body: the title names every statement, the print style has a named
    /// page per statement.
    static func head(_ statements: [Statement], _ l: Labels) -> String {
        let language = l.language
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
        return out
    }

    static let footerFont = "font-family: \"DejaVu Sans\", \"Liberation Sans\", Arial, sans-serif; font-size: 7.5pt; color: #444;"

    static let style = """
        @page { size: A4; margin: 12mm 16mm 20mm 20mm; }
        * { box-sizing: border-box; }
        body { font-family: "DejaVu Sans", "Liberation Sans", Arial, sans-serif; font-size: 9pt; color: #111; margin: 0; }
        @media screen { body { background: #ddd; } .statement { background: #fff; width: 210mm; margin: 10mm auto; padding: 12mm 16mm 20mm 20mm; box-shadow: 0 0 4px #888; } }
        .statement { break-after: page; }
        .statement:last-child { break-after: auto; }
        .letterhead { display: flex; justify-content: space-between; align-items: flex-end; border-bottom: 1.5pt solid #1d4e89; padding-bottom: 2mm; min-height: 20mm; }
        .issuer { font-size: 11pt; font-weight: 700; color: #1d4e89; max-width: 105mm; }
        .issuer-info { font-size: 7.5pt; color: #333; text-align: right; line-height: 1.35; }
        .head { display: flex; justify-content: space-between; margin-top: 5mm; min-height: 45mm; }
        .window { width: 85mm; }
        .return { font-size: 6pt; color: #444; border-bottom: 0.4pt solid #888; padding-bottom: 0.6mm; margin-bottom: 2mm; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
        .address { font-size: 10pt; line-height: 1.35; }
        table.refs { border-collapse: collapse; font-size: 8pt; align-self: flex-start; }
        table.refs td { padding: 0.35mm 0 0.35mm 4mm; vertical-align: top; }
        table.refs td:first-child { color: #555; padding-left: 0; }
        h1 { font-size: 14pt; margin: 2mm 0 1mm; color: #1d4e89; }
        p.issued-by { margin: 0 0 3mm; font-size: 8.5pt; color: #333; }
        .summary { display: flex; gap: 6mm; border: 0.75pt solid #1d4e89; padding: 3mm 4mm; margin: 2mm 0 4mm; break-inside: avoid; }
        .summary > div { flex: 1; }
        .summary .grand { font-size: 13pt; font-weight: 700; }
        .summary table { border-collapse: collapse; margin-top: 1mm; }
        .summary td { padding: 0.3mm 3mm 0.3mm 0; vertical-align: top; }
        .summary .label { color: #555; font-size: 7.5pt; text-transform: none; }
        h2 { font-size: 10.5pt; margin: 5mm 0 1.5mm; color: #1d4e89; border-bottom: 0.5pt solid #1d4e89; break-after: avoid; }
        table.lines { width: 100%; border-collapse: collapse; table-layout: fixed; }
        table.lines col.c-text { width: auto; } table.lines col.c-period { width: 41mm; } table.lines col.c-qty { width: 22mm; } table.lines col.c-amount { width: 25mm; }
        table.lines th { text-align: left; font-weight: 600; border-bottom: 0.75pt solid #333; padding: 1mm 1.5mm; font-size: 8pt; }
        table.lines th.num { text-align: right; }
        table.lines td { padding: 0.8mm 1.5mm; vertical-align: top; border-bottom: 0.25pt solid #ccc; }
        table.lines tr, tbody.casegroup { break-inside: avoid; }
        tr.case td { background: #eef3f9; font-weight: 600; border-bottom: none; padding-top: 1.5mm; }
        tr.bearers td { color: #333; font-size: 8pt; border-bottom: 0.25pt solid #ccc; padding-left: 5mm; }
        tr.sum td { font-weight: 700; border-top: 0.75pt solid #333; border-bottom: none; }
        tr.withheld td { color: #7a4b00; border-bottom: none; }
        .num { text-align: right; white-space: nowrap; }
        .period { white-space: nowrap; }
        .zero { color: #666; }
        table.totals { margin-left: auto; border-collapse: collapse; margin-top: 5mm; break-inside: avoid; }
        table.totals td { padding: 0.8mm 2mm; }
        table.totals tr.grand td { font-weight: 700; font-size: 10.5pt; border-top: 1pt solid #111; }
        ul.warnings { margin: 1mm 0; padding-left: 5mm; }
        .vat { margin-top: 5mm; font-size: 8pt; }
        .signoff { display: flex; gap: 8mm; margin-top: 8mm; break-inside: avoid; }
        .signoff div { flex: 1; border: 0.5pt solid #999; padding: 2mm; min-height: 20mm; font-size: 8pt; color: #444; }
        .signoff div strong { display: block; margin-top: 2mm; color: #111; font-size: 9pt; }

        """

    /// Numbers keep their units on one line: "41,94 €/Tag", "31 Tage", "80 %" (a no-break space).
    static func keepUnits(_ text: String) -> String {
        guard PlainText.isPlain(text) else { return keepUnitsByCharacter(text) }
        // Plain text (`PlainText`) by its bytes: each character one scalar. Character by
        // character, this was half of rendering a statement as HTML.
        return text.withUTF8InPlace { bytes in
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count + 16)
            keepUnits(plain: bytes) { out.append(contentsOf: $0) }
            return String(decoding: out, as: UTF8.self)
        }
    }

    /// `keepUnits` of plain text's bytes, handed to `write` a stretch at a time.
    static func keepUnits(plain bytes: UnsafeBufferPointer<UInt8>, _ write: (UnsafeBufferPointer<UInt8>) -> Void) {
        var from = 0
        for i in bytes.indices where bytes[i] == 0x20 {
            if i > 0, i + 1 < bytes.count, PlainText.endsWithNumber(bytes[..<i]),
               unitsKept.contains(where: { bytes[(i + 1)...].starts(with: $0) }) {
                write(UnsafeBufferPointer(rebasing: bytes[from..<i]))
                noBreakSpace.withUnsafeBufferPointer(write)
                from = i + 1
            }
        }
        write(UnsafeBufferPointer(rebasing: bytes[from...]))
    }

    private static let noBreakSpace: [UInt8] = [0xC2, 0xA0]

    /// What a number keeps on its line, as the text after it starts.
    private static let unitsKept: [[UInt8]] = ["€", "%", "Tag", "Std.", "day", "hour", "Monat", "month"].map { Array($0.utf8) }

    /// `keepUnits` character by character, for any text.
    static func keepUnitsByCharacter(_ text: String) -> String {
        var out = ""
        var chars = Array(text)
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if c == " ", i > 0, chars[i - 1].isNumber, i + 1 < chars.count {
                let rest = String(chars[(i + 1)...].prefix(6))
                if rest.hasPrefix("€") || rest.hasPrefix("%") || rest.hasPrefix("Tag") || rest.hasPrefix("Std.") || rest.hasPrefix("day")
                    || rest.hasPrefix("hour") || rest.hasPrefix("Monat") || rest.hasPrefix("month") {
                    out.append("\u{00A0}")
                    i += 1
                    continue
                }
            }
            out.append(c)
            i += 1
        }
        chars.removeAll()
        return out
    }

    static func render(_ s: Statement, _ l: Labels, page: String) -> String {
        String(decoding: bytes(s, l, page: page), as: UTF8.self)
    }

    /// A statement's section of the page, as bytes: its lines' rows written straight into them.
    static func bytes(_ s: Statement, _ l: Labels, page: String) -> [UInt8] {
        let f = l.f
        let office = s.youthOffice, provider = s.provider
        func e(_ text: String) -> String { escape(keepUnits(text)) }
        // Who issues it: the youth office settles under the agreement (a self-billed statement,
        // Gutschrift); it goes to the provider, whose address sits in the window.
        var h = HTMLBytes()
        h += "<section class=\"statement \(page)\">\n<header class=\"letterhead\">\n<div class=\"issuer\">\(escape(office.name))</div>\n"
        var info = office.address.map(escape)
        if let email = office.email { info.append(escape(email)) }
        if let leitweg = office.leitwegID { info.append("Leitweg-ID " + escape(leitweg)) }
        h += "<div class=\"issuer-info\">\(info.joined(separator: "<br>"))</div>\n</header>\n"
        h += "<div class=\"head\">\n<div class=\"window\"><div class=\"return\">\(escape(([office.name] + office.address).joined(separator: " · ")))</div>\n"
        h += "<div class=\"address\">\(([provider.name] + provider.address).map(escape).joined(separator: "<br>"))</div></div>\n"
        h += "<table class=\"refs\">\n"
        var refs: [(String, String)] = [(l.statementNumber, s.number), (l.month, f.month(s.month)), (l.issuedShort, f.date(s.issued)),
                                         (l.yourCreditorNumber, provider.creditorNumber), (l.yourTaxNumber, provider.taxNumber)]
        if let vat = provider.vatID { refs.append((l.vatIDLabel, vat)) }
        refs.append((l.agreement, s.agreementID))
        if let leitweg = office.leitwegID ?? (provider.leitwegID.isEmpty ? nil : provider.leitwegID) { refs.append((l.leitwegID, leitweg)) }
        if let contact = provider.contact { refs.append((l.yourContact, contact.name)) }
        for (k, v) in refs { h += "<tr><td>\(escape(k))</td><td>\(escape(v))</td></tr>\n" }
        h += "</table>\n</div>\n"
        h += "<h1>\(escape(l.statement)) \(escape(l.number)) \(escape(s.number))</h1>\n"
        h += "<p class=\"issued-by\">\(escape(l.issuedBy(office: office.name, provider: provider.name, agreement: s.agreementID)))</p>\n"
        h += summary(s, l)
        if s.lines.isEmpty { h += "<p>\(escape(l.noLines))</p>\n" }
        // The lines read in place, section by section (a list of each section's lines was a copy
        // of every line); their rows written as bytes, no string made for a cell.
        let sections = s.sections()
        s.lines.withUnsafeBufferPointer { lines in
            for (section, places) in sections {
                h += "<h2>\(escape(l.section(section)))</h2>\n<table class=\"lines\">\n"
                // The same column widths in every section; the heads repeat on every printed page.
                h += "<colgroup><col class=\"c-text\"><col class=\"c-period\"><col class=\"c-qty\"><col class=\"c-amount\"></colgroup>\n"
                h += "<thead><tr><th>\(escape(l.text))</th><th>\(escape(l.period))</th><th class=\"num\">\(escape(l.quantity))</th><th class=\"num\">\(escape(l.amount))</th></tr></thead>\n"
                for (n, (k, opensCase)) in places.enumerated() {
                    if opensCase {
                        // Each case in a body of its own that a page break does not split.
                        if n > 0 { h += "</tbody>\n" }
                        h += "<tbody class=\"casegroup\">\n"
                        h += "<tr class=\"case\"><td colspan=\"4\">"
                        let service = s.service(lines[k].service)
                        h.escaped { l.writeCaseHeading(lines[k], service: service, to: &$0) }
                        h += "</td></tr>\n"
                    }
                    h += lines[k].amount == .zero ? "<tr class=\"zero\"><td>" : "<tr><td>"
                    h.escaped(keepingUnits: true) { l.writeText(lines[k], to: &$0) }
                    h += "</td><td class=\"period\">"
                    h.escaped { $0.period(lines[k].period, f) }
                    h += "</td><td class=\"num\">"
                    h.escaped { out in
                        out.decimal(lines[k].quantity, f)
                        out.write(" ")
                        out.write(l.unit(lines[k].unit, lines[k].quantity))
                    }
                    h += "</td><td class=\"num\">"
                    h.escaped { $0.money(lines[k].amount, f) }
                    h += "</td></tr>\n"
                    if let split = l.bearerSplit(lines[k], bearers: s.bearers) {
                        h += "<tr class=\"bearers\"><td colspan=\"4\">\(e(split))</td></tr>\n"
                    }
                }
                h += "</tbody>\n<tbody>\n<tr class=\"sum\"><td colspan=\"3\">\(escape(l.sum + " " + l.section(section)))</td><td class=\"num\">\(escape(f.money(s.totals.section(section))))</td></tr>\n"
                if section == .topUps && s.totals.withheld != .zero {
                    h += "<tr class=\"withheld\"><td colspan=\"3\">\(escape(l.withheld))</td><td class=\"num\">\(escape(f.money(s.totals.withheld)))</td></tr>\n"
                }
                h += "</tbody>\n</table>\n"
            }
        }
        h += perCase(s, l)
        if !s.budgets.isEmpty {
            h += "<h2>\(escape(l.budgetState))</h2>\n<table class=\"lines\">\n<thead><tr><th>\(escape(l.caseColumn))</th><th>\(escape(l.period))</th>"
            h += [l.budgetAmount, l.budgetUsedBefore, l.budgetUsedNow, l.budgetLeft].map { "<th class=\"num\">\(escape($0))</th>" }.joined() + "</tr></thead>\n"
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
            for w in s.warnings { h += "<li>\(e("\(l.caseColumn) \(w.caseID): \(l.warning(w))"))</li>\n" }
            h += "</ul>\n"
        }
        h += "<p class=\"vat\">\(escape(l.vatNote))</p>\n"
        h += signOffPlaceholder(l) + "\n</section>\n"
        return h.bytes
    }

    /// The empty sign-off boxes of a statement as stored. `statements show` replaces exactly this
    /// with the sign-offs given since (`signOffBlock`), leaving the stored bytes as they are.
    public static func signOffPlaceholder(_ language: Language) -> String { signOffPlaceholder(Labels(language)) }

    static func signOffPlaceholder(_ l: Labels) -> String {
        "<div class=\"signoff\"><div>\(escape(l.certifiedBox))</div><div>\(escape(l.approvedBox))</div></div>"
    }

    /// The sign-off boxes filled: who certified and who ordered payment, with their registered
    /// IDs and the day.
    public static func signOffBlock(_ language: Language, certified: (name: String, id: String?, at: String)?,
                                    approved: (name: String, id: String?, at: String)?) -> String {
        let l = Labels(language), f = l.f
        func box(_ label: String, _ s: (name: String, id: String?, at: String)?) -> String {
            guard let s else { return "<div>\(escape(label))</div>" }
            let day = CivilDate(iso: String(s.at.prefix(10))).map(f.date) ?? s.at
            return "<div>\(escape(label))<strong>\(escape(s.name + (s.id.map { " (\($0))" } ?? "") + ", " + day))</strong></div>"
        }
        return "<div class=\"signoff\">" + box(l.certifiedBox, certified) + box(l.approvedBox, approved) + "</div>"
    }

    /// Page 1's box: what is paid, to whom, when, and where it is booked.
    static func summary(_ s: Statement, _ l: Labels) -> String {
        let f = l.f
        var h = "<div class=\"summary\">\n<div><div class=\"label\">\(escape(l.total))</div><div class=\"grand\">\(escape(f.money(s.totals.all)))</div>\n<table>\n"
        for (i, b) in s.bearers.enumerated() where s.bearers.count > 1 {
            h += "<tr><td>\(escape(b.name))</td><td class=\"num\">\(escape(f.money(s.totals.bearers[i])))</td></tr>\n"
        }
        if s.totals.withheld != .zero { h += "<tr><td>\(escape(l.withheldShort))</td><td class=\"num\">\(escape(f.money(s.totals.withheld)))</td></tr>\n" }
        h += "</table>\n"
        // Where it is booked: the budget lines of the services, with their amounts.
        var budget: [(String, Money)] = []
        for line in s.lines where line.section != .family {
            let key = s.service(line.service)?.budgetLine ?? "–"
            if let i = budget.firstIndex(where: { $0.0 == key }) { budget[i].1 += line.amount } else { budget.append((key, line.amount)) }
        }
        if budget.contains(where: { $0.0 != "–" }) {
            h += "<div class=\"label\">\(escape(l.budgetLines))</div>\n<table>\n"
            for (k, v) in budget { h += "<tr><td>\(escape(k))</td><td class=\"num\">\(escape(f.money(v)))</td></tr>\n" }
            h += "</table>\n"
        }
        h += "</div>\n<div>\n"
        if let bank = s.provider.bank {
            h += "<div class=\"label\">\(escape(l.payTo))</div>\n<div>\(escape(bank.holder))<br>IBAN \(escape(bank.printedIBAN))"
            if let bic = bank.bic { h += "<br>BIC \(escape(bic))" }
            h += "</div>\n"
        } else {
            h += "<div class=\"label\">\(escape(l.payTo))</div>\n<div>\(escape(l.noBankAccount))</div>\n"
        }
        h += "<div class=\"label\" style=\"margin-top:2mm\">\(escape(l.dueLabel))</div>\n<div>\(escape(l.dueText(s.paymentTerms?.daysAfterApproval)))</div>\n"
        h += "<div class=\"label\" style=\"margin-top:2mm\">\(escape(l.referenceLabel))</div>\n<div>\(escape(s.number))</div>\n"
        h += "</div>\n</div>\n"
        return h
    }

    /// Cases with lines in more than one section: their sum, so that a case can be checked whole.
    static func perCase(_ s: Statement, _ l: Labels) -> String {
        // Each case's sections (bits by place) and sum, looked up once per stretch of its lines
        // (three look-ups a line, hashing its case each time, were a tenth of the HTML).
        var places: [String: Int] = [:]
        var sections: [UInt8] = [], sums: [Money] = []
        s.lines.withUnsafeBufferPointer { lines in
            var k = 0
            while k < lines.count {
                let section = lines[k].section
                guard section != .family && !lines[k].caseID.isEmpty else { k += 1; continue }
                var end = k + 1
                var sum = lines[k].amount
                while end < lines.count && lines[end].section == section && lines[end].caseID == lines[k].caseID {
                    sum += lines[end].amount
                    end += 1
                }
                let place = places[lines[k].caseID, default: sums.count]
                if place == sums.count {
                    places[lines[k].caseID] = place
                    sections.append(0)
                    sums.append(.zero)
                }
                sections[place] |= 1 << UInt8(CasePlace.of(section))
                sums[place] += sum
                k = end
            }
        }
        let spanning = places.filter { sections[$0.value].nonzeroBitCount > 1 }.keys.sorted()
        guard !spanning.isEmpty else { return "" }
        var h = "<h2>\(escape(l.perCaseTitle))</h2>\n<table class=\"lines\">\n<colgroup><col class=\"c-text\"><col class=\"c-amount\"></colgroup>\n"
        h += "<thead><tr><th>\(escape(l.caseColumn))</th><th class=\"num\">\(escape(l.amount))</th></tr></thead>\n"
        for c in spanning {
            let place = places[c]!
            let names = Section.allCases.filter { sections[place] & 1 << UInt8(CasePlace.of($0)) != 0 }.map(l.section).joined(separator: ", ")
            h += "<tr><td>\(escape("\(c): \(names)"))</td><td class=\"num\">\(escape(l.f.money(sums[place])))</td></tr>\n"
        }
        return h + "</table>\n"
    }

    static func escape(_ s: String) -> String {
        // Most texts have nothing to escape: look at the bytes once, where they lie (through the
        // UTF-8 view's iterator, this look was a twelfth of writing a statement as HTML), and
        // hand the string back.
        let needed = s.withUTF8InPlace { bytes in
            bytes.contains { $0 == UInt8(ascii: "&") || $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: ">") || $0 == UInt8(ascii: "\"") }
        }
        guard needed else { return s }
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

    /// Text as a CSS string literal (for `content:`): quotes and backslashes escaped, and `<`
    /// written as an escape, so that no "</style" can appear inside the style sheet.
    static func cssString(_ s: String) -> String {
        var out = ""
        for c in s {
            if c == "\\" || c == "\"" { out.append("\\") }
            if c == "<" { out += "\\3c "; continue }
            out.append(c)
        }
        return out
    }

    /// The printed footer of a report: `left` at the bottom left, "Seite x von y" at the right.
    static func footerRules(left: String, language: Language, size: String) -> String {
        let font = "font-family: \"DejaVu Sans\", Arial, sans-serif; font-size: \(size); color: #555;"
        let page = language == .de ? "\"Seite \" counter(page) \" von \" counter(pages)" : "\"Page \" counter(page) \" of \" counter(pages)"
        return """
              @bottom-left { content: "\(cssString(left))"; \(font) }
              @bottom-right { content: \(page); \(font) }
            """
    }
}

/// An HTML document's bytes as they are made: markup added as strings, texts written into it
/// (`escaped`) without a string made for each.
struct HTMLBytes {
    private(set) var bytes: [UInt8] = []
    /// Where a text is written before it is escaped into `bytes`.
    private var text = TextBytes()

    static func += (h: inout HTMLBytes, markup: String) {
        markup.withUTF8InPlace { h.bytes.append(contentsOf: $0) }
    }

    /// The text `body` writes, escaped (`StatementHTML.escape`), with numbers kept with their
    /// units (`StatementHTML.keepUnits`) if asked: what `escape(keepUnits(text))` gives.
    mutating func escaped(keepingUnits: Bool = false, _ body: (inout TextBytes) -> Void) {
        text.bytes.removeAll(keepingCapacity: true)
        body(&text)
        let written = text.bytes
        written.withUnsafeBufferPointer { written in
            guard PlainText.scalars(written) != nil else {
                // Characters that may join: as the strings are escaped, character by character.
                let string = String(decoding: written, as: UTF8.self)
                self += StatementHTML.escape(keepingUnits ? StatementHTML.keepUnits(string) : string)
                return
            }
            if keepingUnits {
                StatementHTML.keepUnits(plain: written) { appendEscaped($0) }
            } else {
                appendEscaped(written)
            }
        }
    }

    /// Plain text's bytes escaped: each of `& < > "` one character (an ASCII byte) there.
    private mutating func appendEscaped(_ plain: UnsafeBufferPointer<UInt8>) {
        var from = 0
        for i in plain.indices {
            let entity: StaticString
            switch plain[i] {
            case UInt8(ascii: "&"): entity = "&amp;"
            case UInt8(ascii: "<"): entity = "&lt;"
            case UInt8(ascii: ">"): entity = "&gt;"
            case UInt8(ascii: "\""): entity = "&quot;"
            default: continue
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: plain[from..<i]))
            entity.withUTF8Buffer { bytes.append(contentsOf: $0) }
            from = i + 1
        }
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: plain[from...]))
    }
}

import LEQCore

/// A statement for the terminal or a plain-text mail: letterhead, sections with their lines,
/// totals per section and bearer, warnings, the VAT note. At most `width` columns: long line
/// texts wrap inside their column, the amounts stay aligned on the right.
public enum StatementText {
    public static let width = 100

    public static func render(_ statements: [Statement], language: Language = .de) -> [UInt8] {
        OrderedPieces.collect { render(statements, language: language, parallel: false, write: $0) }
    }

    /// The same bytes, handed to `write` statement by statement (see `OrderedPieces`): the
    /// statements laid out on all cores, none held longer than it takes to write it.
    public static func render(_ statements: [Statement], language: Language = .de, parallel: Bool = true,
                              write: (UnsafeBufferPointer<UInt8>) -> Void) {
        let labels = Labels(language)
        let between = "\n" + String(repeating: "=", count: 100) + "\n\n"
        // A statement is a piece: a section's columns are as wide as its widest cell.
        OrderedPieces.write(Array(statements.indices), parallel: parallel, ahead: 3, make: { (k: Int) -> ByteBuffer in
            var out = Lines()
            if k > 0 { out.bytes += between.utf8 }
            Self.write(statements[k], labels, into: &out)
            return ByteBuffer.pooled(out.bytes)
        }, write: write)
    }

    static func render(_ s: Statement, _ l: Labels) -> String {
        var out = Lines()
        write(s, l, into: &out)
        return String(decoding: out.bytes, as: UTF8.self)
    }

    /// The statement's text added to `out`, each line with a line break after it: written as
    /// bytes, no string made for a line of a table, none for the whole.
    static func write(_ s: Statement, _ l: Labels, into out: inout Lines) {
        let f = l.f
        out.append("\(l.statement.uppercased()) \(l.number) \(s.number)")
        out.append("\(l.month): \(f.month(s.month))   \(l.issued): \(f.date(s.issued))")
        out.append("")
        var head = TextTable([.left, .left])
        head.add([l.provider, l.recipient])
        let left = [s.provider.name] + s.provider.address
        let right = [s.youthOffice.name] + s.youthOffice.address
        for i in 0..<max(left.count, right.count) {
            head.add([i < left.count ? left[i] : "", i < right.count ? right[i] : ""])
        }
        head.write(into: &out.bytes, maxWidth: width, wrap: 1, minWrapWidth: 30)
        out.append("\(l.taxNumber): \(s.provider.taxNumber)   \(l.creditorNumber): \(s.provider.creditorNumber)   \(l.leitwegID): \(s.provider.leitwegID)")
        out += TextTable.wrapWords("\(l.agreement): \(s.agreementID) (\(l.agreementBasis))", width: width)

        if s.lines.isEmpty {
            out.append("")
            out.append(l.noLines)
        }
        // The lines read in place, section by section: a list of each section's lines was a copy
        // of every line (and a count of its references).
        let sections = s.sections()
        s.lines.withUnsafeBufferPointer { lines in
            for (section, places) in sections {
                out.append("")
                out.append(l.section(section))
                out.append(String(repeating: "-", count: l.section(section).count))
                var table = TextTable([.left, .left, .right, .right])
                table.add([l.text, l.period, l.quantity, l.amount])
                for (k, opensCase) in places {
                    if opensCase {
                        let service = s.service(lines[k].service)
                        table.addSpan { l.writeCaseHeading(lines[k], service: service, to: &$0) }
                    }
                    table.addRow { row in
                        row.write("  ")
                        l.writeText(lines[k], to: &row)
                        row.endCell()
                        row.period(lines[k].period, f)
                        row.endCell()
                        row.decimal(lines[k].quantity, f)
                        row.write(" ")
                        row.write(l.unit(lines[k].unit, lines[k].quantity))
                        row.endCell()
                        row.money(lines[k].amount, f)
                        row.endCell()
                    }
                    if let split = l.bearerSplit(lines[k], bearers: s.bearers) { table.addSpan("      " + split) }
                }
                table.add(["", "", "", ""])
                table.add([l.sum + " " + l.section(section), "", "", f.money(s.totals.section(section))])
                if section == .topUps && s.totals.withheld != .zero { table.add([l.withheld, "", "", f.money(s.totals.withheld)]) }
                table.write(into: &out.bytes, indent: "  ", maxWidth: width, wrap: 0)
            }
        }
        if !s.budgets.isEmpty {
            out.append("")
            out.append(l.budgetState)
            out.append(String(repeating: "-", count: l.budgetState.count))
            var table = TextTable([.left, .left, .right, .right, .right, .right])
            table.add([l.caseColumn, l.period, l.budgetAmount, l.budgetUsedBefore, l.budgetUsedNow, l.budgetLeft])
            for b in s.budgets {
                let mode = b.mode == .installments ? l.installments : l.drawdown
                let amount = b.overrunApproved == .zero ? f.money(b.amount) : "\(f.money(b.amount)) + \(f.money(b.overrunApproved))"
                table.add(["\(b.caseID) (\(mode))", f.period(b.period), amount, f.money(b.usedBefore), f.money(b.usedThisMonth), f.money(b.left)])
            }
            table.write(into: &out.bytes, indent: "  ", maxWidth: width, wrap: 2, minWrapWidth: 12)
        }
        out.append("")
        var totals = TextTable([.left, .right])
        totals.add([l.totalsByBearer, ""])
        for (i, b) in s.bearers.enumerated() { totals.add(["  " + b.name, f.money(s.totals.bearers[i])]) }
        totals.add([l.total, f.money(s.totals.all)])
        totals.write(into: &out.bytes)
        if !s.warnings.isEmpty {
            out.append("")
            out.append(l.warnings)
            for w in s.warnings { out += TextTable.wrapWords("  - \(l.caseColumn) \(w.caseID): \(l.warning(w))", width: width) }
        }
        out.append("")
        out += TextTable.wrapWords(l.vatNote, width: width)
    }

    /// Lines added to bytes, each with a line break after it.
    struct Lines {
        var bytes: [UInt8] = []

        mutating func append(_ line: String) {
            bytes.append(contentsOf: line.utf8)
            bytes.append(0x0A)
        }

        static func += (lines: inout Lines, more: [String]) {
            for line in more { lines.append(line) }
        }
    }
}

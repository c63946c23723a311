import LEQCore

/// The canonical form of statements (`"format": "leq-statements/1"`): every amount a decimal
/// string with two decimals, every date ISO, keys in a fixed order. Same input, same bytes.
public enum StatementJSON {
    public static let format = "leq-statements/1"

    public static func render(_ statements: [Statement], language: Language = .de, parallel: Bool = true) -> [UInt8] {
        var all: [UInt8] = []
        render(statements, language: language, parallel: parallel) { all += $0 }
        return all
    }

    /// The same bytes as `render`, handed to `emit` piece by piece as they are made (a statement's
    /// head, its lines a few thousand at a time, its totals), so that a month of a million lines
    /// goes to its file without ever being held whole. Pieces are made on all cores, a batch at a
    /// time, and handed over in order.
    public static func render(_ statements: [Statement], language: Language = .de, parallel: Bool = true,
                              emit: ([UInt8]) -> Void) {
        let labels = Labels(language)
        var w = JSONWriter()
        w.beginObject()
        w.field("format", format)
        w.beginArray("statements")
        emit(w.takeBytes())
        enum Piece {
            case head(Int)
            case lines(Int, Range<Int>)
            case tail(Int)
        }
        let linesPerPiece = 2_048
        var pieces: [Piece] = []
        for (k, s) in statements.enumerated() {
            pieces.append(.head(k))
            for start in stride(from: 0, to: s.lines.count, by: linesPerPiece) {
                pieces.append(.lines(k, start..<min(start + linesPerPiece, s.lines.count)))
            }
            pieces.append(.tail(k))
        }
        let manyLines = statements.reduce(0) { $0 + $1.lines.count } > linesPerPiece
        let batch = parallel && manyLines ? 16 : 1
        for start in stride(from: 0, to: pieces.count, by: batch) {
            let made = Array(pieces[start..<min(start + batch, pieces.count)]).parallelMap(parallel: batch > 1) { piece -> [UInt8] in
                switch piece {
                case let .head(k):
                    var part = JSONWriter(elementAt: 2, first: k == 0)
                    writeHead(statements[k], labels, &part)
                    return part.bytes
                case let .lines(k, range):
                    let s = statements[k]
                    // A line takes some 700 bytes (the largest ones twice that).
                    var part = JSONWriter(elementAt: 4, first: range.lowerBound == 0, capacity: range.count * 1_024)
                    for i in range { writeLine(s.lines[i], of: s, labels, &part) }
                    return part.bytes
                case let .tail(k):
                    var part = JSONWriter(open: [true, true, true, !statements[k].lines.isEmpty])
                    writeTail(statements[k], labels, &part)
                    return part.bytes
                }
            }
            for bytes in made where !bytes.isEmpty { emit(bytes) }
        }
        var end = JSONWriter(open: [true, !statements.isEmpty])
        end.endArray()
        end.endObject()
        emit(end.finish())
    }

    /// The statement up to its open `lines` array.
    static func writeHead(_ s: Statement, _ labels: Labels, _ w: inout JSONWriter) {
        w.beginObject()
        w.field("number", s.number)
        w.field("month", s.month.iso)
        w.field("issued", s.issued.iso)
        w.field("language", labels.language.rawValue)
        w.field("agreement", s.agreementID)
        w.beginObject("provider")
        w.field("id", s.provider.id)
        w.field("name", s.provider.name)
        w.beginArray("address")
        for a in s.provider.address { w.string(a) }
        w.endArray()
        w.field("taxNumber", s.provider.taxNumber)
        w.field("creditorNumber", s.provider.creditorNumber)
        w.field("leitwegId", s.provider.leitwegID)
        w.endObject()
        w.beginObject("youthOffice")
        w.field("name", s.youthOffice.name)
        w.beginArray("address")
        for a in s.youthOffice.address { w.string(a) }
        w.endArray()
        w.endObject()
        w.beginArray("bearers")
        for b in s.bearers {
            w.beginObject()
            w.field("id", b.id)
            w.field("name", b.name)
            if let line = b.budgetLine { w.field("budgetLine", line) }
            w.endObject()
        }
        w.endArray()
        w.beginArray("lines")
    }

    /// One line, an element of the `lines` array.
    static func writeLine(_ line: StatementLine, of s: Statement, _ labels: Labels, _ w: inout JSONWriter) {
        let service = s.service(line.service)
        w.beginObject()
        w.field("case", line.caseID)
        w.field("fileReference", line.fileReference)
        w.field("service", line.service)
        w.field("legalBasis", service?.legalBasis ?? "")
        w.field("kind", line.kind.rawValue)
        w.field("section", line.section.rawValue)
        if let c = line.category { w.field("category", c) }
        w.field("text", labels.text(line, service: service))
        w.field("from", line.period.from.iso)
        w.field("to", line.period.to.iso)
        w.field("quantity", line.quantity.text)
        w.field("unit", line.unit.rawValue)
        w.field("rate", line.rate)
        w.field("rateUnit", line.rateUnit.rawValue)
        if let b = line.basisDays { w.field("basisDays", b) }
        if let detail = line.details {
            if let p = detail.increase { w.field("increasePercent", p.text) }
            if let r = detail.weeklyRate { w.field("weeklyRate", r) }
            if let d = detail.clearingDays {
                w.field("clearingDayFirst", d.lowerBound)
                w.field("clearingDayLast", d.upperBound)
            }
            if let p = detail.percent { w.field("percent", p.text) }
            if let r = detail.fullRate { w.field("fullRate", r) }
            if let r = detail.monthlyRate { w.field("monthlyRate", r) }
            if let d = detail.divisor { w.field("divisor", d.text) }
            if detail.capped { w.key("capped"); w.bool(true) }
            if let m = detail.caseMonth { w.field("fromCaseMonth", m) }
            if let r = detail.reason { w.field("reason", r) }
            if let d = detail.absenceDays {
                w.field("absenceDayFirst", d.lowerBound)
                w.field("absenceDayLast", d.upperBound)
            }
            if let p = detail.budgetPeriod {
                w.field("budgetFrom", p.from.iso)
                w.field("budgetTo", p.to.iso)
            }
            if let c = detail.annualCost { w.field("annualCost", c) }
            if let p = detail.positionShare { w.field("positionShare", p.text) }
            if let r = detail.topUpReason { w.field("topUpReason", r.rawValue) }
            if let m = detail.forMonth { w.field("forMonth", m.iso) }
            if let a = detail.withheld { w.field("withheld", a) }
            if let n = detail.corrects { w.field("corrects", n) }
            if let k = detail.correctedKind { w.field("correctedKind", k.rawValue) }
            if let a = detail.previousAmount { w.field("previousAmount", a) }
            if let a = detail.attainment { w.field("attainment", Labels(.en).attainment(a)) }
            if let d = detail.reportDue { w.field("reportDue", d.iso) }
            if let d = detail.reportReceived { w.field("reportReceived", d.iso) }
            if let g = detail.goalArea { w.field("goalArea", g.rawValue) }
            if let c = detail.relatedCase { w.field("relatedCase", c) }
        }
        w.field("amount", line.amount)
        w.beginObject("bearers")
        for (i, b) in s.bearers.enumerated() { w.field(b.id, line.bearerParts[i]) }
        w.endObject()
        w.endObject()
    }

    /// From the end of the `lines` array to the end of the statement.
    static func writeTail(_ s: Statement, _ labels: Labels, _ w: inout JSONWriter) {
        w.endArray()
        w.beginObject("totals")
        w.field("all", s.totals.all)
        w.beginObject("bearers")
        for (i, b) in s.bearers.enumerated() { w.field(b.id, s.totals.bearers[i]) }
        w.endObject()
        w.beginObject("sections")
        for section in Section.allCases { w.field(section.rawValue, s.totals.section(section)) }
        w.endObject()
        if s.totals.withheld != .zero { w.field("withheld", s.totals.withheld) }
        w.endObject()
        w.beginArray("warnings")
        for warning in s.warnings {
            w.beginObject()
            w.field("case", warning.caseID)
            w.field("kind", warning.kind.rawValue)
            w.field("from", warning.period.from.iso)
            w.field("to", warning.period.to.iso)
            w.field("days", warning.days)
            if let h = warning.hours { w.field("hours", h.text) }
            if let a = warning.amount { w.field("amount", a) }
            w.field("text", labels.warning(warning))
            w.endObject()
        }
        w.endArray()
        w.beginArray("budgets")
        for b in s.budgets {
            w.beginObject()
            w.field("case", b.caseID)
            w.field("from", b.period.from.iso)
            w.field("to", b.period.to.iso)
            w.field("mode", b.mode.rawValue)
            w.field("amount", b.amount)
            if b.overrunApproved != .zero { w.field("overrunApproved", b.overrunApproved) }
            w.field("usedBefore", b.usedBefore)
            w.field("usedThisMonth", b.usedThisMonth)
            w.field("left", b.left)
            w.endObject()
        }
        w.endArray()
        w.field("vatNote", labels.vatNote)
        w.endObject()
    }
}

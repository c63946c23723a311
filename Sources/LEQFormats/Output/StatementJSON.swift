import LEQCore

/// The canonical form of statements (`"format": "leq-statements/1"`): every amount a decimal
/// string with two decimals, every date ISO, keys in a fixed order. Same input, same bytes.
public enum StatementJSON {
    public static let format = "leq-statements/1"

    public static func render(_ statements: [Statement], language: Language = .de, parallel: Bool = true) -> [UInt8] {
        OrderedPieces.collect { render(statements, language: language, parallel: parallel, write: $0) }
    }

    /// The same bytes as `render`, handed to `emit` piece by piece as they are made (see
    /// `render(_:language:parallel:write:)`), each piece as an array of its own.
    public static func render(_ statements: [Statement], language: Language = .de, parallel: Bool = true,
                              emit: ([UInt8]) -> Void) {
        render(statements, language: language, parallel: parallel, write: { emit(Array($0)) })
    }

    /// The same bytes as `render`, handed to `write` piece by piece as they are made (a statement's
    /// head, its lines a few thousand at a time, its totals), so that a month of a million lines
    /// goes to its file without ever being held whole. Pieces are made on all cores, a few ahead
    /// of the one handed over, and handed over in order while the next are made: `write` may be
    /// called on another thread, never on two at once, and sees each piece where it was made
    /// (valid for the call only; copying pieces into arrays was 2 % of a year's run).
    public static func render(_ statements: [Statement], language: Language = .de, parallel: Bool = true,
                              write: (UnsafeBufferPointer<UInt8>) -> Void) {
        let labels = Labels(language)
        var w = JSONWriter()
        w.beginObject()
        w.field("format", format)
        w.beginArray("statements")
        w.takeBuffer().withBytes(write)
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
        let overlapped = parallel && manyLines
        func make(_ piece: Piece) -> ByteBuffer {
            switch piece {
            case let .head(k):
                var part = JSONWriter(elementAt: 2, first: k == 0, into: BufferPool.shared.take(capacity: 1 << 14))
                writeHead(statements[k], labels, &part)
                return part.takeBuffer()
            case let .lines(k, range):
                let s = statements[k]
                // A line takes some 700 bytes (the largest ones twice that). Every piece is written
                // into the buffer of an earlier one where one is kept (see `BufferPool`).
                var part = JSONWriter(elementAt: 4, first: range.lowerBound == 0,
                                      into: BufferPool.shared.take(capacity: range.count * 1_024))
                let shared = LineContext(s)
                let texts = LineTextCache.take(language)
                // Each line read in place (`withPlacesForReading`): borrowed, it was copied for the call.
                s.lines.withPlacesForReading { lines in
                    for i in range { writeLine(&lines![i], labels, shared, texts, &part) }
                }
                LineTextCache.give(texts)
                return part.takeBuffer()
            case let .tail(k):
                var part = JSONWriter(open: [true, true, true, !statements[k].lines.isEmpty],
                                      into: BufferPool.shared.take(capacity: 1 << 14))
                writeTail(statements[k], labels, &part)
                return part.takeBuffer()
            }
        }
        OrderedPieces.write(pieces, parallel: overlapped, ahead: 16, make: make, write: write)
        var end = JSONWriter(open: [true, !statements.isEmpty])
        end.endArray()
        end.endObject()
        end.finish().withUnsafeBufferPointer(write)
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

    /// The keys of a line (an object five containers deep: document, statements, statement, lines, line), made once.
    /// A line reads them from its statement's `LineContext` (`shared.keys`): read as statics, each
    /// was a call to see whether it was made yet, fifteen a line.
    struct LineKey: Sendable {
        static let all = LineKey()
        let `case` = JSONWriter.Key("case", depth: 5)
        let fileReference = JSONWriter.Key("fileReference", depth: 5)
        let service = JSONWriter.Key("service", depth: 5)
        let kind = JSONWriter.Key("kind", depth: 5)
        let category = JSONWriter.Key("category", depth: 5)
        let text = JSONWriter.Key("text", depth: 5)
        let from = JSONWriter.Key("from", depth: 5)
        let to = JSONWriter.Key("to", depth: 5)
        let quantity = JSONWriter.Key("quantity", depth: 5)
        let rate = JSONWriter.Key("rate", depth: 5)
        let basisDays = JSONWriter.Key("basisDays", depth: 5)
        let increasePercent = JSONWriter.Key("increasePercent", depth: 5)
        let weeklyRate = JSONWriter.Key("weeklyRate", depth: 5)
        let clearingDayFirst = JSONWriter.Key("clearingDayFirst", depth: 5)
        let clearingDayLast = JSONWriter.Key("clearingDayLast", depth: 5)
        let percent = JSONWriter.Key("percent", depth: 5)
        let fullRate = JSONWriter.Key("fullRate", depth: 5)
        let monthlyRate = JSONWriter.Key("monthlyRate", depth: 5)
        let divisor = JSONWriter.Key("divisor", depth: 5)
        let capped = JSONWriter.Key("capped", depth: 5)
        let fromCaseMonth = JSONWriter.Key("fromCaseMonth", depth: 5)
        let reason = JSONWriter.Key("reason", depth: 5)
        let absenceDayFirst = JSONWriter.Key("absenceDayFirst", depth: 5)
        let absenceDayLast = JSONWriter.Key("absenceDayLast", depth: 5)
        let budgetFrom = JSONWriter.Key("budgetFrom", depth: 5)
        let budgetTo = JSONWriter.Key("budgetTo", depth: 5)
        let annualCost = JSONWriter.Key("annualCost", depth: 5)
        let positionShare = JSONWriter.Key("positionShare", depth: 5)
        let topUpReason = JSONWriter.Key("topUpReason", depth: 5)
        let forMonth = JSONWriter.Key("forMonth", depth: 5)
        let withheld = JSONWriter.Key("withheld", depth: 5)
        let corrects = JSONWriter.Key("corrects", depth: 5)
        let correctedKind = JSONWriter.Key("correctedKind", depth: 5)
        let previousAmount = JSONWriter.Key("previousAmount", depth: 5)
        let attainment = JSONWriter.Key("attainment", depth: 5)
        let reportDue = JSONWriter.Key("reportDue", depth: 5)
        let reportReceived = JSONWriter.Key("reportReceived", depth: 5)
        let goalArea = JSONWriter.Key("goalArea", depth: 5)
        let relatedCase = JSONWriter.Key("relatedCase", depth: 5)
        let amount = JSONWriter.Key("amount", depth: 5)
        let bearers = JSONWriter.Key("bearers", depth: 5)
    }

    /// The keys of a warning and of a budget's state that a line has not (objects as deep as a line), made once.
    enum EntryKey {
        static let days = JSONWriter.Key("days", depth: 5)
        static let hours = JSONWriter.Key("hours", depth: 5)
        static let mode = JSONWriter.Key("mode", depth: 5)
        static let overrunApproved = JSONWriter.Key("overrunApproved", depth: 5)
        static let usedBefore = JSONWriter.Key("usedBefore", depth: 5)
        static let usedThisMonth = JSONWriter.Key("usedThisMonth", depth: 5)
        static let left = JSONWriter.Key("left", depth: 5)
    }

    /// What the lines of one statement share, looked up once: the keys of their bearer parts (six
    /// deep), their services with their legal bases (looking up the service per line copied it, a
    /// retain per field) and the month's `from` and `to`.
    struct LineContext {
        let keys = LineKey.all
        let bearerKeys: [JSONWriter.Key]
        /// Per service of the statement, its `"service"` and `"legalBasis"` members, written whole.
        let services: [(service: String, members: JSONWriter.Key)]
        static let noLegalBasis = JSONWriter.Key.shared(members: [("legalBasis", "")], depth: 5)
        /// The statement's month, and its `"from"` and `"to"` members: the period of most lines
        /// (two dates spelt out per line were 5 % of writing it).
        let month: Period
        let wholeMonth: JSONWriter.Key

        init(_ s: Statement) {
            bearerKeys = s.bearers.map { JSONWriter.Key.shared($0.id, depth: 6) }
            services = s.services.map { ($0.id, JSONWriter.Key.shared(members: [("service", $0.id), ("legalBasis", $0.legalBasis)], depth: 5)) }
            month = s.month.period
            wholeMonth = JSONWriter.Key.shared(members: [("from", month.from.iso), ("to", month.to.iso)], depth: 5)
        }

        /// The line's `"service"` and `"legalBasis"` members; a service the statement does not
        /// list (never in a settled statement) with an empty legal basis.
        func writeService(_ service: String, _ w: inout JSONWriter) {
            for entry in services where entry.service == service {
                w.members(entry.members)
                return
            }
            w.field(keys.service, service)
            w.members(Self.noLegalBasis)
        }
    }

    /// The members of a line whose values are one of a few (its kind with its section, its
    /// units), each written whole from bytes made once: as strings, they were some 10 % of
    /// writing a line. Found by the case's place among its type's cases.
    enum LineMembers {
        private static let kinds = LineKind.allCases.map {
            JSONWriter.Key(members: [("kind", $0.rawValue), ("section", $0.section.rawValue)], depth: 5)
        }
        private static let units = QuantityUnit.allCases.map { JSONWriter.Key(members: [("unit", $0.rawValue)], depth: 5) }
        private static let rateUnits = RateUnit.allCases.map { JSONWriter.Key(members: [("rateUnit", $0.rawValue)], depth: 5) }

        static func kindAndSection(_ kind: LineKind) -> JSONWriter.Key { kinds[CasePlace.of(kind)] }
        static func unit(_ unit: QuantityUnit) -> JSONWriter.Key { units[CasePlace.of(unit)] }
        static func rateUnit(_ unit: RateUnit) -> JSONWriter.Key { rateUnits[CasePlace.of(unit)] }

        /// Whether every case of the types indexed by `CasePlace.of` here is stored as its place.
        static func ordinalsHold() -> Bool {
            CasePlace.holds(LineKind.self) && CasePlace.holds(QuantityUnit.self) && CasePlace.holds(RateUnit.self)
        }
    }

    /// One line, an element of the `lines` array.
    /// `line` is read in place, never changed (`inout`, see `withPlacesForReading`).
    static func writeLine(_ line: inout StatementLine, _ labels: Labels, _ shared: LineContext, _ texts: LineTextCache,
                          _ w: inout JSONWriter) {
        w.beginObject()
        w.field(shared.keys.`case`, line.caseID)
        w.field(shared.keys.fileReference, line.fileReference)
        shared.writeService(line.service, &w)
        w.members(LineMembers.kindAndSection(line.kind))
        if let c = line.category { w.field(shared.keys.category, c) }
        // The text goes into the document piece by piece, never made a string; or copied, where
        // a line this worker wrote before said the same (`LineTextCache`).
        w.key(shared.keys.text)
        var text = w.openString()
        texts.write(&line, labels, into: &text)
        w.closeString()
        if line.period == shared.month {
            w.members(shared.wholeMonth)
        } else {
            w.field(shared.keys.from, line.period.from)
            w.field(shared.keys.to, line.period.to)
        }
        w.field(shared.keys.quantity, line.quantity)
        w.members(LineMembers.unit(line.unit))
        w.field(shared.keys.rate, line.rate)
        w.members(LineMembers.rateUnit(line.rateUnit))
        if let b = line.basisDays { w.field(shared.keys.basisDays, b) }
        // The rare fields, the budget's period among them where it falls in their order.
        let box = line.details
        if let box {
            if let p = box.value.increase { w.field(shared.keys.increasePercent, p) }
            if let r = box.value.weeklyRate { w.field(shared.keys.weeklyRate, r) }
            if let d = box.value.clearingDays {
                w.field(shared.keys.clearingDayFirst, d.lowerBound)
                w.field(shared.keys.clearingDayLast, d.upperBound)
            }
            if let p = box.value.percent { w.field(shared.keys.percent, p) }
            if let r = box.value.fullRate { w.field(shared.keys.fullRate, r) }
            if let r = box.value.monthlyRate { w.field(shared.keys.monthlyRate, r) }
            if let d = box.value.divisor { w.field(shared.keys.divisor, d) }
            if box.value.capped { w.key(shared.keys.capped); w.bool(true) }
            if let m = box.value.caseMonth { w.field(shared.keys.fromCaseMonth, m) }
            if let r = box.value.reason { w.field(shared.keys.reason, r) }
            if let d = box.value.absenceDays {
                w.field(shared.keys.absenceDayFirst, d.lowerBound)
                w.field(shared.keys.absenceDayLast, d.upperBound)
            }
        }
        if let p = line.budgetPeriod {
            w.field(shared.keys.budgetFrom, p.from)
            w.field(shared.keys.budgetTo, p.to)
        }
        if let box {
            if let c = box.value.annualCost { w.field(shared.keys.annualCost, c) }
            if let p = box.value.positionShare { w.field(shared.keys.positionShare, p) }
            if let r = box.value.topUpReason { w.field(shared.keys.topUpReason, r.rawValue) }
            if let m = box.value.forMonth { w.field(shared.keys.forMonth, m.iso) }
            if let a = box.value.withheld { w.field(shared.keys.withheld, a) }
            if let n = box.value.corrects { w.field(shared.keys.corrects, n) }
            if let k = box.value.correctedKind { w.field(shared.keys.correctedKind, k.rawValue) }
            if let a = box.value.previousAmount { w.field(shared.keys.previousAmount, a) }
            if let a = box.value.attainment { w.field(shared.keys.attainment, Labels(.en).attainment(a)) }
            if let d = box.value.reportDue { w.field(shared.keys.reportDue, d) }
            if let d = box.value.reportReceived { w.field(shared.keys.reportReceived, d) }
            if let g = box.value.goalArea { w.field(shared.keys.goalArea, g.rawValue) }
            if let c = box.value.relatedCase { w.field(shared.keys.relatedCase, c) }
        }
        w.field(shared.keys.amount, line.amount)
        w.beginObject(shared.keys.bearers)
        for i in shared.bearerKeys.indices { w.field(shared.bearerKeys[i], line.bearerParts[i]) }
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
            w.field(LineKey.all.case, warning.caseID)
            w.field(LineKey.all.kind, warning.kind.rawValue)
            w.field(LineKey.all.from, warning.period.from)
            w.field(LineKey.all.to, warning.period.to)
            w.field(EntryKey.days, warning.days)
            if let h = warning.hours { w.field(EntryKey.hours, h.text) }
            if let a = warning.amount { w.field(LineKey.all.amount, a) }
            w.key(LineKey.all.text)
            var text = w.openString()
            labels.writeWarning(warning, to: &text)
            w.closeString()
            w.endObject()
        }
        w.endArray()
        // A budget's state, one per case with a budget: the most common entry after the lines.
        w.beginArray("budgets")
        for b in s.budgets {
            w.beginObject()
            w.field(LineKey.all.case, b.caseID)
            w.field(LineKey.all.from, b.period.from)
            w.field(LineKey.all.to, b.period.to)
            w.field(EntryKey.mode, b.mode.rawValue)
            w.field(LineKey.all.amount, b.amount)
            if b.overrunApproved != .zero { w.field(EntryKey.overrunApproved, b.overrunApproved) }
            w.field(EntryKey.usedBefore, b.usedBefore)
            w.field(EntryKey.usedThisMonth, b.usedThisMonth)
            w.field(EntryKey.left, b.left)
            w.endObject()
        }
        w.endArray()
        w.field("vatNote", labels.vatNote)
        w.endObject()
    }
}

/// What a finalised statement paid, per case and kind: its own lines and the corrections of it in
/// later finalised statements (SPEC § 15).
public struct FinalisedStatement: Sendable {
    public struct Paid: Sendable {
        public var caseID: String
        public var service: String
        public var fileReference: String
        public var kind: LineKind
        public var amount: Money

        public init(caseID: String, service: String, fileReference: String, kind: LineKind, amount: Money) {
            self.caseID = caseID
            self.service = service
            self.fileReference = fileReference
            self.kind = kind
            self.amount = amount
        }
    }

    public var number: String
    public var month: Month
    public var paid: [Paid]

    public init(number: String, month: Month, paid: [Paid]) {
        self.number = number
        self.month = month
        self.paid = paid
    }
}

extension Settlement {
    /// The open statement with correction lines added: for every finalised earlier month of its
    /// provider, each case and kind whose recomputed amount differs from what was paid so far gets
    /// one line of the difference, naming the statement it corrects. `recomputed` gives the month's
    /// statement settled again from the current input (nil: nothing to settle then).
    public static func correcting(_ open: Statement, agreement: Agreement, caseload: Caseload, finalised: [FinalisedStatement],
                                  recomputed: (Month) -> Statement?) -> Statement {
        let lines = finalised.sorted(by: { $0.month < $1.month }).filter { $0.month < open.month }.flatMap { f in
            corrections(of: f, recomputed: recomputed(f.month))
        }
        return correcting(open, agreement: agreement, caseload: caseload, corrections: lines)
    }

    /// The correction lines of one finalised statement (before their bearer split): each case and
    /// kind whose amount in `recomputed` (the month settled again; nil: nothing to settle then)
    /// differs from what was paid so far, by case, then kind. They depend on the finalised
    /// statement, what corrected it since and the input only, not on the open month: a run that
    /// settles several months works them out once per finalised statement (see `leq settle`).
    public static func corrections(of f: FinalisedStatement, recomputed: Statement?) -> [StatementLine] {
        let lines = recomputed?.lines ?? []
        // Per case (a slot, found by its id once per run of its lines: a statement lists a case's
        // lines together): its amounts by kind, paid and now, and its last line paid and settled
        // now (`CaseAmounts`).
        var t = CaseAmounts(capacity: max(f.paid.count, lines.count))
        var s = -1, current: String?
        for i in f.paid.indices {
            let id = f.paid[i].caseID
            if id != current { s = t.slot(id, after: s); current = id }
            t.amounts[t.entry(s, f.paid[i].kind)].was += f.paid[i].amount
            t.lastPaid[s] = Int32(i)
        }
        s = -1
        current = nil
        for j in lines.indices where lines[j].kind != .correction {
            let id = lines[j].caseID
            if id != current { s = t.slot(id, after: s); current = id }
            t.amounts[t.entry(s, lines[j].kind)].now += lines[j].amount
            t.lastNow[s] = Int32(j)
        }
        // The case and kinds whose amount changed (what was not paid or is not settled now counts
        // as zero), by case, then kind in the order of its cases. Only those are sorted: all of
        // them sorted, most to be passed over, were a fifth of a month settled with a store.
        var changed: [(slot: Int, entry: Int)] = []
        for s in t.ids.indices {
            var e = t.heads[s]
            while e >= 0 {
                if t.amounts[Int(e)].was != t.amounts[Int(e)].now { changed.append((s, Int(e))) }
                e = t.amounts[Int(e)].next
            }
        }
        changed.sort {
            (t.ids[$0.slot], CasePlace.of(t.amounts[$0.entry].kind)) < (t.ids[$1.slot], CasePlace.of(t.amounts[$1.entry].kind))
        }
        var out: [StatementLine] = []
        for (s, e) in changed {
            let before = t.amounts[e].was, after = t.amounts[e].now
            // Where the case is as settled now, or, settled no more, as last paid.
            let now = Int(t.lastNow[s]), paid = Int(t.lastPaid[s])
            let place = now >= 0 ? (service: lines[now].service, fileReference: lines[now].fileReference)
                : (service: f.paid[paid].service, fileReference: f.paid[paid].fileReference)
            var l = StatementLine(caseID: t.ids[s], fileReference: place.fileReference, service: place.service, kind: .correction,
                                  category: nil, period: f.month.period, quantity: ExactDecimal(1), unit: .once,
                                  rate: after - before, rateUnit: .once, amount: after - before, bearerParts: [])
            l.corrects = f.number
            l.correctedKind = t.amounts[e].kind
            l.previousAmount = before
            l.forMonth = f.month
            out.append(l)
        }
        return out
    }

    /// The open statement with `corrections` (from `corrections(of:recomputed:)`, in the order of
    /// the statements they correct) added, each split among the bearers under the open month's
    /// agreement as the lines it corrects are.
    public static func correcting(_ open: consuming Statement, agreement: Agreement, caseload: Caseload,
                                  corrections: [StatementLine]) -> Statement {
        var statement = open
        statement.append(correctionLines(corrections, month: statement.month, agreement: agreement, caseload: caseload))
        return statement
    }

    /// `corrections` (from `corrections(of:recomputed:)`) as lines of the open `month`: each split
    /// among the bearers under the open month's agreement as the lines it corrects are. For
    /// `Statement.append(_:)`, where the open statement is not at hand (`correcting`).
    public static func correctionLines(_ corrections: [StatementLine], month: Month, agreement: Agreement,
                                       caseload: Caseload) -> [StatementLine] {
        var builder = StatementBuilder(agreement: agreement, month: month)
        for l in corrections {
            // The case's flags, of the provider's case by that id (else the first by that id):
            // found for the few lines that correct something (a table of every case's flags, made
            // for each provider and month, cost more than the rest of the corrections together).
            let place = caseload.place(ofCaseID: l.caseID, provider: agreement.provider.id)
            builder.appendCorrection(l, flags: place.map { caseload.cases[$0].flags } ?? [])
        }
        return builder.lines
    }
}

extension Settlement {
    /// `provider`'s statement of a month settled again from the current input, for
    /// `correcting`: months asked for one after the other carry the provider's incentive year on
    /// (as a range does), where each settled alone worked it out again from January (December's
    /// corrections settled 66 months, not 11). Any other month is settled as a single run settles
    /// it; the statements are the same either way.
    public static func recomputing(agreements: [Agreement], caseload: Caseload, provider: String) -> (Month) -> Statement? {
        var carried: (month: Month, ledgers: [String: IncentiveLedger])?
        return { month in
            let run = Settlement.run(agreements: agreements, caseload: caseload, month: month, issued: month.lastDay.next,
                                     provider: provider, ledgers: carried.flatMap { $0.month.next == month ? $0.ledgers : nil })
            carried = (month, run.ledgers)
            return run.statements.first
        }
    }
}

extension StatementBuilder {
    /// A correction is split among the bearers as the lines it corrects are.
    mutating func appendCorrection(_ line: consuming StatementLine, flags: [String]) {
        let service = agreement.service(line.service)
            ?? Service(id: line.service, name: line.service, legalBasis: "", setting: .ambulant)
        line.bearerParts = agreement.split(line.amount, service: service, kind: line.correctedKind ?? line.kind, flags: flags)
        lines.append(consume line)
    }
}

/// What one finalised statement paid and the month settled again pays, per case (a slot) and
/// kind: each case's amounts by kind in a short list of its own within one array (tables keyed
/// by case and kind, and one of places, were three look-ups by id per line: 13 % of a million
/// cases' year with corrections).
private struct CaseAmounts {
    struct Amounts {
        var kind: LineKind
        var was = Money.zero
        var now = Money.zero
        var next: Int32
    }

    var ids: [String] = [], heads: [Int32] = [], lastPaid: [Int32] = [], lastNow: [Int32] = []
    var amounts: [Amounts] = []
    /// A statement lists its cases in order of their ids, and the month settled again lists them
    /// as they were paid: the next case is the next slot, or a new one after the last. The slots
    /// made while ids came in ascending order (`ids[..<ascending]`) are found again by halving;
    /// those made after, by a table of their own. Hashing every case's id twice was most of the
    /// comparison (a second of a million cases' year with corrections).
    private var ascending = 0
    private var others: [String: Int] = [:]

    init(capacity: Int) {
        amounts.reserveCapacity(capacity)
    }

    /// The slot of the case `id`, which follows the case in slot `previous` (-1: none); made if new.
    mutating func slot(_ id: String, after previous: Int) -> Int {
        if previous + 1 < ids.count && ids[previous + 1] == id { return previous + 1 }
        // Ids in strictly ascending order so far are all different: a larger one is new.
        if ascending == ids.count, ids.last.map({ $0 < id }) ?? true {
            ascending += 1
            return newSlot(id)
        }
        var low = 0, high = ascending
        while low < high {
            let middle = (low + high) / 2
            if ids[middle] < id { low = middle + 1 } else { high = middle }
        }
        if low < ascending && ids[low] == id { return low }
        if let s = others[id] { return s }
        others[id] = ids.count
        return newSlot(id)
    }

    private mutating func newSlot(_ id: String) -> Int {
        ids.append(id)
        heads.append(-1)
        lastPaid.append(-1)
        lastNow.append(-1)
        return ids.count - 1
    }

    /// The place in `amounts` of the amounts of slot `s` of `kind`, made if new.
    mutating func entry(_ s: Int, _ kind: LineKind) -> Int {
        var e = heads[s]
        while e >= 0 {
            if amounts[Int(e)].kind == kind { return Int(e) }
            e = amounts[Int(e)].next
        }
        amounts.append(Amounts(kind: kind, next: heads[s]))
        heads[s] = Int32(amounts.count - 1)
        return amounts.count - 1
    }
}

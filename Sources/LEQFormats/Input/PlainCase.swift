import LEQCore
#if canImport(Glibc)
import Glibc
#endif

/// A case read straight from its bytes, without a tree, when it is written plainly: most cases of
/// a large file are (`id` … `start`, `end`, `categories`, `clearing`, `absences`, `hours`,
/// `budgets`, `evaluations`, `reports`, `flags`), and building each one's tree, looking its
/// fields up in it and freeing it was most of the time reading a file took.
///
/// Nil at anything it does not read or that might be wrong: another field (top-ups, a
/// questionnaire, a reimbursement), `null`, a number where a string is read, an escape or a byte
/// beyond ASCII in a string, a key given twice, a value that does not convert, or any condition
/// the general reading reports (a day outside the case, overlapping periods, …). The case is then
/// read the general way (`CaseFile.decodeCase`), which reports what is wrong: so the messages are
/// the same either way. A case read here is the case read there: values are converted by the same
/// functions (`CivilDate(iso:)`, `Money(decimal:)`, …), and the tests read every sample and
/// thousands of generated and changed cases both ways. The checks below restate those of the
/// general reading on purpose: they must give up wherever it reports, and may give up more often.
struct PlainCase {
    private let b: UnsafeBufferPointer<UInt8>
    private var i: Int
    private let end: Int
    private let strings: SmallStrings

    private init(_ b: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, _ strings: SmallStrings) {
        self.b = b
        i = range.lowerBound
        end = range.upperBound
        self.strings = strings
    }

    /// The case whose JSON object is at `range`, or nil (see above).
    static func read(_ bytes: UnsafeBufferPointer<UInt8>, range: Range<Int>, strings: SmallStrings) -> Case? {
        var r = PlainCase(bytes, range, strings)
        guard let c = r.readCase() else { return nil }
        r.skipSpace()
        return r.i == r.end ? c : nil
    }

    // MARK: The case

    private static let caseKeys = keys("id", "person", "provider", "service", "socialSpace", "fileReference", "start",
                                       "plannedEnd", "end", "endReason", "categories", "flags", "clearing", "absences",
                                       "hours", "budgets", "evaluations", "reports")

    private mutating func readCase() -> Case? {
        var id, person, provider, service: String?
        var socialSpace = "", fileReference = ""
        var start, plannedEnd, end: CivilDate?
        var endReason: EndReason?
        var flags: [String] = []
        var clearing: Clearing?
        var categories: [CategoryPeriod] = []
        var absences: [(from: CivilDate, to: CivilDate?, reason: String)] = []
        var approvals: [(from: CivilDate, to: CivilDate, quarterHours: Int)] = []
        var delivered: [(month: Month, quarterHours: Int)] = []
        var budgets: [(from: CivilDate, to: CivilDate, amount: Money, mode: BudgetMode?, overrun: Money)] = []
        var evaluations: [GoalEvaluation] = []
        var reports: [CaseReport] = []
        let read = members(Self.caseKeys) { r, key in
            switch key {
            case 0: id = r.text(); return id != nil
            case 1: person = r.text(); return person != nil
            case 2: provider = r.text(); return provider != nil
            case 3: service = r.text(); return service != nil
            case 4: guard let s = r.text() else { return false }; socialSpace = s; return true
            case 5: guard let s = r.text() else { return false }; fileReference = s; return true
            case 6: start = r.date(); return start != nil
            case 7: plannedEnd = r.date(); return plannedEnd != nil
            case 8: end = r.date(); return end != nil
            case 9: endReason = r.text().flatMap(EndReason.init(rawValue:)); return endReason != nil
            case 10: return r.categories(&categories)
            case 11: return r.elements { r in
                    guard let s = r.string(allowBlank: true) else { return false }
                    flags.append(s)
                    return true
                }
            case 12: clearing = r.clearing(); return clearing != nil
            case 13: return r.elements { r in
                    guard let a = r.absence() else { return false }
                    absences.append(a)
                    return true
                }
            case 14: return r.hours(&approvals, &delivered)
            case 15: return r.elements { r in
                    guard let budget = r.budget() else { return false }
                    budgets.append(budget)
                    return true
                }
            case 16: return r.elements { r in
                    guard let evaluation = r.evaluation() else { return false }
                    evaluations.append(evaluation)
                    return true
                }
            default: return r.elements { r in
                    guard let report = r.report() else { return false }
                    reports.append(report)
                    return true
                }
            }
        }
        // What the general reading checks of the case itself (the agreement's checks follow
        // either way): anything it would report, given up on.
        guard read, let id, let person, let provider, let service, let start,
              end.map({ $0 >= start }) ?? true, plannedEnd.map({ $0 >= start }) ?? true, (end == nil) == (endReason == nil)
        else { return nil }
        if let clearing {
            if let to = clearing.to {
                guard to >= clearing.from, end.map({ to <= $0 }) ?? true else { return nil }
            }
            guard clearing.from >= start else { return nil }
        }
        for (k, period) in categories.enumerated() {
            guard k == 0 || period.from > categories[k - 1].from, period.from >= start, end.map({ period.from <= $0 }) ?? true,
                  clearing.map({ $0.to.map { to in period.from > to } ?? false }) ?? true
            else { return nil }
        }
        let caseDays = Period(start, end ?? CivilDate(year: 9999, month: 12, day: 31)!)
        for (k, a) in absences.enumerated() {
            guard a.to.map({ $0 >= a.from && caseDays.contains($0) }) ?? true, caseDays.contains(a.from) else { return nil }
            if k > 0 {
                guard let lastTo = absences[k - 1].to, a.from > lastTo else { return nil }
            }
        }
        for (k, a) in approvals.enumerated() {
            guard a.to >= a.from, !approvals[..<k].contains(where: { $0.to >= a.from && $0.from <= a.to }) else { return nil }
        }
        for (k, d) in delivered.enumerated() {
            let period = d.month.period
            guard !delivered[..<k].contains(where: { $0.month == d.month }), caseDays.intersection(period) != nil,
                  approvals.contains(where: { $0.to >= period.from && $0.from <= period.to })
            else { return nil }
        }
        for (k, budget) in budgets.enumerated() {
            guard budget.to >= budget.from, caseDays.contains(budget.from), caseDays.contains(budget.to),
                  !budgets[..<k].contains(where: { $0.to >= budget.from && $0.from <= budget.to })
            else { return nil }
        }
        for (k, e) in evaluations.enumerated() {
            guard caseDays.contains(e.date), !evaluations[..<k].contains(where: { $0.date == e.date }) else { return nil }
        }
        let hours = Hours(approvals: approvals.map { HourApproval(period: Period($0.from, $0.to), quarterHours: $0.quarterHours) },
                          delivered: delivered.map { DeliveredHours(month: $0.month, quarterHours: $0.quarterHours) })
        return Case(id: id, person: person, provider: provider, service: service, socialSpace: socialSpace,
                    fileReference: fileReference, start: start, plannedEnd: plannedEnd, end: end, endReason: endReason,
                    clearing: clearing, categories: categories, flags: flags,
                    absences: absences.map { Absence(from: $0.from, to: $0.to, reason: $0.reason) }, hours: hours,
                    budgets: budgets.map {
                        CaseBudget(period: Period($0.from, $0.to), amount: $0.amount, mode: $0.mode, overrunApproved: $0.overrun)
                    },
                    evaluations: evaluations, reports: reports)
    }

    // MARK: Its records

    private static let clearingKeys = keys("from", "to", "extensionApproved", "category")

    private mutating func clearing() -> Clearing? {
        var from, to: CivilDate?
        var approved = false
        var category: String?
        guard members(Self.clearingKeys, { r, key in
            switch key {
            case 0: from = r.date(); return from != nil
            case 1: to = r.date(); return to != nil
            case 2: guard let b = r.bool() else { return false }; approved = b; return true
            default: category = r.text(); return category != nil
            }
        }), let from else { return nil }
        return Clearing(from: from, to: to, extensionApproved: approved, category: category)
    }

    private static let categoryKeys = keys("category", "from")

    private mutating func categories(_ out: inout [CategoryPeriod]) -> Bool {
        elements { r in
            var category: String?, from: CivilDate?
            guard r.members(Self.categoryKeys, { r, key in
                if key == 0 { category = r.text(); return category != nil }
                from = r.date()
                return from != nil
            }), let category, let from else { return false }
            out.append(CategoryPeriod(category: category, from: from))
            return true
        }
    }

    private static let absenceKeys = keys("from", "to", "reason")

    private mutating func absence() -> (from: CivilDate, to: CivilDate?, reason: String)? {
        var from, to: CivilDate?, reason: String?
        guard members(Self.absenceKeys, { r, key in
            switch key {
            case 0: from = r.date(); return from != nil
            case 1: to = r.date(); return to != nil
            default: reason = r.text(); return reason != nil
            }
        }), let from, let reason else { return nil }
        return (from, to, reason)
    }

    private static let hoursKeys = keys("approvals", "delivered")
    private static let approvalKeys = keys("from", "to", "hours")
    private static let deliveredKeys = keys("month", "hours")

    private mutating func hours(_ approvals: inout [(from: CivilDate, to: CivilDate, quarterHours: Int)],
                                _ delivered: inout [(month: Month, quarterHours: Int)]) -> Bool {
        members(Self.hoursKeys) { r, key in
            if key == 0 {
                return r.elements { r in
                    var from, to: CivilDate?, q: Int?
                    guard r.members(Self.approvalKeys, { r, key in
                        switch key {
                        case 0: from = r.date(); return from != nil
                        case 1: to = r.date(); return to != nil
                        default: q = r.quarterHours(); return q != nil
                        }
                    }), let from, let to, let q else { return false }
                    approvals.append((from, to, q))
                    return true
                }
            }
            return r.elements { r in
                var month: Month?, q: Int?
                guard r.members(Self.deliveredKeys, { r, key in
                    if key == 0 { month = r.text().flatMap { Month(iso: $0) }; return month != nil }
                    q = r.quarterHours()
                    return q.map { $0 <= CaseFile.mostQuartersInAMonth } ?? false
                }), let month, let q else { return false }
                delivered.append((month, q))
                return true
            }
        }
    }

    private static let budgetKeys = keys("from", "to", "amount", "mode", "overrunApproved")

    private mutating func budget() -> (from: CivilDate, to: CivilDate, amount: Money, mode: BudgetMode?, overrun: Money)? {
        var from, to: CivilDate?, amount: Money?, mode: BudgetMode?
        var overrun = Money.zero
        guard members(Self.budgetKeys, { r, key in
            switch key {
            case 0: from = r.date(); return from != nil
            case 1: to = r.date(); return to != nil
            case 2: amount = r.amount(); return amount != nil
            case 3: mode = r.text().flatMap(BudgetMode.init(rawValue:)); return mode != nil
            default: guard let m = r.amount() else { return false }; overrun = m; return true
            }
        }), let from, let to, let amount else { return nil }
        return (from, to, amount, mode, overrun)
    }

    private static let evaluationKeys = keys("date", "ratings", "weights")
    /// The goal areas' names in `GoalArea` order (the tests hold them to it).
    static let goalAreaKeys = keys("school", "relationships", "socialBehaviour", "leisure", "therapy", "other")

    /// `{date, ratings: {area: 0–100}, weights?: {area: w}}`: the rated areas in `GoalArea` order,
    /// each weighted 1 unless a weight is given for it; none for an area not rated (the rules of
    /// ratings and weights are `CaseFile`'s).
    private mutating func evaluation() -> GoalEvaluation? {
        var date: CivilDate?
        var ratings: [ExactDecimal?] = [nil, nil, nil, nil, nil, nil], weights = ratings
        var rated = false
        guard members(Self.evaluationKeys, { r, key in
            switch key {
            case 0: date = r.date(); return date != nil
            case 1:
                rated = true
                return r.members(Self.goalAreaKeys) { r, area in ratings[area] = r.decimal(); return ratings[area] != nil }
            default: return r.members(Self.goalAreaKeys) { r, area in weights[area] = r.decimal(); return weights[area] != nil }
            }
        }), let date, rated else { return nil }
        var out: [(area: GoalArea, rating: ExactDecimal, weight: ExactDecimal)] = []
        for (area, goal) in GoalArea.allCases.enumerated() {
            guard let rating = ratings[area] else {
                if weights[area] != nil { return nil }
                continue
            }
            let weight = weights[area] ?? ExactDecimal(units: 1, scale: 0)
            guard CaseFile.isRating(rating), CaseFile.isWeight(weight) else { return nil }
            out.append((goal, rating, weight))
        }
        return out.isEmpty ? nil : GoalEvaluation(date: date, ratings: out)
    }

    private static let reportKeys = keys("due", "received")

    private mutating func report() -> CaseReport? {
        var due, received: CivilDate?
        guard members(Self.reportKeys, { r, key in
            if key == 0 { due = r.date(); return due != nil }
            received = r.date()
            return received != nil
        }), let due else { return nil }
        return CaseReport(due: due, received: received)
    }

    // MARK: Values

    /// A string of visible ASCII (and spaces) without escapes; with `allowBlank` false, none that
    /// is empty or starts with a space (the general reading refuses blank ones).
    private mutating func string(allowBlank: Bool) -> String? {
        guard i < end, b[i] == UInt8(ascii: "\""), let k = closingQuote(from: i + 1) else { return nil }
        let start = i + 1
        guard allowBlank || (k > start && b[start] != 0x20) else { return nil }
        i = k + 1
        return strings.string(b.baseAddress! + start, count: k - start, wide: start + 16 <= b.count)
    }

    /// The place of the quote that ends a plain string whose bytes start at `start`; nil at an
    /// escape, a control character or a byte beyond ASCII first (or none before the end). Eight
    /// bytes are looked at at once where eight can be read: the lowest one flagged in each word
    /// is the first of the bytes that matter (a flag above it may be false, never one below).
    @inline(__always)
    private func closingQuote(from start: Int) -> Int? {
        var k = start
        let raw = UnsafeRawPointer(b.baseAddress!)
        while k + 8 <= b.count && k < end {
            let w = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: k, as: UInt64.self))
            // What a string must escape, and bytes beyond ASCII (their top bit set).
            let flags = JSONWord.mustEscape(w) | w & JSONWord.highs
            if flags != 0 {
                let at = k + flags.trailingZeroBitCount / 8
                return at < end && b[at] == UInt8(ascii: "\"") ? at : nil
            }
            k += 8
        }
        while k < end {
            let c = b[k]
            if c == UInt8(ascii: "\"") { return k }
            guard c >= 0x20, c < 0x80, c != UInt8(ascii: "\\") else { return nil }
            k += 1
        }
        return nil
    }

    /// A string the general reading takes as it is (not blank).
    private mutating func text() -> String? { string(allowBlank: false) }

    private mutating func date() -> CivilDate? { text().flatMap { CivilDate(iso: $0) } }

    /// An amount of zero or more as a string with at most two decimals, not above what LEQ takes.
    private mutating func amount() -> Money? {
        guard let m = text().flatMap({ Money(decimal: $0) }), !m.isNegative, m <= Money.largestInput else { return nil }
        return m
    }

    /// A decimal number as a string (a JSON number: read the general way).
    private mutating func decimal() -> ExactDecimal? { text().flatMap { ExactDecimal($0) } }

    /// Hours as a string, not negative, in quarter hours (a JSON number: read the general way).
    private mutating func quarterHours() -> Int? {
        guard let h = decimal(), h.units >= 0, case let .whole(q) = CaseFile.quarters(of: h) else { return nil }
        return q
    }

    private mutating func bool() -> Bool? {
        if literal("true") { return true }
        if literal("false") { return false }
        return nil
    }

    private mutating func literal(_ word: StaticString) -> Bool {
        let n = word.utf8CodeUnitCount
        guard end - i >= n, (0..<n).allSatisfy({ b[i + $0] == word.utf8Start[$0] }) else { return false }
        i += n
        return true
    }

    // MARK: Structure

    /// Keys, in the order their members are told apart by (at most 64).
    private static func keys(_ names: StaticString...) -> [StaticString] { names }

    private mutating func skipSpace() {
        while i < end, b[i] == 0x20 || b[i] == 0x0A || b[i] == 0x0D || b[i] == 0x09 { i += 1 }
    }

    private mutating func take(_ byte: UInt8) -> Bool {
        guard i < end, b[i] == byte else { return false }
        i += 1
        return true
    }

    /// An object whose members all have keys among `keys`, each once, handed to `member` by
    /// the key's place in `keys`; false at anything else or when `member` gives up.
    private mutating func members(_ keys: [StaticString], _ member: (inout PlainCase, Int) -> Bool) -> Bool {
        skipSpace()
        guard take(UInt8(ascii: "{")) else { return false }
        skipSpace()
        if take(UInt8(ascii: "}")) { return true }
        var seen: UInt64 = 0
        while true {
            guard let k = key(keys), seen & (1 << UInt64(k)) == 0 else { return false }
            seen |= 1 << UInt64(k)
            skipSpace()
            guard take(UInt8(ascii: ":")) else { return false }
            skipSpace()
            guard member(&self, k) else { return false }
            skipSpace()
            if take(UInt8(ascii: ",")) {
                skipSpace()
                continue
            }
            return take(UInt8(ascii: "}"))
        }
    }

    /// A key at `i`: its place among `keys`; nil if it is none of them (or not a plain key).
    private mutating func key(_ keys: [StaticString]) -> Int? {
        guard i < end, b[i] == UInt8(ascii: "\""), let k = closingQuote(from: i + 1) else { return nil }
        let start = i + 1
        let length = k - start
        i = k + 1
        let bytes = b.baseAddress! + start
        for n in keys.indices where keys[n].utf8CodeUnitCount == length && memcmp(keys[n].utf8Start, bytes, length) == 0 {
            return n
        }
        return nil
    }

    /// An array, each element handed to `element`; false at anything else or when it gives up.
    private mutating func elements(_ element: (inout PlainCase) -> Bool) -> Bool {
        skipSpace()
        guard take(UInt8(ascii: "[")) else { return false }
        skipSpace()
        if take(UInt8(ascii: "]")) { return true }
        while true {
            skipSpace()
            guard element(&self) else { return false }
            skipSpace()
            if take(UInt8(ascii: ",")) { continue }
            return take(UInt8(ascii: "]"))
        }
    }
}

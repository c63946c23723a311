/// Days a young person is away while the place is kept (Abwesenheit): hospital, holiday with the
/// family, running away, …
public struct Absence: Hashable, Sendable {
    public var from: CivilDate
    /// The day of return; nil while the absence lasts (counted through the month settled).
    public var to: CivilDate?
    /// Names the agreement's absence rule, e.g. `hospital`.
    public var reason: String

    public init(from: CivilDate, to: CivilDate?, reason: String) {
        self.from = from
        self.to = to
        self.reason = reason
    }
}

/// Specialist hours (Fachleistungsstunden): what was approved for which period, and what was
/// delivered month by month.
public struct Hours: Hashable, Sendable {
    /// In order of their first day; set only here, so that settling can walk them in order.
    public private(set) var approvals: [HourApproval]
    /// In month order, each with the quarter hours of it the approvals pay; set only here, as above.
    public private(set) var delivered: [DeliveredHours]

    public init(approvals: [HourApproval] = [], delivered: [DeliveredHours] = []) {
        self.approvals = approvals.sorted { $0.period.from < $1.period.from }
        self.delivered = delivered.sorted { $0.monthNumber < $1.monthNumber }
        Self.allocate(self.approvals, to: &self.delivered)
    }

    public var isEmpty: Bool { approvals.isEmpty && delivered.isEmpty }

    /// Sets what the approvals pay of each month's hours (SPEC § 8): the approvals are used up by
    /// the delivered months in order, each month drawing on the approvals covering it, in their
    /// order. Worked out once, when the hours are given: a month's share depends on every month
    /// before it, and walking them all again for each month settled was a tenth of settling a
    /// case with hours. Both lists are in order: an approval that ended before a month covers no
    /// later month either, and one that starts after it no earlier one, so each month looks only
    /// at the approvals around it.
    private static func allocate(_ approvals: [HourApproval], to delivered: inout [DeliveredHours]) {
        guard !delivered.isEmpty else { return }
        withUnsafeTemporaryAllocation(of: Int.self, capacity: approvals.count) { remaining in
            for j in approvals.indices { remaining[j] = approvals[j].quarterHours }
            // The first approval that may cover the month walked, and later ones.
            var open = 0
            for k in delivered.indices {
                var left = delivered[k].quarterHours, paid = 0
                let month = delivered[k].month
                let first = month.firstDay, last = month.lastDay
                while open < approvals.count && approvals[open].period.to < first { open += 1 }
                var j = open
                while j < approvals.count && approvals[j].period.from <= last && left > 0 {
                    if approvals[j].period.to >= first && remaining[j] > 0 {
                        let take = min(left, remaining[j])
                        remaining[j] -= take
                        left -= take
                        paid += take
                    }
                    j += 1
                }
                delivered[k].paid = Int32(paid)
            }
        }
    }

    /// The quarter hours delivered in `month` (its first record) and those of them paid (of the
    /// last record up to it); nil when none are recorded for it. Found by halving the list.
    func quarterHours(in month: Month) -> (delivered: Int, paid: Int)? {
        let n = DeliveredHours.number(month)
        // The first record of the month or after it.
        var low = 0, high = delivered.count
        while low < high {
            let mid = (low + high) / 2
            if delivered[mid].monthNumber < n { low = mid + 1 } else { high = mid }
        }
        guard low < delivered.count, delivered[low].monthNumber == n else { return nil }
        var last = low
        while last + 1 < delivered.count && delivered[last + 1].monthNumber == n { last += 1 }
        return (delivered[low].quarterHours, Int(delivered[last].paid))
    }
}

/// Hours approved for a period, to be used flexibly within it; counted in quarter hours.
public struct HourApproval: Hashable, Sendable {
    public var period: Period
    public var quarterHours: Int

    public init(period: Period, quarterHours: Int) {
        self.period = period
        self.quarterHours = quarterHours
    }
}

/// Hours delivered in a month, in quarter hours.
///
/// Twelve bytes: the month as a number and the counts as 32-bit integers (a case with hours has a
/// record for every month since it began; as a `Month` and an `Int`, each took 32 bytes).
public struct DeliveredHours: Hashable, Sendable {
    /// The month as year × 12 + month − 1: ordered as the months are.
    private(set) var monthNumber: Int32
    private var quarters: Int32
    /// Of the hours, the quarter hours the approvals pay, set by `Hours` (0 elsewhere). Worked out
    /// from the hours, so not part of what makes two records equal.
    var paid: Int32 = 0

    public init(month: Month, quarterHours: Int) {
        monthNumber = Self.number(month)
        quarters = Self.quarters(quarterHours)
    }

    public var month: Month {
        get { Month(year: Int(monthNumber) / 12, month: Int(monthNumber) % 12 + 1)! }
        set { monthNumber = Self.number(newValue) }
    }

    public var quarterHours: Int {
        get { Int(quarters) }
        set { quarters = Self.quarters(newValue) }
    }

    static func number(_ month: Month) -> Int32 { Int32(month.year * 12 + month.month - 1) }

    /// A case file gives at most 744 hours a month; a count beyond 32 bits is a caller's error.
    private static func quarters(_ n: Int) -> Int32 {
        guard let q = Int32(exactly: n) else { preconditionFailure("\(n) quarter hours do not fit in a month's record") }
        return q
    }

    public static func == (a: DeliveredHours, b: DeliveredHours) -> Bool {
        a.monthNumber == b.monthNumber && a.quarters == b.quarters
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(monthNumber)
        hasher.combine(quarters)
    }
}

/// An individual case budget (individuelles Fallbudget) for a period.
public struct CaseBudget: Hashable, Sendable {
    public var period: Period
    public var amount: Money
    /// nil: the agreement's mode.
    public var mode: BudgetMode?
    /// Drawdown only: how far the budget may be passed before lines are cut.
    public var overrunApproved: Money

    public init(period: Period, amount: Money, mode: BudgetMode? = nil, overrunApproved: Money = .zero) {
        self.period = period
        self.amount = amount
        self.mode = mode
        self.overrunApproved = overrunApproved
    }
}

extension ExactDecimal {
    /// Quarter hours as hours, e.g. 57 → 14.25.
    public init(quarterHours q: Int) {
        if q % 4 == 0 { self.init(units: Int64(q / 4), scale: 0) } else if q % 2 == 0 { self.init(units: Int64(q * 5 / 2), scale: 1) } else {
            self.init(units: Int64(q * 25), scale: 2)
        }
    }
}

/// The goal areas a goal evaluation rates (SPEC § 12).
public enum GoalArea: String, Hashable, Sendable, CaseIterable {
    case school
    case relationships
    case socialBehaviour
    case leisure
    case therapy
    case other
}

/// A goal evaluation (Zielerreichungsbewertung) by all parties: each agreed goal area rated 0–100,
/// optionally weighted.
public struct GoalEvaluation: Hashable, Sendable {
    public var date: CivilDate
    /// The rated areas, in `GoalArea` order.
    public var ratings: [(area: GoalArea, rating: ExactDecimal, weight: ExactDecimal)]

    public init(date: CivilDate, ratings: [(area: GoalArea, rating: ExactDecimal, weight: ExactDecimal)]) {
        self.date = date
        self.ratings = ratings.sorted { GoalArea.allCases.firstIndex(of: $0.area)! < GoalArea.allCases.firstIndex(of: $1.area)! }
    }

    /// The (weighted) mean of the ratings, exact.
    ///
    /// Summed in whole units over one power of ten and reduced once: summed as fractions, each
    /// step reduced its sum by a greatest common divisor (some 1,400 instructions an evaluation).
    public var attainment: Fraction {
        // Σ rating × weight over 10^(the largest scale of a product); Σ weight over 10^(the
        // largest weight scale). Their quotient is the mean, exactly.
        var productScale = 0, weightScale = 0
        for r in ratings {
            productScale = max(productScale, r.rating.scale + r.weight.scale)
            weightScale = max(weightScale, r.weight.scale)
        }
        var sum: Int128 = 0, weights: Int128 = 0
        for r in ratings {
            sum += Int128(r.rating.units) * Int128(r.weight.units) * Self.power(productScale - r.rating.scale - r.weight.scale)
            weights += Int128(r.weight.units) * Self.power(weightScale - r.weight.scale)
        }
        guard weights != 0 else { return Fraction(0, 1) }
        return Fraction(exactly: sum * Self.power(weightScale), over: weights * Self.power(productScale))
    }

    private static func power(_ n: Int) -> Int128 {
        var p: Int128 = 1
        for _ in 0..<n { p *= 10 }
        return p
    }

    public static func == (a: GoalEvaluation, b: GoalEvaluation) -> Bool {
        a.date == b.date && a.ratings.map(\.area) == b.ratings.map(\.area) && a.ratings.map(\.rating) == b.ratings.map(\.rating)
            && a.ratings.map(\.weight) == b.ratings.map(\.weight)
    }

    public func hash(into h: inout Hasher) {
        h.combine(date)
        for r in ratings { h.combine(r.area); h.combine(r.rating) }
    }
}

/// A report the provider owes (Entwicklungsbericht): its due date and when it was received.
public struct CaseReport: Hashable, Sendable {
    public var due: CivilDate
    /// nil while it has not been received.
    public var received: CivilDate?

    public init(due: CivilDate, received: CivilDate? = nil) {
        self.due = due
        self.received = received
    }
}

/// The duty of another youth office to reimburse a case's costs (Kostenerstattung, §§ 89 ff. SGB
/// VIII), e.g. after the family moved (§ 89a: foster care) or for a case without a usual residence
/// (§ 89). The claim is made per case and office (`leq claim --reimbursement`).
public struct Reimbursement: Hashable, Sendable {
    /// The office that reimburses, by name as it goes on the claim.
    public var office: String
    /// E.g. "§ 89a SGB VIII".
    public var legalBasis: String
    /// The duty's period; nil: from the case's start, while it lasts.
    public var from: CivilDate?
    public var to: CivilDate?
    /// The other office's file reference, if it gave one.
    public var reference: String?

    public init(office: String, legalBasis: String, from: CivilDate? = nil, to: CivilDate? = nil, reference: String? = nil) {
        self.office = office
        self.legalBasis = legalBasis
        self.from = from
        self.to = to
        self.reference = reference
    }
}

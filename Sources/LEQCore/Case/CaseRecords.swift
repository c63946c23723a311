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
    /// In month order; set only here, as above.
    public private(set) var delivered: [DeliveredHours]

    public init(approvals: [HourApproval] = [], delivered: [DeliveredHours] = []) {
        self.approvals = approvals.sorted { $0.period.from < $1.period.from }
        self.delivered = delivered.sorted { $0.month < $1.month }
    }

    public var isEmpty: Bool { approvals.isEmpty && delivered.isEmpty }
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
public struct DeliveredHours: Hashable, Sendable {
    public var month: Month
    public var quarterHours: Int

    public init(month: Month, quarterHours: Int) {
        self.month = month
        self.quarterHours = quarterHours
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

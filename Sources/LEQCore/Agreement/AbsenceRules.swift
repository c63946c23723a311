/// How days of absence are paid while the place is kept (Abwesenheit, Freihalte- oder Bettengeld,
/// SPEC § 7): one rule per reason and a default, and caps per person and calendar year.
public struct AbsenceRules: Hashable, Sendable {
    /// Reduced days per person and calendar year over all reasons; days past it are not paid.
    public var yearlyCapDays: Int?
    /// Rules by reason; a rule without a reason is the default for all other reasons.
    public var rules: [AbsenceRule]

    public init(yearlyCapDays: Int? = nil, rules: [AbsenceRule]) {
        self.yearlyCapDays = yearlyCapDays
        self.rules = rules
    }

    /// The rule for a reason: its own, else the default; nil if neither exists.
    public func rule(for reason: String) -> AbsenceRule? {
        rules.first { $0.reason == reason } ?? rules.first { $0.reason == nil }
    }
}

public struct AbsenceRule: Hashable, Sendable {
    /// Which days of a long absence are reduced.
    public enum ReducedFrom: String, Hashable, Sendable, CaseIterable {
        /// The grace days in full, the rest reduced.
        case afterGrace
        /// The whole absence reduced.
        case firstDay
    }

    /// nil: the default rule.
    public var reason: String?
    /// An absence of at most this many days is paid in full.
    public var graceDays: Int
    public var reducedFrom: ReducedFrom
    /// The reduced unit rate as a percentage of the full one (rounded when derived).
    public var percent: ExactDecimal
    /// The days of leaving and returning count as days of care, not of absence.
    public var onlyFullDays: Bool
    /// Reduced days per person and calendar year for this reason.
    public var yearlyCapDays: Int?

    public init(reason: String? = nil, graceDays: Int, reducedFrom: ReducedFrom, percent: ExactDecimal,
                onlyFullDays: Bool = false, yearlyCapDays: Int? = nil) {
        self.reason = reason
        self.graceDays = graceDays
        self.reducedFrom = reducedFrom
        self.percent = percent
        self.onlyFullDays = onlyFullDays
        self.yearlyCapDays = yearlyCapDays
    }
}

/// Budget terms of an agreement (individuelle Fallbudgets, SPEC § 9).
public struct BudgetTerms: Hashable, Sendable {
    /// The mode a case budget takes when it does not name one.
    public var mode: BudgetMode
    /// The share of an unspent drawdown budget paid to the provider when the period ends.
    public var savingsSharePercent: ExactDecimal?

    public init(mode: BudgetMode = .installments, savingsSharePercent: ExactDecimal? = nil) {
        self.mode = mode
        self.savingsSharePercent = savingsSharePercent
    }
}

public enum BudgetMode: String, Hashable, Sendable, CaseIterable {
    /// Paid in monthly parts proportional to the days of the period in each month.
    case installments
    /// The case's base lines draw it down; what passes it is cut.
    case drawdown
}

/// What a statement line pays for.
public enum LineKind: String, Sendable, CaseIterable {
    /// Monthly flat rate by category (Fallpauschale), prorated.
    case flatRate
    /// The clearing fee (Clearingpauschale), once when clearing ends.
    case clearingFee
    /// Approved clearing days 43 to 84 at the extension rate.
    case clearingExtension
    /// Days of care present at the daily rate (Belegungstage).
    case dailyRate
    /// Days of absence paid at the full daily rate (grace days).
    case absenceFull
    /// Days of absence paid at the reduced rate.
    case absenceReduced
    /// Days of absence past a yearly cap: listed, not paid.
    case absenceUnpaid
    /// Specialist hours delivered within the approval (Fachleistungsstunden).
    case hours
    /// Specialist hours delivered beyond the approval: listed, not paid.
    case hoursNotApproved
    /// A monthly installment of a case budget.
    case budgetInstallment
    /// What a drawdown budget cuts because the month would pass it (negative).
    case budgetCut
    /// The provider's share of an unspent drawdown budget, paid when its period ends.
    case budgetSavings
    /// Top-up days (or hours) paid (zusätzliche Einzelfallhilfe).
    case topUp
    /// Top-up days (or hours) due but withheld until the proof of the extra staff arrives: amount 0,
    /// the withheld amount in `withheld`.
    case topUpWithheld
    /// Paid in the month the proof arrives: what was withheld in an earlier month (`forMonth`).
    case topUpCatchUp
    /// Top-up days within the approval not paid, with the reason: amount 0.
    case topUpNotPaid
    /// The top-up ends on this day, with the reason: amount 0.
    case topUpEnded
    /// The top-up ended without proof of the extra staff: what was withheld is not paid (amount 0,
    /// the forfeited amount in `withheld`).
    case topUpForfeited
    /// Goal attainment at or above the bonus threshold: a percentage of the base since the last evaluation.
    case goalBonus
    /// Goal attainment below the malus threshold (negative).
    case goalMalus
    /// A report received late or not at all (negative), once per report.
    case reportMalus
    /// A case ended with its goals achieved on or before its planned end.
    case endBonus
    /// A case the provider terminated (negative).
    case endMalus
    /// An end bonus taken back: the same person started a new case too soon (negative).
    case bonusClawback
    /// What passes the provider's yearly bonus cap (negative).
    case bonusCapCut
    /// What passes the provider's yearly malus cap (positive: the malus not charged).
    case malusCapCut
    /// An amount paid to the family for a goal area attained; never in the provider's total.
    case familyIncentive
    /// A change to a finalised statement (SPEC § 15): the recomputed amount of one case and kind
    /// minus what was finalised (and corrected since), naming the statement it corrects.
    case correction

    /// The statement section the line is listed and totalled in.
    public var section: Section {
        switch self {
        case .flatRate, .clearingFee, .clearingExtension, .dailyRate, .hours, .hoursNotApproved: return .base
        case .absenceFull, .absenceReduced, .absenceUnpaid: return .absences
        case .budgetInstallment, .budgetCut: return .budgets
        case .budgetSavings, .goalBonus, .goalMalus, .reportMalus, .endBonus, .endMalus, .bonusClawback, .bonusCapCut, .malusCapCut:
            return .incentives
        case .familyIncentive: return .family
        case .topUp, .topUpWithheld, .topUpCatchUp, .topUpNotPaid, .topUpEnded, .topUpForfeited: return .topUps
        case .correction: return .corrections
        }
    }

    /// Lines that pay for the case's care itself and so draw down a budget.
    public var drawsBudget: Bool {
        switch self {
        case .flatRate, .dailyRate, .hours, .absenceFull, .absenceReduced: return true
        default: return false
        }
    }
}

/// The sections of a statement (SPEC § 14), in the order they are printed.
public enum Section: String, Sendable, CaseIterable {
    /// Regelleistungen: flat rates, daily rates, hours, clearing.
    case base
    case absences
    case topUps
    case budgets
    case incentives
    case corrections
    /// Paid to families, listed apart and never part of the provider's total.
    case family
}

/// The unit a line's quantity counts.
public enum QuantityUnit: String, Sendable, CaseIterable {
    case day
    case hour
    case once
}

/// What the unit rate of a line is a rate per.
public enum RateUnit: String, Sendable, CaseIterable {
    case month
    case day
    case hour
    case once
}

/// One line of a statement: one case, one kind, one period, one amount, with its bearer split.
///
/// The fields are declared largest first, so that they lie without gaps (168 bytes a line; in
/// the order they are read, with the small ones between, 184 and a box more for every budget line).
public struct StatementLine: Hashable, Sendable {
    public var caseID: String
    public var fileReference: String
    public var service: String
    /// The category the line is paid for, where it depends on one.
    public var category: String?
    public var quantity: ExactDecimal
    /// The unit rate: a monthly flat rate, a daily rate, a fee.
    public var rate: Money
    /// The amount, rounded once (SPEC § 1, rounding point 2).
    public var amount: Money
    /// The amount split among the agreement's bearers, in their order; adds up to `amount`.
    public var bearerParts: BearerParts
    /// The rare fields; nil for most lines.
    private var box: LineDetailBox? = nil
    /// For a prorated monthly rate: the days the rate is divided by (days in month, or 30).
    public var basisDays: Int?
    public var kind: LineKind
    public var unit: QuantityUnit
    public var rateUnit: RateUnit
    public var period: Period
    /// Budget lines: the budget's period. In the line itself, not among the rare fields: one line
    /// in eight is a budget installment, and a box for it was an allocation and a free each.
    public var budgetPeriod: Period? = nil

    /// The rare fields, read in place (`details?.value.percent`), nil for most lines: one look
    /// instead of one per field, and no copy of them all (which cost more than the few fields a
    /// line's text and document read).
    public var details: LineDetailBox? { box }

    public var increase: ExactDecimal? {
        get { box?.value.increase }
        set { detail(setting: newValue) { $0.increase = newValue } }
    }
    public var weeklyRate: Money? {
        get { box?.value.weeklyRate }
        set { detail(setting: newValue) { $0.weeklyRate = newValue } }
    }
    public var clearingDays: ClosedRange<Int>? {
        get { box?.value.clearingDays }
        set { detail(setting: newValue) { $0.clearingDays = newValue } }
    }
    public var percent: ExactDecimal? {
        get { box?.value.percent }
        set { detail(setting: newValue) { $0.percent = newValue } }
    }
    public var fullRate: Money? {
        get { box?.value.fullRate }
        set { detail(setting: newValue) { $0.fullRate = newValue } }
    }
    public var monthlyRate: Money? {
        get { box?.value.monthlyRate }
        set { detail(setting: newValue) { $0.monthlyRate = newValue } }
    }
    public var divisor: ExactDecimal? {
        get { box?.value.divisor }
        set { detail(setting: newValue) { $0.divisor = newValue } }
    }
    public var capped: Bool {
        get { box?.value.capped ?? false }
        set { detail(setting: newValue ? true : nil) { $0.capped = newValue } }
    }
    public var reason: String? {
        get { box?.value.reason }
        set { detail(setting: newValue) { $0.reason = newValue } }
    }
    public var absenceDays: ClosedRange<Int>? {
        get { box?.value.absenceDays }
        set { detail(setting: newValue) { $0.absenceDays = newValue } }
    }
    public var caseMonth: Int? {
        get { box?.value.caseMonth }
        set { detail(setting: newValue) { $0.caseMonth = newValue } }
    }
    public var annualCost: Money? {
        get { box?.value.annualCost }
        set { detail(setting: newValue) { $0.annualCost = newValue } }
    }
    public var positionShare: ExactDecimal? {
        get { box?.value.positionShare }
        set { detail(setting: newValue) { $0.positionShare = newValue } }
    }
    public var topUpReason: TopUpReason? {
        get { box?.value.topUpReason }
        set { detail(setting: newValue) { $0.topUpReason = newValue } }
    }
    public var withheld: Money? {
        get { box?.value.withheld }
        set { detail(setting: newValue) { $0.withheld = newValue } }
    }
    public var forMonth: Month? {
        get { box?.value.forMonth }
        set { detail(setting: newValue) { $0.forMonth = newValue } }
    }
    public var corrects: String? {
        get { box?.value.corrects }
        set { detail(setting: newValue) { $0.corrects = newValue } }
    }
    public var correctedKind: LineKind? {
        get { box?.value.correctedKind }
        set { detail(setting: newValue) { $0.correctedKind = newValue } }
    }
    public var previousAmount: Money? {
        get { box?.value.previousAmount }
        set { detail(setting: newValue) { $0.previousAmount = newValue } }
    }
    public var attainment: Fraction? {
        get { box?.value.attainment }
        set { detail(setting: newValue) { $0.attainment = newValue } }
    }
    public var reportDue: CivilDate? {
        get { box?.value.reportDue }
        set { detail(setting: newValue) { $0.reportDue = newValue } }
    }
    public var goalArea: GoalArea? {
        get { box?.value.goalArea }
        set { detail(setting: newValue) { $0.goalArea = newValue } }
    }
    public var relatedCase: String? {
        get { box?.value.relatedCase }
        set { detail(setting: newValue) { $0.relatedCase = newValue } }
    }
    public var reportReceived: CivilDate? {
        get { box?.value.reportReceived }
        set { detail(setting: newValue) { $0.reportReceived = newValue } }
    }

    /// Changes the rare fields in place when this line holds the only reference. Setting a rare
    /// field to nothing (`l.increase = step.increase`, mostly nil; `capped` to false) on a line
    /// without them changes nothing: most lines never need a box, and looking first costs less
    /// than making an empty set of fields to compare with (some 500 instructions a line).
    @inline(__always)
    private mutating func detail<T>(setting value: T?, _ change: (inout LineDetail) -> Void) {
        if value == nil && box == nil { return }
        detail(change)
    }

    private mutating func detail(_ change: (inout LineDetail) -> Void) {
        if box == nil {
            var d = LineDetail()
            change(&d)
            box = LineDetailBox(d)
        } else if isKnownUniquelyReferenced(&box) {
            change(&box!.value)
        } else {
            var d = box!.value
            change(&d)
            box = LineDetailBox(d)
        }
    }

    public static func == (a: StatementLine, b: StatementLine) -> Bool {
        a.caseID == b.caseID && a.fileReference == b.fileReference && a.service == b.service && a.kind == b.kind
            && a.category == b.category && a.period == b.period && a.quantity == b.quantity && a.unit == b.unit
            && a.rate == b.rate && a.rateUnit == b.rateUnit && a.basisDays == b.basisDays && a.amount == b.amount
            && a.bearerParts == b.bearerParts && a.budgetPeriod == b.budgetPeriod
            && (a.box?.value ?? LineDetail()) == (b.box?.value ?? LineDetail())
    }

    public func hash(into h: inout Hasher) {
        h.combine(caseID)
        h.combine(kind)
        h.combine(period)
        h.combine(amount)
        h.combine(box?.value ?? LineDetail())
    }

    public var section: Section { kind.section }
}

extension StatementLine {
    /// Made through the memberwise initialiser: an initialiser that set each field of `self` left
    /// the optimiser a copy of the whole line and a destroy of the original (a retain and a
    /// release of each string) for every line made.
    public init(caseID: String, fileReference: String, service: String, kind: LineKind, category: String?, period: Period,
                quantity: ExactDecimal, unit: QuantityUnit, rate: Money, rateUnit: RateUnit, basisDays: Int? = nil,
                amount: Money, bearerParts: BearerParts) {
        self.init(caseID: caseID, fileReference: fileReference, service: service, category: category, quantity: quantity,
                  rate: rate, amount: amount, bearerParts: bearerParts, box: nil, basisDays: basisDays, kind: kind, unit: unit,
                  rateUnit: rateUnit, period: period, budgetPeriod: nil)
    }
}

/// The fields few lines carry: how a derived rate came about, which days of a clearing or an
/// absence. Kept out of line so that the common line stays small.
public struct LineDetail: Hashable, Sendable {
    /// The percentage of a general increase that derived the rate, if it was derived.
    public var increase: ExactDecimal?
    /// For a daily rate derived from a weekly one: the weekly rate.
    public var weeklyRate: Money?
    /// For clearing lines: the days of clearing covered, counted from its first day.
    public var clearingDays: ClosedRange<Int>?
    /// A reduced rate's percentage of `fullRate` (reduced absence days, degressive flat rates).
    public var percent: ExactDecimal?
    /// The rate a reduced or daily-equivalent rate is derived from.
    public var fullRate: Money?
    /// `divisor` proration: the monthly rate the daily equivalent derives from.
    public var monthlyRate: Money?
    /// `divisor` proration: what the monthly rate was divided by.
    public var divisor: ExactDecimal?
    /// `divisor` proration: the line was cut to the monthly amount.
    public var capped = false
    /// Absence lines: the reason, as the case names it.
    public var reason: String?
    /// Absence lines (and top-up lines during an absence or a staff illness): which days of the
    /// absence or illness, counted from its first day across months.
    public var absenceDays: ClosedRange<Int>?
    /// Degressive flat rates: the case month the line falls in.
    public var caseMonth: Int?
    /// Daily top-ups: the annual personnel cost the daily top-up derives from.
    public var annualCost: Money?
    /// Daily top-ups: the position share (Stellenanteil) it derives from.
    public var positionShare: ExactDecimal?
    /// Top-up lines: why a day is not paid, why the top-up ends, or what a paid day had going on.
    public var topUpReason: TopUpReason?
    /// Withheld and forfeited top-up lines: the amount held back (the line's amount is 0).
    public var withheld: Money?
    /// Top-up catch-up lines: the month whose withheld top-up the line pays.
    public var forMonth: Month?
    /// Correction lines: the number of the finalised statement corrected.
    public var corrects: String?
    /// Correction lines: the kind of the lines corrected.
    public var correctedKind: LineKind?
    /// Correction lines: what was paid so far for the case and kind (finalised plus earlier
    /// corrections); the line's amount is the recomputed amount minus this.
    public var previousAmount: Money?
    /// Goal bonus and malus: the goal attainment (mean of the ratings), exact.
    public var attainment: Fraction?
    /// Report malus: the report's due date.
    public var reportDue: CivilDate?
    /// Family incentive: the goal area attained.
    public var goalArea: GoalArea?
    /// Clawback: the new case that triggered it.
    public var relatedCase: String?
    /// Report malus: when the report was received (nil: not received).
    public var reportReceived: CivilDate?
}

/// Copy-on-write storage for `LineDetail`: changed in place only while one line holds it
/// (`StatementLine.detail`), so reads need no exclusivity checks.
public final class LineDetailBox: @unchecked Sendable {
    @exclusivity(unchecked) public internal(set) var value: LineDetail
    init(_ value: LineDetail) { self.value = value }
}

/// Something on a statement the reader must know: a day not billed and why.
public struct SettlementWarning: Hashable, Sendable {
    public enum Kind: String, Sendable, CaseIterable {
        /// Clearing days 43–84 without an approved extension: not billed.
        case clearingExtensionNotApproved
        /// Clearing days from 85 on: never billed.
        case clearingBeyondMaximum
        /// Days after clearing without a category: no flat rate billed.
        case noCategory
        /// Clearing has no end although the case has ended: no fee billed.
        case clearingWithoutEnd
        /// Absence days past a yearly cap: listed, not paid.
        case absenceCapReached
        /// Hours delivered beyond the approval: listed, not paid.
        case hoursNotApproved
        /// A drawdown budget was passed: the excess is cut.
        case budgetExceeded
        /// A top-up ended without proof of the extra staff: what was withheld is not paid.
        case topUpProofMissing
    }

    public var caseID: String
    public var kind: Kind
    public var period: Period
    /// The days the warning is about (0 when it is about hours or money).
    public var days: Int
    /// Hours not paid, for `hoursNotApproved`.
    public var hours: ExactDecimal? = nil
    /// The amount cut, for `budgetExceeded`; the amount not paid, for `topUpProofMissing`.
    public var amount: Money? = nil
}

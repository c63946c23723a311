/// An approval of additional individual care for one case (zusätzliche Einzelfallhilfe, SPEC § 11,
/// seed 003): extra staff for a person with very high needs, paid as a calendar-daily surcharge
/// (or, by exception, by the hours delivered).
public struct TopUpApproval: Hashable, Sendable {
    /// How the top-up is paid.
    public enum Mode: String, Hashable, Sendable, CaseIterable {
        /// A calendar-daily surcharge: annual personnel cost × position share ÷ 365.
        case daily
        /// By exception: the hours actually delivered at an hourly rate (Spitzabrechnung).
        case hourly
    }

    /// Who provides the extra care; decides what happens while the young person is away.
    public enum Staff: String, Hashable, Sendable, CaseIterable {
        /// A person hired for this young person (Neueinstellung).
        case dedicated
        /// More hours of staff already employed (Erhöhung des Beschäftigungsumfangs).
        case increasedHours
        /// A volunteer (FSJ, BFD): not paid while the young person is away.
        case volunteerService
        /// An external ambulant service (in exceptional cases): not paid while the young person is away.
        case external
    }

    /// The approved period (Bewilligungszeitraum): at most two years.
    public var period: Period
    public var mode: Mode
    public var staff: Staff
    /// What the top-up costs from each date: the first entry from the approval's start, then one
    /// per tariff change (Tarifsteigerung, other pay grade, other person).
    public var tariffs: [TopUpTariff]
    /// The day the extra staff starts (Einsatzbeginn der Zusatzkraft).
    public var staffStart: CivilDate
    /// The day the proof of the extra staff was received; nil while it is missing. Nothing is
    /// paid before it (seed 003 no. 5).
    public var proofReceived: CivilDate?
    /// Whether the reduced absence rate (Bettengeld) was agreed for this case: then absence days
    /// reduce the top-up like the base rate (seed 003 no. 11).
    public var bettengeld: Bool
    /// Hourly mode: the hours delivered per month.
    public var delivered: [DeliveredHours]
    /// Illnesses of the extra staff, in order, not overlapping.
    public var staffIllnesses: [StaffIllness]
    /// An end the case file records (change of service or provider, the young person gone for good).
    public var end: TopUpEnd?

    public init(period: Period, mode: Mode = .daily, staff: Staff, tariffs: [TopUpTariff], staffStart: CivilDate,
                proofReceived: CivilDate? = nil, bettengeld: Bool = false, delivered: [DeliveredHours] = [],
                staffIllnesses: [StaffIllness] = [], end: TopUpEnd? = nil) {
        self.period = period
        self.mode = mode
        self.staff = staff
        self.tariffs = tariffs.sorted { $0.from < $1.from }
        self.staffStart = staffStart
        self.proofReceived = proofReceived
        self.bettengeld = bettengeld
        self.delivered = delivered.sorted { $0.monthNumber < $1.monthNumber }
        self.staffIllnesses = staffIllnesses.sorted { $0.from < $1.from }
        self.end = end
    }

    /// The last day an approval starting on `from` may run: two years (seed 003 no. 9), counted
    /// as § 188 BGB counts them (from 2026-01-01 to 2027-12-31; from 29 February to 28 February).
    public static func longestEnd(from: CivilDate) -> CivilDate {
        let (y, m, d) = from.components
        if let anniversary = CivilDate(year: y + 2, month: m, day: d) { return anniversary.previous }
        return CivilDate(year: y + 2, month: m, day: CivilDate.daysIn(year: y + 2, month: m))!
    }

    /// The tariff in force on `day` (the first one before the first change).
    public func tariff(on day: CivilDate) -> TopUpTariff {
        var found = tariffs[0]
        for t in tariffs where t.from <= day { found = t }
        return found
    }
}

/// What the top-up costs from a date: the annual personnel cost and position share (daily mode),
/// or the hourly rate (hourly mode).
public struct TopUpTariff: Hashable, Sendable {
    public var from: CivilDate
    /// Jahrespersonalkosten of a full-time position.
    public var annualCost: Money
    /// Stellenanteil, 0 < share ≤ 1.
    public var positionShare: ExactDecimal
    /// Hourly mode: the rate per hour delivered.
    public var hourlyRate: Money

    public init(from: CivilDate, annualCost: Money, positionShare: ExactDecimal) {
        self.from = from
        self.annualCost = annualCost
        self.positionShare = positionShare
        self.hourlyRate = .zero
    }

    public init(from: CivilDate, hourlyRate: Money) {
        self.from = from
        self.annualCost = .zero
        self.positionShare = ExactDecimal(units: 0, scale: 0)
        self.hourlyRate = hourlyRate
    }

    /// Daily top-up = annual personnel cost × position share ÷ 365, rounded when derived (SPEC § 11,
    /// rounding point 1). Always 365, in leap years too (seed 003 no. 7).
    public func dailyTopUp(_ rounding: RoundingMode) -> Money {
        Money(cents: rounding.round(Int128(annualCost.cents) * Int128(positionShare.units),
                                    over: Int128(positionShare.denominator) * 365))
    }
}

/// A continuous illness of the extra staff. Paid on; from day 43 (when sick pay would begin) the
/// top-up ends unless a substitute was hired by then.
public struct StaffIllness: Hashable, Sendable {
    public var from: CivilDate
    /// The last day of illness; nil while it lasts.
    public var to: CivilDate?
    /// The day a substitute (Vertretungskraft) started, if one was hired.
    public var substituteFrom: CivilDate?

    public init(from: CivilDate, to: CivilDate? = nil, substituteFrom: CivilDate? = nil) {
        self.from = from
        self.to = to
        self.substituteFrom = substituteFrom
    }

    /// Day 43 of the illness: the first day sick pay would be paid instead of wages.
    public var sickPayStarts: CivilDate { from.advanced(by: 42) }
}

/// An end of a top-up that the case file records; the others (approval expired, case ended,
/// proof missing, long illness) the engine finds itself.
public struct TopUpEnd: Hashable, Sendable {
    public var lastDay: CivilDate
    public var reason: TopUpEndReason

    public init(lastDay: CivilDate, reason: TopUpEndReason) {
        self.lastDay = lastDay
        self.reason = reason
    }
}

/// Why a top-up ends (seed 003 no. 12). The first three are recorded in the case file.
public enum TopUpEndReason: String, Hashable, Sendable, CaseIterable {
    /// The young person changed to another service (Wechsel in ein anderes Angebot).
    case serviceChange
    /// The young person changed to another provider.
    case providerChange
    /// The young person is no longer cared for here and will not return (notice, lasting
    /// illness, death).
    case permanentDeparture
    /// The approved period ran out (Ablauf der Befristung).
    case approvalExpired
    /// The case ended.
    case caseEnded
    /// The extra staff was ill past day 42 and no substitute was hired.
    case staffIllness

    /// Reasons a case file may give; the others follow from the data.
    public static let recorded: [TopUpEndReason] = [.serviceChange, .providerChange, .permanentDeparture]
}

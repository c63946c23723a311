// Incentives (SPEC § 12, seed 002): goal bonus and malus, report malus, end bonus and malus, the
// clawback of an end bonus, family incentives, and the provider's yearly caps.

/// What a provider's year has come to before the month settled: the base the caps are a
/// percentage of, and the bonuses and maluses already paid (after their caps).
public struct IncentiveLedger: Sendable, Equatable {
    public var year: Int
    /// Flat, daily and hourly amounts of the year so far.
    public var base: Money = .zero
    /// Bonuses paid in the year so far (net of clawbacks and cuts), ≥ 0 as a rule.
    public var bonuses: Money = .zero
    /// Maluses charged in the year so far, as a positive amount (net of cuts).
    public var maluses: Money = .zero

    public init(year: Int) { self.year = year }

    /// The year after a month whose lines sum to `sums`, the caps of `terms` applied (SPEC § 12),
    /// and the cuts the caps make this month: a bonus cut as a negative amount, a malus cut as a
    /// positive one (nil: the cap not reached, or none).
    func adding(_ sums: IncentiveSums, terms: IncentiveTerms, rounding: RoundingMode) -> (IncentiveLedger, cuts: (bonus: Money?, malus: Money?)) {
        var after = self
        var bonus = sums.bonus, malus = sums.malus
        var cuts: (bonus: Money?, malus: Money?) = (nil, nil)
        after.base += sums.base
        if let p = terms.bonusCapPercent {
            let allowed = max(.zero, rounding.percent(p, of: after.base) - bonuses)
            if bonus > allowed {
                cuts.bonus = allowed - bonus
                bonus = allowed
            }
        }
        if let p = terms.malusCapPercent {
            let allowed = max(.zero, rounding.percent(p, of: after.base) - maluses)
            if malus > allowed {
                cuts.malus = malus - allowed
                malus = allowed
            }
        }
        after.bonuses += bonus
        after.maluses += malus
        return (after, cuts)
    }
}

/// What the yearly caps count of a provider's month, before they are applied: its flat, daily and
/// hourly amounts, its bonuses and its maluses (as a positive amount). Sums add up in any order,
/// so a month's cases may be summed in pieces.
struct IncentiveSums: Sendable {
    var base = Money.zero
    var bonus = Money.zero
    var malus = Money.zero

    /// Adds the amounts of `lines` by their kinds. Kind and amount read in place: `for l in lines`
    /// copied every line (a retain per field).
    mutating func add(_ lines: [StatementLine]) {
        for i in lines.indices {
            let kind = lines[i].kind, amount = lines[i].amount
            if kind.isIncentiveBase { base += amount }
            if kind.isBonus { bonus += amount }
            if kind.isMalus { malus -= amount }
        }
    }

    static func += (a: inout IncentiveSums, b: IncentiveSums) {
        a.base += b.base
        a.bonus += b.bonus
        a.malus += b.malus
    }
}

extension LineKind {
    /// The amounts a goal bonus or malus and the caps are a percentage of: flat, daily and hourly.
    var isIncentiveBase: Bool {
        switch self {
        case .flatRate, .dailyRate, .hours, .absenceFull, .absenceReduced: return true
        default: return false
        }
    }

    /// Bonuses the yearly bonus cap counts.
    var isBonus: Bool { self == .goalBonus || self == .endBonus || self == .bonusClawback }
    /// Maluses the yearly malus cap counts.
    var isMalus: Bool { self == .goalMalus || self == .reportMalus || self == .endMalus }
}

extension StatementBuilder {
    /// The incentive lines of one case this month. Called for every case of the provider, also
    /// when it is not active this month (a report's grace period, a successor's start).
    /// `successor`: the person's next case after this one ended. `caseLines`: where the case's
    /// lines of this month begin. `terms`: read in place (`inout`, never changed).
    mutating func settleIncentives(_ c: Case, service: inout Service, terms: inout IncentiveTerms, caseLines: Int,
                                   handsOverLastDay: Bool, successor: Successor?) {
        // Goal evaluations in this month. In date order: the dates are read in place up to the
        // month's end (`for e in evaluations` copied each evaluation, its ratings retained, of
        // every month of the case).
        let evaluations = c.evaluations
        for k in evaluations.indices {
            if evaluations[k].date > month.lastDay { break }
            guard evaluations[k].date >= month.firstDay else { continue }
            let e = evaluations[k]
            let category = c.category(on: e.date)
            let attainment = e.attainment
            if let t = category.flatMap({ terms.byCategory[$0] }) {
                // Since the previous evaluation, or the case's start, in whole months; not before
                // this agreement's months. A second evaluation in the month of the one before it
                // has no month of its own (the one before counted this month): its base is
                // nothing, its period the days since that one.
                let previous = k > 0 ? evaluations[k - 1].date : nil
                let from = max(previous.map { $0.month.next } ?? c.start.month, agreement.validity.from.month)
                let period = from <= month ? Period(from.firstDay, e.date) : Period(previous!.next, e.date)
                if attainment >= t.bonusThreshold.fraction, let p = t.bonusPercent {
                    goalLine(c, service: service, kind: .goalBonus, evaluation: e, from: from, period: period, caseLines: caseLines,
                             percent: p, sign: 1, category: category, handsOverLastDay: handsOverLastDay)
                } else if attainment < t.malusThreshold.fraction, let p = t.malusPercent {
                    goalLine(c, service: service, kind: .goalMalus, evaluation: e, from: from, period: period, caseLines: caseLines,
                             percent: p, sign: -1, category: category, handsOverLastDay: handsOverLastDay)
                }
            }
            if let perArea = terms.familyPerGoalArea {
                for r in e.ratings where r.rating.fraction >= terms.familyThreshold.fraction {
                    var l = line(c, service: service, kind: .familyIncentive, category: category, period: Period(e.date, e.date),
                                 quantity: ExactDecimal(1), unit: .once, rate: perArea, rateUnit: .once, amount: perArea)
                    l.goalArea = r.area
                    l.percent = r.rating
                    append(c, service: service, consume l)
                }
            }
        }
        // Reports whose grace period ends this month, late or missing; in order of their due
        // dates, so of their last days too.
        for r in c.reports {
            let lastDay = r.due.advanced(by: terms.reportGraceDays)
            if lastDay > month.lastDay { break }
            guard lastDay >= month.firstDay, (r.received.map { $0 > lastDay } ?? true) else { continue }
            guard let category = c.category(on: min(lastDay, c.end ?? lastDay)), let malus = terms.byCategory[category]?.reportMalus
            else { continue }
            var l = line(c, service: service, kind: .reportMalus, category: category, period: Period(r.due, lastDay),
                         quantity: ExactDecimal(1), unit: .once, rate: -malus, rateUnit: .once, amount: -malus)
            l.reportDue = r.due
            l.reportReceived = r.received
            append(c, service: service, consume l)
        }
        // The end, and an end bonus taken back when the person soon needs help again (checked only
        // in the months they happen: this runs for every ended case every month).
        if let end = c.end, month.period.contains(end) || (successor.map { month.period.contains($0.start) } ?? false),
           let category = c.category(on: end), let t = terms.byCategory[category] {
            let earnsBonus = c.endReason == .goalsAchieved && (c.plannedEnd.map { end <= $0 } ?? true)
            if month.period.contains(end) {
                if earnsBonus, let bonus = t.endBonus {
                    append(c, service: service, line(c, service: service, kind: .endBonus, category: category, period: Period(end, end),
                                                     quantity: ExactDecimal(1), unit: .once, rate: bonus, rateUnit: .once, amount: bonus))
                } else if c.endReason == .providerTermination, let malus = t.endMalus {
                    append(c, service: service, line(c, service: service, kind: .endMalus, category: category, period: Period(end, end),
                                                     quantity: ExactDecimal(1), unit: .once, rate: -malus, rateUnit: .once, amount: -malus))
                }
            }
            if earnsBonus, let bonus = t.endBonus, let next = successor, month.period.contains(next.start),
               next.start <= end.addingMonths(terms.sustainabilityMonths) {
                var l = line(c, service: service, kind: .bonusClawback, category: category, period: Period(end, next.start),
                             quantity: ExactDecimal(1), unit: .once, rate: -bonus, rateUnit: .once, amount: -bonus)
                l.relatedCase = next.caseID
                append(c, service: service, consume l)
            }
        }
    }

    /// A goal bonus or malus on the base of the months from `from` through this one (none if
    /// `from` is later), for the line's `period`. `caseLines`: where the case's lines of this
    /// month begin.
    private mutating func goalLine(_ c: Case, service: Service, kind: LineKind, evaluation e: GoalEvaluation, from: Month, period: Period,
                                   caseLines: Int, percent: ExactDecimal, sign: Int64, category: String?, handsOverLastDay: Bool) {
        // The base: the case's flat, daily and hourly amounts of the months since the previous
        // evaluation. This month's are the lines just settled (the base lines are the same
        // whether or not budgets, top-ups and incentives follow them); the months before are
        // settled again.
        var base = Money.zero
        func add(_ lines: ArraySlice<StatementLine>) {
            for i in lines.indices where lines[i].kind.isIncentiveBase { base += lines[i].amount }
        }
        resettle(c, from: from, through: month.previous, handsOverLastDay: handsOverLastDay) { add($0) }
        if from <= month { add(lines[caseLines...]) }
        let amount = agreement.rounding.percent(percent, of: base)
        var l = line(c, service: service, kind: kind, category: category, period: period,
                     quantity: ExactDecimal(1), unit: .once, rate: base, rateUnit: .once, amount: Money(cents: sign * amount.cents))
        l.percent = percent
        l.attainment = e.attainment
        append(c, service: service, consume l)
    }

    /// The provider's yearly caps (SPEC § 12): what passes them this month is cut in a line of its
    /// own. Returns the ledger after this month.
    mutating func applyCaps(_ terms: IncentiveTerms, ledger: IncentiveLedger) -> IncentiveLedger {
        var sums = IncentiveSums()
        sums.add(lines)
        let (after, cuts) = ledger.adding(sums, terms: terms, rounding: agreement.rounding)
        if let cut = cuts.bonus, let p = terms.bonusCapPercent { capLine(.bonusCapCut, amount: cut, cap: p, base: after.base) }
        if let cut = cuts.malus, let p = terms.malusCapPercent { capLine(.malusCapCut, amount: cut, cap: p, base: after.base) }
        return after
    }

    /// Adds what the caps count of the lines settled so far to `sums`, and empties the builder
    /// for the next case (an earlier month's, settled only for the caps: its problems and
    /// warnings are that month's). In place: handing the lines out was a count of references
    /// for every case and month.
    mutating func moveIncentiveSums(into sums: inout IncentiveSums) {
        sums.add(lines)
        lines.removeAll(keepingCapacity: true)
        warnings.removeAll(keepingCapacity: true)
        problems.removeAll(keepingCapacity: true)
    }

    private mutating func capLine(_ kind: LineKind, amount: Money, cap: ExactDecimal, base: Money) {
        var l = StatementLine(caseID: "", fileReference: "", service: "", kind: kind, category: nil, period: month.period,
                              quantity: ExactDecimal(1), unit: .once, rate: base, rateUnit: .once, amount: amount, bearerParts: [])
        l.percent = cap
        l.bearerParts = agreement.defaultShares.split(amount)
        lines.append(l)
    }
}

extension Case {
    /// The category in force on `day` (the last one before it), or nil.
    func category(on day: CivilDate) -> String? {
        var found: String?
        for p in effectiveCategories where p.from <= day { found = p.category }
        return found
    }
}

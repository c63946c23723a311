/// Collects the lines, warnings, budgets and problems of one provider's month, case by case.
struct StatementBuilder {
    let agreement: Agreement
    /// The month settled; changed only to settle a case's earlier months again (`resettle`).
    private(set) var month: Month
    var lines: [StatementLine] = []
    var warnings: [SettlementWarning] = []
    var budgets: [BudgetStatus] = []
    var problems: [SettlementProblem] = []
    /// False while recomputing an earlier month to find what a drawdown budget has used (base
    /// lines only: no top-ups, no budgets).
    var withBudgets = true
    /// True while settling an earlier month only for what the yearly incentive caps count (the
    /// base lines and the bonus and malus lines, SPEC § 12): no clearing fees, top-ups or budgets,
    /// which neither count nor change what counts.
    var onlyIncentiveLedger = false
    /// The same person's cases that started before the case being settled and have absences, and
    /// the agreements their absence rules come from: the yearly absence caps count per person
    /// (SPEC § 7). Earlier cases without absences add nothing to them and are left out.
    /// As places in `allCases` (`earlierIndices[earlier]`), read only where capped absences need
    /// them: handing every case copies of its earlier cases was a cache miss per case.
    var allCases: [Case] = []
    var earlierIndices: [Int] = []
    var earlier: Range<Int> = 0..<0
    var agreements: [Agreement] = []

    init(agreement: Agreement, month: Month) {
        self.agreement = agreement
        self.month = month
    }

    /// Settles case `c` again for each month from `first` through `last`, base lines only (no
    /// bearer split, no clearing, top-ups, budgets or incentives), handing each month's lines to
    /// `body`: what a goal bonus and a drawdown budget are measured against. Settled by this
    /// builder after its own lines, which are left as they were: a builder of its own for the
    /// months was a copy of the agreement and the person context, made and destroyed for every
    /// evaluation (over a third of the time these months took).
    mutating func resettle(_ c: borrowing Case, from first: Month, through last: Month, handsOverLastDay: Bool,
                           _ body: (ArraySlice<StatementLine>) -> Void) {
        guard first <= last else { return }
        let settled = (month: month, withBudgets: withBudgets, onlyIncentiveLedger: onlyIncentiveLedger,
                       lines: lines.count, warnings: warnings.count, problems: problems.count)
        withBudgets = false
        onlyIncentiveLedger = true
        // Without incentives: they are not settled without budgets.
        let services = agreement.services
        services.withUnsafeBufferPointer { services in
            var m = first
            while m <= last {
                month = m
                settle(c, handsOverLastDay: handsOverLastDay, successor: nil, services: services, incentives: nil)
                body(lines[settled.lines...])
                lines.removeSubrange(settled.lines...)
                m = m.next
            }
        }
        // What the months found wrong is theirs, reported when they are settled.
        warnings.removeSubrange(settled.warnings...)
        problems.removeSubrange(settled.problems...)
        (month, withBudgets, onlyIncentiveLedger) = (settled.month, settled.withBudgets, settled.onlyIncentiveLedger)
    }

    /// A builder for another month of the same case, with the same person context (and the
    /// agreement in force then, if another).
    func sameContext(month m: Month, agreement other: Agreement? = nil) -> StatementBuilder {
        var b = StatementBuilder(agreement: other ?? agreement, month: m)
        b.allCases = allCases
        b.earlierIndices = earlierIndices
        b.earlier = earlier
        b.agreements = agreements
        return b
    }

    /// The reduced absence days of the person's earlier cases in `year`, each case under its own
    /// agreement's rules and counting the cases before it: what this case's caps start from.
    /// Empty when the rules have no caps or the person has no earlier case with absences.
    func priorAbsenceDays(year: Int, rules: AbsenceRules?) -> [AbsenceCalendar.ReducedDay] {
        guard let rules, !earlier.isEmpty, rules.yearlyCapDays != nil || rules.rules.contains(where: { $0.yearlyCapDays != nil })
        else { return [] }
        var all: [AbsenceCalendar.ReducedDay] = []
        for k in earlierIndices[earlier] {
            let e = allCases[k]
            guard !e.absences.isEmpty && e.start.year <= year && (e.end.map { $0.year >= year } ?? true) else { continue }
            let own: AbsenceRules?
            if e.provider == agreement.provider.id {
                own = agreement.absenceRules
            } else if let other = agreements.first(where: { $0.provider.id == e.provider && $0.validity.contains(CivilDate(year: year, month: 12, day: 31)!) || $0.provider.id == e.provider && $0.validity.contains(e.start) }) {
                own = other.absenceRules
            } else {
                own = rules  // the earlier case's agreement is not among those given: counted under these rules
            }
            guard let own else { continue }
            all += AbsenceCalendar.reducedDays(e, rules: own, year: year, prior: all)
            all.sort { $0.date < $1.date }
        }
        return all
    }

    /// Takes over the lines, warnings, budgets and problems of builders of the same agreement and
    /// month that settled consecutive chunks of cases, in their order; the parts are left empty.
    /// Moved, not shared: a list still held by a part was copied whole when the yearly caps added
    /// their line to it (at a million cases, a tenth of settling's time and 100 MiB, in the months
    /// a provider reached a cap).
    mutating func join(_ parts: inout [StatementBuilder]) {
        if parts.count == 1 {
            swap(&lines, &parts[0].lines)
            swap(&warnings, &parts[0].warnings)
            swap(&budgets, &parts[0].budgets)
            swap(&problems, &parts[0].problems)
            return
        }
        // With room for the caps' two lines (`applyCaps`).
        lines.reserveCapacity(parts.reduce(0) { $0 + $1.lines.count } + 2)
        for k in parts.indices {
            lines += parts[k].lines
            warnings += parts[k].warnings
            budgets += parts[k].budgets
            problems += parts[k].problems
            parts[k].lines = []
            parts[k].warnings = []
            parts[k].budgets = []
            parts[k].problems = []
        }
    }

    func statement(issued: CivilDate) -> Statement {
        Statement(number: agreement.provider.statementPrefix + "-" + month.iso, month: month, issued: issued,
                  agreementID: agreement.id, youthOffice: agreement.youthOffice, provider: agreement.provider,
                  bearers: agreement.bearers, services: agreement.services, lines: lines, warnings: warnings,
                  budgets: budgets, paymentTerms: agreement.paymentTerms)
    }

    /// Settles one case's month: clearing, then what its service pays, its top-ups, its budgets,
    /// its incentives. `handsOverLastDay`: the case's last day is another case's first (only that
    /// one bills it). `successor`: the person's next case after this one ended.
    mutating func settle(_ c: borrowing Case, handsOverLastDay: Bool = false, successor: Successor? = nil) {
        let services = agreement.services
        guard var terms = agreement.incentives else {
            services.withUnsafeBufferPointer {
                settle(c, handsOverLastDay: handsOverLastDay, successor: successor, services: $0, incentives: nil)
            }
            return
        }
        services.withUnsafeBufferPointer { services in
            withUnsafeMutablePointer(to: &terms) {
                settle(c, handsOverLastDay: handsOverLastDay, successor: successor, services: services, incentives: $0)
            }
        }
    }

    /// The same, for a case of the caseload read in place (`inout`, never changed): borrowed, a
    /// case read through its list was copied for the call (a retain of its records, cold at a
    /// million cases: 4 % of a year's time), the builder holding that list and changing.
    /// `services` and `incentives`: the builder's agreement's services and incentive terms, read
    /// in place for all the cases of a run. Taken out of the agreement for each case-month, the
    /// services were retained and released each time (atomic writes that waited for the lines
    /// written before them, 6 % of settling's time), and the terms were copied (4 %).
    mutating func settle(inPlace c: inout Case, handsOverLastDay: Bool, successor: Successor?,
                         services: UnsafeBufferPointer<Service>, incentives: UnsafeMutablePointer<IncentiveTerms>?) {
        settle(c, handsOverLastDay: handsOverLastDay, successor: successor, services: services, incentives: incentives)
    }

    private mutating func settle(_ c: borrowing Case, handsOverLastDay: Bool, successor: Successor?,
                                 services list: UnsafeBufferPointer<Service>, incentives: UnsafeMutablePointer<IncentiveTerms>?) {
        // The case's service read in place (`inout`, never changed): looked up and handed over,
        // it was copied for every case-month (a retain per field).
        let index = agreement.serviceIndex(c.service)
        let service = index.map { UnsafeMutablePointer(mutating: list.baseAddress!) + $0 }
        let firstLine = lines.count
        if let active = c.activeDays(in: month.period) {
            if let service {
                settleCare(c, service: &service.pointee, serviceAt: index!, active: active, handsOverLastDay: handsOverLastDay)
            } else {
                problems.append(SettlementProblem(caseID: c.id, kind: .unknownService(c.service), day: active.from))
            }
        }
        // Incentive events may fall after the case's last day (a report's grace period, a successor).
        if withBudgets, let incentives, c.hasIncentiveRecords || c.end.map({ $0 >= month.firstDay }) ?? false
            || successor.map({ month.period.contains($0.start) }) ?? false, let service {
            settleIncentives(c, service: &service.pointee, terms: &incentives.pointee, caseLines: firstLine,
                             handsOverLastDay: handsOverLastDay, successor: successor)
        }
    }

    /// `serviceAt`: the place of `service` in the agreement's services, for its rates.
    private mutating func settleCare(_ c: borrowing Case, service: inout Service, serviceAt: Int, active: Period, handsOverLastDay: Bool) {
        let firstLine = lines.count
        var firstUncleared: CivilDate? = c.start
        if let clearing = c.clearing {
            if !onlyIncentiveLedger { settleClearing(c, clearing, service: service, active: active) }
            // Still in clearing: no category yet, no rate after it.
            firstUncleared = clearing.to?.next
        }
        // Days after clearing, without a day handed over to the receiving case.
        var base: Period? = firstUncleared.flatMap { active.clipped(from: $0) }
        if handsOverLastDay, let end = c.end, let b = base, b.to == end { base = b.clipped(to: end.previous) }
        let boundaries = c.hasBudgets ? Self.budgetBoundaries(c, mode: agreement.budgetTerms.mode, within: month.period) : []
        switch service.payment {
        case .monthly:
            if let base { settleFlatRates(c, service: service, serviceAt: serviceAt, billable: base, boundaries: boundaries) }
        case .daily:
            if !agreement.lastDayBilled, let end = c.end, let b = base, b.to == end { base = b.clipped(to: end.previous) }
            if let base { settleDailyRates(c, service: service, serviceAt: serviceAt, billable: base, boundaries: boundaries) }
        case .hourly:
            settleHours(c, service: service, serviceAt: serviceAt, active: active)
        case .budget:
            break
        }
        if onlyIncentiveLedger { return }
        if withBudgets && c.hasTopUps { settleTopUps(c, service: service, handsOverLastDay: handsOverLastDay) }
        if withBudgets && c.hasBudgets {
            settleBudgets(c, service: service, caseLines: firstLine..<lines.count, handsOverLastDay: handsOverLastDay)
        }
    }

    /// Days where a drawdown budget starts or the day after it ends: base lines are split there
    /// so that each line lies wholly inside or outside the budget. `mode`: the agreement's, for
    /// budgets that name none. Only the days within `month`, where the month's lines lie: most
    /// months have none, and an empty list needs no memory (all of a case's days, sorted, were
    /// three allocations in every month of a case with a budget). Static: a method of the builder
    /// called while settling copied the builder whole (some 970 bytes) for every case-month.
    static func budgetBoundaries(_ c: Case, mode: BudgetMode, within month: Period) -> [CivilDate] {
        var days: [CivilDate] = []
        for b in c.budgets where (b.mode ?? mode) == .drawdown {
            if month.contains(b.period.from) { days.append(b.period.from) }
            let after = b.period.to.next
            if month.contains(after) { days.append(after) }
        }
        if days.count > 1 { days.sort() }
        return days
    }

    // MARK: Lines and bearers (SPEC § 13)

    /// Appends a line with its bearer split.
    mutating func append(_ c: Case, service: Service, _ line: consuming StatementLine) {
        // The year's incentive ledger reads kinds and amounts only: no bearer split for it.
        if onlyIncentiveLedger {
            lines.append(consume line)
            return
        }
        line.bearerParts = Agreement.split(line.amount, rules: agreement.bearerRules, otherwise: agreement.defaultShares.numerators,
                                           setting: service.setting, service: service.id, kind: line.kind, flags: c.flags)
        lines.append(consume line)
    }

    /// A line of the case with the fields every line has; the caller sets the rest.
    func line(_ c: Case, service: Service, kind: LineKind, category: String? = nil, period: Period,
              quantity: ExactDecimal, unit: QuantityUnit, rate: Money, rateUnit: RateUnit, amount: Money) -> StatementLine {
        StatementLine(caseID: c.id, fileReference: c.fileReference, service: service.id, kind: kind, category: category,
                      period: period, quantity: quantity, unit: unit, rate: rate, rateUnit: rateUnit, amount: amount,
                      bearerParts: BearerParts())
    }
}

extension Period {
    /// Calls `body` for each part of the period between the given days (each a first day of a
    /// part), in order; `boundaries` must be sorted.
    func split(at boundaries: [CivilDate], _ body: (Period) -> Void) {
        var start = from
        for b in boundaries where b > start && b <= to {
            body(Period(start, b.previous))
            start = b
        }
        body(Period(start, to))
    }
}

extension ExactDecimal {
    init(_ n: Int) { self.init(units: Int64(n), scale: 0) }
    static let hundred = ExactDecimal(100)
    var isHundred: Bool { units == 100 * denominator }
}

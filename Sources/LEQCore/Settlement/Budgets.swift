// Case budgets (SPEC § 9): installments proportional to the days of the period in each month,
// the last one taking the remainder; or a drawdown by the case's base lines, cut where they
// would pass the budget (plus an approved overrun), with the savings share when the period ends.
extension StatementBuilder {
    mutating func settleBudgets(_ c: Case, service: Service, caseLines: Range<Int>, handsOverLastDay: Bool) {
        for budget in c.budgets {
            guard let inMonth = budget.period.intersection(month.period) else { continue }
            switch budget.mode ?? agreement.budgetTerms.mode {
            case .installments:
                let (before, this) = Self.installment(budget, in: month, rounding: agreement.rounding)
                var l = line(c, service: service, kind: .budgetInstallment, period: inMonth, quantity: ExactDecimal(inMonth.dayCount),
                             unit: .day, rate: budget.amount, rateUnit: .once, amount: this)
                l.budgetPeriod = budget.period
                l.basisDays = budget.period.dayCount
                append(c, service: service, consume l)
                budgets.append(BudgetStatus(caseID: c.id, period: budget.period, mode: .installments, amount: budget.amount,
                                            overrunApproved: .zero, usedBefore: before, usedThisMonth: this))
            case .drawdown:
                let drawnNow = Self.drawn(lines[caseLines], by: budget)
                var drawnBefore = Money.zero
                if budget.period.from.month < month {
                    resettle(c, from: budget.period.from.month, through: month.previous, handsOverLastDay: handsOverLastDay) { lines in
                        drawnBefore += Self.drawn(lines, by: budget)
                    }
                }
                let limit = budget.amount + budget.overrunApproved
                let paidBefore = min(drawnBefore, limit)
                let paidNow = min(drawnBefore + drawnNow, limit)
                let cut = drawnNow - (paidNow - paidBefore)
                if cut > .zero {
                    var l = line(c, service: service, kind: .budgetCut, period: inMonth, quantity: ExactDecimal(1), unit: .once,
                                 rate: budget.amount, rateUnit: .once, amount: -cut)
                    l.budgetPeriod = budget.period
                    append(c, service: service, consume l)
                    warnings.append(SettlementWarning(caseID: c.id, kind: .budgetExceeded, period: inMonth, days: 0, amount: cut))
                }
                let status = BudgetStatus(caseID: c.id, period: budget.period, mode: .drawdown, amount: budget.amount,
                                          overrunApproved: budget.overrunApproved, usedBefore: paidBefore,
                                          usedThisMonth: paidNow - paidBefore)
                budgets.append(status)
                if month.period.contains(budget.period.to), let share = agreement.budgetTerms.savingsSharePercent, status.left > .zero {
                    let savings = agreement.rounding.percent(share, of: status.left)
                    var l = line(c, service: service, kind: .budgetSavings, period: budget.period, quantity: ExactDecimal(1), unit: .once,
                                 rate: status.left, rateUnit: .once, amount: savings)
                    l.percent = share
                    l.budgetPeriod = budget.period
                    append(c, service: service, consume l)
                }
            }
        }
    }

    /// What base lines draw from a budget: those that start inside its period.
    private static func drawn(_ lines: ArraySlice<StatementLine>, by budget: CaseBudget) -> Money {
        var sum = Money.zero
        for i in lines.indices where lines[i].kind.drawsBudget && budget.period.contains(lines[i].period.from) { sum += lines[i].amount }
        return sum
    }

    /// The installments of a budget from its first month through `month`: each month's share of
    /// the days, rounded; the budget's last month takes what remains, so the parts add up to it.
    static func installments(_ budget: CaseBudget, through month: Month, rounding: RoundingMode) -> [Money] {
        var parts: [Money] = []
        forEachInstallment(budget, through: month, rounding: rounding) { parts.append($0) }
        return parts
    }

    /// `month`'s installment and what the months before it paid: the last of `installments` and
    /// the sum of the others, without a list of them made each month.
    static func installment(_ budget: CaseBudget, in month: Month, rounding: RoundingMode) -> (before: Money, this: Money) {
        var before = Money.zero, this = Money.zero
        forEachInstallment(budget, through: month, rounding: rounding) { part in
            before += this
            this = part
        }
        return (before, this)
    }

    /// Each month's installment from the budget's first month through `month` (or its last, if
    /// earlier): the month's days of the period over all of them, rounded; the last month the
    /// remainder. The months are walked as day numbers, each month's end found from its length
    /// (a `Month` made and intersected per step cost more than the rounding).
    private static func forEachInstallment(_ budget: CaseBudget, through month: Month, rounding: RoundingMode, _ body: (Money) -> Void) {
        let period = budget.period
        let total = Int128(period.dayCount)
        let end = period.to.dayNumber
        var paid = Money.zero
        var (year, m, day) = period.from.components
        // The first day of the budget in the month walked, and that month's last day.
        var first = period.from.dayNumber
        var last = first + Int32(CivilDate.daysIn(year: year, month: m) - day)
        // A month's installment depends only on its number of days: those of whole months (28 to
        // 31 days) are rounded once each, kept on the stack (`Int64.min`: not yet), not once per
        // month walked (a division each; a case's budget is walked from its first month every
        // month: 4 % of settling's instructions).
        withUnsafeTemporaryAllocation(of: Int64.self, capacity: 4) { wholeMonths in
            wholeMonths.initialize(repeating: .min)
            func share(_ days: Int) -> Int64 { rounding.round(Int128(budget.amount.cents) * Int128(days), over: total) }
            while (year, m) <= (month.year, month.month), first <= end {
                let days = Int(last - first + 1)
                let part: Money
                if last >= end {
                    part = budget.amount - paid
                } else if days >= 28 && days <= 31 {
                    if wholeMonths[days - 28] == .min { wholeMonths[days - 28] = share(days) }
                    part = Money(cents: wholeMonths[days - 28])
                } else {
                    part = Money(cents: share(days))
                }
                body(part)
                paid += part
                (year, m) = m == 12 ? (year + 1, 1) : (year, m + 1)
                first = last + 1
                last += Int32(CivilDate.daysIn(year: year, month: m))
            }
        }
    }
}

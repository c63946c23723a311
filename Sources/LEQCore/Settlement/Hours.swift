// Specialist hours (SPEC § 8): delivered hours are paid while the approvals covering their month
// last, in month order; the rest is listed with amount 0 and a warning.
extension StatementBuilder {
    mutating func settleHours(_ c: Case, service: Service, serviceAt: Int, active: Period) {
        let hours = c.hours
        guard let (delivered, paid) = Self.quarterHours(hours, month: month) else { return }
        let notApproved = delivered - paid
        // The rate in force on the month's first day of care, for the category of that day.
        let day = active.from
        let category = c.effectiveCategories.last { $0.from <= day }?.category
        guard let schedule = agreement.hourlyRate(serviceAt: serviceAt, category: category), let step = schedule.step(on: day) else {
            problems.append(SettlementProblem(caseID: c.id, kind: .missingRate(.hours, category: category), day: day))
            return
        }
        if paid > 0 {
            let amount = Money(cents: agreement.rounding.round(Int128(step.amount.cents) * Int128(paid), over: 4))
            var l = line(c, service: service, kind: .hours, category: category, period: active,
                         quantity: ExactDecimal(quarterHours: paid), unit: .hour, rate: step.amount, rateUnit: .hour, amount: amount)
            l.increase = step.increase
            append(c, service: service, consume l)
        }
        if notApproved > 0 {
            let hours = ExactDecimal(quarterHours: notApproved)
            var l = line(c, service: service, kind: .hoursNotApproved, category: category, period: active,
                         quantity: hours, unit: .hour, rate: step.amount, rateUnit: .hour, amount: .zero)
            l.increase = step.increase
            append(c, service: service, consume l)
            warnings.append(SettlementWarning(caseID: c.id, kind: .hoursNotApproved, period: active, days: 0, hours: hours))
        }
    }

    /// The quarter hours delivered in `month` (the first record of it) and those of them paid; nil
    /// when none are recorded for it. The approvals are used up by the delivered months in
    /// order, each month drawing on the approvals covering it in their order (SPEC § 8). What is
    /// left of each approval is counted on the stack: a list of it was an allocation per case-month.
    /// Both lists are in order (`Hours` keeps them so): an approval that ended before a month
    /// covers no later month either, and one that starts after it no earlier one, so each month
    /// looks only at the approvals around it (every month against every approval was a tenth of
    /// settling a case with hours, years of months against years of approvals).
    /// The month's record is found on the same walk: a case with hours has a record for every
    /// month since it began, and each walk through them waits for them from memory (looking the
    /// month up apart, first, was 4 % of settling's time; halving the list for it, 8 %).
    static func quarterHours(_ hours: Hours, month: Month) -> (delivered: Int, paid: Int)? {
        let approvals = hours.approvals, delivered = hours.delivered
        return withUnsafeTemporaryAllocation(of: Int.self, capacity: approvals.count) { remaining in
            for j in approvals.indices { remaining[j] = approvals[j].quarterHours }
            var paid = 0
            var inMonth: Int?
            // The first approval that may cover the month walked, and later ones.
            var open = 0
            // By index, fields read where they are: `for d in delivered` copied each month's record.
            for k in delivered.indices {
                guard delivered[k].month <= month else { break }
                if inMonth == nil && delivered[k].month == month { inMonth = delivered[k].quarterHours }
                var left = delivered[k].quarterHours
                paid = 0
                let first = delivered[k].month.firstDay, last = delivered[k].month.lastDay
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
            }
            return inMonth.map { ($0, paid) }
        }
    }
}

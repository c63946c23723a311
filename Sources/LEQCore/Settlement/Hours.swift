// Specialist hours (SPEC § 8): delivered hours are paid while the approvals covering their month
// last, in month order; the rest is listed with amount 0 and a warning.
extension StatementBuilder {
    mutating func settleHours(_ c: Case, service: Service, serviceAt: Int, active: Period) {
        guard let (delivered, paid) = c.hours.quarterHours(in: month) else { return }
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
}

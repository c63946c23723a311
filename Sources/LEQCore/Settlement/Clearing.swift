// Clearing (SPEC § 5): the fee once when clearing ends, approved extension days 43–84 at the
// weekly rate ÷ 7, warnings for the rest.
extension StatementBuilder {
    mutating func settleClearing(_ c: Case, _ clearing: Clearing, service: Service, active: Period) {
        guard let terms = agreement.clearing else {
            problems.append(SettlementProblem(caseID: c.id, kind: .noClearingTerms, day: clearing.from))
            return
        }
        let month = self.month.period
        // A running clearing counts its days through the last active day of the month.
        let end = clearing.to ?? active.to
        if clearing.to == nil, let caseEnd = c.end, month.contains(caseEnd) {
            warnings.append(SettlementWarning(caseID: c.id, kind: .clearingWithoutEnd, period: Period(clearing.from, caseEnd),
                                              days: Period(clearing.from, caseEnd).dayCount))
        }
        guard clearing.from <= end, let inMonth = Period(clearing.from, end).intersection(month) else { return }

        if let to = clearing.to, month.contains(to) {
            let covered = Period(clearing.from, min(to, clearing.from.advanced(by: terms.feeDays - 1)))
            if let step = terms.fee.step(on: clearing.from) {
                var l = line(c, service: service, kind: .clearingFee, period: Period(clearing.from, to), quantity: ExactDecimal(1),
                             unit: .once, rate: step.amount, rateUnit: .once, amount: step.amount)
                l.increase = step.increase
                l.clearingDays = 1...covered.dayCount
                append(c, service: service, consume l)
            } else {
                problems.append(SettlementProblem(caseID: c.id, kind: .missingRate(.clearingFee, category: nil), day: clearing.from))
            }
        }

        // Days after the fee's up to the maximum; none where the agreement's maximum is the fee's days.
        let extensionDays = terms.maxDays > terms.feeDays
            ? Period(clearing.from.advanced(by: terms.feeDays), clearing.from.advanced(by: terms.maxDays - 1)) : nil
        if let days = extensionDays?.intersection(inMonth) {
            if clearing.extensionApproved {
                let missing = terms.extensionWeekly.forEachStep(in: days) { part, step in
                    let daily = agreement.rounding.scale(step.amount, by: 1, over: 7)
                    let first = clearing.from.distance(to: part.from) + 1
                    var l = line(c, service: service, kind: .clearingExtension, period: part, quantity: ExactDecimal(part.dayCount),
                                 unit: .day, rate: daily, rateUnit: .day, amount: daily * part.dayCount)
                    l.increase = step.increase
                    l.weeklyRate = step.amount
                    l.clearingDays = first...(first + part.dayCount - 1)
                    append(c, service: service, consume l)
                }
                if let missing {
                    problems.append(SettlementProblem(caseID: c.id, kind: .missingRate(.clearingExtension, category: nil), day: missing))
                }
            } else {
                warnings.append(SettlementWarning(caseID: c.id, kind: .clearingExtensionNotApproved, period: days, days: days.dayCount))
            }
        }
        if let beyond = inMonth.clipped(from: clearing.from.advanced(by: terms.maxDays)) {
            warnings.append(SettlementWarning(caseID: c.id, kind: .clearingBeyondMaximum, period: beyond, days: beyond.dayCount))
        }
    }
}

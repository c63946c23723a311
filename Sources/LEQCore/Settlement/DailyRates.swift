// Daily rates with absences (SPEC §§ 2, 7): one line for the days present, and one for each run
// of absence days paid in full, reduced, or not at all.
extension StatementBuilder {
    mutating func settleDailyRates(_ c: Case, service: Service, serviceAt: Int, billable: Period, boundaries: [CivilDate]) {
        let calendar = AbsenceCalendar(c, rules: agreement.absenceRules, month: month,
                                       prior: priorAbsenceDays(year: month.year, rules: agreement.absenceRules))
        // The category periods, and before the first one the days without a category; settled as
        // they are found (a list of them was an allocation per case-month).
        let categories = c.effectiveCategories
        if let gap = billable.clipped(to: (categories.first?.from ?? billable.to.next).previous) {
            settleDailyPart(c, service: service, serviceAt: serviceAt, part: gap, category: nil, boundaries: boundaries, calendar: calendar)
        }
        for (k, period) in categories.enumerated() {
            let until = k + 1 < categories.count ? categories[k + 1].from.previous : billable.to
            guard period.from <= until, let part = Period(period.from, until).intersection(billable) else { continue }
            settleDailyPart(c, service: service, serviceAt: serviceAt, part: part, category: period.category, boundaries: boundaries, calendar: calendar)
        }
    }

    /// The days of one category (or of none) within the month.
    private mutating func settleDailyPart(_ c: Case, service: Service, serviceAt: Int, part: Period, category: String?, boundaries: [CivilDate],
                                          calendar: AbsenceCalendar) {
        guard let schedule = agreement.dailyRate(serviceAt: serviceAt, category: category) else {
            if let category {
                problems.append(SettlementProblem(caseID: c.id, kind: .missingRate(.dailyRate, category: category), day: part.from))
            } else {
                warnings.append(SettlementWarning(caseID: c.id, kind: .noCategory, period: part, days: part.dayCount))
            }
            return
        }
        let missing = schedule.forEachStep(in: part) { segment, step in
            segment.split(at: boundaries) { piece in
                dailyLines(c, service: service, category: category, piece: piece, step: step, calendar: calendar)
            }
        }
        if let missing {
            problems.append(SettlementProblem(caseID: c.id, kind: .missingRate(.dailyRate, category: category), day: missing))
        }
    }

    private mutating func dailyLines(_ c: Case, service: Service, category: String?, piece: Period, step: RateStep,
                                     calendar: AbsenceCalendar) {
        var present = calendar.allPresent ? piece.dayCount : 0
        var day = piece.from
        while !calendar.allPresent && day <= piece.to {
            if calendar.day(day).pay == .present { present += 1 }
            day = day.next
        }
        if present > 0 {
            var l = line(c, service: service, kind: .dailyRate, category: category, period: piece, quantity: ExactDecimal(present),
                         unit: .day, rate: step.amount, rateUnit: .day, amount: step.amount * present)
            l.increase = step.increase
            append(c, service: service, consume l)
        }
        guard present < piece.dayCount else { return }
        // Runs of absence days with the same absence and the same pay.
        day = piece.from
        while day <= piece.to {
            let first = calendar.day(day)
            guard first.pay != .present else { day = day.next; continue }
            var end = day
            while end < piece.to {
                let next = calendar.day(end.next)
                guard next.pay == first.pay, next.absence == first.absence else { break }
                end = end.next
            }
            let run = Period(day, end)
            let absence = c.absences[first.absence]
            let rule = agreement.absenceRules?.rule(for: absence.reason)
            let reduced = rule.map { agreement.rounding.percent($0.percent, of: step.amount) } ?? step.amount
            let kind: LineKind, rate: Money, amount: Money
            switch first.pay {
            case .full: (kind, rate, amount) = (.absenceFull, step.amount, step.amount * run.dayCount)
            case .reduced: (kind, rate, amount) = (.absenceReduced, reduced, reduced * run.dayCount)
            default: (kind, rate, amount) = (.absenceUnpaid, reduced, .zero)
            }
            var l = line(c, service: service, kind: kind, category: category, period: run, quantity: ExactDecimal(run.dayCount),
                         unit: .day, rate: rate, rateUnit: .day, amount: amount)
            l.increase = step.increase
            l.reason = absence.reason
            l.absenceDays = first.number...(first.number + run.dayCount - 1)
            if kind != .absenceFull, let rule {
                l.percent = rule.percent
                l.fullRate = step.amount
            }
            append(c, service: service, consume l)
            if kind == .absenceUnpaid {
                warnings.append(SettlementWarning(caseID: c.id, kind: .absenceCapReached, period: run, days: run.dayCount))
            }
            day = end.next
        }
    }
}

// Top-ups for additional individual care (zusätzliche Einzelfallhilfe, SPEC § 11, seed 003):
// which days are due, which of them are paid, withheld or not paid and why, the catch-up in the
// month the proof arrives, and the end.

/// Why a top-up day is not paid, why a top-up ends, or what a paid top-up day had going on.
public enum TopUpReason: String, Sendable, CaseIterable {
    /// Paid in full while the young person is away (staff hired or hours increased for them).
    case absentPaid
    /// Reduced like the base rate while the young person is away (Bettengeld agreed).
    case absentReduced
    /// Paid on while the extra staff is ill.
    case staffIll
    /// Paid on past day 42 of the staff's illness because a substitute works.
    case substitute
    /// Not paid: the extra staff has not started yet.
    case staffNotStarted
    /// Not paid: the young person is away and the care is given by a volunteer (FSJ, BFD).
    case absentVolunteer
    /// Not paid: the young person is away and the care is bought from an external service.
    case absentExternal
    /// Not paid: an absence day past the yearly cap (Bettengeld agreed).
    case absenceCapReached
    /// Not paid: the approval ended without proof of the extra staff.
    case proofMissing
    // The ends (TopUpEndReason), for days after the end and for the line that marks it.
    case serviceChange
    case providerChange
    case permanentDeparture
    case approvalExpired
    case caseEnded
    case staffIllness

    init(_ end: TopUpEndReason) { self.init(rawValue: end.rawValue)! }
}

/// The days an approval's top-up is due: from the later of approval start and staff start to the
/// earliest of approval end, case end and an end event.
struct TopUpSpan {
    var start: CivilDate
    var end: CivilDate
    var endReason: TopUpEndReason

    init(_ c: Case, _ a: TopUpApproval, handsOverLastDay: Bool) {
        start = max(a.period.from, a.staffStart)
        end = a.period.to
        endReason = .approvalExpired
        if let caseEnd = c.end.map({ handsOverLastDay ? $0.previous : $0 }), caseEnd <= end {
            end = caseEnd
            endReason = .caseEnded
        }
        for illness in a.continuousIllnesses {
            let day43 = illness.sickPayStarts
            let stillIll = illness.to.map { $0 >= day43 } ?? true
            let covered = illness.substituteFrom.map { $0 <= day43 } ?? false
            if stillIll && !covered && day43.previous <= end {
                end = day43.previous
                endReason = .staffIllness
                break
            }
        }
        if let recorded = a.end, recorded.lastDay <= end {
            end = recorded.lastDay
            endReason = recorded.reason
        }
    }
}

extension TopUpApproval {
    /// Illnesses with no day between them count as one continuous illness.
    var continuousIllnesses: [StaffIllness] {
        if staffIllnesses.count < 2 { return staffIllnesses }
        var merged: [StaffIllness] = []
        for illness in staffIllnesses {
            if var last = merged.last, let to = last.to, to.next == illness.from {
                last.to = illness.to
                last.substituteFrom = last.substituteFrom ?? illness.substituteFrom
                merged[merged.count - 1] = last
            } else {
                merged.append(illness)
            }
        }
        return merged
    }

    /// Whether the proof arrived in time to be paid: by the last day the top-up is due.
    func proofCounts(_ span: TopUpSpan) -> Bool { proofReceived.map { $0 <= span.end } ?? false }
}

/// A run of top-up days (or a month's hours) with the same pay and the same reason.
struct TopUpPiece {
    var period: Period
    var paid: Bool
    var reason: TopUpReason?
    var quantity: ExactDecimal
    var unit: QuantityUnit
    var rate: Money
    var amount: Money
    var tariff: TopUpTariff
    var percent: ExactDecimal? = nil
    var fullRate: Money? = nil
    /// Which days of an absence or illness.
    var dayNumbers: ClosedRange<Int>? = nil
    /// The absence's reason as the case names it.
    var absenceReason: String? = nil
}

extension StatementBuilder {
    mutating func settleTopUps(_ c: Case, service: Service, handsOverLastDay: Bool) {
        // An approval ended before the month has nothing in it (its span ends by its period's
        // end): passed over in place, not copied with its lists.
        let topUps = c.topUps
        for k in topUps.indices where topUps[k].period.from <= month.lastDay && topUps[k].period.to >= month.firstDay {
            let a = topUps[k]
            let span = TopUpSpan(c, a, handsOverLastDay: handsOverLastDay)
            guard span.end >= a.period.from, span.end.month >= month else { continue }
            let proofCounts = a.proofCounts(span)
            let paysNow = proofCounts && a.proofReceived! <= month.lastDay
            let endsNow = month.period.contains(span.end)
            // In the month a top-up ends without proof, its days are not withheld any more but lost.
            let forfeitsNow = endsNow && !proofCounts
            // The month the proof arrives pays what every earlier month withheld.
            if paysNow, a.proofReceived!.month == month {
                var earlier = a.period.from.month
                while earlier < month {
                    if let due = topUpDue(c, a, span: span, month: earlier, handsOverLastDay: handsOverLastDay) {
                        var l = line(c, service: service, kind: .topUpCatchUp, period: due.days, quantity: ExactDecimal(1),
                                     unit: .once, rate: due.amount, rateUnit: .once, amount: due.amount)
                        // Days × daily rate where the withheld month had one rate (the usual case),
                        // so that the provider sees what the catch-up pays for.
                        if let rate = due.dailyRate { (l.quantity, l.unit, l.rate, l.rateUnit) = (due.quantity, .day, rate, .day) }
                        l.forMonth = earlier
                        append(c, service: service, consume l)
                    }
                    earlier = earlier.next
                }
            }
            // The line that marks the end comes after the last day due, before the days after it.
            var ended: StatementLine?
            if endsNow {
                ended = line(c, service: service, kind: .topUpEnded, period: Period(span.end, span.end), quantity: ExactDecimal(1),
                             unit: .once, rate: .zero, rateUnit: .once, amount: .zero)
                ended!.topUpReason = TopUpReason(span.endReason)
            }
            for piece in topUpPieces(c, a, span: span, month: month, handsOverLastDay: handsOverLastDay) {
                if let end = ended, piece.period.from > span.end {
                    append(c, service: service, end)
                    ended = nil
                }
                let kind: LineKind = !piece.paid || forfeitsNow ? .topUpNotPaid : paysNow ? .topUp : .topUpWithheld
                var l = line(c, service: service, kind: kind, period: piece.period, quantity: piece.quantity, unit: piece.unit,
                             rate: piece.rate, rateUnit: piece.unit == .hour ? .hour : .day,
                             amount: kind == .topUp ? piece.amount : .zero)
                if a.mode == .daily {
                    l.annualCost = piece.tariff.annualCost
                    l.positionShare = piece.tariff.positionShare
                }
                if kind == .topUpWithheld { l.withheld = piece.amount }
                l.topUpReason = piece.paid && forfeitsNow ? .proofMissing : piece.reason
                l.percent = piece.percent
                l.fullRate = piece.fullRate
                l.absenceDays = piece.dayNumbers
                l.reason = piece.absenceReason
                append(c, service: service, consume l)
            }
            if let end = ended { append(c, service: service, end) }
            guard forfeitsNow, span.start <= span.end else { continue }
            // Nothing of the top-up is paid (seed 003 no. 12: the extra staff was never proven).
            var forfeited = Money.zero
            var m = a.period.from.month
            while m <= month {
                forfeited += topUpDue(c, a, span: span, month: m, handsOverLastDay: handsOverLastDay)?.amount ?? .zero
                m = m.next
            }
            let due = Period(span.start, span.end)
            var l = line(c, service: service, kind: .topUpForfeited, period: due, quantity: ExactDecimal(1), unit: .once,
                         rate: .zero, rateUnit: .once, amount: .zero)
            l.withheld = forfeited
            l.topUpReason = .proofMissing
            append(c, service: service, consume l)
            warnings.append(SettlementWarning(caseID: c.id, kind: .topUpProofMissing, period: due, days: due.dayCount,
                                              amount: forfeited))
        }
    }

    /// What an approval's top-up came to in month `m` (paid or withheld alike), and the days from
    /// the first to the last day paid; nil when nothing was due.
    func topUpDue(_ c: Case, _ a: TopUpApproval, span: TopUpSpan, month m: Month, handsOverLastDay: Bool)
        -> (amount: Money, days: Period, quantity: ExactDecimal, dailyRate: Money?)? {
        let paid = topUpPieces(c, a, span: span, month: m, handsOverLastDay: handsOverLastDay).filter(\.paid)
        let amount = paid.reduce(Money.zero) { $0 + $1.amount }
        guard amount != .zero, let first = paid.first, let last = paid.last else { return nil }
        // One daily rate over whole days: the amount is exactly days × rate.
        let days = paid.reduce(Int64(0)) { $0 + ($1.quantity.scale == 0 ? $1.quantity.units : 0) }
        let oneRate = paid.allSatisfy { $0.unit == .day && $0.quantity.scale == 0 && $0.rate == first.rate }
            && Money(cents: first.rate.cents * days) == amount
        return (amount, Period(first.period.from, last.period.to), ExactDecimal(units: days, scale: 0), oneRate ? first.rate : nil)
    }

    /// The top-up of one approval in month `m`, as runs of days with the same pay and reason.
    /// Amounts are what would be paid; whether they are paid or withheld is decided by the caller.
    func topUpPieces(_ c: Case, _ a: TopUpApproval, span: TopUpSpan, month m: Month, handsOverLastDay: Bool) -> [TopUpPiece] {
        guard let active = c.activeDays(in: m.period), var frame = a.period.intersection(active) else { return [] }
        if handsOverLastDay, let end = c.end, frame.to == end {
            guard let clipped = frame.clipped(to: end.previous) else { return [] }
            frame = clipped
        }
        // Days after the end are listed in the month the top-up ends, not in every month after.
        guard let shown = frame.clipped(to: span.end.month.lastDay) else { return [] }
        frame = shown
        switch a.mode {
        case .daily: return dailyTopUpPieces(c, a, span: span, month: m, frame: frame)
        case .hourly: return hourlyTopUpPieces(a, span: span, month: m, frame: frame)
        }
    }

    private func dailyTopUpPieces(_ c: Case, _ a: TopUpApproval, span: TopUpSpan, month m: Month, frame: Period) -> [TopUpPiece] {
        let rules = agreement.absenceRules
        let illnesses = a.continuousIllnesses
        /// One day: its pay, and what makes it differ from the day before (for grouping runs).
        struct Day: Equatable {
            var paid: Bool
            var reason: TopUpReason?
            var rate: Money
            var tariffFrom: CivilDate
            var percent: ExactDecimal? = nil
            var fullRate: Money? = nil
            var absence = -1
            var illness = -1
            var number = 0
        }
        var pieces: [TopUpPiece] = []
        var run: (first: Day, from: CivilDate, to: CivilDate)?
        func close(_ run: (first: Day, from: CivilDate, to: CivilDate)) {
            let d = run.first, days = run.from.distance(to: run.to) + 1
            var p = TopUpPiece(period: Period(run.from, run.to), paid: d.paid, reason: d.reason, quantity: ExactDecimal(days),
                               unit: .day, rate: d.rate, amount: d.paid ? d.rate * days : .zero, tariff: a.tariff(on: run.from),
                               percent: d.percent, fullRate: d.fullRate)
            if d.number > 0 { p.dayNumbers = d.number...(d.number + days - 1) }
            if d.absence >= 0 { p.absenceReason = c.absences[d.absence].reason }
            pieces.append(p)
        }
        // The usual month: due throughout, one tariff, nobody away or ill. One piece.
        let tariff = a.tariff(on: frame.from)
        if span.start <= frame.from && frame.to <= span.end && !a.tariffs.contains(where: { frame.from < $0.from && $0.from <= frame.to })
            && !c.absences.contains(where: { $0.from <= frame.to && ($0.to ?? frame.to) >= frame.from })
            && !illnesses.contains(where: { $0.from <= frame.to && ($0.to ?? frame.to) >= frame.from }) {
            let rate = tariff.dailyTopUp(agreement.rounding)
            return [TopUpPiece(period: frame, paid: true, reason: nil, quantity: ExactDecimal(frame.dayCount), unit: .day, rate: rate,
                               amount: rate * frame.dayCount, tariff: tariff)]
        }
        let calendar = AbsenceCalendar(c, rules: rules, month: m, prior: priorAbsenceDays(year: m.year, rules: rules))
        var date = frame.from
        var current = (tariff: tariff, rate: tariff.dailyTopUp(agreement.rounding))
        while date <= frame.to {
            if current.tariff.from != a.tariff(on: date).from {
                let t = a.tariff(on: date)
                current = (t, t.dailyTopUp(agreement.rounding))
            }
            let rate = current.rate
            var day = Day(paid: true, reason: nil, rate: rate, tariffFrom: current.tariff.from)
            if date > span.end {
                day.paid = false
                day.reason = TopUpReason(span.endReason)
            } else if date < span.start {
                day.paid = false
                day.reason = .staffNotStarted
            } else if let (index, number, pay) = absence(on: date, c, calendar: calendar, hasRules: rules != nil) {
                day.absence = index
                day.number = number
                switch a.staff {
                case .volunteerService: (day.paid, day.reason) = (false, .absentVolunteer)
                case .external: (day.paid, day.reason) = (false, .absentExternal)
                case .dedicated, .increasedHours:
                    day.reason = .absentPaid
                    if a.bettengeld, let rule = rules?.rule(for: c.absences[index].reason) {
                        switch pay {
                        case .reduced:
                            day.reason = .absentReduced
                            day.rate = agreement.rounding.percent(rule.percent, of: rate)
                            day.percent = rule.percent
                            day.fullRate = rate
                        case .unpaid:
                            (day.paid, day.reason) = (false, .absenceCapReached)
                        default: break
                        }
                    }
                }
            } else if let (index, illness) = illnesses.enumerated().first(where: { $0.element.from <= date && date <= ($0.element.to ?? span.end) }) {
                day.illness = index
                day.number = illness.from.distance(to: date) + 1
                day.reason = illness.substituteFrom.map { $0 <= date } == true ? .substitute : .staffIll
            }
            if let r = run, r.first.paid == day.paid, r.first.reason == day.reason, r.first.rate == day.rate,
               r.first.tariffFrom == day.tariffFrom, r.first.absence == day.absence, r.first.illness == day.illness {
                run!.to = date
            } else {
                if let r = run { close(r) }
                run = (day, date, date)
            }
            date = date.next
        }
        if let r = run { close(r) }
        return pieces
    }

    /// Whether the young person is away on `date`: the absence's index, the day's number within
    /// it, and how the base rate pays it. With absence rules the calendar decides (days of leaving
    /// and returning may count as present); without, every day of a recorded absence counts.
    private func absence(on date: CivilDate, _ c: Case, calendar: AbsenceCalendar, hasRules: Bool)
        -> (index: Int, number: Int, pay: AbsenceCalendar.Pay)? {
        if hasRules {
            let day = calendar.day(date)
            return day.pay == .present ? nil : (day.absence, day.number, day.pay)
        }
        for (index, a) in c.absences.enumerated() where a.from <= date && date <= (a.to ?? date) {
            return (index, a.from.distance(to: date) + 1, .full)
        }
        return nil
    }

    /// Hourly mode: the hours delivered in the month at the rate in force on its first due day;
    /// nothing for absences (only hours delivered are paid).
    private func hourlyTopUpPieces(_ a: TopUpApproval, span: TopUpSpan, month m: Month, frame: Period) -> [TopUpPiece] {
        let number = DeliveredHours.number(m)
        guard let hours = a.delivered.first(where: { $0.monthNumber == number }), hours.quarterHours > 0 else { return [] }
        let quantity = ExactDecimal(quarterHours: hours.quarterHours)
        guard span.start <= span.end, let due = frame.intersection(Period(span.start, span.end)) else {
            let reason: TopUpReason = frame.to < span.start ? .staffNotStarted : TopUpReason(span.endReason)
            let tariff = a.tariff(on: frame.from)
            return [TopUpPiece(period: frame, paid: false, reason: reason, quantity: quantity, unit: .hour,
                               rate: tariff.hourlyRate, amount: .zero, tariff: tariff)]
        }
        let tariff = a.tariff(on: due.from)
        let amount = agreement.rounding.scale(tariff.hourlyRate, by: hours.quarterHours, over: 4)
        return [TopUpPiece(period: due, paid: true, reason: nil, quantity: quantity, unit: .hour, rate: tariff.hourlyRate,
                           amount: amount, tariff: tariff)]
    }
}

import Testing
@testable import LEQCore

/// The absence calendar counts the days before the month in runs; this is the rule of SPEC § 7
/// walked day by day, as it was first written: both must pay every day the same.
@Suite("Absence calendar")
struct AbsenceCalendarTests {
    private struct Reference {
        let rules: AbsenceRules

        /// Each day's pay, absence and number from 1 January through `last`, day by day.
        func walk(_ c: Case, year: Int, through last: CivilDate, prior: [AbsenceCalendar.ReducedDay])
            -> [(date: CivilDate, day: AbsenceCalendar.Day)] {
            var out: [(date: CivilDate, day: AbsenceCalendar.Day)] = []
            let yearStart = CivilDate(year: year, month: 1, day: 1)!
            var usedInYear = 0
            var usedByRule = [Int](repeating: 0, count: rules.rules.count)
            let priorInYear = prior.filter { $0.date.year == year }
            var nextPrior = 0
            func indexOfRule(_ reason: String) -> Int? {
                rules.rules.firstIndex { $0.reason == reason } ?? rules.rules.firstIndex { $0.reason == nil }
            }
            for (index, absence) in c.absences.enumerated() {
                if absence.from > last { break }
                guard let r = indexOfRule(absence.reason) else { continue }
                let rule = rules.rules[r]
                var from = absence.from, to = absence.to ?? min(last, c.end ?? last)
                if rule.onlyFullDays {
                    from = from.next
                    if absence.to != nil { to = to.previous }
                }
                guard from <= to, to >= yearStart else { continue }
                let length = from.distance(to: to) + 1
                var day = max(from, yearStart)
                while day <= min(to, last) {
                    while nextPrior < priorInYear.count && priorInYear[nextPrior].date < day {
                        usedInYear += 1
                        if let k = indexOfRule(priorInYear[nextPrior].reason) { usedByRule[k] += 1 }
                        nextPrior += 1
                    }
                    let number = from.distance(to: day) + 1
                    var pay = AbsenceCalendar.Pay.full
                    if !(length <= rule.graceDays || (rule.reducedFrom == .afterGrace && number <= rule.graceDays)) {
                        if (rules.yearlyCapDays.map { usedInYear < $0 } ?? true) && (rule.yearlyCapDays.map { usedByRule[r] < $0 } ?? true) {
                            pay = .reduced
                            usedInYear += 1
                            usedByRule[r] += 1
                        } else {
                            pay = .unpaid
                        }
                    }
                    out.append((day, AbsenceCalendar.Day(pay: pay, absence: index, number: number)))
                    day = day.next
                }
            }
            return out
        }
    }

    /// A small generator, the same numbers on every run.
    private struct Numbers {
        var state: UInt64
        mutating func next(_ n: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(n))
        }
    }

    @Test("Runs counted before the month pay every day as the day-by-day walk does (grace, caps per reason and year, earlier cases, open absences), 400 generated cases × 12 months")
    func runsEqualDays() {
        var g = Numbers(state: 2026)
        let reasons = ["holiday", "hospital", "runaway"]
        for _ in 0..<400 {
            let yearCap: Int? = g.next(3) == 0 ? nil : 5 + g.next(60)
            var rules: [AbsenceRule] = []
            for reason in reasons where g.next(2) == 0 {
                rules.append(AbsenceRule(reason: reason, graceDays: g.next(6), reducedFrom: g.next(2) == 0 ? .afterGrace : .firstDay,
                                         percent: ExactDecimal(75), onlyFullDays: g.next(3) == 0,
                                         yearlyCapDays: g.next(2) == 0 ? nil : 1 + g.next(30)))
            }
            if g.next(4) != 0 {
                rules.append(AbsenceRule(graceDays: g.next(5), reducedFrom: g.next(2) == 0 ? .afterGrace : .firstDay,
                                         percent: ExactDecimal(80), onlyFullDays: g.next(3) == 0,
                                         yearlyCapDays: g.next(2) == 0 ? nil : 1 + g.next(40)))
            }
            let absenceRules = AbsenceRules(yearlyCapDays: yearCap, rules: rules)
            let start = CivilDate(year: 2025, month: 11, day: 1)!.advanced(by: g.next(90))
            let end: CivilDate? = g.next(3) == 0 ? CivilDate(year: 2026, month: 6, day: 1)!.advanced(by: g.next(200)) : nil
            var absences: [Absence] = []
            var day = start.advanced(by: g.next(20))
            while end.map({ day < $0 }) ?? (day.year < 2027) {
                let length = 1 + g.next(g.next(4) == 0 ? 40 : 8)
                let open = g.next(15) == 0
                let to = day.advanced(by: length - 1)
                if let end, to > end { break }
                absences.append(Absence(from: day, to: open ? nil : to, reason: reasons[g.next(3)]))
                if open { break }
                day = to.advanced(by: 2 + g.next(30))
            }
            let c = Case(id: "A", person: "P", provider: "T", service: "heim", start: start, end: end, absences: absences)
            // Reduced days of an earlier case of the person, in date order.
            var prior: [AbsenceCalendar.ReducedDay] = []
            var p = CivilDate(year: 2026, month: 1, day: 1)!.advanced(by: g.next(60))
            while g.next(3) != 0 && p.year == 2026 {
                prior.append(AbsenceCalendar.ReducedDay(date: p, reason: reasons[g.next(3)]))
                p = p.advanced(by: 1 + g.next(20))
            }
            let reference = Reference(rules: absenceRules)
            var month = Month(year: 2026, month: 1)!
            while month.year == 2026 {
                let calendar = AbsenceCalendar(c, rules: absenceRules, month: month, prior: prior)
                let walked = reference.walk(c, year: 2026, through: month.lastDay, prior: prior)
                var expected = [AbsenceCalendar.Day](repeating: AbsenceCalendar.Day(pay: .present, absence: -1, number: 0),
                                                     count: month.dayCount)
                for (date, d) in walked where date >= month.firstDay { expected[month.firstDay.distance(to: date)] = d }
                // A month no absence touches is left all present without a walk; one an absence
                // touches (an open one, or one that ends on its first day) is walked.
                let touched = absences.contains { $0.from <= month.lastDay && ($0.to ?? month.lastDay) >= month.firstDay }
                #expect(calendar.allPresent == !touched, "\(month) of \(c.absences)")
                var d = month.firstDay
                while d <= month.lastDay {
                    #expect(calendar.day(d) == expected[month.firstDay.distance(to: d)], "\(d) of \(c.absences)")
                    d = d.next
                }
                month = month.next
            }
            let reduced = AbsenceCalendar.reducedDays(c, rules: absenceRules, year: 2026, prior: prior)
            let yearEnd = CivilDate(year: 2026, month: 12, day: 31)!
            let expectedReduced = reference.walk(c, year: 2026, through: min(yearEnd, c.end ?? yearEnd), prior: prior)
                .filter { $0.day.pay == .reduced }
                .map { AbsenceCalendar.ReducedDay(date: $0.date, reason: c.absences[$0.day.absence].reason) }
            #expect(reduced == expectedReduced)
        }
    }
}

/// How each day of a month is paid under the agreement's absence rules (SPEC § 7): present,
/// absent at the full rate, absent at the reduced rate, or absent past a yearly cap.
///
/// The day count of an absence runs from its first day across month ends. The yearly caps count
/// reduced days per person and calendar year: the case's own absences from 1 January up to the
/// day, and the reduced days of the same person's earlier cases in that year (`prior`), so that a
/// young person who moves to a new case does not start the year's cap again.
struct AbsenceCalendar {
    enum Pay: Equatable {
        case present
        case full
        case reduced
        case unpaid
    }

    struct Day: Equatable {
        var pay: Pay
        /// Index into the case's absences.
        var absence: Int
        /// The day's number within its absence, from 1.
        var number: Int
    }

    /// A reduced day of one of the person's earlier cases: it counts against this case's caps.
    struct ReducedDay: Equatable {
        var date: CivilDate
        var reason: String
    }

    /// One entry per day of the month; empty while no absence touches the month.
    private(set) var days: [Day]
    let month: Month

    /// `prior` is asked for only when the case has an absence by the month's end: finding the
    /// person's earlier reduced days walks their cases, which most case-months need not do.
    /// Inlined: called apart, `prior` became a closure holding a copy of the builder that asks.
    @inline(__always)
    init(_ c: Case, rules: AbsenceRules?, month: Month, prior: @autoclosure () -> [ReducedDay] = []) {
        self.month = month
        days = []
        guard let rules, !c.absences.isEmpty, c.absences[0].from <= month.lastDay else { return }
        // Made by growing an empty list: `Array(repeating:count:)` looks the list's type up in the
        // runtime on every call (some 600 instructions, more than the walk of most months).
        var days: [Day] = []
        days.reserveCapacity(month.dayCount)
        days.append(contentsOf: repeatElement(Day(pay: .present, absence: -1, number: 0), count: month.dayCount))
        let first = month.firstDay
        AbsenceCalendar.walk(c, rules: rules, year: month.year, through: month.lastDay, prior: prior()) { day, index, number, pay in
            if day >= first { days[first.distance(to: day)] = Day(pay: pay, absence: index, number: number) }
        }
        self.days = days
    }

    /// The reduced days of a case in a calendar year (through its end or the year's end), given
    /// the reduced days of the person's cases before it: what it passes on to the person's next case.
    static func reducedDays(_ c: Case, rules: AbsenceRules, year: Int, prior: [ReducedDay]) -> [ReducedDay] {
        var out: [ReducedDay] = []
        let yearEnd = CivilDate(year: year, month: 12, day: 31)!
        walk(c, rules: rules, year: year, through: min(yearEnd, c.end ?? yearEnd), prior: prior) { day, index, _, pay in
            if pay == .reduced { out.append(ReducedDay(date: day, reason: c.absences[index].reason)) }
        }
        return out
    }

    /// Walks the case's absence days from 1 January of `year` through `last`, deciding each day's
    /// pay by the rule for its reason: grace days in full, then reduced while under the caps (the
    /// person's earlier reduced days counted as they fall), else unpaid.
    private static func walk(_ c: Case, rules: AbsenceRules, year: Int, through last: CivilDate, prior: [ReducedDay],
                             _ visit: (CivilDate, Int, Int, Pay) -> Void) {
        // The reduced days per rule counted on the stack: a list of them was an allocation per call.
        withUnsafeTemporaryAllocation(of: Int.self, capacity: rules.rules.count) { usedByRule in
            usedByRule.initialize(repeating: 0)
            walk(c, rules: rules, year: year, through: last, prior: prior, usedByRule: usedByRule, visit)
        }
    }

    private static func walk(_ c: Case, rules: AbsenceRules, year: Int, through last: CivilDate, prior: [ReducedDay],
                             usedByRule: UnsafeMutableBufferPointer<Int>, _ visit: (CivilDate, Int, Int, Pay) -> Void) {
        let yearStart = CivilDate(year: year, month: 1, day: 1)!
        var usedInYear = 0
        let priorInYear = prior.filter { $0.date.year == year }
        var nextPrior = 0
        func indexOfRule(for reason: String) -> Int? {
            rules.rules.firstIndex(where: { $0.reason == reason }) ?? rules.rules.firstIndex(where: { $0.reason == nil })
        }
        for (index, absence) in c.absences.enumerated() {
            if absence.from > last { break }
            guard let ruleIndex = indexOfRule(for: absence.reason) else { continue }
            let rule = rules.rules[ruleIndex]
            var from = absence.from, to = absence.to ?? min(last, c.end ?? last)
            if rule.onlyFullDays {
                // The days of leaving and returning are days of care.
                from = from.next
                if absence.to != nil { to = to.previous }
            }
            guard from <= to, to >= yearStart else { continue }
            let length = from.distance(to: to) + 1
            var day = max(from, yearStart)
            let until = min(to, last)
            while day <= until {
                while nextPrior < priorInYear.count && priorInYear[nextPrior].date < day {
                    usedInYear += 1
                    if let k = indexOfRule(for: priorInYear[nextPrior].reason) { usedByRule[k] += 1 }
                    nextPrior += 1
                }
                let number = from.distance(to: day) + 1
                var pay: Pay = .full
                let inGrace = length <= rule.graceDays || (rule.reducedFrom == .afterGrace && number <= rule.graceDays)
                if !inGrace {
                    let underCaps = (rules.yearlyCapDays.map { usedInYear < $0 } ?? true)
                        && (rule.yearlyCapDays.map { usedByRule[ruleIndex] < $0 } ?? true)
                    if underCaps {
                        pay = .reduced
                        usedInYear += 1
                        usedByRule[ruleIndex] += 1
                    } else {
                        pay = .unpaid
                    }
                }
                visit(day, index, number, pay)
                day = day.next
            }
        }
    }

    /// Whether every day of the month is a day present (no absence touches it).
    var allPresent: Bool { days.isEmpty }

    func day(_ date: CivilDate) -> Day {
        days.isEmpty ? Day(pay: .present, absence: -1, number: 0) : days[month.firstDay.distance(to: date)]
    }
}

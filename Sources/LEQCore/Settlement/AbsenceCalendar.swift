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
        // A month no absence touches is all present, whatever the year's counts: most months of a
        // case with an absence in its past. Walked, each made a list of its days and counted the
        // year's absences again (some 12 % of settling).
        let first = month.firstDay, last = month.lastDay
        guard c.absences.contains(where: { $0.from <= last && ($0.to.map { $0 >= first } ?? true) }) else { return }
        // Made by growing an empty list: `Array(repeating:count:)` looks the list's type up in the
        // runtime on every call (some 600 instructions, more than the walk of most months).
        var days: [Day] = []
        days.reserveCapacity(month.dayCount)
        days.append(contentsOf: repeatElement(Day(pay: .present, absence: -1, number: 0), count: month.dayCount))
        AbsenceCalendar.walk(c, rules: rules, year: month.year, through: month.lastDay, prior: prior()) { run, index, number, pay in
            guard run.to >= first else { return }
            var day = max(run.from, first), n = number + run.from.distance(to: day)
            while day <= run.to {
                days[first.distance(to: day)] = Day(pay: pay, absence: index, number: n)
                day = day.next
                n += 1
            }
        }
        self.days = days
    }

    /// The reduced days of a case in a calendar year (through its end or the year's end), given
    /// the reduced days of the person's cases before it: what it passes on to the person's next case.
    static func reducedDays(_ c: Case, rules: AbsenceRules, year: Int, prior: [ReducedDay]) -> [ReducedDay] {
        var out: [ReducedDay] = []
        let yearEnd = CivilDate(year: year, month: 12, day: 31)!
        walk(c, rules: rules, year: year, through: min(yearEnd, c.end ?? yearEnd), prior: prior) { run, index, _, pay in
            guard pay == .reduced else { return }
            var day = run.from
            while day <= run.to {
                out.append(ReducedDay(date: day, reason: c.absences[index].reason))
                day = day.next
            }
        }
        return out
    }

    /// Walks the case's absence days from 1 January of `year` through `last`, deciding each day's
    /// pay by the rule for its reason: grace days in full, then reduced while under the caps (the
    /// person's earlier reduced days counted as they fall), else unpaid. Handed to `visit` as runs
    /// of days with the same pay (the run, its absence, the number of its first day within the
    /// absence): the days before the month asked for are counted, not walked one by one (walked,
    /// December went through the whole year's absences day by day).
    private static func walk(_ c: Case, rules: AbsenceRules, year: Int, through last: CivilDate, prior: [ReducedDay],
                             _ visit: (Period, Int, Int, Pay) -> Void) {
        // The reduced days per rule counted on the stack: a list of them was an allocation per call.
        withUnsafeTemporaryAllocation(of: Int.self, capacity: rules.rules.count) { usedByRule in
            usedByRule.initialize(repeating: 0)
            walk(c, rules: rules, year: year, through: last, prior: prior, usedByRule: usedByRule, visit)
        }
    }

    private static func walk(_ c: Case, rules: AbsenceRules, year: Int, through last: CivilDate, prior: [ReducedDay],
                             usedByRule: UnsafeMutableBufferPointer<Int>, _ visit: (Period, Int, Int, Pay) -> Void) {
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
            // The last day paid in full as grace: all of a short absence, else the first
            // `graceDays` where the reduction starts after them; nil: none.
            let graceEnd: CivilDate? = from.distance(to: to) + 1 <= rule.graceDays ? to
                : rule.reducedFrom == .afterGrace && rule.graceDays > 0 ? from.advanced(by: rule.graceDays - 1) : nil
            var day = max(from, yearStart)
            let until = min(to, last)
            while day <= until {
                // An earlier case's reduced day counts from the day after it.
                while nextPrior < priorInYear.count && priorInYear[nextPrior].date < day {
                    usedInYear += 1
                    if let k = indexOfRule(for: priorInYear[nextPrior].reason) { usedByRule[k] += 1 }
                    nextPrior += 1
                }
                // The counts stay as they are through the next such day.
                let runEnd = nextPrior < priorInYear.count ? min(until, priorInYear[nextPrior].date) : until
                let number = from.distance(to: day) + 1
                if let graceEnd, day <= graceEnd {
                    let end = min(runEnd, graceEnd)
                    visit(Period(day, end), index, number, .full)
                    day = end.next
                    continue
                }
                // Reduced while under both caps, then unpaid.
                let room = min(rules.yearlyCapDays.map { $0 - usedInYear } ?? Int.max,
                               rule.yearlyCapDays.map { $0 - usedByRule[ruleIndex] } ?? Int.max)
                if room > 0 {
                    let n = min(room, day.distance(to: runEnd) + 1)
                    let end = day.advanced(by: n - 1)
                    visit(Period(day, end), index, number, .reduced)
                    usedInYear += n
                    usedByRule[ruleIndex] += n
                    day = end.next
                } else {
                    visit(Period(day, runEnd), index, number, .unpaid)
                    day = runEnd.next
                }
            }
        }
    }

    /// Whether every day of the month is a day present (no absence touches it).
    var allPresent: Bool { days.isEmpty }

    func day(_ date: CivilDate) -> Day {
        days.isEmpty ? Day(pay: .present, absence: -1, number: 0) : days[month.firstDay.distance(to: date)]
    }
}

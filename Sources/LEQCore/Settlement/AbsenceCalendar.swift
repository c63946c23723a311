/// How each day of a month is paid under the agreement's absence rules (SPEC § 7): present,
/// absent at the full rate, absent at the reduced rate, or absent past a yearly cap.
///
/// The day count of an absence runs from its first day across month ends; the yearly caps count
/// reduced days per calendar year over the case's absences from 1 January up to the day.
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

    /// One entry per day of the month.
    private(set) var days: [Day]
    let month: Month

    init(_ c: Case, rules: AbsenceRules?, month: Month) {
        self.month = month
        days = []
        guard let rules, !c.absences.isEmpty, c.absences[0].from <= month.lastDay else { return }
        days = Array(repeating: Day(pay: .present, absence: -1, number: 0), count: month.dayCount)
        let yearStart = CivilDate(year: month.year, month: 1, day: 1)!
        var usedInYear = 0
        var usedByRule = [Int](repeating: 0, count: rules.rules.count)
        for (index, absence) in c.absences.enumerated() {
            if absence.from > month.lastDay { break }
            guard let ruleIndex = rules.rules.firstIndex(where: { $0.reason == absence.reason })
                ?? rules.rules.firstIndex(where: { $0.reason == nil }) else { continue }
            let rule = rules.rules[ruleIndex]
            var from = absence.from, to = absence.to ?? min(month.lastDay, c.end ?? month.lastDay)
            if rule.onlyFullDays {
                // The days of leaving and returning are days of care.
                from = from.next
                if absence.to != nil { to = to.previous }
            }
            guard from <= to, to >= yearStart else { continue }
            let length = from.distance(to: to) + 1
            var day = max(from, yearStart)
            let last = min(to, month.lastDay)
            while day <= last {
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
                if day >= month.firstDay {
                    days[month.firstDay.distance(to: day)] = Day(pay: pay, absence: index, number: number)
                }
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

import Testing
@testable import LEQCore

private let d = Fixture.d
private let m = Fixture.m

/// An agreement with a daily-rate home (178.43 a day, SPEC E5), hourly SPFH (62.50 an hour), a
/// budget-only service and a monthly flat rate, with the absence rules given.
private func agreement(absences: AbsenceRules? = nil, lastDayBilled: Bool = true, flexProration: Proration? = nil,
                       degression: [DegressionStep] = [], savingsShare: String? = nil) -> Agreement {
    Agreement(
        id: "t", validity: Period(d("2026-01-01"), d("2099-12-31")),
        youthOffice: Party(name: "Jugendamt", address: ["Markt 1"]),
        provider: Provider(id: "tsd", name: "Träger", address: ["Weg 1"], taxNumber: "1", creditorNumber: "2",
                           leitwegID: "3", statementPrefix: "TSD"),
        services: [
            Service(id: "heim", name: "Heimerziehung", legalBasis: "§ 34 SGB VIII", setting: .residential, payment: .daily),
            Service(id: "spfh", name: "SPFH", legalBasis: "§ 31 SGB VIII", setting: .ambulant, payment: .hourly),
            Service(id: "fb", name: "Fallbudget", legalBasis: "§ 27 SGB VIII", setting: .ambulant, payment: .budget),
            Service(id: "flex", name: "Flexible Hilfe", legalBasis: "§ 27 Abs. 2 SGB VIII", setting: .ambulant,
                    proration: flexProration, degression: degression),
        ],
        categories: ["A", "B", "C"],
        flatRates: [FlatRateEntry(service: "flex", category: "B", from: d("2026-01-01"), amount: m("1960.00"))],
        bearers: [CostBearer(id: "kommune", name: "Kommune")],
        dailyRates: [ServiceRateEntry(service: "heim", from: d("2026-01-01"), amount: m("178.43"))],
        hourlyRates: [ServiceRateEntry(service: "spfh", from: d("2026-01-01"), amount: m("62.50"))],
        lastDayBilled: lastDayBilled, absenceRules: absences,
        budgetTerms: BudgetTerms(mode: .installments, savingsSharePercent: savingsShare.flatMap { ExactDecimal($0) }))
}

private func home(_ id: String = "H", start: String = "2025-10-01", end: String? = nil, absences: [Absence] = [],
                  budgets: [CaseBudget] = [], person: String = "p") -> Case {
    var c = Case(id: id, person: person, provider: "tsd", service: "heim", start: d(start), end: end.map(d),
                 endReason: end == nil ? nil : .planned, categories: [CategoryPeriod(category: "B", from: d(start))])
    c.absences = absences
    c.budgets = budgets
    return c
}

private func settle(_ cases: [Case], _ month: String, _ a: Agreement) -> Statement {
    let (s, problems) = Settlement.statement(agreement: a, cases: cases, month: Fixture.month(month), issued: d("2026-12-01"))
    #expect(problems.isEmpty, "\(problems)")
    #expect(s.invariantViolations().isEmpty, "\(s.invariantViolations())")
    return s
}

private func amounts(_ s: Statement, _ kind: LineKind) -> [Money] { s.lines.filter { $0.kind == kind }.map(\.amount) }
private func days(_ s: Statement, _ kind: LineKind) -> Int {
    s.lines.filter { $0.kind == kind }.reduce(0) { $0 + Int($1.quantity.units) }
}

private let e5Rule = AbsenceRules(rules: [AbsenceRule(graceDays: 3, reducedFrom: .afterGrace, percent: ExactDecimal("75")!)])
private let nrw = AbsenceRules(rules: [AbsenceRule(graceDays: 3, reducedFrom: .firstDay, percent: ExactDecimal("80")!,
                                                   yearlyCapDays: 28)])

@Suite("Daily rates and absences (SPEC § 7)")
struct AbsenceTests {
    let march = Absence(from: d("2026-03-05"), to: d("2026-03-20"), reason: "hospital")

    @Test("E5: 15 present 2,676.45; absence days 1–3 in full 535.29; days 4–16 at 133.82 = 1,739.66; total 4,951.40")
    func e5() {
        let s = settle([home(absences: [march])], "2026-03", agreement(absences: e5Rule))
        #expect(amounts(s, .dailyRate) == [m("2676.45")])
        #expect(days(s, .dailyRate) == 15)
        #expect(amounts(s, .absenceFull) == [m("535.29")])
        #expect(amounts(s, .absenceReduced) == [m("1739.66")])
        let reduced = s.lines.first { $0.kind == .absenceReduced }!
        #expect(reduced.rate == m("133.82") && reduced.absenceDays == 4...16 && reduced.percent == ExactDecimal("75"))
        #expect(s.totals.all == m("4951.40"))
        #expect(s.totals.section(.base) == m("2676.45") && s.totals.section(.absences) == m("2274.95"))
    }

    @Test("E5b: 3 grace days, 80 % from the first day, 28 a year: 16 × 142.74 = 2,283.84; total 4,960.29")
    func e5bWithoutCapReached() {
        let s = settle([home(absences: [march])], "2026-03", agreement(absences: nrw))
        #expect(amounts(s, .absenceReduced) == [m("2283.84")])
        #expect(s.lines.first { $0.kind == .absenceReduced }!.rate == m("142.74"))
        #expect(amounts(s, .absenceFull).isEmpty)
        #expect(s.totals.all == m("4960.29"))
    }

    @Test("E5b with 20 reduced days used before in 2026: 8 paid (1,141.92), 8 listed unpaid; total 3,818.37")
    func e5bCapReached() {
        let january = Absence(from: d("2026-01-10"), to: d("2026-01-29"), reason: "holiday")  // 20 days, all reduced
        let s = settle([home(absences: [january, march])], "2026-03", agreement(absences: nrw))
        #expect(amounts(s, .absenceReduced) == [m("1141.92")])
        #expect(days(s, .absenceReduced) == 8)
        #expect(amounts(s, .absenceUnpaid) == [.zero])
        #expect(days(s, .absenceUnpaid) == 8)
        #expect(s.lines.first { $0.kind == .absenceUnpaid }!.absenceDays == 9...16)
        #expect(s.warnings.map(\.kind) == [.absenceCapReached])
        #expect(s.totals.all == m("3818.37"))
    }

    @Test("A short absence within the grace days is paid in full")
    func graceOnly() {
        let s = settle([home(absences: [Absence(from: d("2026-03-05"), to: d("2026-03-07"), reason: "x")])], "2026-03",
                       agreement(absences: nrw))
        #expect(days(s, .absenceFull) == 3 && amounts(s, .absenceReduced).isEmpty)
        #expect(s.totals.all == m("178.43") * 31)
    }

    @Test("The yearly cap starts again on 1 January")
    func capPerYear() {
        let december = Absence(from: d("2025-11-20"), to: d("2025-12-31"), reason: "x")  // 42 days in 2025
        let january = Absence(from: d("2026-01-10"), to: d("2026-01-19"), reason: "x")
        let s = settle([home(absences: [december, january])], "2026-01", agreement(absences: nrw))
        #expect(days(s, .absenceReduced) == 10 && amounts(s, .absenceUnpaid).isEmpty)
    }

    @Test("Hessen: 100 % up to 63 days a year, of them at most 42 in hospital and 21 running away")
    func hessen() {
        let rules = AbsenceRules(yearlyCapDays: 63, rules: [
            AbsenceRule(reason: "hospital", graceDays: 0, reducedFrom: .firstDay, percent: ExactDecimal("100")!, yearlyCapDays: 42),
            AbsenceRule(reason: "runaway", graceDays: 0, reducedFrom: .firstDay, percent: ExactDecimal("100")!, yearlyCapDays: 21),
            AbsenceRule(graceDays: 0, reducedFrom: .firstDay, percent: ExactDecimal("100")!),
        ])
        let runaway = Absence(from: d("2026-03-01"), to: d("2026-03-25"), reason: "runaway")
        let s = settle([home(absences: [runaway])], "2026-03", agreement(absences: rules))
        #expect(days(s, .absenceReduced) == 21 && days(s, .absenceUnpaid) == 4)
        #expect(amounts(s, .absenceReduced) == [m("178.43") * 21])
        // The overall cap: 42 in hospital in January and February, then 21 holiday days, then the rest unpaid.
        let hospital = Absence(from: d("2026-01-01"), to: d("2026-02-11"), reason: "hospital")
        let holiday = Absence(from: d("2026-03-01"), to: d("2026-03-31"), reason: "holiday")
        let t = settle([home(absences: [hospital, holiday])], "2026-03", agreement(absences: rules))
        #expect(days(t, .absenceReduced) == 21 && days(t, .absenceUnpaid) == 10)
    }

    @Test("The yearly cap counts per person: 8 reduced days in a first case leave 2 for the person's next case")
    func capPerPerson() {
        let rules = AbsenceRules(yearlyCapDays: 10, rules: [AbsenceRule(graceDays: 0, reducedFrom: .firstDay, percent: ExactDecimal("80")!)])
        let first = home("H-1", start: "2025-10-01", end: "2026-03-31",
                         absences: [Absence(from: d("2026-02-02"), to: d("2026-02-09"), reason: "holiday")])
        let next = home("H-2", start: "2026-04-01", absences: [Absence(from: d("2026-06-10"), to: d("2026-06-14"), reason: "holiday")])
        let february = settle([first, next], "2026-02", agreement(absences: rules))
        #expect(days(february, .absenceReduced) == 8)
        let june = settle([first, next], "2026-06", agreement(absences: rules))
        #expect(days(june, .absenceReduced) == 2 && days(june, .absenceUnpaid) == 3)
        #expect(amounts(june, .absenceReduced) == [m("142.74") * 2])  // 178.43 × 80 % = 142.744 → 142.74
        // Another person's case leaves the cap alone; so does a case that starts after the absence.
        var other = next
        other.person = "q"
        #expect(days(settle([first, other], "2026-06", agreement(absences: rules)), .absenceReduced) == 5)
        // A case of the previous year counts nothing in this one.
        let lastYear = home("H-0", start: "2025-01-01", end: "2025-09-30",
                            absences: [Absence(from: d("2025-02-02"), to: d("2025-02-20"), reason: "holiday")])
        #expect(days(settle([lastYear, next], "2026-06", agreement(absences: rules)), .absenceReduced) == 5)
    }

    @Test("The cap counts per person across providers: the earlier case is counted under its own agreement's rules")
    func capPerPersonAcrossProviders() {
        let rules = AbsenceRules(yearlyCapDays: 10, rules: [AbsenceRule(graceDays: 0, reducedFrom: .firstDay, percent: ExactDecimal("80")!)])
        let a = agreement(absences: rules)
        // The second provider's agreement: same rules, another id and prefix.
        let b = Agreement(id: "u", validity: a.validity, youthOffice: a.youthOffice,
                          provider: Provider(id: "uvw", name: "Anderer Träger", address: ["Weg 2"], taxNumber: "4", creditorNumber: "5",
                                             leitwegID: "3", statementPrefix: "UVW"),
                          services: a.services, categories: a.categories, flatRates: a.flatRateEntries, bearers: a.bearers,
                          dailyRates: a.dailyRateEntries, hourlyRates: a.hourlyRateEntries, absenceRules: rules)
        let first = home("H-1", start: "2025-10-01", end: "2026-03-31",
                         absences: [Absence(from: d("2026-02-02"), to: d("2026-02-09"), reason: "holiday")])
        var next = home("H-2", start: "2026-04-01", absences: [Absence(from: d("2026-06-10"), to: d("2026-06-14"), reason: "holiday")])
        next.provider = "uvw"
        let run = Settlement.run(agreements: [a, b], caseload: Caseload([first, next]), month: Fixture.month("2026-06"), issued: d("2026-07-01"))
        let june = run.statements.first { $0.provider.id == "uvw" }!
        #expect(days(june, .absenceReduced) == 2 && days(june, .absenceUnpaid) == 3)
    }

    @Test("onlyFullDays: the days of leaving and returning are days of care")
    func onlyFullDays() {
        let rules = AbsenceRules(rules: [AbsenceRule(graceDays: 3, reducedFrom: .afterGrace, percent: ExactDecimal("75")!, onlyFullDays: true)])
        let s = settle([home(absences: [march])], "2026-03", agreement(absences: rules))
        #expect(days(s, .dailyRate) == 17 && days(s, .absenceFull) == 3 && days(s, .absenceReduced) == 11)
    }

    @Test("The day count runs across the month end: days 1–3 in March, 4–17 in April")
    func acrossMonthEnd() {
        let a = Absence(from: d("2026-03-29"), to: d("2026-04-14"), reason: "hospital")
        let march = settle([home(absences: [a])], "2026-03", agreement(absences: e5Rule))
        let april = settle([home(absences: [a])], "2026-04", agreement(absences: e5Rule))
        #expect(march.lines.first { $0.kind == .absenceFull }!.absenceDays == 1...3)
        #expect(april.lines.first { $0.kind == .absenceReduced }!.absenceDays == 4...17)
        #expect(amounts(april, .absenceFull).isEmpty)
    }

    @Test("Property: an absence split across two months pays what it pays within one month",
          arguments: [(3, 75, AbsenceRule.ReducedFrom.afterGrace), (3, 80, .firstDay), (0, 90, .firstDay), (14, 75, .afterGrace)])
    func splitAcrossMonths(grace: Int, percent: Int, from: AbsenceRule.ReducedFrom) {
        let rules = AbsenceRules(rules: [AbsenceRule(graceDays: grace, reducedFrom: from, percent: ExactDecimal(percent),
                                                     yearlyCapDays: 20)])
        var generator = SplitMix(seed: UInt64(grace * 1000 + percent))
        for _ in 0..<40 {
            let length = Int(generator.next() % 30) + 1
            let startInMarch = 31 - Int(generator.next() % UInt64(length))  // crosses into April unless length 1
            let split = Absence(from: d("2026-03-01").advanced(by: startInMarch - 1),
                                to: d("2026-03-01").advanced(by: startInMarch - 1 + length - 1), reason: "x")
            let whole = Absence(from: d("2026-05-01"), to: d("2026-05-01").advanced(by: length - 1), reason: "x")
            let a = agreement(absences: rules)
            let twoMonths = [settle([home(absences: [split])], "2026-03", a), settle([home(absences: [split])], "2026-04", a)]
            let oneMonth = settle([home(absences: [whole])], "2026-05", a)
            for kind in [LineKind.absenceFull, .absenceReduced, .absenceUnpaid] {
                let sum = twoMonths.flatMap { amounts($0, kind) }.reduce(Money.zero, +)
                #expect(sum == amounts(oneMonth, kind).reduce(Money.zero, +), "\(kind), \(length) days from March \(startInMarch)")
                #expect(twoMonths.reduce(0) { $0 + days($1, kind) } == days(oneMonth, kind))
            }
        }
    }

    @Test("lastDayBilled false: the last day of care is not paid")
    func lastDay() {
        let c = home(end: "2026-03-20")
        #expect(days(settle([c], "2026-03", agreement()), .dailyRate) == 20)
        #expect(days(settle([c], "2026-03", agreement(lastDayBilled: false)), .dailyRate) == 19)
    }

    @Test("On a move between providers only the receiving case bills the day")
    func transferDay() {
        var leaving = home("X", end: "2026-03-15", person: "q")
        leaving.endReason = .transfer
        let arriving = home("Y", start: "2026-03-15", person: "q")
        let s = settle([leaving, arriving], "2026-03", agreement())
        #expect(s.lines.filter { $0.caseID == "X" }.map(\.period) == [Period(d("2026-03-01"), d("2026-03-14"))])
        #expect(s.lines.filter { $0.caseID == "Y" }.map(\.period) == [Period(d("2026-03-15"), d("2026-03-31"))])
        // Alone, the leaving case bills its last day.
        #expect(days(settle([leaving], "2026-03", agreement()), .dailyRate) == 15)
    }
}

@Suite("Specialist hours (SPEC § 8)")
struct HoursTests {
    func spfh(_ delivered: [(String, Int)]) -> Case {
        var c = Case(id: "S", person: "p", provider: "tsd", service: "spfh", start: d("2026-01-01"))
        c.hours = Hours(approvals: [HourApproval(period: Period(d("2026-01-01"), d("2026-03-31")), quarterHours: 72 * 4)],
                        delivered: delivered.map { DeliveredHours(month: Fixture.month($0.0), quarterHours: $0.1) })
        return c
    }

    @Test("72 h for January–March; 30, 28 and 20 h delivered: March pays 14 h and lists 6 h as not approved")
    func example() {
        let c = spfh([("2026-01", 120), ("2026-02", 112), ("2026-03", 80)])
        let a = agreement()
        #expect(amounts(settle([c], "2026-01", a), .hours) == [m("1875.00")])
        #expect(amounts(settle([c], "2026-02", a), .hours) == [m("1750.00")])
        let s = settle([c], "2026-03", a)
        #expect(s.lines.filter { $0.kind == .hours }.map(\.quantity) == [ExactDecimal("14")!])
        #expect(amounts(s, .hours) == [m("875.00")])
        let over = s.lines.first { $0.kind == .hoursNotApproved }!
        #expect(over.quantity == ExactDecimal("6")! && over.amount == .zero)
        #expect(s.warnings.map(\.kind) == [.hoursNotApproved] && s.warnings[0].hours == ExactDecimal("6")!)
    }

    @Test("Hours delivered and paid, found walking approvals and months in order, are the month's first record and those of every month against every approval (SPEC § 8)")
    func hoursPaidInOrder() {
        // SPEC § 8 as it reads: the delivered months in order, each drawing on the approvals covering it.
        func reference(_ hours: Hours, month: Month) -> Int {
            var remaining = hours.approvals.map(\.quarterHours)
            var paid = 0
            for d in hours.delivered where d.month <= month {
                var left = d.quarterHours
                paid = 0
                for j in hours.approvals.indices where left > 0 && remaining[j] > 0
                    && hours.approvals[j].period.from <= d.month.lastDay && hours.approvals[j].period.to >= d.month.firstDay {
                    let take = min(left, remaining[j])
                    remaining[j] -= take
                    left -= take
                    paid += take
                }
            }
            return paid
        }
        var g = SplitMix(seed: 11)
        var checked = 0, absent = 0
        for _ in 0..<1_500 {
            // Approvals of a day to two years, overlapping, nested, with gaps; months delivered at random.
            let start = d("2024-01-01").advanced(by: Int(g.next() % 400))
            var approvals: [HourApproval] = []
            for _ in 0..<Int(g.next() % 6) {
                let from = start.advanced(by: Int(g.next() % 900))
                approvals.append(HourApproval(period: Period(from, from.advanced(by: Int(g.next() % 730))),
                                              quarterHours: Int(g.next() % 400)))
            }
            // Months with no record, and now and then a month recorded twice (the core takes
            // them as given; the case file refuses them).
            var delivered: [DeliveredHours] = []
            var month = start.month
            for _ in 0..<40 {
                if g.next() % 3 != 0 { delivered.append(DeliveredHours(month: month, quarterHours: Int(g.next() % 200))) }
                if g.next() % 20 == 0 { delivered.append(DeliveredHours(month: month, quarterHours: Int(g.next() % 200))) }
                month = month.next
            }
            let hours = Hours(approvals: approvals.reversed(), delivered: delivered.reversed())
            // Every month from before the first record to after the last.
            var m = start.month.previous
            while m <= month {
                let found = hours.quarterHours(in: m)
                if let first = hours.delivered.first(where: { $0.month == m }) {
                    #expect(found?.delivered == first.quarterHours)
                    #expect(found?.paid == reference(hours, month: m))
                    checked += 1
                } else {
                    #expect(found == nil)
                    absent += 1
                }
                m = m.next
            }
        }
        #expect(checked > 30_000 && absent > 15_000)
    }

    @Test("A delivered month keeps its month and hours in its 12 bytes, and is the same record whether or not its hours' share was worked out")
    func deliveredRecord() throws {
        let december = try #require(Month(year: 2025, month: 12)), january = december.next
        let hours = Hours(approvals: [HourApproval(period: Period(december.firstDay, january.lastDay), quarterHours: 50)],
                          delivered: [DeliveredHours(month: january, quarterHours: 30), DeliveredHours(month: december, quarterHours: 40)])
        #expect(hours.delivered.map(\.month) == [december, january] && hours.delivered.map(\.quarterHours) == [40, 30])
        #expect(hours.delivered == [DeliveredHours(month: december, quarterHours: 40), DeliveredHours(month: january, quarterHours: 30)])
        #expect(hours.quarterHours(in: december)! == (40, 40) && hours.quarterHours(in: january)! == (30, 10))
        #expect(hours.quarterHours(in: january.next) == nil)
        #expect(MemoryLayout<DeliveredHours>.stride == 12)
    }

    @Test("Quarter hours are paid exactly: 7.25 h × 62.50 = 453.13 (rounded once)")
    func quarterHours() {
        let s = settle([spfh([("2026-01", 29)])], "2026-01", agreement())
        #expect(s.lines[0].quantity == ExactDecimal("7.25")! && s.lines[0].amount == m("453.13"))
    }
}

@Suite("Case budgets (SPEC § 9)")
struct BudgetTests {
    func budgetCase(_ budget: CaseBudget, start: String = "2026-02-10", end: String? = "2026-07-31") -> Case {
        var c = Case(id: "B", person: "p", provider: "tsd", service: "fb", start: d(start), end: end.map(d), endReason: end == nil ? nil : .planned)
        c.budgets = [budget]
        return c
    }

    @Test("E6: 9,000.00 for 10 Feb–31 Jul (172 days) in installments: 994.19, 1,622.09, 1,569.77, 1,622.09, 1,569.77, 1,622.09")
    func e6() {
        let budget = CaseBudget(period: Period(d("2026-02-10"), d("2026-07-31")), amount: m("9000.00"))
        let c = budgetCase(budget)
        let expected = ["994.19", "1622.09", "1569.77", "1622.09", "1569.77", "1622.09"].map(m)
        var before = Money.zero
        for (k, month) in ["2026-02", "2026-03", "2026-04", "2026-05", "2026-06", "2026-07"].enumerated() {
            let s = settle([c], month, agreement())
            #expect(amounts(s, .budgetInstallment) == [expected[k]], "\(month)")
            #expect(s.budgets.count == 1)
            #expect(s.budgets[0].usedBefore == before && s.budgets[0].usedThisMonth == expected[k])
            before += expected[k]
        }
        #expect(before == m("9000.00"))
        #expect(settle([c], "2026-07", agreement()).budgets[0].left == .zero)
    }

    @Test("Property: installments always add up to the budget, for random periods and amounts; a month's installment and what was paid before it are the list's")
    func installmentsAddUp() {
        var g = SplitMix(seed: 42)
        for rounding in RoundingMode.allCases {
            for _ in 0..<500 {
                let from = d("2026-01-01").advanced(by: Int(g.next() % 700))
                let to = from.advanced(by: Int(g.next() % 800))
                let amount = Money(cents: Int64(g.next() % 10_000_000) + 1)
                let budget = CaseBudget(period: Period(from, to), amount: amount)
                let parts = StatementBuilder.installments(budget, through: to.month, rounding: rounding)
                #expect(parts.reduce(Money.zero, +) == amount)
                #expect(parts.count == (to.month.year - from.month.year) * 12 + to.month.month - from.month.month + 1)
                #expect(parts.allSatisfy { !$0.isNegative })
                // A month's installment and what was paid before it, as the list says.
                let k = Int(g.next() % UInt64(parts.count))
                var month = from.month
                for _ in 0..<k { month = month.next }
                let one = StatementBuilder.installment(budget, in: month, rounding: rounding)
                #expect(one.this == parts[k] && one.before == parts[..<k].reduce(Money.zero, +))
            }
        }
    }

    @Test("Installments walked as day numbers are those of the months and periods intersected one by one, through any month")
    func installmentsAsTheMonthsSay() {
        // The installments as SPEC § 9 says them: month after month, the days the period shares with it.
        func reference(_ budget: CaseBudget, through month: Month, rounding: RoundingMode) -> [Money] {
            let total = budget.period.dayCount
            var parts: [Money] = [], paid = Money.zero
            var m = budget.period.from.month
            while m <= month, let days = budget.period.intersection(m.period) {
                let part = days.to == budget.period.to
                    ? budget.amount - paid
                    : Money(cents: rounding.round(Int128(budget.amount.cents) * Int128(days.dayCount), over: Int128(total)))
                parts.append(part)
                paid += part
                m = m.next
            }
            return parts
        }
        var g = SplitMix(seed: 7)
        var checked = 0
        for rounding in RoundingMode.allCases {
            for _ in 0..<400 {
                // Periods of a day to six years, over leap years and year ends.
                let from = d("2023-11-15").advanced(by: Int(g.next() % 1_500))
                let to = from.advanced(by: Int(g.next() % 2_200))
                let budget = CaseBudget(period: Period(from, to), amount: Money(cents: Int64(g.next() % 50_000_000) + 1))
                var month = from.month
                for _ in 0..<3 { month = Month(year: month.month == 1 ? month.year - 1 : month.year, month: month.month == 1 ? 12 : month.month - 1)! }
                while month <= to.month.next.next {
                    #expect(StatementBuilder.installments(budget, through: month, rounding: rounding) == reference(budget, through: month, rounding: rounding))
                    checked += 1
                    month = month.next
                }
            }
        }
        #expect(checked > 30_000)
    }

    @Test("Drawdown: lines past the budget are cut in a line of their own")
    func drawdownCut() {
        let budget = CaseBudget(period: Period(d("2026-03-01"), d("2026-05-31")), amount: m("5000.00"), mode: .drawdown)
        var c = home(start: "2026-03-01")
        c.budgets = [budget]
        let march = settle([c], "2026-03", agreement())
        #expect(amounts(march, .dailyRate) == [m("5531.33")])
        #expect(amounts(march, .budgetCut) == [m("-531.33")])
        #expect(march.totals.all == m("5000.00"))
        #expect(march.budgets[0].usedThisMonth == m("5000.00") && march.budgets[0].left == .zero)
        #expect(march.warnings.map(\.kind) == [.budgetExceeded])
        let april = settle([c], "2026-04", agreement())
        #expect(april.totals.all == .zero && april.budgets[0].usedBefore == m("5000.00"))
    }

    @Test("Drawdown with an approved overrun: cut only past budget plus overrun")
    func drawdownOverrun() {
        let budget = CaseBudget(period: Period(d("2026-03-01"), d("2026-05-31")), amount: m("5000.00"), mode: .drawdown,
                                overrunApproved: m("1000.00"))
        var c = home(start: "2026-03-01")
        c.budgets = [budget]
        #expect(amounts(settle([c], "2026-03", agreement()), .budgetCut).isEmpty)
        let april = settle([c], "2026-04", agreement())
        #expect(amounts(april, .budgetCut) == [m("-4884.23")])
        #expect(april.totals.all == m("468.67"))
        #expect(april.budgets[0].left == m("-1000.00"))
    }

    @Test("Drawdown savings share: the month the period ends pays the share of what was left")
    func savings() {
        let budget = CaseBudget(period: Period(d("2026-03-01"), d("2026-05-31")), amount: m("20000.00"), mode: .drawdown)
        var c = home(start: "2026-03-01")
        c.budgets = [budget]
        let a = agreement(savingsShare: "50")
        #expect(amounts(settle([c], "2026-04", a), .budgetSavings).isEmpty)
        let may = settle([c], "2026-05", a)
        #expect(may.budgets[0].left == m("3584.44"))  // 20,000.00 − 92 × 178.43
        #expect(amounts(may, .budgetSavings) == [m("1792.22")])
        #expect(may.totals.section(.incentives) == m("1792.22"))
    }

    @Test("A drawdown budget starting mid-month splits the base line at its first day")
    func drawdownSplits() {
        let budget = CaseBudget(period: Period(d("2026-03-16"), d("2026-05-31")), amount: m("1000.00"), mode: .drawdown)
        var c = home(start: "2026-03-01")
        c.budgets = [budget]
        let s = settle([c], "2026-03", agreement())
        #expect(s.lines.filter { $0.kind == .dailyRate }.map(\.period.from) == [d("2026-03-01"), d("2026-03-16")])
        #expect(amounts(s, .budgetCut) == [m("178.43") * 16 - m("1000.00")].map { -$0 })
    }

    @Test("The days a month's lines are split at: drawdown starts and days after ends within the month, in order")
    func boundariesWithinMonth() {
        var c = home(start: "2026-01-01")
        c.budgets = [
            CaseBudget(period: Period(d("2026-03-20"), d("2026-06-30")), amount: m("1.00"), mode: .drawdown),
            CaseBudget(period: Period(d("2026-01-01"), d("2026-03-09")), amount: m("1.00"), mode: .drawdown),
            CaseBudget(period: Period(d("2026-03-05"), d("2026-03-24")), amount: m("1.00"), mode: .installments),
            CaseBudget(period: Period(d("2026-04-01"), d("2026-04-30")), amount: m("1.00")),
        ]
        let march = Fixture.month("2026-03").period
        #expect(StatementBuilder.budgetBoundaries(c, mode: .drawdown, within: march) == [d("2026-03-10"), d("2026-03-20")])
        // The budget without a mode takes the agreement's; the day after its end lies in May.
        #expect(StatementBuilder.budgetBoundaries(c, mode: .drawdown, within: Fixture.month("2026-04").period)
                == [d("2026-04-01")])
        #expect(StatementBuilder.budgetBoundaries(c, mode: .installments, within: Fixture.month("2026-04").period).isEmpty)
    }

    @Test("Splitting a month's periods at its own boundaries gives the same pieces as at all of the case's days")
    func boundariesSplitAlike() {
        var g = SystemRandomNumberGenerator()
        // A quarter, so that a month often holds several budgets' days.
        let quarter = Period(d("2026-01-01"), d("2026-03-31"))
        for _ in 0..<500 {
            var c = home(start: "2026-01-01")
            c.budgets = (0..<Int.random(in: 1...5, using: &g)).map { _ in
                let from = quarter.from.advanced(by: Int.random(in: 0..<90, using: &g))
                return CaseBudget(period: Period(from, from.advanced(by: Int.random(in: 0..<40, using: &g))), amount: m("1.00"),
                                  mode: .drawdown)
            }
            let all = c.budgets.flatMap { [$0.period.from, $0.period.to.next] }.sorted()
            let month = quarter.from.advanced(by: Int.random(in: 0..<90, using: &g)).month.period
            let first = month.from.advanced(by: Int.random(in: 0..<month.dayCount, using: &g))
            let part = Period(first, first.advanced(by: Int.random(in: 0...first.distance(to: month.to), using: &g)))
            var pieces: [Period] = [], expected: [Period] = []
            part.split(at: StatementBuilder.budgetBoundaries(c, mode: .installments, within: month)) { pieces.append($0) }
            part.split(at: all) { expected.append($0) }
            #expect(pieces == expected, "\(c.budgets.map(\.period)) in \(part)")
        }
    }
}

@Suite("More ways to prorate and pay (SPEC §§ 2, 6)")
struct ProrationTests {
    let e1 = Case(id: "E1", person: "p", provider: "tsd", service: "flex", start: d("2026-03-10"),
                  categories: [CategoryPeriod(category: "B", from: d("2026-03-10"))])

    @Test("divisor 30.42: 1,960.00 ÷ 30.42 = 64.43 a day; 22 days 1,417.46; a whole 31-day month at most 1,960.00")
    func divisor() {
        let a = agreement(flexProration: .divisor(ExactDecimal("30.42")!))
        let s = settle([e1], "2026-03", a)
        #expect(s.lines[0].rate == m("64.43") && s.lines[0].amount == m("1417.46") && !s.lines[0].capped)
        let whole = settle([e1], "2026-04", a)
        #expect(whole.lines[0].amount == m("1932.90"))  // 30 days
        let may = settle([e1], "2026-05", a)
        #expect(may.lines[0].amount == m("1960.00") && may.lines[0].capped)
    }

    @Test("Degressive flat rate: 100 % in case months 1–6, 90 % in 7–12, 80 % after; split at the day")
    func degression() {
        let steps = [DegressionStep(fromCaseMonth: 7, percent: ExactDecimal("90")!), DegressionStep(fromCaseMonth: 13, percent: ExactDecimal("80")!)]
        let c = Case(id: "D", person: "p", provider: "tsd", service: "flex", start: d("2026-01-10"),
                     categories: [CategoryPeriod(category: "B", from: d("2026-01-10"))])
        let a = agreement(degression: steps)
        #expect(settle([c], "2026-06", a).totals.all == m("1960.00"))
        let july = settle([c], "2026-07", a)
        #expect(july.lines.map(\.amount) == [m("569.03"), m("1251.87")])  // 1,960.00 × 9/31; 1,764.00 × 22/31
        #expect(july.lines[1].rate == m("1764.00") && july.lines[1].caseMonth == 7)
        #expect(settle([c], "2027-02", a).lines.map(\.amount) == [m("1568.00")])
    }
}

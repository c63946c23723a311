import Testing
@testable import LEQCore

private let d = Fixture.d
private let m = Fixture.m

@Suite("Flat rates by category (SPEC §§ 2, 6)")
struct FlatRateTests {
    let e1 = Case(id: "E1", person: "p", provider: "tsd", service: "flex", start: d("2026-03-10"),
                  categories: [CategoryPeriod(category: "B", from: d("2026-03-10"))])

    @Test("E1 calendar: 1,960.00 × 22 ÷ 31 = 1,390.97")
    func e1Calendar() {
        let s = Fixture.settle([e1], "2026-03")
        #expect(s.lines.map(\.amount) == [m("1390.97")])
        #expect(s.lines[0].quantity.units == 22 && s.lines[0].basisDays == 31)
        #expect(s.totals.all == m("1390.97"))
    }

    @Test("A case whose service the agreement does not know: a problem on its first day in the month, no line; the other cases settled as ever")
    func unknownService() {
        let unknown = Case(id: "U1", person: "q", provider: "tsd", service: "nachtcafe", start: d("2026-03-05"),
                           categories: [CategoryPeriod(category: "B", from: d("2026-03-05"))])
        let ended = Case(id: "U2", person: "r", provider: "tsd", service: "nachtcafe", start: d("2026-01-05"), end: d("2026-02-10"),
                         endReason: .planned, categories: [CategoryPeriod(category: "B", from: d("2026-01-05"))])
        let (s, problems) = Settlement.statement(agreement: Fixture.agreement(), cases: [e1, unknown, ended], month: Fixture.month("2026-03"),
                                                 issued: d("2026-04-01"))
        #expect(problems == [SettlementProblem(caseID: "U1", kind: .unknownService("nachtcafe"), day: d("2026-03-05"))])
        #expect(s.lines.map(\.caseID) == ["E1"] && s.lines.map(\.amount) == [m("1390.97")])
    }

    @Test("E1 thirty: 1,960.00 × 22 ÷ 30 = 1,437.33")
    func e1Thirty() {
        let s = Fixture.settle([e1], "2026-03", agreement: Fixture.agreement(proration: .thirty))
        #expect(s.lines.map(\.amount) == [m("1437.33")])
    }

    @Test("thirty: a whole month is the whole amount, in February and in March")
    func thirtyWholeMonth() {
        let c = Case(id: "W", person: "p", provider: "tsd", service: "flex", start: d("2026-01-01"),
                     categories: [CategoryPeriod(category: "B", from: d("2026-01-01"))])
        let a = Fixture.agreement(proration: .thirty)
        #expect(Fixture.settle([c], "2026-02", agreement: a).totals.all == m("1960.00"))
        #expect(Fixture.settle([c], "2026-03", agreement: a).totals.all == m("1960.00"))
        #expect(Fixture.settle([c], "2026-04", agreement: a).totals.all == m("1960.00"))
    }

    @Test("E2: B 16 days 1,011.61 + C 15 days 1,388.71 = 2,400.32")
    func e2() {
        let c = Case(id: "E2", person: "p", provider: "tsd", service: "flex", start: d("2025-06-01"),
                     categories: [CategoryPeriod(category: "B", from: d("2025-06-01")), CategoryPeriod(category: "C", from: d("2026-03-17"))])
        let s = Fixture.settle([c], "2026-03")
        #expect(s.lines.map(\.amount) == [m("1011.61"), m("1388.71")])
        #expect(s.lines.map(\.category) == ["B", "C"])
        #expect(s.lines[0].period == Period(d("2026-03-01"), d("2026-03-16")))
        #expect(s.totals.all == m("2400.32"))
    }

    @Test("A rate change in mid-month splits the line at the change")
    func rateChangeSplits() {
        let a = Fixture.agreement(rates: [
            FlatRateEntry(service: "flex", category: "B", from: d("2026-01-01"), amount: m("1960.00")),
            FlatRateEntry(service: "flex", category: "B", from: d("2026-03-17"), amount: m("2870.00")),
        ])
        let c = Case(id: "R", person: "p", provider: "tsd", service: "flex", start: d("2026-01-01"),
                     categories: [CategoryPeriod(category: "B", from: d("2026-01-01"))])
        #expect(Fixture.settle([c], "2026-03", agreement: a).lines.map(\.amount) == [m("1011.61"), m("1388.71")])
    }

    @Test("SPEC § 10: a scheduled increase derives 2,006.06 from 1,960.00 and the line says so")
    func scheduledIncrease() {
        let a = Fixture.agreement(increases: [RateIncrease(from: d("2027-01-01"), percent: ExactDecimal("2.35")!)])
        let c = Case(id: "I", person: "p", provider: "tsd", service: "flex", start: d("2026-01-01"),
                     categories: [CategoryPeriod(category: "B", from: d("2026-01-01"))])
        let dec = Fixture.settle([c], "2026-12", agreement: a)
        let jan = Fixture.settle([c], "2027-01", agreement: a)
        #expect(dec.totals.all == m("1960.00"))
        #expect(jan.totals.all == m("2006.06"))
        #expect(jan.lines[0].rate == m("2006.06") && jan.lines[0].increase == ExactDecimal("2.35"))
    }

    @Test("Increases compound, each rounded when derived; an agreed value on the day replaces it")
    func increasesCompound() {
        let schedule = RateSchedule(
            entries: [RateEntry(from: d("2026-01-01"), amount: m("1960.00")), RateEntry(from: d("2029-01-01"), amount: m("2100.00"))],
            increases: [RateIncrease(from: d("2027-01-01"), percent: ExactDecimal("2.35")!),
                        RateIncrease(from: d("2028-01-01"), percent: ExactDecimal("2.35")!),
                        RateIncrease(from: d("2029-01-01"), percent: ExactDecimal("5")!)],
            kind: .flatRate, rounding: .halfAwayFromZero)
        #expect(schedule.steps.map(\.amount) == [m("1960.00"), m("2006.06"), m("2053.20"), m("2100.00")])
        #expect(schedule.step(on: d("2025-12-31")) == nil)
    }

    @Test("Increases skip the kinds they do not apply to")
    func increaseScope() {
        let schedule = RateSchedule(entries: [RateEntry(from: d("2026-01-01"), amount: m("100.00"))],
                                    increases: [RateIncrease(from: d("2027-01-01"), percent: ExactDecimal("10")!, appliesTo: [.clearingFee])],
                                    kind: .flatRate, rounding: .halfAwayFromZero)
        #expect(schedule.steps.count == 1)
    }

    @Test("A case that ends in mid-month is paid to its last day; one that has not started is not paid")
    func endsAndStarts() {
        let c = Case(id: "X", person: "p", provider: "tsd", service: "flex", start: d("2026-01-01"), end: d("2026-03-20"),
                     endReason: .planned, categories: [CategoryPeriod(category: "B", from: d("2026-01-01"))])
        #expect(Fixture.settle([c], "2026-03").lines.map(\.quantity.units) == [20])
        #expect(Fixture.settle([c], "2026-04").lines.isEmpty)
        #expect(Fixture.settle([c], "2025-12").lines.isEmpty)
    }

    @Test("Half-even rounding where the agreement says so")
    func halfEven() {
        // 1,960.01 × 15 ÷ 30 (April) = 980.005: 980.01 half away from zero, 980.00 half even.
        let rates = [FlatRateEntry(service: "flex", category: "B", from: d("2026-01-01"), amount: m("1960.01"))]
        let c = Case(id: "H", person: "p", provider: "tsd", service: "flex", start: d("2026-04-16"),
                     categories: [CategoryPeriod(category: "B", from: d("2026-04-16"))])
        #expect(Fixture.settle([c], "2026-04", agreement: Fixture.agreement(rates: rates)).totals.all == m("980.01"))
        #expect(Fixture.settle([c], "2026-04", agreement: Fixture.agreement(rounding: .halfEven, rates: rates)).totals.all == m("980.00"))
    }

    @Test("Days without a category are not paid and are warned about")
    func noCategory() {
        let c = Case(id: "N", person: "p", provider: "tsd", service: "flex", start: d("2026-03-01"),
                     categories: [CategoryPeriod(category: "B", from: d("2026-03-11"))])
        let s = Fixture.settle([c], "2026-03")
        #expect(s.lines.map(\.quantity.units) == [21])
        #expect(s.warnings.map(\.kind) == [.noCategory])
        #expect(s.warnings[0].days == 10)
    }
}

@Suite("Clearing (SPEC § 5)")
struct ClearingTests {
    func clearingCase(from: String, to: String?, approved: Bool = false, category: String? = "B") -> Case {
        Case(id: "CL", person: "p", provider: "tsd", service: "flex", start: d(from),
             clearing: Clearing(from: d(from), to: to.map(d), extensionApproved: approved, category: category))
    }

    @Test("The fee is billed once, in the month clearing ends; the category applies from the next day")
    func feeInEndMonth() {
        let c = clearingCase(from: "2026-02-16", to: "2026-03-29")  // 42 days
        let feb = Fixture.settle([c], "2026-02")
        #expect(feb.lines.isEmpty && feb.warnings.isEmpty)
        let mar = Fixture.settle([c], "2026-03")
        #expect(mar.lines.map(\.kind) == [.clearingFee, .flatRate])
        #expect(mar.lines[0].amount == m("1450.00") && mar.lines[0].clearingDays == 1...42)
        #expect(mar.lines[1].period == Period(d("2026-03-30"), d("2026-03-31")))
        #expect(mar.lines[1].amount == m("126.45"))  // 1,960.00 × 2 ÷ 31
        #expect(Fixture.settle([c], "2026-04").lines.map(\.kind) == [.flatRate])
    }

    @Test("Days 43–84 with an approved extension: weekly rate ÷ 7 per day, in the months they fall")
    func approvedExtension() {
        // 2026-01-19 + 55 days = 2026-03-15: 56 days; days 43–56 are 2026-03-02 … 2026-03-15.
        let c = clearingCase(from: "2026-01-19", to: "2026-03-15", approved: true)
        let mar = Fixture.settle([c], "2026-03")
        let ext = mar.lines.filter { $0.kind == .clearingExtension }
        #expect(ext.count == 1)
        #expect(ext[0].rate == m("35.00") && ext[0].quantity.units == 14 && ext[0].amount == m("490.00"))
        #expect(ext[0].clearingDays == 43...56)
        #expect(mar.warnings.isEmpty)
    }

    @Test("The daily extension rate is rounded when derived: 250.00 ÷ 7 = 35.71")
    func extensionRateRounded() {
        let c = clearingCase(from: "2026-01-19", to: "2026-03-15", approved: true)
        let ext = Fixture.settle([c], "2026-03", agreement: Fixture.agreement(extensionWeekly: "250.00"))
            .lines.filter { $0.kind == .clearingExtension }
        #expect(ext[0].rate == m("35.71") && ext[0].amount == m("499.94"))
    }

    @Test("Extension days cross month ends: each month bills its own")
    func extensionAcrossMonths() {
        // From 2026-01-02: day 43 is 2026-02-13, day 84 is 2026-03-26.
        let c = clearingCase(from: "2026-01-02", to: "2026-03-26", approved: true)
        let feb = Fixture.settle([c], "2026-02").lines.filter { $0.kind == .clearingExtension }
        let mar = Fixture.settle([c], "2026-03").lines.filter { $0.kind == .clearingExtension }
        #expect(feb.map(\.quantity.units) == [16] && feb[0].clearingDays == 43...58)
        #expect(mar.map(\.quantity.units) == [26] && mar[0].clearingDays == 59...84)
    }

    @Test("Without an approved extension, days 43–84 are not billed and the statement warns")
    func unapprovedExtension() {
        let c = clearingCase(from: "2026-02-02", to: "2026-04-02")  // 60 days
        let mar = Fixture.settle([c], "2026-03")
        #expect(mar.lines.isEmpty)
        #expect(mar.warnings.map(\.kind) == [.clearingExtensionNotApproved])
        #expect(mar.warnings[0].period == Period(d("2026-03-16"), d("2026-03-31")) && mar.warnings[0].days == 16)
        let apr = Fixture.settle([c], "2026-04")
        #expect(apr.lines.first?.kind == .clearingFee)
        #expect(apr.warnings.first?.days == 2)
    }

    @Test("Day 85 onward is never billed, even with an extension; the statement warns")
    func beyondMaximum() {
        let c = clearingCase(from: "2026-01-02", to: "2026-04-02", approved: true)  // 91 days
        let mar = Fixture.settle([c], "2026-03")
        #expect(mar.warnings.map(\.kind) == [.clearingBeyondMaximum])
        #expect(mar.warnings[0].period == Period(d("2026-03-27"), d("2026-03-31")))
        let apr = Fixture.settle([c], "2026-04")
        #expect(apr.lines.filter { $0.kind == .clearingExtension }.isEmpty)
        #expect(apr.lines.filter { $0.kind == .clearingFee }.map(\.amount) == [m("1450.00")])
        #expect(apr.warnings.map(\.days) == [2])
    }

    @Test("An agreement without extension days (as many days as the fee covers): the fee, then days beyond the maximum, never an extension")
    func noExtensionDays() {
        let a = Fixture.agreement(clearingDays: (fee: 42, max: 42))
        let c = clearingCase(from: "2026-02-02", to: "2026-04-02", approved: true)  // 60 days
        let mar = Fixture.settle([c], "2026-03", agreement: a)
        #expect(mar.lines.isEmpty)
        #expect(mar.warnings.map(\.kind) == [.clearingBeyondMaximum])
        #expect(mar.warnings[0].period == Period(d("2026-03-16"), d("2026-03-31")))
        let apr = Fixture.settle([c], "2026-04", agreement: a)
        #expect(apr.lines.map(\.kind) == [.clearingFee, .flatRate] && apr.lines[0].clearingDays == 1...42)
        #expect(apr.warnings.map(\.kind) == [.clearingBeyondMaximum] && apr.warnings[0].days == 2)
    }

    @Test("A running clearing bills nothing but approved extension days, and no flat rate")
    func runningClearing() {
        let c = clearingCase(from: "2026-03-23", to: nil, category: nil)
        #expect(Fixture.settle([c], "2026-03").lines.isEmpty)
        #expect(Fixture.settle([c], "2026-04").lines.isEmpty)
        #expect(Fixture.settle([c], "2026-05").warnings.map(\.kind) == [.clearingExtensionNotApproved])
    }

    @Test("A case that ends while clearing has no end gets a warning, not a fee")
    func clearingWithoutEnd() {
        var c = clearingCase(from: "2026-03-02", to: nil, category: nil)
        c.end = d("2026-03-20")
        c.endReason = .familyTermination
        let s = Fixture.settle([c], "2026-03")
        #expect(s.lines.isEmpty && s.warnings.map(\.kind) == [.clearingWithoutEnd])
    }
}

@Suite("Cost bearers (SPEC § 13)")
struct BearerTests {
    let rule = BearerRule(settings: [.ambulant], flags: ["avoidsResidential"], numerators: [1, 1], denominator: 2)

    @Test("A matching rule splits 50/50; the first bearer gets the odd cent")
    func split() {
        var c = Case(id: "E1", person: "p", provider: "tsd", service: "flex", start: d("2026-03-10"),
                     categories: [CategoryPeriod(category: "B", from: d("2026-03-10"))])
        c.flags = ["avoidsResidential"]
        let s = Fixture.settle([c], "2026-03", agreement: Fixture.agreement(bearerRules: [rule]))
        #expect(s.lines[0].bearerParts == [m("695.49"), m("695.48")])
        #expect(s.totals.bearers == [m("695.49"), m("695.48")])
    }

    @Test("No matching rule: the first bearer bears the whole line")
    func noRule() {
        let c = Case(id: "H", person: "p", provider: "tsd", service: "heim", start: d("2026-03-01"),
                     categories: [CategoryPeriod(category: "B", from: d("2026-03-01"))], flags: ["avoidsResidential"])
        let s = Fixture.settle([c], "2026-03", agreement: Fixture.agreement(bearerRules: [rule]))
        #expect(s.lines[0].bearerParts == [m("5430.00"), .zero])
    }
}

@Suite("Statement properties")
struct StatementPropertyTests {
    @Test("Splitting a month at any day changes the total by at most one cent per extra line")
    func splitAtAnyDay() {
        let a = Fixture.agreement()
        for monthText in ["2026-02", "2026-03", "2026-04"] {
            let month = Month(iso: monthText)!
            let whole = Case(id: "S", person: "p", provider: "tsd", service: "flex", start: d("2026-01-01"),
                             categories: [CategoryPeriod(category: "B", from: d("2026-01-01"))])
            let total = Fixture.settle([whole], monthText, agreement: a).totals.all
            for day in 2...month.dayCount {
                var split = whole
                split.categories.append(CategoryPeriod(category: "B", from: month.firstDay.advanced(by: day - 1)))
                let s = Fixture.settle([split], monthText, agreement: a)
                #expect(s.lines.count == 2)
                #expect(abs(s.totals.all.cents - total.cents) <= 1, "split \(monthText) at day \(day)")
            }
        }
    }

    @Test("Random caseloads: lines add up to totals, bearer parts to lines, settling twice gives the same statement")
    func invariants() {
        var r = SplitMix(seed: 42)
        let rule = BearerRule(settings: [.ambulant], flags: ["f"], numerators: [1, 2], denominator: 3)
        let a = Fixture.agreement(bearerRules: [rule])
        var cases: [Case] = []
        for i in 0..<400 {
            let start = d("2026-01-01").advanced(by: r.next(200))
            var c = Case(id: "R\(i)", person: "p\(i)", provider: "tsd", service: r.next(2) == 0 ? "flex" : "heim", start: start,
                         flags: r.next(2) == 0 ? ["f"] : [])
            if c.service == "flex" && r.next(3) == 0 {
                let to = start.advanced(by: 10 + r.next(100))
                c.clearing = Clearing(from: start, to: to, extensionApproved: r.next(2) == 0, category: ["B", "C"][r.next(2)])
            } else {
                c.categories = [CategoryPeriod(category: "B", from: start)]
                if c.service == "flex" && r.next(2) == 0 {
                    c.categories.append(CategoryPeriod(category: "C", from: start.advanced(by: 1 + r.next(90))))
                }
            }
            if r.next(3) == 0 {
                c.end = start.advanced(by: 100 + r.next(100))
                c.endReason = .planned
            }
            cases.append(c)
        }
        var month = Month(iso: "2026-01")!
        for _ in 0..<12 {
            let s = Fixture.settle(cases, month.iso, agreement: a)
            #expect(s.invariantViolations().isEmpty, "\(month): \(s.invariantViolations())")
            #expect(s.lines == Fixture.settle(cases, month.iso, agreement: a).lines)
            month = month.next
        }
    }
}

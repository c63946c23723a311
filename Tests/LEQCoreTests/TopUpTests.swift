import Testing
@testable import LEQCore

private let d = Fixture.d
private let m = Fixture.m

/// A home paid by the day (178.43, SPEC E5) with the given absence rules, a scheduled increase of
/// 2.35 % from 2027, and the given rounding.
private func agreement(absences: AbsenceRules? = nil, rounding: RoundingMode = .halfAwayFromZero) -> Agreement {
    Agreement(
        id: "t", validity: Period(d("2025-01-01"), d("2099-12-31")),
        youthOffice: Party(name: "Jugendamt", address: ["Markt 1"]),
        provider: Provider(id: "tsd", name: "Träger", address: ["Weg 1"], taxNumber: "1", creditorNumber: "2",
                           leitwegID: "3", statementPrefix: "TSD"),
        rounding: rounding,
        services: [Service(id: "heim", name: "Heimerziehung", legalBasis: "§ 34 SGB VIII", setting: .residential, payment: .daily)],
        categories: ["B"], flatRates: [],
        increases: [RateIncrease(from: d("2027-01-01"), percent: ExactDecimal("2.35")!)],
        bearers: [CostBearer(id: "kommune", name: "Kommune")],
        dailyRates: [ServiceRateEntry(service: "heim", from: d("2025-01-01"), amount: m("178.43"))],
        absenceRules: absences)
}

private let nrw = AbsenceRules(rules: [AbsenceRule(graceDays: 3, reducedFrom: .firstDay, percent: ExactDecimal("80")!,
                                                   yearlyCapDays: 28)])

/// SPEC E3: 61,234.56 a year at a quarter position, approved 2026-01-01 to 2027-12-31, staff
/// from 2026-01-12, proof on 2026-03-03, a new annual cost of 63,071.60 from April.
private func e3Approval(proof: String? = "2026-03-03", staff: TopUpApproval.Staff = .dedicated, bettengeld: Bool = false,
                        illnesses: [StaffIllness] = [], end: TopUpEnd? = nil) -> TopUpApproval {
    TopUpApproval(period: Period(d("2026-01-01"), d("2027-12-31")), staff: staff,
                  tariffs: [TopUpTariff(from: d("2026-01-01"), annualCost: m("61234.56"), positionShare: ExactDecimal("0.25")!),
                            TopUpTariff(from: d("2026-04-01"), annualCost: m("63071.60"), positionShare: ExactDecimal("0.25")!)],
                  staffStart: d("2026-01-12"), proofReceived: proof.map(d), bettengeld: bettengeld,
                  staffIllnesses: illnesses, end: end)
}

private func home(_ topUps: [TopUpApproval], start: String = "2025-10-01", end: String? = nil, absences: [Absence] = [],
                  id: String = "Z") -> Case {
    var c = Case(id: id, person: "p-" + id, provider: "tsd", service: "heim", start: d(start), end: end.map(d),
                 endReason: end == nil ? nil : .planned, categories: [CategoryPeriod(category: "B", from: d(start))])
    c.absences = absences
    c.topUps = topUps
    return c
}

private func settle(_ cases: [Case], _ month: String, _ a: Agreement = agreement()) -> Statement {
    let (s, problems) = Settlement.statement(agreement: a, cases: cases, month: Fixture.month(month), issued: d("2026-12-01"))
    #expect(problems.isEmpty, "\(problems)")
    #expect(s.invariantViolations().isEmpty, "\(s.invariantViolations())")
    return s
}

private func lines(_ s: Statement, _ kind: LineKind) -> [StatementLine] { s.lines.filter { $0.kind == kind } }
private func paid(_ s: Statement) -> Money { s.lines(in: .topUps).reduce(Money.zero) { $0 + $1.amount } }
private func days(_ s: Statement, _ kind: LineKind) -> Int { lines(s, kind).reduce(0) { $0 + Int($1.quantity.units) } }

@Suite("Top-ups for additional individual care (SPEC § 11)")
struct TopUpTests {
    @Test("E3: 838.80 and 1,174.32 withheld, 3,313.26 paid in March, 43.20 a day from April")
    func e3() {
        let c = home([e3Approval()])
        let january = settle([c], "2026-01")
        #expect(lines(january, .topUpWithheld).map(\.withheld) == [m("838.80")])
        #expect(lines(january, .topUpWithheld).map(\.rate) == [m("41.94")])
        #expect(days(january, .topUpWithheld) == 20)
        #expect(lines(january, .topUpNotPaid).map(\.topUpReason) == [.staffNotStarted])
        #expect(days(january, .topUpNotPaid) == 11)
        #expect(paid(january) == .zero && january.totals.withheld == m("838.80"))

        let february = settle([c], "2026-02")
        #expect(lines(february, .topUpWithheld).map(\.withheld) == [m("1174.32")])
        #expect(paid(february) == .zero)

        let march = settle([c], "2026-03")
        #expect(lines(march, .topUpCatchUp).map(\.amount) == [m("838.80"), m("1174.32")])
        #expect(lines(march, .topUpCatchUp).map(\.forMonth) == [Fixture.month("2026-01"), Fixture.month("2026-02")])
        #expect(lines(march, .topUp).map(\.amount) == [m("1300.14")])
        #expect(paid(march) == m("3313.26"))
        #expect(march.totals.section(.topUps) == m("3313.26") && march.totals.withheld == .zero)

        let april = settle([c], "2026-04")
        #expect(lines(april, .topUp).map(\.rate) == [m("43.20")])
        #expect(lines(april, .topUp).map(\.annualCost) == [m("63071.60")])
        #expect(paid(april) == m("1296.00"))
        #expect(lines(april, .topUpCatchUp).isEmpty)
    }

    @Test("The daily top-up divides by 365 in leap years too, rounded once when derived")
    func leapYear() {
        let tariff = TopUpTariff(from: d("2028-01-01"), annualCost: m("61234.56"), positionShare: ExactDecimal("0.25")!)
        let a = TopUpApproval(period: Period(d("2028-01-01"), d("2028-12-31")), staff: .dedicated, tariffs: [tariff],
                              staffStart: d("2028-01-01"), proofReceived: d("2027-12-01"))
        let c = home([a])
        #expect(paid(settle([c], "2028-02")) == m("41.94") * 29)
        var year = Money.zero
        var month = Fixture.month("2028-01")
        for _ in 0..<12 {
            year += paid(settle([c], month.iso))
            month = month.next
        }
        #expect(year == m("41.94") * 366)
        // Exactly half a cent: 733.65 × 0.5 ÷ 365 = 1.005.
        let half = TopUpTariff(from: d("2026-01-01"), annualCost: m("733.65"), positionShare: ExactDecimal("0.5")!)
        #expect(half.dailyTopUp(.halfAwayFromZero) == m("1.01"))
        #expect(half.dailyTopUp(.halfEven) == m("1.00"))
    }

    @Test("Top-ups take no part in a general rate increase")
    func noIncrease() {
        let s = settle([home([e3Approval()])], "2027-01")
        #expect(lines(s, .dailyRate).map(\.rate) == [m("182.62")])  // 178.43 + 2.35 %
        #expect(lines(s, .topUp).map(\.rate) == [m("43.20")])
        #expect(lines(s, .topUp).allSatisfy { $0.increase == nil })
    }

    @Test("Proof arriving in a later month pays one catch-up line per earlier month, at each month's own rate")
    func lateProofAcrossTariffChange() {
        let c = home([e3Approval(proof: "2026-05-20")])
        for month in ["2026-01", "2026-02", "2026-03", "2026-04"] { #expect(paid(settle([c], month)) == .zero) }
        let may = settle([c], "2026-05")
        #expect(lines(may, .topUpCatchUp).map(\.amount) == [m("838.80"), m("1174.32"), m("1300.14"), m("1296.00")])
        #expect(lines(may, .topUp).map(\.amount) == [m("1339.20")])
        // Once paid, later months are paid as they come.
        #expect(lines(settle([c], "2026-06"), .topUp).map(\.amount) == [m("1296.00")])
    }

    @Test("Without proof by the end, nothing is paid and the statement says what is forfeited")
    func proofNeverReceived() {
        let c = home([e3Approval(proof: nil)], end: "2026-03-20")
        #expect(paid(settle([c], "2026-02")) == .zero)
        let march = settle([c], "2026-03")
        #expect(paid(march) == .zero)
        // The month it ends, its days are no longer withheld but lost, with the reason.
        #expect(lines(march, .topUpWithheld).isEmpty && march.totals.withheld == .zero)
        #expect(lines(march, .topUpNotPaid).map(\.topUpReason) == [.proofMissing])
        #expect(days(march, .topUpNotPaid) == 20)
        #expect(lines(march, .topUpEnded).map(\.topUpReason) == [.caseEnded])
        #expect(lines(march, .topUpForfeited).map(\.withheld) == [m("838.80") + m("1174.32") + m("41.94") * 20])
        #expect(march.warnings.map(\.kind) == [.topUpProofMissing])
        // A proof after the top-up ended comes too late.
        let late = home([e3Approval(proof: "2026-03-25")], end: "2026-03-20")
        #expect(paid(settle([late], "2026-03")) == .zero)
        #expect(lines(settle([late], "2026-03"), .topUpForfeited).count == 1)
    }

    @Test("Staff illness: paid on; from day 43 ended unless a substitute was hired by then")
    func staffIllness() {
        // Ill from 2 February: day 43 is 16 March.
        let ill = StaffIllness(from: d("2026-02-02"))
        let without = settle([home([e3Approval(proof: "2026-01-01", illnesses: [ill])])], "2026-03")
        #expect(lines(without, .topUp).map(\.period) == [Period(d("2026-03-01"), d("2026-03-15"))])
        #expect(lines(without, .topUp).map(\.absenceDays) == [28...42])
        #expect(lines(without, .topUp).map(\.topUpReason) == [.staffIll])
        #expect(lines(without, .topUpEnded).map(\.period.from) == [d("2026-03-15")])
        #expect(lines(without, .topUpEnded).map(\.topUpReason) == [.staffIllness])
        #expect(days(without, .topUpNotPaid) == 16)
        #expect(settle([home([e3Approval(proof: "2026-01-01", illnesses: [ill])])], "2026-04").lines(in: .topUps).isEmpty)

        let substitute = StaffIllness(from: d("2026-02-02"), substituteFrom: d("2026-03-16"))
        let with = settle([home([e3Approval(proof: "2026-01-01", illnesses: [substitute])])], "2026-03")
        #expect(paid(with) == m("41.94") * 31)
        #expect(lines(with, .topUp).map(\.topUpReason) == [.staffIll, .substitute])
        #expect(lines(with, .topUpEnded).isEmpty)

        let tooLate = StaffIllness(from: d("2026-02-02"), substituteFrom: d("2026-03-17"))
        #expect(paid(settle([home([e3Approval(proof: "2026-01-01", illnesses: [tooLate])])], "2026-03")) == m("41.94") * 15)

        // Back at work on day 42: no end. Two illnesses with no day between are one.
        let recovered = StaffIllness(from: d("2026-02-02"), to: d("2026-03-15"))
        #expect(paid(settle([home([e3Approval(proof: "2026-01-01", illnesses: [recovered])])], "2026-03")) == m("41.94") * 31)
        let parts = [StaffIllness(from: d("2026-02-02"), to: d("2026-02-20")), StaffIllness(from: d("2026-02-21"), to: d("2026-04-10"))]
        #expect(paid(settle([home([e3Approval(proof: "2026-01-01", illnesses: parts)])], "2026-03")) == m("41.94") * 15)
    }

    @Test("Absence: paid for dedicated and increased hours, not for volunteers or external services, reduced with Bettengeld")
    func absence() {
        let away = [Absence(from: d("2026-03-05"), to: d("2026-03-20"), reason: "hospital")]  // 16 days
        func march(_ staff: TopUpApproval.Staff, bettengeld: Bool = false, absences: [Absence] = away) -> Statement {
            settle([home([e3Approval(proof: "2026-01-01", staff: staff, bettengeld: bettengeld)], absences: absences)], "2026-03",
                   agreement(absences: nrw))
        }
        #expect(paid(march(.dedicated)) == m("41.94") * 31)
        #expect(lines(march(.dedicated), .topUp).map(\.topUpReason) == [nil, .absentPaid, nil])
        #expect(paid(march(.increasedHours)) == m("41.94") * 31)
        #expect(paid(march(.volunteerService)) == m("41.94") * 15)
        #expect(lines(march(.volunteerService), .topUpNotPaid).map(\.topUpReason) == [.absentVolunteer])
        #expect(lines(march(.volunteerService), .topUpNotPaid).map(\.absenceDays) == [1...16])
        #expect(paid(march(.external)) == m("41.94") * 15)
        #expect(lines(march(.external), .topUpNotPaid).map(\.topUpReason) == [.absentExternal])
        // Bettengeld under the NRW rule: over 3 days, 80 % from the first day (41.94 × 80 % = 33.55).
        let reduced = march(.dedicated, bettengeld: true)
        #expect(lines(reduced, .topUp).map(\.rate) == [m("41.94"), m("33.55"), m("41.94")])
        #expect(paid(reduced) == m("41.94") * 15 + m("33.55") * 16)
        // A short absence is in its grace days: in full.
        let short = [Absence(from: d("2026-03-05"), to: d("2026-03-07"), reason: "hospital")]
        #expect(paid(march(.dedicated, bettengeld: true, absences: short)) == m("41.94") * 31)
        // Volunteers are not paid during absence, Bettengeld or not.
        #expect(paid(march(.volunteerService, bettengeld: true)) == m("41.94") * 15)
        // Past the yearly cap of 28 reduced days: not paid, like the base rate.
        let long = [Absence(from: d("2026-02-01"), to: d("2026-02-20"), reason: "hospital"),
                    Absence(from: d("2026-03-05"), to: d("2026-03-20"), reason: "hospital")]
        let capped = march(.dedicated, bettengeld: true, absences: long)
        #expect(days(capped, .absenceUnpaid) == 8)
        #expect(lines(capped, .topUpNotPaid).map(\.topUpReason) == [.absenceCapReached])
        #expect(days(capped, .topUpNotPaid) == 8)
    }

    @Test("Hourly mode pays the hours delivered at the rate in force; nothing for absences; proof applies")
    func hourly() {
        let a = TopUpApproval(period: Period(d("2026-01-01"), d("2026-12-31")), mode: .hourly, staff: .increasedHours,
                              tariffs: [TopUpTariff(from: d("2026-01-01"), hourlyRate: m("41.50")),
                                        TopUpTariff(from: d("2026-05-01"), hourlyRate: m("42.80"))],
                              staffStart: d("2026-01-01"), proofReceived: d("2026-02-10"),
                              delivered: [DeliveredHours(month: Fixture.month("2026-01"), quarterHours: 72),
                                          DeliveredHours(month: Fixture.month("2026-02"), quarterHours: 58),
                                          DeliveredHours(month: Fixture.month("2026-05"), quarterHours: 79)])
        let c = home([a], absences: [Absence(from: d("2026-02-16"), to: d("2026-02-20"), reason: "holiday")])
        let january = settle([c], "2026-01")
        #expect(lines(january, .topUpWithheld).map(\.withheld) == [m("747.00")])  // 18 h × 41.50
        let february = settle([c], "2026-02")
        #expect(lines(february, .topUpCatchUp).map(\.amount) == [m("747.00")])
        #expect(lines(february, .topUp).map(\.amount) == [m("601.75")])  // 14.5 h × 41.50
        #expect(settle([c], "2026-03").lines(in: .topUps).isEmpty)
        #expect(lines(settle([c], "2026-05"), .topUp).map(\.amount) == [m("845.30")])  // 19.75 h × 42.80
    }

    @Test("End events each give their reason; days after a recorded end are listed, not paid")
    func endEvents() {
        for reason in TopUpEndReason.recorded {
            let s = settle([home([e3Approval(proof: "2026-01-01", end: TopUpEnd(lastDay: d("2026-04-15"), reason: reason))])], "2026-04")
            #expect(paid(s) == m("43.20") * 15)
            #expect(lines(s, .topUpEnded).map(\.topUpReason) == [TopUpReason(rawValue: reason.rawValue)])
            #expect(lines(s, .topUpNotPaid).map(\.period) == [Period(d("2026-04-16"), d("2026-04-30"))])
            #expect(s.lines.filter { $0.section == .topUps }.map(\.kind) == [.topUp, .topUpEnded, .topUpNotPaid])
            #expect(settle([home([e3Approval(proof: "2026-01-01", end: TopUpEnd(lastDay: d("2026-04-15"), reason: reason))])], "2026-05")
                .lines(in: .topUps).isEmpty)
        }
        let expired = settle([home([e3Approval(proof: "2026-01-01")])], "2027-12")
        #expect(lines(expired, .topUpEnded).map(\.topUpReason) == [.approvalExpired])
        #expect(settle([home([e3Approval(proof: "2026-01-01")])], "2028-01").lines(in: .topUps).isEmpty)
        let ended = settle([home([e3Approval(proof: "2026-01-01")], end: "2026-06-10")], "2026-06")
        #expect(lines(ended, .topUpEnded).map(\.topUpReason) == [.caseEnded])
        #expect(paid(ended) == m("43.20") * 10)
    }

    @Test("A case handing its last day to the person's next case does not bill the top-up for it")
    func handOver() {
        var first = home([e3Approval(proof: "2026-01-01")], end: "2026-06-10", id: "Z1")
        first.person = "same"
        var next = home([], start: "2026-06-10", id: "Z2")
        next.person = "same"
        let june = settle([first, next], "2026-06")
        #expect(lines(june, .topUp).map(\.period) == [Period(d("2026-06-01"), d("2026-06-09"))])
        #expect(lines(june, .topUpEnded).map(\.period.from) == [d("2026-06-09")])
    }

    @Test("Hourly mode: hours delivered before the staff starts are listed, not paid")
    func hoursBeforeStaffStart() {
        let a = TopUpApproval(period: Period(d("2026-01-01"), d("2026-12-31")), mode: .hourly, staff: .increasedHours,
                              tariffs: [TopUpTariff(from: d("2026-01-01"), hourlyRate: m("41.50"))],
                              staffStart: d("2026-02-01"), proofReceived: d("2026-01-01"),
                              delivered: [DeliveredHours(month: Fixture.month("2026-01"), quarterHours: 8)])
        let january = settle([home([a])], "2026-01")
        #expect(lines(january, .topUpNotPaid).map(\.topUpReason) == [.staffNotStarted])
        #expect(lines(january, .topUpNotPaid).map(\.quantity) == [ExactDecimal(2)])
        #expect(paid(january) == .zero)
    }

    @Test("Paying later never changes the sum: over the approval, what is paid equals what was due (random proof days)")
    func proofDayDoesNotChangeTheSum() {
        var rng = SplitMix(seed: 311)
        let months = (0..<24).map { Fixture.month("2026-01").adding($0) }
        func total(_ c: Case) -> Money { months.reduce(Money.zero) { $0 + paid(settle([c], $1.iso)) } }
        let absences = [Absence(from: d("2026-05-04"), to: d("2026-05-19"), reason: "hospital")]
        let due = total(home([e3Approval(proof: "2025-12-01")], absences: absences))
        #expect(due > .zero)
        for _ in 0..<12 {
            let proof = d("2026-01-01").advanced(by: rng.next(700))
            let sum = total(home([e3Approval(proof: proof.iso)], absences: absences))
            #expect(sum == due, "proof on \(proof)")
        }
    }
}

extension Month {
    fileprivate func adding(_ n: Int) -> Month { (0..<n).reduce(self) { m, _ in m.next } }
}

@Suite("Personnel cost calculator (SPEC § 11, seed 003 no. 6)")
struct PersonnelCostTests {
    let cost = PersonnelCost(
        name: "HEP S 8b", monthlyGross: m("3720.00"), annualSpecialPayment: m("3071.29"),
        allowances: [PersonnelCost.Allowance(kind: .shift, name: "Schicht", annual: m("600.00"), monthly: m("50.00"), inCareTimes: true),
                     PersonnelCost.Allowance(kind: .sunday, name: "Sonntag", annual: m("480.00"), inCareTimes: false)],
        contributions: [PersonnelCost.Contribution(name: "SV", percent: ExactDecimal("20.55")!),
                        PersonnelCost.Contribution(name: "BG", percent: ExactDecimal("1.2")!),
                        PersonnelCost.Contribution(name: "ZVK", percent: ExactDecimal("5.0")!)])

    @Test("Gross × 12, special payment, flagged allowances; contributions on the gross pay, each rounded; E3's 61,234.56")
    func calculation() {
        let r = cost.calculate(.halfAwayFromZero)
        #expect(r.annualGross == m("44640.00"))
        #expect(r.allowances.map(\.counted) == [m("600.00"), .zero])
        #expect(r.grossPay == m("48311.29"))
        #expect(r.contributions.map(\.amount) == [m("9927.97"), m("579.74"), m("2415.56")])
        #expect(r.annualCost == m("61234.56"))
        let daily = TopUpTariff(from: d("2026-01-01"), annualCost: r.annualCost, positionShare: ExactDecimal("0.25")!)
        #expect(daily.dailyTopUp(.halfAwayFromZero) == m("41.94"))
    }

    @Test("A Sunday allowance counts once it falls in the care times")
    func allowanceInCareTimes() {
        var c = cost
        c.allowances[1].inCareTimes = true
        let r = c.calculate(.halfAwayFromZero)
        #expect(r.grossPay == m("48791.29"))
        #expect(r.annualCost == m("48791.29") + m("10026.61") + m("585.50") + m("2439.56"))
    }
}

import Testing
@testable import LEQCore

private let d = Fixture.d
private let m = Fixture.m
private func x(_ s: String) -> ExactDecimal { ExactDecimal(s)! }

/// Category B: bonus 4 % at 75, malus 2 % below 40, report malus 75.00, end bonus 300.00, end
/// malus 200.00; family 50.00 per goal area at 75 or more.
private func terms(bonusCap: String? = nil, malusCap: String? = nil) -> IncentiveTerms {
    IncentiveTerms(byCategory: ["B": .init(bonusPercent: x("4"), malusPercent: x("2"), reportMalus: m("75.00"), endBonus: m("300.00"),
                                           endMalus: m("200.00"))],
                   bonusCapPercent: bonusCap.map(x), malusCapPercent: malusCap.map(x), familyPerGoalArea: m("50.00"))
}

private func agreement(_ t: IncentiveTerms = terms(), provider: String = "tsd") -> Agreement {
    var a = Fixture.agreement()
    a.incentives = t
    if provider == "tsd" { return a }
    return Agreement(id: "other", validity: a.validity, youthOffice: a.youthOffice,
                     provider: Provider(id: provider, name: "Anderer Träger", address: [], taxNumber: "", creditorNumber: "",
                                        leitwegID: "", statementPrefix: "OTH"),
                     services: a.services, categories: a.categories,
                     flatRates: [FlatRateEntry(service: "flex", category: "B", from: d("2026-01-01"), amount: m("1960.00"))],
                     bearers: a.bearers, incentives: t)
}

private func evaluation(_ date: String, _ ratings: [(GoalArea, String)]) -> GoalEvaluation {
    GoalEvaluation(date: d(date), ratings: ratings.map { ($0.0, x($0.1), x("1")) })
}

private func flex(_ id: String = "F", start: String = "2026-01-01", end: String? = nil, reason: EndReason? = nil,
                  planned: String? = nil, person: String = "p", provider: String = "tsd") -> Case {
    Case(id: id, person: person, provider: provider, service: "flex", start: d(start), plannedEnd: planned.map(d), end: end.map(d),
         endReason: end == nil ? nil : (reason ?? .planned), categories: [CategoryPeriod(category: "B", from: d(start))])
}

private func lines(_ s: Statement, _ kind: LineKind) -> [StatementLine] { s.lines.filter { $0.kind == kind } }

private func settle(_ cases: [Case], _ month: String, agreements: [Agreement] = [agreement()]) -> [Statement] {
    let run = Settlement.run(agreements: agreements, caseload: Caseload(cases), month: Fixture.month(month), issued: d("2026-12-01"))
    #expect(run.problems.isEmpty, "\(run.problems)")
    for s in run.statements { #expect(s.invariantViolations().isEmpty, "\(s.invariantViolations())") }
    return run.statements
}

@Suite("Incentives (SPEC § 12)")
struct IncentiveTests {
    @Test("SPEC: B, 6 months × 1,960.00 = 11,760.00 paid, attainment 80, bonus 4 % = 470.40")
    func goalBonus() {
        var c = flex()
        c.evaluations = [evaluation("2026-06-30", [(.school, "80"), (.relationships, "70"), (.socialBehaviour, "90")])]
        let june = settle([c], "2026-06")[0]
        let bonus = lines(june, .goalBonus)
        #expect(bonus.map(\.amount) == [m("470.40")])
        #expect(bonus.map(\.rate) == [m("11760.00")])
        #expect(bonus.map(\.attainment) == [Fraction(80, 1)])
        #expect(bonus.map(\.period) == [Period(d("2026-01-01"), d("2026-06-30"))])
        #expect(june.totals.section(.incentives) == m("470.40"))
        // The next evaluation's base starts after the previous evaluation's month.
        c.evaluations.append(evaluation("2026-12-31", [(.school, "75")]))
        #expect(lines(settle([c], "2026-12")[0], .goalBonus).map(\.rate) == [m("11760.00")])
    }

    @Test("A goal bonus's base ends with the evaluation's month: only that month after an evaluation the month before, nothing for a second evaluation in the same month (it stopped the run before); budget cuts do not lower it")
    func goalBaseOfTheMonthItself() {
        var c = flex()
        let good = [(GoalArea.school, "80")], poor = [(GoalArea.school, "30")]
        c.evaluations = [evaluation("2026-05-31", good), evaluation("2026-06-15", good), evaluation("2026-06-30", good)]
        let june = settle([c], "2026-06")[0]
        // 15 June: since May's evaluation, June alone (1,960.00); 30 June: since 15 June, in a
        // month already counted: none.
        #expect(lines(june, .goalBonus).map(\.rate) == [m("1960.00"), .zero])
        #expect(lines(june, .goalBonus).map(\.amount) == [m("78.40"), .zero])
        #expect(lines(june, .goalBonus).map(\.period) == [Period(d("2026-06-01"), d("2026-06-15")), Period(d("2026-06-16"), d("2026-06-30"))])
        // The same for a malus.
        c.evaluations = [evaluation("2026-06-10", good), evaluation("2026-06-20", poor)]
        let malus = lines(settle([c], "2026-06")[0], .goalMalus)
        #expect(malus.map(\.rate) == [.zero] && malus.map(\.period) == [Period(d("2026-06-11"), d("2026-06-20"))])
        c.evaluations = [evaluation("2026-05-31", good), evaluation("2026-06-15", good), evaluation("2026-06-30", good)]
        // A drawdown budget that cuts June's flat rate: the base is what the rates pay before the cut.
        c.budgets = [CaseBudget(period: Period(d("2026-06-01"), d("2026-06-30")), amount: m("1000.00"), mode: .drawdown)]
        let cut = settle([c], "2026-06")[0]
        #expect(lines(cut, .budgetCut).map(\.amount) == [m("-960.00")])
        #expect(lines(cut, .goalBonus).map(\.rate) == [m("1960.00"), .zero])
        // In May, the months since January: five of them.
        #expect(lines(settle([c], "2026-05")[0], .goalBonus).map(\.rate) == [m("9800.00")])
    }

    @Test("Attainment is the (weighted) mean, compared with the thresholds exactly; below 40 a malus")
    func thresholdsAndMalus() {
        var c = flex()
        // (80 + 70 + 74) / 3 = 74.67: no bonus, no malus.
        c.evaluations = [evaluation("2026-06-30", [(.school, "80"), (.relationships, "70"), (.leisure, "74")])]
        #expect(settle([c], "2026-06")[0].lines(in: .incentives).isEmpty)
        // Weighted: school counts twice: (2 × 80 + 65) / 3 = 75 → bonus.
        c.evaluations = [GoalEvaluation(date: d("2026-06-30"), ratings: [(.school, x("80"), x("2")), (.therapy, x("65"), x("1"))])]
        #expect(lines(settle([c], "2026-06")[0], .goalBonus).map(\.amount) == [m("470.40")])
        c.evaluations = [evaluation("2026-06-30", [(.school, "30"), (.relationships, "45")])]  // 37.5
        #expect(lines(settle([c], "2026-06")[0], .goalMalus).map(\.amount) == [m("-235.20")])
    }

    @Test("Attainment summed in whole units is the mean summed fraction by fraction, for random ratings and weights of 0 to 3 decimals, some weights zero")
    func attainmentAsFractions() {
        var state: UInt64 = 2026
        func next(_ n: UInt64) -> UInt64 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return (state >> 33) % n
        }
        func decimal(_ maxUnits: UInt64) -> ExactDecimal {
            let scale = Int(next(4))
            var p: Int64 = 1
            for _ in 0..<scale { p *= 10 }
            return ExactDecimal(units: Int64(next(maxUnits)) * (next(3) == 0 ? 1 : p / max(1, Int64(next(UInt64(p)) + 1))), scale: scale)
        }
        for _ in 0..<2_000 {
            let areas = GoalArea.allCases.filter { _ in next(2) == 0 }
            let ratings = areas.map { (area: $0, rating: decimal(101), weight: next(5) == 0 ? ExactDecimal(units: 0, scale: Int(next(3))) : decimal(4)) }
            let e = GoalEvaluation(date: d("2026-06-30"), ratings: ratings)
            // SPEC § 12 as it reads: Σ rating × weight / Σ weight, each step an exact fraction.
            var sum = Fraction(0, 1), weights = Fraction(0, 1)
            for r in e.ratings {
                sum = sum + r.rating.fraction * r.weight.fraction
                weights = weights + r.weight.fraction
            }
            let expected = weights.numerator == 0 ? Fraction(0, 1) : sum / weights
            #expect(e.attainment == expected, "\(ratings)")
        }
        #expect(GoalEvaluation(date: d("2026-06-30"), ratings: []).attainment == Fraction(0, 1))
        #expect(GoalEvaluation(date: d("2026-06-30"), ratings: [(.school, x("80"), x("2")), (.therapy, x("65.5"), x("0.5"))]).attainment
            == Fraction(3855, 50))  // (160 + 32.75) / 2.5 = 77.1
    }

    @Test("A report late or missing costs the malus once, in the month its grace period ends")
    func reports() {
        var c = flex()
        c.reports = [CaseReport(due: d("2026-03-25"), received: d("2026-04-08")),  // day 14: in time
                     CaseReport(due: d("2026-05-25"), received: d("2026-06-09")),  // day 15: late
                     CaseReport(due: d("2026-07-31"))]  // missing
        #expect(settle([c], "2026-04")[0].lines(in: .incentives).isEmpty)
        #expect(lines(settle([c], "2026-06")[0], .reportMalus).map(\.amount) == [m("-75.00")])
        #expect(lines(settle([c], "2026-08")[0], .reportMalus).map(\.reportDue) == [d("2026-07-31")])
        #expect(settle([c], "2026-09")[0].lines(in: .incentives).isEmpty)
        // After the case has ended too.
        var ended = flex(end: "2026-07-31")
        ended.reports = [CaseReport(due: d("2026-07-31"))]
        #expect(lines(settle([ended], "2026-08")[0], .reportMalus).count == 1)
    }

    @Test("End bonus for goals achieved on time, end malus for a provider's termination")
    func endings() {
        let achieved = flex(end: "2026-05-20", reason: .goalsAchieved, planned: "2026-06-30")
        #expect(lines(settle([achieved], "2026-05")[0], .endBonus).map(\.amount) == [m("300.00")])
        let late = flex(end: "2026-07-20", reason: .goalsAchieved, planned: "2026-06-30")
        #expect(lines(settle([late], "2026-07")[0], .endBonus).isEmpty)
        let terminated = flex(end: "2026-05-20", reason: .providerTermination)
        #expect(lines(settle([terminated], "2026-05")[0], .endMalus).map(\.amount) == [m("-200.00")])
    }

    @Test("Clawback: the person starts a new case within 12 months, at another provider; it lands on the provider that got the bonus")
    func clawback() {
        let first = flex("F1", end: "2026-03-31", reason: .goalsAchieved, person: "same")
        let next = flex("O1", start: "2026-09-15", person: "same", provider: "oth")
        let agreements = [agreement(), agreement(provider: "oth")]
        let september = settle([first, next], "2026-09", agreements: agreements)
        let tsd = september.first { $0.provider.id == "tsd" }!, oth = september.first { $0.provider.id == "oth" }!
        #expect(lines(tsd, .bonusClawback).map(\.amount) == [m("-300.00")])
        #expect(lines(tsd, .bonusClawback).map(\.relatedCase) == ["O1"])
        #expect(lines(oth, .bonusClawback).isEmpty)
        // After 12 months: kept.
        let much = flex("O1", start: "2027-04-01", person: "same", provider: "oth")
        #expect(settle([first, much], "2027-04", agreements: agreements).allSatisfy { lines($0, .bonusClawback).isEmpty })
    }

    @Test("Yearly caps per provider: bonuses and maluses past their percentage of the year's base are cut in a line of their own")
    func caps() {
        // 1 % of the base: January–June 11,760.00 → 117.60 allowed of 470.40.
        var c = flex()
        c.evaluations = [evaluation("2026-06-30", [(.school, "80")])]
        let june = settle([c], "2026-06", agreements: [agreement(terms(bonusCap: "1"))])[0]
        #expect(lines(june, .bonusCapCut).map(\.amount) == [m("-352.80")])
        #expect(june.totals.section(.incentives) == m("117.60"))
        #expect(lines(june, .bonusCapCut).map(\.caseID) == [""])
        // Maluses: three missing reports at 75.00 against 0.5 % of 1,960.00 a month.
        var r = flex()
        r.reports = [CaseReport(due: d("2026-01-10")), CaseReport(due: d("2026-01-12")), CaseReport(due: d("2026-02-01"))]
        let capped = agreement(terms(malusCap: "0.5"))
        let january = settle([r], "2026-01", agreements: [capped])[0]
        #expect(january.totals.section(.incentives) == m("-9.80"))  // 0.5 % of 1,960.00
        #expect(lines(january, .malusCapCut).map(\.amount) == [m("140.20")])
        // February: the year's base is 3,920.00, so 19.60 in all: 9.80 more.
        let february = settle([r], "2026-02", agreements: [capped])[0]
        #expect(february.totals.section(.incentives) == m("-9.80"))
        // The ledger carried from January's run gives the same February.
        let run1 = Settlement.run(agreements: [capped], caseload: Caseload([r]), month: Fixture.month("2026-01"), issued: d("2026-02-01"))
        let run2 = Settlement.run(agreements: [capped], caseload: Caseload([r]), month: Fixture.month("2026-02"), issued: d("2026-03-01"),
                                  ledgers: run1.ledgers)
        #expect(run2.statements[0].totals.section(.incentives) == m("-9.80"))
    }

    @Test("Family incentives per goal area attained: listed apart, never in the provider's total (random caseloads)")
    func familyNeverInTotal() {
        var rng = SplitMix(seed: 12)
        for _ in 0..<30 {
            var cases: [Case] = []
            for i in 0..<8 {
                var c = flex("F\(i)", person: "p\(i)")
                c.evaluations = [evaluation("2026-06-\(10 + rng.next(20))",
                                            GoalArea.allCases.filter { _ in rng.next(2) == 0 }.map { ($0, "\(rng.next(101))") })]
                cases.append(c)
            }
            let with = settle(cases, "2026-06")[0]
            var noFamily = terms()
            noFamily.familyPerGoalArea = nil
            let without = settle(cases, "2026-06", agreements: [agreement(noFamily)])[0]
            #expect(with.totals.all == without.totals.all)
            #expect(with.totals.bearers == without.totals.bearers)
            let family = lines(with, .familyIncentive)
            #expect(with.totals.section(.family) == family.reduce(Money.zero) { $0 + $1.amount })
            #expect(family.allSatisfy { $0.amount == m("50.00") && $0.percent.map { $0.fraction >= Fraction(75, 1) } == true })
        }
    }
}

@Suite("Provider ranking (SPEC § 18)")
struct RankingTests {
    @Test("Indicators, normalisation across providers, weights, strengths and weaknesses")
    func ranking() {
        // tsd: attainment 80, both reports on time, one planned end of one; oth: attainment 50, one of two reports late.
        var a1 = flex("T1", end: "2026-06-30", reason: .planned)
        a1.evaluations = [evaluation("2026-06-15", [(.school, "80")])]
        a1.reports = [CaseReport(due: d("2026-03-31"), received: d("2026-04-01")), CaseReport(due: d("2026-05-31"), received: d("2026-06-01"))]
        a1.questionnaire = x("90")
        var b1 = flex("O1", person: "q", provider: "oth")
        b1.evaluations = [evaluation("2026-06-15", [(.school, "50")])]
        b1.reports = [CaseReport(due: d("2026-03-31"), received: d("2026-04-01")), CaseReport(due: d("2026-05-31"))]
        b1.questionnaire = x("60")
        var weights = RankingWeights()
        weights.goalAttainment = x("3")
        let r = ProviderRanking.compute(agreements: [agreement(), agreement(provider: "oth")], caseload: Caseload([a1, b1]),
                                        months: (1...6).map { Month(year: 2026, month: $0)! }, weights: weights)
        #expect(r.entries.map(\.provider.id) == ["tsd", "oth"])
        let tsd = r.entries[0], oth = r.entries[1]
        #expect(tsd.values[.goalAttainment]?.value == Micro(value: 80_000_000))
        #expect(tsd.values[.reportsOnTime]?.value == Micro(value: 100_000_000) && oth.values[.reportsOnTime]?.value == Micro(value: 50_000_000))
        #expect(tsd.values[.plannedEnds]?.value == Micro(value: 100_000_000) && oth.values[.plannedEnds] == nil)
        #expect(tsd.values[.goalAttainment]?.normalised == Micro(value: 100_000_000) && oth.values[.goalAttainment]?.normalised == Micro(value: 0))
        // Same service and category, same cost per day: equal (50 each), nobody's strength.
        #expect(tsd.values[.costPerCase]?.normalised == Micro(value: 50_000_000))
        #expect(tsd.strengths == [.goalAttainment, .reportsOnTime, .questionnaire])
        #expect(oth.weaknesses == [.goalAttainment, .reportsOnTime, .questionnaire])
        // Planned ends: only tsd has one, so it stands alone at 50.
        // tsd: (3 × 100 + 100 + 50 + 100 + 50) / 7 = 85.71; oth: (0 + 0 + 0 + 50) / 6 = 8.33.
        #expect(tsd.values[.plannedEnds]?.normalised == Micro(value: 50_000_000))
        #expect(tsd.score.rounded(2) == ExactDecimal("85.71"), "\(tsd.score)")
        #expect(oth.score.rounded(2) == ExactDecimal("8.33"), "\(oth.score)")
    }
}

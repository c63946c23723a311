import Testing
@testable import LEQCore

private let d = Fixture.d
private let m = Fixture.m

private func cases() -> [Case] {
    var rng = SplitMix(seed: 17)
    return (0..<40).map { i in
        let start = d("2026-01-01").advanced(by: rng.next(400))
        return Case(id: "S\(i)", person: "p\(i)", provider: "tsd", service: i % 3 == 0 ? "heim" : "flex", start: start,
                    end: i % 4 == 0 ? start.advanced(by: 100 + rng.next(300)) : nil, endReason: i % 4 == 0 ? .planned : nil,
                    categories: [CategoryPeriod(category: i % 2 == 0 ? "B" : "C", from: start)])
    }
}

private let agreement = Fixture.agreement(rates: [
    FlatRateEntry(service: "flex", category: "B", from: d("2026-01-01"), amount: m("1960.00")),
    FlatRateEntry(service: "flex", category: "C", from: d("2026-01-01"), amount: m("2870.00")),
    FlatRateEntry(service: "heim", category: "B", from: d("2026-01-01"), amount: m("5430.00")),
    FlatRateEntry(service: "heim", category: "C", from: d("2026-01-01"), amount: m("6120.00")),
    FlatRateEntry(service: "heim", category: "C", from: d("2027-04-01"), amount: m("6300.00")),
], increases: [RateIncrease(from: d("2027-01-01"), percent: ExactDecimal("2.35")!)])

private let horizon = (0..<24).map { k in (0..<k).reduce(Month(iso: "2026-07")!) { m, _ in m.next } }

@Suite("Scenarios (SPEC § 17)")
struct ScenarioTests {
    @Test("A scenario without changes equals the baseline to the cent, month by month and in every breakdown")
    func noChange() {
        let s = Simulation.run(agreements: [agreement], cases: cases(), horizon: horizon, scenarios: [Scenario(name: "leer", changes: [])], seed: 1)
        let o = s.scenarios[0]
        #expect(o.monthly == s.baseline.monthly)
        #expect(o.byProvider == s.baseline.byProvider && o.byCategory == s.baseline.byCategory && o.byKind == s.baseline.byKind)
        #expect(s.baseline.total > .zero)
    }

    @Test("+3 % on category C from 2027-01 changes exactly the C flat-rate lines from then on, each rate raised and rounded once")
    func ratePercent() {
        let change = Scenario.RateChange(category: "C", from: d("2027-01-01"), percent: ExactDecimal("3")!)
        let (agreements, changed) = Scenario(name: "C+3", changes: [.rate(change)]).apply(agreements: [agreement], cases: cases(),
                                                                                          horizon: horizon, seed: 1)
        #expect(changed.count == cases().count)
        for month in horizon {
            let before = Settlement.run(agreements: [agreement], caseload: Caseload(cases()), month: month, issued: month.lastDay.next)
            let after = Settlement.run(agreements: agreements, caseload: Caseload(changed), month: month, issued: month.lastDay.next)
            let a = before.statements[0].lines, b = after.statements[0].lines
            #expect(a.count == b.count)
            for (x, y) in zip(a, b) {
                let affected = x.category == "C" && x.kind == .flatRate && month.firstDay >= d("2027-01-01")
                if affected {
                    #expect(y.rate == RoundingMode.halfAwayFromZero.raise(x.rate, byPercent: ExactDecimal("3")!), "\(month) \(x.caseID)")
                    #expect(y.amount != x.amount || x.amount == .zero)
                } else {
                    #expect(x == y, "\(month) \(x.caseID) \(x.kind) should not change")
                }
            }
        }
    }

    @Test("An amount per month for one service; the same seed gives the same new cases and shifts")
    func amountAndSeed() {
        let scenario = Scenario(name: "mix", changes: [
            .rate(Scenario.RateChange(service: "heim", from: d("2026-10-01"), amount: m("50.00"))),
            .categoryShift(from: "B", to: "C", share: ExactDecimal("0.5")!, on: d("2026-09-01")),
            .newCases(Scenario.NewCases(provider: "tsd", perMonth: 3, mix: [("flex", "B", ExactDecimal("1")!), ("heim", "C", ExactDecimal("1")!)], months: 6)),
        ])
        let one = Simulation.run(agreements: [agreement], cases: cases(), horizon: horizon, scenarios: [scenario], seed: 9)
        let two = Simulation.run(agreements: [agreement], cases: cases(), horizon: horizon, scenarios: [scenario], seed: 9)
        #expect(one.scenarios[0].monthly == two.scenarios[0].monthly)
        let (agreements, _) = scenario.apply(agreements: [agreement], cases: cases(), horizon: horizon, seed: 9)
        #expect(agreements[0].flatRate(service: "heim", category: "B")?.step(on: d("2026-10-01"))?.amount == m("5480.00"))
        #expect(agreements[0].flatRate(service: "heim", category: "C")?.step(on: d("2027-04-01"))?.amount == m("6350.00"))
        #expect(agreements[0].flatRate(service: "flex", category: "B")?.step(on: d("2026-10-01"))?.amount == m("1960.00"))
        let (_, shifted) = scenario.apply(agreements: [agreement], cases: cases(), horizon: horizon, seed: 9)
        #expect(shifted.count == cases().count + 3 * horizon.count)
        let activeB = cases().filter { $0.activeDays(in: Period(d("2026-09-01"), d("2026-09-01"))) != nil && $0.category(on: d("2026-09-01")) == "B" }
        let movedToC = shifted.prefix(cases().count).filter { c in activeB.contains { $0.id == c.id } && c.category(on: d("2026-09-01")) == "C" }
        #expect(movedToC.count == (activeB.count + 1) / 2 || movedToC.count == activeB.count / 2)
    }

    @Test("Incentive parameters and top-up costs change as the scenario says")
    func incentivesAndTopUps() {
        var a = agreement
        a.incentives = IncentiveTerms(byCategory: ["B": .init(bonusPercent: ExactDecimal("4")!)])
        var c = cases()[0]
        c.topUps = [TopUpApproval(period: Period(d("2026-01-01"), d("2027-12-31")), staff: .dedicated,
                                  tariffs: [TopUpTariff(from: d("2026-01-01"), annualCost: m("61234.56"), positionShare: ExactDecimal("0.25")!),
                                            TopUpTariff(from: d("2027-04-01"), annualCost: m("63071.60"), positionShare: ExactDecimal("0.25")!)],
                                  staffStart: d("2026-01-01"), proofReceived: d("2026-01-01"))]
        var change = Scenario.IncentiveChange(category: "B")
        change.bonusPercent = ExactDecimal("6")!
        change.endBonus = m("500.00")
        let scenario = Scenario(name: "x", changes: [.incentives(change), .topUps(percent: ExactDecimal("10")!, from: d("2027-01-01"))])
        let (agreements, changed) = scenario.apply(agreements: [a], cases: [c], horizon: horizon, seed: 1)
        #expect(agreements[0].incentives?.byCategory["B"]?.bonusPercent == ExactDecimal("6"))
        #expect(agreements[0].incentives?.byCategory["B"]?.endBonus == m("500.00"))
        #expect(agreements[0].incentives?.byCategory["C"]?.bonusPercent == nil)
        #expect(changed[0].topUps[0].tariffs.map(\.from) == [d("2026-01-01"), d("2027-01-01"), d("2027-04-01")])
        #expect(changed[0].topUps[0].tariffs.map(\.annualCost) == [m("61234.56"), m("67358.02"), m("69378.76")])
    }
}

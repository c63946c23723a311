import Foundation
import LEQCore
import LEQFormats

/// `leq bench`: settles a large generated caseload and prints throughput and peak memory.
/// A measurement, not a test: run it on a release build (`swift run -c release leq bench`).
extension LEQ {
    static let bench = Command(
        name: "bench", usage: "[--cases N] [--months M] [--seed S] [--simulate]",
        summary: "Settle a generated caseload; print case-months per second and peak memory.",
        options: [
            OptionSpec("cases", value: "N", help: "Number of generated cases (default 100000)."),
            OptionSpec("months", value: "M", help: "Months to settle, from 2026-01 (default 12)."),
            OptionSpec("seed", value: "S", help: "Seed of the generator (default 1); the same seed, the same caseload."),
            OptionSpec("simulate", help: "Instead: simulate the caseload with three scenarios over the months (SPEC § 17)."),
        ],
        details: "Build with -c release for meaningful figures. Providers are settled and statements rendered on all cores."
    ) { options, console in
        guard let n = Int(options.value("cases") ?? "100000"), n > 0,
              let months = Int(options.value("months") ?? "12"), (1...600).contains(months),
              let seed = UInt64(options.value("seed") ?? "1") else {
            console.fail("leq bench: --cases, --months and --seed take whole numbers (cases > 0, months 1–600)\n")
            return ExitStatus.badInput
        }
        var generator = Synthetic(seed: seed)
        let agreements = generator.agreements()
        console.fail("generating \(n) cases …\n")
        let caseload = Caseload(generator.cases(n, providers: agreements.map(\.provider.id)))
        let first = Month(year: 2026, month: 1)!
        let monthList = (0..<months).reduce(into: [first]) { list, _ in list.append(list.last!.next) }.prefix(months)
        if options.flag("simulate") {
            return simulateBench(agreements: agreements, cases: caseload.cases, horizon: Array(monthList), console: console)
        }
        let caseMonths = Double(n * months)  // not money: a throughput figure

        // Settling alone.
        var lines = 0
        var checksum = Money.zero
        let clock = ContinuousClock()
        // The providers' incentive years, carried from month to month (as a monthly routine would).
        var ledgers: [String: IncentiveLedger] = [:]
        let settleTime = clock.measure {
            for (k, month) in monthList.enumerated() {
                let run = Settlement.run(agreements: agreements, caseload: caseload, month: month, issued: month.lastDay.next,
                                         ledgers: ledgers)
                ledgers = run.ledgers
                for s in run.statements {
                    lines += s.lines.count
                    checksum += s.totals.all
                }
                if months >= 6 && (k + 1) % max(1, months / 4) == 0 { console.fail("  settled \(k + 1)/\(months) months\n") }
            }
        }
        // Settling and rendering the canonical JSON.
        var jsonBytes = 0
        ledgers = [:]
        let jsonTime = clock.measure {
            for month in monthList {
                let run = Settlement.run(agreements: agreements, caseload: caseload, month: month, issued: month.lastDay.next,
                                         ledgers: ledgers)
                ledgers = run.ledgers
                jsonBytes += StatementJSON.render(run.statements).count
            }
        }
        let settleSeconds = seconds(settleTime), jsonSeconds = seconds(jsonTime)
        console.tell("""
            bench: \(n) cases × \(months) months = \(n * months) case-months, \(agreements.count) providers, \(lines) lines, total \(checksum)
            settle: \(Int(caseMonths / settleSeconds)) case-months/s (\(format(settleSeconds)) s)
            settle+json: \(Int(caseMonths / jsonSeconds)) case-months/s (\(format(jsonSeconds)) s, \(jsonBytes / 1_000_000) MB of JSON)
            peak memory: \(peakMemoryMiB().map { "\($0) MiB" } ?? "unknown") (\(peakMemoryMiB().map { "\($0 * 1_048_576 / n)" } ?? "–") bytes per case)
            cores: \(ProcessInfo.processInfo.activeProcessorCount) (providers settled and statements rendered in parallel)

            """)
        return ExitStatus.success
    }

    /// Baseline and three scenarios (a rate change, a category shift with new cases, incentive
    /// parameters) over the horizon, timed.
    static func simulateBench(agreements: [Agreement], cases: [Case], horizon: [Month], console: Console) -> Int32 {
        let start = horizon[0].firstDay
        let scenarios = [
            Scenario(name: "C +3 %", changes: [.rate(Scenario.RateChange(category: "C", from: start, percent: ExactDecimal("3")!))]),
            Scenario(name: "mix", changes: [
                .categoryShift(from: "B", to: "C", share: ExactDecimal("0.1")!, on: start),
                .newCases(Scenario.NewCases(provider: agreements[0].provider.id, perMonth: 20,
                                            mix: [("flex", "B", ExactDecimal("1")!), ("heimT", "C", ExactDecimal("1")!)], months: 9)),
            ]),
            Scenario(name: "bonus", changes: [.incentives({ var c = Scenario.IncentiveChange(); c.bonusPercent = ExactDecimal("6")!; return c }())]),
        ]
        var settled = 0
        let clock = ContinuousClock()
        let time = clock.measure {
            _ = Simulation.run(agreements: agreements, cases: cases, horizon: horizon, scenarios: scenarios, seed: 1) { name, month in
                settled += 1
                if month == horizon.last { console.fail("  \(name) done\n") }
            }
        }
        let s = seconds(time)
        let rate = Int(Double(cases.count * horizon.count * (scenarios.count + 1)) / s)  // not money: a throughput figure
        console.tell("""
            simulate: \(cases.count) cases × \(horizon.count) months, baseline and \(scenarios.count) scenarios: \(format(s)) s \
            (\(rate) case-months/s)
            peak memory: \(peakMemoryMiB().map { "\($0) MiB" } ?? "unknown")

            """)
        return ExitStatus.success
    }

    static func seconds(_ d: Duration) -> Double {  // not money: timing
        Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18  // not money
    }

    static func format(_ x: Double) -> String {  // not money
        let hundredths = Int((x * 100).rounded())  // not money
        return "\(hundredths / 100).\(hundredths % 100 < 10 ? "0" : "")\(hundredths % 100)"
    }

    /// Peak resident memory (VmHWM) from /proc, in MiB; nil where /proc is missing.
    static func peakMemoryMiB() -> Int? {
        guard let text = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return nil }
        for line in text.split(separator: "\n") where line.hasPrefix("VmHWM:") {
            let kb = line.split(separator: " ").compactMap { Int($0) }.first
            return kb.map { $0 / 1024 }
        }
        return nil
    }
}

/// A generated, seeded caseload and agreements for the benchmark: clearings (some long, some
/// extended), category changes in mid-month, a rate change in July, an increase in January
/// 2027, ends, a cost-bearer rule; daily rates with absences under NRW-style rules, specialist
/// hours with approvals (some exceeded), budgets in installments and drawdown budgets, top-ups
/// (one home case in eight) with late or missing proof, tariff changes and staff illness;
/// incentives with yearly caps: half-yearly goal evaluations and reports (one case in four), ends
/// of every kind.
struct Synthetic {
    var state: UInt64

    init(seed: UInt64) { state = seed &* 0x9E37_79B9_7F4A_7C15 | 1 }

    mutating func next(_ bound: Int) -> Int {
        // xorshift64*: small, fast, and the same on every machine.
        state ^= state >> 12
        state ^= state << 25
        state ^= state >> 27
        return Int((state &* 0x2545_F491_4F6C_DD1D) >> 33) % bound
    }

    func agreements() -> [Agreement] {
        let d = { (s: String) in CivilDate(iso: s)! }
        let services = [
            Service(id: "flex", name: "Flexible ambulante Hilfe", legalBasis: "§ 27 Abs. 2 SGB VIII", setting: .ambulant),
            Service(id: "tg", name: "Tagesgruppe", legalBasis: "§ 32 SGB VIII", setting: .semiResidential, proration: .thirty),
            Service(id: "heim", name: "Heimerziehung", legalBasis: "§ 34 SGB VIII", setting: .residential),
            Service(id: "heimT", name: "Heimerziehung (Tagessatz)", legalBasis: "§ 34 SGB VIII", setting: .residential, payment: .daily),
            Service(id: "spfh", name: "Sozialpädagogische Familienhilfe", legalBasis: "§ 31 SGB VIII", setting: .ambulant, payment: .hourly),
            Service(id: "fb", name: "Individuelles Fallbudget", legalBasis: "§ 27 Abs. 2 SGB VIII", setting: .ambulant, payment: .budget),
        ]
        let absences = AbsenceRules(yearlyCapDays: 28, rules: [
            AbsenceRule(reason: "hospital", graceDays: 3, reducedFrom: .afterGrace, percent: ExactDecimal("75")!),
            AbsenceRule(graceDays: 3, reducedFrom: .firstDay, percent: ExactDecimal("80")!),
        ])
        var rates: [FlatRateEntry] = []
        for (s, base) in [("flex", 98_000), ("tg", 210_000), ("heim", 480_000)] {
            for (k, c) in ["A", "B", "C"].enumerated() {
                let amount = Int64(base + k * 45_000)
                rates.append(FlatRateEntry(service: s, category: c, from: d("2024-01-01"), amount: Money(cents: amount)))
                rates.append(FlatRateEntry(service: s, category: c, from: d("2026-07-01"), amount: Money(cents: amount + 3_100)))
            }
        }
        let category = { (bonus: String, malus: String, report: Int64, end: Int64) in
            IncentiveTerms.CategoryTerms(bonusPercent: ExactDecimal(bonus)!, malusPercent: ExactDecimal(malus)!,
                                         reportMalus: Money(cents: report), endBonus: Money(cents: 4 * end), endMalus: Money(cents: 3 * end))
        }
        let incentives = IncentiveTerms(byCategory: ["A": category("3", "2", 5_000, 5_000), "B": category("4", "2", 7_500, 7_500),
                                                     "C": category("5", "3", 10_000, 10_000)],
                                        bonusCapPercent: ExactDecimal("2")!, malusCapPercent: ExactDecimal("1")!,
                                        familyPerGoalArea: Money(cents: 5_000))
        return (1...10).map { p in
            Agreement(
                id: "bench-\(p)", validity: Period(d("2024-01-01"), d("2099-12-31")),
                youthOffice: Party(name: "Jugendamt", address: ["Marktplatz 1", "06108 Halle (Saale)"]),
                provider: Provider(id: "p\(p)", name: "Träger \(p)", address: ["Straße \(p)"], taxNumber: "110/\(p)",
                                   creditorNumber: "7\(p)", leitwegID: "15002000-\(p)", statementPrefix: "P\(p)"),
                services: services, categories: ["A", "B", "C"], flatRates: rates,
                increases: [RateIncrease(from: d("2027-01-01"), percent: ExactDecimal("2.35")!)],
                clearing: ClearingTermsInput(fee: [RateEntry(from: d("2024-01-01"), amount: Money(cents: 145_000))],
                                             extensionWeekly: [RateEntry(from: d("2024-01-01"), amount: Money(cents: 21_000))]),
                bearers: [CostBearer(id: "kommune", name: "Kommune"), CostBearer(id: "land", name: "Land")],
                bearerRules: [BearerRule(settings: [.ambulant], flags: ["avoidsResidential"], numerators: [1, 1], denominator: 2)],
                dailyRates: [ServiceRateEntry(service: "heimT", from: d("2024-01-01"), amount: Money(cents: 17_843)),
                             ServiceRateEntry(service: "heimT", category: "C", from: d("2026-07-01"), amount: Money(cents: 21_260))],
                hourlyRates: [ServiceRateEntry(service: "spfh", from: d("2024-01-01"), amount: Money(cents: 6_250))],
                absenceRules: absences, budgetTerms: BudgetTerms(mode: .installments, savingsSharePercent: ExactDecimal("50")!),
                incentives: incentives)
        }
    }

    mutating func cases(_ n: Int, providers: [String]) -> [Case] {
        let epoch = CivilDate(iso: "2025-01-01")!
        let services = ["flex", "tg", "heim", "heimT", "spfh", "fb"], categories = ["A", "B", "C"]
        var result: [Case] = []
        result.reserveCapacity(n)
        for i in 0..<n {
            let start = epoch.advanced(by: next(540))
            var c = Case(id: "C\(100_000_000 + i)", person: "P\(next(n))", provider: providers[next(providers.count)],
                         service: services[next(services.count)], fileReference: "51-\(i)", start: start,
                         flags: next(3) == 0 ? ["avoidsResidential"] : [])
            var firstCategory = start
            if next(10) < 3 {
                let length = 20 + next(80)
                let to = start.advanced(by: length - 1)
                c.clearing = Clearing(from: start, to: to, extensionApproved: next(2) == 0, category: categories[next(3)])
                firstCategory = to.next
            }
            if c.clearing == nil || next(5) == 0 {
                c.categories = [CategoryPeriod(category: categories[next(3)], from: firstCategory)]
                if next(5) == 0 {
                    c.categories.append(CategoryPeriod(category: categories[next(3)], from: firstCategory.advanced(by: 30 + next(300))))
                }
            }
            if next(5) < 2 {
                let end = firstCategory.advanced(by: 60 + next(600))
                c.end = end
                c.endReason = [.planned, .goalsAchieved, .providerTermination, .familyTermination][next(4)]
                c.plannedEnd = end.advanced(by: next(60) - 20)
            }
            if next(4) == 0 {
                // Half-yearly goal evaluations and reports, some late or missing.
                var day = firstCategory.advanced(by: 170 + next(20))
                while day <= (c.end ?? CivilDate(iso: "2027-12-31")!) {
                    c.evaluations.append(GoalEvaluation(date: day, ratings: GoalArea.allCases.filter { _ in next(2) == 0 }.map {
                        ($0, ExactDecimal(units: Int64(20 + next(81)), scale: 0), ExactDecimal(units: 1, scale: 0))
                    } + [(.other, ExactDecimal(units: Int64(next(101)), scale: 0), ExactDecimal(units: 1, scale: 0))]))
                    c.reports.append(CaseReport(due: day, received: next(5) == 0 ? nil : day.advanced(by: next(30))))
                    day = day.advanced(by: 182)
                }
            }
            records(&c)
            result.append(c)
        }
        return result
    }

    /// Absences, hours and budgets for the services that use them.
    private mutating func records(_ c: inout Case) {
        let last = c.end ?? c.start.advanced(by: 900)
        switch c.service {
        case "heimT":
            var day = c.start.advanced(by: 10 + next(60))
            while day < last.advanced(by: -40) {
                let to = day.advanced(by: next(20))
                c.absences.append(Absence(from: day, to: to, reason: next(3) == 0 ? "hospital" : "holiday"))
                day = to.advanced(by: 20 + next(120))
            }
            if next(20) == 0 {
                let from = max(c.start, c.clearing?.to?.next ?? c.start)
                if from.advanced(by: 150) <= last {
                    c.budgets = [CaseBudget(period: Period(from, from.advanced(by: 150)), amount: Money(cents: 2_000_000 + Int64(next(800_000))),
                                            mode: .drawdown, overrunApproved: Money(cents: Int64(next(2) * 50_000)))]
                }
            }
        case "spfh":
            var from = c.start
            while from < last {
                let to = min(from.addingMonths(6).previous, last)
                c.hours.approvals.append(HourApproval(period: Period(from, to), quarterHours: 4 * (60 + next(80))))
                from = to.next
            }
            var month = c.start.month
            while month.firstDay <= last {
                c.hours.delivered.append(DeliveredHours(month: month, quarterHours: next(4 * 30)))
                month = month.next
            }
        case "fb":
            c.budgets = [CaseBudget(period: Period(c.start, last), amount: Money(cents: 500_000 + Int64(next(3_000_000))))]
        default:
            break
        }
        if (c.service == "heim" || c.service == "heimT") && next(8) == 0 { topUp(&c, last: last) }
    }

    /// A top-up approval: some with late or no proof, tariff changes, staff illnesses.
    private mutating func topUp(_ c: inout Case, last: CivilDate) {
        let from = c.start.advanced(by: next(60))
        let to = min(from.advanced(by: 300 + next(400)), TopUpApproval.longestEnd(from: from))
        guard from <= last else { return }
        let staff = TopUpApproval.Staff.allCases[next(4)]
        let share = ExactDecimal(units: Int64(1 + next(8)), scale: 1)
        var tariffs = [TopUpTariff(from: from, annualCost: Money(cents: 5_500_000 + Int64(next(1_000_000))), positionShare: share)]
        if next(3) == 0 {
            tariffs.append(TopUpTariff(from: from.advanced(by: 90 + next(180)), annualCost: Money(cents: 5_800_000 + Int64(next(1_000_000))),
                                       positionShare: share))
        }
        let staffStart = from.advanced(by: next(40))
        let proof = next(6) == 0 ? nil : staffStart.advanced(by: next(100))
        var illnesses: [StaffIllness] = []
        if next(4) == 0 {
            let ill = staffStart.advanced(by: 30 + next(200))
            illnesses = [StaffIllness(from: ill, to: next(2) == 0 ? ill.advanced(by: next(70)) : nil,
                                      substituteFrom: next(2) == 0 ? ill.advanced(by: 20 + next(30)) : nil)]
        }
        c.topUps = [TopUpApproval(period: Period(from, to), staff: staff, tariffs: tariffs.filter { $0.from <= to }, staffStart: staffStart,
                                  proofReceived: proof, bettengeld: next(3) == 0, staffIllnesses: illnesses)]
    }
}

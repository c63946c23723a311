/// Baseline and scenarios settled month by month through the same engine (SPEC § 17), summed for
/// comparison: per month, and over the horizon by provider, category and line kind.
public struct Simulation: Sendable {
    /// What one run (the baseline or a scenario) comes to.
    public struct Outcome: Sendable {
        public var name: String
        /// The providers' totals per month of the horizon.
        public var monthly: [Money]
        public var byProvider: [String: Money]
        /// By the line's category ("–" for lines without one).
        public var byCategory: [String: Money]
        public var byKind: [LineKind: Money]
        public var total: Money { monthly.reduce(.zero, +) }
    }

    public var horizon: [Month]
    public var seed: UInt64
    public var baseline: Outcome
    public var scenarios: [Outcome]

    /// Settles the baseline and each scenario over `horizon`. `progress` hears about each month.
    public static func run(agreements: [Agreement], cases: [Case], horizon: [Month], scenarios: [Scenario], seed: UInt64,
                           progress: (String, Month) -> Void = { _, _ in }) -> Simulation {
        func settle(_ name: String, _ agreements: [Agreement], _ cases: [Case]) -> Outcome {
            let caseload = Caseload(cases)
            var outcome = Outcome(name: name, monthly: [], byProvider: [:], byCategory: [:], byKind: [:])
            var ledgers: [String: IncentiveLedger] = [:]
            for month in horizon {
                let run = Settlement.run(agreements: agreements, caseload: caseload, month: month, issued: month.lastDay.next, ledgers: ledgers)
                ledgers = run.ledgers
                var sum = Money.zero
                for s in run.statements {
                    sum += s.totals.all
                    outcome.byProvider[s.provider.id, default: .zero] += s.totals.all
                    for line in s.lines where line.section != .family {
                        outcome.byCategory[line.category ?? "–", default: .zero] += line.amount
                        outcome.byKind[line.kind, default: .zero] += line.amount
                    }
                }
                outcome.monthly.append(sum)
                progress(name, month)
            }
            return outcome
        }
        let baseline = settle("Basis", agreements, cases)
        var outcomes: [Outcome] = []
        for (k, scenario) in scenarios.enumerated() {
            // Each scenario draws from its own stream, so adding a scenario does not change another.
            let (a, c) = scenario.apply(agreements: agreements, cases: cases, horizon: horizon, seed: seed &+ UInt64(k))
            outcomes.append(settle(scenario.name, a, c))
        }
        return Simulation(horizon: horizon, seed: seed, baseline: baseline, scenarios: outcomes)
    }
}

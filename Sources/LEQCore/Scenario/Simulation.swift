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
    /// The scenarios as given, for the report's "what this scenario changes".
    public var definitions: [Scenario] = []
    /// Per scenario and change: what the change alone adds to the baseline's total over the
    /// horizon. A scenario's difference need not be the sum (changes interact), and a change that
    /// adds nothing is shown as having no effect.
    public var effects: [[Money]] = []
    /// The baseline's assumptions: whether cases without an end stop at their planned end, and
    /// how many cases that concerns (planned end before the horizon's last day, no end given).
    public var endsAtPlannedEnd = false
    public var casesWithPlannedEnd = 0
    /// Provider and service names from the agreements, for what people read.
    public var providerNames: [String: String] = [:]
    public var serviceNames: [String: String] = [:]

    /// Settles the baseline and each scenario over `horizon`. `progress` hears about each month.
    public static func run(agreements: [Agreement], cases: [Case], horizon: [Month], scenarios: [Scenario], seed: UInt64,
                           endAtPlannedEnd: Bool = false, progress: (String, Month) -> Void = { _, _ in }) -> Simulation {
        let lastDay = horizon.last?.lastDay
        let planned = lastDay.map { last in cases.filter { $0.end == nil && ($0.plannedEnd.map { $0 <= last } ?? false) }.count } ?? 0
        var cases = cases
        if endAtPlannedEnd {
            // Today's cases end as planned (a planned end before the start is the start day).
            for i in cases.indices where cases[i].end == nil {
                if let p = cases[i].plannedEnd {
                    cases[i].end = max(p, cases[i].start)
                    cases[i].endReason = .planned
                }
            }
        }
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
        var effects: [[Money]] = []
        for (k, scenario) in scenarios.enumerated() {
            // Each scenario draws from its own stream, so adding a scenario does not change another.
            let (a, c) = scenario.apply(agreements: agreements, cases: cases, horizon: horizon, seed: seed &+ UInt64(k))
            let outcome = settle(scenario.name, a, c)
            outcomes.append(outcome)
            if scenario.changes.count == 1 {
                effects.append([outcome.total - baseline.total])
            } else {
                // Each change alone, drawing from the scenario's stream: what it contributes.
                effects.append(scenario.changes.map { change in
                    let (a, c) = Scenario(name: scenario.name, changes: [change]).apply(agreements: agreements, cases: cases, horizon: horizon,
                                                                                        seed: seed &+ UInt64(k))
                    return settle(scenario.name, a, c).total - baseline.total
                })
            }
        }
        var names: [String: String] = [:]
        var services: [String: String] = [:]
        for a in agreements {
            if names[a.provider.id] == nil { names[a.provider.id] = a.provider.name }
            for s in a.services where services[s.id] == nil { services[s.id] = s.name }
        }
        return Simulation(horizon: horizon, seed: seed, baseline: baseline, scenarios: outcomes, definitions: scenarios, effects: effects,
                          endsAtPlannedEnd: endAtPlannedEnd, casesWithPlannedEnd: planned, providerNames: names,
                          serviceNames: services)
    }
}

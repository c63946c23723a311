/// Controlling figures for a period (SPEC § 18, seed 004): cases and amounts by category, service,
/// setting and social space, cost per case, the share of ambulant help, amounts per inhabitant of
/// each social space, and plan against actual. Amounts come from settling each month through the
/// engine; family incentives are not part of them.
public struct Controlling: Sendable {
    /// Inhabitants of a social space (Sozialraum), e.g. Ulm's five (seed 004).
    public struct Population: Sendable, Equatable {
        public var socialSpace: String
        public var inhabitants: Int
        /// Under-18s, where known: the people youth welfare is for.
        public var under18: Int?
        /// The reference date (Stichtag) and source of the figures, as the population file gives them.
        public var asOf: CivilDate?
        public var source: String?

        public init(socialSpace: String, inhabitants: Int, under18: Int? = nil, asOf: CivilDate? = nil, source: String? = nil) {
            self.socialSpace = socialSpace
            self.inhabitants = inhabitants
            self.under18 = under18
            self.asOf = asOf
            self.source = source
        }
    }

    /// A planned amount (Planansatz) for the period, for one social space or (nil) in all.
    public struct Plan: Sendable, Equatable {
        public var socialSpace: String?
        public var amount: Money

        public init(socialSpace: String?, amount: Money) {
            self.socialSpace = socialSpace
            self.amount = amount
        }
    }

    /// One row of a breakdown: how many cases, what they cost.
    public struct Row: Sendable, Equatable {
        public var key: String
        public var cases: Int
        public var amount: Money
        /// amount ÷ cases, rounded to the cent (a statistic).
        public var perCase: Money { cases == 0 ? .zero : RoundingMode.halfAwayFromZero.scale(amount, by: 1, over: cases) }
    }

    /// A social space with its population and plan.
    public struct Space: Sendable, Equatable {
        public var row: Row
        public var population: Population?
        /// amount ÷ inhabitants (and ÷ under-18s), rounded to the cent.
        public var perInhabitant: Money?
        public var perUnder18: Money?
        public var plan: Money?
    }

    public var months: [Month]
    public var total: Row
    public var byCategory: [Row]
    public var byService: [Row]
    public var bySetting: [Row]
    public var bySocialSpace: [Space]
    /// Ambulant cases and their amount.
    public var ambulant: Row
    /// The plan in all (given, or the sum of the social spaces' plans).
    public var plan: Money?
    /// Service ids as the agreements name them ("eb" → "Erziehungsbeistand"), for what people read.
    public var serviceNames: [String: String] = [:]

    /// The name of a service row's key, or the key where no agreement names it.
    public func serviceName(_ key: String) -> String { serviceNames[key] ?? key }

    /// Whether inhabitants were given, and a plan: what the per-inhabitant and plan columns need.
    public var hasPopulation: Bool { bySocialSpace.contains { $0.population != nil } }
    public var hasPlan: Bool { plan != nil || bySocialSpace.contains { $0.plan != nil } }
    /// The population's reference date and source (of the first social space that has them).
    public var populationAsOf: CivilDate? { bySocialSpace.lazy.compactMap { $0.population?.asOf }.first }
    public var populationSource: String? { bySocialSpace.lazy.compactMap { $0.population?.source }.first }

    public static func compute(agreements: [Agreement], caseload: Caseload, months: [Month], population: [Population] = [],
                               plans: [Plan] = []) -> Controlling {
        var amount: [String: Money] = [:]
        var ledgers: [String: IncentiveLedger] = [:]
        for m in months {
            let run = Settlement.run(agreements: agreements, caseload: caseload, month: m, issued: m.lastDay.next, ledgers: ledgers)
            ledgers = run.ledgers
            for s in run.statements {
                for line in s.lines where line.section != .family && !line.caseID.isEmpty { amount[line.caseID, default: .zero] += line.amount }
            }
        }
        guard let first = months.first, let last = months.last else {
            return Controlling(months: [], total: Row(key: "", cases: 0, amount: .zero), byCategory: [], byService: [], bySetting: [],
                               bySocialSpace: [], ambulant: Row(key: "", cases: 0, amount: .zero), plan: nil)
        }
        let period = Period(first.firstDay, last.lastDay)
        // The cases of the period: active in it, with what was paid for them.
        let cases = caseload.cases.filter { $0.activeDays(in: period) != nil }
        func setting(_ c: Case) -> Setting? {
            agreements.lazy.compactMap { $0.provider.id == c.provider ? $0.service(c.service) : nil }.first?.setting
        }
        func group(_ key: (Case) -> String) -> [Row] {
            var rows: [String: Row] = [:]
            for c in cases {
                let k = key(c)
                rows[k, default: Row(key: k, cases: 0, amount: .zero)].cases += 1
                rows[k]!.amount += amount[c.id] ?? .zero
            }
            return rows.values.sorted { $0.key < $1.key }
        }
        let total = Row(key: "", cases: cases.count, amount: cases.reduce(.zero) { $0 + (amount[$1.id] ?? .zero) })
        let byCategory = group { $0.category(on: min($0.end ?? period.to, period.to)) ?? "–" }
        let byService = group { $0.service }
        let bySetting = group { setting($0)?.rawValue ?? "–" }
        let ambulantCases = cases.filter { setting($0) == .ambulant }
        let ambulant = Row(key: "ambulant", cases: ambulantCases.count,
                           amount: ambulantCases.reduce(.zero) { $0 + (amount[$1.id] ?? .zero) })
        var spaces = group { $0.socialSpace.isEmpty ? "–" : $0.socialSpace }.map { row in
            Space(row: row, population: population.first { $0.socialSpace == row.key }, perInhabitant: nil, perUnder18: nil,
                  plan: plans.first { $0.socialSpace == row.key }?.amount)
        }
        // Social spaces with inhabitants but no cases still belong in the table.
        for p in population where !spaces.contains(where: { $0.row.key == p.socialSpace }) {
            spaces.append(Space(row: Row(key: p.socialSpace, cases: 0, amount: .zero), population: p, perInhabitant: nil, perUnder18: nil,
                                plan: plans.first { $0.socialSpace == p.socialSpace }?.amount))
        }
        for k in spaces.indices {
            if let p = spaces[k].population {
                spaces[k].perInhabitant = p.inhabitants > 0 ? RoundingMode.halfAwayFromZero.scale(spaces[k].row.amount, by: 1, over: p.inhabitants) : nil
                spaces[k].perUnder18 = p.under18.flatMap { $0 > 0 ? RoundingMode.halfAwayFromZero.scale(spaces[k].row.amount, by: 1, over: $0) : nil }
            }
        }
        spaces.sort { $0.row.key < $1.row.key }
        let spacePlans = plans.filter { $0.socialSpace != nil }
        let plan = plans.first { $0.socialSpace == nil }?.amount ?? (spacePlans.isEmpty ? nil : spacePlans.reduce(.zero) { $0 + $1.amount })
        var names: [String: String] = [:]
        for a in agreements { for s in a.services where names[s.id] == nil { names[s.id] = s.name } }
        // Services in the order people read them: by name.
        let servicesByName = byService.sorted { (names[$0.key] ?? $0.key, $0.key) < (names[$1.key] ?? $1.key, $1.key) }
        return Controlling(months: months, total: total, byCategory: byCategory, byService: servicesByName, bySetting: bySetting,
                           bySocialSpace: spaces, ambulant: ambulant, plan: plan, serviceNames: names)
    }
}

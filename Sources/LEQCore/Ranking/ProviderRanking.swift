/// The provider ranking (Trägerranking, SPEC § 18, seed 002): each provider's indicators over a
/// period, each normalised across providers to 0–100 (100 the best), weighted as agreed, ranked,
/// with each provider's strengths and weaknesses.
public struct ProviderRanking: Sendable {
    public enum Indicator: String, Sendable, CaseIterable {
        /// Mean goal attainment of the evaluations in the period (higher is better).
        case goalAttainment
        /// Share of reports whose grace period ended in the period that came in time.
        case reportsOnTime
        /// Share of the cases ended in the period that ended as planned (`goalsAchieved`, `planned`).
        case plannedEnds
        /// Mean family questionnaire score of the cases active in the period.
        case questionnaire
        /// Cost of care (base services, absences, top-ups, budgets) per day against the mean of the
        /// same service and category, as a percentage (100 = the mean; lower is better).
        case costPerCase

        var higherIsBetter: Bool { self != .costPerCase }

        /// The indicator's weight among the agreed ones.
        public func weight(_ w: RankingWeights) -> ExactDecimal {
            switch self {
            case .goalAttainment: return w.goalAttainment
            case .reportsOnTime: return w.reportsOnTime
            case .plannedEnds: return w.plannedEnds
            case .questionnaire: return w.questionnaire
            case .costPerCase: return w.costPerCase
            }
        }
    }

    /// One indicator of one provider: its value (a percentage or a 0–100 score), how many things it
    /// counts, and where it stands among the providers (0–100, 100 the best). Statistics, not money:
    /// kept in millionths (`Micro`), rounded half away from zero, shown rounded.
    public struct Value: Sendable {
        public var value: Micro
        public var count: Int
        public var normalised: Micro
        /// The mean of this indicator over all providers that have it.
        public var mean: Micro
    }

    public struct Entry: Sendable {
        public var rank: Int
        public var provider: Provider
        /// The weighted mean of the normalised indicators the provider has (0–100).
        public var score: Micro
        public var values: [Indicator: Value]
        /// Indicators in the top quarter (normalised ≥ 75) / the bottom quarter (≤ 25), where the
        /// providers differ by a point or more.
        public var strengths: [Indicator]
        public var weaknesses: [Indicator]
    }

    public var months: [Month]
    public var weights: RankingWeights
    public var entries: [Entry]

    /// Ranks the providers of `agreements` over `months`, settling each month through the engine
    /// for the costs.
    public static func compute(agreements: [Agreement], caseload: Caseload, months: [Month], weights: RankingWeights)
        -> ProviderRanking {
        guard let first = months.first, let last = months.last else { return ProviderRanking(months: [], weights: weights, entries: []) }
        let period = Period(first.firstDay, last.lastDay)
        // Cost and days of care per case over the period, from the statements.
        var cost: [String: Money] = [:]
        var days: [String: Int] = [:]
        for m in months {
            let run = Settlement.run(agreements: agreements, caseload: caseload, month: m, issued: m.lastDay.next)
            for s in run.statements {
                // The cost of care: what incentives and corrections add is not what the help costs.
                for line in s.lines where [.base, .absences, .topUps, .budgets].contains(line.section) {
                    cost[line.caseID, default: .zero] += line.amount
                }
            }
            for c in caseload.cases { if let a = c.activeDays(in: m.period) { days[c.id, default: 0] += a.dayCount } }
        }
        // The mean cost per day by service and category (the category on the case's last day in the period).
        struct Group: Hashable { var service: String; var category: String }
        func group(_ c: Case) -> Group {
            Group(service: c.service, category: c.category(on: min(c.end ?? period.to, period.to)) ?? "–")
        }
        func perDay(_ c: Case) -> Micro? {
            guard let d = days[c.id], d > 0, let m = cost[c.id] else { return nil }
            return Micro(Int128(m.cents) * 1_000_000, over: Int128(d))
        }
        var groupSum: [Group: Int128] = [:], groupCount: [Group: Int] = [:]
        for c in caseload.cases {
            guard let p = perDay(c) else { continue }
            groupSum[group(c), default: 0] += Int128(p.value)
            groupCount[group(c), default: 0] += 1
        }

        var raw: [String: [Indicator: (Micro, Int)]] = [:]
        var providers: [String: Provider] = [:]
        for a in agreements where a.validity.intersection(period) != nil { providers[a.provider.id] = providers[a.provider.id] ?? a.provider }
        for id in providers.keys.sorted() {
            let grace = agreements.first { $0.provider.id == id }?.incentives?.reportGraceDays ?? 14
            let cases = caseload.cases(of: id)
            var values: [Indicator: (Micro, Int)] = [:]
            let evaluations = cases.flatMap(\.evaluations).filter { period.contains($0.date) }
            if !evaluations.isEmpty {
                values[.goalAttainment] = (Micro.mean(evaluations.map { Micro($0.attainment) }), evaluations.count)
            }
            let reports = cases.flatMap(\.reports).filter { period.contains($0.due.advanced(by: grace)) }
            if !reports.isEmpty {
                let onTime = reports.filter { r in r.received.map { $0 <= r.due.advanced(by: grace) } ?? false }.count
                values[.reportsOnTime] = (Micro(Int128(onTime) * 100_000_000, over: Int128(reports.count)), reports.count)
            }
            let ended = cases.filter { $0.end.map(period.contains) ?? false }
            if !ended.isEmpty {
                let planned = ended.filter { $0.endReason == .goalsAchieved || $0.endReason == .planned }.count
                values[.plannedEnds] = (Micro(Int128(planned) * 100_000_000, over: Int128(ended.count)), ended.count)
            }
            let scores = cases.filter { $0.activeDays(in: period) != nil }.compactMap(\.questionnaire)
            if !scores.isEmpty { values[.questionnaire] = (Micro.mean(scores.map { Micro($0.fraction) }), scores.count) }
            let ratios: [Micro] = cases.compactMap { c in
                guard let p = perDay(c), let sum = groupSum[group(c)], let n = groupCount[group(c)], sum != 0 else { return nil }
                // p ÷ (sum ÷ n) in percent.
                return Micro(Int128(p.value) * Int128(n) * 100_000_000, over: sum)
            }
            if !ratios.isEmpty { values[.costPerCase] = (Micro.mean(ratios), ratios.count) }
            raw[id] = values
        }

        var entries: [Entry] = []
        for id in providers.keys.sorted() {
            var values: [Indicator: Value] = [:]
            var weighted: Int128 = 0, weightSum: Int128 = 0
            for indicator in Indicator.allCases {
                guard let (v, n) = raw[id]?[indicator] else { continue }
                let all = raw.values.compactMap { $0[indicator]?.0.value }
                let lo = all.min()!, hi = all.max()!
                // Providers less than one point (or percentage point) apart count as equal.
                var normalised = Micro(value: 50_000_000)
                if hi - lo >= ProviderRanking.equalWithin {
                    normalised = Micro(Int128(v.value - lo) * 100_000_000, over: Int128(hi - lo))
                    if !indicator.higherIsBetter { normalised = Micro(value: 100_000_000 - normalised.value) }
                }
                values[indicator] = Value(value: v, count: n, normalised: normalised, mean: Micro.mean(all.map { Micro(value: $0) }))
                let w = Micro(indicator.weight(weights).fraction)
                weighted += Int128(normalised.value) * Int128(w.value)
                weightSum += Int128(w.value)
            }
            let score = weightSum == 0 ? Micro(value: 0) : Micro(weighted, over: weightSum)
            let ranked = Indicator.allCases.filter { values[$0] != nil && indicatorRanked(raw, $0) }
            entries.append(Entry(rank: 0, provider: providers[id]!, score: score, values: values,
                                 strengths: ranked.filter { values[$0]!.normalised.value >= 75_000_000 },
                                 weaknesses: ranked.filter { values[$0]!.normalised.value <= 25_000_000 }))
        }
        entries.sort { ($0.score.value, $1.provider.id) > ($1.score.value, $0.provider.id) }
        for k in entries.indices { entries[k].rank = k + 1 }
        return ProviderRanking(months: months, weights: weights, entries: entries)
    }

    /// Whether providers differ on the indicator at all (else it is nobody's strength or weakness).
    private static func indicatorRanked(_ raw: [String: [Indicator: (Micro, Int)]], _ i: Indicator) -> Bool {
        let all = raw.values.compactMap { $0[i]?.0.value }
        return all.count > 1 && all.max()! - all.min()! >= equalWithin
    }

    /// One point, or one percentage point, in millionths.
    static let equalWithin: Int64 = 1_000_000
}

/// A statistic in millionths (never money): 75.5 is 75,500,000.
public struct Micro: Sendable, Hashable, Comparable {
    public var value: Int64

    public init(value: Int64) { self.value = value }

    /// numerator ÷ denominator (already in millionths), rounded half away from zero.
    init(_ numerator: Int128, over denominator: Int128) {
        value = denominator == 0 ? 0 : RoundingMode.halfAwayFromZero.round(numerator, over: denominator)
    }

    init(_ f: Fraction) { self.init(Int128(f.numerator) * 1_000_000, over: Int128(f.denominator)) }

    static func mean(_ values: [Micro]) -> Micro {
        values.isEmpty ? Micro(value: 0) : Micro(values.reduce(Int128(0)) { $0 + Int128($1.value) }, over: Int128(values.count))
    }

    /// Rounded to `decimals` places, as an exact decimal for display.
    public func rounded(_ decimals: Int) -> ExactDecimal {
        var scale: Int64 = 1
        for _ in 0..<(6 - decimals) { scale *= 10 }
        return ExactDecimal(units: RoundingMode.halfAwayFromZero.round(Int128(value), over: Int128(scale)), scale: decimals)
    }

    public static func < (a: Micro, b: Micro) -> Bool { a.value < b.value }
}

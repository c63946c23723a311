/// A negotiator's scenario (SPEC § 17): changes against today's agreements and cases. Applying it
/// gives changed agreements and cases, which the same engine settles — there is no second
/// implementation of any rule.
public struct Scenario: Sendable {
    public var name: String
    public var changes: [Change]

    public init(name: String, changes: [Change]) {
        self.name = name
        self.changes = changes
    }

    public enum Change: Sendable {
        /// Rates (flat, daily, hourly) from a date raised by a percentage or by an amount, for one
        /// service and/or category (nil: all).
        case rate(RateChange)
        /// A share of the cases in one category on a date move to another from that date.
        case categoryShift(from: String, to: String, share: ExactDecimal, on: CivilDate)
        /// New cases each month of the horizon for a provider, by a mix of service and category.
        case newCases(NewCases)
        /// Incentive parameters of one category (or all) changed.
        case incentives(IncentiveChange)
        /// Top-up costs (annual cost or hourly rate) raised by a percentage from a date.
        case topUps(percent: ExactDecimal, from: CivilDate)
    }

    public struct RateChange: Sendable {
        public var service: String?
        public var category: String?
        public var from: CivilDate
        public var percent: ExactDecimal?
        public var amount: Money?

        public init(service: String? = nil, category: String? = nil, from: CivilDate, percent: ExactDecimal? = nil, amount: Money? = nil) {
            self.service = service
            self.category = category
            self.from = from
            self.percent = percent
            self.amount = amount
        }
    }

    public struct NewCases: Sendable {
        public var provider: String
        public var perMonth: Int
        /// Service and category with their share of the new cases (shares in proportion).
        public var mix: [(service: String, category: String, share: ExactDecimal)]
        /// Typical duration in months.
        public var months: Int

        public init(provider: String, perMonth: Int, mix: [(service: String, category: String, share: ExactDecimal)], months: Int) {
            self.provider = provider
            self.perMonth = perMonth
            self.mix = mix
            self.months = months
        }
    }

    public struct IncentiveChange: Sendable {
        public var category: String?
        public var bonusPercent: ExactDecimal?
        public var malusPercent: ExactDecimal?
        public var bonusThreshold: ExactDecimal?
        public var malusThreshold: ExactDecimal?
        public var endBonus: Money?
        public var endMalus: Money?
        public var reportMalus: Money?

        public init(category: String? = nil) { self.category = category }
    }

    /// The agreements and cases with the changes applied, for the months of `horizon`.
    /// `seed` makes the random choices (which cases shift, when new cases start) repeatable.
    public func apply(agreements: [Agreement], cases: [Case], horizon: [Month], seed: UInt64) -> (agreements: [Agreement], cases: [Case]) {
        var agreements = agreements, cases = cases
        var random = ScenarioRandom(seed: seed)
        var newCaseNumber = 0
        for change in changes {
            switch change {
            case let .rate(r):
                agreements = agreements.map { Scenario.applyRate(r, to: $0) }
            case let .categoryShift(from, to, share, day):
                let candidates = cases.indices.filter { i in
                    cases[i].activeDays(in: Period(day, day)) != nil && cases[i].category(on: day) == from
                }
                let count = Int(RoundingMode.halfAwayFromZero.round(Int128(candidates.count) * Int128(share.units),
                                                                    over: Int128(share.denominator)))
                for i in random.choose(count, of: candidates) {
                    var periods = cases[i].categories.filter { $0.from < day }
                    if periods.isEmpty { periods = cases[i].effectiveCategories.filter { $0.from < day } }
                    periods.append(CategoryPeriod(category: to, from: day))
                    periods += cases[i].categories.filter { $0.from > day }
                    cases[i].categories = periods
                }
            case let .newCases(n):
                let total = n.mix.reduce(Fraction.zero) { $0 + $1.share.fraction }
                for month in horizon {
                    for _ in 0..<n.perMonth {
                        newCaseNumber += 1
                        // Pick a service and category in proportion to the mix.
                        let draw = Fraction(Int64(random.next(1_000_000)), 1_000_000) * total
                        var sum = Fraction.zero, pick = n.mix[n.mix.count - 1]
                        for m in n.mix {
                            sum = sum + m.share.fraction
                            if draw < sum { pick = m; break }
                        }
                        let start = month.firstDay.advanced(by: random.next(month.dayCount))
                        let end = start.addingMonths(n.months).previous
                        let id = "\(name.prefix(12))-N\(newCaseNumber)"
                        cases.append(Case(id: id, person: id, provider: n.provider, service: pick.service, start: start, plannedEnd: end,
                                          end: end, endReason: .planned, categories: [CategoryPeriod(category: pick.category, from: start)]))
                    }
                }
            case let .incentives(change):
                agreements = agreements.map { a in
                    guard var terms = a.incentives else { return a }
                    for category in a.categories where change.category == nil || change.category == category {
                        var t = terms.byCategory[category] ?? IncentiveTerms.CategoryTerms()
                        if let v = change.bonusPercent { t.bonusPercent = v }
                        if let v = change.malusPercent { t.malusPercent = v }
                        if let v = change.bonusThreshold { t.bonusThreshold = v }
                        if let v = change.malusThreshold { t.malusThreshold = v }
                        if let v = change.endBonus { t.endBonus = v }
                        if let v = change.endMalus { t.endMalus = v }
                        if let v = change.reportMalus { t.reportMalus = v }
                        terms.byCategory[category] = t
                    }
                    var changed = a
                    changed.incentives = terms
                    return changed
                }
            case let .topUps(percent, from):
                for i in cases.indices where !cases[i].topUps.isEmpty {
                    cases[i].topUps = cases[i].topUps.map { a in
                        guard a.period.to >= from else { return a }
                        var b = a
                        let day = max(from, a.period.from)
                        let t = a.tariff(on: day)
                        let raised = a.mode == .daily
                            ? TopUpTariff(from: day, annualCost: RoundingMode.halfAwayFromZero.raise(t.annualCost, byPercent: percent),
                                          positionShare: t.positionShare)
                            : TopUpTariff(from: day, hourlyRate: RoundingMode.halfAwayFromZero.raise(t.hourlyRate, byPercent: percent))
                        b.tariffs = a.tariffs.filter { $0.from < day } + [raised] + a.tariffs.filter { $0.from > day }.map { later in
                            a.mode == .daily
                                ? TopUpTariff(from: later.from, annualCost: RoundingMode.halfAwayFromZero.raise(later.annualCost, byPercent: percent),
                                              positionShare: later.positionShare)
                                : TopUpTariff(from: later.from, hourlyRate: RoundingMode.halfAwayFromZero.raise(later.hourlyRate, byPercent: percent))
                        }
                        return b
                    }
                }
            }
        }
        return (agreements, cases)
    }

    /// Every rate the change covers, in force on its date or agreed or derived later, raised from
    /// that date: each value becomes an agreed entry of the raised amount (rounded once).
    static func applyRate(_ r: RateChange, to a: Agreement) -> Agreement {
        func raised(_ m: Money) -> Money {
            if let p = r.percent { return a.rounding.raise(m, byPercent: p) }
            return m + (r.amount ?? .zero)
        }
        /// The steps from the date on, as agreed entries of the raised amounts.
        func entries(_ schedule: RateSchedule) -> [RateEntry] {
            var out: [RateEntry] = []
            if let current = schedule.step(on: r.from) { out.append(RateEntry(from: r.from, amount: raised(current.amount))) }
            for step in schedule.steps where step.from > r.from { out.append(RateEntry(from: step.from, amount: raised(step.amount))) }
            return out
        }
        let services = a.services.map(\.id).filter { r.service == nil || r.service == $0 }
        let categories = a.categories.filter { r.category == nil || r.category == $0 }
        var flat = a.flatRateEntries, daily = a.dailyRateEntries, hourly = a.hourlyRateEntries
        for s in services {
            for c in categories {
                if let schedule = a.flatRate(service: s, category: c), !schedule.steps.isEmpty {
                    flat.removeAll { $0.service == s && $0.category == c && $0.from >= r.from }
                    flat += entries(schedule).map { FlatRateEntry(service: s, category: c, from: $0.from, amount: $0.amount) }
                }
                for (table, lookup) in [(0, a.dailyRate(service: s, category: c)), (1, a.hourlyRate(service: s, category: c))] {
                    guard let schedule = lookup, !schedule.steps.isEmpty else { continue }
                    // The category gets its own entries from the date (it may have used the general rate).
                    let new = entries(schedule).map { ServiceRateEntry(service: s, category: c, from: $0.from, amount: $0.amount) }
                    if table == 0 {
                        daily.removeAll { $0.service == s && $0.category == c && $0.from >= r.from }
                        daily += new
                    } else {
                        hourly.removeAll { $0.service == s && $0.category == c && $0.from >= r.from }
                        hourly += new
                    }
                }
            }
        }
        return a.withRates(flat: flat, daily: daily, hourly: hourly)
    }
}

/// A small seeded generator (SplitMix64), the same on every machine, so that a scenario run can be
/// repeated exactly from its printed seed.
struct ScenarioRandom {
    var state: UInt64
    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func next(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }

    /// `count` of the items, chosen without repetition, in their original order.
    mutating func choose(_ count: Int, of items: [Int]) -> [Int] {
        var pool = items
        for k in 0..<min(count, pool.count) { pool.swapAt(k, k + next(pool.count - k)) }
        return Array(pool.prefix(min(count, pool.count))).sorted()
    }
}

/// Which rates a scheduled increase applies to.
public enum RateKind: String, Sendable, CaseIterable {
    case flatRate
    case clearingFee
    case clearingExtension
    case dailyRate
    case hourlyRate
}

/// One agreed value of a rate, valid from a date until the next entry (Entgelt ab Datum).
public struct RateEntry: Hashable, Sendable {
    public var from: CivilDate
    public var amount: Money

    public init(from: CivilDate, amount: Money) {
        self.from = from
        self.amount = amount
    }
}

/// A scheduled general increase of rates (Entgeltsteigerung), e.g. +2.35 % from 2027-01-01.
public struct RateIncrease: Hashable, Sendable {
    public var from: CivilDate
    public var percent: ExactDecimal
    /// The rates it raises. Top-ups never take part in a general increase (seed 003, no. 7).
    public var appliesTo: Set<RateKind>

    public init(from: CivilDate, percent: ExactDecimal, appliesTo: Set<RateKind> = Set(RateKind.allCases)) {
        self.from = from
        self.percent = percent
        self.appliesTo = appliesTo
    }
}

/// A value of a rate in force from a date, either agreed or derived by an increase.
public struct RateStep: Hashable, Sendable {
    public var from: CivilDate
    public var amount: Money
    /// The increase that derived this value, or nil if it was agreed as it is.
    public var increase: ExactDecimal?
}

/// The history of one rate with its scheduled increases applied: the value on every day.
///
/// Built once per agreement; an increase derives the new value from the one before it, rounded
/// when derived (SPEC § 1, rounding point 1); a later agreed entry replaces the derived value.
public struct RateSchedule: Hashable, Sendable {
    public let steps: [RateStep]

    public init(entries: [RateEntry], increases: [RateIncrease], kind: RateKind, rounding: RoundingMode) {
        let agreed = entries.sorted { $0.from < $1.from }
        let raising = increases.filter { $0.appliesTo.contains(kind) }.sorted { $0.from < $1.from }
        var steps: [RateStep] = []
        var e = 0, i = 0
        while e < agreed.count || i < raising.count {
            if i >= raising.count || (e < agreed.count && agreed[e].from <= raising[i].from) {
                // An agreed value on the day of an increase is the value agreed for that day.
                if i < raising.count && raising[i].from == agreed[e].from { i += 1 }
                steps.append(RateStep(from: agreed[e].from, amount: agreed[e].amount, increase: nil))
                e += 1
            } else {
                if let last = steps.last {
                    let raised = rounding.raise(last.amount, byPercent: raising[i].percent)
                    steps.append(RateStep(from: raising[i].from, amount: raised, increase: raising[i].percent))
                }
                i += 1
            }
        }
        self.steps = steps
    }

    /// The step in force on `day`, or nil if the rate has no value yet.
    public func step(on day: CivilDate) -> RateStep? {
        var found: RateStep?
        for step in steps {
            if step.from > day { break }
            found = step
        }
        return found
    }

    /// The index of the step in force on `day`, or nil.
    func index(on day: CivilDate) -> Int? {
        var found: Int?
        var k = 0
        for step in steps {
            if step.from > day { break }
            found = k
            k += 1
        }
        return found
    }

    /// Calls `body` for each part of `period` with the step in force there, in order.
    /// Returns the first day that has no value, if any (the parts before it are still given).
    @discardableResult
    public func forEachStep(in period: Period, _ body: (Period, RateStep) -> Void) -> CivilDate? {
        guard var k = index(on: period.from) else { return period.from }
        var start = period.from
        while true {
            let next = k + 1 < steps.count ? steps[k + 1].from : nil
            if let next, next <= period.to {
                body(Period(start, next.previous), steps[k])
                start = next
                k += 1
            } else {
                body(Period(start, period.to), steps[k])
                return nil
            }
        }
    }
}

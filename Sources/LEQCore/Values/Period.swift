/// A run of days from `from` to `to`, both included (Zeitraum).
public struct Period: Hashable, Sendable {
    public let from: CivilDate
    public let to: CivilDate

    /// A period; `to` must not lie before `from` (callers validate input before making one).
    public init(_ from: CivilDate, _ to: CivilDate) {
        precondition(from <= to, "a period cannot end before it starts")
        self.from = from
        self.to = to
    }

    /// The number of days, counting both ends.
    public var dayCount: Int { Int(to.dayNumber - from.dayNumber) + 1 }

    public func contains(_ day: CivilDate) -> Bool { from <= day && day <= to }

    /// The days both periods share, or nil if they share none.
    public func intersection(_ other: Period) -> Period? {
        let start = Swift.max(from, other.from)
        let end = Swift.min(to, other.to)
        return start <= end ? Period(start, end) : nil
    }

    /// The days of this period from `day` on, or nil.
    public func clipped(from day: CivilDate) -> Period? { day <= to ? Period(Swift.max(from, day), to) : nil }
    /// The days of this period up to `day`, or nil.
    public func clipped(to day: CivilDate) -> Period? { day >= from ? Period(from, Swift.min(to, day)) : nil }
}

extension Period: CustomStringConvertible {
    public var description: String { "\(from)–\(to)" }
}

/// A calendar month (Abrechnungsmonat), e.g. 2026-03: the unit a statement settles.
public struct Month: Hashable, Comparable, Sendable {
    public let year: Int
    public let month: Int
    /// The first and last day, computed once: settlement asks for them for every case.
    public let period: Period

    public init?(year: Int, month: Int) {
        guard (1...9999).contains(year), (1...12).contains(month) else { return nil }
        self.year = year
        self.month = month
        let first = CivilDate(year: year, month: month, day: 1)!
        period = Period(first, first.advanced(by: CivilDate.daysIn(year: year, month: month) - 1))
    }

    /// Parses `YYYY-MM`.
    public init?(iso text: String) {
        var text = text
        let parts: (Int, Int)? = text.withUTF8 { bytes in
            guard bytes.count == 7, bytes[4] == UInt8(ascii: "-"),
                  let y = CivilDate.digits(bytes, 0, 4), let m = CivilDate.digits(bytes, 5, 7) else { return nil }
            return (y, m)
        }
        guard let (y, m) = parts else { return nil }
        self.init(year: y, month: m)
    }

    public var firstDay: CivilDate { period.from }
    public var lastDay: CivilDate { period.to }
    public var dayCount: Int { period.dayCount }

    public var next: Month { month == 12 ? Month(year: year + 1, month: 1)! : Month(year: year, month: month + 1)! }
    public var previous: Month { month == 1 ? Month(year: year - 1, month: 12)! : Month(year: year, month: month - 1)! }

    /// `2026-03`.
    public var iso: String { CivilDate.pad(year, 4) + "-" + CivilDate.pad(month, 2) }

    public static func < (a: Month, b: Month) -> Bool { (a.year, a.month) < (b.year, b.month) }
}

extension Month: CustomStringConvertible {
    public var description: String { iso }
}

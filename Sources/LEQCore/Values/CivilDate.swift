/// A calendar day without time of day or time zone (Kalendertag), e.g. 2026-03-17.
///
/// Held as the number of days since 1970-01-01, so that comparing and counting days is integer
/// arithmetic. Made only from a valid year, month and day: 2026-02-30 does not exist.
public struct CivilDate: Hashable, Comparable, Sendable, Strideable {
    /// Days since 1970-01-01.
    public let dayNumber: Int32

    public init(dayNumber: Int32) { self.dayNumber = dayNumber }

    /// The date, or nil if there is no such day.
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
              day >= 1, day <= CivilDate.daysIn(year: year, month: month) else { return nil }
        // Days from civil, after H. Hinnant's algorithm.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        dayNumber = Int32(era * 146097 + doe - 719468)
    }

    /// Parses `YYYY-MM-DD`; nil for anything else or a day that does not exist.
    public init?(iso text: String) {
        // Read in place (no array per date: a case file holds millions of them).
        var text = text
        let parts: (Int, Int, Int)? = text.withUTF8 { bytes in
            guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
                  let y = CivilDate.digits(bytes, 0, 4), let m = CivilDate.digits(bytes, 5, 7),
                  let d = CivilDate.digits(bytes, 8, 10) else { return nil }
            return (y, m, d)
        }
        guard let (y, m, d) = parts else { return nil }
        self.init(year: y, month: m, day: d)
    }

    /// Year, month and day.
    public var components: (year: Int, month: Int, day: Int) {
        // C. Neri and L. Schneider, "Euclidean affine functions and their application to calendar
        // algorithms" (2022): a multiplication and a shift where the eras' algorithm divides,
        // half the instructions — a statement line writes three or four dates. Days are counted
        // from 1 March of year 0 (moved on by 82 eras of 400 years, so that none is negative).
        let shifted = Int64(dayNumber) + 719_468 + 82 * 146_097
        guard shifted >= 0 else { return componentsByEras }
        let n1 = 4 * UInt64(shifted) + 3
        let century = n1 / 146_097
        let n2 = n1 % 146_097 | 3
        let p2 = 2_939_745 * n2
        let yearOfCentury = p2 >> 32
        let dayOfYear = (p2 & 0xFFFF_FFFF) / 2_939_745 / 4
        let n3 = 2_141 * dayOfYear + 197_913
        let month = n3 >> 16, day = (n3 & 0xFFFF) / 2_141 + 1
        let january = dayOfYear >= 306  // January or February: the next year's
        let year = Int(100 * century + yearOfCentury) - 82 * 400 + (january ? 1 : 0)
        return (year, Int(january ? month - 12 : month), Int(day))
    }

    /// Year, month and day after H. Hinnant's algorithm, era by era: for any day number (the
    /// faster way covers some 33,000 years either side of 1970).
    var componentsByEras: (year: Int, month: Int, day: Int) {
        let z = Int(dayNumber) + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    public var year: Int { components.year }
    public var day: Int { components.day }
    public var month: Month {
        let c = components
        return Month(year: c.year, month: c.month)!
    }

    /// `2026-03-17`.
    public var iso: String {
        let c = components
        return CivilDate.fields((c.year, 4), (c.month, 2), (c.day, 2), separator: UInt8(ascii: "-"))
    }

    /// `17.03.2026`, as German statements print dates.
    public var german: String {
        let c = components
        return CivilDate.fields((c.day, 2), (c.month, 2), (c.year, 4), separator: UInt8(ascii: "."))
    }

    /// Three zero-padded numbers with a separator between them; byte by byte where every number
    /// fits its width (years 0–9999), else the plain way.
    private static func fields(_ a: (Int, Int), _ b: (Int, Int), _ c: (Int, Int), separator: UInt8) -> String {
        func fits(_ p: (Int, Int)) -> Bool { p.0 >= 0 && (p.1 >= 4 ? p.0 < 10_000 : p.0 < 100) }
        guard fits(a), fits(b), fits(c) else {
            let s = String(Unicode.Scalar(separator))
            return pad(a.0, a.1) + s + pad(b.0, b.1) + s + pad(c.0, c.1)
        }
        return ASCIIText.make(capacity: a.1 + b.1 + c.1 + 2) { w in
            w.digits(UInt64(a.0), width: a.1)
            w.byte(separator)
            w.digits(UInt64(b.0), width: b.1)
            w.byte(separator)
            w.digits(UInt64(c.0), width: c.1)
        }
    }

    public static func < (a: CivilDate, b: CivilDate) -> Bool { a.dayNumber < b.dayNumber }
    public func distance(to other: CivilDate) -> Int { Int(other.dayNumber - dayNumber) }
    public func advanced(by n: Int) -> CivilDate { CivilDate(dayNumber: dayNumber + Int32(n)) }

    /// The same day `n` months later; the last day of the month where that day does not exist
    /// (31 January + 1 month = 28 or 29 February).
    public func addingMonths(_ n: Int) -> CivilDate {
        let c = components
        let total = c.year * 12 + (c.month - 1) + n
        let year = total / 12, month = total % 12 + 1
        return CivilDate(year: year, month: month, day: min(c.day, CivilDate.daysIn(year: year, month: month)))!
    }

    /// The day before and the day after.
    public var previous: CivilDate { advanced(by: -1) }
    public var next: CivilDate { advanced(by: 1) }

    public static func isLeap(_ year: Int) -> Bool { year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) }

    public static func daysIn(year: Int, month: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// The decimal number in `bytes[from..<to]`; nil unless all are digits.
    static func digits(_ bytes: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int) -> Int? {
        var value = 0
        for i in from..<to {
            let b = bytes[i]
            guard b >= UInt8(ascii: "0"), b <= UInt8(ascii: "9") else { return nil }
            value = value * 10 + Int(b - UInt8(ascii: "0"))
        }
        return value
    }


    static func pad(_ value: Int, _ width: Int) -> String {
        let s = String(value)
        return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
    }
}

extension CivilDate: CustomStringConvertible {
    public var description: String { iso }
}

/// An exact amount of euros, held as integer cents (Betrag in Cent).
///
/// Money is never a floating-point number: it is made from integer cents or parsed from a
/// decimal string such as `"1390.97"`, and printed back the same way.
public struct Money: Hashable, Comparable, Sendable {
    /// The amount in cents; negative for deductions and corrections.
    public var cents: Int64

    public init(cents: Int64) { self.cents = cents }

    public static let zero = Money(cents: 0)

    public static func + (a: Money, b: Money) -> Money { Money(cents: a.cents + b.cents) }
    public static func - (a: Money, b: Money) -> Money { Money(cents: a.cents - b.cents) }
    public static prefix func - (a: Money) -> Money { Money(cents: -a.cents) }
    public static func += (a: inout Money, b: Money) { a.cents += b.cents }
    public static func -= (a: inout Money, b: Money) { a.cents -= b.cents }
    public static func < (a: Money, b: Money) -> Bool { a.cents < b.cents }

    /// The amount times a whole number (days, say), exact.
    public static func * (a: Money, n: Int) -> Money { Money(cents: a.cents * Int64(n)) }

    public var isNegative: Bool { cents < 0 }

    /// Parses a decimal string with at most two decimals: `"1960"`, `"1960.5"`, `"-12.34"`.
    /// Returns nil for anything else (more decimals, commas, exponents, blanks).
    public init?(decimal text: String) {
        guard let value = ExactDecimal(text), value.scale <= 2 else { return nil }
        var cents = value.units
        for _ in value.scale..<2 {
            let (product, overflow) = cents.multipliedReportingOverflow(by: 10)
            if overflow { return nil }
            cents = product
        }
        self.cents = cents
    }

    /// The largest amount an input file may give (ten million euros), either way: rates, budgets,
    /// costs and incentives far above any youth-welfare amount, and small enough that what they
    /// add up to over a country's cases and years fits the cents (a larger one stopped the run
    /// when an increase, a sum or a line overflowed).
    public static let largestInput = Money(cents: 10_000_000_00)

    /// The canonical decimal string with two decimals and a dot: `"1390.97"`, `"-0.05"`.
    public var decimalString: String { text(point: UInt8(ascii: "."), group: nil) }

    /// The amount with the given decimal point, and thousands separators if `group` is given:
    /// `-1.234,56` for German statements, `1234.56` for files.
    public func text(point: UInt8, group: UInt8?) -> String {
        ASCIIText.make(capacity: 40) { w in
            if cents < 0 { w.byte(UInt8(ascii: "-")) }
            w.euros(cents.magnitude, point: point, group: group)
        }
    }
}

extension Money: CustomStringConvertible {
    public var description: String { decimalString }
}

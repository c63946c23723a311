/// How a value between two cents becomes a cent (SPEC § 1).
public enum RoundingMode: String, Sendable, CaseIterable {
    /// Kaufmännische Rundung: half a cent goes away from zero. The default.
    case halfAwayFromZero = "half-away-from-zero"
    /// Banker's rounding: half a cent goes to the even cent. Only where an agreement says so.
    case halfEven = "half-even"

    /// Rounds `numerator / denominator` (in cents) to whole cents. The one rounding function.
    public func round(_ numerator: Int128, over denominator: Int128) -> Int64 {
        precondition(denominator > 0)
        // In one 64-bit word where both fit (nearly always): 128-bit division goes through the
        // runtime, twice (quotient and remainder).
        if let n = Int64(exactly: numerator), let d = Int64(exactly: denominator) {
            var quotient = n / d
            let remainder = n % d
            let twice = remainder.magnitude * 2
            if twice > d.magnitude || (twice == d.magnitude && (self == .halfAwayFromZero || quotient & 1 != 0)) {
                quotient += n < 0 ? -1 : 1
            }
            return quotient
        }
        var quotient = numerator / denominator
        let remainder = numerator % denominator  // same sign as the numerator
        let twice = remainder.magnitude * 2
        let d = denominator.magnitude
        if twice > d || (twice == d && (self == .halfAwayFromZero || quotient & 1 != 0)) {
            quotient += numerator < 0 ? -1 : 1
        }
        return Int64(quotient)
    }

    /// `amount × fraction`, rounded to the cent.
    public func apply(_ fraction: Fraction, to amount: Money) -> Money {
        Money(cents: round(Int128(amount.cents) * Int128(fraction.numerator), over: Int128(fraction.denominator)))
    }

    /// `amount × numerator ÷ denominator`, rounded to the cent.
    public func scale(_ amount: Money, by numerator: Int, over denominator: Int) -> Money {
        Money(cents: round(Int128(amount.cents) * Int128(numerator), over: Int128(denominator)))
    }

    /// An amount raised by a percentage, rounded once: 1,960.00 + 2.35 % = 2,006.06.
    public func raise(_ amount: Money, byPercent percent: ExactDecimal) -> Money {
        let scale = Int128(percent.denominator) * 100
        return Money(cents: round(Int128(amount.cents) * (scale + Int128(percent.units)), over: scale))
    }

    /// A percentage of an amount, rounded: `percent(2.35, of: 1960.00)`.
    public func percent(_ percent: ExactDecimal, of amount: Money) -> Money {
        Money(cents: round(Int128(amount.cents) * Int128(percent.units), over: Int128(percent.denominator) * 100))
    }
}

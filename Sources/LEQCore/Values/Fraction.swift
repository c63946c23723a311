/// An exact fraction for intermediate values (a share, a percentage, days over days).
///
/// Always reduced, with a positive denominator, so that equal values compare equal.
public struct Fraction: Hashable, Sendable {
    public let numerator: Int64
    public let denominator: Int64

    public init(_ numerator: Int64, _ denominator: Int64) {
        precondition(denominator != 0, "a fraction needs a denominator other than zero")
        let sign: Int64 = denominator < 0 ? -1 : 1
        let divisor = Fraction.gcd(numerator.magnitude, denominator.magnitude)
        self.numerator = sign * numerator / Int64(divisor)
        self.denominator = sign * denominator / Int64(divisor)
    }

    /// `numerator / denominator` reduced, from 128-bit integers (sums taken in whole units);
    /// the reduced parts must fit 64 bits.
    init(exactly numerator: Int128, over denominator: Int128) {
        precondition(denominator != 0, "a fraction needs a denominator other than zero")
        let divisor = Fraction.gcd(numerator.magnitude, denominator.magnitude)
        let negative = (numerator < 0) != (denominator < 0)
        let n = Int64(numerator.magnitude / divisor)
        self.numerator = negative ? -n : n
        self.denominator = Int64(denominator.magnitude / divisor)
    }

    public static let zero = Fraction(0, 1)
    public static let one = Fraction(1, 1)

    public static func + (a: Fraction, b: Fraction) -> Fraction {
        Fraction(a.numerator * b.denominator + b.numerator * a.denominator, a.denominator * b.denominator)
    }
    public static func - (a: Fraction, b: Fraction) -> Fraction {
        Fraction(a.numerator * b.denominator - b.numerator * a.denominator, a.denominator * b.denominator)
    }
    public static func * (a: Fraction, b: Fraction) -> Fraction {
        Fraction(a.numerator * b.numerator, a.denominator * b.denominator)
    }

    public static func / (a: Fraction, b: Fraction) -> Fraction {
        Fraction(a.numerator * b.denominator, a.denominator * b.numerator)
    }

    public var isNegative: Bool { numerator < 0 }

    static func gcd<T: UnsignedInteger>(_ a: T, _ b: T) -> T {
        var (x, y) = (a, b)
        while y != 0 { (x, y) = (y, x % y) }
        return x == 0 ? 1 : x
    }
}

extension Fraction: Comparable {
    public static func < (a: Fraction, b: Fraction) -> Bool {
        Int128(a.numerator) * Int128(b.denominator) < Int128(b.numerator) * Int128(a.denominator)
    }
}

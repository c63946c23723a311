/// An exact decimal number as written in a file: `2.35` is 235 units at scale 2.
///
/// Percentages, position shares, divisors and hours are exact decimals (SPEC § 1); they are
/// parsed from their text and never pass through floating point.
public struct ExactDecimal: Hashable, Sendable {
    /// The digits as an integer: `235` for `2.35`.
    public var units: Int64
    /// The number of decimals: `2` for `2.35`.
    public var scale: Int

    public init(units: Int64, scale: Int) {
        self.units = units
        self.scale = scale
    }

    /// Parses `"-2.35"`, `"0.375"`, `"30"`; nil for anything else (no exponent, no comma,
    /// at most 12 decimals, no surrounding spaces).
    public init?(_ text: String) {
        // Read through the string's own bytes: through its UTF-8 view as a collection, a number
        // of five digits took some 450 instructions (a month of hours in a case file has one).
        var text = text
        guard let (units, scale) = text.withUTF8({ Self.parse($0) }) else { return nil }
        self.units = units
        self.scale = scale
    }

    private static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> (units: Int64, scale: Int)? {
        var k = 0
        var negative = false
        if bytes.first == UInt8(ascii: "-") {
            negative = true
            k = 1
        }
        var units: Int64 = 0
        var scale = 0
        var digits = 0
        var seenPoint = false
        while k < bytes.count {
            let byte = bytes[k]
            k += 1
            if byte == UInt8(ascii: ".") {
                if seenPoint || digits == 0 { return nil }
                seenPoint = true
                continue
            }
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            let (times10, o1) = units.multipliedReportingOverflow(by: 10)
            let (sum, o2) = times10.addingReportingOverflow(Int64(byte - UInt8(ascii: "0")))
            if o1 || o2 { return nil }
            units = sum
            digits += 1
            if seenPoint { scale += 1 }
        }
        if digits == 0 || (seenPoint && scale == 0) || scale > 12 { return nil }
        return (negative ? -units : units, scale)
    }

    /// 10 to the power of `scale`: the denominator of this number as a fraction.
    public var denominator: Int64 {
        var d: Int64 = 1
        for _ in 0..<scale { d *= 10 }
        return d
    }

    /// This number as an exact fraction.
    public var fraction: Fraction { Fraction(units, denominator) }

    /// The canonical text, without trailing zeros beyond what was written: `2.35`.
    public var text: String { text(point: UInt8(ascii: ".")) }

    /// The canonical text with another decimal point (`2,35` for German).
    public func text(point: UInt8) -> String {
        let magnitude = units.magnitude
        guard scale > 0 else {
            return ASCIIText.make(capacity: 20) { w in
                if units < 0 { w.byte(UInt8(ascii: "-")) }
                w.digits(magnitude)
            }
        }
        guard scale <= 18 else {
            var digits = String(magnitude)
            while digits.count <= scale { digits = "0" + digits }
            digits.insert(Character(Unicode.Scalar(point)), at: digits.index(digits.endIndex, offsetBy: -scale))
            return (units < 0 ? "-" : "") + digits
        }
        return ASCIIText.make(capacity: 22 + scale) { write(point: point, to: &$0) }
    }

    /// The largest scale `write(point:to:)` writes.
    public static let writtenScale = 18

    /// `text(point:)`'s bytes (at most 22 + scale), for a scale up to `writtenScale`.
    public func write(point: UInt8, to w: inout ASCIIText.Writer) {
        precondition(scale <= Self.writtenScale)
        let magnitude = units.magnitude
        if units < 0 { w.byte(UInt8(ascii: "-")) }
        guard scale > 0 else { w.digits(magnitude); return }
        var unit: UInt64 = 1
        for _ in 0..<scale { unit *= 10 }
        w.digits(magnitude / unit)
        w.byte(point)
        w.digits(magnitude % unit, width: scale)
    }
}

extension ExactDecimal: CustomStringConvertible {
    public var description: String { text }
}

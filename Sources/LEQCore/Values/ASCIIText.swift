/// Short ASCII texts (dates, amounts, decimals; the euro sign the one exception) written byte by
/// byte into the string's own storage: a statement prints several per line, and building them
/// from pieces (`String(n)`, `+`, padding) cost more than settling the line.
public enum ASCIIText {
    /// A string of at most `capacity` ASCII bytes; `body` writes them and returns how many.
    @inlinable
    public static func make(capacity: Int, _ body: (inout Writer) -> Void) -> String {
        String(unsafeUninitializedCapacity: capacity) { buffer in
            var w = Writer(buffer: buffer)
            body(&w)
            return w.count
        }
    }

    /// How many bytes `writeDigits` writes.
    @inlinable
    public static func digitCount(_ value: UInt64, width: Int = 1) -> Int {
        var length = 1
        var n = value
        while n >= 10_000 { n /= 10_000; length += 4 }
        if n >= 10 { length += 1 }
        if n >= 100 { length += 1 }
        if n >= 1_000 { length += 1 }
        return max(length, width)
    }

    /// "00" to "99": two digits written at a time (a statement line has a dozen numbers).
    @usableFromInline static let pairs: [UInt8] = (0..<100).flatMap { [UInt8(ascii: "0") + UInt8($0 / 10), UInt8(ascii: "0") + UInt8($0 % 10)] }

    /// Writes `value`'s decimal digits, zero-padded to `width`, at `p`; returns how many bytes.
    @inlinable
    public static func writeDigits(_ value: UInt64, width: Int = 1, to p: UnsafeMutablePointer<UInt8>) -> Int {
        let total = digitCount(value, width: width)
        var v = value
        var i = total
        pairs.withUnsafeBufferPointer { pairs in
            while v >= 100 {
                let pair = Int(v % 100) &* 2
                v /= 100
                p[i &- 1] = pairs[pair &+ 1]
                p[i &- 2] = pairs[pair]
                i &-= 2
            }
            if v >= 10 {
                let pair = Int(v) &* 2
                p[i &- 1] = pairs[pair &+ 1]
                p[i &- 2] = pairs[pair]
                i &-= 2
            } else {
                p[i &- 1] = UInt8(ascii: "0") &+ UInt8(v)
                i &-= 1
            }
        }
        while i > 0 {
            i &-= 1
            p[i] = UInt8(ascii: "0")
        }
        return total
    }

    /// Appends bytes to a buffer sized beforehand.
    public struct Writer {
        @usableFromInline let buffer: UnsafeMutableBufferPointer<UInt8>
        /// How many bytes are written.
        public var count = 0

        @inlinable public init(buffer: UnsafeMutableBufferPointer<UInt8>) { self.buffer = buffer }

        @inlinable public mutating func byte(_ b: UInt8) {
            buffer[count] = b
            count += 1
        }

        /// `value`'s decimal digits, zero-padded to `width`.
        @inlinable public mutating func digits(_ value: UInt64, width: Int = 1) {
            count += ASCIIText.writeDigits(value, width: width, to: buffer.baseAddress! + count)
        }

        /// An amount of `cents` without its sign: euros (in groups of three with `group`, if
        /// given), `point`, two digits of cents.
        @inlinable public mutating func euros(_ cents: UInt64, point: UInt8, group: UInt8?) {
            if let group { grouped(cents / 100, separator: group) } else { digits(cents / 100) }
            byte(point)
            digits(cents % 100, width: 2)
        }

        /// `€`, the one character beyond ASCII these texts have (three bytes of UTF-8).
        @inlinable public mutating func euroSign() {
            byte(0xE2)
            byte(0x82)
            byte(0xAC)
        }

        /// Digits in groups of three, most significant first: `1.234.567` with `.`.
        @inlinable public mutating func grouped(_ value: UInt64, separator: UInt8) {
            guard value >= 1000 else { digits(value); return }
            grouped(value / 1000, separator: separator)
            byte(separator)
            digits(value % 1000, width: 3)
        }
    }
}

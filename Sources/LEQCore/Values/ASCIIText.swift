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

    /// "00" to "99": two digits written at a time (a statement line has a dozen numbers); a
    /// literal, read through its pointer (no array to set up or check).
    @inlinable public static var pairs: UnsafePointer<UInt8> {
        ("00010203040506070809101112131415161718192021222324252627282930313233343536373839404142434445464748495051525354555657585960616263646566676869707172737475767778798081828384858687888990919293949596979899" as StaticString).utf8Start
    }

    /// Writes `value` (0–99) as two digits at `p`.
    @inlinable @inline(__always)
    public static func writeTwoDigits(_ value: Int, to p: UnsafeMutablePointer<UInt8>) {
        let pair = pairs + 2 &* value
        p[0] = pair[0]
        p[1] = pair[1]
    }

    /// Writes `value`'s decimal digits, zero-padded to `width`, at `p`; returns how many bytes.
    @inlinable
    public static func writeDigits(_ value: UInt64, width: Int = 1, to p: UnsafeMutablePointer<UInt8>) -> Int {
        let total = digitCount(value, width: width)
        var v = value
        var i = total
        while v >= 100 {
            i &-= 2
            writeTwoDigits(Int(v % 100), to: p + i)
            v /= 100
        }
        if v >= 10 {
            i &-= 2
            writeTwoDigits(Int(v), to: p + i)
        } else {
            i &-= 1
            p[i] = UInt8(ascii: "0") &+ UInt8(v)
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

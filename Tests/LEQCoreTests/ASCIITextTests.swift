import Testing
@testable import LEQCore

/// Dates, amounts and decimals are written byte by byte; these compare them with the texts built
/// the plain way (the way they were built before), on edges and on many generated values.
@Suite("Short texts written byte by byte")
struct ASCIITextTests {
    /// The plain way: `String(n)`, padding, concatenation.
    static func pad(_ n: Int, _ width: Int) -> String {
        let s = String(n)
        return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
    }

    static func plainDecimal(_ d: ExactDecimal) -> String {
        var digits = String(d.units.magnitude)
        if d.scale > 0 {
            while digits.count <= d.scale { digits = "0" + digits }
            digits.insert(".", at: digits.index(digits.endIndex, offsetBy: -d.scale))
        }
        return (d.units < 0 ? "-" : "") + digits
    }

    static func plainGrouped(_ m: Money, group: String, point: String) -> String {
        var euros = String(m.cents.magnitude / 100)
        var out = ""
        while euros.count > 3 {
            out = group + euros.suffix(3) + out
            euros.removeLast(3)
        }
        let cents = m.cents.magnitude % 100
        return (m.cents < 0 ? "-" : "") + euros + out + point + (cents < 10 ? "0" : "") + String(cents)
    }

    @Test("Edges: zero, one cent, negative, thousands, the largest amounts")
    func edges() {
        #expect(Money(cents: 0).decimalString == "0.00")
        #expect(Money(cents: -5).decimalString == "-0.05")
        #expect(Money(cents: 123_456_789).text(point: UInt8(ascii: ","), group: UInt8(ascii: ".")) == "1.234.567,89")
        #expect(Money(cents: -100_000).text(point: UInt8(ascii: ","), group: UInt8(ascii: ".")) == "-1.000,00")
        #expect(Money(cents: 99_999).text(point: UInt8(ascii: ","), group: UInt8(ascii: ".")) == "999,99")
        #expect(Money(cents: .min).decimalString == "-92233720368547758.08")
        #expect(ExactDecimal(units: 5, scale: 2).text == "0.05")
        #expect(ExactDecimal(units: -375, scale: 3).text(point: UInt8(ascii: ",")) == "-0,375")
        #expect(ExactDecimal(units: 30, scale: 0).text == "30")
        #expect(ExactDecimal(units: 1, scale: 20).text == "0.00000000000000000001")
        #expect(CivilDate(year: 2026, month: 3, day: 7)!.iso == "2026-03-07")
        #expect(CivilDate(year: 2026, month: 3, day: 7)!.german == "07.03.2026")
        #expect(CivilDate(year: 12, month: 12, day: 31)!.iso == "0012-12-31")
    }

    @Test("Digits two at a time: every length from 1 to 20, padded to widths around it")
    func digits() {
        var values: [UInt64] = [0, .max, .max - 1]
        var power: UInt64 = 1
        for _ in 0..<19 {
            power *= 10
            values += [power - 1, power, power + 1, power / 2 + 7]
        }
        for value in values {
            for width in [1, 2, 4, 21, 23] {
                let expected = String(repeating: "0", count: max(0, width - String(value).count)) + String(value)
                var buffer = [UInt8](repeating: 0, count: 32)
                let n = buffer.withUnsafeMutableBufferPointer { ASCIIText.writeDigits(value, width: width, to: $0.baseAddress!) }
                #expect(n == ASCIIText.digitCount(value, width: width))
                #expect(String(decoding: buffer[..<n], as: UTF8.self) == expected)
            }
        }
    }

    @Test("Generated values: the same text as built the plain way")
    func generated() {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next() -> UInt64 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return state >> 11
        }
        for _ in 0..<20_000 {
            let magnitude = Int64(next() % (1 << UInt64(next() % 50 + 1)))
            let cents = next() % 2 == 0 ? magnitude : -magnitude
            let m = Money(cents: cents)
            #expect(m.decimalString == Self.plainGrouped(m, group: "", point: "."))
            #expect(m.text(point: UInt8(ascii: ","), group: UInt8(ascii: ".")) == Self.plainGrouped(m, group: ".", point: ","))
            let d = ExactDecimal(units: cents, scale: Int(next() % 13))
            #expect(d.text == Self.plainDecimal(d))
            let date = CivilDate(dayNumber: Int32(truncatingIfNeeded: Int64(next() % 3_000_000)) - 700_000)
            let c = date.components
            guard (0...9999).contains(c.year) else { continue }
            #expect(date.iso == Self.pad(c.year, 4) + "-" + Self.pad(c.month, 2) + "-" + Self.pad(c.day, 2))
            #expect(date.german == Self.pad(c.day, 2) + "." + Self.pad(c.month, 2) + "." + Self.pad(c.year, 4))
        }
    }
}

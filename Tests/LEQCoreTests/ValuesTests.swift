import Testing
@testable import LEQCore

@Suite("Money, decimals and dates")
struct ValuesTests {
    struct MoneyCase: Sendable, CustomTestStringConvertible {
        var text: String
        var cents: Int64?
        var testDescription: String { "\"\(text)\"" }
    }

    @Test("Money is parsed from decimal strings only", arguments: [
        MoneyCase(text: "1390.97", cents: 139097), MoneyCase(text: "1960", cents: 196000),
        MoneyCase(text: "0.5", cents: 50), MoneyCase(text: "-12.34", cents: -1234), MoneyCase(text: "0.00", cents: 0),
        MoneyCase(text: "1.234", cents: nil), MoneyCase(text: "1,50", cents: nil), MoneyCase(text: "1e3", cents: nil),
        MoneyCase(text: "", cents: nil), MoneyCase(text: " 1.00", cents: nil), MoneyCase(text: "1.", cents: nil),
        MoneyCase(text: ".5", cents: nil), MoneyCase(text: "--1", cents: nil),
        MoneyCase(text: "99999999999999999999", cents: nil),
    ])
    func parsing(_ c: MoneyCase) {
        #expect(Money(decimal: c.text)?.cents == c.cents)
    }

    @Test func printing() {
        #expect(Money(cents: 139097).decimalString == "1390.97")
        #expect(Money(cents: -5).decimalString == "-0.05")
        #expect(Money(cents: 0).decimalString == "0.00")
        #expect(Money(cents: 100).decimalString == "1.00")
    }

    @Test func printParseRoundTrip() {
        for cents in Int64(-100_000)...100_000 where cents % 7 == 0 {
            #expect(Money(decimal: Money(cents: cents).decimalString)?.cents == cents)
        }
    }

    @Test func exactDecimals() {
        #expect(ExactDecimal("2.35") == ExactDecimal(units: 235, scale: 2))
        #expect(ExactDecimal("0.375")?.fraction == Fraction(3, 8))
        #expect(ExactDecimal("30.42")?.text == "30.42")
        #expect(ExactDecimal("0.05")?.text == "0.05")
        #expect(ExactDecimal("abc") == nil)
    }

    @Test("Decimals read from text: what is accepted, what is not")
    func exactDecimalEdges() {
        let accepted: [(String, Int64, Int)] = [("0", 0, 0), ("-0.5", -5, 1), ("30", 30, 0), ("11.25", 1125, 2), ("007", 7, 0),
                                                ("9223372036854775807", Int64.max, 0), ("-9223372036854775807", -Int64.max, 0),
                                                ("0.000000000001", 1, 12), ("2.350", 2350, 3)]
        for (text, units, scale) in accepted {
            #expect(ExactDecimal(text) == ExactDecimal(units: units, scale: scale), "\(text)")
        }
        for text in ["", "-", ".", ".5", "5.", "1.2.3", "-.5", "--1", "+1", " 1", "1 ", "1e5", "1,5", "9223372036854775808",
                     "0.0000000000001", "١٢", "1\u{0}"] {
            #expect(ExactDecimal(text) == nil, "\(text)")
        }
        // A string that is a slice of another, and one not stored natively, read the same.
        let long = "prefix 42.5 suffix"
        #expect(ExactDecimal(String(long.dropFirst(7).prefix(4))) == ExactDecimal(units: 425, scale: 1))
    }

    struct RoundCase: Sendable, CustomTestStringConvertible {
        var numerator: Int128, denominator: Int128, halfAway: Int64, halfEven: Int64
        var testDescription: String { "\(numerator)/\(denominator)" }
    }

    @Test("Rounding half away from zero and half even", arguments: [
        RoundCase(numerator: 5, denominator: 10, halfAway: 1, halfEven: 0),
        RoundCase(numerator: 15, denominator: 10, halfAway: 2, halfEven: 2),
        RoundCase(numerator: 25, denominator: 10, halfAway: 3, halfEven: 2),
        RoundCase(numerator: -5, denominator: 10, halfAway: -1, halfEven: 0),
        RoundCase(numerator: -25, denominator: 10, halfAway: -3, halfEven: -2),
        RoundCase(numerator: 14, denominator: 10, halfAway: 1, halfEven: 1),
        RoundCase(numerator: 16, denominator: 10, halfAway: 2, halfEven: 2),
        RoundCase(numerator: -16, denominator: 10, halfAway: -2, halfEven: -2),
        RoundCase(numerator: 196000 * 22, denominator: 31, halfAway: 139097, halfEven: 139097),
    ])
    func rounding(_ c: RoundCase) {
        #expect(RoundingMode.halfAwayFromZero.round(c.numerator, over: c.denominator) == c.halfAway)
        #expect(RoundingMode.halfEven.round(c.numerator, over: c.denominator) == c.halfEven)
    }

    @Test("Rounding in one word equals rounding in two, for small and large, positive and negative values and ties")
    func roundingInWordsEqualsWide() {
        /// The rule written out in 128 bits (SPEC § 1): the nearer cent, a half by the mode.
        func wide(_ mode: RoundingMode, _ n: Int128, _ d: Int128) -> Int64 {
            let q = n / d, r = n % d
            let twice = r.magnitude * 2
            guard twice >= d.magnitude else { return Int64(q) }
            if twice == d.magnitude && mode == .halfEven && q & 1 == 0 { return Int64(q) }
            return Int64(q + (n < 0 ? -1 : 1))
        }
        var g = SystemRandomNumberGenerator()
        var cases: [(Int128, Int128)] = [(0, 1), (1, 2), (-1, 2), (3, 2), (-3, 2), (Int128(Int64.max), 1), (Int128(Int64.max), 2),
                                         (Int128(Int64.min) + 1, 2), (Int128(Int64.max) - 1, Int128(Int64.max)),
                                         (Int128(Int64.max) * 3, 7), (-Int128(Int64.max) * 3, 7), (Int128(Int64.max) + 1, 4)]
        for _ in 0..<20_000 {
            let d = Int128(Int64.random(in: 1...1_000_000, using: &g))
            let n = Int128(Int64.random(in: -1_000_000_000_000...1_000_000_000_000, using: &g))
            cases.append((n, d))
            cases.append((n / d * d + (d.isMultiple(of: 2) ? d / 2 : 0), d))  // a tie where there is one
        }
        for (n, d) in cases {
            for mode in RoundingMode.allCases {
                #expect(mode.round(n, over: d) == wide(mode, n, d), "\(mode) \(n)/\(d)")
            }
        }
    }

    @Test("SPEC § 10: 1,960.00 + 2.35 % = 2,006.06")
    func increase() {
        #expect(RoundingMode.halfAwayFromZero.raise(Money(cents: 196000), byPercent: ExactDecimal("2.35")!) == Money(cents: 200606))
    }

    @Test("Dates that do not exist are refused", arguments: ["2026-02-30", "2026-13-01", "2026-00-10", "2025-02-29", "2026-4-01", "20260401", "2026-04-31"])
    func invalidDates(_ text: String) {
        #expect(CivilDate(iso: text) == nil)
    }

    @Test func validDates() {
        #expect(CivilDate(iso: "2024-02-29") != nil)
        #expect(CivilDate(iso: "2026-03-17")?.iso == "2026-03-17")
        #expect(CivilDate(iso: "1970-01-01")?.dayNumber == 0)
        #expect(CivilDate(iso: "2026-03-17")?.german == "17.03.2026")
    }

    @Test("Every day from 1900 to 2100 round-trips through its day number")
    func dayNumbersRoundTrip() {
        var expected = CivilDate(year: 1900, month: 1, day: 1)!.dayNumber
        for year in 1900...2100 {
            for month in 1...12 {
                for day in 1...CivilDate.daysIn(year: year, month: month) {
                    let date = CivilDate(year: year, month: month, day: day)!
                    #expect(date.dayNumber == expected)
                    let c = date.components
                    #expect(c.year == year && c.month == month && c.day == day)
                    expected += 1
                }
            }
        }
    }

    @Test("Year, month and day of every day of the years 1 to 9999, and of every 97th day 40,000 years before 1970 to 40,000 after: the fast way and the eras' way agree")
    func componentsBothWays() {
        var differ = 0
        let first = Int(CivilDate(year: 1, month: 1, day: 1)!.dayNumber), last = Int(CivilDate(year: 9999, month: 12, day: 31)!.dayNumber)
        for n in Array(first...last) + Array(stride(from: -14_700_000, through: 14_700_000, by: 97)) {
            let date = CivilDate(dayNumber: Int32(n))
            let fast = date.components, eras = date.componentsByEras
            if fast != eras { differ += 1 }
        }
        #expect(differ == 0)
        for n in [Int32.min, Int32.min + 1, -1, 0, 1, Int32.max - 1, Int32.max] {
            let date = CivilDate(dayNumber: n)
            #expect(date.components == date.componentsByEras, "\(n)")
        }
    }

    @Test func months() {
        let feb = Month(iso: "2024-02")!
        #expect(feb.dayCount == 29)
        #expect(Month(iso: "2026-02")!.dayCount == 28)
        #expect(Month(iso: "2026-12")!.next == Month(iso: "2027-01")!)
        #expect(Month(iso: "2026-13") == nil)
    }

    @Test func periods() {
        let d = { CivilDate(iso: $0)! }
        let p = Period(d("2026-03-10"), d("2026-03-31"))
        #expect(p.dayCount == 22)
        #expect(p.intersection(Period(d("2026-04-01"), d("2026-04-30"))) == nil)
        #expect(p.intersection(Period(d("2026-03-01"), d("2026-03-15"))) == Period(d("2026-03-10"), d("2026-03-15")))
    }
}

@Suite("Largest-remainder split (rounding point 4)")
struct AllocationTests {
    @Test("SPEC § 13: 1,390.97 at 50/50 → 695.49 / 695.48")
    func specExample() {
        #expect(Allocation.largestRemainder(Money(cents: 139097), numerators: [1, 1], denominator: 2) == [Money(cents: 69549), Money(cents: 69548)])
    }

    @Test func tieGoesToTheFirstBearer() {
        #expect(Allocation.largestRemainder(Money(cents: 100), numerators: [1, 1, 1], denominator: 3).map(\.cents) == [34, 33, 33])
        #expect(Allocation.largestRemainder(Money(cents: -1), numerators: [1, 1], denominator: 2).map(\.cents) == [-1, 0])
    }

    @Test func largestRemainderWins() {
        // 0.10 at 1/6, 5/6: 1.666… and 8.333… → 2 and 8.
        #expect(Allocation.largestRemainder(Money(cents: 10), numerators: [1, 5], denominator: 6).map(\.cents) == [2, 8])
    }

    @Test("Parts always add up to the amount, for every amount and many share sets")
    func partsAddUp() {
        let shareSets: [([Int64], Int64)] = [([1, 1], 2), ([1, 2], 3), ([3, 5, 2], 10), ([1, 1, 1], 3), ([7, 11, 13, 969], 1000), ([0, 1], 1), ([1, 0, 0], 1)]
        for (shares, denominator) in shareSets {
            for cents in Int64(-2000)...2000 {
                let parts = Allocation.largestRemainder(Money(cents: cents), numerators: shares, denominator: denominator)
                #expect(parts.reduce(Money.zero, +).cents == cents, "shares \(shares) amount \(cents)")
                // No part is more than a cent away from its exact share.
                for (part, share) in zip(parts, shares) {
                    let exact = Int128(cents) * Int128(share)
                    #expect(abs(Int128(part.cents) * Int128(denominator) - exact) < Int128(denominator))
                }
            }
        }
    }

    /// An agreement's shares are checked to add up to 1 when it is read; a caller that gives
    /// others is stopped, never handed parts that do not add up to the amount.
    @Test("Shares that do not add up to their denominator stop the program, whatever their number")
    func sharesNotAddingUpStop() async {
        await #expect(processExitsWith: .failure) {
            _ = Allocation.largestRemainder(Money(cents: 100), numerators: [1, 1], denominator: 3)  // too small
        }
        await #expect(processExitsWith: .failure) {
            _ = Allocation.largestRemainder(Money(cents: 100), numerators: [2, 2], denominator: 3)  // too large
        }
        await #expect(processExitsWith: .failure) {
            _ = Allocation.largestRemainder(Money(cents: 100), numerators: [3, -1], denominator: 2)  // a negative share
        }
        await #expect(processExitsWith: .failure) {
            _ = Allocation.largestRemainder(Money(cents: 100), numerators: [1, 1], denominator: 1)  // whole shares
        }
        await #expect(processExitsWith: .failure) {
            _ = Allocation.largestRemainder(Money(cents: 100), numerators: [1], denominator: 2)  // one bearer, half
        }
    }

    @Test("A share's quotient and remainder in 64-bit words equal the 128-bit ones, up to the largest amounts")
    func divisionInWordsEqualsWide() {
        var g = SystemRandomNumberGenerator()
        let magnitudes: [UInt64] = [0, 1, 99, 139_097, UInt64(Int32.max), 1 << 40, UInt64(Int64.max) / 3, UInt64(Int64.max)]
        let splits: [(Int64, Int64)] = [(1, 2), (1, 3), (2, 3), (969, 1000), (0, 7), (7, 7), (1, 1),
                                        (Int64.max / 2, Int64.max), (Int64.max, Int64.max), (1, Int64.max)]
        func wide(_ m: UInt64, _ s: Int64, _ d: Int64) -> (Int64, Int64) {
            let p = Int128(m) * Int128(s)
            return (Int64(p / Int128(d)), Int64(p % Int128(d)))
        }
        for m in magnitudes {
            for (s, d) in splits {
                #expect(Allocation.divide(m, times: s, by: d) == wide(m, s, d), "\(m) × \(s) / \(d)")
            }
        }
        for _ in 0..<20_000 {
            let d = Int64.random(in: 1...1_000_000_000_000, using: &g)
            let s = Int64.random(in: 0...d, using: &g)
            let m = UInt64.random(in: 0...UInt64(Int64.max), using: &g) >> UInt64.random(in: 0...62, using: &g)
            #expect(Allocation.divide(m, times: s, by: d) == wide(m, s, d), "\(m) × \(s) / \(d)")
        }
        // A share above the denominator or below zero (not accepted from an agreement) still divides as before.
        #expect(Allocation.divide(1_000, times: 5, by: 2) == wide(1_000, 5, 2))
        #expect(Allocation.divide(1_001, times: -1, by: 2) == wide(1_001, -1, 2))
    }
}

@Suite("Memory hints")
struct PrefetchTests {
    /// A case's lists are asked for ahead by the address of their storage, taken from the list
    /// itself (one reference); were a list ever more than that, the hint would quietly do nothing.
    @Test("A list is one reference, so its storage's address can be taken for the hint")
    func listIsOneReference() {
        #expect(MemoryLayout<[Int]>.size == MemoryLayout<UnsafeRawPointer>.size)
        #expect(MemoryLayout<[CategoryPeriod]>.size == MemoryLayout<UnsafeRawPointer>.size)
        // The hint reads nothing: settling with it gives what settling gives (the suites above).
        var c = Case(id: "C-1", person: "P-1", provider: "p", service: "s", start: CivilDate(iso: "2026-01-01")!, categories: [CategoryPeriod(category: "A", from: CivilDate(iso: "2026-01-01")!)])
        c.prefetchRecords()
        c.prefetchLists()
        #expect(c.id == "C-1")
    }
}

import Testing
@testable import LEQCore

/// A line's bearer parts are kept inline up to two, in a list beyond: whichever way they are
/// kept, they must behave as the list of parts they stand for.
@Suite("Bearer parts of a line (SPEC § 13)")
struct BearerPartsTests {
    @Test("Zero to five parts: made from a list, they read back as that list, compare and hash as it")
    func behaveAsTheList() {
        var seed: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next() -> Int64 {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int64(bitPattern: seed >> 20) % 1_000_000
        }
        for _ in 0..<2_000 {
            let count = Int(UInt64(bitPattern: next()) % 6)
            let list = (0..<count).map { _ in Money(cents: next()) }
            let parts = BearerParts(list)
            #expect(parts.count == count && parts.array == list && Array(parts) == list)
            #expect(parts == BearerParts(list) && parts.hashValue == BearerParts(list).hashValue)
            #expect(parts.reduce(Money.zero, +) == list.reduce(Money.zero, +))
            // Set one by one from zeros, as settling does: the same parts.
            var built = BearerParts(zeros: count)
            #expect(built.allSatisfy { $0 == .zero } && built.count == count)
            for (i, part) in list.enumerated() { built[i] = part }
            #expect(built == parts)
            // A part changed: no longer equal.
            if count > 0 {
                var changed = parts
                changed[count - 1] = parts[count - 1] + Money(cents: 1)
                #expect(changed != parts && changed.array != list)
            }
        }
    }

    @Test("Literals, the empty split, and more parts than fit inline")
    func literals() {
        let empty: BearerParts = []
        #expect(empty.isEmpty && empty == BearerParts() && empty.array == [])
        let two: BearerParts = [Money(cents: 69_549), Money(cents: 69_548)]
        #expect(two[0] == Money(cents: 69_549) && two[1] == Money(cents: 69_548) && two.count == 2)
        let four: BearerParts = [Money(cents: 1), Money(cents: 2), Money(cents: 3), Money(cents: 4)]
        #expect(four.array == [1, 2, 3, 4].map { Money(cents: $0) } && four.description == four.array.description)
        #expect(four != [Money(cents: 1), Money(cents: 2)])
    }
}

/// A line's rare fields live in a box made only when one is set: setting nothing keeps a line
/// without one, and a set field reads back and compares as a field.
@Suite("A statement line's rare fields")
struct LineDetailTests {
    static func plainLine() -> StatementLine {
        let day = CivilDate(year: 2026, month: 3, day: 1)!
        return StatementLine(caseID: "F-1", fileReference: "AZ-1", service: "heim", kind: .flatRate, category: "A",
                             period: Period(day, day), quantity: ExactDecimal(1), unit: .day, rate: Money(cents: 100),
                             rateUnit: .month, amount: Money(cents: 100), bearerParts: [Money(cents: 100)])
    }

    @Test("Nothing set, or nothing but nil and false: no box, equal to the plain line")
    func nothingSetNoBox() {
        var l = Self.plainLine()
        l.increase = nil
        l.percent = nil
        l.reason = nil
        l.capped = false
        l.forMonth = nil
        #expect(l.details == nil)
        #expect(l == Self.plainLine() && l.hashValue == Self.plainLine().hashValue)
    }

    @Test("A field set reads back; cleared again, the line equals the plain one; copies keep their own")
    func setReadClear() {
        var l = Self.plainLine()
        l.percent = ExactDecimal(units: 75, scale: 0)
        l.capped = true
        #expect(l.details != nil && l.percent == ExactDecimal(units: 75, scale: 0) && l.capped)
        #expect(l != Self.plainLine())
        let copy = l
        l.reason = "Krankheit"
        #expect(l.reason == "Krankheit" && copy.reason == nil && copy.percent == ExactDecimal(units: 75, scale: 0))
        l.percent = nil
        l.capped = false
        l.reason = nil
        #expect(l.percent == nil && !l.capped && l.reason == nil)
        #expect(l == Self.plainLine() && l.hashValue == Self.plainLine().hashValue)
    }
}

@Suite("Which bearer rule a line matches (SPEC § 13)")
struct BearerRuleMatchTests {
    /// SPEC § 13 as it reads: every condition set must hold, an unset one matches anything.
    static func reference(_ r: BearerRule, _ setting: Setting, _ service: String, _ kind: LineKind, _ flags: [String]) -> Bool {
        (r.settings.map { $0.contains(setting) } ?? true) && (r.kinds.map { $0.contains(kind) } ?? true)
            && (r.services.map { $0.contains(service) } ?? true) && r.flags.allSatisfy(flags.contains)
    }

    @Test("Settings and kinds held as bits match as the sets do, also after the sets are changed")
    func bitsMatchTheSets() {
        #expect(CasePlace.holds(Setting.self) && CasePlace.holds(LineKind.self))
        // Statements' sections are laid out and marked by their place too (text, HTML).
        #expect(CasePlace.holds(Section.self))
        var g = SplitMix(seed: 3)
        func some<T: CaseIterable & Hashable>(_: T.Type) -> Set<T>? {
            g.next() % 4 == 0 ? nil : Set(T.allCases.filter { _ in g.next() % 3 == 0 })
        }
        var checked = 0
        for _ in 0..<300 {
            var rule = BearerRule(services: g.next() % 3 == 0 ? ["heim", "spfh"] : nil, settings: some(Setting.self),
                                  kinds: some(LineKind.self), flags: g.next() % 2 == 0 ? ["avoidsResidential"] : [],
                                  numerators: [1], denominator: 1)
            for round in 0..<2 {
                if round == 1 {
                    rule.settings = some(Setting.self)
                    rule.kinds = some(LineKind.self)
                }
                for setting in Setting.allCases {
                    for kind in LineKind.allCases {
                        for (service, flags) in [("heim", []), ("flex", ["avoidsResidential"]), ("spfh", ["x", "avoidsResidential"])] {
                            #expect(BearerRule.matches(&rule, setting: setting, service: service, kind: kind, flags: flags)
                                    == Self.reference(rule, setting, service, kind, flags))
                            checked += 1
                        }
                    }
                }
            }
        }
        #expect(checked > 100_000)
    }
}

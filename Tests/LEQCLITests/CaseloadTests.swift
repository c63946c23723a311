import Testing
@testable import LEQCLI
@testable import LEQCore

/// The caseload is worked out once per run (settling order, each person's earlier cases, the
/// day handed over, the next case): here against the plain way of working it out, case by case.
@Suite("The caseload, worked out once")
struct CaseloadTests {
    /// The plain way: sort the cases, then for each case look at every case of the same person.
    struct Plain {
        var cases: [Case]
        var earlier: [[String]] = []
        var successors: [Successor?] = []
        var handsOverLastDay: [Bool] = []

        init(_ input: [Case]) {
            cases = input.sorted { ($0.provider, $0.id) < ($1.provider, $1.id) }
            let byPerson = Dictionary(grouping: cases, by: \.person)
            for c in cases {
                let same = byPerson[c.person]!
                earlier.append(same.filter { ($0.start, $0.id) < (c.start, c.id) && !$0.absences.isEmpty }
                    .sorted { ($0.start, $0.id) < ($1.start, $1.id) }.map(\.id))
                guard let end = c.end else {
                    successors.append(nil)
                    handsOverLastDay.append(false)
                    continue
                }
                successors.append(same.filter { $0.start > end }.min { ($0.start, $0.id) < ($1.start, $1.id) }
                    .map { Successor(caseID: $0.id, start: $0.start) })
                handsOverLastDay.append(same.filter { $0.start == end }.count > (c.start == end ? 1 : 0))
            }
        }
    }

    @Test("Generated cases in a shuffled order: the same order, earlier cases, next cases and days handed over as the plain way",
          arguments: [(3, 1_500), (5, 12_000)])
    func asThePlainWay(seed: UInt64, count: Int) {
        var generator = Synthetic(seed: seed)
        let agreements = generator.agreements()
        var cases = generator.cases(count, providers: agreements.map(\.provider.id))
        // Few people, so that many have several cases; and the file's order shuffled.
        for i in cases.indices { cases[i].person = "P\(i % (count / 3))" }
        var state = seed
        for i in stride(from: cases.count - 1, to: 0, by: -1) {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            cases.swapAt(i, Int(state >> 33) % (i + 1))
        }
        let caseload = Caseload(cases)
        let plain = Plain(cases)
        #expect(caseload.cases.map(\.id) == plain.cases.map(\.id))
        // Moved, not changed: every case laid out holds what it came with; the caller's list is intact.
        let given = Dictionary(uniqueKeysWithValues: cases.map { ($0.id, $0) })
        #expect(given.count == count && caseload.cases.count == count)
        #expect(caseload.cases.allSatisfy { c in
            let g = given[c.id]!
            return c.person == g.person && c.provider == g.provider && c.fileReference == g.fileReference && c.start == g.start
                && c.end == g.end && c.categories == g.categories && c.absences == g.absences && c.budgets == g.budgets
                && c.topUps == g.topUps && c.hours == g.hours && c.flags == g.flags
        })
        #expect(caseload.providers == Array(Set(cases.map(\.provider))).sorted())
        for provider in caseload.providers {
            #expect(caseload.cases(of: provider).map(\.id) == plain.cases.filter { $0.provider == provider }.map(\.id))
        }
        var mismatches = 0
        for i in caseload.cases.indices {
            let earlier = caseload.earlierWithAbsences[caseload.earlierBounds[i]..<caseload.earlierBounds[i + 1]].map { caseload.cases[$0].id }
            if earlier != plain.earlier[i] || caseload.successors[i] != plain.successors[i]
                || caseload.handsOverLastDay[i] != plain.handsOverLastDay[i] { mismatches += 1 }
        }
        #expect(mismatches == 0)
        // The plain way found people with several cases, earlier absences, next cases and days handed over.
        #expect(plain.earlier.contains { !$0.isEmpty } && plain.successors.contains { $0 != nil })
    }

    @Test("Cases given in settling order are seen to be in it, and given otherwise (shuffled, two swapped, a provider split, an id twice) are ordered: the same caseload either way")
    func givenInOrderOrNot() {
        var generator = Synthetic(seed: 7)
        let agreements = generator.agreements()
        var cases = generator.cases(2_000, providers: agreements.map(\.provider.id))
        for i in cases.indices { cases[i].person = "P\(i % 700)" }
        let sorted = cases.sorted { ($0.provider, $0.id) < ($1.provider, $1.id) }
        let plain = Plain(cases)
        // In order: the providers and where each begins, as the cases say.
        let seen = Caseload.inSettlingOrder(sorted)
        let providers = Array(Set(cases.map(\.provider))).sorted()
        #expect(seen?.providers == providers)
        #expect(seen?.firsts == providers.map { p in sorted.firstIndex { $0.provider == p }! } + [sorted.count])
        #expect(Caseload.inSettlingOrder([])?.providers == [] && Caseload.inSettlingOrder([])?.firsts == [0])
        // Not in order, each in its own way.
        var swapped = sorted
        swapped.swapAt(500, 501)
        var split = sorted
        let last = split.lastIndex { $0.provider == providers[0] }!
        split.append(split.remove(at: last))
        var twice = sorted
        twice[11].id = twice[10].id
        for (name, given) in [("shuffled", cases), ("swapped", swapped), ("split", split)] {
            #expect(Caseload.inSettlingOrder(given) == nil, "\(name)")
        }
        #expect(Caseload.inSettlingOrder(twice) == nil)
        // Each way in, the same caseload as the plain way works out.
        for (name, given) in [("sorted", sorted), ("shuffled", cases), ("swapped", swapped), ("split", split)] {
            let caseload = Caseload(given)
            #expect(caseload.cases.map(\.id) == plain.cases.map(\.id), "\(name)")
            #expect(caseload.providers == providers, "\(name)")
            for provider in providers {
                #expect(caseload.cases(of: provider).map(\.id) == plain.cases.filter { $0.provider == provider }.map(\.id), "\(name)")
            }
            var mismatches = 0
            for i in caseload.cases.indices {
                let earlier = caseload.earlierWithAbsences[caseload.earlierBounds[i]..<caseload.earlierBounds[i + 1]].map { caseload.cases[$0].id }
                if earlier != plain.earlier[i] || caseload.successors[i] != plain.successors[i]
                    || caseload.handsOverLastDay[i] != plain.handsOverLastDay[i] { mismatches += 1 }
            }
            #expect(mismatches == 0, "\(name)")
        }
    }

    @Test("A case found by its id is the first in settling order with it, also when two providers have the same id; an unknown id finds none")
    func placeOfCaseID() {
        var generator = Synthetic(seed: 9)
        let agreements = generator.agreements()
        var cases = generator.cases(1_200, providers: agreements.map(\.provider.id))
        // Ids given again under other providers.
        for i in stride(from: 0, to: cases.count, by: 37) { cases[i].id = cases[(i * 7 + 11) % cases.count].id }
        let caseload = Caseload(cases)
        var twice = 0
        for c in caseload.cases {
            #expect(caseload.place(ofCaseID: c.id) == caseload.cases.firstIndex { $0.id == c.id }, "\(c.id)")
            if caseload.cases.filter({ $0.id == c.id }).count > 1 { twice += 1 }
            // By provider: that provider's case of the id; for a provider without one, the first.
            for provider in agreements.map(\.provider.id) + ["none"] {
                let own = caseload.cases.firstIndex { $0.id == c.id && $0.provider == provider }
                #expect(caseload.place(ofCaseID: c.id, provider: provider) == own ?? caseload.cases.firstIndex { $0.id == c.id },
                        "\(c.id) \(provider)")
            }
        }
        #expect(twice > 20)
        for id in ["", "C0", "Z999999999", caseload.cases[0].id + "x"] {
            #expect(caseload.place(ofCaseID: id) == nil && caseload.place(ofCaseID: id, provider: caseload.providers[0]) == nil, "\(id)")
        }
    }

    @Test("People grouped by a hash of their pseudonym, in one part or several, also when two pseudonyms share it")
    func peopleGrouped() {
        var generator = Synthetic(seed: 11)
        let agreements = generator.agreements()
        var cases = generator.cases(3_000, providers: agreements.map(\.provider.id))
        // 'XVWOEnPi' and 'Dpi7kbB0' share the hash the grouping sorts by, and so do 'zMe8G0z3' and 'lJtaX87C'.
        let names = ["XVWOEnPi", "Dpi7kbB0", "zMe8G0z3", "lJtaX87C"] + (0..<400).map { "P\($0)" }
        for i in cases.indices { cases[i].person = names[(i * 7) % names.count] }
        // In one part, or in several that share no person (one per core).
        for count in [1, 2, 3] {
            let parts = Caseload.byPerson(cases, parts: count)
            #expect(parts.count == count)
            #expect(parts.flatMap(\.places).sorted() == Array(cases.indices) && parts.allSatisfy { $0.starts.last == $0.places.count })
            var seen = Set<String>()
            for (places, starts) in parts {
                for k in 0..<(starts.count - 1) {
                    let group = Array(places[starts[k]..<starts[k + 1]])
                    let person = cases[group[0]].person
                    #expect(group.allSatisfy { cases[$0].person == person } && group == group.sorted())
                    #expect(group.count == cases.indices.filter { cases[$0].person == person }.count)
                    #expect(seen.insert(person).inserted, "\(person) in two groups")
                }
            }
            #expect(seen.count == names.count)
        }
        // And what the caseload works out from the groups is what the plain way finds.
        let caseload = Caseload(cases)
        let plain = Plain(cases)
        for i in caseload.cases.indices {
            let earlier = caseload.earlierWithAbsences[caseload.earlierBounds[i]..<caseload.earlierBounds[i + 1]].map { caseload.cases[$0].id }
            #expect(earlier == plain.earlier[i] && caseload.successors[i] == plain.successors[i]
                && caseload.handsOverLastDay[i] == plain.handsOverLastDay[i])
        }
    }
}

/// All cases, grouped by provider and ordered by case id once, so that settling month after
/// month does not sort again and every statement lists its cases in the same order.
public struct Caseload: Sendable {
    public let cases: [Case]
    /// The providers, sorted: the order settling walks them in.
    public let providers: [String]
    /// Each provider's places in `cases` (its cases, ordered by id), in the order of `providers`.
    let providerPlaces: [Range<Int>]
    /// Per case: its last day is the first day of another case of the same person (a move to
    /// another provider or help), so only the receiving case bills that day (SPEC § 2).
    let handsOverLastDay: [Bool]
    /// Per case that has ended: the same person's next case starting after the end, if any
    /// (an end bonus is clawed back when it comes too soon, SPEC § 12).
    let successors: [Successor?]
    /// Per case: the same person's cases with absences that started before it (or on the same
    /// day with a smaller id), in that order, as indices; empty for most. The yearly absence caps
    /// count per person (SPEC § 7), and only earlier absences add to them: asking each month
    /// whether an earlier case has any was a cache miss per case (some 15 % of settling).
    /// Kept flat (case i's are `earlierWithAbsences[earlierBounds[i]..<earlierBounds[i + 1]]`): a
    /// list per case was a heap object per case to look into.
    let earlierWithAbsences: [Int]
    let earlierBounds: [Int]

    public init(_ cases: consuming [Case]) {
        // Kept in settling order (by provider, then id), so that settling a month walks the cases
        // in memory order rather than jumping about: at 100,000 cases that is most of the time.
        // Each provider's cases sorted by id (sorting places, not cases, which moved every field);
        // cases given in that order are taken as they are, others laid out afresh.
        var originals = cases
        let count = originals.count, parallel = count >= 10_000
        let providers: [String], firsts: [Int], laidOut: [Case]
        if let inOrder = Self.inSettlingOrder(originals) {
            // Read in settling order already (`CaseFile.decode(settlingOrder:)`), records stored
            // in that order as they were read: taken as they are.
            (providers, firsts) = inOrder
            laidOut = originals
        } else {
            let orders: [[Int]]
            (providers, orders) = Self.settlingOrder(providers: originals.map(\.provider), ids: originals.map(\.id), parallel: parallel)
            firsts = orders.reduce(into: [0]) { $0.append($0.last! + $1.count) }
            laidOut = Self.laidOut(&originals, orders: orders, firsts: firsts, parallel: parallel)
        }
        originals = []
        let cases = laidOut
        self.cases = cases
        self.providers = providers
        providerPlaces = providers.indices.map { firsts[$0]..<firsts[$0 + 1] }
        // Each person's cases as places in flat lists, grouped by person, each group in settling
        // order (`Self.byPerson`; people split in two parts, one per core); then each group of
        // several cases looked at once, each part on a core of its own (what they write lies apart:
        // each case belongs to one person).
        var successors = [Successor?](repeating: nil, count: cases.count)
        var earlier = [[Int]](repeating: [], count: cases.count)
        var handsOverLastDay = [Bool](repeating: false, count: cases.count)
        let parts = Self.byPerson(cases, parts: parallel ? 2 : 1)
        // Whether each case has absences, read in memory order: asked of a person's other cases
        // through their records, it was two loads from afar each time.
        let withAbsences = Self.mapPlaces(cases.count, parallel: parallel) { cases[$0].hasAbsences }
        successors.withUnsafeMutableBufferPointer { s in earlier.withUnsafeMutableBufferPointer { e in
            handsOverLastDay.withUnsafeMutableBufferPointer { h in
                let out = PersonLinks(successors: s.baseAddress, earlier: e.baseAddress, handsOverLastDay: h.baseAddress)
                _ = parts.parallelMap(parallel: parallel) { part -> Bool in
                    Self.link(cases, withAbsences: withAbsences, places: part.places, starts: part.starts, into: out)
                    return true
                }
            }
        } }
        var flat: [Int] = [], bounds = [0]
        bounds.reserveCapacity(cases.count + 1)
        for list in earlier {
            flat += list
            bounds.append(flat.count)
        }
        self.successors = successors
        self.earlierWithAbsences = flat
        self.earlierBounds = bounds
        self.handsOverLastDay = handsOverLastDay
    }

    /// Per case of a person with several (`places[starts[k]..<starts[k + 1]]` are person k's): the
    /// person's earlier cases with absences, the next case after its end, and whether another
    /// case starts on its last day. Written through `out`, at the cases' own places only.
    private static func link(_ cases: [Case], withAbsences: [Bool], places: [Int], starts: [Int], into out: PersonLinks) {
        // Loops rather than filters: a filtered list per case was an allocation per case of a
        // person with several (most of the time this took at a million cases).
        for k in 0..<(starts.count - 1) where starts[k + 1] - starts[k] > 1 {
            let same = places[starts[k]..<starts[k + 1]]
            for i in same {
                let start = cases[i].start, id = cases[i].id
                // The person's cases with absences that started before this one (or the same day
                // with a smaller id), by start and id.
                var list: [Int] = []
                for j in same where withAbsences[j] && cases[j].start <= start && (cases[j].start, cases[j].id) < (start, id) {
                    list.append(j)
                }
                if list.count > 1 { list.sort { (cases[$0].start, cases[$0].id) < (cases[$1].start, cases[$1].id) } }
                out.earlier![i] = list
                guard let end = cases[i].end else { continue }
                // The next case after the end (by start, then id), and how many start on the last day.
                var next: Int?
                var sameDay = 0
                for j in same {
                    let s = cases[j].start
                    if s == end { sameDay += 1 }
                    if s > end, next.map({ (s, cases[j].id) < (cases[$0].start, cases[$0].id) }) ?? true { next = j }
                }
                out.successors![i] = next.map { Successor(caseID: cases[$0].id, start: cases[$0].start) }
                out.handsOverLastDay![i] = sameDay > (start == end ? 1 : 0)
            }
        }
    }

    /// The providers and where each one's cases begin (and, last, where they end), when `cases`
    /// are in settling order already: by provider, then id, each id once per provider. Nil
    /// otherwise, when `settlingOrder` orders them. One walk comparing each case with the one
    /// before: working the order out again from the cases read in it (lists of ids and
    /// providers, a dictionary of places, each provider's places sorted) took 0.24 s at a
    /// million cases.
    static func inSettlingOrder(_ cases: [Case]) -> (providers: [String], firsts: [Int])? {
        var providers: [String] = [], firsts: [Int] = []
        let ordered = cases.withPlacesForReading { c -> Bool in
            for i in cases.indices {
                if i > 0 && c![i].provider == c![i - 1].provider {
                    guard c![i - 1].id < c![i].id else { return false }
                } else {
                    guard i == 0 || c![i - 1].provider < c![i].provider else { return false }
                    providers.append(c![i].provider)
                    firsts.append(i)
                }
            }
            return true
        }
        guard ordered else { return nil }
        firsts.append(cases.count)
        return (providers, firsts)
    }

    /// The place of the first case (in settling order) with id `id`, or nil: found by halving
    /// each provider's cases, which are in id order, provider after provider in settling order —
    /// the first found is the first (every provider halved, the smallest place kept, was 2.6 % of
    /// a million cases' year with corrections).
    func place(ofCaseID id: String) -> Int? {
        for places in providerPlaces {
            if let p = place(ofCaseID: id, in: places) { return p }
        }
        return nil
    }

    /// The place of `provider`'s case with id `id`; else, as `place(ofCaseID:)`, the first case
    /// with that id. A case file gives each id once: a provider's correction finds its case by
    /// halving that provider's cases alone (halving every provider's, each step a case from
    /// afar, was 2.6 % of a million cases' year with corrections).
    func place(ofCaseID id: String, provider: String) -> Int? {
        if let places = places(of: provider), let p = place(ofCaseID: id, in: places) { return p }
        return place(ofCaseID: id)
    }

    /// The place of the case with id `id` among `places` of one provider (in id order), or nil.
    private func place(ofCaseID id: String, in places: Range<Int>) -> Int? {
        cases.withPlacesForReading { c -> Int? in
            var low = places.lowerBound, high = places.upperBound
            while low < high {
                let middle = (low + high) / 2
                if c![middle].id < id { low = middle + 1 } else { high = middle }
            }
            return low < places.upperBound && c![low].id == id ? low : nil
        }
    }

    /// The order settling walks cases in, given each one's provider and id: the providers sorted,
    /// and per provider the places of its cases sorted by id. `CaseFile` reads a file's cases in
    /// this order (from their bytes), and a caseload takes cases so given as they are.
    /// Ids and providers compared as lists: through the cases, every comparison copied two cases.
    public static func settlingOrder(providers: [String], ids: [String], parallel: Bool) -> (providers: [String], places: [[Int]]) {
        var groups: [String: [Int]] = [:]
        for i in providers.indices { groups[providers[i], default: []].append(i) }
        let sorted = groups.keys.sorted()
        // Each provider's cases sorted by id on all cores (files mostly list them so: then sorting only checks).
        return (sorted, sorted.parallelMap(parallel: parallel) { provider in groups[provider]!.sorted { ids[$0] < ids[$1] } })
    }

    /// The cases in settling order (`orders[p]`: provider p's places in `originals`, which go to
    /// `firsts[p]...`), each case's records stored afresh, on all cores; then what `originals`
    /// held is freed, on all cores too (after all are laid out: freed as they went, the records
    /// of the next cases were stored where those of the last had been, scattered again).
    private static func laidOut(_ originals: inout [Case], orders: [[Int]], firsts: [Int], parallel: Bool) -> [Case] {
        let count = originals.count
        return originals.withUnsafeMutableBufferPointer { from in
            [Case](unsafeUninitializedCapacity: count) { to, initialized in
                let places = Places(from: from.baseAddress, to: to.baseAddress)
                _ = Array(orders.indices).parallelMap(parallel: parallel) { p -> Bool in
                    for (k, i) in orders[p].enumerated() { (places.to! + firsts[p] + k).initialize(to: places.from![i].relocated()) }
                    return true
                }
                initialized = count
                // The list keeps an empty case in each place, freed at no cost with it.
                let halves = [0..<count / 2, count / 2..<count]
                _ = halves.parallelMap(parallel: parallel) { half -> Bool in
                    let empty = Case(id: "", person: "", provider: "", service: "", start: CivilDate(year: 2000, month: 1, day: 1)!)
                    for i in half {
                        _ = (places.from! + i).move()
                        (places.from! + i).initialize(to: empty)
                    }
                    return true
                }
            }
        }
    }

    /// The cases grouped by person, in `parts` parts that share no person: in each,
    /// `places[starts[k]..<starts[k + 1]]` are person k's cases, in ascending order. Grouped by a
    /// hash of the pseudonym (computed on all cores), its first bits choosing the part, sorted by
    /// it (radix, keeping the order; each part on a core of its own), and checked by the
    /// pseudonyms themselves where hashes meet: a dictionary of a million people was a cache miss
    /// per case and a fifth of a second.
    static func byPerson(_ cases: [Case], parts: Int) -> [(places: [Int], starts: [Int])] {
        // The upper half of each pseudonym's stable hash.
        let hashes = mapPlaces(cases.count, parallel: parts > 1) { UInt32(truncatingIfNeeded: cases[$0].person.stableHash >> 32) }
        return Array(0..<parts).parallelMap(parallel: parts > 1) { part in
            // The part's places, in ascending order.
            var order = hashes.indices.filter { (Int(hashes[$0]) &* parts) >> 32 == part }
            // Sorted by hash, sixteen bits at a time, each pass keeping the order before it.
            var sorted = [Int](repeating: 0, count: order.count)
            for shift in [UInt32(0), 16] {
                var counts = [Int](repeating: 0, count: 65_537)
                for i in order { counts[Int((hashes[i] >> shift) & 0xFFFF) + 1] += 1 }
                for d in 0..<65_536 { counts[d + 1] += counts[d] }
                for i in order {
                    let d = Int((hashes[i] >> shift) & 0xFFFF)
                    sorted[counts[d]] = i
                    counts[d] += 1
                }
                swap(&order, &sorted)
            }
            // Runs of one hash are one person, unless two pseudonyms share it: then split, in order.
            var places: [Int] = [], starts = [0]
            places.reserveCapacity(order.count)
            starts.reserveCapacity(order.count + 1)
            var r = 0
            while r < order.count {
                var e = r + 1
                while e < order.count && hashes[order[e]] == hashes[order[r]] { e += 1 }
                let first = cases[order[r]].person
                if order[(r + 1)..<e].allSatisfy({ cases[$0].person == first }) {
                    places += order[r..<e]
                    starts.append(places.count)
                } else {
                    var groups: [String: [Int]] = [:], names: [String] = []
                    for i in order[r..<e] {
                        if groups[cases[i].person] == nil { names.append(cases[i].person) }
                        groups[cases[i].person, default: []].append(i)
                    }
                    for name in names {
                        places += groups[name]!
                        starts.append(places.count)
                    }
                }
                r = e
            }
            return (places, starts)
        }
    }

    /// `transform` of each place `0..<count`, in order: each half on a core of its own.
    private static func mapPlaces<T>(_ count: Int, parallel: Bool, _ transform: (Int) -> T) -> [T] {
        let halves = [0..<count / 2, count / 2..<count]
        return Array(halves.parallelMap(parallel: parallel) { $0.map(transform) }.joined())
    }

    /// The places of `provider`'s cases (ordered by id), or nil when it has none: found by halving
    /// the sorted providers.
    func places(of provider: String) -> Range<Int>? {
        var low = 0, high = providers.count
        while low < high {
            let middle = (low + high) / 2
            if providers[middle] < provider { low = middle + 1 } else { high = middle }
        }
        return low < providers.count && providers[low] == provider ? providerPlaces[low] : nil
    }

    /// The cases of one provider, ordered by id.
    public func cases(of provider: String) -> [Case] { places(of: provider).map { Array(cases[$0]) } ?? [] }
}

/// The lists a caseload is laid out from and into, shared by the workers that each move the
/// cases of one provider (no place is touched by two).
private struct Places: @unchecked Sendable {
    let from: UnsafeMutablePointer<Case>?
    let to: UnsafeMutablePointer<Case>?
}

/// What `Caseload.link` writes, shared by the workers that each link one part's people (no case
/// is touched by two).
private struct PersonLinks: @unchecked Sendable {
    let successors: UnsafeMutablePointer<Successor?>?
    let earlier: UnsafeMutablePointer<[Int]>?
    let handsOverLastDay: UnsafeMutablePointer<Bool>?
}

/// A person's next case after a case ended.
public struct Successor: Sendable, Equatable {
    public var caseID: String
    public var start: CivilDate
}

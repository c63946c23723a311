/// All cases, grouped by provider and ordered by case id once, so that settling month after
/// month does not sort again and every statement lists its cases in the same order.
public struct Caseload: Sendable {
    public let cases: [Case]
    /// Indices into `cases` per provider id, each list ordered by case id.
    let byProvider: [String: [Int]]
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

    public init(_ cases: [Case]) {
        // Kept in settling order (by provider, then id), so that settling a month walks the cases
        // in memory order rather than jumping about: at 100,000 cases that is most of the time.
        // Each provider's cases sorted by id (files mostly list them so: then sorting only checks)
        // and laid out afresh, on all cores; sorting places, not cases, which moved every field.
        var groups: [String: [Int]] = [:]
        for i in cases.indices { groups[cases[i].provider, default: []].append(i) }
        let providers = groups.keys.sorted()
        let ids = cases.map(\.id)  // compared as a list: through the cases, every comparison copied two cases
        let parts = providers.parallelMap(parallel: cases.count >= 10_000) { provider -> [Case] in
            groups[provider]!.sorted { ids[$0] < ids[$1] }.map { cases[$0].relocated() }
        }
        var laidOut: [Case] = []
        laidOut.reserveCapacity(cases.count)
        var byProvider: [String: [Int]] = [:]
        for (provider, part) in zip(providers, parts) {
            byProvider[provider] = Array(laidOut.count..<laidOut.count + part.count)
            laidOut += part
        }
        let cases = laidOut
        self.cases = cases
        self.byProvider = byProvider
        // Each person's cases as places in one flat list, grouped by a number per person, in
        // settling order: a list per person was an allocation per person (a million of them).
        var numbers: [String: Int] = [:]
        numbers.reserveCapacity(cases.count)
        var person = [Int](repeating: 0, count: cases.count)
        for i in cases.indices {
            if let k = numbers[cases[i].person] {
                person[i] = k
            } else {
                person[i] = numbers.count
                numbers[cases[i].person] = numbers.count
            }
        }
        var personStart = [Int](repeating: 0, count: numbers.count + 1)
        for k in person { personStart[k + 1] += 1 }
        for k in 0..<numbers.count { personStart[k + 1] += personStart[k] }
        var next = personStart
        var places = [Int](repeating: 0, count: cases.count)
        for i in cases.indices {
            places[next[person[i]]] = i
            next[person[i]] += 1
        }
        var successors = [Successor?](repeating: nil, count: cases.count)
        var earlier = [[Int]](repeating: [], count: cases.count)
        var handsOverLastDay = [Bool](repeating: false, count: cases.count)
        for k in 0..<numbers.count where personStart[k + 1] - personStart[k] > 1 {
            let same = places[personStart[k]..<personStart[k + 1]]
            for i in same {
                let start = cases[i].start, id = cases[i].id
                earlier[i] = same.filter { (cases[$0].start, cases[$0].id) < (start, id) && cases[$0].hasAbsences }
                    .sorted { (cases[$0].start, cases[$0].id) < (cases[$1].start, cases[$1].id) }
                guard let end = cases[i].end else { continue }
                successors[i] = same.filter { cases[$0].start > end }.map { (start: cases[$0].start, id: cases[$0].id) }
                    .min { ($0.start, $0.id) < ($1.start, $1.id) }.map { Successor(caseID: $0.id, start: $0.start) }
                let sameDay = same.filter { cases[$0].start == end }.count
                handsOverLastDay[i] = sameDay > (start == end ? 1 : 0)
            }
        }
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

    public var providers: [String] { byProvider.keys.sorted() }

    /// The cases of one provider, ordered by id.
    public func cases(of provider: String) -> [Case] { (byProvider[provider] ?? []).map { cases[$0] } }
}

/// A person's next case after a case ended.
public struct Successor: Sendable, Equatable {
    public var caseID: String
    public var start: CivilDate
}

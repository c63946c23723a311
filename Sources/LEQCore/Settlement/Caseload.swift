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
        // Sorted as indices, each case then copied once into its place: sorting the cases
        // themselves moved them about, a retain of every field at each move.
        let order = cases.indices.sorted { (cases[$0].provider, cases[$0].id) < (cases[$1].provider, cases[$1].id) }
        let cases = order.map { cases[$0].relocated() }
        self.cases = cases
        var groups: [String: [Int]] = [:]
        for i in cases.indices { groups[cases[i].provider, default: []].append(i) }
        byProvider = groups
        // One look-up per person (a million cases have nearly as many people): their cases' indices.
        var indicesByPerson: [String: [Int]] = [:]
        indicesByPerson.reserveCapacity(cases.count)
        for i in cases.indices { indicesByPerson[cases[i].person, default: []].append(i) }
        var successors = [Successor?](repeating: nil, count: cases.count)
        var earlier = [[Int]](repeating: [], count: cases.count)
        var handsOverLastDay = [Bool](repeating: false, count: cases.count)
        for same in indicesByPerson.values where same.count > 1 {
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

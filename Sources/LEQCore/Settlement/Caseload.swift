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
    /// Per case: the same person's cases that started before it (or on the same day with a
    /// smaller id), in that order, as indices; empty for most. The yearly absence caps count per
    /// person (SPEC § 7).
    let earlier: [[Int]]

    public init(_ cases: [Case]) {
        // Kept in settling order (by provider, then id), so that settling a month walks the cases
        // in memory order rather than jumping about: at 100,000 cases that is most of the time.
        let cases = cases.sorted { ($0.provider, $0.id) < ($1.provider, $1.id) }.map { $0.relocated() }
        self.cases = cases
        var groups: [String: [Int]] = [:]
        for (i, c) in cases.enumerated() { groups[c.provider, default: []].append(i) }
        byProvider = groups
        var starts: [String: [CivilDate]] = [:]
        for c in cases { starts[c.person, default: []].append(c.start) }
        var byPerson: [String: [(start: CivilDate, id: String)]] = [:]
        for c in cases { byPerson[c.person, default: []].append((c.start, c.id)) }
        successors = cases.map { c in
            guard let end = c.end else { return nil }
            return byPerson[c.person]!.filter { $0.start > end }.min { ($0.start, $0.id) < ($1.start, $1.id) }
                .map { Successor(caseID: $0.id, start: $0.start) }
        }
        var indicesByPerson: [String: [Int]] = [:]
        for (i, c) in cases.enumerated() { indicesByPerson[c.person, default: []].append(i) }
        earlier = cases.map { c in
            guard let same = indicesByPerson[c.person], same.count > 1 else { return [] }
            return same.filter { (cases[$0].start, cases[$0].id) < (c.start, c.id) }.sorted { (cases[$0].start, cases[$0].id) < (cases[$1].start, cases[$1].id) }
        }
        handsOverLastDay = cases.map { c in
            guard let end = c.end else { return false }
            let sameDay = starts[c.person]!.filter { $0 == end }.count
            return sameDay > (c.start == end ? 1 : 0)
        }
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

/// All cases, grouped by provider and ordered by case id once, so that settling month after
/// month does not sort again and every statement lists its cases in the same order.
public struct Caseload: Sendable {
    public let cases: [Case]
    /// Indices into `cases` per provider id, each list ordered by case id.
    let byProvider: [String: [Int]]

    public init(_ cases: [Case]) {
        self.cases = cases
        var groups: [String: [Int]] = [:]
        for (i, c) in cases.enumerated() { groups[c.provider, default: []].append(i) }
        for key in groups.keys { groups[key]!.sort { cases[$0].id < cases[$1].id } }
        byProvider = groups
    }

    public var providers: [String] { byProvider.keys.sorted() }

    /// The cases of one provider, ordered by id.
    public func cases(of provider: String) -> [Case] { (byProvider[provider] ?? []).map { cases[$0] } }
}

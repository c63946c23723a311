/// An agreed rate for a service, for one category or for all, from a date: a daily rate
/// (Tagessatz) or an hourly rate (Fachleistungsstunde).
public struct ServiceRateEntry: Hashable, Sendable {
    public var service: String
    /// nil: the rate holds for every category (and for cases without one).
    public var category: String?
    public var from: CivilDate
    public var amount: Money

    public init(service: String, category: String? = nil, from: CivilDate, amount: Money) {
        self.service = service
        self.category = category
        self.from = from
        self.amount = amount
    }
}

/// Rate schedules per service, each either for all categories or per category. A category's own
/// rate holds from its first entry on; before that, and for categories without entries, the
/// service's general rate holds.
struct RateTable: Sendable {
    /// Per service index: the general schedule and the per-category ones (by category index).
    private let general: [RateSchedule?]
    private let byCategory: [[RateSchedule?]]

    init(_ entries: [ServiceRateEntry], services: [Service], categories: [String], increases: [RateIncrease],
         kind: RateKind, rounding: RoundingMode) {
        func schedule(_ matching: [ServiceRateEntry]) -> RateSchedule? {
            matching.isEmpty ? nil : RateSchedule(entries: matching.map { RateEntry(from: $0.from, amount: $0.amount) },
                                                 increases: increases, kind: kind, rounding: rounding)
        }
        general = services.map { s in schedule(entries.filter { $0.service == s.id && $0.category == nil }) }
        byCategory = services.map { s in
            categories.map { c in
                let own = entries.filter { $0.service == s.id && $0.category == c }
                guard let first = own.map(\.from).min() else { return nil }
                return schedule(entries.filter { $0.service == s.id && $0.category == nil && $0.from < first } + own)
            }
        }
    }

    func schedule(service: Int, category: Int?) -> RateSchedule? {
        if let category, let own = byCategory[service][category] { return own }
        return general[service]
    }

    /// Whether the service has any rate of this kind.
    func has(service: Int) -> Bool { general[service] != nil || byCategory[service].contains { $0 != nil } }
}

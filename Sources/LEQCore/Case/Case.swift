/// One help for one young person or family (Hilfe, Fall): who, which provider and service,
/// from when to when, and what settlement needs to know about it (SPEC § 4).
public struct Case: Sendable {
    public var id: String
    /// Pseudonymous person id: the same person may have several cases over the years.
    public var person: String
    public var provider: String
    public var service: String
    /// Sozialraum: the district the case belongs to.
    public var socialSpace: String
    /// Aktenzeichen of the youth office, printed on the statement.
    public var fileReference: String
    public var start: CivilDate
    public var plannedEnd: CivilDate?
    /// The actual last day of care; nil while the case runs.
    public var end: CivilDate?
    public var endReason: EndReason?
    public var clearing: Clearing?
    /// Category periods, ascending by `from`; each runs until the next one starts.
    public var categories: [CategoryPeriod]
    /// Flags that cost-bearer rules read, e.g. `avoidsResidential`.
    public var flags: [String]
    /// Days away while the place is kept, in order, not overlapping (SPEC § 7).
    public var absences: [Absence] = []
    /// Approved and delivered specialist hours (SPEC § 8).
    public var hours = Hours()
    /// Individual case budgets (SPEC § 9).
    public var budgets: [CaseBudget] = []

    public init(id: String, person: String, provider: String, service: String, socialSpace: String = "",
                fileReference: String = "", start: CivilDate, plannedEnd: CivilDate? = nil, end: CivilDate? = nil,
                endReason: EndReason? = nil, clearing: Clearing? = nil, categories: [CategoryPeriod] = [],
                flags: [String] = []) {
        self.id = id
        self.person = person
        self.provider = provider
        self.service = service
        self.socialSpace = socialSpace
        self.fileReference = fileReference
        self.start = start
        self.plannedEnd = plannedEnd
        self.end = end
        self.endReason = endReason
        self.clearing = clearing
        self.categories = categories
        self.flags = flags
    }

    /// The days of care within `period`, or nil if the case is not active in it.
    public func activeDays(in period: Period) -> Period? {
        let last = end ?? period.to
        guard start <= last else { return nil }
        return Period(start, last).intersection(period)
    }

    /// The category periods that apply: the case's own, or else the one clearing set,
    /// from the day after clearing ends (SPEC § 5).
    public var effectiveCategories: [CategoryPeriod] {
        if !categories.isEmpty { return categories }
        if let clearing, let to = clearing.to, let category = clearing.category {
            return [CategoryPeriod(category: category, from: to.next)]
        }
        return []
    }
}

/// Why a case ended (Beendigungsgrund).
public enum EndReason: String, Sendable, CaseIterable {
    case goalsAchieved
    case planned
    case providerTermination
    case familyTermination
    case transfer
    case other
}

/// The first phase of a case (Clearingverfahren): a resource analysis that ends with a category.
public struct Clearing: Hashable, Sendable {
    public var from: CivilDate
    /// The last day of clearing; nil while it runs.
    public var to: CivilDate?
    /// Whether days 43 to 84 were approved (Verlängerung genehmigt).
    public var extensionApproved: Bool
    /// The category clearing set, applied from the day after it ends.
    public var category: String?

    public init(from: CivilDate, to: CivilDate?, extensionApproved: Bool = false, category: String? = nil) {
        self.from = from
        self.to = to
        self.extensionApproved = extensionApproved
        self.category = category
    }
}

/// A category (Fallkategorie A/B/C) in force from a date until the next one.
public struct CategoryPeriod: Hashable, Sendable {
    public var category: String
    public var from: CivilDate

    public init(category: String, from: CivilDate) {
        self.category = category
        self.from = from
    }
}

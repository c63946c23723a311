import CPrefetch

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
    /// The clearing phase (Clearingverfahren), if the case had one.
    public var clearing: Clearing? {
        get { records.values.clearing }
        set { update { $0.clearing = newValue } }
    }
    /// Category periods, ascending by `from`; each runs until the next one starts.
    public var categories: [CategoryPeriod] {
        get { records.values.categories }
        set { update { $0.categories = newValue } }
    }
    /// Flags that cost-bearer rules read, e.g. `avoidsResidential`.
    public var flags: [String] {
        get { records.values.flags }
        set { update { $0.flags = newValue } }
    }
    /// Days away while the place is kept, in order, not overlapping (SPEC § 7).
    public var absences: [Absence] {
        get { records.values.absences }
        set { update { $0.absences = newValue } }
    }
    /// Approved and delivered specialist hours (SPEC § 8).
    public var hours: Hours {
        get { records.values.hours }
        set { update { $0.hours = newValue } }
    }
    /// Individual case budgets (SPEC § 9).
    public var budgets: [CaseBudget] {
        get { records.values.budgets }
        set { update { $0.budgets = newValue } }
    }

    /// Approvals of additional individual care (zusätzliche Einzelfallhilfe, SPEC § 11).
    public var topUps: [TopUpApproval] {
        get { records.values.topUps }
        set { update { $0.topUps = newValue } }
    }

    /// Goal evaluations (Zielerreichung), in date order (SPEC § 12).
    public var evaluations: [GoalEvaluation] {
        get { records.values.evaluations }
        set { update { $0.evaluations = newValue.sorted { $0.date < $1.date } } }
    }
    /// Reports owed, with due and received dates.
    public var reports: [CaseReport] {
        get { records.values.reports }
        set { update { $0.reports = newValue.sorted { $0.due < $1.due } } }
    }
    /// The family questionnaire score (Nutzerfragebogen), 0–100, for the provider ranking.
    public var questionnaire: ExactDecimal? {
        get { records.values.questionnaire }
        set { update { $0.questionnaire = newValue } }
    }
    /// Another youth office must reimburse this case's costs (Kostenerstattung, §§ 89 ff. SGB VIII).
    public var reimbursement: Reimbursement? {
        get { records.values.reimbursement }
        set { update { $0.reimbursement = newValue } }
    }

    /// The case's records in one immutable box: settling copies cases month after month, and one
    /// reference is cheaper to copy than ten lists. Changing a record replaces the box.
    private var records: Records

    private struct Values {
        var clearing: Clearing?
        var categories: [CategoryPeriod]
        var flags: [String]
        var absences: [Absence] = []
        var hours = Hours()
        var budgets: [CaseBudget] = []
        var topUps: [TopUpApproval] = []
        var evaluations: [GoalEvaluation] = []
        var reports: [CaseReport] = []
        var questionnaire: ExactDecimal?
        var reimbursement: Reimbursement?
    }

    private final class Records: Sendable {
        let values: Values
        /// The category periods that apply, worked out once (see `effectiveCategories`).
        let effective: [CategoryPeriod]

        init(_ values: Values) {
            self.values = values
            if !values.categories.isEmpty {
                effective = values.categories
            } else if let clearing = values.clearing, let to = clearing.to, let category = clearing.category {
                effective = [CategoryPeriod(category: category, from: to.next)]
            } else {
                effective = []
            }
        }
    }

    private mutating func update(_ change: (inout Values) -> Void) {
        var v = records.values
        change(&v)
        records = Records(v)
    }

    public init(id: String, person: String, provider: String, service: String, socialSpace: String = "",
                fileReference: String = "", start: CivilDate, plannedEnd: CivilDate? = nil, end: CivilDate? = nil,
                endReason: EndReason? = nil, clearing: Clearing? = nil, categories: [CategoryPeriod] = [],
                flags: [String] = [], absences: [Absence] = [], hours: Hours = Hours(), budgets: [CaseBudget] = [],
                topUps: [TopUpApproval] = [], evaluations: [GoalEvaluation] = [], reports: [CaseReport] = [],
                questionnaire: ExactDecimal? = nil, reimbursement: Reimbursement? = nil) {
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
        // All records in one box at once: set one by one, each replaced the box (a file of a
        // million cases made eight boxes a case).
        self.records = Records(Values(clearing: clearing, categories: categories, flags: flags, absences: absences, hours: hours,
                                      budgets: budgets, topUps: topUps, evaluations: evaluations.sorted { $0.date < $1.date },
                                      reports: reports.sorted { $0.due < $1.due }, questionnaire: questionnaire,
                                      reimbursement: reimbursement))
    }

    /// The days of care within `period`, or nil if the case is not active in it.
    public func activeDays(in period: Period) -> Period? {
        let last = end ?? period.to
        guard start <= last else { return nil }
        return Period(start, last).intersection(period)
    }

    /// The category periods that apply: the case's own, or else the one clearing set,
    /// from the day after clearing ends (SPEC § 5).
    public var effectiveCategories: [CategoryPeriod] { records.effective }

    /// The same case with its records stored afresh, so that cases laid out in settling order
    /// also have their records near each other in memory.
    func relocated() -> Case {
        var c = self
        c.update { v in
            // `map` copies each list into new storage, allocated now, next to the box.
            v.categories = v.categories.map { $0 }
            v.flags = v.flags.map { $0 }
            v.absences = v.absences.map { $0 }
            v.hours = Hours(approvals: v.hours.approvals.map { $0 }, delivered: v.hours.delivered.map { $0 })
            v.budgets = v.budgets.map { $0 }
            v.topUps = v.topUps.map { $0 }
            v.evaluations = v.evaluations.map { $0 }
            v.reports = v.reports.map { $0 }
        }
        return c
    }

    /// Asks the processor to fetch the case's records box ahead of settling the case (a hint:
    /// nothing is read). At a million cases every case-month waited for it from memory.
    /// `mutating` only so that the case is read where it lies: called on a case in a list, a
    /// method of the value copied the case first (a retain and a release of each field).
    @inline(__always)
    mutating func prefetchRecords() {
        Self.prefetchLines(UnsafeRawPointer(Unmanaged.passUnretained(records).toOpaque()), from: 0, to: Self.recordsBytes)
    }

    /// The records box's size in memory: the object header, the values and the effective categories.
    private static var recordsBytes: Int { 16 + MemoryLayout<Values>.stride + MemoryLayout<[CategoryPeriod]>.stride }

    /// Asks the processor to fetch the lists settling reads first (categories, budgets, goal
    /// evaluations, reports, absences, hours): their places are read from the records box, which
    /// `prefetchRecords()` should have brought in a little earlier. `mutating` as above.
    @inline(__always)
    mutating func prefetchLists() {
        Self.prefetch(records.effective)
        Self.prefetch(records.values.budgets)
        Self.prefetch(records.values.evaluations)
        Self.prefetch(records.values.reports)
        Self.prefetch(records.values.absences)
        Self.prefetch(records.values.hours.delivered)
        Self.prefetch(records.values.hours.approvals)
        Self.prefetch(records.values.topUps)
    }

    /// Asks the processor to fetch the whole of the hours lists, whose first bytes
    /// `prefetchLists()` should have brought in a little earlier. A case with hours has a record
    /// for every month since it began, and every month walks them from the first: the walk
    /// waited for each of their lines from memory (15 % of settling's time at 100,000 cases).
    @inline(__always)
    mutating func prefetchHours() {
        Self.prefetchWhole(records.values.hours.delivered)
        Self.prefetchWhole(records.values.hours.approvals)
    }

    /// The list's storage (an array is one reference to it: its count, then its elements), taken
    /// as an address without a retain. Through `withUnsafeBufferPointer` each list was retained and
    /// released: an atomic write that waited for the very memory the hint was to fetch early,
    /// seven per case-month (settling on one core went from 1.9 to 2.1 M case-months/s without).
    @inline(__always)
    private static func prefetch<T>(_ list: [T]) {
        guard MemoryLayout<[T]>.size == MemoryLayout<UnsafeRawPointer>.size else { return }
        leq_prefetch(unsafeBitCast(list, to: UnsafeRawPointer.self))
    }

    /// The list's storage from its second line to its end (at most 2 KB), as above.
    @inline(__always)
    private static func prefetchWhole<T>(_ list: [T]) {
        guard MemoryLayout<[T]>.size == MemoryLayout<UnsafeRawPointer>.size else { return }
        // The storage's header (32 bytes) and the elements, each line after the first.
        prefetchLines(unsafeBitCast(list, to: UnsafeRawPointer.self), from: 64, to: min(32 + list.count * MemoryLayout<T>.stride, 2048))
    }

    /// The memory from `start + from` to `start + to`, a cache line (64 bytes) at a time.
    @inline(__always)
    private static func prefetchLines(_ start: UnsafeRawPointer, from: Int, to: Int) {
        var offset = from
        while offset < to {
            leq_prefetch(start + offset)
            offset += 64
        }
    }

    /// Whether the case has any absence (without copying the list).
    var hasAbsences: Bool { !records.values.absences.isEmpty }

    /// Whether the case has any budget (without copying the list).
    var hasBudgets: Bool { !records.values.budgets.isEmpty }

    /// Whether the case has any top-up approval (without copying the list).
    var hasTopUps: Bool { !records.values.topUps.isEmpty }

    /// Whether the case has goal evaluations or reports (without copying the lists).
    var hasIncentiveRecords: Bool { !records.values.evaluations.isEmpty || !records.values.reports.isEmpty }
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

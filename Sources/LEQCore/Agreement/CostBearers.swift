/// Who finally bears a line (Kostenträger), e.g. the municipality or the Land.
public struct CostBearer: Hashable, Sendable {
    public var id: String
    public var name: String
    /// Where the bearer's part is booked in the youth office's budget (Haushaltsstelle,
    /// Produktkonto), e.g. the revenue account for the Land's reimbursement.
    public var budgetLine: String?

    public init(id: String, name: String, budgetLine: String? = nil) {
        self.id = id
        self.name = name
        self.budgetLine = budgetLine
    }
}

/// A rule that gives the bearers' shares of the lines it matches (SPEC § 13).
///
/// Every condition that is set must hold; an unset condition matches anything. The first rule
/// that matches a line decides; no rule means the first bearer bears the whole line.
public struct BearerRule: Hashable, Sendable {
    public var services: Set<String>?
    public var settings: Set<Setting>? { didSet { settingBits = Self.bits(settings) } }
    public var kinds: Set<LineKind>? { didSet { kindBits = Self.bits(kinds) } }
    /// `settings` and `kinds` as bits by case place, all set for none given: what a line is
    /// matched against. The sets are the agreement's, read by every core for every line; going
    /// through them counted references on memory all cores wrote.
    private(set) var settingBits: UInt64 = ~0
    private(set) var kindBits: UInt64 = ~0
    /// Case flags that must all be set, e.g. `avoidsResidential`.
    public var flags: [String]
    /// Each bearer's share as a numerator over `denominator`, in the agreement's bearer order.
    public var numerators: [Int64]
    public var denominator: Int64

    public init(services: Set<String>? = nil, settings: Set<Setting>? = nil, kinds: Set<LineKind>? = nil,
                flags: [String] = [], numerators: [Int64], denominator: Int64) {
        self.services = services
        self.settings = settings
        self.kinds = kinds
        self.flags = flags
        self.numerators = numerators
        self.denominator = denominator
        settingBits = Self.bits(settings)
        kindBits = Self.bits(kinds)
    }

    /// The cases of `set` as bits by place; all bits for nil (any case).
    private static func bits<T: CaseIterable & Hashable>(_ set: Set<T>?) -> UInt64 {
        guard let set else { return ~0 }
        precondition(T.allCases.count <= 64 && CasePlace.holds(T.self), "a bit per case")
        return set.reduce(0) { $0 | 1 << UInt64(CasePlace.of($1)) }
    }

    /// `amount` split among the bearers by these shares (largest remainder, SPEC § 13): the
    /// parts add up to it exactly.
    func split(_ amount: Money) -> BearerParts {
        Self.split(amount, numerators: numerators, denominator: denominator)
    }

    static func split(_ amount: Money, numerators: [Int64], denominator: Int64) -> BearerParts {
        var parts = BearerParts(zeros: numerators.count)
        Allocation.largestRemainder(amount, numerators: numerators, denominator: denominator) { i, part in parts[i] = part }
        return parts
    }

    /// Whether the rule applies to a line of `kind` for a service of `setting` and id `service`
    /// and a case with `caseFlags`. The rule is read in place (`inout`, never changed): borrowed
    /// from the agreement's list, it was copied for every line.
    static func matches(_ rule: inout BearerRule, setting: Setting, service: String, kind: LineKind, flags caseFlags: [String]) -> Bool {
        if rule.settingBits & 1 << UInt64(CasePlace.of(setting)) == 0 { return false }
        if rule.kindBits & 1 << UInt64(CasePlace.of(kind)) == 0 { return false }
        // A handful of members: a linear scan costs less than hashing for every line.
        if let services = rule.services, !services.contains(where: { $0 == service }) { return false }
        // By place: each flag compared where the rule holds it, not copied out of the list.
        for i in rule.flags.indices where !caseFlags.contains(rule.flags[i]) { return false }
        return true
    }
}

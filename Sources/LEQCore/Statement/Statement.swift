/// The monthly statement (Abrechnung) for one provider: what it is paid, line by line.
public struct Statement: Sendable {
    /// Unique and sequential per provider: `PREFIX-YYYY-MM`, one statement a month.
    public var number: String
    public var month: Month
    /// Date of issue (Rechnungsdatum): an argument, never the clock.
    public var issued: CivilDate
    public var agreementID: String
    public var youthOffice: Party
    public var provider: Provider
    public var bearers: [CostBearer]
    /// The agreement's services: names and legal bases the statement prints.
    public var services: [Service]
    /// Set in the initialiser and added to by `append(_:)` only, so that the totals always are
    /// the sums of the lines.
    public private(set) var lines: [StatementLine]
    public var warnings: [SettlementWarning]
    /// The state of every case budget the month touches (SPEC § 9).
    public var budgets: [BudgetStatus]
    /// The agreement's payment terms, for the invoice and the payment file.
    public var paymentTerms: PaymentTerms?
    /// Set with the lines: in the initialiser, and by `append(_:)`.
    public private(set) var totals: Totals

    public init(number: String, month: Month, issued: CivilDate, agreementID: String, youthOffice: Party,
                provider: Provider, bearers: [CostBearer], services: [Service], lines: [StatementLine], warnings: [SettlementWarning],
                budgets: [BudgetStatus] = [], paymentTerms: PaymentTerms? = nil) {
        self.paymentTerms = paymentTerms
        self.number = number
        self.month = month
        self.issued = issued
        self.agreementID = agreementID
        self.youthOffice = youthOffice
        self.provider = provider
        self.bearers = bearers
        self.services = services
        self.lines = lines
        self.warnings = warnings
        self.budgets = budgets
        self.totals = Totals(lines: lines, bearerCount: bearers.count)
    }

    /// Adds lines at the end, and their amounts to the totals. In place: the correction lines of
    /// a month settled with a store were added to a copy of all its lines (at a million cases,
    /// some 1.1 million lines copied for a few thousand added, each month).
    public mutating func append(_ more: [StatementLine]) {
        guard !more.isEmpty else { return }
        lines += more
        totals += Totals(lines: more, bearerCount: bearers.count)
    }

    /// The service a line names.
    public func service(_ id: String) -> Service? { services.first { $0.id == id } }

    /// The lines of one section, in statement order.
    public func lines(in section: Section) -> [StatementLine] { lines.filter { $0.section == section } }

    /// Broken invariants, each said with the values (empty when the statement is sound):
    /// bearer parts add up to their line; totals are sums of lines; bearer totals add up to the total.
    public func invariantViolations() -> [String] {
        var problems: [String] = []
        for (i, line) in lines.enumerated() {
            let sum = line.bearerParts.reduce(Money.zero, +)
            if sum != line.amount {
                problems.append("line \(i) (\(line.caseID) \(line.kind)): bearer parts add up to \(sum), line is \(line.amount)")
            }
        }
        let recomputed = Totals(lines: lines, bearerCount: bearers.count)
        if recomputed != totals { problems.append("totals \(totals) differ from the sum of lines \(recomputed)") }
        let bearerSum = totals.bearers.reduce(Money.zero, +)
        if bearerSum != totals.all { problems.append("bearer totals add up to \(bearerSum), total is \(totals.all)") }
        let sectionSum = Section.allCases.filter { $0 != .family }.reduce(Money.zero) { $0 + totals.section($1) }
        if sectionSum != totals.all { problems.append("section totals add up to \(sectionSum), total is \(totals.all)") }
        return problems
    }
}

/// Where a case budget stands after the month: amount, used before, used this month, left.
public struct BudgetStatus: Hashable, Sendable {
    public var caseID: String
    public var period: Period
    public var mode: BudgetMode
    public var amount: Money
    /// Drawdown: how far the budget may be passed.
    public var overrunApproved: Money
    public var usedBefore: Money
    public var usedThisMonth: Money
    /// `amount − usedBefore − usedThisMonth`; negative when an approved overrun is used.
    public var left: Money { amount - usedBefore - usedThisMonth }
}

/// A statement's totals: every total is a sum of rounded lines (SPEC § 1, rounding point 3).
public struct Totals: Hashable, Sendable {
    /// What the provider is paid: all sections but the family incentives.
    public var all: Money
    /// Per bearer, in the agreement's order (provider's lines only).
    public var bearers: [Money]
    /// Per section, in `Section.allCases` order.
    public var sections: [Money]
    /// Top-ups due this month but withheld until the proof of the extra staff arrives (not in `all`).
    public var withheld: Money

    public init(lines: [StatementLine], bearerCount: Int) {
        var all = Money.zero
        var bearers = [Money](repeating: .zero, count: bearerCount)
        var sections = [Money](repeating: .zero, count: Section.allCases.count)
        var withheld = Money.zero
        // Read each line in place: iterating the array would copy every line (and retain its strings).
        lines.withUnsafeBufferPointer { lines in
            for k in lines.indices {
                let section = lines[k].kind.section
                sections[section.index] += lines[k].amount
                if lines[k].kind == .topUpWithheld { withheld += lines[k].withheld ?? .zero }
                if section == .family { continue }
                all += lines[k].amount
                // The parts read in place too: copied, each line's were retained and released.
                for i in 0..<lines[k].bearerParts.count { bearers[i] += lines[k].bearerParts[i] }
            }
        }
        self.all = all
        self.bearers = bearers
        self.sections = sections
        self.withheld = withheld
    }

    public func section(_ section: Section) -> Money { sections[section.index] }

    /// The totals of two lists of lines of the same bearers: the totals of both together (every
    /// total is a sum).
    static func += (a: inout Totals, b: Totals) {
        a.all += b.all
        for i in a.bearers.indices { a.bearers[i] += b.bearers[i] }
        for i in a.sections.indices { a.sections[i] += b.sections[i] }
        a.withheld += b.withheld
    }
}

extension Section {
    var index: Int {
        switch self {
        case .base: return 0
        case .absences: return 1
        case .topUps: return 2
        case .budgets: return 3
        case .incentives: return 4
        case .corrections: return 5
        case .family: return 6
        }
    }
}

/// Settles cases month by month: the rules of SPEC §§ 2, 5, 6 and 13 as one pure function of
/// agreement, cases and month. No clock, no files, no locale.
public enum Settlement {
    /// The result of settling one month: one statement per provider, or the problems that
    /// prevent it.
    public struct Run: Sendable {
        public var statements: [Statement]
        public var problems: [SettlementProblem]
    }

    /// Settles `month` for every provider with an agreement in force (or only `provider`).
    /// A case active in the month whose provider has no agreement in force is a problem.
    public static func run(agreements: [Agreement], caseload: Caseload, month: Month, issued: CivilDate,
                           provider only: String? = nil) -> Run {
        var statements: [Statement] = []
        var problems: [SettlementProblem] = []
        for provider in caseload.providers where only == nil || only == provider {
            let indices = caseload.byProvider[provider] ?? []
            guard let agreement = agreements.first(where: { $0.provider.id == provider && $0.validity.contains(month.firstDay) })
            else {
                for i in indices where caseload.cases[i].activeDays(in: month.period) != nil {
                    problems.append(SettlementProblem(caseID: caseload.cases[i].id, kind: .noAgreement(provider: provider),
                                                      day: month.firstDay))
                }
                continue
            }
            var builder = StatementBuilder(agreement: agreement, month: month)
            // Borrow each case in place: an array subscript would copy it (a retain per field).
            caseload.cases.withUnsafeBufferPointer { cases in
                for i in indices { builder.settle(cases[i]) }
            }
            problems += builder.problems
            statements.append(builder.statement(issued: issued))
        }
        // A provider with an agreement but no cases still gets its (empty) statement.
        for agreement in agreements.sorted(by: { $0.provider.id < $1.provider.id })
        where agreement.validity.contains(month.firstDay) && caseload.byProvider[agreement.provider.id] == nil
            && (only == nil || only == agreement.provider.id) {
            statements.append(StatementBuilder(agreement: agreement, month: month).statement(issued: issued))
        }
        statements.sort { $0.provider.id < $1.provider.id }
        return Run(statements: statements, problems: problems)
    }

    /// Settles one provider's cases for one month under one agreement.
    public static func statement(agreement: Agreement, cases: [Case], month: Month, issued: CivilDate)
        -> (statement: Statement, problems: [SettlementProblem]) {
        var builder = StatementBuilder(agreement: agreement, month: month)
        for c in cases { builder.settle(c) }
        return (builder.statement(issued: issued), builder.problems)
    }
}

/// Collects the lines, warnings and problems of one provider's month, case by case.
struct StatementBuilder {
    let agreement: Agreement
    let month: Month
    var lines: [StatementLine] = []
    var warnings: [SettlementWarning] = []
    var problems: [SettlementProblem] = []

    init(agreement: Agreement, month: Month) {
        self.agreement = agreement
        self.month = month
    }

    func statement(issued: CivilDate) -> Statement {
        Statement(number: agreement.provider.statementPrefix + "-" + month.iso, month: month, issued: issued,
                  agreementID: agreement.id, youthOffice: agreement.youthOffice, provider: agreement.provider,
                  bearers: agreement.bearers, services: agreement.services, lines: lines, warnings: warnings)
    }

    mutating func settle(_ c: Case) {
        guard let active = c.activeDays(in: month.period) else { return }
        guard let service = agreement.service(c.service) else {
            problems.append(SettlementProblem(caseID: c.id, kind: .unknownService(c.service), day: active.from))
            return
        }
        var firstUncleared = c.start
        if let clearing = c.clearing {
            settleClearing(c, clearing, service: service, active: active)
            guard let to = clearing.to else { return }  // still in clearing: no category yet
            firstUncleared = to.next
        }
        settleFlatRates(c, service: service, active: active, from: firstUncleared)
    }

    // MARK: Clearing (SPEC § 5)

    private mutating func settleClearing(_ c: Case, _ clearing: Clearing, service: Service, active: Period) {
        guard let terms = agreement.clearing else {
            problems.append(SettlementProblem(caseID: c.id, kind: .noClearingTerms, day: clearing.from))
            return
        }
        let month = self.month.period
        // A running clearing counts its days through the last active day of the month.
        let end = clearing.to ?? active.to
        if clearing.to == nil, let caseEnd = c.end, month.contains(caseEnd) {
            warnings.append(SettlementWarning(caseID: c.id, kind: .clearingWithoutEnd, period: Period(clearing.from, caseEnd),
                                              days: Period(clearing.from, caseEnd).dayCount))
        }
        guard clearing.from <= end, let inMonth = Period(clearing.from, end).intersection(month) else { return }

        if let to = clearing.to, month.contains(to) {
            let covered = Period(clearing.from, min(to, clearing.from.advanced(by: terms.feeDays - 1)))
            if let step = terms.fee.step(on: clearing.from) {
                append(c, service: service, kind: .clearingFee, category: nil, period: Period(clearing.from, to),
                       quantity: 1, unit: .once, rate: step.amount, rateUnit: .once, increase: step.increase,
                       clearingDays: 1...covered.dayCount, amount: step.amount)
            } else {
                problems.append(SettlementProblem(caseID: c.id, kind: .missingRate(.clearingFee, category: nil), day: clearing.from))
            }
        }

        let extensionDays = Period(clearing.from.advanced(by: terms.feeDays), clearing.from.advanced(by: terms.maxDays - 1))
        if let days = extensionDays.intersection(inMonth) {
            if clearing.extensionApproved {
                let missing = terms.extensionWeekly.forEachStep(in: days) { part, step in
                    let daily = agreement.rounding.scale(step.amount, by: 1, over: 7)
                    let first = clearing.from.distance(to: part.from) + 1
                    append(c, service: service, kind: .clearingExtension, category: nil, period: part,
                           quantity: part.dayCount, unit: .day, rate: daily, rateUnit: .day, increase: step.increase,
                           weeklyRate: step.amount, clearingDays: first...(first + part.dayCount - 1),
                           amount: daily * part.dayCount)
                }
                if let missing {
                    problems.append(SettlementProblem(caseID: c.id, kind: .missingRate(.clearingExtension, category: nil), day: missing))
                }
            } else {
                warnings.append(SettlementWarning(caseID: c.id, kind: .clearingExtensionNotApproved, period: days, days: days.dayCount))
            }
        }
        if let beyond = inMonth.clipped(from: clearing.from.advanced(by: terms.maxDays)) {
            warnings.append(SettlementWarning(caseID: c.id, kind: .clearingBeyondMaximum, period: beyond, days: beyond.dayCount))
        }
    }

    // MARK: Flat rates by category (SPEC §§ 2, 6)

    private mutating func settleFlatRates(_ c: Case, service: Service, active: Period, from firstDay: CivilDate) {
        guard let billable = active.clipped(from: firstDay) else { return }
        let categories = c.effectiveCategories
        let flatFrom = categories.first?.from ?? billable.to.next
        if let gap = billable.clipped(to: flatFrom.previous) {
            warnings.append(SettlementWarning(caseID: c.id, kind: .noCategory, period: gap, days: gap.dayCount))
        }
        guard let covered = billable.clipped(from: flatFrom) else { return }
        let method = agreement.proration(for: service)
        let month = self.month.period
        let basis = method == .thirty ? 30 : month.dayCount
        // Under `thirty`, a whole month is 30 days whatever its length: the last part absorbs it.
        let thirtyAdjustment = method == .thirty && covered == month ? 30 - month.dayCount : 0

        for (k, period) in categories.enumerated() {
            let until = k + 1 < categories.count ? categories[k + 1].from.previous : covered.to
            guard period.from <= until, let part = Period(period.from, until).intersection(covered) else { continue }
            guard let schedule = agreement.flatRate(service: service.id, category: period.category) else {
                problems.append(SettlementProblem(caseID: c.id, kind: .unknownCategory(period.category), day: part.from))
                continue
            }
            let missing = schedule.forEachStep(in: part) { segment, step in
                let days = segment.dayCount + (segment.to == month.to ? thirtyAdjustment : 0)
                append(c, service: service, kind: .flatRate, category: period.category, period: segment,
                       quantity: days, unit: .day, rate: step.amount, rateUnit: .month, basisDays: basis,
                       increase: step.increase,
                       amount: agreement.rounding.scale(step.amount, by: days, over: basis))
            }
            if let missing {
                problems.append(SettlementProblem(caseID: c.id, kind: .missingRate(.flatRate, category: period.category), day: missing))
            }
        }
    }

    // MARK: Lines and bearers (SPEC § 13)

    private mutating func append(_ c: Case, service: Service, kind: LineKind, category: String?, period: Period,
                                 quantity: Int, unit: QuantityUnit, rate: Money, rateUnit: RateUnit,
                                 basisDays: Int? = nil, increase: ExactDecimal? = nil, weeklyRate: Money? = nil,
                                 clearingDays: ClosedRange<Int>? = nil, amount: Money) {
        let rule = agreement.shares(service: service, kind: kind, flags: c.flags)
        var parts = [Money](repeating: .zero, count: rule.numerators.count)
        Allocation.largestRemainder(amount, numerators: rule.numerators, denominator: rule.denominator) { i, part in
            parts[i] = part
        }
        lines.append(StatementLine(
            caseID: c.id, fileReference: c.fileReference, service: service.id, kind: kind, category: category,
            period: period, quantity: ExactDecimal(units: Int64(quantity), scale: 0), unit: unit, rate: rate,
            rateUnit: rateUnit, basisDays: basisDays, increase: increase, weeklyRate: weeklyRate,
            clearingDays: clearingDays, amount: amount, bearerParts: parts))
    }
}

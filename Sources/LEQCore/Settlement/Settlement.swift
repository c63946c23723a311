/// Settles cases month by month: the rules of SPEC §§ 2, 5–9 and 13 as one pure function of
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
            builder.lines.reserveCapacity(indices.count + indices.count / 4)
            // A local immutable array lets the optimizer borrow each case in place instead of
            // copying it (a retain per field) for the call.
            let cases = caseload.cases, handsOver = caseload.handsOverLastDay
            for i in indices { builder.settle(cases[i], handsOverLastDay: handsOver[i]) }
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
        let caseload = Caseload(cases)
        var builder = StatementBuilder(agreement: agreement, month: month)
        for (i, c) in cases.enumerated() { builder.settle(c, handsOverLastDay: caseload.handsOverLastDay[i]) }
        return (builder.statement(issued: issued), builder.problems)
    }
}


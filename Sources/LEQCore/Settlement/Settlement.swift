/// Settles cases month by month: the rules of SPEC §§ 2, 5–9 and 13 as one pure function of
/// agreement, cases and month. No clock, no files, no locale.
public enum Settlement {
    /// The result of settling one month: one statement per provider, or the problems that
    /// prevent it; and per provider with capped incentives, its year so far (pass it to the next
    /// month's run to save recomputing the year).
    public struct Run: Sendable {
        public var statements: [Statement]
        public var problems: [SettlementProblem]
        public var ledgers: [String: IncentiveLedger] = [:]
    }

    /// Settles `month` for every provider with an agreement in force (or only `provider`).
    /// A case active in the month whose provider has no agreement in force is a problem.
    /// `ledgers`: the providers' incentive years up to the month before, from the previous month's
    /// run; without them, a provider with capped incentives has its year settled again from January.
    public static func run(agreements: [Agreement], caseload: Caseload, month: Month, issued: CivilDate,
                           provider only: String? = nil, ledgers: [String: IncentiveLedger]? = nil, parallel: Bool = true) -> Run {
        // A provider is split only when it holds more than an eighth of all cases: then it would
        // keep one core busy while the others wait. Splitting costs a copy of its lines when
        // joined, so providers of even size are settled whole.
        run(agreements: agreements, caseload: caseload, month: month, issued: issued, provider: only, ledgers: ledgers,
            parallel: parallel, chunk: max(2_048, caseload.cases.count / 8))
    }

    /// `chunk`: the most cases settled in one piece of work (tests make it small).
    static func run(agreements: [Agreement], caseload: Caseload, month: Month, issued: CivilDate,
                    provider only: String?, ledgers: [String: IncentiveLedger]?, parallel: Bool, chunk: Int) -> Run {
        var statements: [Statement] = []
        var problems: [SettlementProblem] = []
        var after: [String: IncentiveLedger] = [:]
        let providers = caseload.providers.filter { only == nil || only == $0 }
        let inForce = providers.map { provider in
            agreements.first(where: { $0.provider.id == provider && $0.validity.contains(month.firstDay) })
        }
        // Cases share nothing within a month but their provider's statement: a provider's cases are
        // settled in chunks, all chunks of all providers on all cores, and each provider's chunks
        // joined in order — the same lines in the same order as one after the other.
        struct Piece {
            var provider: Int
            var indices: Range<Int>
        }
        var pieces: [Piece] = []
        for (p, provider) in providers.enumerated() where inForce[p] != nil {
            let places = caseload.places(of: provider) ?? 0..<0
            for start in stride(from: places.lowerBound, to: places.upperBound, by: chunk) {
                pieces.append(Piece(provider: p, indices: start..<min(start + chunk, places.upperBound)))
            }
        }
        // A provider with yearly caps whose year so far is not carried in from the month before
        // has its months since January settled again for what the caps count (a single month's
        // run): with its cases, each case's months one after the other while it is at hand.
        let yearBefore = providers.indices.map { p -> [EarlierMonth] in
            guard month.month > 1, ledgers?[providers[p]] == nil, inForce[p]?.incentives?.hasCaps == true else { return [] }
            return EarlierMonth.since(january: month, provider: providers[p], agreements: agreements)
        }
        let useCores = parallel && caseload.cases.count >= 2_000
        var settled = pieces.parallelMap(parallel: useCores) { piece in
            settle(agreement: inForce[piece.provider]!, agreements: agreements, caseload: caseload, indices: piece.indices, month: month,
                   yearBefore: yearBefore[piece.provider])
        }
        var byProvider = [[StatementBuilder]](repeating: [], count: providers.count)
        var yearSums = yearBefore.map { [IncentiveSums](repeating: IncentiveSums(), count: $0.count) }
        for (piece, one) in zip(pieces, settled) {
            byProvider[piece.provider].append(one.builder)
            for j in one.yearSums.indices { yearSums[piece.provider][j] += one.yearSums[j] }
        }
        // Held by `byProvider` only: each provider's builders are moved into its statement.
        settled = []
        struct One {
            var statement: Statement?
            var problems: [SettlementProblem] = []
            var ledger: IncentiveLedger?
        }
        // Then per provider, on all cores: its chunks joined, its yearly caps (a single month
        // settles the year before for them), its statement.
        let results = byProvider.withUnsafeMutableBufferPointer { parts in
            let parts = ProviderParts(parts: parts.baseAddress)
            return Array(providers.indices).parallelMap(parallel: useCores) { p -> One in
                let provider = providers[p]
                guard let agreement = inForce[p] else {
                    var one = One(statement: nil)
                    for i in caseload.places(of: provider) ?? 0..<0 where caseload.cases[i].activeDays(in: month.period) != nil {
                        one.problems.append(SettlementProblem(caseID: caseload.cases[i].id, kind: .noAgreement(provider: provider),
                                                              day: month.firstDay))
                    }
                    return one
                }
                var builder = StatementBuilder(agreement: agreement, month: month)
                builder.join(&parts.parts![p])
                var one = One(statement: nil)
                if let terms = agreement.incentives, terms.hasCaps {
                    var ledger = ledgers?[provider].flatMap { $0.year == month.year ? $0 : nil } ?? IncentiveLedger(year: month.year)
                    if ledgers?[provider] == nil && month.month > 1 {
                        ledger = EarlierMonth.ledger(yearBefore[p], sums: yearSums[p], year: month.year)
                    }
                    one.ledger = builder.applyCaps(terms, ledger: ledger)
                }
                one.problems = builder.problems
                one.statement = builder.statement(issued: issued)
                return one
            }
        }
        for (provider, one) in zip(providers, results) {
            problems += one.problems
            if let s = one.statement { statements.append(s) }
            if let l = one.ledger { after[provider] = l }
        }
        // A provider with an agreement but no cases still gets its (empty) statement.
        for agreement in agreements.sorted(by: { $0.provider.id < $1.provider.id })
        where agreement.validity.contains(month.firstDay) && caseload.places(of: agreement.provider.id) == nil
            && (only == nil || only == agreement.provider.id) {
            statements.append(StatementBuilder(agreement: agreement, month: month).statement(issued: issued))
        }
        statements.sort { $0.provider.id < $1.provider.id }
        return Run(statements: statements, problems: problems, ledgers: after)
    }

    /// One provider's cases in one month, before the caps; and, for `yearBefore`, what the caps
    /// count of each of those months.
    private static func settle(agreement: Agreement, agreements: [Agreement], caseload: Caseload, indices: Range<Int>, month: Month,
                               yearBefore: [EarlierMonth] = []) -> (builder: StatementBuilder, yearSums: [IncentiveSums]) {
        var builder = StatementBuilder(agreement: agreement, month: month)
        builder.lines.reserveCapacity(indices.count + indices.count / 4)
        builder.agreements = agreements
        builder.allCases = caseload.cases
        builder.earlierIndices = caseload.earlierWithAbsences
        // The earlier months: a builder each, emptied after every case, and its agreement's
        // services and terms at hand as the month's are.
        var earlier = yearBefore.map { e in
            var b = builder.sameContext(month: e.month, agreement: e.agreement)
            b.onlyIncentiveLedger = true
            return b
        }
        var yearSums = [IncentiveSums](repeating: IncentiveSums(), count: yearBefore.count)
        let terms = TermsInPlace(agreement), earlierTerms = yearBefore.map { TermsInPlace($0.agreement) }
        defer {
            terms.free()
            for t in earlierTerms { t.free() }
        }
        // Each case read in place through the buffer: through the array's subscript, every case
        // was copied for the call (a retain per field, some 8 % of settling).
        let handsOver = caseload.handsOverLastDay, successors = caseload.successors
        let bounds = caseload.earlierBounds
        caseload.cases.withPlacesForReading { cases in
            for k in indices.indices {
                // The cases a few ahead asked for from memory meanwhile: a case's records box
                // four ahead, the lists in the box two ahead (the box fetched by then), the rest
                // of the hours lists one ahead (their first bytes fetched by then).
                if k + 4 < indices.endIndex { cases![indices[k + 4]].prefetchRecords() }
                if k + 2 < indices.endIndex { cases![indices[k + 2]].prefetchLists() }
                if k + 1 < indices.endIndex { cases![indices[k + 1]].prefetchHours() }
                let i = indices[k]
                // The person's earlier cases with absences (the yearly caps), as places.
                builder.earlier = bounds[i]..<bounds[i + 1]
                builder.settle(inPlace: &cases![i], handsOverLastDay: handsOver[i], successor: successors[i], services: terms.services,
                               incentives: terms.incentives)
                for j in earlier.indices {
                    earlier[j].earlier = builder.earlier
                    earlier[j].settle(inPlace: &cases![i], handsOverLastDay: handsOver[i], successor: successors[i],
                                      services: earlierTerms[j].services, incentives: earlierTerms[j].incentives)
                    earlier[j].moveIncentiveSums(into: &yearSums[j])
                }
            }
        }
        return (builder, yearSums)
    }

    /// Settles one provider's cases for one month under one agreement.
    public static func statement(agreement: Agreement, cases: [Case], month: Month, issued: CivilDate)
        -> (statement: Statement, problems: [SettlementProblem]) {
        let caseload = Caseload(cases)
        var yearBefore: [EarlierMonth] = []
        if let terms = agreement.incentives, terms.hasCaps {
            // Every month since January under this one agreement.
            yearBefore = (1..<month.month).map { EarlierMonth(month: Month(year: month.year, month: $0)!, agreement: agreement) }
        }
        var (builder, sums) = settle(agreement: agreement, agreements: [agreement], caseload: caseload,
                                     indices: caseload.cases.indices, month: month, yearBefore: yearBefore)
        if let terms = agreement.incentives, terms.hasCaps {
            _ = builder.applyCaps(terms, ledger: EarlierMonth.ledger(yearBefore, sums: sums, year: month.year))
        }
        return (builder.statement(issued: issued), builder.problems)
    }
}

/// A month before the one settled, in the same year, under the provider's agreement then in force
/// with incentives: the yearly caps count its lines (SPEC § 12).
struct EarlierMonth {
    let month: Month
    let agreement: Agreement

    /// The provider's months from January up to the one before `month` that have incentives.
    static func since(january month: Month, provider: String, agreements: [Agreement]) -> [EarlierMonth] {
        var out: [EarlierMonth] = []
        var m = Month(year: month.year, month: 1)!
        while m < month {
            if let agreement = agreements.first(where: { $0.provider.id == provider && $0.validity.contains(m.firstDay) }),
               agreement.incentives != nil {
                out.append(EarlierMonth(month: m, agreement: agreement))
            }
            m = m.next
        }
        return out
    }

    /// The provider's year before the month settled: each earlier month's sums with its caps
    /// applied in turn.
    static func ledger(_ months: [EarlierMonth], sums: [IncentiveSums], year: Int) -> IncentiveLedger {
        var ledger = IncentiveLedger(year: year)
        for (e, s) in zip(months, sums) {
            ledger = ledger.adding(s, terms: e.agreement.incentives!, rounding: e.agreement.rounding).0
        }
        return ledger
    }
}

/// An agreement's services and incentive terms copied to places of their own, for a run to read
/// in place for every case (see `StatementBuilder.settle(inPlace:…)`); freed by `free()`.
private struct TermsInPlace {
    let services: UnsafeBufferPointer<Service>
    let incentives: UnsafeMutablePointer<IncentiveTerms>?

    init(_ agreement: Agreement) {
        let services = UnsafeMutableBufferPointer<Service>.allocate(capacity: agreement.services.count)
        _ = services.initialize(fromContentsOf: agreement.services)
        self.services = UnsafeBufferPointer(services)
        incentives = agreement.incentives.map { terms in
            let place = UnsafeMutablePointer<IncentiveTerms>.allocate(capacity: 1)
            place.initialize(to: terms)
            return place
        }
    }

    func free() {
        let services = UnsafeMutableBufferPointer(mutating: self.services)
        services.deinitialize()
        services.deallocate()
        incentives?.deinitialize(count: 1)
        incentives?.deallocate()
    }
}

/// Each provider's settled builders, shared by the workers that each join one provider's (no
/// provider's are touched by two).
private struct ProviderParts: @unchecked Sendable {
    let parts: UnsafeMutablePointer<[StatementBuilder]>?
}

// Monthly flat rates by category (SPEC §§ 2, 6): prorated per `calendar`, `thirty` or
// `divisor`, split where category, rate, degression step or budget changes.
extension StatementBuilder {
    /// `serviceAt`: the place of `service` in the agreement's services, for its rates.
    mutating func settleFlatRates(_ c: Case, service: Service, serviceAt: Int, billable: Period, boundaries: [CivilDate]) {
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
        let degression = service.degression.isEmpty ? DegressionSchedule.none : DegressionSchedule(service.degression, caseStart: c.start)
        let splits = degression.isEmpty ? boundaries : (boundaries + degression.starts).sorted()

        for (k, period) in categories.enumerated() {
            let until = k + 1 < categories.count ? categories[k + 1].from.previous : covered.to
            guard period.from <= until, let part = Period(period.from, until).intersection(covered) else { continue }
            guard let schedule = agreement.flatRate(serviceAt: serviceAt, category: period.category) else {
                problems.append(SettlementProblem(caseID: c.id, kind: .unknownCategory(period.category), day: part.from))
                continue
            }
            let missing = schedule.forEachStep(in: part) { segment, step in
                segment.split(at: splits) { piece in
                    var rate = step.amount
                    let reduction = degression.step(on: piece.from)
                    if let reduction { rate = agreement.rounding.percent(reduction.percent, of: step.amount) }
                    let days = piece.dayCount + (piece.to == month.to ? thirtyAdjustment : 0)
                    var l = line(c, service: service, kind: .flatRate, category: period.category, period: piece,
                                 quantity: ExactDecimal(days), unit: .day, rate: rate, rateUnit: .month, amount: .zero)
                    l.increase = step.increase
                    if let reduction {
                        l.percent = reduction.percent
                        l.fullRate = step.amount
                        l.caseMonth = reduction.fromCaseMonth
                    }
                    switch method {
                    case .calendar, .thirty:
                        l.basisDays = basis
                        l.amount = agreement.rounding.scale(rate, by: days, over: basis)
                    case let .divisor(d):
                        // The daily equivalent is a derived rate: rounded when derived (rounding point 1).
                        let daily = Money(cents: agreement.rounding.round(Int128(rate.cents) * Int128(d.denominator),
                                                                          over: Int128(d.units)))
                        l.divisor = d
                        l.amount = min(daily * days, rate)
                        l.capped = daily * days > rate
                        l.rate = daily
                        l.rateUnit = .day
                        l.basisDays = nil
                        l.monthlyRate = rate
                    }
                    append(c, service: service, consume l)
                }
            }
            if let missing {
                problems.append(SettlementProblem(caseID: c.id, kind: .missingRate(.flatRate, category: period.category), day: missing))
            }
        }
    }
}

/// A service's degression steps placed on a case's calendar: case month n begins on the case's
/// start day n − 1 months later.
struct DegressionSchedule {
    private let steps: [(from: CivilDate, step: DegressionStep)]

    static let none = DegressionSchedule()
    private init() { steps = [] }

    init(_ steps: [DegressionStep], caseStart: CivilDate) {
        self.steps = steps.map { (caseStart.addingMonths($0.fromCaseMonth - 1), $0) }
    }

    var isEmpty: Bool { steps.isEmpty }
    var starts: [CivilDate] { steps.map(\.from) }

    /// The step in force on `day`; nil where the rate is paid in full (before the first step, or
    /// at a step of 100 %).
    func step(on day: CivilDate) -> DegressionStep? {
        if steps.isEmpty { return nil }
        var found: DegressionStep?
        for s in steps where s.from <= day { found = s.step }
        guard let found, !found.percent.isHundred else { return nil }
        return found
    }
}

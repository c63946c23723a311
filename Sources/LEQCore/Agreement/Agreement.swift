/// A provider agreement (LEQ-Vereinbarung, §§ 78a ff. SGB VIII) for one validity period:
/// services, rates, clearing, cost bearers and rounding, as data.
///
/// Rate schedules are resolved when the agreement is made (increases applied, rounded once),
/// so that settling a case only looks values up.
public struct Agreement: Sendable {
    public let id: String
    /// The months it governs: from the first day of a month to the last day of a month.
    public let validity: Period
    public let youthOffice: Party
    public let provider: Provider
    public let rounding: RoundingMode
    public let proration: Proration
    public let services: [Service]
    /// The case categories clearing can set (Fallkategorien), e.g. A, B, C.
    public let categories: [String]
    public let bearers: [CostBearer]
    public let bearerRules: [BearerRule]
    public let increases: [RateIncrease]
    public let clearing: ClearingTerms?
    /// Whether the last day of care is paid at the daily rate (SPEC § 2).
    public let lastDayBilled: Bool
    public let absenceRules: AbsenceRules?
    public let budgetTerms: BudgetTerms
    /// Bonus and malus (SPEC § 12); nil: none agreed.
    public var incentives: IncentiveTerms?
    /// When statements are paid; nil: not agreed (the electronic invoice then names no term).
    public var paymentTerms: PaymentTerms?

    /// The agreed rate entries as given, so that a scenario can derive a changed agreement.
    public let flatRateEntries: [FlatRateEntry]
    public let dailyRateEntries: [ServiceRateEntry]
    public let hourlyRateEntries: [ServiceRateEntry]
    let clearingInput: ClearingTermsInput?

    /// Flat monthly rates, by service index, then category index.
    let flatRates: [[RateSchedule]]
    let dailyRates: RateTable
    let hourlyRates: RateTable
    /// Service and category ids in order: a linear scan of a handful of short ids is faster
    /// than hashing a string once per case and month.
    private let serviceIDs: [String]
    /// No two services and no two categories have equal ids (as the agreement file requires), so
    /// an id is looked up by its very value first (`place(ofDistinct:)`).
    private let idsDistinct: Bool
    /// The whole line to the first bearer, for lines no rule matches.
    let defaultShares: BearerRule

    public init(id: String, validity: Period, youthOffice: Party, provider: Provider,
                rounding: RoundingMode = .halfAwayFromZero, proration: Proration = .calendar,
                services: [Service], categories: [String], flatRates: [FlatRateEntry],
                increases: [RateIncrease] = [], clearing: ClearingTermsInput? = nil,
                bearers: [CostBearer], bearerRules: [BearerRule] = [],
                dailyRates: [ServiceRateEntry] = [], hourlyRates: [ServiceRateEntry] = [],
                lastDayBilled: Bool = true, absenceRules: AbsenceRules? = nil, budgetTerms: BudgetTerms = BudgetTerms(),
                incentives: IncentiveTerms? = nil) {
        precondition(!bearers.isEmpty, "an agreement needs at least one cost bearer")
        self.id = id
        self.validity = validity
        self.youthOffice = youthOffice
        self.provider = provider
        self.rounding = rounding
        self.proration = proration
        self.services = services
        self.categories = categories
        self.bearers = bearers
        self.bearerRules = bearerRules
        self.increases = increases
        self.lastDayBilled = lastDayBilled
        self.absenceRules = absenceRules
        self.budgetTerms = budgetTerms
        self.incentives = incentives
        self.flatRateEntries = flatRates
        self.dailyRateEntries = dailyRates
        self.hourlyRateEntries = hourlyRates
        self.clearingInput = clearing
        self.dailyRates = RateTable(dailyRates, services: services, categories: categories, increases: increases,
                                    kind: .dailyRate, rounding: rounding)
        self.hourlyRates = RateTable(hourlyRates, services: services, categories: categories, increases: increases,
                                     kind: .hourlyRate, rounding: rounding)
        self.serviceIDs = services.map(\.id)
        self.idsDistinct = Set(serviceIDs).count == serviceIDs.count && Set(categories).count == categories.count
        self.flatRates = services.map { service in
            categories.map { category in
                RateSchedule(
                    entries: flatRates.filter { $0.service == service.id && $0.category == category }
                        .map { RateEntry(from: $0.from, amount: $0.amount) },
                    increases: increases, kind: .flatRate, rounding: rounding)
            }
        }
        self.clearing = clearing.map {
            ClearingTerms(
                fee: RateSchedule(entries: $0.fee, increases: increases, kind: .clearingFee, rounding: rounding),
                extensionWeekly: RateSchedule(entries: $0.extensionWeekly, increases: increases,
                                              kind: .clearingExtension, rounding: rounding),
                feeDays: $0.feeDays, maxDays: $0.maxDays)
        }
        var firstAll = [Int64](repeating: 0, count: bearers.count)
        firstAll[0] = 1
        defaultShares = BearerRule(numerators: firstAll, denominator: 1)
    }

    /// The same agreement with other rate entries (a scenario's rate changes); everything else,
    /// scheduled increases included, as agreed.
    public func withRates(flat: [FlatRateEntry], daily: [ServiceRateEntry], hourly: [ServiceRateEntry]) -> Agreement {
        Agreement(id: id, validity: validity, youthOffice: youthOffice, provider: provider, rounding: rounding, proration: proration,
                  services: services, categories: categories, flatRates: flat, increases: increases, clearing: clearingInput,
                  bearers: bearers, bearerRules: bearerRules, dailyRates: daily, hourlyRates: hourly, lastDayBilled: lastDayBilled,
                  absenceRules: absenceRules, budgetTerms: budgetTerms, incentives: incentives)
    }

    // Inlined, as the rate look-ups below: called apart, each copied the whole agreement.
    @inline(__always)
    func serviceIndex(_ id: String) -> Int? { idsDistinct ? serviceIDs.place(ofDistinct: id) : serviceIDs.firstIndex(of: id) }
    @inline(__always)
    func categoryIndex(_ id: String) -> Int? { idsDistinct ? categories.place(ofDistinct: id) : categories.firstIndex(of: id) }

    public func service(_ id: String) -> Service? { serviceIndex(id).map { services[$0] } }

    /// The flat monthly rate schedule for a service and category, if both are known. The rate
    /// look-ups are inlined: called as methods from a statement builder, each copied the whole
    /// agreement (some 860 bytes) for every case-month.
    @inline(__always)
    public func flatRate(service: String, category: String) -> RateSchedule? {
        serviceIndex(service).flatMap { flatRate(serviceAt: $0, category: category) }
    }

    /// The same, for the service at place `s` of `services`: settling finds a case's service's
    /// place once and looks its rates up by it (by name, every look-up compared the names again).
    @inline(__always)
    func flatRate(serviceAt s: Int, category: String) -> RateSchedule? {
        guard let c = categoryIndex(category) else { return nil }
        return flatRates[s][c]
    }

    /// The daily rate schedule for a service and category (the category's own, else the general one).
    @inline(__always)
    public func dailyRate(service: String, category: String?) -> RateSchedule? {
        serviceIndex(service).flatMap { dailyRate(serviceAt: $0, category: category) }
    }

    /// The same, by the service's place (see `flatRate(serviceAt:category:)`).
    @inline(__always)
    func dailyRate(serviceAt s: Int, category: String?) -> RateSchedule? {
        dailyRates.schedule(service: s, category: category.flatMap { categoryIndex($0) })
    }

    /// The hourly rate schedule for a service and category (the category's own, else the general one).
    @inline(__always)
    public func hourlyRate(service: String, category: String?) -> RateSchedule? {
        serviceIndex(service).flatMap { hourlyRate(serviceAt: $0, category: category) }
    }

    /// The same, by the service's place (see `flatRate(serviceAt:category:)`).
    @inline(__always)
    func hourlyRate(serviceAt s: Int, category: String?) -> RateSchedule? {
        hourlyRates.schedule(service: s, category: category.flatMap { categoryIndex($0) })
    }

    /// A line's amount split among the bearers by the first matching rule's shares, else all to
    /// the first bearer (SPEC § 13).
    func split(_ amount: Money, service: Service, kind: LineKind, flags: [String]) -> BearerParts {
        Self.split(amount, rules: bearerRules, otherwise: defaultShares.numerators, setting: service.setting,
                   service: service.id, kind: kind, flags: flags)
    }

    /// The same from the agreement's rules and default shares, for settling: a method of the
    /// agreement called from a builder copied the agreement whole (some 860 bytes) for every line.
    /// The rules are read in place and only the shares taken: a rule returned, or borrowed from
    /// the list, was copied for every line (a retain and a release of each of its five lists).
    static func split(_ amount: Money, rules: [BearerRule], otherwise: [Int64], setting: Setting, service: String,
                      kind: LineKind, flags: [String]) -> BearerParts {
        let matched = rules.withPlacesForReading { places in
            rules.indices.first { BearerRule.matches(&places![$0], setting: setting, service: service, kind: kind, flags: flags) }
        }
        guard let matched else { return BearerRule.split(amount, numerators: otherwise, denominator: 1) }
        return BearerRule.split(amount, numerators: rules[matched].numerators, denominator: rules[matched].denominator)
    }

    /// The proration method for a service's monthly amounts.
    func proration(for service: Service) -> Proration { service.proration ?? proration }
}

/// A flat monthly rate as agreed: service, category, from date, amount (Fallpauschale).
public struct FlatRateEntry: Hashable, Sendable {
    public var service: String
    public var category: String
    public var from: CivilDate
    public var amount: Money

    public init(service: String, category: String, from: CivilDate, amount: Money) {
        self.service = service
        self.category = category
        self.from = from
        self.amount = amount
    }
}

/// Clearing terms as agreed, before increases are applied.
public struct ClearingTermsInput: Hashable, Sendable {
    public var fee: [RateEntry]
    public var extensionWeekly: [RateEntry]
    public var feeDays: Int
    public var maxDays: Int

    public init(fee: [RateEntry], extensionWeekly: [RateEntry], feeDays: Int = 42, maxDays: Int = 84) {
        self.fee = fee
        self.extensionWeekly = extensionWeekly
        self.feeDays = feeDays
        self.maxDays = maxDays
    }
}

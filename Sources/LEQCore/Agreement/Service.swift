/// Where help is delivered (Setting): cost-bearer rules and controlling group by it.
public enum Setting: String, Sendable, CaseIterable {
    case ambulant = "ambulant"
    /// Teilstationär: day care, e.g. § 32 Tagesgruppe.
    case semiResidential = "teilstationär"
    /// Stationär: residential care, e.g. § 34 Heimerziehung.
    case residential = "stationär"
}

/// A form of help the agreement covers (Hilfeform), e.g. `§ 31 SPFH`.
public struct Service: Hashable, Sendable {
    /// The short id cases and rates use, e.g. `flex`.
    public var id: String
    public var name: String
    /// The legal basis printed on the statement, e.g. `§ 31 SGB VIII`.
    public var legalBasis: String
    public var setting: Setting
    /// How a monthly flat rate is prorated for this service; nil uses the agreement's method.
    public var proration: Proration?
    /// What the provider is paid for this service after clearing.
    public var payment: Payment
    /// A degressive flat rate (SPEC § 6): the percentage of the rate paid from a case month on.
    public var degression: [DegressionStep]
    /// Where the service's cost is booked (Haushaltsstelle / Produktkonto), e.g. `36.3.01.533300`.
    public var budgetLine: String?

    public init(id: String, name: String, legalBasis: String, setting: Setting, proration: Proration? = nil,
                payment: Payment = .monthly, degression: [DegressionStep] = [], budgetLine: String? = nil) {
        self.budgetLine = budgetLine
        self.id = id
        self.name = name
        self.legalBasis = legalBasis
        self.setting = setting
        self.proration = proration
        self.payment = payment
        self.degression = degression.sorted { $0.fromCaseMonth < $1.fromCaseMonth }
    }
}

/// How a service is paid (Entgeltform).
public enum Payment: String, Hashable, Sendable, CaseIterable {
    /// A monthly flat rate by category (Fallpauschale), prorated for part months.
    case monthly
    /// A daily rate for every day of care (Tagessatz), with the agreement's absence rules.
    case daily
    /// Specialist hours delivered within approved hours (Fachleistungsstunden).
    case hourly
    /// Only by the case's budget in installments (individuelles Fallbudget).
    case budget
}

/// From the case month `fromCaseMonth` on (1 = the month starting on the case's first day), the
/// monthly rate is `percent` of the agreed rate, rounded when derived.
public struct DegressionStep: Hashable, Sendable {
    public var fromCaseMonth: Int
    public var percent: ExactDecimal

    public init(fromCaseMonth: Int, percent: ExactDecimal) {
        self.fromCaseMonth = fromCaseMonth
        self.percent = percent
    }
}

/// How a monthly amount is paid for part of a month (SPEC § 2).
public enum Proration: Hashable, Sendable {
    /// amount × active days ÷ days in the month.
    case calendar
    /// amount × min(active days, 30) ÷ 30; a whole month is the whole amount.
    case thirty
    /// A daily equivalent amount ÷ divisor (e.g. 30.42), rounded, × active days, at most the
    /// monthly amount.
    case divisor(ExactDecimal)

    public var name: String {
        switch self {
        case .calendar: return "calendar"
        case .thirty: return "thirty"
        case .divisor: return "divisor"
        }
    }
}

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

    public init(id: String, name: String, legalBasis: String, setting: Setting, proration: Proration? = nil) {
        self.id = id
        self.name = name
        self.legalBasis = legalBasis
        self.setting = setting
        self.proration = proration
    }
}

/// How a monthly amount is paid for part of a month (SPEC § 2).
public enum Proration: Hashable, Sendable {
    /// amount × active days ÷ days in the month.
    case calendar
    /// amount × min(active days, 30) ÷ 30; a whole month is the whole amount.
    case thirty

    public var name: String {
        switch self {
        case .calendar: return "calendar"
        case .thirty: return "thirty"
        }
    }
}

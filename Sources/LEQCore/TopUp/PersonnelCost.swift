/// The annual personnel cost of the extra staff of a top-up, built from its parts (Personal-
/// kostenkalkulation, seed 003 no. 6; SPEC § 11): monthly gross × 12, the annual special payment,
/// shift and Sunday allowances where they fall in the care times, and the employer's
/// contributions as percentages of that gross pay.
///
/// Management, administration, material, overhead and vacation or sickness cover are already in
/// the regular rate; they are no part of this type (`ExcludedCost`), and the file reader refuses
/// a calculation that names one.
public struct PersonnelCost: Hashable, Sendable {
    /// An employer contribution: social insurance, accident insurance (Berufsgenossenschaft),
    /// supplementary pension (Zusatzversorgungskasse), …
    public struct Contribution: Hashable, Sendable {
        public var name: String
        /// Percent of the gross pay, e.g. 20.55.
        public var percent: ExactDecimal

        public init(name: String, percent: ExactDecimal) {
            self.name = name
            self.percent = percent
        }
    }

    /// A shift, Sunday or holiday allowance; counted only where it falls in the care times.
    public struct Allowance: Hashable, Sendable {
        public enum Kind: String, Hashable, Sendable, CaseIterable {
            /// Schichtzulage.
            case shift
            /// Zulage für Sonn- und Feiertagsarbeit.
            case sunday
        }

        public var kind: Kind
        public var name: String
        /// The amount a year (a monthly amount × 12).
        public var annual: Money
        /// The monthly amount, when it was given per month.
        public var monthly: Money?
        /// Whether the extra care times fall in the times the allowance is paid for.
        public var inCareTimes: Bool

        public init(kind: Kind, name: String, annual: Money, monthly: Money? = nil, inCareTimes: Bool) {
            self.kind = kind
            self.name = name
            self.annual = annual
            self.monthly = monthly
            self.inCareTimes = inCareTimes
        }
    }

    /// What the calculation names the position, e.g. "Heilerziehungspflegerin S 8b Stufe 3".
    public var name: String
    public var monthlyGross: Money
    public var annualSpecialPayment: Money
    public var allowances: [Allowance]
    public var contributions: [Contribution]

    public init(name: String, monthlyGross: Money, annualSpecialPayment: Money = .zero, allowances: [Allowance] = [],
                contributions: [Contribution] = []) {
        self.name = name
        self.monthlyGross = monthlyGross
        self.annualSpecialPayment = annualSpecialPayment
        self.allowances = allowances
        self.contributions = contributions
    }

    /// The calculation, line by line.
    public struct Result: Sendable {
        public var annualGross: Money
        public var annualSpecialPayment: Money
        /// Each allowance with what counts of it (zero when not in the care times).
        public var allowances: [(allowance: Allowance, counted: Money)]
        /// Gross pay: what the contributions are a percentage of.
        public var grossPay: Money
        /// Each contribution, rounded to the cent.
        public var contributions: [(contribution: Contribution, amount: Money)]
        /// Jahrespersonalkosten: gross pay plus contributions.
        public var annualCost: Money
    }

    /// Gross pay = monthly gross × 12 + special payment + the allowances in the care times; each
    /// contribution is its percentage of the gross pay, rounded to the cent; the annual cost is
    /// the sum of these rounded parts.
    public func calculate(_ rounding: RoundingMode) -> Result {
        let annualGross = monthlyGross * 12
        let allowances = self.allowances.map { ($0, $0.inCareTimes ? $0.annual : Money.zero) }
        let grossPay = allowances.reduce(annualGross + annualSpecialPayment) { $0 + $1.1 }
        let contributions = self.contributions.map { ($0, rounding.percent($0.percent, of: grossPay)) }
        let annualCost = contributions.reduce(grossPay) { $0 + $1.1 }
        return Result(annualGross: annualGross, annualSpecialPayment: annualSpecialPayment, allowances: allowances,
                      grossPay: grossPay, contributions: contributions, annualCost: annualCost)
    }
}

/// Cost parts that are already in the regular rate (seed 003 no. 6) and so never part of a
/// top-up's personnel cost.
public enum ExcludedCost: String, Sendable, CaseIterable {
    /// Leitungskosten.
    case management
    /// Verwaltungskosten.
    case administration
    /// Sachkosten.
    case material
    /// Gemeinkosten.
    case overhead
    /// Aufschläge für Urlaubsvertretung.
    case vacationCover
    /// Aufschläge für Krankheitsvertretung.
    case sicknessCover

    /// The German term the circular uses.
    public var german: String {
        switch self {
        case .management: return "Leitungskosten"
        case .administration: return "Verwaltungskosten"
        case .material: return "Sachkosten"
        case .overhead: return "Gemeinkosten"
        case .vacationCover: return "Urlaubsvertretung"
        case .sicknessCover: return "Krankheitsvertretung"
        }
    }
}

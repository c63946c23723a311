/// The incentive rules of an agreement (Bonus/Malus, SPEC § 12, seed 002): each part is switched
/// on by giving its amounts, per category; what is not given is not paid.
public struct IncentiveTerms: Hashable, Sendable {
    /// The amounts and thresholds of one case category.
    public struct CategoryTerms: Hashable, Sendable {
        /// Goal attainment at or above this earns `bonusPercent` of the base (default 75).
        public var bonusThreshold: ExactDecimal
        public var bonusPercent: ExactDecimal?
        /// Goal attainment below this costs `malusPercent` of the base (default 40).
        public var malusThreshold: ExactDecimal
        public var malusPercent: ExactDecimal?
        /// A report received late or not at all.
        public var reportMalus: Money?
        /// A case ended `goalsAchieved` on or before its planned end.
        public var endBonus: Money?
        /// A case ended `providerTermination`.
        public var endMalus: Money?

        public init(bonusThreshold: ExactDecimal = ExactDecimal(units: 75, scale: 0), bonusPercent: ExactDecimal? = nil,
                    malusThreshold: ExactDecimal = ExactDecimal(units: 40, scale: 0), malusPercent: ExactDecimal? = nil,
                    reportMalus: Money? = nil, endBonus: Money? = nil, endMalus: Money? = nil) {
            self.bonusThreshold = bonusThreshold
            self.bonusPercent = bonusPercent
            self.malusThreshold = malusThreshold
            self.malusPercent = malusPercent
            self.reportMalus = reportMalus
            self.endBonus = endBonus
            self.endMalus = endMalus
        }
    }

    /// Per category id.
    public var byCategory: [String: CategoryTerms]
    /// A report is late once this many days have passed after its due date (default 14).
    public var reportGraceDays: Int
    /// An end bonus is clawed back when the same person starts a new case within this many months
    /// after the end (default 12).
    public var sustainabilityMonths: Int
    /// Bonuses of a provider in a calendar year are capped at this percentage of its base amounts
    /// of that year so far; nil: no cap.
    public var bonusCapPercent: ExactDecimal?
    /// The same for maluses.
    public var malusCapPercent: ExactDecimal?
    /// Whether a yearly cap is agreed: then each month needs the provider's year so far.
    var hasCaps: Bool { bonusCapPercent != nil || malusCapPercent != nil }
    /// Family incentive per goal area rated at or above `familyThreshold`; paid to the family,
    /// never part of the provider's total.
    public var familyPerGoalArea: Money?
    public var familyThreshold: ExactDecimal
    /// How the provider ranking weighs its indicators (SPEC § 18).
    public var rankingWeights: RankingWeights

    public init(byCategory: [String: CategoryTerms], reportGraceDays: Int = 14, sustainabilityMonths: Int = 12,
                bonusCapPercent: ExactDecimal? = nil, malusCapPercent: ExactDecimal? = nil, familyPerGoalArea: Money? = nil,
                familyThreshold: ExactDecimal = ExactDecimal(units: 75, scale: 0), rankingWeights: RankingWeights = RankingWeights()) {
        self.byCategory = byCategory
        self.reportGraceDays = reportGraceDays
        self.sustainabilityMonths = sustainabilityMonths
        self.bonusCapPercent = bonusCapPercent
        self.malusCapPercent = malusCapPercent
        self.familyPerGoalArea = familyPerGoalArea
        self.familyThreshold = familyThreshold
        self.rankingWeights = rankingWeights
    }
}

/// The weights of the provider ranking's indicators; they need not add up to anything, each
/// counts in proportion (SPEC § 18). Defaults: all equal.
public struct RankingWeights: Hashable, Sendable {
    public var goalAttainment: ExactDecimal
    public var reportsOnTime: ExactDecimal
    public var plannedEnds: ExactDecimal
    public var questionnaire: ExactDecimal
    public var costPerCase: ExactDecimal

    public init(goalAttainment: ExactDecimal = ExactDecimal(units: 1, scale: 0), reportsOnTime: ExactDecimal = ExactDecimal(units: 1, scale: 0),
                plannedEnds: ExactDecimal = ExactDecimal(units: 1, scale: 0), questionnaire: ExactDecimal = ExactDecimal(units: 1, scale: 0),
                costPerCase: ExactDecimal = ExactDecimal(units: 1, scale: 0)) {
        self.goalAttainment = goalAttainment
        self.reportsOnTime = reportsOnTime
        self.plannedEnds = plannedEnds
        self.questionnaire = questionnaire
        self.costPerCase = costPerCase
    }
}

/// Input that keeps a month from being settled correctly: the run must stop as bad input.
///
/// Validation catches these before settling; the engine reports them again rather than guess.
public struct SettlementProblem: Hashable, Sendable, Error {
    public enum Kind: Hashable, Sendable {
        /// No rate of this kind is in force on `day`.
        case missingRate(LineKind, category: String?)
        /// The case names a service the agreement does not have.
        case unknownService(String)
        /// The case names a category the agreement does not have.
        case unknownCategory(String)
        /// The case has a clearing phase but the agreement no clearing terms.
        case noClearingTerms
        /// The case is active in the month but its provider has no agreement in force.
        case noAgreement(provider: String)
    }

    public var caseID: String
    public var kind: Kind
    public var day: CivilDate
}

import Foundation
import Testing
import LEQCore
@testable import LEQFormats

private let agreementText = String(decoding: FileManager.default.contents(atPath:
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("contracts/halle-tsd-2026.json").path)!, as: UTF8.self)

private let cases = #"""
{"format": "leq-cases/1", "cases": [
  {"id": "I-1", "person": "P-1", "provider": "tsd", "service": "flex", "start": "2026-01-01", "plannedEnd": "2026-12-31",
   "categories": [{"category": "B", "from": "2026-01-01"}],
   "evaluations": [{"date": "2026-06-30", "ratings": {"school": "80", "relationships": "70"}, "weights": {"school": "2"}}],
   "reports": [{"due": "2026-03-31", "received": "2026-04-10"}, {"due": "2026-09-30"}],
   "questionnaire": "82"}
]}
"""#

@Suite("Incentive terms and records in the files (SPEC §§ 12, 18, 19)")
struct IncentiveInputTests {
    @Test func validFilesAreRead() throws {
        let a = try AgreementFile.decode(Array(agreementText.utf8), file: "a.json")
        let t = try #require(a.incentives)
        #expect(t.byCategory["B"]?.bonusPercent == ExactDecimal("4") && t.byCategory["C"]?.bonusThreshold == ExactDecimal("70"))
        #expect(t.byCategory["A"]?.bonusThreshold == ExactDecimal("75") && t.bonusCapPercent == ExactDecimal("5"))
        #expect(t.familyPerGoalArea == Money(decimal: "50.00") && t.rankingWeights.goalAttainment == ExactDecimal("30"))
        let c = try CaseFile.decode(Array(cases.utf8), file: "c.json", agreements: [a]).cases[0]
        #expect(c.evaluations.first?.attainment == Fraction(230, 3))  // (2 × 80 + 70) / 3
        #expect(c.reports.map(\.received) == [CivilDate(iso: "2026-04-10"), nil])
        #expect(c.questionnaire == ExactDecimal("82"))
    }

    @Test("The ends of what ratings and weights may be (99.99 and 0, weights 100 and 0.001) give the exact weighted mean")
    func extremeRatingsAndWeights() throws {
        let a = try AgreementFile.decode(Array(agreementText.utf8), file: "a.json")
        let text = cases.replacingOccurrences(of: #""ratings": {"school": "80", "relationships": "70"}, "weights": {"school": "2"}"#,
                                              with: #""ratings": {"school": "99.99", "relationships": "0"}, "weights": {"school": "100", "relationships": "0.001"}"#)
        #expect(text != cases)
        let c = try CaseFile.decode(Array(text.utf8), file: "c.json", agreements: [a]).cases[0]
        #expect(c.evaluations.first?.attainment == Fraction(9_999_000, 100_001))  // 99.99 × 100 / 100.001
    }

    @Test("A refused rating and a refused weight of the same area are both said, at once")
    func ratingAndWeightBothRefused() {
        let text = cases.replacingFirst(#""school": "80", "relationships""#, with: #""school": "180", "relationships""#)
            .replacingFirst(#""weights": {"school": "2"}"#, with: #""weights": {"school": "0"}"#)
        let places = caseDiagnostics(text, agreement: agreementText).map(\.place)
        #expect(places.contains("cases[0].evaluations[0].ratings.school") && places.contains("cases[0].evaluations[0].weights.school"),
                "\(places)")
    }

    @Test("Case refusals", arguments: [
        Refusal(name: "a rating over 100", replace: #""school": "80", "relationships""#, with: #""school": "180", "relationships""#, place: "cases[0].evaluations[0].ratings.school", message: "0 to 100"),
        Refusal(name: "an unknown goal area", replace: #""relationships": "70"}"#, with: #""relationships": "70", "sport": "50"}"#, place: "cases[0].evaluations[0].ratings.sport", message: "unknown field"),
        Refusal(name: "an evaluation outside the case", replace: #""date": "2026-06-30""#, with: #""date": "2025-06-30""#, place: "cases[0].evaluations[0].date", message: "outside the case"),
        Refusal(name: "a weight for an area not rated", replace: #""weights": {"school": "2"}"#, with: #""weights": {"therapy": "2"}"#, place: "cases[0].evaluations[0].weights.therapy", message: "not rated"),
        Refusal(name: "a weight of zero", replace: #""weights": {"school": "2"}"#, with: #""weights": {"school": "0"}"#, place: "cases[0].evaluations[0].weights.school", message: "above 0"),
        Refusal(name: "a rating with three decimals", replace: #""school": "80", "relationships""#, with: #""school": "80.125", "relationships""#, place: "cases[0].evaluations[0].ratings.school", message: "at most two decimals"),
        Refusal(name: "a weight of a trillion", replace: #""weights": {"school": "2"}"#, with: #""weights": {"school": "999999999999"}"#, place: "cases[0].evaluations[0].weights.school", message: "at most 100, with at most three decimals"),
        Refusal(name: "a weight of twelve decimals", replace: #""weights": {"school": "2"}"#, with: #""weights": {"school": "3.000000000007"}"#, place: "cases[0].evaluations[0].weights.school", message: "at most three decimals"),
        Refusal(name: "no ratings", replace: #""ratings": {"school": "80", "relationships": "70"}, "weights": {"school": "2"}"#, with: #""ratings": {}"#, place: "cases[0].evaluations[0].ratings", message: "at least one"),
        Refusal(name: "a questionnaire score over 100", replace: #""questionnaire": "82""#, with: #""questionnaire": "102""#, place: "cases[0].questionnaire", message: "outside 0–100"),
        Refusal(name: "a report due date that does not exist", replace: #""due": "2026-09-30""#, with: #""due": "2026-09-31""#, place: "cases[0].reports[1].due", message: "not a date that exists"),
    ])
    func caseRefusals(_ r: Refusal) throws {
        let text = cases.replacingFirst(r.replace, with: r.with)
        #expect(text != cases, "the test's replacement did not apply")
        let diagnostics = caseDiagnostics(text, agreement: agreementText)
        #expect(diagnostics.contains { $0.file == "cases.json" && $0.place == r.place && $0.message.description.contains(r.message) }, "\(diagnostics)")
    }

    @Test("Agreement refusals", arguments: [
        Refusal(name: "an unknown category", replace: #"{"category": "A", "bonusPercent""#, with: #"{"category": "D", "bonusPercent""#, place: "incentives.categories[0].category", message: "unknown category"),
        Refusal(name: "a bonus percentage over 100", replace: #""bonusPercent": "4""#, with: #""bonusPercent": "140""#, place: "incentives.categories[1].bonusPercent", message: "between 0 and 100"),
        Refusal(name: "a malus threshold above the bonus threshold", replace: #""bonusThreshold": "70""#, with: #""bonusThreshold": "30""#, place: "incentives.categories[2].malusThreshold", message: "above the bonus threshold"),
        Refusal(name: "an end bonus with three decimals", replace: #""endBonus": "300.00""#, with: #""endBonus": "300.001""#, place: "incentives.categories[1].endBonus", message: "more than two decimals"),
        Refusal(name: "a negative weight", replace: #""questionnaire": "15""#, with: #""questionnaire": "-15""#, place: "incentives.rankingWeights.questionnaire", message: "cannot be negative"),
        Refusal(name: "a category given twice", replace: #"{"category": "B", "bonusPercent""#, with: #"{"category": "A", "bonusPercent""#, place: "incentives.categories[1].category", message: "twice"),
        Refusal(name: "an unknown field", replace: #""reportGraceDays": 14"#, with: #""reportGraceDays": 14, "bonusForAll": true"#, place: "incentives.bonusForAll", message: "unknown field"),
    ])
    func agreementRefusals(_ r: Refusal) {
        let text = agreementText.replacingFirst(r.replace, with: r.with)
        #expect(text != agreementText, "the test's replacement did not apply")
        let diagnostics = agreementDiagnostics(text)
        #expect(diagnostics.contains { $0.place == r.place && $0.message.description.contains(r.message) }, "\(diagnostics)")
    }
}

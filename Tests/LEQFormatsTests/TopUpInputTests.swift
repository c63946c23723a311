import Testing
import LEQCore
@testable import LEQFormats

/// Two cases with top-ups under the daily agreement: SPEC E3 (daily, a tariff change, an illness,
/// a recorded end) and an hourly one. Each refusal breaks one thing.
let topUpCases = #"""
{
  "format": "leq-cases/1",
  "cases": [
    {"id": "Z-1", "person": "P-1", "provider": "tsd", "service": "heim", "start": "2026-01-01",
     "categories": [{"category": "B", "from": "2026-01-01"}],
     "topUps": [{"from": "2026-01-01", "to": "2027-12-31", "mode": "daily", "staff": "dedicated",
                 "annualCost": "61234.56", "positionShare": "0.25",
                 "tariffChanges": [{"from": "2026-04-01", "annualCost": "63071.60"}],
                 "staffStart": "2026-01-12", "proofReceived": "2026-03-03", "bettengeld": true,
                 "staffIllness": [{"from": "2026-05-04", "to": "2026-06-30", "substituteFrom": "2026-06-01"}],
                 "end": {"lastDay": "2027-06-30", "reason": "serviceChange"}}]},
    {"id": "Z-2", "person": "P-2", "provider": "tsd", "service": "heim", "start": "2026-01-01",
     "categories": [{"category": "B", "from": "2026-01-01"}],
     "topUps": [{"from": "2026-01-01", "to": "2026-12-31", "mode": "hourly", "staff": "increasedHours", "hourlyRate": "41.50",
                 "staffStart": "2026-01-01",
                 "delivered": [{"month": "2026-01", "hours": "18"}, {"month": "2026-02", "hours": "14.5"}]}]}
  ]
}
"""#

@Suite("Top-up approvals in the case file (SPEC §§ 11, 19)")
struct TopUpInputTests {
    @Test func validApprovalsAreRead() throws {
        #expect(dailyCaseDiagnostics(topUpCases).isEmpty, "\(dailyCaseDiagnostics(topUpCases))")
        let a = try AgreementFile.decode(Array(dailyAgreement.utf8), file: "a.json")
        let cases = try CaseFile.decode(Array(topUpCases.utf8), file: "c.json", agreements: [a]).cases
        let e3 = try #require(cases[0].topUps.first)
        #expect(e3.tariffs.map(\.annualCost) == [Money(decimal: "61234.56")!, Money(decimal: "63071.60")!])
        #expect(e3.tariffs.map(\.positionShare) == [ExactDecimal("0.25")!, ExactDecimal("0.25")!])  // kept from the first
        #expect(e3.tariffs[0].dailyTopUp(.halfAwayFromZero) == Money(decimal: "41.94")!)
        #expect(e3.proofReceived == CivilDate(iso: "2026-03-03") && e3.bettengeld)
        #expect(e3.staffIllnesses == [StaffIllness(from: CivilDate(iso: "2026-05-04")!, to: CivilDate(iso: "2026-06-30"),
                                                   substituteFrom: CivilDate(iso: "2026-06-01"))])
        #expect(e3.end == TopUpEnd(lastDay: CivilDate(iso: "2027-06-30")!, reason: .serviceChange))
        let hourly = try #require(cases[1].topUps.first)
        #expect(hourly.mode == .hourly && hourly.tariffs.map(\.hourlyRate) == [Money(decimal: "41.50")!])
        #expect(hourly.delivered.map(\.quarterHours) == [72, 58])
    }

    @Test("Two years exactly are accepted, as § 188 BGB counts them; from 29 February to 28 February")
    func twoYears() {
        #expect(TopUpApproval.longestEnd(from: CivilDate(iso: "2026-01-01")!) == CivilDate(iso: "2027-12-31"))
        #expect(TopUpApproval.longestEnd(from: CivilDate(iso: "2026-03-15")!) == CivilDate(iso: "2028-03-14"))
        #expect(TopUpApproval.longestEnd(from: CivilDate(iso: "2028-02-29")!) == CivilDate(iso: "2030-02-28"))
    }

    @Test("Refusals", arguments: [
        Refusal(name: "an approval longer than two years", replace: #""to": "2027-12-31""#, with: #""to": "2028-01-01""#, place: "cases[0].topUps[0].to", message: "at most two years"),
        Refusal(name: "an approval ending before it starts", replace: #""to": "2027-12-31""#, with: #""to": "2025-12-31""#, place: "cases[0].topUps[0].to", message: "before it starts"),
        Refusal(name: "an approval starting before the case", replace: #""from": "2026-01-01", "to": "2027-12-31""#, with: #""from": "2025-12-01", "to": "2027-11-30""#, place: "cases[0].topUps[0].from", message: "outside the case"),
        Refusal(name: "a position share over 1", replace: #""positionShare": "0.25""#, with: #""positionShare": "1.25""#, place: "cases[0].topUps[0].positionShare", message: "outside 0–1"),
        Refusal(name: "a position share of 0", replace: #""positionShare": "0.25""#, with: #""positionShare": "0""#, place: "cases[0].topUps[0].positionShare", message: "outside 0–1"),
        Refusal(name: "a negative annual cost", replace: #""annualCost": "61234.56""#, with: #""annualCost": "-61234.56""#, place: "cases[0].topUps[0].annualCost", message: "negative"),
        Refusal(name: "an annual cost with more than two decimals", replace: #""annualCost": "61234.56""#, with: #""annualCost": "61234.567""#, place: "cases[0].topUps[0].annualCost", message: "more than two decimals"),
        Refusal(name: "a daily top-up without its cost", replace: #""annualCost": "61234.56", "#, with: "", place: "cases[0].topUps[0]", message: "missing required field 'annualCost'"),
        Refusal(name: "an hourly rate on a daily top-up", replace: #""positionShare": "0.25","#, with: #""positionShare": "0.25", "hourlyRate": "40.00","#, place: "cases[0].topUps[0].hourlyRate", message: "mode\": \"hourly"),
        Refusal(name: "an annual cost on an hourly top-up", replace: #""hourlyRate": "41.50","#, with: #""hourlyRate": "41.50", "annualCost": "50000.00","#, place: "cases[1].topUps[0].annualCost", message: "mode\": \"daily"),
        Refusal(name: "an unknown mode", replace: #""mode": "daily""#, with: #""mode": "weekly""#, place: "cases[0].topUps[0].mode", message: "'weekly' is not known"),
        Refusal(name: "an unknown staff kind", replace: #""staff": "dedicated""#, with: #""staff": "intern""#, place: "cases[0].topUps[0].staff", message: "volunteerService"),
        Refusal(name: "staff starting after the approval", replace: #""staffStart": "2026-01-12""#, with: #""staffStart": "2028-01-12""#, place: "cases[0].topUps[0].staffStart", message: "after the approval ends"),
        Refusal(name: "a proof date that does not exist", replace: #""proofReceived": "2026-03-03""#, with: #""proofReceived": "2026-02-30""#, place: "cases[0].topUps[0].proofReceived", message: "not a date that exists"),
        Refusal(name: "tariff changes out of order", replace: #"[{"from": "2026-04-01", "annualCost": "63071.60"}]"#, with: #"[{"from": "2026-04-01", "annualCost": "63071.60"}, {"from": "2026-03-01", "annualCost": "64000.00"}]"#, place: "cases[0].topUps[0].tariffChanges[1].from", message: "in order"),
        Refusal(name: "a tariff change after the approval", replace: #""from": "2026-04-01", "annualCost""#, with: #""from": "2028-04-01", "annualCost""#, place: "cases[0].topUps[0].tariffChanges[0].from", message: "after the approval ends"),
        Refusal(name: "overlapping staff illnesses", replace: #"[{"from": "2026-05-04", "to": "2026-06-30", "substituteFrom": "2026-06-01"}]"#, with: #"[{"from": "2026-05-04", "to": "2026-06-30"}, {"from": "2026-06-15"}]"#, place: "cases[0].topUps[0].staffIllness[1].from", message: "illnesses overlap"),
        Refusal(name: "a substitute before the illness", replace: #""substituteFrom": "2026-06-01""#, with: #""substituteFrom": "2026-04-01""#, place: "cases[0].topUps[0].staffIllness[0].substituteFrom", message: "before the illness"),
        Refusal(name: "an end the engine finds itself", replace: #""reason": "serviceChange""#, with: #""reason": "approvalExpired""#, place: "cases[0].topUps[0].end.reason", message: "follows from the data"),
        Refusal(name: "an end outside the approval", replace: #""lastDay": "2027-06-30""#, with: #""lastDay": "2028-06-30""#, place: "cases[0].topUps[0].end.lastDay", message: "outside the approval"),
        Refusal(name: "hours delivered outside the approval", replace: #"{"month": "2026-02", "hours": "14.5"}"#, with: #"{"month": "2027-02", "hours": "14.5"}"#, place: "cases[1].topUps[0].delivered[1].month", message: "outside the approval"),
        Refusal(name: "hours not in quarter hours", replace: #""hours": "14.5""#, with: #""hours": "14.3""#, place: "cases[1].topUps[0].delivered[1].hours", message: "quarter hours"),
        Refusal(name: "hours on a daily top-up", replace: #""bettengeld": true,"#, with: #""bettengeld": true, "delivered": [{"month": "2026-01", "hours": "3"}],"#, place: "cases[0].topUps[0].delivered[0]", message: "hourly mode only"),
        Refusal(name: "overlapping approvals", replace: #"{"month": "2026-02", "hours": "14.5"}]}"#, with: #"{"month": "2026-02", "hours": "14.5"}]}, {"from": "2026-06-01", "to": "2026-12-31", "staff": "dedicated", "annualCost": "1.00", "positionShare": "1", "staffStart": "2026-06-01"}"#, place: "cases[1].topUps[1]", message: "approvals overlap"),
        Refusal(name: "an unknown field", replace: #""bettengeld": true"#, with: #""bettengeld": true, "bedMoney": true"#, place: "cases[0].topUps[0].bedMoney", message: "unknown field"),
    ])
    func refusals(_ r: Refusal) {
        let text = topUpCases.replacingFirst(r.replace, with: r.with)
        #expect(text != topUpCases, "the test's replacement did not apply")
        let diagnostics = dailyCaseDiagnostics(text)
        #expect(diagnostics.contains { $0.file == "cases.json" && $0.place == r.place && $0.message.description.contains(r.message) },
                "\(diagnostics)")
    }

    @Test("Bettengeld needs absence rules in the agreement to reduce by")
    func bettengeldWithoutRules() {
        let agreement = dailyAgreement.replacingFirst(#""absences": {"yearlyCapDays": 28, "rules": [{"graceDays": 3, "reducedFrom": "firstDay", "percent": "80"}]},"#, with: "")
        #expect(agreement != dailyAgreement)
        let diagnostics = caseDiagnostics(topUpCases, agreement: agreement)
        #expect(diagnostics.map(\.place) == ["cases[0].topUps[0].bettengeld"], "\(diagnostics)")
    }

    @Test("Every error in the approvals at once")
    func allAtOnce() {
        let text = topUpCases.replacingFirst(#""to": "2027-12-31""#, with: #""to": "2028-01-01""#)
            .replacingFirst(#""positionShare": "0.25""#, with: #""positionShare": "2""#)
            .replacingFirst(#""hours": "14.5""#, with: #""hours": "14.3""#)
        #expect(dailyCaseDiagnostics(text).map(\.place) == [
            "cases[0].topUps[0].to", "cases[0].topUps[0].positionShare", "cases[1].topUps[0].delivered[1].hours",
        ])
    }
}

let personnelCost = #"""
{
  "format": "leq-personnel-cost/1",
  "name": "HEP",
  "positionShare": "0.25",
  "parts": [
    {"kind": "monthlyGross", "amount": "3720.00"},
    {"kind": "annualSpecialPayment", "amount": "3071.29"},
    {"kind": "shiftAllowance", "monthly": "50.00", "inCareTimes": true},
    {"kind": "employerContribution", "name": "SV", "percent": "20.55"}
  ]
}
"""#

private func costDiagnostics(_ text: String) -> [Diagnostic] {
    do {
        _ = try PersonnelCostFile.decode(Array(text.utf8), file: "cost.json")
        return []
    } catch { return error.diagnostics }
}

@Suite("Personnel cost calculations in files (seed 003 no. 6)")
struct PersonnelCostInputTests {
    @Test func validCalculationIsRead() throws {
        let c = try PersonnelCostFile.decode(Array(personnelCost.utf8), file: "cost.json")
        #expect(c.cost.monthlyGross == Money(decimal: "3720.00") && c.cost.allowances.map(\.annual) == [Money(decimal: "600.00")!])
        #expect(c.positionShare == ExactDecimal("0.25") && c.rounding == .halfAwayFromZero)
    }

    @Test("Each part already in the regular rate is refused by name", arguments: ExcludedCost.allCases)
    func excluded(_ part: ExcludedCost) {
        let text = personnelCost.replacingFirst(#"{"kind": "monthlyGross", "amount": "3720.00"},"#,
                                                with: #"{"kind": "monthlyGross", "amount": "3720.00"}, {"kind": "\#(part.rawValue)", "amount": "100.00"},"#)
        let diagnostics = costDiagnostics(text)
        #expect(diagnostics.map(\.place) == ["parts[1].kind"], "\(diagnostics)")
        #expect(diagnostics.first?.message.description.contains(part.german) == true && diagnostics.first?.message.description.contains("regular rate") == true)
    }

    @Test("All excluded parts at once, and the other mistakes with them")
    func allAtOnce() {
        let text = personnelCost.replacingFirst(#"{"kind": "monthlyGross", "amount": "3720.00"},"#,
                                                with: #"{"kind": "overhead", "amount": "1.00"}, {"kind": "sicknessCover", "percent": "3"}, {"kind": "bonus"},"#)
            .replacingFirst(#""monthly": "50.00", "inCareTimes": true"#, with: #""monthly": "50.00""#)
            .replacingFirst(#""percent": "20.55""#, with: #""percent": "120""#)
        #expect(costDiagnostics(text).map(\.place) == ["parts[0].kind", "parts[1].kind", "parts[2].kind", "parts[4]", "parts[5].percent", "parts"],
                "\(costDiagnostics(text))")
    }

    @Test("An allowance names either a monthly or an annual amount")
    func allowanceAmount() {
        let text = personnelCost.replacingFirst(#""monthly": "50.00""#, with: #""monthly": "50.00", "annual": "600.00""#)
        #expect(costDiagnostics(text).map(\.place) == ["parts[2]"])
    }
}

import Foundation
import Testing
import LEQCore
@testable import LEQFormats

/// An agreement with a daily, an hourly and a budget service; each refusal breaks one thing.
let dailyAgreement = #"""
{
  "format": "leq-agreement/1",
  "id": "d-2026",
  "validFrom": "2026-01-01",
  "youthOffice": {"name": "Jugendamt", "address": ["Markt 1"]},
  "provider": {"id": "tsd", "name": "Träger", "address": ["Weg 1"], "taxNumber": "1", "creditorNumber": "2", "leitwegId": "3"},
  "categories": ["A", "B"],
  "services": [
    {"id": "heim", "name": "Heimerziehung", "legalBasis": "§ 34 SGB VIII", "setting": "stationär", "pay": "daily"},
    {"id": "spfh", "name": "SPFH", "legalBasis": "§ 31 SGB VIII", "setting": "ambulant", "pay": "hourly"},
    {"id": "fb", "name": "Fallbudget", "legalBasis": "§ 27 SGB VIII", "setting": "ambulant", "pay": "budget"},
    {"id": "flex", "name": "Flexible Hilfe", "legalBasis": "§ 27 SGB VIII", "setting": "ambulant",
     "proration": {"divisor": "30.42"}, "degression": [{"fromCaseMonth": 7, "percent": "90"}]}
  ],
  "flatRates": [{"service": "flex", "category": "B", "from": "2026-01-01", "amount": "1960.00"}],
  "dailyRates": [{"service": "heim", "from": "2026-01-01", "amount": "178.43"}],
  "hourlyRates": [{"service": "spfh", "from": "2026-01-01", "amount": "62.50"}],
  "absences": {"yearlyCapDays": 28, "rules": [{"graceDays": 3, "reducedFrom": "firstDay", "percent": "80"}]},
  "budgets": {"mode": "installments", "savingsSharePercent": "50"},
  "bearers": [{"id": "kommune", "name": "Kommune"}]
}
"""#

let dailyCases = #"""
{
  "format": "leq-cases/1",
  "cases": [
    {"id": "R-1", "person": "P-1", "provider": "tsd", "service": "heim", "start": "2026-01-01", "end": "2026-06-30", "endReason": "planned",
     "categories": [{"category": "B", "from": "2026-01-01"}],
     "absences": [{"from": "2026-03-05", "to": "2026-03-20", "reason": "hospital"}, {"from": "2026-04-01", "to": "2026-04-03", "reason": "holiday"}]},
    {"id": "S-1", "person": "P-2", "provider": "tsd", "service": "spfh", "start": "2026-01-01",
     "hours": {"approvals": [{"from": "2026-01-01", "to": "2026-03-31", "hours": "72"}],
               "delivered": [{"month": "2026-01", "hours": "30"}, {"month": "2026-02", "hours": "28.5"}]}},
    {"id": "F-1", "person": "P-3", "provider": "tsd", "service": "fb", "start": "2026-02-10", "end": "2026-07-31", "endReason": "planned",
     "budgets": [{"from": "2026-02-10", "to": "2026-07-31", "amount": "9000.00"}]}
  ]
}
"""#

func dailyCaseDiagnostics(_ text: String) -> [Diagnostic] { caseDiagnostics(text, agreement: dailyAgreement) }

@Suite("Daily rates, absences, hours and budgets in the files (SPEC §§ 7–9, 19)")
struct DailyHoursBudgetInputTests {
    @Test func validFilesAreAccepted() throws {
        #expect(agreementDiagnostics(dailyAgreement).isEmpty, "\(agreementDiagnostics(dailyAgreement))")
        #expect(dailyCaseDiagnostics(dailyCases).isEmpty, "\(dailyCaseDiagnostics(dailyCases))")
        let a = try AgreementFile.decode(Array(dailyAgreement.utf8), file: "a.json")
        #expect(a.service("flex")?.proration == .divisor(ExactDecimal("30.42")!))
        #expect(a.service("flex")?.degression == [DegressionStep(fromCaseMonth: 7, percent: ExactDecimal("90")!)])
        #expect(a.absenceRules?.yearlyCapDays == 28 && a.budgetTerms.savingsSharePercent == ExactDecimal("50"))
        let cases = try CaseFile.decode(Array(dailyCases.utf8), file: "c.json", agreements: [a]).cases
        #expect(cases[0].absences.count == 2)
        #expect(cases[1].hours.delivered.map(\.quarterHours) == [120, 114])
        #expect(cases[2].budgets[0].amount == Money(decimal: "9000.00")!)
    }

    @Test("Case refusals", arguments: [
        Refusal(name: "overlapping absences", replace: #""from": "2026-04-01", "to": "2026-04-03""#, with: #""from": "2026-03-20", "to": "2026-04-03""#, place: "cases[0].absences[1].from", message: "absences overlap"),
        Refusal(name: "an absence outside its case", replace: #""from": "2026-04-01", "to": "2026-04-03""#, with: #""from": "2026-06-28", "to": "2026-07-03""#, place: "cases[0].absences[1]", message: "outside the case"),
        Refusal(name: "an absence ending before it starts", replace: #""from": "2026-04-01", "to": "2026-04-03""#, with: #""from": "2026-04-05", "to": "2026-04-03""#, place: "cases[0].absences[1].to", message: "before it starts"),
        Refusal(name: "hours not in quarter hours", replace: #""hours": "28.5""#, with: #""hours": "28.3""#, place: "cases[1].hours.delivered[1].hours", message: "quarter hours"),
        Refusal(name: "a key given twice deep in a case", replace: #"{"month": "2026-02", "hours": "28.5"}"#,
                with: #"{"month": "2026-02", "hours": "28.5", "month": "2026-03"}"#, place: "cases[1].hours.delivered[1].month", message: "more than once"),
        Refusal(name: "more hours than can be counted", replace: #""hours": "28.5""#, with: #""hours": "3000000000000000000""#, place: "cases[1].hours.delivered[1].hours", message: "too many hours"),
        Refusal(name: "negative hours", replace: #""hours": "28.5""#, with: #""hours": "-2""#, place: "cases[1].hours.delivered[1].hours", message: "cannot be negative"),
        Refusal(name: "hours outside any approval", replace: #""month": "2026-02""#, with: #""month": "2026-05""#, place: "cases[1].hours.delivered[1].month", message: "outside any approval"),
        Refusal(name: "hours for a month given twice", replace: #""month": "2026-02""#, with: #""month": "2026-01""#, place: "cases[1].hours.delivered[1].month", message: "listed twice"),
        Refusal(name: "overlapping approvals", replace: #"[{"from": "2026-01-01", "to": "2026-03-31", "hours": "72"}]"#, with: #"[{"from": "2026-01-01", "to": "2026-03-31", "hours": "72"}, {"from": "2026-03-01", "to": "2026-06-30", "hours": "10"}]"#, place: "cases[1].hours.approvals[1]", message: "approvals overlap"),
        Refusal(name: "a budget period outside its case", replace: #""from": "2026-02-10", "to": "2026-07-31", "amount""#, with: #""from": "2026-02-01", "to": "2026-07-31", "amount""#, place: "cases[2].budgets[0]", message: "outside the case"),
        Refusal(name: "a budget with more than two decimals", replace: #""amount": "9000.00""#, with: #""amount": "9000.005""#, place: "cases[2].budgets[0].amount", message: "more than two decimals"),
        Refusal(name: "a drawdown budget on a budget-only service", replace: #""amount": "9000.00"}"#, with: #""amount": "9000.00", "mode": "drawdown"}"#, place: "cases[2].budgets[0]", message: "paid by budget only"),
        Refusal(name: "a budget-only service without a budget", replace: #""budgets": [{"from": "2026-02-10", "to": "2026-07-31", "amount": "9000.00"}]"#, with: #""flags": []"#, place: "cases[2].budgets", message: "has none"),
        Refusal(name: "hours on a service not paid by the hour", replace: #""service": "spfh""#, with: #""service": "heim""#, place: "cases[1].hours", message: "not by specialist hours"),
        Refusal(name: "an unknown budget mode", replace: #""amount": "9000.00"}"#, with: #""amount": "9000.00", "mode": "monthly"}"#, place: "cases[2].budgets[0].mode", message: "'monthly' is not known"),
        Refusal(name: "more hours in a month than it has", replace: #""hours": "28.5""#, with: #""hours": "744.25""#, place: "cases[1].hours.delivered[1].hours", message: "744.25 hours in one month; a month has at most 744"),
        Refusal(name: "a budget above what LEQ takes as an amount", replace: #""amount": "9000.00""#, with: #""amount": "10000000.01""#, place: "cases[2].budgets[0].amount", message: "'10000000.01' is more than LEQ takes as an amount (at most 10000000.00)"),
    ])
    func caseRefusals(_ r: Refusal) {
        let text = dailyCases.replacingFirst(r.replace, with: r.with)
        #expect(text != dailyCases, "the test's replacement did not apply")
        let diagnostics = dailyCaseDiagnostics(text)
        #expect(diagnostics.contains { $0.file == "cases.json" && $0.place == r.place && $0.message.description.contains(r.message) },
                "\(diagnostics)")
    }

    @Test("The most a file may give: 744 hours in a month, 10,000,000.00 as an amount; a year settles with them")
    func largestValuesAccepted() throws {
        let text = dailyCases.replacingFirst(#""hours": "28.5""#, with: #""hours": "744""#).replacingFirst(#""hours": "72""#, with: #""hours": "100000""#)
            .replacingFirst(#""amount": "9000.00""#, with: #""amount": "10000000.00""#)
        #expect(dailyCaseDiagnostics(text).isEmpty)
        let agreement = try AgreementFile.decode(Array(dailyAgreement.utf8), file: "agreement.json")
        let cases = try CaseFile.decode(Array(text.utf8), file: "cases.json", agreements: [agreement]).cases
        #expect(cases[1].hours.delivered.map(\.quarterHours) == [120, 2976])
        #expect(cases[2].budgets.map(\.amount) == [Money.largestInput])
        var month = Month(year: 2026, month: 1)!
        var ledgers: [String: IncentiveLedger]?
        for _ in 1...12 {
            let run = Settlement.run(agreements: [agreement], caseload: Caseload(cases), month: month, issued: month.lastDay.next, ledgers: ledgers)
            ledgers = run.ledgers
            #expect(run.statements.allSatisfy { $0.invariantViolations().isEmpty })
            month = month.next
        }
    }

    @Test("Delivered hours written in other plain ways read the same: keys the other way round, hours as a number, months out of order")
    func deliveredWrittenOtherwise() throws {
        let a = try AgreementFile.decode(Array(dailyAgreement.utf8), file: "agreement.json")
        let text = dailyCases.replacingFirst(#"[{"month": "2026-01", "hours": "30"}, {"month": "2026-02", "hours": "28.5"}]"#,
                                             with: #"[{"month": "2026-02", "hours": 28.5}, {"hours": "30", "month": "2026-01"}]"#)
        #expect(text != dailyCases)
        #expect(dailyCaseDiagnostics(text).isEmpty, "\(dailyCaseDiagnostics(text))")
        let cases = try CaseFile.decode(Array(text.utf8), file: "c.json", agreements: [a]).cases
        #expect(cases[1].hours.delivered.map(\.quarterHours) == [120, 114])
        #expect(cases[1].hours.delivered.map(\.month.iso) == ["2026-01", "2026-02"])
    }

    @Test("An absence reason without a rule, when there is no default rule")
    func absenceWithoutRule() {
        let agreement = dailyAgreement.replacingFirst(#"[{"graceDays": 3"#, with: #"[{"reason": "hospital", "graceDays": 3"#)
        let text = dailyCases
        let a = try! AgreementFile.decode(Array(agreement.utf8), file: "agreement.json")
        do {
            _ = try CaseFile.decode(Array(text.utf8), file: "cases.json", agreements: [a])
            Issue.record("accepted")
        } catch {
            #expect(error.diagnostics.map(\.place) == ["cases[0].absences[1].reason"], "\(error.diagnostics)")
        }
    }

    @Test("Agreement refusals", arguments: [
        Refusal(name: "a daily rate for a service paid monthly", replace: #"{"service": "heim", "from""#, with: #"{"service": "flex", "from""#, place: "dailyRates[0].service", message: "paid monthly, not daily"),
        Refusal(name: "a daily service without daily rates", replace: #""dailyRates": [{"service": "heim", "from": "2026-01-01", "amount": "178.43"}],"#, with: "", place: "services[0].pay", message: "no dailyRates"),
        Refusal(name: "a flat rate for a service paid daily", replace: #"[{"service": "flex", "category": "B""#, with: #"[{"service": "heim", "category": "B""#, place: "flatRates[0].service", message: "paid daily"),
        Refusal(name: "an unknown way to pay", replace: #""pay": "hourly""#, with: #""pay": "weekly""#, place: "services[1].pay", message: "'weekly' is not known"),
        Refusal(name: "an absence percentage over 100", replace: #""percent": "80""#, with: #""percent": "180""#, place: "absences.rules[0].percent", message: "between 0 and 100"),
        Refusal(name: "an unknown reducedFrom", replace: #""reducedFrom": "firstDay""#, with: #""reducedFrom": "lastDay""#, place: "absences.rules[0].reducedFrom", message: "'lastDay' is not known"),
        Refusal(name: "two default absence rules", replace: #""percent": "80"}]"#, with: #""percent": "80"}, {"graceDays": 0, "reducedFrom": "firstDay", "percent": "100"}]"#, place: "absences.rules[1]", message: "second default rule"),
        Refusal(name: "a divisor that is not a month", replace: #""divisor": "30.42""#, with: #""divisor": "3.042""#, place: "services[3].proration.divisor", message: "between 28 and 31"),
        Refusal(name: "degression steps out of order", replace: #"[{"fromCaseMonth": 7, "percent": "90"}]"#, with: #"[{"fromCaseMonth": 7, "percent": "90"}, {"fromCaseMonth": 4, "percent": "95"}]"#, place: "services[3].degression[1].fromCaseMonth", message: "ascending"),
        Refusal(name: "a daily rate with more than two decimals", replace: #""amount": "178.43""#, with: #""amount": "178.431""#, place: "dailyRates[0].amount", message: "more than two decimals"),
        Refusal(name: "two daily rates from the same day", replace: #"[{"service": "heim", "from": "2026-01-01", "amount": "178.43"}]"#, with: #"[{"service": "heim", "from": "2026-01-01", "amount": "178.43"}, {"service": "heim", "from": "2026-01-01", "amount": "180.00"}]"#, place: "dailyRates[1]", message: "a second rate"),
    ])
    func agreementRefusals(_ r: Refusal) {
        let text = dailyAgreement.replacingFirst(r.replace, with: r.with)
        #expect(text != dailyAgreement, "the test's replacement did not apply")
        let diagnostics = agreementDiagnostics(text)
        #expect(diagnostics.contains { $0.place == r.place && $0.message.description.contains(r.message) }, "\(diagnostics)")
    }
}

import Foundation
import Testing
import LEQCore
@testable import LEQFormats

/// A valid agreement; each refusal test breaks one thing in it.
let validAgreement = #"""
{
  "format": "leq-agreement/1",
  "id": "t-2026",
  "validFrom": "2026-01-01",
  "validTo": "2027-12-31",
  "youthOffice": {"name": "Jugendamt", "address": ["Markt 1"]},
  "provider": {"id": "tsd", "name": "Träger", "address": ["Weg 1"], "taxNumber": "1", "creditorNumber": "2", "leitwegId": "3"},
  "categories": ["A", "B", "C"],
  "services": [{"id": "flex", "name": "Flexible Hilfe", "legalBasis": "§ 27 SGB VIII", "setting": "ambulant"}],
  "flatRates": [
    {"service": "flex", "category": "B", "from": "2026-01-01", "amount": "1960.00"},
    {"service": "flex", "category": "C", "from": "2026-03-01", "amount": "2870.00"}
  ],
  "increases": [{"from": "2027-01-01", "percent": "2.35"}],
  "clearing": {"fee": [{"from": "2026-01-01", "amount": "1450.00"}], "extensionWeekly": [{"from": "2026-01-01", "amount": "245.00"}]},
  "bearers": [{"id": "kommune", "name": "Kommune"}, {"id": "land", "name": "Land"}],
  "bearerRules": [{"settings": ["ambulant"], "flags": ["avoidsResidential"], "shares": {"kommune": "0.5", "land": "0.5"}}]
}
"""#

let validCases = #"""
{
  "format": "leq-cases/1",
  "cases": [
    {"id": "H-1", "person": "P-1", "provider": "tsd", "service": "flex", "start": "2026-03-10",
     "categories": [{"category": "B", "from": "2026-03-10"}]},
    {"id": "H-2", "person": "P-2", "provider": "tsd", "service": "flex", "start": "2026-02-02",
     "clearing": {"from": "2026-02-02", "to": "2026-03-10", "category": "C"}}
  ]
}
"""#

struct Refusal: Sendable, CustomTestStringConvertible {
    var name: String
    var replace: String
    var with: String
    /// The JSON path the error must name, and a part of its message.
    var place: String
    var message: String
    var testDescription: String { name }
}

func agreementDiagnostics(_ text: String) -> [Diagnostic] {
    do {
        _ = try AgreementFile.decode(Array(text.utf8), file: "agreement.json")
        return []
    } catch { return error.diagnostics }
}

func caseDiagnostics(_ text: String, agreement: String = validAgreement) -> [Diagnostic] {
    let a = try! AgreementFile.decode(Array(agreement.utf8), file: "agreement.json")
    do {
        _ = try CaseFile.decode(Array(text.utf8), file: "cases.json", agreements: [a])
        return []
    } catch { return error.diagnostics }
}

@Suite("Bad input is refused with file and place (SPEC § 19)")
struct InputRefusalTests {
    @Test func validFilesAreAccepted() throws {
        #expect(agreementDiagnostics(validAgreement).isEmpty)
        #expect(caseDiagnostics(validCases).isEmpty)
    }

    @Test("Agreement refusals", arguments: [
        Refusal(name: "wrong format", replace: #""leq-agreement/1""#, with: #""leq-cases/1""#, place: "format", message: "not an agreement file"),
        Refusal(name: "money with three decimals", replace: #""1960.00""#, with: #""1960.005""#, place: "flatRates[0].amount", message: "more than two decimals"),
        Refusal(name: "negative amount", replace: #""1960.00""#, with: #""-1960.00""#, place: "flatRates[0].amount", message: "negative"),
        Refusal(name: "an amount above what LEQ takes", replace: #""1960.00""#, with: #""10000000.01""#, place: "flatRates[0].amount", message: "'10000000.01' is more than LEQ takes as an amount (at most 10000000.00)"),
        Refusal(name: "an increase above 100 %", replace: #""percent": "2.35""#, with: #""percent": "100.01""#, place: "increases[0].percent", message: "an increase of 100.01 % is more than LEQ takes"),
        Refusal(name: "increases that together raise a rate above what LEQ takes", replace: #""increases": [{"from": "2027-01-01", "percent": "2.35"}]"#,
                with: #""increases": [{"from": "2027-01-01", "percent": "100"}, {"from": "2027-02-01", "percent": "100"}, {"from": "2027-03-01", "percent": "100"}, {"from": "2027-04-01", "percent": "100"}, {"from": "2027-05-01", "percent": "100"}, {"from": "2027-06-01", "percent": "100"}, {"from": "2027-07-01", "percent": "100"}, {"from": "2027-08-01", "percent": "100"}, {"from": "2027-09-01", "percent": "100"}, {"from": "2027-10-01", "percent": "100"}, {"from": "2027-11-01", "percent": "100"}, {"from": "2027-12-01", "percent": "100"}, {"from": "2028-01-01", "percent": "100"}]"#, place: "increases[11].percent", message: "the increases up to here raise the largest rate (2870.00) above what LEQ takes as an amount (at most 10000000.00)"),
        Refusal(name: "amount as a JSON number", replace: #""1960.00""#, with: "1960.00", place: "flatRates[0].amount", message: "written as strings"),
        Refusal(name: "a date that does not exist", replace: #""from": "2026-03-01""#, with: #""from": "2026-02-30""#, place: "flatRates[1].from", message: "not a date that exists"),
        Refusal(name: "unknown service in a rate", replace: #"{"service": "flex", "category": "C""#, with: #"{"service": "flux", "category": "C""#, place: "flatRates[1].service", message: "unknown service 'flux'"),
        Refusal(name: "unknown category in a rate", replace: #""category": "C", "from""#, with: #""category": "D", "from""#, place: "flatRates[1].category", message: "unknown category 'D'"),
        Refusal(name: "two rates for the same service, category and day", replace: #""category": "C", "from": "2026-03-01""#, with: #""category": "B", "from": "2026-01-01""#, place: "flatRates[1]", message: "a second rate"),
        Refusal(name: "validity ending before it starts", replace: #""validTo": "2027-12-31""#, with: #""validTo": "2025-12-31""#, place: "validTo", message: "before it starts"),
        Refusal(name: "validity not starting on the first of a month", replace: #""validFrom": "2026-01-01""#, with: #""validFrom": "2026-01-02""#, place: "validFrom", message: "first day of a month"),
        Refusal(name: "shares not adding up to 1", replace: #""land": "0.5""#, with: #""land": "0.4""#, place: "bearerRules[0].shares", message: "must add up to 1"),
        Refusal(name: "share of an unknown bearer", replace: #""land": "0.5""#, with: #""bund": "0.5""#, place: "bearerRules[0].shares.bund", message: "unknown field 'bund'"),
        Refusal(name: "unknown setting", replace: #""setting": "ambulant""#, with: #""setting": "mobil""#, place: "services[0].setting", message: "'mobil' is not known"),
        Refusal(name: "unknown field", replace: #""increases""#, with: #""increasess""#, place: "increasess", message: "unknown field 'increasess'"),
        Refusal(name: "missing provider", replace: #""provider": {"id": "tsd", "name": "Träger", "address": ["Weg 1"], "taxNumber": "1", "creditorNumber": "2", "leitwegId": "3"},"#, with: "", place: "provider", message: "missing required field 'provider'"),
        Refusal(name: "missing tax number", replace: #""taxNumber": "1", "#, with: "", place: "provider", message: "missing required field 'taxNumber'"),
        Refusal(name: "percent not a decimal", replace: #""percent": "2.35""#, with: #""percent": "2,35""#, place: "increases[0].percent", message: "not a decimal number"),
        Refusal(name: "unknown rounding", replace: #""categories""#, with: #""rounding": "up", "categories""#, place: "rounding", message: "'up' is not known"),
        Refusal(name: "duplicate key", replace: #""id": "t-2026","#, with: #""id": "t-2026", "id": "t-2027","#, place: "id", message: "more than once"),
        Refusal(name: "IBAN with wrong check digits", replace: #""leitwegId": "3"}"#, with: #""leitwegId": "3", "bank": {"iban": "DE88 3704 0044 0532 0130 00", "accountHolder": "Träger"}}"#, place: "provider.bank.iban", message: "check digits do not match"),
        Refusal(name: "IBAN with two digits swapped", replace: #""leitwegId": "3"}"#, with: #""leitwegId": "3", "bank": {"iban": "DE89 3704 0044 0532 0310 00", "accountHolder": "Träger"}}"#, place: "provider.bank.iban", message: "check digits do not match"),
        Refusal(name: "German IBAN of the wrong length", replace: #""leitwegId": "3"}"#, with: #""leitwegId": "3", "bank": {"iban": "DE89 3704 0044 0532 0130 0", "accountHolder": "Träger"}}"#, place: "provider.bank.iban", message: "an IBAN of DE has 22"),
        Refusal(name: "not an IBAN at all", replace: #""leitwegId": "3"}"#, with: #""leitwegId": "3", "bank": {"iban": "3704 0044 0532 0130 00", "accountHolder": "Träger"}}"#, place: "provider.bank.iban", message: "is not an IBAN"),
        Refusal(name: "a BIC of the wrong form", replace: #""leitwegId": "3"}"#, with: #""leitwegId": "3", "bank": {"iban": "DE89370400440532013000", "bic": "COBA-DE", "accountHolder": "Träger"}}"#, place: "provider.bank.bic", message: "is not a BIC"),
        Refusal(name: "the youth office's IBAN", replace: #""address": ["Markt 1"]}"#, with: #""address": ["Markt 1"], "bank": {"iban": "DE89370400440532013001", "accountHolder": "Stadt"}}"#, place: "youthOffice.bank.iban", message: "check digits do not match"),
        Refusal(name: "a bank account without holder", replace: #""leitwegId": "3"}"#, with: #""leitwegId": "3", "bank": {"iban": "DE89370400440532013000"}}"#, place: "provider.bank", message: "missing required field 'accountHolder'"),
        Refusal(name: "payment terms beyond 120 days", replace: #""categories""#, with: #""paymentTerms": {"daysAfterApproval": 365}, "categories""#, place: "paymentTerms.daysAfterApproval", message: "out of range; expected 0 to 120"),
        Refusal(name: "a DEL in a provider's name", replace: #""name": "Träger""#, with: #""name": "Trä\u007Fger""#, place: "provider.name", message: "contains a control character (U+007F)"),
        Refusal(name: "a line break in an address line", replace: #"["Markt 1"]"#, with: #"["Markt 1\r\n"]"#, place: "youthOffice.address[0]", message: "contains a control character (U+000D)"),
        Refusal(name: "syntax error", replace: #""categories": ["A", "B", "C"],"#, with: #""categories": ["A", "B", "C"],,"#, place: "line 8, column 33", message: "not valid JSON: expected a key in double quotes"),
    ])
    func agreementRefusals(_ r: Refusal) {
        let text = validAgreement.replacingFirst(r.replace, with: r.with)
        #expect(text != validAgreement, "the test's replacement did not apply")
        let diagnostics = agreementDiagnostics(text)
        #expect(diagnostics.contains { $0.file == "agreement.json" && $0.place == r.place && $0.message.description.contains(r.message) },
                "\(diagnostics)")
    }

    @Test("Case refusals", arguments: [
        Refusal(name: "overlapping category periods", replace: #"[{"category": "B", "from": "2026-03-10"}]"#, with: #"[{"category": "B", "from": "2026-03-10"}, {"category": "C", "from": "2026-03-10"}]"#, place: "cases[0].categories[1].from", message: "overlap"),
        Refusal(name: "category periods out of order", replace: #"[{"category": "B", "from": "2026-03-10"}]"#, with: #"[{"category": "B", "from": "2026-04-10"}, {"category": "C", "from": "2026-03-20"}]"#, place: "cases[0].categories[1].from", message: "overlap"),
        Refusal(name: "a case ending before it starts", replace: #""start": "2026-03-10","#, with: #""start": "2026-03-10", "end": "2026-03-01", "endReason": "planned","#, place: "cases[0].end", message: "before it starts"),
        Refusal(name: "clearing ending before it starts", replace: #""to": "2026-03-10""#, with: #""to": "2026-01-10""#, place: "cases[1].clearing.to", message: "before it starts"),
        Refusal(name: "a date that does not exist", replace: #""start": "2026-03-10""#, with: #""start": "2026-02-30""#, place: "cases[0].start", message: "not a date that exists"),
        Refusal(name: "unknown service", replace: #""service": "flex", "start": "2026-03-10""#, with: #""service": "heim", "start": "2026-03-10""#, place: "cases[0].service", message: "unknown service 'heim'"),
        Refusal(name: "unknown category", replace: #"[{"category": "B", "from": "2026-03-10"}]"#, with: #"[{"category": "X", "from": "2026-03-10"}]"#, place: "cases[0].categories[0].category", message: "unknown category 'X'"),
        Refusal(name: "unknown provider", replace: #""provider": "tsd", "service": "flex", "start": "2026-03-10""#, with: #""provider": "awo", "service": "flex", "start": "2026-03-10""#, place: "cases[0].provider", message: "no agreement for provider 'awo'"),
        Refusal(name: "a rate missing for a day that needs it", replace: #""category": "C"}}"#, with: #""category": "C"}, "categories": [{"category": "C", "from": "2026-02-20"}]}"#, place: "cases[1].categories[0].from", message: "during clearing"),
        Refusal(name: "a rate missing for a day that needs it (no C rate before March)", replace: #"[{"category": "B", "from": "2026-03-10"}]"#, with: #"[{"category": "B", "from": "2026-01-10"}, {"category": "C", "from": "2026-02-10"}]"#, place: "cases[0].categories[0].from", message: "before the case"),
        Refusal(name: "duplicate case id", replace: #""id": "H-2""#, with: #""id": "H-1""#, place: "cases[1].id", message: "used twice"),
        Refusal(name: "unknown end reason", replace: #""start": "2026-03-10","#, with: #""start": "2026-03-10", "end": "2026-04-01", "endReason": "moved","#, place: "cases[0].endReason", message: "'moved' is not known"),
        Refusal(name: "end without a reason", replace: #""start": "2026-03-10","#, with: #""start": "2026-03-10", "end": "2026-04-01","#, place: "cases[0].endReason", message: "needs an endReason"),
        // One line of printable text: printed raw, a control character broke a statement's line;
        // stored, SQLite ended the text at a U+0000.
        Refusal(name: "a U+0000 in a case id", replace: #""id": "H-1""#, with: #""id": "H-1\u0000X""#, place: "cases[0].id", message: "contains a control character (U+0000)"),
        Refusal(name: "a line break in a file reference", replace: #""id": "H-2","#, with: #""id": "H-2", "fileReference": "51\n2","#, place: "cases[1].fileReference", message: "contains a control character (U+000A)"),
        Refusal(name: "a C1 control in a flag", replace: #""id": "H-2","#, with: #""id": "H-2", "flags": ["ok", "a\u0085b"],"#, place: "cases[1].flags[1]", message: "contains a control character (U+0085)"),
        Refusal(name: "a tab in a category", replace: #"[{"category": "B", "from": "2026-03-10"}]"#, with: #"[{"category": "B\t", "from": "2026-03-10"}]"#, place: "cases[0].categories[0].category", message: "contains a control character (U+0009)"),
        Refusal(name: "category during a running clearing", replace: #""to": "2026-03-10", "category": "C"}"#, with: #""category": "C"}, "categories": [{"category": "B", "from": "2026-04-01"}]"#, place: "cases[1].categories[0].from", message: "still running"),
    ])
    func caseRefusals(_ r: Refusal) {
        let text = validCases.replacingFirst(r.replace, with: r.with)
        #expect(text != validCases, "the test's replacement did not apply")
        let diagnostics = caseDiagnostics(text)
        #expect(diagnostics.contains { $0.file == "cases.json" && $0.place == r.place && $0.message.description.contains(r.message) },
                "\(diagnostics)")
    }

    @Test("A rate missing for a day that needs it is refused with the category period's path")
    func missingRate() {
        // Category C has a rate only from 2026-03-01; a C period from February needs one.
        let text = validCases.replacingFirst(#"[{"category": "B", "from": "2026-03-10"}]"#,
                                             with: #"[{"category": "C", "from": "2026-03-10"}]"#)
            .replacingFirst(#""start": "2026-03-10""#, with: #""start": "2026-02-10""#)
            .replacingFirst(#""from": "2026-03-10"}]"#, with: #""from": "2026-02-10"}]"#)
        let diagnostics = caseDiagnostics(text)
        #expect(diagnostics.map(\.place) == ["cases[0].categories[0]"], "\(diagnostics)")
        #expect(diagnostics.first?.message.description.contains("no flat rate for service 'flex', category 'C' in force on 2026-02-10") == true)
    }

    @Test("All errors are reported at once, across the file")
    func allErrorsAtOnce() {
        let text = validAgreement
            .replacingFirst(#""1960.00""#, with: #""1960.001""#)
            .replacingFirst(#""setting": "ambulant""#, with: #""setting": "x""#)
            .replacingFirst(#""percent": "2.35""#, with: #""percent": "abc""#)
        let places = agreementDiagnostics(text).map(\.place)
        #expect(places.contains("flatRates[0].amount") && places.contains("services[0].setting") && places.contains("increases[0].percent"))
    }

    @Test("Every message names the file and renders as file: place: message")
    func rendering() {
        let d = Diagnostic(file: "cases.json", place: "cases[17].categories[2].from", message: "not a date")
        #expect(d.description == "cases.json: cases[17].categories[2].from: not a date")
    }
}

extension String {
    func replacingFirst(_ target: String, with replacement: String) -> String {
        guard let range = range(of: target) else { return self }
        return replacingCharacters(in: range, with: replacement)
    }
}

@testable import LEQCore

/// Small agreements and cases written inline, so that each test reads like its rule.
enum Fixture {
    static func d(_ s: String) -> CivilDate { CivilDate(iso: s)! }
    static func m(_ s: String) -> Money { Money(decimal: s)! }
    static func month(_ s: String) -> Month { Month(iso: s)! }

    static func agreement(proration: Proration = .calendar, rounding: RoundingMode = .halfAwayFromZero,
                          rates: [FlatRateEntry]? = nil, increases: [RateIncrease] = [],
                          bearerRules: [BearerRule] = [], extensionWeekly: String = "245.00",
                          clearingDays: (fee: Int, max: Int) = (42, 84)) -> Agreement {
        Agreement(
            id: "test", validity: Period(d("2026-01-01"), d("2099-12-31")),
            youthOffice: Party(name: "Jugendamt", address: ["Markt 1"]),
            provider: Provider(id: "tsd", name: "Träger", address: ["Weg 1"], taxNumber: "1", creditorNumber: "2",
                               leitwegID: "3", statementPrefix: "TSD"),
            rounding: rounding, proration: proration,
            services: [
                Service(id: "flex", name: "Flexible Hilfe", legalBasis: "§ 27 Abs. 2 SGB VIII", setting: .ambulant),
                Service(id: "heim", name: "Heimerziehung", legalBasis: "§ 34 SGB VIII", setting: .residential),
            ],
            categories: ["A", "B", "C"],
            flatRates: rates ?? [
                FlatRateEntry(service: "flex", category: "B", from: d("2026-01-01"), amount: m("1960.00")),
                FlatRateEntry(service: "flex", category: "C", from: d("2026-01-01"), amount: m("2870.00")),
                FlatRateEntry(service: "heim", category: "B", from: d("2026-01-01"), amount: m("5430.00")),
            ],
            increases: increases,
            clearing: ClearingTermsInput(fee: [RateEntry(from: d("2026-01-01"), amount: m("1450.00"))],
                                         extensionWeekly: [RateEntry(from: d("2026-01-01"), amount: m(extensionWeekly))],
                                         feeDays: clearingDays.fee, maxDays: clearingDays.max),
            bearers: [CostBearer(id: "kommune", name: "Kommune"), CostBearer(id: "land", name: "Land")],
            bearerRules: bearerRules)
    }

    static func settle(_ cases: [Case], _ month: String, agreement: Agreement = agreement()) -> Statement {
        let (statement, problems) = Settlement.statement(agreement: agreement, cases: cases, month: Month(iso: month)!, issued: d("2026-12-01"))
        precondition(problems.isEmpty, "unexpected problems: \(problems)")
        return statement
    }
}

/// The engine's own seeded generator (SplitMix64), for property tests.
typealias SplitMix = ScenarioRandom

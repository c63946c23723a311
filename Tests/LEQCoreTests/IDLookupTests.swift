import Testing
@testable import LEQCore

/// The look-up of service and category ids on the settling path: by the very value first, by
/// `==` where that finds nothing, so that it finds what `firstIndex(of:)` finds.
@Suite("Looking up ids")
struct IDLookupTests {
    @Test("An id is found whether it is the same value, an equal text held otherwise, or a canonically equal one")
    func sameAsFirstIndex() {
        // Longer than 15 bytes: held apart, each its own value.
        let long = String(repeating: "avoidsResidential", count: 2)
        let list = ["flex", "heim", "K", long, "caf\u{E9}"]
        let asked = ["flex", "heim", "heim2", "K", "\u{212A}", String(long.reversed().reversed()), "cafe\u{301}", "", "x"]
        for text in asked {
            #expect(list.place(ofDistinct: text) == list.firstIndex(of: text), "\(text)")
        }
        #expect(list.place(ofDistinct: "\u{212A}") == 2)  // KELVIN SIGN is K
        #expect(list.place(ofDistinct: "cafe\u{301}") == 4)
        #expect(list.place(ofDistinct: "heim2") == nil)
        #expect("flex".isSameValue(as: "fle" + "x") && !"flex".isSameValue(as: "heim"))
    }

    @Test("A case's service and category written in another Unicode form are settled as the agreement's")
    func otherForms() throws {
        let d = Fixture.d, m = Fixture.m
        // The service "café" with é composed, the category K as the letter.
        let agreement = Agreement(
            id: "forms", validity: Period(d("2026-01-01"), d("2099-12-31")), youthOffice: Party(name: "Jugendamt", address: ["Markt 1"]),
            provider: Provider(id: "tsd", name: "Träger", address: ["Weg 1"], taxNumber: "1", creditorNumber: "2", leitwegID: "3",
                               statementPrefix: "TSD"),
            services: [Service(id: "flex", name: "Flexible Hilfe", legalBasis: "§ 27 SGB VIII", setting: .ambulant),
                       Service(id: "caf\u{E9}", name: "Café", legalBasis: "§ 27 SGB VIII", setting: .ambulant)],
            categories: ["A", "K"],
            flatRates: [FlatRateEntry(service: "caf\u{E9}", category: "K", from: d("2026-01-01"), amount: m("1960.00"))],
            bearers: [CostBearer(id: "kommune", name: "Kommune")])
        // The case writes é as e and a combining accent, and K as the Kelvin sign.
        let other = Case(id: "U-1", person: "P-1", provider: "tsd", service: "cafe\u{301}", start: d("2026-03-01"),
                         categories: [CategoryPeriod(category: "\u{212A}", from: d("2026-03-01"))])
        let statement = Fixture.settle([other], "2026-03", agreement: agreement)
        #expect(statement.lines.map(\.amount) == [m("1960.00")])
        #expect(agreement.serviceIndex("cafe\u{301}") == 1 && agreement.categoryIndex("\u{212A}") == 1)
        #expect(agreement.serviceIndex("flex") == 0 && agreement.categoryIndex("B") == nil)
    }
}

import Testing
@testable import LEQCore

@Suite("IBAN and BIC")
struct BankAccountTests {
    @Test("Valid IBANs pass with or without spaces, in any case; the electronic form has no spaces")
    func valid() {
        for text in ["DE89 3704 0044 0532 0130 00", "de89370400440532013000", "GB82 WEST 1234 5698 7654 32", "AT61 1904 3002 3457 3201",
                     "CH93 0076 2011 6238 5295 7", "NL91 ABNA 0417 1643 00"] {
            #expect((try? IBAN.check(text).get()) == text.filter { $0 != " " }.uppercased(), "\(text)")
        }
        #expect(BankAccount(iban: "DE89370400440532013000", bic: nil, holder: "X").printedIBAN == "DE89 3704 0044 0532 0130 00")
    }

    @Test("Wrong check digits, a swapped pair, a wrong length, wrong characters are each refused")
    func invalid() {
        #expect(IBAN.check("DE88 3704 0044 0532 0130 00") == .failure(.checkDigits))
        #expect(IBAN.check("DE89 3704 0044 0532 0103 00") == .failure(.checkDigits))
        #expect(IBAN.check("DE89 3704 0044 0532 0130 0") == .failure(.length(country: "DE", expected: 22)))
        #expect(IBAN.check("DE89 3704 0044 0532 0130 0X") == .failure(.checkDigits))
        #expect(IBAN.check("89 3704 0044 0532 0130 00") == .failure(.form))
        #expect(IBAN.check("DE89-3704-0044-0532-0130-00") == .failure(.form))
        #expect(IBAN.check("") == .failure(.form))
    }

    @Test("A BIC has 8 or 11 characters: bank, country, place, branch")
    func bic() {
        #expect(IBAN.bic("COBADEFFXXX") == "COBADEFFXXX" && IBAN.bic("nolade21hal") == "NOLADE21HAL" && IBAN.bic("BFSWDE33") == "BFSWDE33")
        #expect(IBAN.bic("COBADEFF12") == nil && IBAN.bic("C0BADEFF") == nil && IBAN.bic("") == nil)
    }

    @Test("A postal address: the last line is postcode and town")
    func postal() {
        let a = PostalAddress(["Marktplatz 1", "06108 Halle (Saale)"])
        #expect(a?.postcode == "06108" && a?.city == "Halle (Saale)" && a?.lines == ["Marktplatz 1"] && a?.country == "DE")
        #expect(PostalAddress(["Markt 1"]) == nil && PostalAddress(["Markt 1", "6108 Halle"]) == nil && PostalAddress([]) == nil)
    }
}

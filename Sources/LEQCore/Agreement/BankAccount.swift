/// A bank account for SEPA credit transfers: the provider's (where it is paid) or the youth
/// office's (from where it pays).
public struct BankAccount: Hashable, Sendable {
    /// In electronic form: capitals and digits, no spaces (`DE89370400440532013000`).
    public var iban: String
    /// 8 or 11 characters; optional inside the SEPA area, but most finance systems still want it.
    public var bic: String?
    public var holder: String

    public init(iban: String, bic: String?, holder: String) {
        self.iban = iban
        self.bic = bic
        self.holder = holder
    }

    /// The IBAN in groups of four, as printed (`DE89 3704 0044 0532 0130 00`).
    public var printedIBAN: String {
        var out = ""
        for (i, c) in iban.enumerated() {
            if i > 0 && i % 4 == 0 { out += " " }
            out.append(c)
        }
        return out
    }
}

/// Checking IBANs and BICs as they are typed: spaces allowed, case ignored.
public enum IBAN {
    /// The lengths of the countries whose accounts a German youth office pays to most (ISO 13616
    /// registry); others are checked for the general form and the check digits only.
    static let lengths: [String: Int] = [
        "DE": 22, "AT": 20, "CH": 21, "NL": 18, "BE": 16, "FR": 27, "LU": 20, "PL": 28, "DK": 18, "CZ": 24, "IT": 27, "ES": 24,
    ]

    /// The IBAN in electronic form, or why it is not one: wrong characters, wrong length for its
    /// country, or check digits that do not match (mod 97, ISO 7064).
    public static func check(_ text: String) -> Result<String, IBANError> {
        let iban = String(text.filter { $0 != " " }).uppercased()
        guard iban.count >= 15, iban.count <= 34, iban.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) else {
            return .failure(.form)
        }
        let chars = Array(iban)
        guard chars[0].isLetter, chars[1].isLetter, chars[2].isNumber, chars[3].isNumber else { return .failure(.form) }
        let country = String(chars[0..<2])
        if let length = lengths[country], iban.count != length { return .failure(.length(country: country, expected: length)) }
        // Move the first four characters to the end, letters as 10–35, and take the number mod 97.
        var remainder = 0
        for c in chars[4...] + chars[0..<4] {
            let value = c.isNumber ? Int(String(c))! : Int(c.asciiValue! - UInt8(ascii: "A")) + 10
            remainder = (remainder * (value >= 10 ? 100 : 10) + value) % 97
        }
        guard remainder == 1 else { return .failure(.checkDigits) }
        return .success(iban)
    }

    /// A BIC in capitals, or nil when it is not one: 4 letters (bank), 2 letters (country), 2
    /// letters or digits (place), optionally 3 more (branch).
    public static func bic(_ text: String) -> String? {
        let bic = String(text.filter { $0 != " " }).uppercased()
        let c = Array(bic)
        guard c.count == 8 || c.count == 11, c[0..<6].allSatisfy({ $0.isASCII && $0.isLetter }),
              c[6...].allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) else { return nil }
        return bic
    }
}

public enum IBANError: Error, Equatable, Sendable {
    case form
    case length(country: String, expected: Int)
    case checkDigits
}

/// Someone to ask about a statement at the provider; an electronic invoice needs one (BR-DE-2).
public struct Contact: Hashable, Sendable {
    public var name: String
    public var phone: String
    public var email: String

    public init(name: String, phone: String, email: String) {
        self.name = name
        self.phone = phone
        self.email = email
    }
}

/// When a statement is paid: so many days after the order to pay (Anordnung).
public struct PaymentTerms: Hashable, Sendable {
    public var daysAfterApproval: Int

    public init(daysAfterApproval: Int) { self.daysAfterApproval = daysAfterApproval }
}

/// A party named on a statement: the youth office (Jugendamt) that pays.
public struct Party: Hashable, Sendable {
    public var name: String
    /// Address lines as printed in a letterhead; the last is "PLZ Ort".
    public var address: [String]
    /// The office's own Leitweg-ID: where electronic invoices to it are routed (XRechnung BT-10).
    public var leitwegID: String?
    /// Where the office is reached electronically (an invoice's buyer contact).
    public var email: String?
    /// The account the office pays from (the debtor of a SEPA credit transfer).
    public var bank: BankAccount?

    public init(name: String, address: [String], leitwegID: String? = nil, email: String? = nil, bank: BankAccount? = nil) {
        self.name = name
        self.address = address
        self.leitwegID = leitwegID
        self.email = email
        self.bank = bank
    }
}

/// The provider (Leistungserbringer, freier Träger) an agreement is made with, and its references.
public struct Provider: Hashable, Sendable {
    /// The short id cases use to name their provider, e.g. `tsd`.
    public var id: String
    public var name: String
    public var address: [String]
    /// Steuernummer: a youth office expects it on every statement.
    public var taxNumber: String
    /// Kreditorennummer in the youth office's bookkeeping.
    public var creditorNumber: String
    /// Leitweg-ID the statement is addressed to (e-invoicing routing id).
    public var leitwegID: String
    /// Prefix of the statement numbers, e.g. `TSD` gives `TSD-2026-03`.
    public var statementPrefix: String
    /// Where the provider is paid.
    public var bank: BankAccount?
    /// Who answers questions about a statement.
    public var contact: Contact?
    /// USt-IdNr., where the provider has one (most freie Träger have only a tax number).
    public var vatID: String?

    public init(id: String, name: String, address: [String], taxNumber: String, creditorNumber: String,
                leitwegID: String, statementPrefix: String, bank: BankAccount? = nil, contact: Contact? = nil, vatID: String? = nil) {
        self.bank = bank
        self.contact = contact
        self.vatID = vatID
        self.id = id
        self.name = name
        self.address = address
        self.taxNumber = taxNumber
        self.creditorNumber = creditorNumber
        self.leitwegID = leitwegID
        self.statementPrefix = statementPrefix
    }
}

/// An address as an invoice or payment file needs it: street lines apart from postcode and town.
/// Read from address lines whose last is "PLZ Ort" (five digits, a space, the town).
public struct PostalAddress: Hashable, Sendable {
    public var lines: [String]
    public var postcode: String
    public var city: String
    /// ISO 3166 country code; German addresses only, for now.
    public var country = "DE"

    public init?(_ address: [String]) {
        guard let last = address.last else { return nil }
        let digits = last.prefix { $0.isASCII && $0.isNumber }
        let rest = last.dropFirst(digits.count)
        guard digits.count == 5, rest.first == " ", !rest.dropFirst().trimmingSpaces.isEmpty else { return nil }
        lines = Array(address.dropLast())
        postcode = String(digits)
        city = String(rest.dropFirst().trimmingSpaces)
    }
}

extension Substring {
    fileprivate var trimmingSpaces: Substring {
        var s = self
        while s.first == " " { s = s.dropFirst() }
        while s.last == " " { s = s.dropLast() }
        return s
    }
}

/// A party named on a statement: the youth office (Jugendamt) that pays.
public struct Party: Hashable, Sendable {
    public var name: String
    /// Address lines as printed in a letterhead.
    public var address: [String]

    public init(name: String, address: [String]) {
        self.name = name
        self.address = address
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

    public init(id: String, name: String, address: [String], taxNumber: String, creditorNumber: String,
                leitwegID: String, statementPrefix: String) {
        self.id = id
        self.name = name
        self.address = address
        self.taxNumber = taxNumber
        self.creditorNumber = creditorNumber
        self.leitwegID = leitwegID
        self.statementPrefix = statementPrefix
    }
}

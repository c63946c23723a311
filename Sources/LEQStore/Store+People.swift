/// A person who may sign statements off, registered in the store under an ID. The four-eyes
/// principle compares IDs, never spellings of a name: "A. Kassner", "A.Kassner" and "Kassner, A."
/// are one person only if they are one ID.
public struct Person: Sendable, Equatable {
    /// Lower case letters, digits, `.`, `-` and `_`; typed in any case on the command line.
    public var id: String
    public var name: String
    /// May state "sachlich und rechnerisch richtig".
    public var mayCertify: Bool
    /// May give the order to pay (Anordnung).
    public var mayApprove: Bool
    public var addedAt: String

    public init(id: String, name: String, mayCertify: Bool, mayApprove: Bool, addedAt: String) {
        self.id = id
        self.name = name
        self.mayCertify = mayCertify
        self.mayApprove = mayApprove
        self.addedAt = addedAt
    }

    /// What the person may do, in words.
    public var permissions: String {
        [mayCertify ? "feststellen" : nil, mayApprove ? "anordnen" : nil].compactMap { $0 }.joined(separator: ", ")
    }

    /// The ID as stored (lower case), or nil when it is not an ID: 2 to 32 characters, a letter
    /// or digit first, then letters, digits, `.`, `-`, `_`.
    public static func normalisedID(_ text: String) -> String? {
        let id = text.lowercased()
        let allowed = Set("abcdefghijklmnopqrstuvwxyz0123456789.-_")
        guard (2...32).contains(id.count), let first = id.first, first.isLetter || first.isNumber,
              id.allSatisfy({ allowed.contains($0) }) else { return nil }
        return id
    }

    /// A name reduced to what tells people apart: lower case, ß as ss, umlauts as ae/oe/ue,
    /// punctuation dropped, the words sorted — "A. KAßNER", "Kassner, A." and "a.kassner" give
    /// the same key.
    public static func nameKey(_ name: String) -> String {
        var folded = ""
        for c in name.lowercased() {
            switch c {
            case "ß": folded += "ss"
            case "ä": folded += "ae"
            case "ö": folded += "oe"
            case "ü": folded += "ue"
            case _ where c.isLetter || c.isNumber: folded.append(c)
            default: folded += " "
            }
        }
        return folded.split(separator: " ").sorted().joined(separator: " ")
    }
}

extension Store {
    /// Registers a person, in the chain like every finalised record. Refuses an ID already taken,
    /// and a name that is another registered person's name spelt otherwise — unless `namesake`
    /// says it really is another person of the same name.
    @discardableResult
    public func addPerson(id given: String, name: String, mayCertify: Bool, mayApprove: Bool, at: String,
                          namesake: Bool = false) throws(StoreError) -> Person {
        guard let id = Person.normalisedID(given) else {
            throw StoreError(.refused, "'\(given)' cannot be an ID: 2 to 32 characters, letters a–z, digits, '.', '-' and '_', a letter or digit first (e.g. akassner)")
        }
        let trimmed = name.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        guard !Person.nameKey(trimmed).isEmpty, !trimmed.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else {
            throw StoreError(.refused, "--name: a name of letters is needed, e.g. \"Anna Kassner\"")
        }
        guard mayCertify || mayApprove else {
            throw StoreError(.refused, "--may: certify, approve or both (certify,approve)")
        }
        let person = Person(id: id, name: trimmed, mayCertify: mayCertify, mayApprove: mayApprove, addedAt: at)
        return try writing { () throws(StoreError) -> Person in
            let registered = try people()
            if let same = registered.first(where: { $0.id == id }) {
                throw StoreError(.refused, "the ID \(id) is taken (\(same.name), registered \(same.addedAt)); registered people never change")
            }
            if !namesake, let twin = registered.first(where: { Person.nameKey($0.name) == Person.nameKey(trimmed) }) {
                throw StoreError(.refused, """
                    \(trimmed) is already registered as \(twin.id) (\(twin.name)): a person has one ID, or they could \
                    give both sign-offs. If it really is another person of the same name, register with --namesake
                    """)
            }
            try db.query("INSERT INTO person (id, name, may_certify, may_approve, added_at) VALUES (?1, ?2, ?3, ?4, ?5)",
                         [.text(id), .text(trimmed), .int(mayCertify ? 1 : 0), .int(mayApprove ? 1 : 0), .text(at)])
            try append(.person, id, try Store.personParts(db, id) ?? [])
            return person
        }
    }

    /// The registered people, in the order they were registered (checked when the store was opened).
    public func people() throws(StoreError) -> [Person] {
        try db.rows("SELECT id, name, may_certify, may_approve, added_at FROM person ORDER BY rowid") {
            Person(id: $0.text(0), name: $0.text(1), mayCertify: $0.int(2) != 0, mayApprove: $0.int(3) != 0, addedAt: $0.text(4))
        }
    }
}

import LEQFormats
import LEQCore

extension Store {
    /// What `finalize` did.
    public struct FinalizeOutcome: Sendable, Equatable {
        /// Newly stored statement numbers.
        public var stored: [String]
        /// Statements that were already finalised with exactly these bytes: nothing to do.
        public var unchanged: [String]
    }

    /// Stores the statements of one run in one transaction: all of them or none. A statement
    /// already finalised with the same canonical bytes is left as it is (a no-op that says so); one
    /// already finalised with other bytes refuses the whole run, since a finalised statement never
    /// changes: its differences become corrections in the next open month.
    public func finalize(_ items: [Finalisable], inputs: [StoredInput], by: String, at: String) throws(StoreError) -> FinalizeOutcome {
        try finalize(items.map(\.statement), inputs: inputs, by: by, at: at) { AnyIterator(items[$0].renderings.makeIterator()) }
    }

    /// The same, each statement's renderings asked for when it is stored (`renderings(k)` for
    /// `statements[k]`, in order, each once and read to its end) and stored one by one as they
    /// come: a million cases' month in every format was 5 GB held at once, made while the store
    /// waited. The German JSON (what a statement is compared by) should come first: renderings
    /// before it are held until it comes.
    public func finalize(_ statements: [Statement], inputs: [StoredInput], by: String, at: String,
                         renderings: (Int) -> AnyIterator<Rendering>) throws(StoreError) -> FinalizeOutcome {
        try finalize(statements, inputs: inputs, by: by, at: at, failAfter: nil, renderings: renderings)
    }

    /// `failAfter` (tests) throws after that many statements were written, to prove the rollback.
    func finalize(_ statements: [Statement], inputs: [StoredInput], by: String, at: String,
                  failAfter: Int?, renderings: (Int) -> AnyIterator<Rendering>) throws(StoreError) -> FinalizeOutcome {
        let digest = Store.inputDigest(inputs)
        return try writing { () throws(StoreError) -> FinalizeOutcome in
            var outcome = FinalizeOutcome(stored: [], unchanged: [])
            for (k, s) in statements.enumerated() {
                let rest = renderings(k)
                var first: [Rendering] = []
                while let r = rest.next() {
                    first.append(r)
                    if r.format == "json" && r.language == "de" { break }
                }
                if let existing = try statement(s.number) {
                    let canonical = first.last.flatMap { $0.format == "json" && $0.language == "de" ? $0.bytes : nil } ?? []
                    let stored = try rendering(s.number, format: "json", language: "de")
                    if stored == canonical {
                        while rest.next() != nil {}
                        outcome.unchanged.append(s.number)
                        continue
                    }
                    throw StoreError(.refused, """
                        \(s.number) was finalised by \(existing.finalizedBy) on \(existing.finalizedAt) and never changes, \
                        but the input now gives another statement (input then \(String(existing.inputDigest.prefix(12))), \
                        now \(String(digest.prefix(12)))). The differences are settled as correction lines in the next open month: \
                        leq settle --store … --month \(s.month.next.iso)
                        """)
                }
                if let failAfter, k >= failAfter { throw StoreError(.failed, "failing on purpose after \(failAfter) statements (test)") }
                try db.query("""
                    INSERT INTO statement (number, provider, month, agreement, issued, total_cents, input_digest, finalized_by, finalized_at)
                    VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)
                    """, [.text(s.number), .text(s.provider.id), .text(s.month.iso), .text(s.agreementID), .text(s.issued.iso),
                          .int(s.totals.all.cents), .text(digest), .text(by), .text(at)])
                for input in inputs {
                    try db.query("INSERT INTO statement_input (number, role, path, sha256) VALUES (?1, ?2, ?3, ?4)",
                                 [.text(s.number), .text(input.role), .text(input.path), .text(input.sha256)])
                }
                func store(_ r: Rendering) throws(StoreError) {
                    try db.query("INSERT INTO statement_rendering (number, format, language, bytes) VALUES (?1, ?2, ?3, ?4)",
                                 [.text(s.number), .text(r.format), .text(r.language), .blob(r.bytes)])
                }
                for r in first { try store(r) }
                first = []
                while let r = rest.next() { try store(r) }
                for (i, line) in s.lines.enumerated() {
                    try db.query("""
                        INSERT INTO statement_line (number, position, case_id, service, file_reference, kind, amount_cents, corrects, corrected_kind)
                        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)
                        """, [.text(s.number), .int(Int64(i)), .text(line.caseID), .text(line.service), .text(line.fileReference),
                              .text(line.kind.rawValue), .int(line.amount.cents),
                              line.corrects.map { .text($0) } ?? .null, line.correctedKind.map { .text($0.rawValue) } ?? .null])
                }
                try append(.statement, s.number, try Store.statementParts(db, s.number) ?? [])
                outcome.stored.append(s.number)
            }
            return outcome
        }
    }

    /// Runs `body` in one write transaction on a chain read and checked inside that transaction
    /// (another process may have written since this store was opened). Refuses a store that does
    /// not verify; on failure the chain is read again, as the rollback left it.
    func writing<T>(_ body: () throws(StoreError) -> T) throws(StoreError) -> T {
        do throws(StoreError) {
            return try db.transaction { () throws(StoreError) -> T in
                let findings = try loadChain()
                guard findings.isEmpty else { throw StoreError.tampered(path, findings) }
                return try body()
            }
        } catch {
            _ = try? loadChain()
            throw error
        }
    }

    /// One digest over all input files: SHA-256 of their role, path and digest, one per line.
    public static func inputDigest(_ inputs: [StoredInput]) -> String {
        SHA256.hex(Array(inputs.map { "\($0.role)\t\($0.path)\t\($0.sha256)\n" }.joined().utf8))
    }

    /// Finalised statements, by month and number; optionally of one provider. Each one's head,
    /// inputs and lines are checked against the chain (sign-offs were checked when the store was
    /// opened; the bytes of a rendering are checked when it is read).
    public func statements(provider: String? = nil) throws(StoreError) -> [StoredStatement] {
        var sql = Store.recordQuery
        var values: [Database.Value] = []
        if let provider {
            sql += " WHERE s.provider = ?1"
            values.append(.text(provider))
        }
        sql += " ORDER BY s.month, s.number"
        let list = try db.rows(sql, values, Store.record)
        checkLinesAhead(list.map(\.number))
        for s in list { try requireVerified(s.number, [Part.head, Part.inputs, Part.lines]) }
        return list
    }

    /// One finalised statement, or nil; its head checked against the chain.
    public func statement(_ number: String) throws(StoreError) -> StoredStatement? {
        guard let s = try db.rows(Store.recordQuery + " WHERE s.number = ?1", [.text(number)], Store.record).first else { return nil }
        try requireVerified(number, [Part.head])
        return s
    }

    private static let recordQuery = """
        SELECT s.number, s.provider, s.month, s.agreement, s.issued, s.total_cents, s.input_digest, s.finalized_by, s.finalized_at,
               c.by, c.at, c.person, a.by, a.at, a.person
        FROM statement s
        LEFT JOIN sign_off c ON c.number = s.number AND c.role = 'certified'
        LEFT JOIN sign_off a ON a.number = s.number AND a.role = 'approved'
        """

    private static func record(_ r: Database.Row) -> StoredStatement {
        StoredStatement(number: r.text(0), provider: r.text(1), month: Month(iso: r.text(2)) ?? Month(year: 1, month: 1)!, agreement: r.text(3),
                        issued: r.text(4), total: Money(cents: r.int(5)), inputDigest: r.text(6), finalizedBy: r.text(7), finalizedAt: r.text(8),
                        certified: r.optionalText(9).map { SignOff(by: $0, at: r.text(10), person: r.optionalText(11)) },
                        approved: r.optionalText(12).map { SignOff(by: $0, at: r.text(13), person: r.optionalText(14)) })
    }

    /// The stored bytes of a statement in one format and language, exactly as finalised — checked
    /// against the digest in the chain before they are given out.
    public func rendering(_ number: String, format: String, language: String) throws(StoreError) -> [UInt8]? {
        let name = Part.rendering(format, language)
        let bytes = try db.rows("SELECT bytes FROM statement_rendering WHERE number = ?1 AND format = ?2 AND language = ?3",
                                [.text(number), .text(format), .text(language)]) { $0.blob(0) }.first
        let recorded = statementEntry(number)?.part(name)
        switch (bytes, recorded) {
        case (nil, nil): return nil
        case let (bytes?, recorded?) where SHA256.hex(bytes) == recorded: return bytes
        case (nil, _?): throw StoreError.tampered(path, [StoreFinding(Message(verbatim: number), "\(Store.label(name)) is missing — deleted")])
        case (_?, nil): throw StoreError.tampered(path, [StoreFinding(Message(verbatim: number), "\(Store.label(name)) is not in the chain — inserted outside LEQ")])
        case (_?, _?):
            let what: Message = name == Part.lines || name == Part.inputs ? "\(Store.label(name)) do not match the chain — changed after finalising"
                : "\(Store.label(name)) does not match the chain — changed after finalising"
            throw StoreError.tampered(path, [StoreFinding(Message(verbatim: number), what)])
        }
    }

    /// Checks a statement whole — head, inputs, lines and the bytes of every rendering — against
    /// the chain; refuses (`tampered`) when any part does not verify.
    public func requireIntact(_ number: String) throws(StoreError) {
        try requireVerified(number, nil)
    }

    /// The formats and languages stored for a statement; the statement checked whole.
    public func renderings(_ number: String) throws(StoreError) -> [(format: String, language: String)] {
        try requireVerified(number, nil)
        return try db.rows("SELECT format, language FROM statement_rendering WHERE number = ?1 ORDER BY format, language",
                           [.text(number)]) { ($0.text(0), $0.text(1)) }
    }

    /// The input files a statement was settled from.
    public func inputs(_ number: String) throws(StoreError) -> [StoredInput] {
        try requireVerified(number, [Part.inputs])
        return try db.rows("SELECT role, path, sha256 FROM statement_input WHERE number = ?1 ORDER BY rowid", [.text(number)]) {
            StoredInput(role: $0.text(0), path: $0.text(1), sha256: $0.text(2))
        }
    }

    /// The lines of a finalised statement, in order.
    public func lines(_ number: String) throws(StoreError) -> [StoredLine] {
        try requireVerified(number, [Part.lines])
        return try db.rows(Store.ownLinesQuery, [.text(number)], Store.line)
    }

    /// The correction lines in finalised statements that correct `number`. The lines of every
    /// statement of its provider are checked first: a correction deleted from any of them would
    /// otherwise pay the same difference twice.
    public func corrections(of number: String) throws(StoreError) -> [StoredLine] {
        guard try requireProviderLinesVerified(of: number) else { return [] }
        return try db.rows(Store.correctionsQuery, [.text(number)], Store.line)
    }

    /// How many correction lines in finalised statements correct `number`, checked as
    /// `corrections(of:)` checks them. Lines are never changed or deleted once finalised (the
    /// store's triggers, the chain), only added: the same count means the same corrections.
    public func correctionCount(of number: String) throws(StoreError) -> Int {
        guard try requireProviderLinesVerified(of: number) else { return 0 }
        return try db.rows("SELECT COUNT(*) FROM statement_line WHERE corrects = ?1", [.text(number)]) { Int($0.int(0)) }.first ?? 0
    }

    /// Checks the lines of every statement of `number`'s provider against the chain; false when
    /// there is no statement `number`.
    private func requireProviderLinesVerified(of number: String) throws(StoreError) -> Bool {
        guard let provider = try statement(number)?.provider else { return false }
        for s in try db.rows("SELECT number FROM statement WHERE provider = ?1", [.text(provider)], { $0.text(0) }) {
            try requireVerified(s, [Part.lines])
        }
        return true
    }

    /// A reader of finalised lines through a connection of its own, for another thread. Only for
    /// statements whose lines this store has checked against the chain: `statements(provider:)`
    /// checks those of every statement of the provider, which `corrections(of:)` requires too.
    public func linesReader() -> LinesReader { LinesReader(path: path) }

    private static let lineColumns = "case_id, service, file_reference, kind, amount_cents, corrects, corrected_kind"
    /// A statement's own lines, in order; the correction lines of a statement, in the order of
    /// the statements that carry them.
    static let ownLinesQuery = "SELECT \(lineColumns) FROM statement_line WHERE number = ?1 ORDER BY position"
    static let correctionsQuery = "SELECT \(lineColumns) FROM statement_line WHERE corrects = ?1 ORDER BY number, position"

    static func line(_ r: Database.Row) -> StoredLine {
        StoredLine(caseID: r.text(0), service: r.text(1), fileReference: r.text(2), kind: r.text(3), amount: Money(cents: r.int(4)),
                   corrects: r.optionalText(5), correctedKind: r.optionalText(6))
    }

    // MARK: Four eyes (SPEC § 15)

    /// Records "sachlich und rechnerisch richtig" (`certified`) or the order to pay (`approved`)
    /// by a registered person who may give it. Each is given once; the approval needs the
    /// certification first, by another person — another ID, and, for a certification given before
    /// people were registered, another name however it is spelt. The statement is checked whole
    /// before anyone signs it.
    public func signOff(_ number: String, role: SignOffRole, by personID: String, at: String) throws(StoreError) {
        try writing { () throws(StoreError) in
            guard let s = try statement(number) else {
                throw StoreError(.notFound, "no finalised statement \(number); 'leq statements list' shows them")
            }
            try requireVerified(number, nil)
            let person = try requirePerson(personID, may: role)
            switch role {
            case .certified:
                if let c = s.certified {
                    throw StoreError(.refused, "\(number) was already certified as factually and arithmetically correct by \(c.by) on \(c.at)")
                }
            case .approved:
                if let a = s.approved { throw StoreError(.refused, "\(number): payment was already ordered by \(a.by) on \(a.at)") }
                guard let c = s.certified else {
                    throw StoreError(.refused, "\(number) is not certified yet: first 'leq certify \(number) --by ID', then the order to pay")
                }
                if c.person == person.id || (c.person == nil && Person.nameKey(c.by) == Person.nameKey(person.name)) {
                    let who = c.person.map { "\(c.by) (\($0))" } ?? c.by
                    throw StoreError(.refused, "\(number) was certified by \(who); the order to pay must come from another person (four eyes)")
                }
            }
            try db.query("INSERT INTO sign_off (number, role, by, at, person) VALUES (?1, ?2, ?3, ?4, ?5)",
                         [.text(number), .text(role.rawValue), .text(person.name), .text(at), .text(person.id)])
            try append(.signOff, "\(number)/\(role.rawValue)", try Store.signOffParts(db, number, role.rawValue) ?? [])
        }
    }

    /// The registered person behind an ID as given on the command line, who may give `role`.
    private func requirePerson(_ given: String, may role: SignOffRole) throws(StoreError) -> Person {
        let registered = try people()
        guard let id = Person.normalisedID(given), let person = registered.first(where: { $0.id == id }) else {
            let known = registered.map { "\($0.id) (\($0.name))" }.joined(separator: ", ")
            if known.isEmpty {
                throw StoreError(.refused, "'\(given)' is not a registered ID; --by takes the ID of a registered person. Nobody is registered yet: leq people add ID --name \"…\" --may certify,approve")
            }
            throw StoreError(.refused, "'\(given)' is not a registered ID; --by takes the ID of a registered person (registered: \(known)); new people with 'leq people add'")
        }
        guard role == .certified ? person.mayCertify : person.mayApprove else {
            let may: Message = person.mayCertify && person.mayApprove ? "certify, approve" : person.mayCertify ? "certify" : person.mayApprove ? "approve" : "–"
            throw StoreError(.refused, role == .certified
                ? "\(person.id) (\(person.name)) may not certify (factually and arithmetically correct); registered: \(may)"
                : "\(person.id) (\(person.name)) may not order payment; registered: \(may)")
        }
        return person
    }
}

public enum SignOffRole: String, Sendable {
    /// Feststellung "sachlich und rechnerisch richtig".
    case certified
    /// Anordnung: the order to pay.
    case approved
}

/// Reads what a finalised statement paid through a connection of its own (`Store.linesReader`),
/// so that several providers' statements are read on several cores: read on the store's one
/// connection, a million cases' finalised month was half a second on one core, the other idle.
public struct LinesReader: Sendable {
    let path: String

    /// The statement's own lines (`lines(number)`) and the correction lines of it since
    /// (`corrections(of:)`), in their orders.
    public func paid(_ number: String) throws(StoreError) -> (own: [StoredLine], since: [StoredLine]) {
        let db = try Database(path: path, create: false)
        let own = try db.rows(Store.ownLinesQuery, [.text(number)], Store.line)
        let since = try db.rows(Store.correctionsQuery, [.text(number)], Store.line)
        return (own, since)
    }
}

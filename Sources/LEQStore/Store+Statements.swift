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
        try finalize(items, inputs: inputs, by: by, at: at, failAfter: nil)
    }

    /// `failAfter` (tests) throws after that many statements were written, to prove the rollback.
    func finalize(_ items: [Finalisable], inputs: [StoredInput], by: String, at: String,
                  failAfter: Int?) throws(StoreError) -> FinalizeOutcome {
        let digest = Store.inputDigest(inputs)
        return try db.transaction { () throws(StoreError) -> FinalizeOutcome in
            var outcome = FinalizeOutcome(stored: [], unchanged: [])
            for (k, item) in items.enumerated() {
                let s = item.statement
                let canonical = item.renderings.first { $0.format == "json" && $0.language == "de" }?.bytes ?? []
                if let existing = try statement(s.number) {
                    let stored = try rendering(s.number, format: "json", language: "de")
                    if stored == canonical {
                        outcome.unchanged.append(s.number)
                        continue
                    }
                    throw StoreError(.refused, """
                        \(s.number) was finalised by \(existing.finalizedBy) at \(existing.finalizedAt) and never changes, but the \
                        input now gives a different statement (inputs \(String(existing.inputDigest.prefix(12))) then, \
                        \(String(digest.prefix(12))) now). Its differences are settled as correction lines in the next open month: \
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
                for r in item.renderings {
                    try db.query("INSERT INTO statement_rendering (number, format, language, bytes) VALUES (?1, ?2, ?3, ?4)",
                                 [.text(s.number), .text(r.format), .text(r.language), .blob(r.bytes)])
                }
                for (i, line) in s.lines.enumerated() {
                    try db.query("""
                        INSERT INTO statement_line (number, position, case_id, service, file_reference, kind, amount_cents, corrects, corrected_kind)
                        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)
                        """, [.text(s.number), .int(Int64(i)), .text(line.caseID), .text(line.service), .text(line.fileReference),
                              .text(line.kind.rawValue), .int(line.amount.cents),
                              line.corrects.map { .text($0) } ?? .null, line.correctedKind.map { .text($0.rawValue) } ?? .null])
                }
                outcome.stored.append(s.number)
            }
            return outcome
        }
    }

    /// One digest over all input files: SHA-256 of their role, path and digest, one per line.
    public static func inputDigest(_ inputs: [StoredInput]) -> String {
        SHA256.hex(Array(inputs.map { "\($0.role)\t\($0.path)\t\($0.sha256)\n" }.joined().utf8))
    }

    /// Finalised statements, by month and number; optionally of one provider.
    public func statements(provider: String? = nil) throws(StoreError) -> [StoredStatement] {
        var sql = """
            SELECT s.number, s.provider, s.month, s.agreement, s.issued, s.total_cents, s.input_digest, s.finalized_by, s.finalized_at,
                   c.by, c.at, a.by, a.at
            FROM statement s
            LEFT JOIN sign_off c ON c.number = s.number AND c.role = 'certified'
            LEFT JOIN sign_off a ON a.number = s.number AND a.role = 'approved'
            """
        var values: [Database.Value] = []
        if let provider {
            sql += " WHERE s.provider = ?1"
            values.append(.text(provider))
        }
        sql += " ORDER BY s.month, s.number"
        return try db.rows(sql, values, Store.record)
    }

    /// One finalised statement, or nil.
    public func statement(_ number: String) throws(StoreError) -> StoredStatement? {
        try db.rows("""
            SELECT s.number, s.provider, s.month, s.agreement, s.issued, s.total_cents, s.input_digest, s.finalized_by, s.finalized_at,
                   c.by, c.at, a.by, a.at
            FROM statement s
            LEFT JOIN sign_off c ON c.number = s.number AND c.role = 'certified'
            LEFT JOIN sign_off a ON a.number = s.number AND a.role = 'approved'
            WHERE s.number = ?1
            """, [.text(number)], Store.record).first
    }

    private static func record(_ r: Database.Row) -> StoredStatement {
        StoredStatement(number: r.text(0), provider: r.text(1), month: Month(iso: r.text(2))!, agreement: r.text(3), issued: r.text(4),
                        total: Money(cents: r.int(5)), inputDigest: r.text(6), finalizedBy: r.text(7), finalizedAt: r.text(8),
                        certified: r.optionalText(9).map { SignOff(by: $0, at: r.text(10)) },
                        approved: r.optionalText(11).map { SignOff(by: $0, at: r.text(12)) })
    }

    /// The stored bytes of a statement in one format and language, exactly as finalised.
    public func rendering(_ number: String, format: String, language: String) throws(StoreError) -> [UInt8]? {
        try db.rows("SELECT bytes FROM statement_rendering WHERE number = ?1 AND format = ?2 AND language = ?3",
                    [.text(number), .text(format), .text(language)]) { $0.blob(0) }.first
    }

    /// The formats and languages stored for a statement.
    public func renderings(_ number: String) throws(StoreError) -> [(format: String, language: String)] {
        try db.rows("SELECT format, language FROM statement_rendering WHERE number = ?1 ORDER BY format, language",
                    [.text(number)]) { ($0.text(0), $0.text(1)) }
    }

    /// The input files a statement was settled from.
    public func inputs(_ number: String) throws(StoreError) -> [StoredInput] {
        try db.rows("SELECT role, path, sha256 FROM statement_input WHERE number = ?1 ORDER BY rowid", [.text(number)]) {
            StoredInput(role: $0.text(0), path: $0.text(1), sha256: $0.text(2))
        }
    }

    /// The lines of a finalised statement, in order.
    public func lines(_ number: String) throws(StoreError) -> [StoredLine] {
        try db.rows("SELECT \(Store.lineColumns) FROM statement_line WHERE number = ?1 ORDER BY position", [.text(number)], Store.line)
    }

    /// The correction lines in finalised statements that correct `number`.
    public func corrections(of number: String) throws(StoreError) -> [StoredLine] {
        try db.rows("SELECT \(Store.lineColumns) FROM statement_line WHERE corrects = ?1 ORDER BY number, position", [.text(number)], Store.line)
    }

    private static let lineColumns = "case_id, service, file_reference, kind, amount_cents, corrects, corrected_kind"

    private static func line(_ r: Database.Row) -> StoredLine {
        StoredLine(caseID: r.text(0), service: r.text(1), fileReference: r.text(2), kind: r.text(3), amount: Money(cents: r.int(4)),
                   corrects: r.optionalText(5), correctedKind: r.optionalText(6))
    }

    // MARK: Four eyes (SPEC § 15)

    /// Records "sachlich und rechnerisch richtig" (`certified`) or the order to pay (`approved`).
    /// Each is given once; the approval needs the certification first, by another person.
    public func signOff(_ number: String, role: SignOffRole, by: String, at: String) throws(StoreError) {
        try db.transaction { () throws(StoreError) in
            guard let s = try statement(number) else {
                throw StoreError(.notFound, "no finalised statement \(number); 'leq statements list' shows them")
            }
            switch role {
            case .certified:
                if let c = s.certified {
                    throw StoreError(.refused, "\(number) was already certified by \(c.by) at \(c.at)")
                }
            case .approved:
                if let a = s.approved { throw StoreError(.refused, "\(number) was already approved for payment by \(a.by) at \(a.at)") }
                guard let c = s.certified else {
                    throw StoreError(.refused, "\(number) is not certified yet: 'leq certify \(number) --by NAME' comes first")
                }
                if Store.samePerson(c.by, by) {
                    throw StoreError(.refused, "\(number) was certified by \(c.by); the order to pay must come from another person (four eyes)")
                }
            }
            try db.query("INSERT INTO sign_off (number, role, by, at) VALUES (?1, ?2, ?3, ?4)",
                         [.text(number), .text(role.rawValue), .text(by), .text(at)])
        }
    }

    /// Names compared without case and surrounding or doubled spaces.
    static func samePerson(_ a: String, _ b: String) -> Bool {
        func norm(_ s: String) -> String { s.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ") }
        return norm(a) == norm(b)
    }
}

public enum SignOffRole: String, Sendable {
    /// Feststellung "sachlich und rechnerisch richtig".
    case certified
    /// Anordnung: the order to pay.
    case approved
}

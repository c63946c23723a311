import LEQFormats
import LEQCore

/// The hash chain over the store's records: how each record's parts are digested, how an entry is
/// appended, and how the chain and the records are checked against each other.
extension Store {
    // MARK: Parts of a record, digested from the rows as they are stored

    /// A statement's parts: its head (number, provider, month, agreement, issue date, total, input
    /// digest, who finalised it and when), its input files, its lines, and each rendering's bytes
    /// (plain SHA-256, so that `sha256sum` of `statements show … --format F` gives the same).
    /// Nil when the statement's row is gone.
    static func statementParts(_ db: Database, _ number: String) throws(StoreError) -> [(name: String, digest: String)]? {
        guard let head = try headDigest(db, number) else { return nil }
        var parts: [(name: String, digest: String)] = [(Part.head, head), (Part.inputs, try inputsDigest(db, number)), (Part.lines, try linesDigest(db, number))]
        parts += try renderingDigests(db, number)
        return parts
    }

    enum Part {
        static let head = "statement"
        static let inputs = "inputs"
        static let lines = "lines"
        static func rendering(_ format: String, _ language: String) -> String { "rendering \(format)/\(language)" }
        static let signOff = "sign-off"
        static let person = "person"
    }

    static func headDigest(_ db: Database, _ number: String) throws(StoreError) -> String? {
        try db.rows("""
            SELECT number, provider, month, agreement, issued, total_cents, input_digest, finalized_by, finalized_at
            FROM statement WHERE number = ?1
            """, [.text(number)]) { r in
            var d = Canonical("statement")
            for i in Int32(0)..<5 { d.addText(of: r, i) }
            d.add(r.int(5))
            for i in Int32(6)..<9 { d.addText(of: r, i) }
            return d.hex()
        }.first
    }

    static func inputsDigest(_ db: Database, _ number: String) throws(StoreError) -> String {
        var d = Canonical("inputs")
        try db.query("SELECT role, path, sha256 FROM statement_input WHERE number = ?1 ORDER BY role, path, sha256", [.text(number)]) { r throws(StoreError) in
            d.addText(of: r, 0)
            d.addText(of: r, 1)
            d.addText(of: r, 2)
        }
        return d.hex()
    }

    static func linesDigest(_ db: Database, _ number: String) throws(StoreError) -> String {
        var d = Canonical("lines")
        try db.query("""
            SELECT position, case_id, service, file_reference, kind, amount_cents, corrects, corrected_kind
            FROM statement_line WHERE number = ?1 ORDER BY position
            """, [.text(number)]) { r throws(StoreError) in
            // A month's lines are checked each time a store is opened to settle: digested as
            // stored, without a string made of each column (a fifth of the check's time).
            d.add(r.int(0))
            for i in Int32(1)..<5 { d.addText(of: r, i) }
            d.add(r.int(5))
            d.addOptionalText(of: r, 6)
            d.addOptionalText(of: r, 7)
        }
        return d.hex()
    }

    static func renderingDigests(_ db: Database, _ number: String, format: String? = nil, language: String? = nil) throws(StoreError) -> [(name: String, digest: String)] {
        var sql = "SELECT format, language, rowid FROM statement_rendering WHERE number = ?1"
        var values: [Database.Value] = [.text(number)]
        if let format, let language {
            sql += " AND format = ?2 AND language = ?3"
            values += [.text(format), .text(language)]
        }
        // The bytes as stored, digested as SQLite reads them a stretch at a time. Read whole
        // (a month's renderings of a large provider are some 30 MB each), every one was put
        // together in fresh memory the system had to clear page by page, then copied.
        let rows = try db.rows(sql + " ORDER BY format, language", values) { r in (name: Part.rendering(r.text(0), r.text(1)), rowid: r.int(2)) }
        var digests: [(name: String, digest: String)] = []
        for row in rows {
            var h = SHA256()
            try db.readBlob(table: "statement_rendering", column: "bytes", rowid: row.rowid) { h.update($0) }
            digests.append((row.name, SHA256.hexString(h.finish())))
        }
        return digests
    }

    static func signOffParts(_ db: Database, _ number: String, _ role: String) throws(StoreError) -> [(name: String, digest: String)]? {
        try db.rows("SELECT number, role, by, person, at FROM sign_off WHERE number = ?1 AND role = ?2", [.text(number), .text(role)]) { r in
            var d = Canonical("sign-off")
            d.addText(of: r, 0)
            d.addText(of: r, 1)
            d.addText(of: r, 2)
            d.addOptionalText(of: r, 3)
            d.addText(of: r, 4)
            return [(name: Part.signOff, digest: d.hex())]
        }.first
    }

    static func personParts(_ db: Database, _ id: String) throws(StoreError) -> [(name: String, digest: String)]? {
        try db.rows("SELECT id, name, may_certify, may_approve, added_at FROM person WHERE id = ?1", [.text(id)]) { r in
            var d = Canonical("person")
            d.addText(of: r, 0)
            d.addText(of: r, 1)
            d.add(r.int(2))
            d.add(r.int(3))
            d.addText(of: r, 4)
            return [(name: Part.person, digest: d.hex())]
        }.first
    }

    // MARK: Appending

    /// Appends the entry for a record just written, inside the write transaction; `chain` must
    /// have been loaded (and checked) in the same transaction.
    func append(_ kind: ChainEntry.Kind, _ ref: String, _ parts: [(name: String, digest: String)]) throws(StoreError) {
        let entry = Store.entry(after: chain.last, kind, ref, parts)
        try Store.insert(db, entry)
        chain.append(entry)
    }

    static func entry(after last: ChainEntry?, _ kind: ChainEntry.Kind, _ ref: String, _ parts: [(name: String, digest: String)]) -> ChainEntry {
        let seq = (last?.seq ?? 0) + 1, previous = last?.digest ?? ChainEntry.genesis
        var entry = ChainEntry(seq: seq, kind: kind, ref: ref, content: ChainEntry.content(parts), previous: previous, digest: "")
        entry.digest = ChainEntry.digest(seq: seq, kind: kind, ref: ref, content: entry.content, previous: previous)
        return entry
    }

    static func insert(_ db: Database, _ e: ChainEntry) throws(StoreError) {
        try db.query("INSERT INTO chain (seq, kind, ref, content, previous, digest) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                     [.int(e.seq), .text(e.kind.rawValue), .text(e.ref), .text(e.content), .text(e.previous), .text(e.digest)])
    }

    /// Migration to schema 3: chains the statements and sign-offs a store already holds, in the
    /// order they were written, as they are.
    static func chainExisting(_ db: Database) throws(StoreError) {
        var last: ChainEntry?
        for number in try db.rows("SELECT number FROM statement ORDER BY rowid", [], { $0.text(0) }) {
            let e = entry(after: last, .statement, number, try statementParts(db, number) ?? [])
            try insert(db, e)
            last = e
        }
        for (number, role) in try db.rows("SELECT number, role FROM sign_off ORDER BY rowid", [], { ($0.text(0), $0.text(1)) }) {
            let e = entry(after: last, .signOff, "\(number)/\(role)", try signOffParts(db, number, role) ?? [])
            try insert(db, e)
            last = e
        }
    }

    // MARK: Checking

    /// Reads the chain and checks it: every entry links to the one before and has the digest its
    /// fields give; the triggers that refuse changes are all there; every statement, sign-off and person in the tables has its entry and every
    /// entry its record; sign-offs and people have the digests their entries hold (statements'
    /// parts are checked when read). Returns what does not verify.
    @discardableResult
    func loadChain() throws(StoreError) -> [StoreFinding] {
        var findings: [StoreFinding] = []
        var entries: [ChainEntry] = []
        var expected = ChainEntry.genesis
        try db.query("SELECT seq, kind, ref, content, previous, digest FROM chain ORDER BY seq") { r throws(StoreError) in
            let seq = r.int(0), kindText = r.text(1), ref = r.text(2), content = r.text(3), previous = r.text(4), digest = r.text(5)
            let position = Int64(entries.count + 1)
            guard let kind = ChainEntry.Kind(rawValue: kindText) else {
                findings.append(StoreFinding("Chain", "entry no. \(seq) has the unknown kind '\(kindText)' — written outside LEQ"))
                expected = digest
                return
            }
            let subject = Store.subject(kind, ref)
            if seq != position {
                let gone = seq - position > 1 ? "\(position)–\(seq - 1)" : "\(position)"
                findings.append(StoreFinding("Chain", seq > position ? "entry no. \(gone) is missing — deleted" : "entry no. \(seq) is there twice — inserted"))
            }
            if previous != expected {
                findings.append(StoreFinding(subject, "entry no. \(seq) does not point to the entry before it — an entry before it was deleted, inserted or changed"))
            }
            if ChainEntry.digest(seq: seq, kind: kind, ref: ref, content: content, previous: previous) != digest {
                findings.append(StoreFinding(subject, "entry no. \(seq) does not have the digest of its content — changed in the chain"))
            }
            entries.append(ChainEntry(seq: seq, kind: kind, ref: ref, content: content, previous: previous, digest: digest))
            expected = digest
        }
        chain = entries
        let triggers = Set(try db.rows("SELECT name FROM sqlite_master WHERE type = 'trigger'", [], { $0.text(0) }))
        for name in Store.guardTriggers where !triggers.contains(name) {
            findings.append(StoreFinding("Guard", "the trigger \(name) is missing — removed outside LEQ; UPDATE and DELETE would no longer be refused"))
        }
        findings += try coverage()
        for e in entries where e.kind != .statement {
            let parts: [(name: String, digest: String)]?
            if e.kind == .person {
                parts = try Store.personParts(db, e.ref)
            } else if e.kind == .payment {
                parts = try Store.paymentParts(db, e.ref)
            } else {
                let (number, role) = Store.splitSignOff(e.ref)
                parts = try Store.signOffParts(db, number, role)
            }
            if let parts, ChainEntry.content(parts) != e.content {
                findings.append(StoreFinding(Store.subject(e.kind, e.ref), "does not match the chain — changed after it was recorded"))
            }
        }
        return findings
    }

    /// Records without an entry (inserted outside LEQ) and entries without a record (deleted).
    private func coverage() throws(StoreError) -> [StoreFinding] {
        var findings: [StoreFinding] = []
        let tables: [(ChainEntry.Kind, String)] = [
            (.statement, "SELECT number FROM statement"),
            (.signOff, "SELECT number || '/' || role FROM sign_off"),
            (.person, "SELECT id FROM person"),
            (.payment, "SELECT id FROM payment_file"),
        ]
        for (kind, sql) in tables {
            let rows = try db.rows(sql, [], { $0.text(0) })
            let chained = Set(chain.filter { $0.kind == kind }.map(\.ref))
            for ref in rows where !chained.contains(ref) {
                findings.append(StoreFinding(Store.subject(kind, ref), "is in the store but not in the chain — inserted outside LEQ"))
            }
            let present = Set(rows)
            for e in chain where e.kind == kind && !present.contains(e.ref) {
                findings.append(StoreFinding(Store.subject(kind, e.ref), "is in the chain (entry no. \(e.seq)) but no longer in the store — deleted"))
            }
        }
        // A payment row of a file the chain does not know would mark a statement as paid unseen.
        let files = Set(chain.filter { $0.kind == .payment }.map(\.ref))
        for (number, file) in try db.rows("SELECT number, file FROM payment", [], { ($0.text(0), $0.text(1)) }) where !files.contains(file) {
            findings.append(StoreFinding(Message(verbatim: number), "is marked as paid in the payment file \(file), which is not in the chain — inserted outside LEQ"))
        }
        return findings
    }

    /// Checks the named parts of a statement (all when nil) against its chain entry.
    func check(_ number: String, parts names: [String]? = nil) throws(StoreError) -> [StoreFinding] {
        guard let entry = statementEntry(number) else {
            // A statement without an entry was reported when the chain was loaded.
            return try Store.headDigest(db, number) == nil ? [] : [StoreFinding(Message(verbatim: number), "is not in the chain — inserted outside LEQ")]
        }
        var findings: [StoreFinding] = []
        let wanted = names ?? entry.parts.map(\.name)
        var actual: [String: String] = [:]
        let renderingsWanted = wanted.filter { $0.hasPrefix("rendering ") }
        if names == nil || renderingsWanted.count > 1 {
            for (n, d) in try Store.renderingDigests(db, number) { actual[n] = d }
            if names == nil {
                let chained = Set(entry.parts.map(\.name))
                for n in actual.keys.sorted() where !chained.contains(n) {
                    findings.append(StoreFinding(Message(verbatim: number), "\(Store.label(n)) is not in the chain — inserted outside LEQ"))
                }
            }
        } else if let one = renderingsWanted.first {
            let fl = one.dropFirst("rendering ".count).split(separator: "/").map(String.init)
            if fl.count == 2 { for (n, d) in try Store.renderingDigests(db, number, format: fl[0], language: fl[1]) { actual[n] = d } }
        }
        for name in wanted {
            guard let recorded = entry.part(name) else {
                if name.hasPrefix("rendering "), actual[name] != nil {
                    findings.append(StoreFinding(Message(verbatim: number), "\(Store.label(name)) is not in the chain — inserted outside LEQ"))
                }
                continue
            }
            let now: String?
            switch name {
            case Part.head: now = try Store.headDigest(db, number)
            case Part.inputs: now = try Store.inputsDigest(db, number)
            case Part.lines: now = try Store.linesDigest(db, number)
            default: now = actual[name]
            }
            guard let now else {
                findings.append(StoreFinding(Message(verbatim: number), "\(Store.label(name)) is missing — deleted"))
                continue
            }
            if now != recorded {
                findings.append(StoreFinding(Message(verbatim: number), name == Part.lines || name == Part.inputs
                    ? "\(Store.label(name)) do not match the chain — changed after finalising"
                    : "\(Store.label(name)) does not match the chain — changed after finalising"))
            }
        }
        return findings
    }

    /// The chain's entry of statement `number` (its last, should there be two), or nil.
    func statementEntry(_ number: String) -> ChainEntry? {
        chain.last { $0.kind == .statement && $0.ref == number }
    }

    /// Checks the lines of the statements `numbers` against the chain on all cores, each through a
    /// connection of its own, before they are read one by one: what matches is marked as checked;
    /// anything else is left to `requireVerified`, which names it and refuses. The first reading
    /// of a million cases' six finalised months (7 million lines) was 2 s on one core.
    func checkLinesAhead(_ numbers: [String]) {
        let open = numbers.filter { !verifiedParts.contains("\($0)\t*") && !verifiedParts.contains("\($0)\t\(Part.lines)") }
        guard open.count > 1 else { return }
        let recorded = open.map { statementEntry($0)?.part(Part.lines) }
        let path = self.path
        let digests = open.parallelMap { number -> String? in
            guard let db = try? Database(path: path, create: false) else { return nil }
            return try? Store.linesDigest(db, number)
        }
        for (number, (now, then)) in zip(open, zip(digests, recorded)) where now != nil && now == then {
            verifiedParts.insert("\(number)\t\(Part.lines)")
        }
    }

    /// Checks the named parts (all, and no others, when nil) once per store session; refuses
    /// (`tampered`) when one does not verify.
    func requireVerified(_ number: String, _ names: [String]?) throws(StoreError) {
        let whole = "\(number)\t*"
        guard !verifiedParts.contains(whole) else { return }
        let open = names?.filter { !verifiedParts.contains("\(number)\t\($0)") }
        if let open, open.isEmpty { return }
        let findings = try check(number, parts: open)
        guard findings.isEmpty else { throw StoreError.tampered(path, findings) }
        for n in open ?? ["*"] { verifiedParts.insert("\(number)\t\(n)") }
    }

    /// The words for a part, in a finding.
    static func label(_ part: String) -> Message {
        switch part {
        case Part.head: return "the head (provider, month, total, who finalised it and when)"
        case Part.inputs: return "the input files and their digests"
        case Part.lines: return "the lines"
        default:
            if part.hasPrefix("rendering ") { return "the rendering \(String(part.dropFirst("rendering ".count)))" }
            return Message(verbatim: part)
        }
    }

    static func subject(_ kind: ChainEntry.Kind, _ ref: String) -> Message {
        switch kind {
        case .statement: return Message(verbatim: ref)
        case .person: return "person \(ref)"
        case .payment: return "payment file \(ref)"
        case .signOff:
            let (number, role) = splitSignOff(ref)
            return role == SignOffRole.certified.rawValue ? "\(number), certification (factually and arithmetically correct)" : "\(number), order to pay"
        }
    }

    static func splitSignOff(_ ref: String) -> (number: String, role: String) {
        guard let slash = ref.lastIndex(of: "/") else { return (ref, "") }
        return (String(ref[..<slash]), String(ref[ref.index(after: slash)...]))
    }
}

extension StoreError {
    /// A store whose records do not verify: named, with what differs, and where to look further.
    static func tampered(_ path: String, _ findings: [StoreFinding]) -> StoreError {
        let shown = TamperedList(findings: Array(findings.prefix(10)), more: max(0, findings.count - 10))
        return StoreError(.tampered, """
            the statement store \(path) is no longer as LEQ wrote it:
            \(shown.message)
            Nothing was read from it or computed. 'leq verify --store \(path)' shows every finding; \
            restore the last backup that verifies.
            """, findings: findings)
    }
}

/// The findings of a tampered store as lines of a message, in the message's language.
struct TamperedList {
    var findings: [StoreFinding]
    var more: Int

    var message: Message {
        var parts: [Message] = []
        for f in findings { parts.append("  - \(f.subject): \(f.what)") }
        if more > 0 { parts.append("  … and \(more) more") }
        return parts.dropFirst().reduce(parts.first ?? Message(verbatim: "")) { "\($0)\n\($1)" }
    }
}

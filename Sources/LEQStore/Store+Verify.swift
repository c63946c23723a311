/// The auditor's walk over the whole store (`leq verify`).
public struct VerificationReport: Sendable {
    /// What SQLite's own integrity check says: ["ok"] when the file's structure is sound.
    public var integrity: [String] = []
    /// Everything that does not verify.
    public var findings: [StoreFinding] = []
    public var entries = 0
    public var statements = 0
    public var renderings = 0
    public var lines = 0
    public var signOffs = 0
    public var people = 0
    public var paymentFiles = 0
    /// The last entry of the chain: its number and digest, the value to keep outside the store.
    public var head: (seq: Int64, digest: String)?

    public var verified: Bool { findings.isEmpty }
}

extension Store {
    /// The triggers that refuse UPDATE and DELETE on finalised data. A missing one does not change
    /// any record by itself, but it means someone worked on the file outside LEQ.
    static let guardTriggers = [
        "statement_never_changes", "statement_never_deleted", "input_never_changes", "input_never_deleted",
        "rendering_never_changes", "rendering_never_deleted", "line_never_changes", "line_never_deleted",
        "sign_off_never_changes", "sign_off_never_deleted", "person_never_changes", "person_never_deleted",
        "chain_never_changes", "chain_never_deleted",
        "payment_file_never_changes", "payment_file_never_deleted", "payment_never_changes", "payment_never_deleted",
    ]

    /// Checks everything: SQLite's integrity check, the guard triggers and the chain (every link and
    /// digest, no record without its entry or entry without its record), and every part of every
    /// statement — head, inputs, lines and the bytes of each rendering —, every sign-off and person.
    public func verify() throws(StoreError) -> VerificationReport {
        var report = VerificationReport()
        report.integrity = try db.rows("PRAGMA integrity_check", [], { $0.text(0) })
        if report.integrity != ["ok"] {
            report.findings += report.integrity.map { StoreFinding("SQLite", "integrity check: \($0)") }
        }
        report.findings += try loadChain()
        for number in try db.rows("SELECT number FROM statement ORDER BY month, number", [], { $0.text(0) }) {
            report.findings += try check(number)
        }
        report.entries = chain.count
        report.statements = chain.filter { $0.kind == .statement }.count
        report.signOffs = chain.filter { $0.kind == .signOff }.count
        report.people = chain.filter { $0.kind == .person }.count
        report.paymentFiles = chain.filter { $0.kind == .payment }.count
        report.renderings = Int(try db.rows("SELECT count(*) FROM statement_rendering", [], { $0.int(0) }).first ?? 0)
        report.lines = Int(try db.rows("SELECT count(*) FROM statement_line", [], { $0.int(0) }).first ?? 0)
        report.head = chain.last.map { ($0.seq, $0.digest) }
        return report
    }

    /// The chain entry whose digest is `head` (or begins with it: at least 16 hex digits), if the
    /// chain still holds it — the check against a value kept outside the store.
    public func entry(withDigest head: String) -> (seq: Int64, digest: String)? {
        let prefix = head.lowercased()
        guard prefix.count >= 16 else { return nil }
        return chain.first { $0.digest.hasPrefix(prefix) }.map { ($0.seq, $0.digest) }
    }

    /// The latest entry of the chain: what to note outside the store after an approval.
    public var head: (seq: Int64, digest: String)? { chain.last.map { ($0.seq, $0.digest) } }

    /// The chain entry of a statement (number and digest), for the record `statements show` prints.
    public func chainEntry(of number: String) -> (seq: Int64, digest: String)? {
        statementEntry(number).map { ($0.seq, $0.digest) }
    }
}

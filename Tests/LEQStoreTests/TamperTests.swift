import Foundation
import Testing
import LEQCore
@testable import LEQStore

/// A store as an auditor would attack it: two finalised statements (one correcting the other),
/// two registered people, a certification and an approval.
private func signedStore() throws -> (path: String, cleanUp: () -> Void) {
    let (path, cleanUp) = temporaryStore()
    let store = try Store(path: path, create: true)
    _ = try store.finalize([item(statement("X-2026-03", month: "2026-03", amounts: [Money(cents: 10000), Money(cents: 2550)]))],
                           inputs: inputs, by: "Anna", at: "t1")
    try registerSignatories(store)
    try store.signOff("X-2026-03", role: .certified, by: "akassner", at: "t2")
    try store.signOff("X-2026-03", role: .approved, by: "bvogt", at: "t3")
    _ = try store.finalize([item(statement("X-2026-04", month: "2026-04", amount: "75.00"))], inputs: inputs, by: "Anna", at: "t4")
    return (path, cleanUp)
}

/// Runs SQL on the store's file as an attacker with the sqlite3 shell would: the guard triggers
/// dropped first and put back afterwards, so that only the chain can tell.
private func tamper(_ path: String, _ sql: String, restoreTriggers: Bool = true) throws {
    let db = try Database(path: path, create: false)
    let triggers = try db.rows("SELECT sql FROM sqlite_master WHERE type = 'trigger'", [], { $0.text(0) })
    try db.execute("PRAGMA writable_schema = 0")
    for name in Store.guardTriggers { try db.execute("DROP TRIGGER IF EXISTS \(name)") }
    try db.execute(sql)
    if restoreTriggers { for t in triggers { try db.execute(t) } }
}

/// Every way a command reads the store: opening it, listing, the record, renderings, lines, corrections.
private func everyRead(_ path: String) throws {
    let store = try Store(path: path)
    for s in try store.statements() {
        _ = try store.renderings(s.number)
        _ = try store.lines(s.number)
        _ = try store.corrections(of: s.number)
        _ = try store.rendering(s.number, format: "json", language: "de")
    }
}

@Suite("Attacks on the store: every change outside LEQ is refused on the next read and reported by verify")
struct TamperTests {
    static let attacks: [(String, String)] = [
        ("delete all lines", "DELETE FROM statement_line"),
        ("delete one line", "DELETE FROM statement_line WHERE number = 'X-2026-03' AND position = 1"),
        ("change an amount", "UPDATE statement_line SET amount_cents = amount_cents + 1 WHERE number = 'X-2026-03' AND position = 0"),
        // Read as a C string, the case ID still ended before the NUL and the lines digested as
        // before: the digest takes the bytes as stored.
        ("hide bytes after a NUL in a case ID", "UPDATE statement_line SET case_id = case_id || char(0) || 'X' WHERE number = 'X-2026-03' AND position = 0"),
        ("hide bytes after a NUL in who finalised", "UPDATE statement SET finalized_by = finalized_by || char(0) || 'Zed' WHERE number = 'X-2026-03'"),
        ("hide bytes after a NUL in a sign-off", "UPDATE sign_off SET by = by || char(0) || 'Zed' WHERE role = 'certified'"),
        ("hide bytes after a NUL in an input path", "UPDATE statement_input SET path = path || char(0) || 'x' WHERE number = 'X-2026-03'"),
        ("insert a line", "INSERT INTO statement_line VALUES ('X-2026-04', 9, 'C-9', 'flex', '51-9', 'flatRate', 99999, NULL, NULL)"),
        ("insert a correction", "INSERT INTO statement_line VALUES ('X-2026-04', 9, 'C-1', 'flex', '51-1', 'correction', -10000, 'X-2026-03', 'flatRate')"),
        ("replace a rendering", "UPDATE statement_rendering SET bytes = CAST('X-2026-03 999.99' AS BLOB) WHERE number = 'X-2026-03' AND format = 'json'"),
        ("delete a rendering", "DELETE FROM statement_rendering WHERE number = 'X-2026-03' AND format = 'text'"),
        ("insert a rendering", "INSERT INTO statement_rendering VALUES ('X-2026-03', 'pdf', 'de', x'25504446')"),
        ("change a total", "UPDATE statement SET total_cents = 1 WHERE number = 'X-2026-03'"),
        ("change who finalised", "UPDATE statement SET finalized_by = 'Zed' WHERE number = 'X-2026-03'"),
        ("delete a statement", "DELETE FROM statement WHERE number = 'X-2026-04'"),
        ("insert a statement", "INSERT INTO statement VALUES ('Y-2026-03', 'other', '2026-03', 'a', '2026-04-01', 500000, 'd', 'Zed', 't9')"),
        ("change an input digest", "UPDATE statement_input SET sha256 = 'def' WHERE number = 'X-2026-03'"),
        ("delete the inputs", "DELETE FROM statement_input WHERE number = 'X-2026-03'"),
        ("insert a sign-off", "INSERT INTO sign_off VALUES ('X-2026-04', 'certified', 'Bernd Vogt', 't9', 'bvogt')"),
        ("sign off by SQL with a name only", "INSERT INTO sign_off VALUES ('X-2026-04', 'certified', 'A. Kassner', 't9', NULL)"),
        ("delete a sign-off", "DELETE FROM sign_off WHERE role = 'approved'"),
        ("change a sign-off's person", "UPDATE sign_off SET person = 'bvogt', by = 'Bernd Vogt' WHERE role = 'certified'"),
        ("register a person by SQL", "INSERT INTO person VALUES ('evil', 'Eve Il', 1, 1, 't9')"),
        ("give a person more rights", "UPDATE person SET may_approve = 1 WHERE id = 'akassner'"),
        ("delete a chain entry", "DELETE FROM chain WHERE seq = 2"),
        ("change a chain entry", "UPDATE chain SET content = replace(content, 'a', 'b') WHERE seq = 1"),
        ("delete the last chain entry", "DELETE FROM chain WHERE seq = (SELECT max(seq) FROM chain)"),
        ("insert a chain entry", "INSERT INTO chain VALUES (99, 'person', 'evil', 'person=00', '00', '00')"),
    ]

    @Test("Each attack through SQL, with the triggers dropped and put back, is refused on read and reported by verify",
          arguments: TamperTests.attacks)
    func attack(_ name: String, _ sql: String) throws {
        let (path, cleanUp) = try signedStore()
        defer { cleanUp() }
        try everyRead(path)
        #expect(try Store.openForAudit(path: path).verify().verified)
        try tamper(path, sql)
        #expect { try everyRead(path) } throws: { ($0 as? StoreError)?.kind == .tampered }
        let report = try Store.openForAudit(path: path).verify()
        #expect(!report.verified, "\(name)")
        #expect(report.findings.allSatisfy { !$0.subject.text(.de).isEmpty && !$0.what.text(.de).isEmpty })
    }

    @Test("Dropped triggers alone are reported and refused: the store was worked on outside LEQ")
    func droppedTriggers() throws {
        let (path, cleanUp) = try signedStore()
        defer { cleanUp() }
        try tamper(path, "SELECT 1", restoreTriggers: false)
        let report = try Store.openForAudit(path: path).verify()
        #expect(report.findings.count == Store.guardTriggers.count && report.findings.allSatisfy { $0.subject.text(.de) == "Schutz" })
        #expect { try Store(path: path) } throws: { ($0 as? StoreError)?.kind == .tampered }
    }

    @Test("One byte flipped inside a stored rendering or a line in the file: SQLite's integrity check says ok, verify does not")
    func byteFlip() throws {
        for (target, expected) in [("text X-2026-04", "Darstellung text/de"), ("X-2026-03 125.50", "Darstellung json/de")] {
            let (path, cleanUp) = try signedStore()
            defer { cleanUp() }
            var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
            let needle = Array(target.utf8)
            let at = try #require((0...(bytes.count - needle.count)).first { bytes[$0..<($0 + needle.count)].elementsEqual(needle) })
            bytes[at + needle.count - 1] ^= 0x01
            try Data(bytes).write(to: URL(fileURLWithPath: path))
            let report = try Store.openForAudit(path: path).verify()
            #expect(report.integrity == ["ok"])
            #expect(report.findings.map(\.description).contains { $0.contains(expected) }, "\(report.findings)")
            #expect { try everyRead(path) } throws: { ($0 as? StoreError)?.kind == .tampered }
        }
        // A line's amount: the integer sits in the record; flip the bit that makes 10000 cents 10001.
        let (path, cleanUp) = try signedStore()
        defer { cleanUp() }
        let db = try Database(path: path, create: false)
        let before = try db.rows("SELECT amount_cents FROM statement_line WHERE number = 'X-2026-03' ORDER BY position", [], { $0.int(0) })
        #expect(before == [10000, 2550])
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        // 10000 is stored as the big-endian 16-bit integer 0x2710 right after the kind text 'flatRate' of case C-1.
        let needle = Array("C-1flex51-1flatRate".utf8) + [0x27, 0x10]
        let at = try #require((0...(bytes.count - needle.count)).first { bytes[$0..<($0 + needle.count)].elementsEqual(needle) })
        bytes[at + needle.count - 1] ^= 0x01
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let report = try Store.openForAudit(path: path).verify()
        #expect(report.integrity == ["ok"])
        #expect(try Database(path: path, create: false).rows("SELECT amount_cents FROM statement_line WHERE number = 'X-2026-03' AND position = 0", [], { $0.int(0) }) == [10001])
        #expect(report.findings.map(\.description) == ["X-2026-03: Zeilen stimmen nicht mit der Kette überein — nach dem Finalisieren verändert"])
    }

    @Test("A store cut back to an earlier state keeps a consistent chain; the head noted outside shows it")
    func headKeptOutside() throws {
        let (path, cleanUp) = try signedStore()
        defer { cleanUp() }
        let head = try #require(try Store(path: path).head)
        #expect(try Store(path: path).entry(withDigest: String(head.digest.prefix(16)))?.seq == head.seq)
        // Remove the last statement and its entry together: every link and digest that is left still verifies …
        try tamper(path, """
            DELETE FROM statement_rendering WHERE number = 'X-2026-04'; DELETE FROM statement_line WHERE number = 'X-2026-04';
            DELETE FROM statement_input WHERE number = 'X-2026-04'; DELETE FROM statement WHERE number = 'X-2026-04';
            DELETE FROM chain WHERE ref = 'X-2026-04'
            """)
        let store = try Store.openForAudit(path: path)
        #expect(try store.verify().verified)
        // … but the head noted after the last write is no longer in it.
        #expect(store.entry(withDigest: head.digest) == nil)
        #expect(store.entry(withDigest: "0123") == nil)
    }
}

import Foundation
import Testing
import LEQCore
@testable import LEQStore

/// A store in a folder of this test's own.
func temporaryStore() -> (path: String, cleanUp: () -> Void) {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("leq-store-\(UUID().uuidString)")
    try! FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    return (folder.appendingPathComponent("leq.db").path, { try? FileManager.default.removeItem(at: folder) })
}

private func statement(_ number: String, provider: String = "tsd", month: String = "2026-03", amount: String = "100.00") -> Statement {
    let m = Month(iso: month)!
    let line = StatementLine(caseID: "C-1", fileReference: "51-1", service: "flex", kind: .flatRate, category: "B", period: m.period,
                             quantity: ExactDecimal(units: 31, scale: 0), unit: .day, rate: Money(decimal: amount)!, rateUnit: .month,
                             amount: Money(decimal: amount)!, bearerParts: [Money(decimal: amount)!])
    return Statement(number: number, month: m, issued: m.lastDay.next, agreementID: "a",
                     youthOffice: Party(name: "JA", address: []),
                     provider: Provider(id: provider, name: "T", address: [], taxNumber: "", creditorNumber: "", leitwegID: "", statementPrefix: "X"),
                     bearers: [CostBearer(id: "k", name: "K")], services: [], lines: [line], warnings: [])
}

private func item(_ s: Statement, bytes: String? = nil) -> Finalisable {
    Finalisable(statement: s, renderings: [Rendering(format: "json", language: "de", bytes: Array((bytes ?? "\(s.number) \(s.totals.all)").utf8)),
                                           Rendering(format: "text", language: "de", bytes: Array("text \(s.number)".utf8))])
}

private let inputs = [StoredInput(role: "cases", path: "c.json", sha256: "abc")]

@Suite("The statement store (SPEC § 15)")
struct StoreTests {
    @Test("Finalised statements are stored with their renderings, lines, inputs; a second run with the same bytes is a no-op")
    func finalizeAndRead() throws {
        let (path, cleanUp) = temporaryStore()
        defer { cleanUp() }
        let store = try Store(path: path)
        let outcome = try store.finalize([item(statement("X-2026-03"))], inputs: inputs, by: "Anna", at: "t1")
        #expect(outcome.stored == ["X-2026-03"] && outcome.unchanged.isEmpty)
        #expect(try store.rendering("X-2026-03", format: "text", language: "de") == Array("text X-2026-03".utf8))
        #expect(try store.lines("X-2026-03").map(\.amount) == [Money(decimal: "100.00")!])
        #expect(try store.inputs("X-2026-03") == inputs)
        #expect(try store.statement("X-2026-03")?.finalizedBy == "Anna")
        let again = try Store(path: path).finalize([item(statement("X-2026-03"))], inputs: inputs, by: "Bernd", at: "t2")
        #expect(again.stored.isEmpty && again.unchanged == ["X-2026-03"])
        #expect(try store.statement("X-2026-03")?.finalizedBy == "Anna")
    }

    @Test("Other bytes for a finalised statement are refused, and nothing of the run is stored")
    func refusal() throws {
        let (path, cleanUp) = temporaryStore()
        defer { cleanUp() }
        let store = try Store(path: path)
        _ = try store.finalize([item(statement("X-2026-03"))], inputs: inputs, by: "Anna", at: "t1")
        #expect(throws: StoreError.self) {
            try store.finalize([item(statement("Y-2026-03", provider: "other")), item(statement("X-2026-03", amount: "99.00"))],
                               inputs: inputs, by: "Anna", at: "t2")
        }
        #expect(try store.statements().map(\.number) == ["X-2026-03"])
    }

    @Test("A failure half-way through leaves the store as it was")
    func failureRollsBack() throws {
        let (path, cleanUp) = temporaryStore()
        defer { cleanUp() }
        let store = try Store(path: path)
        _ = try store.finalize([item(statement("X-2026-02", month: "2026-02"))], inputs: inputs, by: "Anna", at: "t0")
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(throws: StoreError.self) {
            try store.finalize([item(statement("X-2026-03")), item(statement("Y-2026-03", provider: "other"))], inputs: inputs,
                               by: "Anna", at: "t1", failAfter: 1)
        }
        #expect(try store.statements().map(\.number) == ["X-2026-02"])
        #expect(try store.lines("X-2026-03").isEmpty && store.rendering("X-2026-03", format: "json", language: "de") == nil)
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
    }

    @Test("A finalised statement cannot be changed or deleted, not even with SQL")
    func neverChanges() throws {
        let (path, cleanUp) = temporaryStore()
        defer { cleanUp() }
        let store = try Store(path: path)
        _ = try store.finalize([item(statement("X-2026-03"))], inputs: inputs, by: "Anna", at: "t1")
        for sql in ["UPDATE statement SET total_cents = 1", "DELETE FROM statement", "UPDATE statement_rendering SET bytes = x'00'",
                    "UPDATE statement_line SET amount_cents = 1"] {
            #expect(throws: StoreError.self, "\(sql)") { try store.db.execute(sql) }
        }
        #expect(try store.statement("X-2026-03")?.total == Money(decimal: "100.00"))
    }

    @Test("Four eyes: certified first, then approved by another person; each once")
    func fourEyes() throws {
        let (path, cleanUp) = temporaryStore()
        defer { cleanUp() }
        let store = try Store(path: path)
        _ = try store.finalize([item(statement("X-2026-03"))], inputs: inputs, by: "Anna", at: "t1")
        #expect(throws: StoreError.self) { try store.signOff("X-2026-03", role: .approved, by: "Bernd", at: "t2") }
        try store.signOff("X-2026-03", role: .certified, by: "Anna Kassner", at: "t2")
        #expect(try store.statement("X-2026-03")?.payable == false)
        #expect(throws: StoreError.self) { try store.signOff("X-2026-03", role: .certified, by: "Bernd", at: "t3") }
        #expect(throws: StoreError.self) { try store.signOff("X-2026-03", role: .approved, by: " anna  KASSNER ", at: "t3") }
        try store.signOff("X-2026-03", role: .approved, by: "Bernd Vogt", at: "t3")
        let s = try #require(try store.statement("X-2026-03"))
        #expect(s.certified == SignOff(by: "Anna Kassner", at: "t2") && s.approved == SignOff(by: "Bernd Vogt", at: "t3") && s.payable)
        #expect(throws: StoreError.self) { try store.signOff("X-2026-09", role: .certified, by: "Anna", at: "t4") }
    }

    @Test("A store of schema version 1 opens, migrates to the current version and keeps its statements")
    func migration() throws {
        let (path, cleanUp) = temporaryStore()
        defer { cleanUp() }
        do {
            let old = try Store(path: path, migrateTo: 1)
            #expect(try old.version() == 1)
            // As version 1 wrote it (this code writes the current version only).
            try old.db.execute("""
                INSERT INTO statement VALUES ('X-2026-03', 'tsd', '2026-03', 'a', '2026-04-01', 10000, 'd', 'Anna', 't1');
                INSERT INTO statement_rendering VALUES ('X-2026-03', 'json', 'de', x'7b7d');
                """)
        }
        let store = try Store(path: path)
        #expect(try store.version() == Store.schemaVersion && Store.schemaVersion >= 2)
        #expect(try store.statements().map(\.number) == ["X-2026-03"])
        #expect(try store.rendering("X-2026-03", format: "json", language: "de") == Array("{}".utf8))
        try store.signOff("X-2026-03", role: .certified, by: "Anna", at: "t2")
    }

    @Test("A file that is no store, another application's database, or a newer store is refused with a clear message")
    func foreignFiles() throws {
        let (path, cleanUp) = temporaryStore()
        defer { cleanUp() }
        try Data("this is not a database, just text\n".utf8).write(to: URL(fileURLWithPath: path))
        #expect { try Store(path: path) } throws: { ($0 as? StoreError)?.kind == .notAStore && "\($0)".contains("not a LEQ statement store") }

        let (other, cleanUp2) = temporaryStore()
        defer { cleanUp2() }
        do {
            let db = try Database(path: other, create: true)
            try db.execute("CREATE TABLE accounts (id INTEGER)")
        }
        #expect { try Store(path: other) } throws: { ($0 as? StoreError)?.kind == .notAStore && "\($0)".contains("another application") }

        let (newer, cleanUp3) = temporaryStore()
        defer { cleanUp3() }
        do {
            _ = try Store(path: newer)
            let db = try Database(path: newer, create: false)
            try db.execute("PRAGMA user_version = 99")
        }
        #expect { try Store(path: newer) } throws: { ($0 as? StoreError)?.kind == .newerVersion }

        #expect { try Store(path: path + ".missing", create: false) } throws: { ($0 as? StoreError)?.kind == .cannotOpen }
    }
}

import Foundation
import Testing
import LEQCore
@testable import LEQStore

@Suite("The statement store (SPEC § 15)")
struct StoreTests {
    @Test("Finalised statements are stored with their renderings, lines, inputs; a second run with the same bytes is a no-op")
    func finalizeAndRead() throws {
        let (path, cleanUp) = temporaryStore()
        defer { cleanUp() }
        let store = try Store(path: path, create: true)
        let outcome = try store.finalize([item(statement("X-2026-03"))], inputs: inputs, by: "Anna", at: "t1")
        #expect(outcome.stored == ["X-2026-03"] && outcome.unchanged.isEmpty)
        #expect(try store.rendering("X-2026-03", format: "text", language: "de") == Array("text X-2026-03".utf8))
        #expect(try store.lines("X-2026-03").map(\.amount) == [Money(decimal: "100.00")!])
        #expect(try store.inputs("X-2026-03") == inputs)
        #expect(try store.statement("X-2026-03")?.finalizedBy == "Anna")
        let again = try Store(path: path).finalize([item(statement("X-2026-03"))], inputs: inputs, by: "Bernd", at: "t2")
        #expect(again.stored.isEmpty && again.unchanged == ["X-2026-03"])
        #expect(try store.statement("X-2026-03")?.finalizedBy == "Anna")
        #expect(try Store.openForAudit(path: path).verify().verified)
    }

    @Test("Renderings asked for one by one are stored as they come, the German JSON wherever it is; an unchanged statement's are all read")
    func renderingsOneByOne() throws {
        let (path, cleanUp) = temporaryStore()
        defer { cleanUp() }
        let store = try Store(path: path, create: true)
        let statements = [statement("X-2026-03"), statement("Y-2026-03", provider: "other")]
        func renderings(_ s: Statement) -> [Rendering] {
            // The German JSON last but one: what comes before it is held, what comes after streamed.
            [Rendering(format: "text", language: "de", bytes: Array("text \(s.number)".utf8)),
             Rendering(format: "text", language: "en", bytes: Array("text en \(s.number)".utf8)),
             Rendering(format: "json", language: "de", bytes: Array("\(s.number) \(s.totals.all)".utf8)),
             Rendering(format: "csv", language: "de", bytes: Array("csv \(s.number)".utf8))]
        }
        var read = 0
        func given(_ k: Int) -> AnyIterator<Rendering> {
            var rest = renderings(statements[k])[...]
            return AnyIterator {
                guard let r = rest.popFirst() else { return nil }
                read += 1
                return r
            }
        }
        let outcome = try store.finalize(statements, inputs: inputs, by: "Anna", at: "t1", renderings: given)
        #expect(outcome.stored == ["X-2026-03", "Y-2026-03"] && read == 8)
        for s in statements {
            for r in renderings(s) {
                #expect(try store.rendering(s.number, format: r.format, language: r.language) == r.bytes, "\(s.number) \(r.format) \(r.language)")
            }
            #expect(try store.renderings(s.number).count == 4)
        }
        // Again with the same bytes: nothing stored, every rendering read (the next statement's come after them).
        read = 0
        let again = try store.finalize(statements, inputs: inputs, by: "Bernd", at: "t2", renderings: given)
        #expect(again.unchanged == ["X-2026-03", "Y-2026-03"] && again.stored.isEmpty && read == 8)
        #expect(try Store.openForAudit(path: path).verify().verified)
    }

    @Test("A statement prepared once serves every run of its SQL: a run inside another's rows and a failed run do no harm")
    func preparedStatementsUsedAgain() throws {
        let (path, cleanUp) = temporaryStore()
        defer { cleanUp() }
        let db = try Database(path: path, create: true)
        try db.execute("CREATE TABLE t (n INTEGER PRIMARY KEY, s TEXT)")
        let insert = "INSERT INTO t (n, s) VALUES (?1, ?2)"
        for n in 1...50 { try db.query(insert, [.int(Int64(n)), n % 2 == 0 ? .text("even \(n)") : .null]) }
        // A run that fails (the key is taken) leaves the statement ready for the next.
        #expect(throws: StoreError.self) { try db.query(insert, [.int(7), .text("again")]) }
        try db.query(insert, [.int(51), .null])
        let above = "SELECT n FROM t WHERE n > ?1 ORDER BY n"
        // The same SQL run inside its own rows: each run reads its own rows.
        var pairs = 0
        try db.query(above, [.int(45)]) { outer throws(StoreError) in
            let n = outer.int(0)
            let inner = try db.rows(above, [.int(n)]) { $0.int(0) }
            #expect(inner == Array((n + 1)..<52), "after \(n)")
            pairs += inner.count
        }
        #expect(pairs == 5 + 4 + 3 + 2 + 1 + 0)
        #expect(try db.rows(above, [.int(48)]) { $0.int(0) } == [49, 50, 51])
        #expect(try db.rows("SELECT s FROM t WHERE n IN (7, 8, 51) ORDER BY n") { $0.optionalText(0) } == [nil, "even 8", nil])
    }

    @Test("A new store has pages of 64 KiB (its renderings written in large pieces); a store made before keeps its pages")
    func pageSize() throws {
        let (path, cleanUp) = temporaryStore()
        defer { cleanUp() }
        _ = try Store(path: path, create: true).finalize([item(statement("X-2026-03"))], inputs: inputs, by: "Anna", at: "t1")
        #expect(try Database(path: path, create: false).rows("PRAGMA page_size") { $0.int(0) } == [65536])
        // One with pages of 4 KiB (as stores were made before) is opened and written as it is.
        let (old, cleanUpOld) = temporaryStore()
        defer { cleanUpOld() }
        let db = try Database(path: old, create: true)
        try db.execute("PRAGMA page_size = 4096")
        try Store.migrate(db, path: old, to: Store.schemaVersion, fresh: true)
        let store = try Store(path: old)
        _ = try store.finalize([item(statement("X-2026-03"))], inputs: inputs, by: "Anna", at: "t1")
        #expect(try store.statements().map(\.number) == ["X-2026-03"])
        #expect(try Database(path: old, create: false).rows("PRAGMA page_size") { $0.int(0) } == [4096])
        #expect(try Store.openForAudit(path: old).verify().verified)
    }

    @Test("Other bytes for a finalised statement are refused, and nothing of the run is stored")
    func refusal() throws {
        let (path, cleanUp) = temporaryStore()
        defer { cleanUp() }
        let store = try Store(path: path, create: true)
        _ = try store.finalize([item(statement("X-2026-03"))], inputs: inputs, by: "Anna", at: "t1")
        #expect(throws: StoreError.self) {
            try store.finalize([item(statement("Y-2026-03", provider: "other")), item(statement("X-2026-03", amount: "99.00"))],
                               inputs: inputs, by: "Anna", at: "t2")
        }
        #expect(try store.statements().map(\.number) == ["X-2026-03"])
        // The chain in memory is the one on disk again: the next write links to it.
        _ = try store.finalize([item(statement("Y-2026-03", provider: "other"))], inputs: inputs, by: "Anna", at: "t3")
        #expect(try Store.openForAudit(path: path).verify().verified)
    }

    @Test("A failure half-way through leaves the store as it was")
    func failureRollsBack() throws {
        let (path, cleanUp) = temporaryStore()
        defer { cleanUp() }
        let store = try Store(path: path, create: true)
        _ = try store.finalize([item(statement("X-2026-02", month: "2026-02"))], inputs: inputs, by: "Anna", at: "t0")
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(throws: StoreError.self) {
            let items = [item(statement("X-2026-03")), item(statement("Y-2026-03", provider: "other"))]
            _ = try store.finalize(items.map(\.statement), inputs: inputs, by: "Anna", at: "t1", failAfter: 1) { AnyIterator(items[$0].renderings.makeIterator()) }
        }
        #expect(try store.statements().map(\.number) == ["X-2026-02"])
        #expect(try store.lines("X-2026-03").isEmpty && store.rendering("X-2026-03", format: "json", language: "de") == nil)
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
    }

    @Test("No table that holds finalised data takes an UPDATE or DELETE, not even through SQL")
    func neverChanges() throws {
        let (path, cleanUp) = temporaryStore()
        defer { cleanUp() }
        let store = try Store(path: path, create: true)
        _ = try store.finalize([item(statement("X-2026-03"))], inputs: inputs, by: "Anna", at: "t1")
        try registerSignatories(store)
        try store.signOff("X-2026-03", role: .certified, by: "akassner", at: "t2")
        for table in ["statement", "statement_input", "statement_rendering", "statement_line", "sign_off", "person", "chain"] {
            #expect(throws: StoreError.self, "DELETE \(table)") { try store.db.execute("DELETE FROM \(table)") }
            #expect(throws: StoreError.self, "UPDATE \(table)") { try store.db.execute("UPDATE \(table) SET rowid = rowid") }
        }
        #expect(try store.statement("X-2026-03")?.total == Money(decimal: "100.00"))
        #expect(try Store.openForAudit(path: path).verify().verified)
    }

    @Test("Four eyes by identity: registered IDs with their rights; the same ID never gives both sign-offs, however the name is spelt")
    func fourEyes() throws {
        let (path, cleanUp) = temporaryStore()
        defer { cleanUp() }
        let store = try Store(path: path, create: true)
        _ = try store.finalize([item(statement("X-2026-03"))], inputs: inputs, by: "Anna", at: "t1")
        #expect { try store.signOff("X-2026-03", role: .certified, by: "akassner", at: "t2") } throws: {
            "\($0)".contains("keine eingetragene Kennung") && "\($0)".contains("leq people add")
        }
        try registerSignatories(store)
        // Another ID for the same person, spelt otherwise, is refused.
        for spelling in ["A. Kassner", "Kassner, Anna", "ANNA KAßNER", "anna.kassner"] {
            #expect(throws: StoreError.self, "\(spelling)") {
                try store.addPerson(id: "kassner2", name: spelling == "A. Kassner" ? "Anna  Kassner" : spelling, mayCertify: false, mayApprove: true, at: "t1")
            }
        }
        #expect(throws: StoreError.self) { try store.addPerson(id: "AKassner", name: "Someone Else", mayCertify: true, mayApprove: true, at: "t1") }
        #expect(throws: StoreError.self) { try store.addPerson(id: "a kassner", name: "Ann Other", mayCertify: true, mayApprove: true, at: "t1") }
        #expect(throws: StoreError.self) { try store.signOff("X-2026-03", role: .approved, by: "bvogt", at: "t2") }  // not certified yet
        #expect(throws: StoreError.self) { try store.signOff("X-2026-03", role: .certified, by: "nobody", at: "t2") }
        try store.signOff("X-2026-03", role: .certified, by: "AKassner", at: "t2")  // IDs are read in lower case
        #expect(try store.statement("X-2026-03")?.payable == false)
        #expect(throws: StoreError.self) { try store.signOff("X-2026-03", role: .certified, by: "bvogt", at: "t3") }  // once
        #expect(throws: StoreError.self) { try store.signOff("X-2026-03", role: .approved, by: "akassner", at: "t3") }  // may not approve
        try store.addPerson(id: "akassner-a", name: "Anna Kassner", mayCertify: false, mayApprove: true, at: "t3", namesake: true)
        try store.signOff("X-2026-03", role: .approved, by: "bvogt", at: "t3")
        let s = try #require(try store.statement("X-2026-03"))
        #expect(s.certified == SignOff(by: "Anna Kassner", at: "t2", person: "akassner") && s.approved == SignOff(by: "Bernd Vogt", at: "t3", person: "bvogt"))
        #expect(s.payable)
        #expect(throws: StoreError.self) { try store.signOff("X-2026-09", role: .certified, by: "akassner", at: "t4") }
        #expect(try Store.openForAudit(path: path).verify().verified)
    }

    @Test("The same ID cannot certify and approve, even when it may do both")
    func sameIDRefused() throws {
        let (path, cleanUp) = temporaryStore()
        defer { cleanUp() }
        let store = try Store(path: path, create: true)
        _ = try store.finalize([item(statement("X-2026-03"))], inputs: inputs, by: "Anna", at: "t1")
        try registerSignatories(store)
        try store.signOff("X-2026-03", role: .certified, by: "bvogt", at: "t2")
        #expect { try store.signOff("X-2026-03", role: .approved, by: "BVOGT", at: "t3") } throws: { "\($0)".contains("Vier-Augen-Prinzip") }
    }

    @Test("A store of schema 4 migrates to 5: its correction lines are found through their own index, the same lines as before")
    func correctionIndex() throws {
        let (path, cleanUp) = temporaryStore()
        defer { cleanUp() }
        do {
            let four = try Store(path: path, create: true, audit: false, migrateTo: 4)
            _ = try four.finalize([item(statement("X-2026-03"))], inputs: inputs, by: "Anna", at: "t1")
            var april = statement("X-2026-04", month: "2026-04")
            var correction = april.lines[0]
            correction.kind = .correction
            correction.amount = Money(cents: -1_000)
            correction.corrects = "X-2026-03"
            correction.correctedKind = .flatRate
            april = Statement(number: april.number, month: april.month, issued: april.issued, agreementID: april.agreementID,
                              youthOffice: april.youthOffice, provider: april.provider, bearers: april.bearers, services: [],
                              lines: april.lines + [correction], warnings: [])
            _ = try four.finalize([item(april)], inputs: inputs, by: "Anna", at: "t2")
            #expect(try four.version() == 4)
            #expect(try four.db.rows("SELECT name FROM sqlite_master WHERE type = 'index' AND name = 'statement_line_corrects'", [], { $0.text(0) }).isEmpty)
            #expect(try four.corrections(of: "X-2026-03").map(\.amount) == [Money(cents: -1_000)])
        }
        let store = try Store(path: path)
        #expect(try store.version() == 5 && Store.schemaVersion == 5)
        let plan = try store.db.rows("EXPLAIN QUERY PLAN SELECT case_id FROM statement_line WHERE corrects = ?1", [.text("X-2026-03")], { $0.text(3) })
        #expect(plan.contains { $0.contains("statement_line_corrects") }, "\(plan)")
        let found = try store.corrections(of: "X-2026-03")
        #expect(found.map(\.amount) == [Money(cents: -1_000)] && found.map(\.corrects) == ["X-2026-03"])
        #expect(try store.corrections(of: "X-2026-04").isEmpty)
        #expect(try Store.openForAudit(path: path).verify().verified)
    }

    @Test("Stores of schema 1 and 2 migrate: statements and sign-offs are chained as they are, old sign-offs marked as given before registration")
    func migration() throws {
        let (path, cleanUp) = temporaryStore()
        defer { cleanUp() }
        do {
            let old = try Store(path: path, create: true, audit: false, migrateTo: 1)
            #expect(try old.version() == 1)
            // As version 1 wrote it (this code writes the current version only).
            try old.db.execute("""
                INSERT INTO statement VALUES ('X-2026-03', 'tsd', '2026-03', 'a', '2026-04-01', 10000, 'd', 'Anna', 't1');
                INSERT INTO statement_rendering VALUES ('X-2026-03', 'json', 'de', x'7b7d');
                """)
        }
        do {
            let two = try Store(path: path, create: false, audit: false, migrateTo: 2)
            try two.db.execute("INSERT INTO sign_off VALUES ('X-2026-03', 'certified', 'A. Kassner', 't2')")
        }
        let store = try Store(path: path)
        #expect(try store.version() == Store.schemaVersion && Store.schemaVersion >= 3)
        #expect(try store.statements().map(\.number) == ["X-2026-03"])
        #expect(try store.rendering("X-2026-03", format: "json", language: "de") == Array("{}".utf8))
        #expect(try store.statement("X-2026-03")?.certified == SignOff(by: "A. Kassner", at: "t2", person: nil))
        try registerSignatories(store)
        try store.addPerson(id: "kassner", name: "Kassner, A.", mayCertify: false, mayApprove: true, at: "t3")
        // The old certification was given by name: a registered person of that name, however spelt, may not approve.
        #expect { try store.signOff("X-2026-03", role: .approved, by: "kassner", at: "t3") } throws: { "\($0)".contains("Vier-Augen-Prinzip") }
        try store.signOff("X-2026-03", role: .approved, by: "bvogt", at: "t3")
        let report = try Store.openForAudit(path: path).verify()
        #expect(report.verified, "\(report.findings)")
        #expect(report.statements == 1 && report.signOffs == 2 && report.people == 3)
    }

    @Test("A file that is no store, another application's database, or a newer store is refused with a clear message")
    func foreignFiles() throws {
        let (path, cleanUp) = temporaryStore()
        defer { cleanUp() }
        try Data("this is not a database, just text\n".utf8).write(to: URL(fileURLWithPath: path))
        #expect { try Store(path: path, create: true) } throws: { ($0 as? StoreError)?.kind == .notAStore && "\($0)".contains("kein LEQ-Abrechnungsspeicher") }

        let (other, cleanUp2) = temporaryStore()
        defer { cleanUp2() }
        do {
            let db = try Database(path: other, create: true)
            try db.execute("CREATE TABLE accounts (id INTEGER)")
        }
        #expect { try Store(path: other, create: true) } throws: { ($0 as? StoreError)?.kind == .notAStore && "\($0)".contains("anderen Anwendung") }

        let (newer, cleanUp3) = temporaryStore()
        defer { cleanUp3() }
        do {
            _ = try Store(path: newer, create: true)
            let db = try Database(path: newer, create: false)
            try db.execute("PRAGMA user_version = 99")
        }
        #expect { try Store(path: newer) } throws: { ($0 as? StoreError)?.kind == .newerVersion }

        #expect { try Store(path: path + ".missing") } throws: { ($0 as? StoreError)?.kind == .cannotOpen && "\($0)".contains(path + ".missing") }
        #expect(!FileManager.default.fileExists(atPath: path + ".missing"))
    }

    @Test("An empty, truncated or empty-SQLite file is refused with its path and left unchanged, also where a store may be created")
    func emptyAndTruncated() throws {
        let (path, cleanUp) = temporaryStore()
        defer { cleanUp() }
        try Data().write(to: URL(fileURLWithPath: path))
        for create in [false, true] {
            #expect { try Store(path: path, create: create) } throws: { ($0 as? StoreError)?.kind == .notAStore && "\($0)".contains("\(path) ist leer (0 Bytes)") }
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)).isEmpty)

        let (good, cleanUp2) = temporaryStore()
        defer { cleanUp2() }
        do {
            let store = try Store(path: good, create: true)
            _ = try store.finalize([item(statement("X-2026-03"))], inputs: inputs, by: "Anna", at: "t1")
        }
        let bytes = try Data(contentsOf: URL(fileURLWithPath: good))
        for cut in [100, 4096, bytes.count - 4096, bytes.count - 1] {
            try bytes.prefix(cut).write(to: URL(fileURLWithPath: path))
            #expect { try Store(path: path, create: true) } throws: { ($0 as? StoreError)?.kind == .notAStore && "\($0)".contains("abgeschnitten") }
            #expect { try Store.openForAudit(path: path) } throws: { ($0 as? StoreError)?.kind == .notAStore }
            #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == bytes.prefix(cut))
        }

        let (bare, cleanUp3) = temporaryStore()
        defer { cleanUp3() }
        do { try Database(path: bare, create: true).execute("VACUUM") }
        #expect { try Store(path: bare, create: true) } throws: { "\($0)".contains("leere SQLite-Datenbank") }
    }

    @Test("Creating a store leaves no temporary file behind; a folder where a store should be is refused")
    func creation() throws {
        let (path, cleanUp) = temporaryStore()
        defer { cleanUp() }
        _ = try Store(path: path, create: true)
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["leq.db"])
        #expect { try Store(path: folder.path, create: true) } throws: { "\($0)".contains("keine Datei") }
        #expect { try Store(path: folder.appendingPathComponent("no/such/folder.db").path, create: true) } throws: { ($0 as? StoreError)?.kind == .cannotOpen }
    }
}

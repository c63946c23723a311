import Foundation
import Testing
import LEQCore
import LEQFormats
@testable import LEQCLI
@testable import LEQStore

/// A folder of the test's own with a copy of the top-up sample's cases, which tests change.
private struct Workspace {
    let folder = temporaryFolder()
    var store: String { folder.appendingPathComponent("leq.db").path }
    var cases: String { folder.appendingPathComponent("cases.json").path }

    init() { try! FileManager.default.copyItem(atPath: topUpCases, toPath: cases) }

    func remove() { try? FileManager.default.removeItem(at: folder) }

    /// Changes the case file as JSON text: each pair replaces its first occurrence.
    func change(_ pairs: [(String, String)]) {
        var text = String(decoding: FileManager.default.contents(atPath: cases)!, as: UTF8.self)
        for (old, new) in pairs {
            let changed = text.replacingFirst(old, with: new)
            precondition(changed != text, "the replacement '\(old)' did not apply")
            text = changed
        }
        try! Data(text.utf8).write(to: URL(fileURLWithPath: cases))
    }

    func run(_ command: String, _ month: String, _ extra: [String] = []) -> (status: Int32, out: [UInt8], err: String) {
        leq([command, "--agreement"] + dailyAgreements + ["--cases", cases, "--month", month, "--store", store] + extra)
    }
}

extension String {
    func replacingFirst(_ old: String, with new: String) -> String {
        guard let r = range(of: old) else { return self }
        return replacingCharacters(in: r, with: new)
    }
}

/// The JSON lines of kind `correction` in a settle output.
private func correctionLines(_ out: [UInt8]) throws -> [[String: String]] {
    let (root, _) = try JSONParser.parse(out)
    guard case let .object(top) = root, case let .array(statements)? = top.first(where: { $0.key == "statements" })?.value else { return [] }
    var found: [[String: String]] = []
    for case let .object(statement) in statements {
        guard case let .array(lines)? = statement.first(where: { $0.key == "lines" })?.value else { continue }
        for case let .object(fields) in lines {
            var line: [String: String] = [:]
            for (key, value) in fields.map(\.pair) { if case let .string(s) = value { line[key] = s } }
            if line["kind"] == "correction" { found.append(line) }
        }
    }
    return found
}

@Suite("Finalising, corrections, four eyes through the command line (SPEC § 15)")
struct StoreCommandTests {
    @Test("What settle shows is what finalize stores, byte for byte, in every format and language")
    func settleEqualsFinalize() {
        let w = Workspace()
        defer { w.remove() }
        let r = w.run("finalize", "2026-03", ["--by", "Anna Kassner"])
        #expect(r.status == 0, "\(r.err)")
        #expect(String(decoding: r.out, as: UTF8.self).contains("finalisiert KRR-2026-03"))
        for provider in ["krr", "hjw"] {
            let number = provider.uppercased() + "-2026-03"
            for format in ["json", "text", "csv", "html", "advice"] {
                for lang in ["de", "en"] {
                    let settled = w.run("settle", "2026-03", ["--provider", provider, "--format", format, "--lang", lang])
                    let shown = leq(["statements", "show", number, "--format", format, "--lang", lang, "--store", w.store])
                    #expect(shown.status == 0 && !shown.out.isEmpty && shown.out == settled.out, "\(number) \(format) \(lang)")
                }
            }
        }
        let again = w.run("finalize", "2026-03", ["--by", "Bernd Vogt"])
        #expect(again.status == 0 && String(decoding: again.out, as: UTF8.self).contains("unverändert KRR-2026-03"))
        let info = String(decoding: leq(["statements", "show", "KRR-2026-03", "--store", w.store]).out, as: UTF8.self)
        #expect(info.contains("finalisiert: Anna Kassner") && info.contains("cases \(w.cases) ") && info.contains("zahlbar: nein"))
    }

    @Test("A back-dated category change, a late absence and a late top-up proof become correction lines naming March")
    func backDatedChanges() throws {
        let w = Workspace()
        defer { w.remove() }
        // As March was finalised: Z-301 in category B, Z-302 without its late absence, Z-307 without proof.
        #expect(w.run("finalize", "2026-03", ["--by", "Anna"]).status == 0)
        w.change([
            (#""categories": [{"category": "B", "from": "2025-10-01"}]"#, #""categories": [{"category": "B", "from": "2025-10-01"}, {"category": "C", "from": "2026-03-16"}]"#),
            (#""absences": [{"from": "2026-03-09", "to": "2026-03-22", "reason": "holiday"}]"#, #""absences": [{"from": "2026-03-09", "to": "2026-03-22", "reason": "holiday"}, {"from": "2026-03-26", "to": "2026-03-29", "reason": "hospital"}]"#),
            (#""positionShare": "0.2","#, #""positionShare": "0.2", "proofReceived": "2026-03-20","#),
        ])
        let refused = w.run("finalize", "2026-03", ["--by", "Anna"])
        #expect(refused.status == 2 && refused.err.contains("ändert sich nie mehr") && refused.err.contains("--month 2026-04"))
        let april = w.run("settle", "2026-04", ["--format", "json"])
        #expect(april.status == 0, "\(april.err)")
        let lines = try correctionLines(april.out)
        func line(_ c: String, _ kind: String) -> [String: String]? { lines.first { $0["case"] == c && $0["correctedKind"] == kind } }
        // Z-301: days 16–31 March at C (212.60) instead of B (178.43): 16 × 34.17 = 546.72.
        #expect(line("Z-301", "dailyRate")?["amount"] == "546.72")
        #expect(line("Z-301", "dailyRate")?["corrects"] == "KRR-2026-03")
        // Z-302: 4 hospital days (over 3 days: 80 % from the first day, 170.08) instead of present; top-up not paid then.
        #expect(line("Z-302", "dailyRate")?["amount"] == "-850.40" && line("Z-302", "absenceReduced")?["amount"] == "680.32")
        #expect(line("Z-302", "topUp")?["amount"] == "-155.60")
        // Z-307: the proof came in March after all: February's catch-up and March's days, 59 × 33.42.
        #expect(line("Z-307", "topUpCatchUp")?["amount"] == "935.76" && line("Z-307", "topUp")?["amount"] == "1036.02")
        #expect(line("Z-307", "topUp")?["corrects"] == "HJW-2026-03")
        // Once April is finalised with them, May corrects nothing again.
        #expect(w.run("finalize", "2026-04", ["--by", "Anna"]).status == 0)
        #expect(try correctionLines(w.run("settle", "2026-05", ["--format", "json"]).out).isEmpty)
    }

    @Test("With finalised months and changed cases, a range settles the bytes of one run per month, and finalising a range stores the corrections once, as month by month")
    func correctionsOverARange() throws {
        let a = Workspace(), b = Workspace()
        defer { a.remove(); b.remove() }
        let changes = [
            (#""categories": [{"category": "B", "from": "2025-10-01"}]"#, #""categories": [{"category": "B", "from": "2025-10-01"}, {"category": "C", "from": "2026-02-16"}]"#),
            (#""absences": [{"from": "2026-03-09", "to": "2026-03-22", "reason": "holiday"}]"#, #""absences": [{"from": "2026-03-09", "to": "2026-03-22", "reason": "holiday"}, {"from": "2026-03-26", "to": "2026-03-29", "reason": "hospital"}]"#),
        ]
        for w in [a, b] {
            #expect(w.run("finalize", "2026-02..2026-03", ["--by", "Anna"]).status == 0)
            w.change(changes)
        }
        // Settled over a range, each finalised month's corrections are worked out once and found
        // again for the months after: the bytes of one run per month.
        let range = a.run("settle", "2026-04..2026-07", ["--format", "json"])
        #expect(range.status == 0, "\(range.err)")
        let months = (4...7).map { a.run("settle", String(format: "2026-%02d", $0), ["--format", "json"]).out }
        #expect(range.out == months.flatMap { $0 })
        // Each month shows the corrections of February and March (none is finalised yet).
        let shown = try months.map { try correctionLines($0).count }
        #expect(shown[0] > 2 && Set(shown).count == 1)
        // A range over the finalised months too: February and March are compared with what they
        // paid as the range settles them, not settled again for the months after; the same bytes.
        let over = a.run("settle", "2026-01..2026-05", ["--format", "json"])
        #expect(over.status == 0, "\(over.err)")
        #expect(over.out == (1...5).flatMap { a.run("settle", String(format: "2026-%02d", $0), ["--format", "json"]).out })
        // Finalised over a range, April stores the corrections and May and June correct nothing
        // again (what corrected a statement since is in the store): the same lines as month by month.
        #expect(a.run("finalize", "2026-04..2026-06", ["--by", "Anna"]).status == 0)
        for m in 4...6 { #expect(b.run("finalize", String(format: "2026-%02d", m), ["--by", "Anna"]).status == 0) }
        let sa = try Store(path: a.store), sb = try Store(path: b.store)
        let numbers = try sa.statements().map(\.number), others = try sb.statements().map(\.number)
        #expect(numbers == others && numbers.count > 4)
        var corrections = 0
        for n in numbers {
            let la = try sa.lines(n), lb = try sb.lines(n)
            #expect(la.map(\.caseID) == lb.map(\.caseID) && la.map(\.amount) == lb.map(\.amount) && la.map(\.corrects) == lb.map(\.corrects), "\(n)")
            corrections += la.filter { $0.corrects != nil }.count
        }
        #expect(corrections == shown[0])
    }

    @Test("Four eyes by identity: registered people certify and approve by ID; both shown in list and show")
    func fourEyes() {
        let w = Workspace()
        defer { w.remove() }
        #expect(w.run("finalize", "2026-03", ["--by", "Anna"]).status == 0)
        let unknown = leq(["certify", "KRR-2026-03", "--by", "akassner", "--store", w.store])
        #expect(unknown.status == 2 && unknown.err.contains("keine eingetragene Kennung") && unknown.err.contains("leq people add"))
        #expect(leq(["people", "add", "akassner", "--name", "A. Kassner", "--may", "certify,approve", "--store", w.store]).status == 0)
        #expect(leq(["people", "add", "bvogt", "--name", "B. Vogt", "--may", "approve", "--store", w.store]).status == 0)
        // The same person under another ID, however the name is spelt, is not registered again.
        for spelling in ["A.Kassner", "Kassner, A.", "A. KAßNER"] {
            let twin = leq(["people", "add", "kassner", "--name", spelling, "--may", "approve", "--store", w.store])
            #expect(twin.status == 2 && twin.err.contains("schon als akassner"), "\(spelling)")
        }
        #expect(leq(["people", "add", "x", "--name", "Y", "--may", "pay", "--store", w.store]).status == 2)
        #expect(leq(["approve", "KRR-2026-03", "--by", "bvogt", "--store", w.store]).status == 2)
        let certified = leq(["certify", "KRR-2026-03", "--by", "AKassner", "--store", w.store])
        #expect(certified.status == 0 && String(decoding: certified.out, as: UTF8.self).contains("festgestellt von A. Kassner (akassner); es fehlt noch die Anordnung"))
        let same = leq(["approve", "KRR-2026-03", "--by", "akassner", "--store", w.store])
        #expect(same.status == 2 && same.err.contains("Vier-Augen-Prinzip"))
        let approved = leq(["approve", "KRR-2026-03", "--by", "bvogt", "--store", w.store])
        let approvedText = String(decoding: approved.out, as: UTF8.self)
        #expect(approved.status == 0 && approvedText.contains("zahlbar") && approvedText.contains("Kettenkopf Nr. 6: "))
        let list = String(decoding: leq(["statements", "list", "--store", w.store]).out, as: UTF8.self)
        #expect(list.contains("A. Kassner") && list.contains("B. Vogt"))
        let info = String(decoding: leq(["statements", "show", "KRR-2026-03", "--store", w.store]).out, as: UTF8.self)
        #expect(info.contains("sachlich und rechnerisch richtig: A. Kassner (akassner)") && info.contains("angeordnet: B. Vogt (bvogt)") && info.contains("zahlbar: ja"))
        #expect(info.contains("Kette: Eintrag Nr. 2, "))
        let people = String(decoding: leq(["people", "list", "--store", w.store]).out, as: UTF8.self)
        #expect(people.contains("akassner  A. Kassner  feststellen, anordnen") && people.contains("bvogt     B. Vogt     anordnen"))
        #expect(leq(["certify", "KRR-2099-01", "--by", "akassner", "--store", w.store]).status == 2)
        let verified = leq(["verify", "--store", w.store])
        #expect(verified.status == 0 && String(decoding: verified.out, as: UTF8.self).contains("Ergebnis: alles geprüft, nichts verändert."))
    }

    @Test("finalize over all sample agreements finalises only providers with lines, says which it skipped; --provider finalises an empty one")
    func finalizeOnlyWhatExists() {
        let w = Workspace()
        defer { w.remove() }
        let all = ["contracts/essen-krr-2026.json", "contracts/kassel-hjw-2026.json", "contracts/halle-tsd-2026.json",
                   "contracts/halle-jhn-2026.json", "contracts/ulm-jhu-2026.json"].map(path)
        let r = leq(["finalize", "--agreement"] + all + ["--cases", w.cases, "--month", "2026-03", "--by", "Anna", "--store", w.store])
        let out = String(decoding: r.out, as: UTF8.self)
        #expect(r.status == 0, "\(r.err)")
        #expect(out.contains("finalisiert KRR-2026-03") && out.contains("finalisiert HJW-2026-03"))
        for skipped in ["TSD-2026-03", "JHN-2026-03", "JHU-2026-03"] {
            #expect(out.contains("übersprungen \(skipped): keine Fälle und keine Korrekturen"), "\(skipped)")
        }
        let list = String(decoding: leq(["statements", "list", "--store", w.store]).out, as: UTF8.self)
        #expect(!list.contains("TSD-2026-03") && list.contains("KRR-2026-03"))
        // settle shows the same: the empty statements only on request.
        let settled = leq(["settle", "--agreement"] + all + ["--cases", w.cases, "--month", "2026-03", "--store", w.store, "--format", "json"])
        #expect(settled.status == 0 && settled.err.contains("nicht gezeigt: jhn, jhu, tsd"))
        let one = leq(["settle", "--agreement"] + all + ["--cases", w.cases, "--month", "2026-03", "--provider", "tsd", "--no-store"])
        #expect(one.status == 0 && String(decoding: one.out, as: UTF8.self).contains("TSD-2026-03"))
        let named = leq(["finalize", "--agreement"] + all + ["--cases", w.cases, "--month", "2026-03", "--provider", "tsd", "--by", "Anna", "--store", w.store])
        #expect(named.status == 0 && String(decoding: named.out, as: UTF8.self).contains("finalisiert TSD-2026-03: 0,00 €"))
    }

    @Test("A tampered store is refused by every command that reads it; settle computes no corrections from it; verify lists the breaks")
    func tamperedStore() throws {
        let w = Workspace()
        defer { w.remove() }
        #expect(w.run("finalize", "2026-03", ["--by", "Anna"]).status == 0)
        #expect(w.run("settle", "2026-04", ["--format", "json"]).status == 0)
        let good = leq(["verify", "--store", w.store])
        let head = try #require(String(decoding: good.out, as: UTF8.self).split(separator: "\n").first { $0.contains("Kettenkopf:") }?.split(separator: " ").last)
        #expect(good.status == 0)
        #expect(leq(["verify", "--store", w.store, "--head", String(head.prefix(20))]).status == 0)
        // As in the audit: the lines deleted through SQL (the trigger dropped first).
        let db = try Database(path: w.store, create: false)
        try db.execute("DROP TRIGGER line_never_deleted; DELETE FROM statement_line WHERE number = 'KRR-2026-03'")
        try db.execute("CREATE TRIGGER line_never_deleted BEFORE DELETE ON statement_line BEGIN SELECT RAISE(ABORT, 'no'); END")
        let april = w.run("settle", "2026-04", ["--format", "json"])
        #expect(april.status == 2 && april.out.isEmpty)
        #expect(april.err.contains("KRR-2026-03: Zeilen stimmen nicht mit der Kette überein") && april.err.contains("leq verify"))
        #expect(w.run("finalize", "2026-04", ["--by", "Anna"]).status == 2)
        for command in [["statements", "show", "KRR-2026-03"], ["statements", "list"], ["check", "--statement", "KRR-2026-03", "--lines", w.cases]] {
            let r = leq(command + ["--store", w.store])
            #expect(r.status == 2 && r.err.contains("nicht mehr so, wie LEQ ihn geschrieben hat"), "\(command)")
        }
        let bad = leq(["verify", "--store", w.store])
        #expect(bad.status == 1 && String(decoding: bad.out, as: UTF8.self).contains("- KRR-2026-03: Zeilen stimmen nicht mit der Kette überein"))
        #expect(leq(["verify", "--store", w.folder.appendingPathComponent("none.db").path]).status == 2)
    }

    @Test("A replaced rendering is not shown: statements show refuses it and names it")
    func replacedRendering() throws {
        let w = Workspace()
        defer { w.remove() }
        #expect(w.run("finalize", "2026-03", ["--by", "Anna"]).status == 0)
        let db = try Database(path: w.store, create: false)
        try db.execute("DROP TRIGGER rendering_never_changes; UPDATE statement_rendering SET bytes = CAST('<html>0,00 €</html>' AS BLOB) WHERE number = 'HJW-2026-03' AND format = 'html' AND language = 'de'")
        try db.execute("CREATE TRIGGER rendering_never_changes BEFORE UPDATE ON statement_rendering BEGIN SELECT RAISE(ABORT, 'no'); END")
        let r = leq(["statements", "show", "HJW-2026-03", "--format", "html", "--store", w.store])
        #expect(r.status == 2 && r.out.isEmpty && r.err.contains("HJW-2026-03: Darstellung html/de stimmt nicht mit der Kette überein"))
        #expect(leq(["statements", "show", "KRR-2026-03", "--format", "html", "--store", w.store]).status == 0)
    }

    @Test("settle reads an existing store only; --store and --no-store exclude each other")
    func settleNeverCreates() {
        let w = Workspace()
        defer { w.remove() }
        #expect(w.run("settle", "2026-03").status == 2)  // --store names a file that does not exist
        #expect(!FileManager.default.fileExists(atPath: w.store))
        #expect(w.run("settle", "2026-03", ["--no-store"]).status == 2)
    }

    @Test("An empty store file is refused by reading and writing commands and left as it is; so is a truncated one")
    func emptyAndTruncatedStores() throws {
        let w = Workspace()
        defer { w.remove() }
        try Data().write(to: URL(fileURLWithPath: w.store))
        for args in [["statements", "list"], ["verify"], ["people", "list"], ["people", "add", "akassner", "--name", "A. Kassner", "--may", "certify"]] {
            let r = leq(args + ["--store", w.store])
            #expect(r.status == 2 && r.err.contains("\(w.store) ist leer (0 Bytes)"), "\(args)")
        }
        let f = w.run("finalize", "2026-03", ["--by", "Anna"])
        #expect(f.status == 2 && f.err.contains("ist leer (0 Bytes)"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: w.store)).isEmpty)
        try FileManager.default.removeItem(atPath: w.store)
        #expect(w.run("finalize", "2026-03", ["--by", "Anna"]).status == 0)
        let whole = try Data(contentsOf: URL(fileURLWithPath: w.store))
        try whole.prefix(whole.count / 2).write(to: URL(fileURLWithPath: w.store))
        let cut = leq(["statements", "list", "--store", w.store])
        #expect(cut.status == 2 && cut.err.contains("abgeschnitten"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: w.store)) == whole.prefix(whole.count / 2))
    }

    @Test("A store that is no store is refused with its path; a missing one is not created by reading")
    func badStores() throws {
        let w = Workspace()
        defer { w.remove() }
        try Data("not a database".utf8).write(to: URL(fileURLWithPath: w.store))
        let r = w.run("finalize", "2026-03", ["--by", "Anna"])
        #expect(r.status == 2 && r.err.contains(w.store) && r.err.contains("kein LEQ-Abrechnungsspeicher"))
        let missing = w.folder.appendingPathComponent("missing.db").path
        #expect(leq(["statements", "list", "--store", missing]).status == 2)
        #expect(!FileManager.default.fileExists(atPath: missing))
    }

    @Test("Two finalize processes at once for the same month with different input: exactly one succeeds")
    func concurrentFinalize() throws {
        let binary = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("leq").path
        let built = packageRoot.appendingPathComponent(".build/debug/leq").path
        let leqPath = FileManager.default.isExecutableFile(atPath: binary) ? binary : built
        try #require(FileManager.default.isExecutableFile(atPath: leqPath), "the leq executable is not built at \(binary)")
        for round in 0..<3 {
            let w = Workspace()
            defer { w.remove() }
            let other = w.folder.appendingPathComponent("other.json").path
            try FileManager.default.copyItem(atPath: w.cases, toPath: other)
            w.change([(#""proofReceived": "2026-03-03""#, #""proofReceived": "2026-01-20""#)])
            let processes = [w.cases, other].map { cases -> Process in
                let p = Process()
                p.executableURL = URL(fileURLWithPath: leqPath)
                p.arguments = ["finalize", "--agreement"] + dailyAgreements + ["--cases", cases, "--month", "2026-03", "--by", "P", "--store", w.store]
                p.standardOutput = FileHandle.nullDevice
                p.standardError = FileHandle.nullDevice
                return p
            }
            for p in processes { try p.run() }
            for p in processes { p.waitUntilExit() }
            let statuses = processes.map(\.terminationStatus).sorted()
            #expect(statuses == [0, 2], "round \(round): \(statuses)")
            let list = String(decoding: leq(["statements", "list", "--store", w.store]).out, as: UTF8.self)
            #expect(list.components(separatedBy: "KRR-2026-03").count == 2, "round \(round): \(list)")
        }
    }

    @Test("The payment advice has one row per line that moves money, and its amounts add up to the total")
    func paymentAdvice() throws {
        for month in ["2026-01", "2026-02", "2026-03", "2026-04", "2026-05"] {
            for provider in ["krr", "hjw"] {
                let args = ["settle", "--agreement"] + dailyAgreements + ["--cases", topUpCases, "--month", month, "--provider", provider, "--no-store"]
                let advice = String(decoding: leq(args + ["--format", "advice", "--lang", "en"]).out, as: UTF8.self)
                let rows = try CSV.parse(advice).get().dropFirst()
                let sum = rows.reduce(Money.zero) { $0 + Money(decimal: $1[9])! }
                let json = leq(args + ["--format", "json"]).out
                let total = String(decoding: json, as: UTF8.self).components(separatedBy: "\"all\": \"")[1].prefix { $0 != "\"" }
                #expect(sum == Money(decimal: String(total)), "\(provider) \(month)")
                #expect(rows.allSatisfy { $0[3].hasPrefix("Z-") && $0[10].contains($0[3]) })
            }
        }
    }

    /// The provider's own list for a finalised statement: its lines with an amount, as the provider would write them.
    private func providerList(_ w: Workspace, provider: String, month: String, change: (inout [[String]]) -> Void = { _ in }) -> String {
        let csv = String(decoding: w.run("settle", month, ["--provider", provider, "--format", "csv"]).out, as: UTF8.self)
        var rows = try! CSV.parse(csv).get().dropFirst().filter { $0[13] != "0,00" }.map { [$0[1], $0[5], $0[8], $0[9], $0[13]] }
        change(&rows)
        let file = w.folder.appendingPathComponent("\(provider)-\(month).csv")
        try! Data(CSV.format([["Fall", "Art", "Von", "Bis", "Betrag"]] + rows).utf8).write(to: file)
        return file.path
    }

    @Test("Provider check: a list that agrees exits 0; differences, missing and extra lines are named and exit 1")
    func providerCheck() {
        let w = Workspace()
        defer { w.remove() }
        #expect(w.run("finalize", "2026-03", ["--by", "Anna"]).status == 0)
        let good = leq(["check", "--statement", "HJW-2026-03", "--lines", providerList(w, provider: "hjw", month: "2026-03"), "--store", w.store])
        #expect(good.status == 0, "\(good.err)")
        #expect(String(decoding: good.out, as: UTF8.self).contains("alle Zeilen stimmen überein"))
        let bad = providerList(w, provider: "hjw", month: "2026-03") { rows in
            rows[rows.firstIndex { $0[0] == "Z-305" && $0[1] == "Zusatzbetreuung" }!][4] = "1200,00"
            rows.removeAll { $0[0] == "Z-307" }
            rows.append(["Z-999", "dailyRate", "01.03.2026", "31.03.2026", "100.00"])
        }
        let r = leq(["check", "--statement", "HJW-2026-03", "--lines", bad, "--store", w.store])
        let text = String(decoding: r.out, as: UTF8.self)
        #expect(r.status == 1)
        #expect(text.contains("Betrag abweichend: 1") && text.contains("Träger 1.200,00 €, Abrechnung 39,73 €"))
        #expect(text.contains("Regel: Zusatzbetreuung: 58.000,00 € × 0,25 ÷ 365 = 39,73 €/Tag"))
        #expect(text.contains("fehlt in der Liste des Trägers: 1") && text.contains("Z-307 Tagessatz"))
        #expect(text.contains("nur in der Liste des Trägers: 1") && text.contains("Z-999 Tagessatz 01.03.2026–31.03.2026 (Zeile"))
    }

    @Test("Provider check: a broken list is refused with file, line and column; exit 2")
    func providerCheckRefusals() throws {
        let w = Workspace()
        defer { w.remove() }
        #expect(w.run("finalize", "2026-03", ["--by", "Anna"]).status == 0)
        let file = w.folder.appendingPathComponent("bad.csv")
        try Data("Fall;Art;Von;Bis;Betrag\r\nZ-304;dailyRate;2026-03-01;2026-02-30;6045,00\r\nZ-305;topUp;2026-03-01;2026-03-01;1.200,00\r\n".utf8).write(to: file)
        let r = leq(["check", "--statement", "HJW-2026-03", "--lines", file.path, "--store", w.store])
        #expect(r.status == 2)
        #expect(r.err.contains("\(file.path): Zeile 2, Spalte 4: '2026-02-30' ist kein Datum"))
        #expect(r.err.contains("\(file.path): Zeile 3, Spalte 5: '1.200,00' ist kein Betrag"))
        let en = leq(["check", "--statement", "HJW-2026-03", "--lines", file.path, "--store", w.store, "--lang", "en"])
        #expect(en.err.contains("\(file.path): line 2, column 4: '2026-02-30' is not a date"))
        try Data("Case;Kind;From;To\r\n".utf8).write(to: file)
        let header = leq(["check", "--statement", "HJW-2026-03", "--lines", file.path, "--store", w.store])
        #expect(header.status == 2 && header.err.contains("keine Spalte 'Betrag'"))
        #expect(leq(["check", "--statement", "HJW-2099-01", "--lines", file.path, "--store", w.store]).status == 2)
    }
}

import Foundation
import Testing
import LEQCore
@testable import LEQStore

/// SplitMix64: the same sequences on every machine, so that a failing seed can be replayed.
private struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// What the store should hold after a sequence of operations, kept apart from it.
private struct Model {
    struct Entry { var month: String; var total: Int64; var amounts: [Money]; var certifiedBy: String?; var approved = false }
    var statements: [String: Entry] = [:]
    var people: [String: (certify: Bool, approve: Bool)] = [:]
}

/// A folder in memory where there is one (no disk syncs for a thousand small stores), else a temporary one.
private func propertyFolder() -> URL {
    let base = FileManager.default.fileExists(atPath: "/dev/shm") ? URL(fileURLWithPath: "/dev/shm") : FileManager.default.temporaryDirectory
    let url = base.appendingPathComponent("leq-property-\(UUID().uuidString)")
    try! FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

@Suite("Property: finalise, certify, approve and tamper in any order")
struct StorePropertyTests {
    @Test("For 1,000 random sequences: verify fails exactly when something was tampered with, and nothing is payable beyond what was finalised")
    func randomSequences() throws {
        let folder = propertyFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var tamperedRuns = 0
        for seed in 0..<1000 {
            var rng = SplitMix(state: UInt64(seed))
            let path = folder.appendingPathComponent("s\(seed).db").path
            defer { try? FileManager.default.removeItem(atPath: path) }
            var model = Model()
            var tampered: String?
            let store = try Store(path: path, create: true)
            for _ in 0..<Int.random(in: 3...10, using: &rng) where tampered == nil {
                switch Int.random(in: 0..<10, using: &rng) {
                case 0...3:
                    let provider = ["A", "B"].randomElement(using: &rng)!
                    let month = "2026-0\(Int.random(in: 1...4, using: &rng))"
                    let number = "\(provider)-\(month)"
                    var amounts = (0..<Int.random(in: 1...3, using: &rng)).map { _ in Money(cents: Int64.random(in: -5_000...200_000, using: &rng)) }
                    if let old = model.statements[number], Bool.random(using: &rng) { amounts = old.amounts }
                    let s = statement(number, provider: provider, month: month, amounts: amounts)
                    do {
                        let outcome = try store.finalize([item(s)], inputs: inputs, by: "clerk", at: "t")
                        if let old = model.statements[number] {
                            #expect(outcome.unchanged == [number] && old.total == s.totals.all.cents, "seed \(seed)")
                        } else {
                            #expect(outcome.stored == [number], "seed \(seed)")
                            model.statements[number] = .init(month: month, total: s.totals.all.cents, amounts: amounts)
                        }
                    } catch {
                        #expect(error.kind == .refused && model.statements[number].map { $0.total != s.totals.all.cents } == true, "seed \(seed): \(error)")
                    }
                case 4:
                    let id = "p\(Int.random(in: 1...4, using: &rng))"
                    let (c, a) = [(true, false), (false, true), (true, true)].randomElement(using: &rng)!
                    do {
                        try store.addPerson(id: id, name: "Person \(["Eins", "Zwei", "Drei", "Vier"][Int(id.dropFirst())! - 1])", mayCertify: c, mayApprove: a, at: "t")
                        #expect(model.people[id] == nil, "seed \(seed)")
                        model.people[id] = (c, a)
                    } catch {
                        #expect(model.people[id] != nil, "seed \(seed): \(error)")
                    }
                case 5...8:
                    guard let number = model.statements.keys.sorted().randomElement(using: &rng) else { continue }
                    let id = ["p1", "p2", "p3", "p4", "nobody"].randomElement(using: &rng)!
                    let role: SignOffRole = Bool.random(using: &rng) ? .certified : .approved
                    var entry = model.statements[number]!
                    let person = model.people[id]
                    let allowed: Bool
                    switch role {
                    case .certified: allowed = person?.certify == true && entry.certifiedBy == nil
                    case .approved: allowed = person?.approve == true && entry.certifiedBy != nil && entry.certifiedBy != id && !entry.approved
                    }
                    do {
                        try store.signOff(number, role: role, by: id, at: "t")
                        #expect(allowed, "seed \(seed): \(role) of \(number) by \(id) should have been refused")
                        if role == .certified { entry.certifiedBy = id } else { entry.approved = true }
                        model.statements[number] = entry
                    } catch {
                        #expect(!allowed && error.kind == .refused, "seed \(seed): \(error)")
                    }
                default:
                    guard let number = model.statements.keys.sorted().randomElement(using: &rng) else { continue }
                    let attacks = [
                        "UPDATE statement SET total_cents = total_cents + 1 WHERE number = '\(number)'",
                        "DELETE FROM statement_line WHERE number = '\(number)' AND position = 0",
                        "UPDATE statement_line SET amount_cents = amount_cents * 2 + 1 WHERE number = '\(number)'",
                        "INSERT INTO statement_line VALUES ('\(number)', 99, 'C-9', 'flex', '51-9', 'flatRate', 100, NULL, NULL)",
                        "UPDATE statement_rendering SET bytes = CAST('x' AS BLOB) WHERE number = '\(number)' AND format = 'json'",
                        "INSERT INTO sign_off VALUES ('\(number)', 'approved', 'Mallory', 't', NULL)",
                        "INSERT INTO statement VALUES ('Z-\(number)', 'Z', '2026-01', 'a', '2026-02-01', 999999, 'd', 'Mallory', 't')",
                        "DELETE FROM chain WHERE seq = 1",
                        "flip",
                    ]
                    let attack = attacks.randomElement(using: &rng)!
                    let db = try Database(path: path, create: false)
                    if attack == "flip" {
                        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
                        let needle = Array("text \(number)".utf8)
                        let at = try #require((0...(bytes.count - needle.count)).first { bytes[$0..<($0 + needle.count)].elementsEqual(needle) })
                        bytes[at + Int.random(in: 0..<needle.count, using: &rng)] ^= UInt8(1 << Int.random(in: 0..<7, using: &rng))
                        try Data(bytes).write(to: URL(fileURLWithPath: path))
                    } else if attack.hasPrefix("INSERT INTO sign_off"), model.statements[number]!.approved {
                        continue  // already approved: the row exists, the insert would fail and change nothing
                    } else {
                        for name in Store.guardTriggers { try db.execute("DROP TRIGGER IF EXISTS \(name)") }
                        try db.execute(attack)
                    }
                    tampered = attack
                }
            }
            let report: VerificationReport? = try? Store.openForAudit(path: path).verify()
            if let tampered {
                tamperedRuns += 1
                #expect(report?.verified != true, "seed \(seed): '\(tampered)' not found")
                #expect(throws: StoreError.self, "seed \(seed): '\(tampered)' was read") {
                    let s = try Store(path: path)
                    for record in try s.statements() { _ = try s.renderings(record.number) }
                }
            } else {
                #expect(report?.verified == true, "seed \(seed): \(report?.findings ?? [])")
                // What the store would let be paid: only what was finalised, each statement once, never more per month.
                let stored = try Store(path: path).statements()
                #expect(Set(stored.map(\.number)) == Set(model.statements.keys), "seed \(seed)")
                for month in Set(stored.map(\.month.iso)) {
                    let payable = stored.filter { $0.month.iso == month && $0.payable }.reduce(Int64(0)) { $0 + $1.total.cents }
                    let approved = model.statements.values.filter { $0.month == month && $0.approved }.reduce(Int64(0)) { $0 + $1.total }
                    #expect(payable == approved, "seed \(seed) \(month)")
                }
            }
        }
        #expect(tamperedRuns > 100)
    }
}

import Foundation
import LEQCore
@testable import LEQStore

/// A store in a folder of this test's own.
func temporaryStore() -> (path: String, cleanUp: () -> Void) {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("leq-store-\(UUID().uuidString)")
    try! FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    return (folder.appendingPathComponent("leq.db").path, { try? FileManager.default.removeItem(at: folder) })
}

func statement(_ number: String, provider: String = "tsd", month: String = "2026-03", amount: String = "100.00") -> Statement {
    statement(number, provider: provider, month: month, amounts: [Money(decimal: amount)!])
}

/// A statement with one flat-rate line per amount.
func statement(_ number: String, provider: String = "tsd", month: String, amounts: [Money]) -> Statement {
    let m = Month(iso: month)!
    let lines = amounts.enumerated().map { i, amount in
        StatementLine(caseID: "C-\(i + 1)", fileReference: "51-\(i + 1)", service: "flex", kind: .flatRate, category: "B", period: m.period,
                      quantity: ExactDecimal(units: 31, scale: 0), unit: .day, rate: amount, rateUnit: .month,
                      amount: amount, bearerParts: [amount])
    }
    return Statement(number: number, month: m, issued: m.lastDay.next, agreementID: "a",
                     youthOffice: Party(name: "JA", address: []),
                     provider: Provider(id: provider, name: "T", address: [], taxNumber: "", creditorNumber: "", leitwegID: "", statementPrefix: "X"),
                     bearers: [CostBearer(id: "k", name: "K")], services: [], lines: lines, warnings: [])
}

func item(_ s: Statement, bytes: String? = nil) -> Finalisable {
    Finalisable(statement: s, renderings: [Rendering(format: "json", language: "de", bytes: Array((bytes ?? "\(s.number) \(s.totals.all)").utf8)),
                                           Rendering(format: "text", language: "de", bytes: Array("text \(s.number)".utf8))])
}

let inputs = [StoredInput(role: "cases", path: "c.json", sha256: "abc")]


/// A store with two registered people: akassner may certify, bvogt may approve.
func registerSignatories(_ store: Store) throws {
    try store.addPerson(id: "akassner", name: "Anna Kassner", mayCertify: true, mayApprove: false, at: "t0")
    try store.addPerson(id: "bvogt", name: "Bernd Vogt", mayCertify: true, mayApprove: true, at: "t0")
}

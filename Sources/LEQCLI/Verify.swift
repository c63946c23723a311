import LEQFormats
import LEQStore

// MARK: - verify

extension LEQ {
    static let verify = Command(
        name: "verify",
        usage: "[--store PATH] [--head DIGEST]",
        summary: "The auditor's check: walk the whole store and report everything that is not as LEQ wrote it.",
        options: [
            OptionSpec("store", value: "PATH", help: "The statement store; default: leq.db in this folder."),
            OptionSpec("head", value: "DIGEST", help: "A chain head noted outside the store (at least 16 hex digits): check that the chain still holds it."),
        ],
        details: """
            Checks SQLite's integrity, the triggers that refuse changes, the hash chain (every entry
            linked to the one before, every digest), that every statement, sign-off and person has
            its entry and every entry its record, and every part of every statement: head, input
            digests, lines and the bytes of every stored rendering. Prints the chain head: note it
            outside the store (the approval prints it too) and give it later with --head.
            Exit status 0 when everything verifies, 1 when something does not (each break is
            listed), 2 when the file cannot be read as a store at all. See docs/store.md.
            """
    ) { options, console in
        let path = options.value("store") ?? SettleJob.defaultStore
        let store: Store
        let report: VerificationReport
        do throws(StoreError) {
            store = try Store.openForAudit(path: path)
            report = try store.verify()
        } catch {
            console.fail("leq verify: \(error.text)\n")
            return ExitStatus.badInput
        }
        let findings = report.findings
        var out: [Message] = ["Verification of the statement store \(path)"]
        out.append(report.integrity == ["ok"] ? "  SQLite integrity: ok" : "  SQLite integrity: ERROR")
        out.append("  Chain: entries \(report.entries) (statements \(report.statements), sign-offs \(report.signOffs), people \(report.people), payment files \(report.paymentFiles))")
        out.append("  checked: statements \(report.statements), lines \(report.lines), renderings \(report.renderings), payment files \(report.paymentFiles), each byte for byte")
        if let head = report.head {
            out.append("  Chain head: no. \(head.seq) \(head.digest)")
        }
        var notes: [Message] = []
        if let given = options.value("head") {
            if let entry = store.entry(withDigest: given) {
                out.append("  noted head \(given): entry no. \(entry.seq) of the chain, present")
            } else if given.count < 16 {
                notes.append("Chain: --head: '\(given)' is too short; give at least 16 hex digits of the noted head")
            } else {
                notes.append("Chain: the noted head \(given) is not in the chain — the store was cut back or rewritten")
            }
        }
        let count = findings.count + notes.count
        if count == 0 {
            out.append("Result: everything checked, nothing changed.")
        } else {
            out.append("Findings (\(count)):")
            out += findings.map { "  - \($0.subject): \($0.what)" }
            out += notes.map { "  - \($0)" }
            out.append("Result: the store is no longer as LEQ wrote it; restore the last backup that verifies.")
        }
        console.out(out.map { $0.text(console.language) }.joined(separator: "\n") + "\n")
        return count == 0 ? ExitStatus.success : ExitStatus.failure
    }
}

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
            console.err("leq verify: \(error.message)\n")
            return ExitStatus.badInput
        }
        var findings = report.findings
        var out = ["Prüfung des Abrechnungsspeichers \(path)"]
        out.append("  SQLite-Integrität: " + (report.integrity == ["ok"] ? "in Ordnung" : "FEHLER"))
        func count(_ n: Int, _ one: String, _ many: String) -> String { "\(n) \(n == 1 ? one : many)" }
        out.append("  Kette: \(count(report.entries, "Eintrag", "Einträge")) (\(count(report.statements, "Abrechnung", "Abrechnungen")), "
            + "\(count(report.signOffs, "Unterschrift", "Unterschriften")), \(count(report.people, "Person", "Personen")), "
            + "\(count(report.paymentFiles, "Zahlungsdatei", "Zahlungsdateien")))")
        out.append("  geprüft: \(count(report.statements, "Abrechnung", "Abrechnungen")) mit \(count(report.lines, "Zeile", "Zeilen")) und "
            + "\(count(report.renderings, "Darstellung", "Darstellungen"))" + (report.paymentFiles > 0 ? ", \(count(report.paymentFiles, "Zahlungsdatei", "Zahlungsdateien")) Byte für Byte" : ""))
        if let head = report.head {
            out.append("  Kettenkopf: Nr. \(head.seq) \(head.digest)")
        }
        if let given = options.value("head") {
            if let entry = store.entry(withDigest: given) {
                out.append("  notierter Kopf \(given): Eintrag Nr. \(entry.seq) der Kette, enthalten")
            } else {
                findings.append(StoreFinding("Kette", given.count < 16
                    ? "--head: '\(given)' ist zu kurz; mindestens 16 Hexziffern des notierten Kopfs"
                    : "der notierte Kopf \(given) steht nicht in der Kette — der Speicher wurde gekürzt oder neu geschrieben"))
            }
        }
        if findings.isEmpty {
            out.append("Ergebnis: alles geprüft, nichts verändert.")
        } else {
            out.append("Befunde (\(findings.count)):")
            out += findings.map { "  - \($0)" }
            out.append("Ergebnis: der Speicher ist nicht mehr so, wie LEQ ihn geschrieben hat; die letzte geprüfte Sicherung zurückspielen.")
        }
        console.out(out.joined(separator: "\n") + "\n")
        return findings.isEmpty ? ExitStatus.success : ExitStatus.failure
    }
}

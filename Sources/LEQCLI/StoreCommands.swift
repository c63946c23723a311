import Foundation
import LEQCore
import LEQFormats
import LEQStore

/// The formats and languages every finalised statement is stored in.
let storedFormats = ["json", "text", "csv", "advice"]

/// The time of a sign-off or finalisation: the command line may read the clock, the engine may not.
func now() -> String {
    let f = ISO8601DateFormatter()
    f.formatOptions = [.withInternetDateTime]
    return f.string(from: Date())
}

/// Opens the existing store named by `--store` (default leq.db), reporting a failure.
func openStore(_ options: ParsedOptions, command: String, console: Console) -> Store? {
    let path = options.value("store") ?? SettleJob.defaultStore
    do throws(StoreError) {
        return try Store(path: path, create: false)
    } catch {
        console.err("leq \(command): \(error.message)\n")
        return nil
    }
}

// MARK: - finalize

extension LEQ {
    static let finalize = Command(
        name: "finalize",
        usage: "--agreement FILE… --cases FILE --month YYYY-MM --by NAME [--provider ID] [--issued YYYY-MM-DD] [--store PATH]",
        summary: "Settle a month and store its statements for good (with input digests, who and when).",
        options: [
            OptionSpec("agreement", value: "FILE…", multiple: true, required: true, help: "Agreement files (leq-agreement/1)."),
            OptionSpec("cases", value: "FILE", required: true, help: "Case file (leq-cases/1)."),
            OptionSpec("month", value: "YYYY-MM", required: true, help: "The month to finalise."),
            OptionSpec("by", value: "NAME", required: true, help: "Who finalises (recorded with the time)."),
            OptionSpec("provider", value: "ID", help: "Only this provider's statement."),
            OptionSpec("issued", value: "YYYY-MM-DD", help: "Date of issue; default: the first day after the month."),
            OptionSpec("store", value: "PATH", help: "The statement store (SQLite); default: leq.db in this folder, created when missing."),
        ],
        details: """
            Settles exactly as 'leq settle' does (corrections of earlier finalised months included)
            and stores each statement in every format and language (json, text, csv, advice; de, en), its
            lines, and the SHA-256 of every input file, in one transaction: all or nothing.
            A finalised statement never changes. Finalising again with input that gives the same
            statement does nothing and says so; input that gives another statement is refused —
            its differences become correction lines in the next open month.
            """
    ) { options, console in
        guard let by = options.value("by"), !by.trimmingCharacters(in: .whitespaces).isEmpty else {
            console.err("leq finalize: --by needs a name\n")
            return ExitStatus.badInput
        }
        let job: SettleJob
        switch SettleJob.run(options, command: "finalize", console: console, createStore: true) {
        case let .failure(status): return status.code
        case let .success(j): job = j
        }
        guard let store = job.store else { return ExitStatus.failure }
        var inputs: [StoredInput] = []
        for (role, path) in job.inputs.agreementFiles.map({ ("agreement", $0) }) + [("cases", job.inputs.casesFile ?? "")] {
            guard case let .success(bytes) = Files.read(path) else {
                console.err("leq finalize: cannot read \(path) again to take its digest\n")
                return ExitStatus.failure
            }
            inputs.append(StoredInput(role: role, path: path, sha256: SHA256.hex(bytes)))
        }
        let items = job.statements.map { s in
            Finalisable(statement: s, renderings: storedFormats.flatMap { format in
                Language.allCases.map { Rendering(format: format, language: $0.rawValue, bytes: render([s], format: format, language: $0)) }
            })
        }
        do throws(StoreError) {
            let outcome = try store.finalize(items, inputs: inputs, by: by, at: now())
            for number in outcome.stored {
                let s = job.statements.first { $0.number == number }!
                console.out("finalised \(number): \(Formatter(.de).money(s.totals.all)) (\(s.lines.count) lines) in \(store.path)\n")
            }
            for number in outcome.unchanged {
                console.out("unchanged \(number): already finalised with the same statement; nothing to do\n")
            }
            return ExitStatus.success
        } catch {
            console.err("leq finalize: \(error.message)\nNothing was stored.\n")
            return SettleJob.exitStatus(error)
        }
    }
}

// MARK: - certify, approve

extension LEQ {
    static let certify = signOffCommand(
        .certified, name: "certify",
        summary: "Record that a finalised statement is \"sachlich und rechnerisch richtig\" (first of four eyes).")
    static let approve = signOffCommand(
        .approved, name: "approve",
        summary: "Record the order to pay a certified statement (Anordnung); must be another person.")

    static func signOffCommand(_ role: SignOffRole, name: String, summary: String) -> Command {
        Command(
            name: name, usage: "NUMBER --by NAME [--store PATH]", summary: summary,
            options: [
                OptionSpec("by", value: "NAME", required: true, help: "Who signs (recorded with the time)."),
                OptionSpec("store", value: "PATH", help: "The statement store; default: leq.db in this folder."),
            ],
            positional: 1,
            details: "A statement is paid only once it is certified and approved, by two different people (SPEC § 15)."
        ) { options, console in
            guard let number = options.positional.first else {
                console.err("leq \(name): give the statement number, e.g. leq \(name) KRR-2026-03 --by NAME\n")
                return ExitStatus.badInput
            }
            let by = options.value("by")!
            guard let store = openStore(options, command: name, console: console) else { return ExitStatus.badInput }
            do throws(StoreError) {
                try store.signOff(number, role: role, by: by, at: now())
                let s = try store.statement(number)!
                console.out("\(number): \(role == .certified ? "sachlich und rechnerisch richtig" : "angeordnet") (\(by))"
                    + (s.payable ? "; certified and approved: ready to pay\n" : "; awaiting the order to pay by another person\n"))
                return ExitStatus.success
            } catch {
                console.err("leq \(name): \(error.message)\n")
                return SettleJob.exitStatus(error)
            }
        }
    }
}

// MARK: - statements list|show

extension LEQ {
    static let statementsCommand = Command(
        name: "statements",
        usage: "list [--provider ID] [--store PATH] | show NUMBER [--format json|text|csv] [--lang de|en] [--store PATH]",
        summary: "Browse the store: list finalised statements, or show one as it was finalised.",
        options: [
            OptionSpec("provider", value: "ID", help: "list: only this provider's statements."),
            OptionSpec("format", value: "FORMAT", help: "show: print the stored statement in this format (json, text, csv, advice = payment advice CSV), byte for byte."),
            OptionSpec("lang", value: "LANG", help: "show: de (default) or en."),
            OptionSpec("store", value: "PATH", help: "The statement store; default: leq.db in this folder."),
        ],
        positional: 2,
        details: """
            'show NUMBER' without --format prints the record: month, total, who finalised it and
            when, the input files with their SHA-256, the sign-offs and the stored formats.
            """
    ) { options, console in
        let sub = options.positional.first
        guard sub == "list" || sub == "show" else {
            console.err("leq statements: say 'list' or 'show NUMBER'\nRun 'leq statements --help' for its options.\n")
            return ExitStatus.badInput
        }
        guard let store = openStore(options, command: "statements", console: console) else { return ExitStatus.badInput }
        let f = Formatter(.de)
        do throws(StoreError) {
            if sub == "list" {
                let list = try store.statements(provider: options.value("provider"))
                var table = TextTable([.left, .left, .left, .right, .left, .left, .left])
                table.add(["Nummer", "Monat", "Träger", "Betrag", "festgestellt", "angeordnet", "finalisiert"])
                for s in list {
                    table.add([s.number, s.month.iso, s.provider, f.money(s.total), s.certified?.by ?? "–", s.approved?.by ?? "–",
                               "\(s.finalizedBy), \(s.finalizedAt)"])
                }
                console.out((list.isEmpty ? ["No finalised statements in \(store.path)."] : table.render()).joined(separator: "\n") + "\n")
                return ExitStatus.success
            }
            guard options.positional.count == 2 else {
                console.err("leq statements show: give the statement number, e.g. leq statements show KRR-2026-03\n")
                return ExitStatus.badInput
            }
            let number = options.positional[1]
            guard let s = try store.statement(number) else {
                console.err("leq statements show: no finalised statement \(number) in \(store.path); 'leq statements list' shows them\n")
                return ExitStatus.badInput
            }
            if let format = options.value("format") {
                let language = options.value("lang") ?? "de"
                guard let bytes = try store.rendering(number, format: format, language: language) else {
                    let stored = try store.renderings(number).map { "\($0.format)/\($0.language)" }.joined(separator: ", ")
                    console.err("leq statements show: \(number) is not stored as \(format)/\(language); stored: \(stored)\n")
                    return ExitStatus.badInput
                }
                console.out(bytes)
                return ExitStatus.success
            }
            var lines = [
                "Abrechnung \(s.number)", "  Leistungsmonat: \(s.month.iso)   Träger: \(s.provider)   Vereinbarung: \(s.agreement)",
                "  Rechnungsdatum: \(s.issued)   Gesamtbetrag: \(f.money(s.total))",
                "  finalisiert: \(s.finalizedBy), \(s.finalizedAt)",
                "  sachlich und rechnerisch richtig: " + (s.certified.map { "\($0.by), \($0.at)" } ?? "–"),
                "  angeordnet: " + (s.approved.map { "\($0.by), \($0.at)" } ?? "–"),
                "  zahlbar: " + (s.payable ? "ja" : "nein (es fehlt " + (s.certified == nil ? "die Feststellung" : "die Anordnung") + ")"),
                "  Eingaben (SHA-256, zusammen \(s.inputDigest)):",
            ]
            for input in try store.inputs(number) { lines.append("    \(input.role) \(input.path) \(input.sha256)") }
            lines.append("  gespeichert als: " + (try store.renderings(number).map { "\($0.format)/\($0.language)" }.joined(separator: ", ")))
            console.out(lines.joined(separator: "\n") + "\n")
            return ExitStatus.success
        } catch {
            console.err("leq statements: \(error.message)\n")
            return SettleJob.exitStatus(error)
        }
    }
}

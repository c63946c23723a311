import Foundation
import LEQCore
import LEQFormats
import LEQStore

/// The formats and languages every finalised statement is stored in.
let storedFormats = ["json", "text", "csv", "advice", "html"]

/// Opens the existing store named by `--store` (default leq.db) and checks its chain; reports a
/// failure — a missing, empty, foreign or tampered store — and gives nil.
func openStore(_ options: ParsedOptions, command: String, console: Console) -> Store? {
    let path = options.value("store") ?? SettleJob.defaultStore
    do throws(StoreError) {
        return try Store(path: path)
    } catch {
        console.fail("leq \(command): \(error.text)\n")
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
            .agreements,
            .cases,
            OptionSpec("month", value: "YYYY-MM", required: true, help: "The month to finalise, or a range of months (2026-01..2026-12), finalised one after the other."),
            OptionSpec("by", value: "NAME", required: true, help: "Who finalises (recorded with the time)."),
            OptionSpec("provider", value: "ID", help: "Only this provider's statement (finalised even when it has no line)."),
            OptionSpec("issued", value: "YYYY-MM-DD", help: "Date of issue; default: the first day after the month."),
            OptionSpec("store", value: "PATH", help: "The statement store (SQLite); default: leq.db in this folder, created only where no file is."),
        ],
        details: """
            Settles exactly as 'leq settle' does (corrections of earlier finalised months included)
            and stores each statement in every format and language (json, text, csv, advice, html; de, en), its
            lines, and the SHA-256 of every input file, in one transaction: all or nothing. Each
            statement becomes an entry of the store's hash chain ('leq verify' checks it).
            A provider with no line in the month (no case active, no correction due) gets no
            statement unless named with --provider; finalize says which it skipped.
            A finalised statement never changes. Finalising again with input that gives the same
            statement does nothing and says so; input that gives another statement is refused —
            its differences become correction lines in the next open month.
            """
    ) { options, console in
        guard let by = options.value("by"), !by.trimmingCharacters(in: .whitespaces).isEmpty else {
            console.fail("leq finalize: --by needs a name\n")
            return ExitStatus.badInput
        }
        let prepared: SettleJob.Prepared
        switch SettleJob.Prepared.make(options, command: "finalize", console: console, createStore: true) {
        case let .failure(status): return status.code
        case let .success(p): prepared = p
        }
        // The digests of the input files, taken from the very bytes that were read and settled
        // (not by reading them again): the same files for every month of a range.
        var inputs: [StoredInput] = []
        for (role, path) in prepared.inputs.agreementFiles.map({ ("agreement", $0) }) + [("cases", prepared.inputs.casesFile ?? "")] {
            guard let digest = prepared.inputs.digests[path] else {
                console.fail("leq finalize: no digest of \(path)\n")
                return ExitStatus.failure
            }
            inputs.append(StoredInput(role: role, path: path, sha256: digest))
        }
        // Month after month, each finalised (one transaction each) before the next is settled, so
        // that its corrections see it: the same as one run per month.
        var store = prepared.store
        var ledgers: [String: IncentiveLedger]?
        for month in prepared.months {
            let status = finalizeMonth(month, prepared: prepared, store: &store, ledgers: &ledgers, inputs: inputs, by: by, console: console)
            if status != ExitStatus.success { return status }
        }
        return ExitStatus.success
    }

    /// Settles and finalises one month; a store is made on the first month that has statements.
    static func finalizeMonth(_ month: Month, prepared: SettleJob.Prepared, store: inout Store?, ledgers: inout [String: IncentiveLedger]?,
                              inputs: [StoredInput], by: String, console: Console) -> Int32 {
        var job: SettleJob
        switch prepared.settle(month, command: "finalize", console: console, ledgers: ledgers, store: store) {
        case let .failure(status): return status.code
        case let .success(j): job = j
        }
        ledgers = job.ledgers
        let open: Store
        do throws(StoreError) {
            if let store {
                open = store
            } else {
                open = try Store(path: prepared.storePath, create: true)
                store = open
                // Another leq may have made the store and finalised earlier months meanwhile: settle
                // again with it, so that their corrections are not missed.
                if try !open.statements().isEmpty {
                    switch prepared.settle(month, command: "finalize", console: console, ledgers: nil, store: open) {
                    case let .failure(status): return status.code
                    case let .success(j): job = j
                    }
                }
            }
        } catch {
            console.fail("leq finalize: \(error.text)\nNothing was stored.\n")
            return SettleJob.exitStatus(error)
        }
        for s in job.skipped {
            console.tell("skipped \(s.number): no cases and no corrections in \(job.month); nothing finalised (with --provider \(s.provider.id) it is)\n")
        }
        guard !job.statements.isEmpty else {
            console.tell("Nothing to finalise: no provider has cases or corrections in \(job.month).\n")
            return ExitStatus.success
        }
        // Every statement in every format and language, all renderings on all cores (one after
        // the other, they were most of finalising a month: 100,000 cases' month took 6.5 s),
        // made while the store takes those before, at most four ahead of it (all of them made
        // first and held were 5 GB for a million cases' month). The German JSON first: the store
        // compares statements by it. The e-invoice only where the agreement holds what it needs
        // (bank, contact, Leitweg-ID).
        let statements = job.statements
        let wanted = statements.indices.flatMap { i in
            (storedFormats + (XRechnung.missing(statements[i]).isEmpty ? ["xrechnung"] : [])).flatMap { format in
                Language.allCases.map { (statement: i, format: format, language: $0) }
            }
        }
        let rendered = MadeAhead(count: wanted.count, ahead: 4) { k in
            let w = wanted[k]
            return Rendering(format: w.format, language: w.language.rawValue,
                             bytes: render([statements[w.statement]], format: w.format, language: w.language))
        }
        defer { rendered.stop() }
        var taken = 0
        do throws(StoreError) {
            let outcome = try open.finalize(statements, inputs: inputs, by: by, at: console.timestamp()) { i in
                AnyIterator {
                    guard taken < wanted.count && wanted[taken].statement == i else { return nil }
                    taken += 1
                    return rendered.take(taken - 1)
                }
            }
            for number in outcome.stored {
                let s = job.statements.first { $0.number == number }!
                console.tell("finalised \(number): \(Formatter(console.language).money(s.totals.all)) (lines: \(s.lines.count)) in \(open.path)\n")
            }
            for number in outcome.unchanged {
                console.tell("unchanged \(number): already finalised with the same statement; nothing to do\n")
            }
            if !outcome.stored.isEmpty, let head = open.head {
                console.tell("Chain head no. \(head.seq): \(head.digest)\n")
            }
            return ExitStatus.success
        } catch {
            console.fail("leq finalize: \(error.text)\nNothing was stored.\n")
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

    static func signOffCommand(_ role: SignOffRole, name: String, summary: Message) -> Command {
        Command(
            name: name, usage: "NUMBER --by ID [--store PATH]", summary: summary,
            options: [
                OptionSpec("by", value: "ID", required: true, help: role == .certified ? "The ID of a registered person who may certify ('leq people list')."
                           : "The ID of a registered person who may approve ('leq people list')."),
                OptionSpec("store", value: "PATH", help: "The statement store; default: leq.db in this folder."),
            ],
            positional: 1,
            details: """
                A statement is paid only once it is certified and approved, by two different
                registered people (SPEC § 15): the IDs are compared, not how a name is spelt.
                The statement is checked against the store's chain before it is signed.
                """
        ) { options, console in
            guard let number = options.positional.first else {
                console.fail("leq \(name): give the statement number, e.g. leq \(name) KRR-2026-03 --by ID\n")
                return ExitStatus.badInput
            }
            guard let store = openStore(options, command: name, console: console) else { return ExitStatus.badInput }
            do throws(StoreError) {
                try store.signOff(number, role: role, by: options.value("by")!, at: console.timestamp())
                let s = try store.statement(number)!
                let given = role == .certified ? s.certified! : s.approved!
                let who = "\(given.by) (\(given.person ?? ""))"
                if role == .certified {
                    console.tell("\(number): certified as factually and arithmetically correct by \(who); the order to pay by another person is still missing.\n")
                } else if s.payable {
                    console.tell("\(number): payment ordered by \(who); certified and ordered: payable.\n")
                } else {
                    console.tell("\(number): payment ordered by \(who); the certification is still missing.\n")
                }
                if let head = store.head {
                    console.tell("Chain head no. \(head.seq): \(head.digest)\n")
                    if s.payable {
                        console.tell("Note it in the file or the finance system; 'leq verify --head \(head.digest.prefix(16))' checks later that the store still holds it.\n")
                    }
                }
                return ExitStatus.success
            } catch {
                console.fail("leq \(name): \(error.text)\n")
                return SettleJob.exitStatus(error)
            }
        }
    }
}

/// A sign-off as the record shows it: name, ID (or that it was given before people were registered), time.
func describe(_ signOff: SignOff?) -> Message {
    guard let s = signOff else { return "–" }
    if let person = s.person { return "\(s.by) (\(person)), \(s.at)" }
    return "\(s.by) (before registration), \(s.at)"
}

// MARK: - statements list|show

extension LEQ {
    static let statementsCommand = Command(
        name: "statements",
        usage: "list [--provider ID] [--store PATH] | show NUMBER [--format json|text|csv|html|advice|xrechnung] [--lang de|en] [--stored] [--out FILE] [--store PATH]",
        summary: "Browse the store: list finalised statements, or show one as it was finalised.",
        options: [
            OptionSpec("provider", value: "ID", help: "list: only this provider's statements."),
            OptionSpec("format", value: "FORMAT", help: "show: print the stored statement in this format (json, text, csv, html, advice = payment advice CSV), byte for byte."),
            OptionSpec("lang", value: "LANG", help: "show: de (default) or en."),
            OptionSpec("stored", help: "show --format html: the stored bytes exactly, without the sign-offs given since."),
            .out,
            OptionSpec("store", value: "PATH", help: "The statement store; default: leq.db in this folder."),
        ],
        positional: 2,
        details: """
            'show NUMBER' without --format prints the record: month, total, who finalised it and
            when, the input files with their SHA-256, the sign-offs and the stored formats.
            With --format the stored bytes are printed as finalised; the printable statement
            (html) of a certified or approved statement shows the sign-offs in its boxes (name,
            ID, day), unless --stored asks for the bytes exactly as stored (their SHA-256 is the
            one in the chain).
            """
    ) { options, console in
        let sub = options.positional.first
        guard sub == "list" || sub == "show" else {
            console.fail("leq statements: say 'list' or 'show NUMBER'\nRun 'leq statements --help' for its options.\n")
            return ExitStatus.badInput
        }
        guard let store = openStore(options, command: "statements", console: console) else { return ExitStatus.badInput }
        let f = Formatter(console.language)
        do throws(StoreError) {
            if sub == "list" {
                let list = try store.statements(provider: options.value("provider"))
                var table = TextTable([.left, .left, .left, .right, .left, .left, .left])
                let heads: [Message] = ["Number", "Month", "Provider", "Amount", "certified", "ordered", "finalised"]
                table.add(heads.map { $0.text(console.language) })
                for s in list {
                    table.add([s.number, s.month.iso, s.provider, f.money(s.total), s.certified?.by ?? "–", s.approved?.by ?? "–",
                               "\(s.finalizedBy), \(s.finalizedAt)"])
                }
                if list.isEmpty {
                    console.tell("No finalised statements in \(store.path).\n")
                } else {
                    console.out(table.render().joined(separator: "\n") + "\n")
                }
                return ExitStatus.success
            }
            guard options.positional.count == 2 else {
                console.fail("leq statements show: give the statement number, e.g. leq statements show KRR-2026-03\n")
                return ExitStatus.badInput
            }
            let number = options.positional[1]
            guard let s = try store.statement(number) else {
                console.fail("leq statements show: no finalised statement \(number) in \(store.path); 'leq statements list' shows them\n")
                return ExitStatus.badInput
            }
            try store.requireIntact(number)
            if let format = options.value("format") {
                let language = options.value("lang") ?? "de"
                guard let bytes = try store.rendering(number, format: format, language: language) else {
                    let stored = try store.renderings(number).map { "\($0.format)/\($0.language)" }.joined(separator: ", ")
                    console.fail("leq statements show: \(number) is not stored as \(format)/\(language); stored: \(stored)\n")
                    return ExitStatus.badInput
                }
                var shown = bytes
                if format == "html", !options.flag("stored"), s.certified != nil || s.approved != nil, let lang = Language(rawValue: language) {
                    // The stored page has empty boxes; filled, the printout shows who signed off. The
                    // stored bytes stay as they are (and are what --stored prints).
                    func signer(_ o: SignOff?) -> (name: String, id: String?, at: String)? { o.map { ($0.by, $0.person, $0.at) } }
                    let text = String(decoding: bytes, as: UTF8.self)
                    let filled = text.replacingOccurrences(of: StatementHTML.signOffPlaceholder(lang),
                                                           with: StatementHTML.signOffBlock(lang, certified: signer(s.certified), approved: signer(s.approved)))
                    shown = Array(filled.utf8)
                }
                return emit(shown, options, command: "statements show", console: console)
            }
            let payable: Message = s.payable ? "yes" : s.certified == nil ? "no (the certification is missing)" : "no (the order to pay is missing)"
            var lines: [Message] = [
                "Statement \(s.number)", "  Month of service: \(s.month.iso)   Provider: \(s.provider)   Agreement: \(s.agreement)",
                "  Date of issue: \(s.issued)   Total: \(f.money(s.total))",
                "  finalised: \(s.finalizedBy), \(s.finalizedAt)",
                "  certified (factually and arithmetically correct): \(describe(s.certified))",
                "  payment ordered: \(describe(s.approved))",
                "  payable: \(payable)",
                "  Inputs (SHA-256, together \(s.inputDigest)):",
            ]
            for input in try store.inputs(number) { lines.append(Message(verbatim: "    \(input.role) \(input.path) \(input.sha256)")) }
            lines.append("  stored as: \(try store.renderings(number).map { "\($0.format)/\($0.language)" }.joined(separator: ", "))")
            if let entry = store.chainEntry(of: number) {
                lines.append("  Chain: entry no. \(entry.seq), \(entry.digest) (checked)")
            }
            console.out(lines.map { $0.text(console.language) }.joined(separator: "\n") + "\n")
            return ExitStatus.success
        } catch {
            console.fail("leq statements: \(error.text)\n")
            return SettleJob.exitStatus(error)
        }
    }
}

// MARK: - check

extension LEQ {
    static let check = Command(
        name: "check",
        usage: "--statement NUMBER --lines FILE.csv [--store PATH]",
        summary: "Provider check: match a provider's own lines (CSV) against a finalised statement.",
        options: [
            OptionSpec("statement", value: "NUMBER", required: true, help: "The finalised statement, e.g. KRR-2026-03."),
            OptionSpec("lines", value: "FILE", required: true, help: "The provider's lines: CSV with the header Fall;Art;Von;Bis;Betrag."),
            OptionSpec("store", value: "PATH", help: "The statement store; default: leq.db in this folder."),
        ],
        details: """
            Lines are matched by case, kind (its name as on the statement, e.g. Fallpauschale, or its
            key, e.g. flatRate) and period; the statement's own CSV is a valid list. The report
            lists matched lines, lines whose amount differs (both amounts and the statement's text,
            which shows how its amount follows from the agreement), lines missing from the provider's
            file and extra lines in it. Statement lines of 0,00 € need not be listed.
            Exit status 0 when everything matches, 1 when something differs, 2 on bad input.
            """
    ) { options, console in
        let number = options.value("statement")!, file = options.value("lines")!
        guard let store = openStore(options, command: "check", console: console) else { return ExitStatus.badInput }
        let json: [UInt8]
        do throws(StoreError) {
            if try store.statement(number) != nil { try store.requireIntact(number) }
            guard let bytes = try store.rendering(number, format: "json", language: "de") else {
                console.fail("leq check: no finalised statement \(number) in \(store.path); 'leq statements list' shows them\n")
                return ExitStatus.badInput
            }
            json = bytes
        } catch {
            console.fail("leq check: \(error.text)\n")
            return SettleJob.exitStatus(error)
        }
        let provider: [ProviderCheck.Line]
        switch Files.read(file) {
        case let .failure(f):
            report([Diagnostic(file: file, place: "", message: f.message)], to: console)
            return ExitStatus.badInput
        case let .success(bytes):
            do throws(InputError) {
                provider = try ProviderCheck.readLines(String(decoding: bytes, as: UTF8.self), file: file)
            } catch {
                report(error.diagnostics, to: console)
                return ExitStatus.badInput
            }
        }
        let result = ProviderCheck.compare(statement: ProviderCheck.statementLines(json), provider: provider)
        let language = console.language, f = Formatter(language)
        func describe(_ l: ProviderCheck.Line) -> Message {
            let head = "\(l.caseID) \(ProviderCheck.kindName(l.kind, language)) \(f.period(Period(l.from, l.to)))"
            if let line = l.csvLine { return "\(head) (line \(line))" }
            return Message(verbatim: head)
        }
        var out: [Message] = ["Check of \(number) against \(file)", "  matching lines: \(result.matched.count)"]
        out.append("  amount differs: \(result.differing.count)")
        for (s, p) in result.differing {
            out.append("    \(describe(p)): provider \(f.money(p.amount)), statement \(f.money(s.amount)) (difference \(f.money(s.amount - p.amount)))")
            out.append("      rule: \(s.text)")
        }
        out.append("  missing from the provider's list: \(result.missing.count)")
        for s in result.missing { out.append("    \(describe(s)): \(f.money(s.amount)) — \(s.text)") }
        out.append("  only in the provider's list: \(result.extra.count)")
        for p in result.extra { out.append("    \(describe(p)): \(f.money(p.amount))") }
        let problems = result.differing.count + result.missing.count + result.extra.count
        out.append(problems == 0 ? "Result: all lines agree." : problems == 1 ? "Result: 1 difference." : "Result: \(problems) differences.")
        console.out(out.map { $0.text(language) }.joined(separator: "\n") + "\n")
        return problems == 0 ? ExitStatus.success : ExitStatus.failure
    }
}

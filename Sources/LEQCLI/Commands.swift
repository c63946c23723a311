import Foundation
import LEQCore
import LEQFormats
import LEQStore

/// A command of the `leq` tool: its name, help and options, and what it does.
struct Command: Sendable {
    var name: String
    var usage: String
    var summary: Message
    var options: [OptionSpec]
    var positional = 0
    var details: Message = ""
    var run: @Sendable (ParsedOptions, Console) -> Int32

    func help(_ language: Language) -> String {
        helpText(command: name, usage: usage, summary: summary, options: options, details: details, language: language)
    }
}

/// The entry point: `leq COMMAND [OPTIONS]`. Returns the exit status.
public enum LEQ {
    static let commands: [Command] = [validate, settle, finalize, certify, approve, people, statementsCommand, verify, pay, payments, claim, check, rank, simulate, reportCommand, topUpCost, bench]

    public static func main(_ arguments: [String], console: Console) -> Int32 {
        // One language per run: --lang anywhere in the call (or LEQ_LANG, read by the executable).
        var arguments = arguments
        if let i = arguments.lastIndex(where: { $0 == "--lang" || $0.hasPrefix("--lang=") }) {
            let value = arguments[i] == "--lang" ? (i + 1 < arguments.count ? arguments[i + 1] : "") : String(arguments[i].dropFirst(7))
            guard let language = Language(rawValue: value) else {
                console.fail("leq: --lang: '\(value)' is not a language; expected de or en\n")
                return ExitStatus.badInput
            }
            console.language = language
            // Commands without an output language of their own take it for their messages only.
            if let name = arguments.first, let command = commands.first(where: { $0.name == name }), !command.options.contains(where: { $0.name == "lang" }) {
                arguments.removeSubrange(i..<(arguments[i] == "--lang" ? min(i + 2, arguments.count) : i + 1))
            }
        }
        let language = console.language
        guard let name = arguments.first else {
            console.err(overview(language))
            return ExitStatus.badInput
        }
        if name == "--version" || name == "version" {
            console.out(versionText(language))
            return ExitStatus.success
        }
        if name == "help" || name == "--help" || name == "-h" {
            if arguments.count > 1, !["--help", "-h", "help"].contains(arguments[1]) {
                guard let command = commands.first(where: { $0.name == arguments[1] }) else {
                    console.fail("leq: no command '\(arguments[1])'\n\n")
                    console.err(overview(language))
                    return ExitStatus.badInput
                }
                console.out(command.help(language))
            } else {
                console.out(overview(language))
            }
            return ExitStatus.success
        }
        guard let command = commands.first(where: { $0.name == name }) else {
            console.fail("leq: no command '\(name)'\n\n")
            console.err(overview(language))
            return ExitStatus.badInput
        }
        switch parseOptions(Array(arguments.dropFirst()), command.options, positional: command.positional) {
        case let .failure(error):
            console.fail("leq \(command.name): \(error.message)\nRun 'leq \(command.name) --help' for its options.\n")
            return ExitStatus.badInput
        case let .success(options):
            if options.help {
                console.out(command.help(language))
                return ExitStatus.success
            }
            return command.run(options, console)
        }
    }

    /// The release, and the formats and store schema it reads and writes.
    static let version = "1.0.0"
    static func versionText(_ language: Language) -> String {
        let text: Message = "leq \(version)\nFormats: leq-agreement/1, leq-cases/1, leq-statements/1, leq-claims/1; XRechnung 3.0; SEPA pain.001.001.09\nStatement store: schema \(Store.schemaVersion)\n"
        return text.text(language)
    }

    static func overview(_ language: Language) -> String {
        let head: Message = "leq — settlement of youth-welfare provider agreements (LEQ-Vereinbarungen, §§ 78a ff. SGB VIII)\n\nUsage: leq COMMAND [OPTIONS] [--lang de|en]\n\nCommands:"
        var lines = [placeholders(head.text(language), language)]
        let width = commands.map(\.name.count).max() ?? 0
        for c in commands { lines.append("  \(c.name)\(String(repeating: " ", count: width - c.name.count))  \(c.summary.text(language))") }
        let help: Message = "Show this overview, or 'leq help COMMAND' for one command."
        lines.append("  help\(String(repeating: " ", count: max(0, width - 4)))  \(help.text(language))")
        let foot: Message = "leq --version shows the version; --lang en (or LEQ_LANG=en) gives English, German is the default.\nExit status: 0 success, 2 bad input or usage, 1 any other failure."
        lines += ["", foot.text(language), ""]
        return lines.joined(separator: "\n")
    }
}

// MARK: - validate

extension LEQ {
    static let validate = Command(
        name: "validate", usage: "--agreement FILE… [--cases FILE]",
        summary: "Check agreement files and a case file; report every problem with file and place.",
        options: [
            .agreements,
            OptionSpec("cases", value: "FILE", help: "Case file (leq-cases/1), checked against the agreements."),
        ]
    ) { options, console in
        let inputs = Inputs.load(agreements: options.all("agreement"), cases: options.value("cases"))
        let status: Int32
        if !inputs.diagnostics.isEmpty {
            report(inputs.diagnostics, to: console)
            status = ExitStatus.badInput
        } else {
            for a in inputs.agreements {
                console.tell("ok: agreement \(a.id) for \(a.provider.name): services \(a.services.count), categories \(a.categories.count), cost bearers \(a.bearers.count)\n")
            }
            if let cases = inputs.cases {
                console.tell("ok: cases \(cases.cases.count) in \(inputs.casesFile ?? "")\n")
            }
            status = ExitStatus.success
        }
        // What was read is freed while the run returns (see `Release`): freed before, on one
        // core, it was the last fifth of checking 100,000 cases (60 ms of 0.33 s).
        Release.later(consume inputs)
        return status
    }
}

// MARK: - settle

extension LEQ {
    static let settle = Command(
        name: "settle",
        usage: "--agreement FILE… --cases FILE --month YYYY-MM [--provider ID] [--format text|json|csv|html|advice] [--lang de|en] [--issued YYYY-MM-DD] [--out FILE] [--store PATH | --no-store]",
        summary: "Settle one month: print the statement of every provider (or one).",
        options: [
            .agreements,
            .cases,
            OptionSpec("month", value: "YYYY-MM", required: true, help: "The month to settle, or a range of months (2026-01..2026-12): one file per month into the folder --out names."),
            OptionSpec("provider", value: "ID", help: "Only this provider's statement."),
            OptionSpec("format", value: "FORMAT", help: "text (default), json (the canonical form), csv, html (printable, A4), advice (payment advice CSV for bookkeeping), or xrechnung (the e-invoice, UBL XRechnung 3.0; one statement: with --provider)."),
            .language,
            OptionSpec("issued", value: "YYYY-MM-DD", help: "Date of issue; default: the first day after the month."),
            .out,
            OptionSpec("store", value: "PATH", help: "Statement store for corrections of finalised months; default: leq.db if it exists."),
            OptionSpec("no-store", help: "Read no store: the month as if nothing were finalised (no corrections)."),
        ],
        details: """
            With a store, every finalised earlier month of a provider is settled again from the
            current input; each case and kind that differs becomes a correction line naming the
            statement it corrects (SPEC § 15).
            The statement number is PREFIX-YYYY-MM (the provider's statementPrefix): one statement per
            provider and month. The same input gives the same bytes; --issued is part of the input.
            """
    ) { options, console in
        var usage: [Message] = []
        let format = options.value("format") ?? "text"
        if !["text", "json", "csv", "html", "advice", "xrechnung"].contains(format) { usage.append("--format: '\(format)' is not a format; expected text, json, csv, html, advice or xrechnung") }
        let language = Language(rawValue: options.value("lang") ?? "de")
        if language == nil { usage.append("--lang: '\(options.value("lang")!)' is not a language; expected de or en") }
        guard usage.isEmpty, let language else {
            for u in usage { console.fail("leq settle: \(u)\n") }
            return ExitStatus.badInput
        }
        let prepared: SettleJob.Prepared
        switch SettleJob.Prepared.make(options, command: "settle", console: console, createStore: false) {
        case let .failure(status): return status.code
        case let .success(p): prepared = p
        }
        // Month after month from one reading of the input, the incentive years carried on: the
        // same bytes as one run per month. Everything is settled before anything is written.
        // A range is written month by month as it is settled (never all months in memory) into
        // temporary files, which become visible only when every month is settled: renamed into
        // the folder --out names (YYYY-MM.json, …) or, without --out, copied to standard output.
        let range = prepared.months.count > 1
        let folder = options.value("out")
        let ext = ["text": "txt", "json": "json", "csv": "csv", "html": "html", "advice": "advice.csv", "xrechnung": "xml"][format] ?? format
        let staged = StagedFiles()
        defer { staged.discard() }
        let progress = Progress(console: console)
        var single: (month: Month, statements: [Statement])?
        var ledgers: [String: IncentiveLedger]?
        for (k, month) in prepared.months.enumerated() {
            if range { progress.show("settling \(month) (\(k + 1)/\(prepared.months.count))") }
            let job: SettleJob
            switch prepared.settle(month, command: "settle", console: console, ledgers: ledgers) {
            case let .failure(status): progress.clear(); return status.code
            case let .success(j): job = j
            }
            ledgers = job.ledgers
            let run = job.statements
            if format == "xrechnung" {
                guard run.count == 1, let s = run.first else {
                    progress.clear()
                    console.fail("leq settle: --format xrechnung writes one invoice per statement; this month has \(run.count) statements: give --provider ID (one of \(run.map(\.provider.id).joined(separator: ", ")))\n")
                    return ExitStatus.badInput
                }
                let missing = XRechnung.missing(s)
                guard missing.isEmpty else {
                    progress.clear()
                    let file = job.inputs.agreementFile(for: s) ?? "agreement"
                    report(missing.map { Diagnostic(file: file, place: $0.path, message: "an XRechnung needs it: \($0.what)") }, to: console)
                    return ExitStatus.badInput
                }
            }
            if !job.skipped.isEmpty {
                progress.clear()
                console.fail("without cases and corrections in \(month), not shown: \(job.skipped.map(\.provider.id).joined(separator: ", ")) (--provider ID shows the empty statement)\n")
            }
            if run.isEmpty { continue }
            guard range else {
                single = (month, run)
                continue
            }
            let target = folder.map { URL(fileURLWithPath: $0).appendingPathComponent("\(month.iso).\(ext)").path }
            do throws(Files.Failure) {
                try staged.add(as: target) { emit in render(run, format: format, language: language, write: emit) }
            } catch {
                progress.clear()
                console.fail("leq settle: \(error.message)\n")
                return error.usage ? ExitStatus.badInput : ExitStatus.failure
            }
        }
        progress.clear()
        // What was read is freed while the files are put in place and the run returns.
        Release.later(consume prepared)
        guard range else {
            guard let only = single else { return ExitStatus.success }
            // Written as it is rendered: into a temporary file renamed into place, or to standard output.
            guard let out = options.value("out") else {
                render(only.statements, format: format, language: language, write: { console.out(Array($0)) })
                return ExitStatus.success
            }
            do throws(Files.Failure) {
                let file = try Files.AtomicFile(out)
                render(only.statements, format: format, language: language, write: file.write)
                try file.commit()
            } catch {
                console.fail("leq settle: \(error.message)\n")
                return error.usage ? ExitStatus.badInput : ExitStatus.failure
            }
            let warnings = only.statements.reduce(0) { $0 + $1.warnings.count }
            console.fail(warnings > 0 ? "wrote statements for \(only.month): \(only.statements.count), to \(out) (warnings: \(warnings))\n"
                : "wrote statements for \(only.month): \(only.statements.count), to \(out)\n")
            return ExitStatus.success
        }
        do throws(Files.Failure) {
            guard let folder else {
                try staged.copy(to: console)
                return ExitStatus.success
            }
            let months = staged.count
            try staged.commit()
            console.fail("wrote months: \(months), to \(folder) (one file per month)\n")
        } catch {
            console.fail("leq settle: \(error.message)\n")
            return ExitStatus.failure
        }
        return ExitStatus.success
    }
}

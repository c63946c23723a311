import LEQCore
import LEQFormats
import LEQStore

/// A command of the `leq` tool: its name, help and options, and what it does.
struct Command: Sendable {
    var name: String
    var usage: String
    var summary: String
    var options: [OptionSpec]
    var positional = 0
    var details = ""
    var run: @Sendable (ParsedOptions, Console) -> Int32

    var help: String { helpText(command: name, usage: usage, summary: summary, options: options, details: details) }
}

/// The entry point: `leq COMMAND [OPTIONS]`. Returns the exit status.
public enum LEQ {
    static let commands: [Command] = [validate, settle, finalize, certify, approve, people, statementsCommand, verify, pay, payments, claim, check, rank, simulate, reportCommand, topUpCost, bench]

    public static func main(_ arguments: [String], console: Console) -> Int32 {
        guard let name = arguments.first else {
            console.err(overview)
            return ExitStatus.badInput
        }
        if name == "--version" || name == "version" {
            console.out(versionText)
            return ExitStatus.success
        }
        if name == "help" || name == "--help" || name == "-h" {
            if arguments.count > 1, !["--help", "-h", "help"].contains(arguments[1]) {
                guard let command = commands.first(where: { $0.name == arguments[1] }) else {
                    console.err("leq: no command '\(arguments[1])'\n\n" + overview)
                    return ExitStatus.badInput
                }
                console.out(command.help)
            } else {
                console.out(overview)
            }
            return ExitStatus.success
        }
        guard let command = commands.first(where: { $0.name == name }) else {
            console.err("leq: no command '\(name)'\n\n" + overview)
            return ExitStatus.badInput
        }
        switch parseOptions(Array(arguments.dropFirst()), command.options, positional: command.positional) {
        case let .failure(error):
            console.err("leq \(command.name): \(error.message)\nRun 'leq \(command.name) --help' for its options.\n")
            return ExitStatus.badInput
        case let .success(options):
            if options.help {
                console.out(command.help)
                return ExitStatus.success
            }
            return command.run(options, console)
        }
    }

    /// The release, and the formats and store schema it reads and writes.
    static let version = "1.0.0"
    static var versionText: String {
        "leq \(version)\nFormate: leq-agreement/1, leq-cases/1, leq-statements/1, leq-claims/1; XRechnung 3.0; SEPA pain.001.001.09\n"
            + "Abrechnungsspeicher: Schema \(Store.schemaVersion)\n"
    }

    static var overview: String {
        var lines = [
            "leq — settlement of youth-welfare provider agreements (LEQ-Vereinbarungen, §§ 78a ff. SGB VIII)",
            "",
            "Usage: leq COMMAND [OPTIONS]",
            "",
            "Commands:",
        ]
        let width = commands.map(\.name.count).max() ?? 0
        for c in commands { lines.append("  \(c.name)\(String(repeating: " ", count: width - c.name.count))  \(c.summary)") }
        lines.append("  help\(String(repeating: " ", count: max(0, width - 4)))  Show this overview, or 'leq help COMMAND' for one command.")
        lines += ["", "leq --version shows the version.", "Exit status: 0 success, 2 bad input or usage, 1 any other failure.", ""]
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
        guard inputs.diagnostics.isEmpty else {
            report(inputs.diagnostics, to: console)
            return ExitStatus.badInput
        }
        for a in inputs.agreements {
            func count(_ n: Int, _ one: String, _ many: String) -> String { "\(n) \(n == 1 ? one : many)" }
            console.out("ok: agreement \(a.id) for provider \(a.provider.id): \(count(a.services.count, "service", "services")), "
                + "\(count(a.categories.count, "category", "categories")), \(count(a.bearers.count, "cost bearer", "cost bearers"))\n")
        }
        if let cases = inputs.cases {
            console.out("ok: \(cases.cases.count) cases in \(inputs.casesFile ?? "")\n")
        }
        return ExitStatus.success
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
            OptionSpec("month", value: "YYYY-MM", required: true, help: "The month to settle."),
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
        var usage: [String] = []
        let format = options.value("format") ?? "text"
        if !["text", "json", "csv", "html", "advice", "xrechnung"].contains(format) { usage.append("--format: '\(format)' is not a format; expected text, json, csv, html, advice or xrechnung") }
        let language = Language(rawValue: options.value("lang") ?? "de")
        if language == nil { usage.append("--lang: '\(options.value("lang")!)' is not a language; expected de or en") }
        guard usage.isEmpty, let language else {
            for u in usage { console.err("leq settle: \(u)\n") }
            return ExitStatus.badInput
        }
        let job: SettleJob
        switch SettleJob.run(options, command: "settle", console: console) {
        case let .failure(status): return status.code
        case let .success(j): job = j
        }
        let (run, month) = (job.statements, job.month)
        if format == "xrechnung" {
            guard run.count == 1, let s = run.first else {
                console.err("leq settle: --format xrechnung writes one invoice per statement; this month has \(run.count) statements: give --provider ID (one of \(run.map(\.provider.id).joined(separator: ", ")))\n")
                return ExitStatus.badInput
            }
            let missing = XRechnung.missing(s)
            guard missing.isEmpty else {
                let file = job.inputs.agreementFile(for: s) ?? "agreement"
                report(missing.map { Diagnostic(file: file, place: $0.path, message: "an XRechnung needs it: \($0.what)") }, to: console)
                return ExitStatus.badInput
            }
        }
        if !job.skipped.isEmpty {
            console.err("ohne Fälle und Korrekturen in \(month), nicht gezeigt: \(job.skipped.map(\.provider.id).joined(separator: ", ")) (mit --provider ID wird die leere Abrechnung gezeigt)\n")
        }
        if run.isEmpty { return ExitStatus.success }
        let bytes = render(run, format: format, language: language)
        let warnings = run.reduce(0) { $0 + $1.warnings.count }
        let note = "wrote \(run.count) statement\(run.count == 1 ? "" : "s") for \(month) to \(options.value("out") ?? "")\(warnings > 0 ? " (\(warnings) warnings)" : "")\n"
        return emit(bytes, options, command: "settle", console: console, note: note)
    }
}

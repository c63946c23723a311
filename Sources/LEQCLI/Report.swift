import LEQCore
import LEQFormats

// MARK: - report

extension LEQ {
    static let reportCommand = Command(
        name: "report",
        usage: "--agreement FILE… --cases FILE (--year YYYY | --from YYYY-MM --to YYYY-MM) [--population FILE] [--plan FILE] [--format text|csv|json|html] [--lang de|en] [--out FILE]",
        summary: "Controlling figures for a period: by category, service, setting and social space; per inhabitant; plan against actual.",
        options: [
            .agreements,
            .cases,
            OptionSpec("population", value: "FILE", help: "Inhabitants per social space (leq-population/1)."),
            OptionSpec("plan", value: "FILE", help: "Planned amounts per social space or in all (leq-plan/1)."),
            OptionSpec("format", value: "FORMAT", help: "text (default), csv, json, or html (with charts)."),
            .language,
            .out,
        ] + OptionSpec.period,
        details: """
            Every month of the period is settled through the engine; a case counts in the period if it
            is active in it, with everything paid for it (family incentives excepted). Its category is
            the one on the period's last day (or its own last). Amounts per inhabitant are the social
            space's amount divided by its inhabitants (and by its under-18s), rounded to the cent.
            """
    ) { options, console in
        var usage: [Message] = []
        var months: [Month] = []
        switch periodMonths(options) {
        case let .success(m): months = m
        case let .failure(e): usage.append(e.message)
        }
        let format = options.value("format") ?? "text"
        if !["text", "csv", "json", "html"].contains(format) { usage.append("--format: '\(format)' is not a format; expected text, csv, json or html") }
        let language = Language(rawValue: options.value("lang") ?? "de")
        if language == nil { usage.append("--lang: '\(options.value("lang")!)' is not a language; expected de or en") }
        guard usage.isEmpty, let language else {
            for u in usage { console.fail("leq report: \(u)\n") }
            return ExitStatus.badInput
        }
        let inputs = Inputs.load(agreements: options.all("agreement"), cases: options.value("cases"))
        var diagnostics = inputs.diagnostics
        var population: [Controlling.Population] = [], plans: [Controlling.Plan] = []
        if let file = options.value("population") {
            switch Files.read(file) {
            case let .failure(f): diagnostics.append(Diagnostic(file: file, place: "", message: f.message))
            case let .success(bytes):
                do throws(InputError) { population = try ControllingFiles.population(bytes, file: file) } catch { diagnostics += error.diagnostics }
            }
        }
        if let file = options.value("plan") {
            switch Files.read(file) {
            case let .failure(f): diagnostics.append(Diagnostic(file: file, place: "", message: f.message))
            case let .success(bytes):
                do throws(InputError) {
                    let p = try ControllingFiles.plan(bytes, file: file)
                    if p.from != months.first || p.to != months.last {
                        diagnostics.append(Diagnostic(file: file, place: "from", message: "the plan is for \(p.from)–\(p.to), the report for \(months.first!)–\(months.last!); give the same period"))
                    }
                    plans = p.plans
                } catch { diagnostics += error.diagnostics }
            }
        }
        guard diagnostics.isEmpty, let contents = inputs.cases else {
            report(diagnostics, to: console)
            return ExitStatus.badInput
        }
        let c = Controlling.compute(agreements: inputs.agreements, caseload: Caseload(contents.cases), months: months,
                                    population: population, plans: plans)
        let bytes: [UInt8]
        switch format {
        case "csv": bytes = ControllingReport.csv(c, language: language)
        case "json": bytes = ControllingReport.json(c)
        case "html": bytes = ControllingReport.html(c, language: language, created: CivilDate(iso: String(console.timestamp().prefix(10))))
        default: bytes = ControllingReport.text(c, language: language)
        }
        return emit(bytes, options, command: "report", console: console)
    }
}

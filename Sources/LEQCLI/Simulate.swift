import LEQCore
import LEQFormats

// MARK: - simulate

extension LEQ {
    static let simulate = Command(
        name: "simulate",
        usage: "--agreement FILE… --cases FILE --scenario FILE [--seed N] [--end-at-planned] [--format text|json|html] [--lang de|en] [--out FILE]",
        summary: "Settle a baseline and scenarios month by month; show the differences, with charts in HTML.",
        options: [
            .agreements,
            .cases,
            OptionSpec("scenario", value: "FILE", required: true, help: "Scenario file (leq-scenario/1): horizon, seed, scenarios."),
            OptionSpec("seed", value: "N", help: "Seed for the random choices; default: the file's (printed with the result)."),
            OptionSpec("end-at-planned", help: "Cases without an end stop at their planned end (default: they run on through the horizon)."),
            OptionSpec("format", value: "FORMAT", help: "text (default), json, or html (a report with charts)."),
            .language,
            .out,
        ],
        details: """
            The baseline is today's agreements and cases; each scenario applies its changes (rates by
            percent or amount per service and category from a date, a shift of category mix, new
            cases per month, incentive parameters, top-up costs) and is settled through the same
            engine. The same seed gives the same result. Progress goes to standard error.
            The baseline assumes no new cases and, unless --end-at-planned, that today's cases
            without an end run on through the horizon; the report says which, and how many cases
            have a planned end in it. For a scenario with several changes the report shows what
            each change adds alone, and flags a change that adds nothing.
            """
    ) { options, console in
        var usage: [Message] = []
        let format = options.value("format") ?? "text"
        if !["text", "json", "html"].contains(format) { usage.append("--format: '\(format)' is not a format; expected text, json or html") }
        let language = Language(rawValue: options.value("lang") ?? "de")
        if language == nil { usage.append("--lang: '\(options.value("lang")!)' is not a language; expected de or en") }
        let seedOption = options.value("seed").map { UInt64($0) }
        if let s = seedOption, s == nil { usage.append("--seed: '\(options.value("seed")!)' is not a whole number") }
        guard usage.isEmpty, let language else {
            for u in usage { console.fail("leq simulate: \(u)\n") }
            return ExitStatus.badInput
        }
        let inputs = Inputs.load(agreements: options.all("agreement"), cases: options.value("cases"))
        guard inputs.diagnostics.isEmpty, let contents = inputs.cases else {
            report(inputs.diagnostics, to: console)
            return ExitStatus.badInput
        }
        let file = options.value("scenario")!
        let scenario: ScenarioFile.Contents
        switch Files.read(file) {
        case let .failure(f):
            report([Diagnostic(file: file, place: "", message: f.message)], to: console)
            return ExitStatus.badInput
        case let .success(bytes):
            do throws(InputError) {
                scenario = try ScenarioFile.decode(bytes, file: file, agreements: inputs.agreements)
            } catch {
                report(error.diagnostics, to: console)
                return ExitStatus.badInput
            }
        }
        let seed = (seedOption ?? nil) ?? scenario.seed
        // The baseline, each scenario, and each change alone of a scenario with several.
        let runs = 1 + scenario.scenarios.count + scenario.scenarios.reduce(0) { $0 + ($1.changes.count > 1 ? $1.changes.count : 0) }
        var done = 0
        console.fail("simulating: cases \(contents.cases.count), months \(scenario.horizon.count), baseline and scenarios \(scenario.scenarios.count), seed \(seed)\n")
        let result = Simulation.run(agreements: inputs.agreements, cases: contents.cases, horizon: scenario.horizon,
                                    scenarios: scenario.scenarios, seed: seed, endAtPlannedEnd: options.flag("end-at-planned")) { name, month in
            done += 1
            if month == scenario.horizon.last { console.fail("  \(name): \(done) of \(runs * scenario.horizon.count) months settled\n") }
        }
        let bytes: [UInt8]
        switch format {
        case "json": bytes = SimulationReport.json(result)
        case "html": bytes = SimulationReport.html(result, language: language, created: CivilDate(iso: String(console.timestamp().prefix(10))))
        default: bytes = SimulationReport.text(result, language: language)
        }
        return emit(bytes, options, command: "simulate", console: console)
    }
}

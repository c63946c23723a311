import LEQCore
import LEQFormats

// MARK: - rank

extension LEQ {
    static let rank = Command(
        name: "rank",
        usage: "--agreement FILE… --cases FILE (--year YYYY | --from YYYY-MM --to YYYY-MM) [--format text|json] [--lang de|en]",
        summary: "Provider ranking: indicators, weighted score, strengths and weaknesses of each provider.",
        options: [
            .agreements,
            .cases,
            OptionSpec("format", value: "FORMAT", help: "text (default) or json."),
            .language,
        ] + OptionSpec.period,
        details: """
            Indicators (SPEC § 18): mean goal attainment of the evaluations in the period; share of
            reports in time (of those whose grace period ended in it); share of cases ended as planned;
            mean family questionnaire score; cost per day of care against the mean of the same service
            and category (settled through the engine; lower is better). Each is normalised across the
            providers to 0–100 (100 the best) and weighted as the agreements' "rankingWeights" say
            (all 1 when none are agreed). Strengths: 75 or more; weaknesses: 25 or less.
            """
    ) { options, console in
        var usage: [Message] = []
        var months: [Month] = []
        switch periodMonths(options) {
        case let .success(m): months = m
        case let .failure(e): usage.append(e.message)
        }
        let format = options.value("format") ?? "text"
        if !["text", "json"].contains(format) { usage.append("--format: '\(format)' is not a format; expected text or json") }
        let language = Language(rawValue: options.value("lang") ?? "de")
        if language == nil { usage.append("--lang: '\(options.value("lang")!)' is not a language; expected de or en") }
        guard usage.isEmpty, let language else {
            for u in usage { console.fail("leq rank: \(u)\n") }
            return ExitStatus.badInput
        }
        let inputs = Inputs.load(agreements: options.all("agreement"), cases: options.value("cases"))
        guard inputs.diagnostics.isEmpty, let contents = inputs.cases else {
            report(inputs.diagnostics, to: console)
            return ExitStatus.badInput
        }
        let period = Period(months.first!.firstDay, months.last!.lastDay)
        let weights = Set(inputs.agreements.filter { $0.validity.intersection(period) != nil }.map { $0.incentives?.rankingWeights ?? RankingWeights() })
        guard weights.count <= 1 else {
            console.fail("leq rank: the agreements in force agree on different ranking weights (incentives.rankingWeights); rank with agreements that share them\n")
            return ExitStatus.badInput
        }
        let ranking = ProviderRanking.compute(agreements: inputs.agreements, caseload: Caseload(contents.cases), months: months,
                                              weights: weights.first ?? RankingWeights())
        console.out(format == "json" ? RankingReport.json(ranking) : RankingReport.text(ranking, language: language))
        return ExitStatus.success
    }
}

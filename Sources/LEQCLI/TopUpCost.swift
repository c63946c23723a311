import LEQCore
import LEQFormats

// MARK: - topup-cost

extension LEQ {
    static let topUpCost = Command(
        name: "topup-cost",
        usage: "FILE [--share DECIMAL] [--format text|json] [--lang de|en]",
        summary: "Build a top-up's annual personnel cost from its parts and print the daily top-up.",
        options: [
            OptionSpec("share", value: "DECIMAL", help: "Position share (Stellenanteil), e.g. 0.25; default: the file's positionShare."),
            OptionSpec("format", value: "FORMAT", help: "text (default) or json."),
            .language,
        ],
        positional: 1,
        details: """
            FILE is a personnel cost calculation (leq-personnel-cost/1, see docs/top-ups.md): monthly
            gross × 12, annual special payment, shift and Sunday allowances (counted only with
            "inCareTimes": true), employer contributions as percentages of the gross pay. Parts that
            are already in the regular rate (management, administration, material, overhead,
            vacationCover, sicknessCover) are refused, each by name (seed 003 no. 6).
            Daily top-up = annual cost × share ÷ 365, rounded to the cent (always 365).
            """
    ) { options, console in
        guard let file = options.positional.first else {
            console.fail("leq topup-cost: give the calculation file, e.g. leq topup-cost samples/topups/personnel-cost.json\nRun 'leq topup-cost --help' for its options.\n")
            return ExitStatus.badInput
        }
        var usage: [Message] = []
        let format = options.value("format") ?? "text"
        if !["text", "json"].contains(format) { usage.append("--format: '\(format)' is not a format; expected text or json") }
        let language = Language(rawValue: options.value("lang") ?? "de")
        if language == nil { usage.append("--lang: '\(options.value("lang")!)' is not a language; expected de or en") }
        var share: ExactDecimal?
        if let text = options.value("share") {
            share = ExactDecimal(text)
            if let s = share, s.units <= 0 || s.units > s.denominator {
                usage.append("--share: \(text) is outside 0–1; expected e.g. 0.25")
            } else if share == nil {
                usage.append("--share: '\(text)' is not a decimal number; expected e.g. 0.25")
            }
        }
        guard usage.isEmpty, let language else {
            for u in usage { console.fail("leq topup-cost: \(u)\n") }
            return ExitStatus.badInput
        }
        let contents: PersonnelCostFile.Contents
        switch Files.read(file) {
        case let .failure(f):
            report([Diagnostic(file: file, place: "", message: f.message)], to: console)
            return ExitStatus.badInput
        case let .success(bytes):
            do throws(InputError) {
                contents = try PersonnelCostFile.decode(bytes, file: file)
            } catch {
                report(error.diagnostics, to: console)
                return ExitStatus.badInput
            }
        }
        let s = share ?? contents.positionShare
        console.out(format == "json"
            ? PersonnelCostReport.json(contents.cost, share: s, rounding: contents.rounding)
            : PersonnelCostReport.text(contents.cost, share: s, rounding: contents.rounding, language: language))
        return ExitStatus.success
    }
}

import LEQCore
import LEQFormats
import LEQStore

// MARK: - claim

extension LEQ {
    static let claim = Command(
        name: "claim",
        usage: "(--bearer ID | --reimbursement --cases FILE) (--year YYYY | --quarter YYYY-Qn | --from YYYY-MM --to YYYY-MM) [--format text|csv|json|html] [--out FILE] [--store PATH]",
        summary: "Reimbursement claims from finalised statements: a cost bearer's share (e.g. the Land), or § 89 claims per case and office.",
        options: [
            OptionSpec("bearer", value: "ID", help: "Claim this cost bearer's parts of every line, e.g. land."),
            OptionSpec("reimbursement", help: "Kostenerstattung (§§ 89 ff. SGB VIII): one claim per case with a reimbursement in the case file, against that office."),
            OptionSpec("cases", value: "FILE", help: "With --reimbursement: the case file naming the offices that reimburse."),
            OptionSpec("quarter", value: "YYYY-Qn", help: "A quarter, e.g. 2026-Q1."),
        ] + OptionSpec.period + [
            OptionSpec("format", value: "FORMAT", help: "text (default), csv, json (leq-claims/1) or html (printable, A4)."),
            .out,
            OptionSpec("store", value: "PATH", help: "The statement store; default: leq.db in this folder."),
        ],
        details: """
            A claim is built from the finalised statements of the months of service in the period, as
            the store holds them (checked against its chain), corrections of earlier months included:
            each line names its statement. A bearer's claim takes the bearer's part of every line, so
            its lines add up exactly to the statements' totals for that bearer (the report says so).
            A reimbursement claim takes the youth office's own part (the agreement's first bearer) of
            the case's lines within the duty's period: what another bearer pays is claimed there, not
            twice. See docs/payment-and-invoice.md.
            """
    ) { options, console in
        var usage: [Message] = []
        let format = options.value("format") ?? "text"
        if !["text", "csv", "json", "html"].contains(format) { usage.append("--format: '\(format)' is not a format; expected text, csv, json or html") }
        let bearer = options.value("bearer"), reimbursement = options.flag("reimbursement")
        if (bearer == nil) == !reimbursement { usage.append("give either --bearer ID or --reimbursement (with --cases FILE)") }
        if reimbursement && options.value("cases") == nil { usage.append("--reimbursement needs --cases FILE: the case file names the offices that reimburse") }
        var months: [Month] = []
        if let q = options.value("quarter") {
            if options.value("year") != nil || options.value("from") != nil { usage.append("give one period: --quarter, --year, or --from and --to") }
            let parts = q.uppercased().split(separator: "-")
            if parts.count == 2, let year = Int(parts[0]), parts[1].count == 2, parts[1].first == "Q", let n = Int(parts[1].dropFirst()), (1...4).contains(n),
               let first = Month(year: year, month: 3 * n - 2) {
                months = [first, first.next, first.next.next]
            } else {
                usage.append("--quarter: '\(q)' is not a quarter; expected YYYY-Qn, e.g. 2026-Q1")
            }
        } else {
            switch periodMonths(options) {
            case let .success(m): months = m
            case let .failure(e): usage.append("\(e.message) (or --quarter YYYY-Qn)")
            }
        }
        guard usage.isEmpty else {
            for u in usage { console.fail("leq claim: \(u)\n") }
            return ExitStatus.badInput
        }
        var duties: [(caseID: String, duty: Reimbursement)] = []
        if reimbursement, let file = options.value("cases") {
            let inputs = Inputs.load(agreements: [], cases: file)
            guard inputs.diagnostics.isEmpty, let cases = inputs.cases else {
                report(inputs.diagnostics, to: console)
                return ExitStatus.badInput
            }
            duties = cases.cases.compactMap { c in c.reimbursement.map { (c.id, $0) } }.sorted { $0.caseID < $1.caseID }
        }
        guard let store = openStore(options, command: "claim", console: console) else { return ExitStatus.badInput }
        var sources: [ClaimSource] = []
        do throws(StoreError) {
            for s in try store.statements() where months.contains(s.month) {
                guard let json = try store.rendering(s.number, format: "json", language: "de"), let read = ClaimSource.read(json) else {
                    console.fail("leq claim: \(s.number) has no readable canonical form in \(store.path)\n")
                    return ExitStatus.failure
                }
                sources += read
            }
        } catch {
            console.fail("leq claim: \(error.text)\n")
            return SettleJob.exitStatus(error)
        }
        var claims: [Claim] = []
        if let bearer {
            guard let c = Claim.bearer(bearer, months: months, from: sources) else {
                let known = Set(sources.flatMap { $0.bearers.map(\.id) }).sorted()
                if known.isEmpty {
                    console.fail("leq claim: --bearer: there are no finalised statements of \(months.first!.iso)–\(months.last!.iso)\n")
                } else {
                    console.fail("leq claim: --bearer: no finalised statement of \(months.first!.iso)–\(months.last!.iso) has a bearer '\(bearer)'; bearers: \(known.joined(separator: ", "))\n")
                }
                return ExitStatus.badInput
            }
            claims = [c]
        } else {
            claims = duties.map { Claim.reimbursement($0.duty, caseID: $0.caseID, months: months, from: sources) }
            if claims.isEmpty { console.fail("leq claim: no case in \(options.value("cases")!) has a reimbursement; nothing to claim\n") }
        }
        let office = sources.first?.office ?? "Jugendamt", address = sources.first?.officeAddress ?? []
        let bytes: [UInt8]
        switch format {
        case "csv": bytes = ClaimReport.csv(claims)
        case "json": bytes = ClaimReport.json(claims)
        case "html": bytes = ClaimReport.html(claims, office: office, address: address)
        default: bytes = ClaimReport.text(claims, office: office)
        }
        return emit(bytes, options, command: "claim", console: console,
                    note: "wrote claims: \(claims.count), to \(options.value("out") ?? "")\n")
    }
}

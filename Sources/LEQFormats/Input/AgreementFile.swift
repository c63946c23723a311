import LEQCore

/// Reads an agreement file (`"format": "leq-agreement/1"`, see docs/formats.md) into an
/// `Agreement`, reporting every problem with its JSON path.
public enum AgreementFile {
    public static let format = "leq-agreement/1"

    /// Decodes one agreement; throws `InputError` with all problems found.
    public static func decode(_ bytes: [UInt8], file: String) throws(InputError) -> Agreement {
        let reader = JSONReader(file: file)
        let agreement = reader.parse(bytes).flatMap { decode($0, reader) }
        if let agreement, reader.diagnostics.isEmpty { return agreement }
        throw InputError(reader.diagnostics)
    }

    private static let topKeys = [
        "format", "id", "validFrom", "validTo", "youthOffice", "provider", "rounding", "proration", "categories",
        "services", "flatRates", "increases", "clearing", "bearers", "bearerRules",
        "dailyRates", "hourlyRates", "lastDayBilled", "absences", "budgets", "incentives", "paymentTerms",
    ]

    private static func decode(_ root: JSONValue, _ reader: JSONReader) -> Agreement? {
        guard let top = reader.object(root, at: "", keys: topKeys) else { return nil }
        if let format = top.string("format"), format != Self.format {
            reader.error("format", "'\(format)' is not an agreement file; expected \"\(Self.format)\"")
        }
        let id = top.string("id")
        let validFrom = top.date("validFrom")
        let validTo = top.date("validTo", required: false)
        if let validFrom, validFrom.day != 1 {
            reader.error("validFrom", "an agreement starts on the first day of a month; found \(validFrom)")
        }
        if let validTo, validTo != validTo.month.lastDay {
            reader.error("validTo", "an agreement ends on the last day of a month; found \(validTo)")
        }
        if let validFrom, let validTo, validTo < validFrom {
            reader.error("validTo", "ends (\(validTo)) before it starts (\(validFrom))")
        }
        let youthOffice = party(top.object("youthOffice", keys: ["name", "address", "leitwegId", "email", "bank"]))
        let provider = provider(top.object("provider", keys: [
            "id", "name", "address", "taxNumber", "creditorNumber", "leitwegId", "statementPrefix", "bank", "contact", "vatId",
        ]))
        var paymentTerms: PaymentTerms?
        if let o = top.object("paymentTerms", required: false, keys: ["daysAfterApproval"]) {
            paymentTerms = o.int("daysAfterApproval", required: true, range: 0...120).map(PaymentTerms.init)
        }
        let rounding = top.choice("rounding", required: false, RoundingMode.self, choices: RoundingMode.allCases)
        let proration = prorationMethod(top, "proration")

        // Categories
        var categories: [String] = []
        if let list = top.array("categories") {
            for item in list {
                guard case let .string(c) = item.value, !c.isEmpty else {
                    reader.error(item.path, "expected a category name such as \"A\"")
                    continue
                }
                if categories.contains(c) { reader.error(item.path, "category '\(c)' is listed twice") }
                categories.append(c)
            }
            if list.isEmpty { reader.error("categories", "an agreement needs at least one category") }
        }

        // Services
        var services: [Service] = []
        // Every id named in the file, valid service or not: a rate naming a service whose other
        // fields are wrong must not be reported a second time as naming an unknown service.
        var serviceIDs: [String] = []
        for item in top.array("services") ?? [] {
            guard let o = reader.object(item.value, at: item.path,
                                        keys: ["id", "name", "legalBasis", "setting", "proration", "pay", "degression", "budgetLine"])
            else { continue }
            let payment = o.choice("pay", required: false, Payment.self, choices: Payment.allCases) ?? .monthly
            let degression = degressionSteps(o)
            let sid = o.string("id"), name = o.string("name"), basis = o.string("legalBasis")
            if let sid { serviceIDs.append(sid) }
            let setting = o.choice("setting", Setting.self, choices: Setting.allCases)
            let p = prorationMethod(o, "proration")
            if let sid, serviceIDs.dropLast().contains(sid) { reader.error(o.at("id"), "service '\(sid)' is listed twice") }
            if let sid, let name, let basis, let setting {
                services.append(Service(id: sid, name: name, legalBasis: basis, setting: setting, proration: p,
                                        payment: payment, degression: degression, budgetLine: o.string("budgetLine", required: false)))
            }
        }
        if top.value("services", required: false) != nil && services.isEmpty && reader.diagnostics.isEmpty {
            reader.error("services", "an agreement needs at least one service")
        }

        // Flat rates
        var flatRates: [FlatRateEntry] = []
        var seenRate: [String: String] = [:]
        for item in top.array("flatRates") ?? [] {
            guard let o = reader.object(item.value, at: item.path, keys: ["service", "category", "from", "amount"]) else { continue }
            let s = o.string("service"), c = o.string("category"), from = o.date("from"), amount = o.money("amount")
            if let s, !serviceIDs.contains(s) {
                reader.error(o.at("service"), "unknown service '\(s)'; the agreement's services are: \(serviceIDs.joined(separator: ", "))")
            } else if let s, let service = services.first(where: { $0.id == s }), service.payment != .monthly {
                reader.error(o.at("service"), "service '\(s)' is paid \(service.payment.rawValue), not by a monthly flat rate")
            }
            if let c, !categories.contains(c) {
                reader.error(o.at("category"), "unknown category '\(c)'; the agreement's categories are: \(categories.joined(separator: ", "))")
            }
            guard let s, let c, let from, let amount else { continue }
            let key = "\(s)|\(c)|\(from)"
            if let first = seenRate[key] {
                reader.error(item.path, "a second rate for service '\(s)', category '\(c)' from \(from) (the first is at \(first))")
                continue
            }
            seenRate[key] = item.path.description
            flatRates.append(FlatRateEntry(service: s, category: c, from: from, amount: amount))
        }

        // Increases
        var increases: [RateIncrease] = []
        var increasePaths: [String] = []
        for item in top.array("increases", required: false) ?? [] {
            guard let o = reader.object(item.value, at: item.path, keys: ["from", "percent", "appliesTo"]) else { continue }
            let from = o.date("from"), percent = o.decimal("percent")
            if let percent, percent.units <= -100 * percent.denominator {
                reader.error(o.at("percent"), "an increase of \(percent) % would leave no rate at all")
            } else if let percent, percent.units > 100 * percent.denominator {
                reader.error(o.at("percent"), "an increase of \(percent) % is more than LEQ takes (at most 100 %: the rate doubled)")
            }
            var kinds = Set(RateKind.allCases)
            if let names = o.strings("appliesTo") {
                kinds = []
                for (k, n) in names.enumerated() {
                    if let kind = RateKind(rawValue: n) { kinds.insert(kind) } else {
                        reader.error("\(o.at("appliesTo"))[\(k)]",
                                     "'\(n)' is not a rate kind; expected one of: \(RateKind.allCases.map(\.rawValue).joined(separator: ", "))")
                    }
                }
            }
            if let from, let percent {
                increases.append(RateIncrease(from: from, percent: percent, appliesTo: kinds))
                increasePaths.append(o.at("percent"))
            }
        }

        // Clearing
        var clearing: ClearingTermsInput?
        if let o = top.object("clearing", required: false, keys: ["fee", "extensionWeekly", "feeDays", "maxDays"]) {
            let fee = rateEntries(o, "fee"), ext = rateEntries(o, "extensionWeekly")
            let feeDays = o.int("feeDays", range: 1...366) ?? 42
            let maxDays = o.int("maxDays", range: 1...366) ?? 84
            if maxDays < feeDays { reader.error(o.at("maxDays"), "must be at least feeDays (\(feeDays))") }
            clearing = ClearingTermsInput(fee: fee, extensionWeekly: ext, feeDays: feeDays, maxDays: maxDays)
        }

        // Cost bearers
        var bearers: [CostBearer] = []
        for item in top.array("bearers") ?? [] {
            guard let o = reader.object(item.value, at: item.path, keys: ["id", "name", "budgetLine"]) else { continue }
            if let bid = o.string("id"), let name = o.string("name") {
                if bearers.contains(where: { $0.id == bid }) { reader.error(o.at("id"), "bearer '\(bid)' is listed twice") }
                bearers.append(CostBearer(id: bid, name: name, budgetLine: o.string("budgetLine", required: false)))
            }
        }
        if top.value("bearers", required: false) != nil && bearers.isEmpty && reader.diagnostics.isEmpty {
            reader.error("bearers", "an agreement needs at least one cost bearer")
        }
        var rules: [BearerRule] = []
        for item in top.array("bearerRules", required: false) ?? [] {
            if let rule = bearerRule(item.value, at: item.path.description, reader, bearers: bearers, serviceIDs: serviceIDs) { rules.append(rule) }
        }

        let dailyRates = serviceRates(top, "dailyRates", payment: .daily, services: services, serviceIDs: serviceIDs, categories: categories)
        let hourlyRates = serviceRates(top, "hourlyRates", payment: .hourly, services: services, serviceIDs: serviceIDs, categories: categories)
        for (k, service) in services.enumerated() {
            let rates: [ServiceRateEntry]? = service.payment == .daily ? dailyRates : service.payment == .hourly ? hourlyRates : nil
            if let rates, !rates.contains(where: { $0.service == service.id }) {
                reader.error("services[\(k)].pay", "service '\(service.id)' is paid \(service.payment.rawValue) but has no \(service.payment == .daily ? "dailyRates" : "hourlyRates") entry")
            }
        }
        let lastDayBilled = top.bool("lastDayBilled") ?? true
        let absenceRules = absences(top)
        var budgetTerms = BudgetTerms()
        if let o = top.object("budgets", required: false, keys: ["mode", "savingsSharePercent"]) {
            budgetTerms.mode = o.choice("mode", required: false, BudgetMode.self, choices: BudgetMode.allCases) ?? .installments
            budgetTerms.savingsSharePercent = percent(o, "savingsSharePercent", required: false)
        }
        let incentives = incentiveTerms(top, categories: categories)

        // The increases compound (SPEC § 10): the largest rate raised by every one of them must
        // still be an amount LEQ takes; dozens of doublings overflowed the rate and stopped the run.
        let rates = flatRates.map(\.amount) + (dailyRates ?? []).map(\.amount) + (hourlyRates ?? []).map(\.amount)
            + (clearing.map { ($0.fee + $0.extensionWeekly).map(\.amount) } ?? [])
        if let largest = rates.max() {
            var raised = Int128(largest.cents)
            for k in increases.indices.sorted(by: { increases[$0].from < increases[$1].from }) where increases[k].percent.units > 0 {
                let p = increases[k].percent, scale = Int128(p.denominator) * 100
                raised = (raised * (scale + Int128(p.units)) + scale - 1) / scale
                if raised > Int128(Money.largestInput.cents) {
                    reader.error(increasePaths[k], "the increases up to here raise the largest rate (\(largest.decimalString)) above what LEQ takes as an amount (at most \(Money.largestInput.decimalString))")
                    break
                }
            }
        }

        guard reader.diagnostics.isEmpty, let id, let validFrom, let youthOffice, let provider, !bearers.isEmpty else { return nil }
        var agreement = Agreement(
            id: id, validity: Period(validFrom, validTo ?? CivilDate(year: 9999, month: 12, day: 31)!),
            youthOffice: youthOffice, provider: provider, rounding: rounding ?? .halfAwayFromZero,
            proration: proration ?? .calendar, services: services, categories: categories, flatRates: flatRates,
            increases: increases, clearing: clearing, bearers: bearers, bearerRules: rules,
            dailyRates: dailyRates, hourlyRates: hourlyRates, lastDayBilled: lastDayBilled,
            absenceRules: absenceRules, budgetTerms: budgetTerms, incentives: incentives)
        agreement.paymentTerms = paymentTerms
        return agreement
    }

    /// `incentives`: per category the goal, report and end amounts; grace days, sustainability
    /// months, caps, family incentive and ranking weights (SPEC §§ 12, 18).
    private static func incentiveTerms(_ top: ObjectReader, categories: [String]) -> IncentiveTerms? {
        guard let o = top.object("incentives", required: false, keys: [
            "categories", "reportGraceDays", "sustainabilityMonths", "bonusCapPercent", "malusCapPercent", "family", "rankingWeights",
        ]) else { return nil }
        var byCategory: [String: IncentiveTerms.CategoryTerms] = [:]
        for item in o.array("categories") ?? [] {
            guard let c = o.reader.object(item.value, at: item.path, keys: [
                "category", "bonusThreshold", "bonusPercent", "malusThreshold", "malusPercent", "reportMalus", "endBonus", "endMalus",
            ]), let category = c.string("category") else { continue }
            if !categories.contains(category) {
                c.reader.error(c.at("category"), "unknown category '\(category)'; expected one of: \(categories.joined(separator: ", "))")
                continue
            }
            if byCategory[category] != nil {
                c.reader.error(c.at("category"), "category '\(category)' has incentive terms twice")
                continue
            }
            var t = IncentiveTerms.CategoryTerms()
            if let v = percent(c, "bonusThreshold", required: false) { t.bonusThreshold = v }
            if let v = percent(c, "malusThreshold", required: false) { t.malusThreshold = v }
            t.bonusPercent = percent(c, "bonusPercent", required: false)
            t.malusPercent = percent(c, "malusPercent", required: false)
            t.reportMalus = c.money("reportMalus", required: false)
            t.endBonus = c.money("endBonus", required: false)
            t.endMalus = c.money("endMalus", required: false)
            if t.malusThreshold.fraction > t.bonusThreshold.fraction {
                c.reader.error(c.at("malusThreshold"), "the malus threshold (\(t.malusThreshold)) lies above the bonus threshold (\(t.bonusThreshold))")
            }
            byCategory[category] = t
        }
        var terms = IncentiveTerms(byCategory: byCategory)
        if let g = o.int("reportGraceDays", range: 0...365) { terms.reportGraceDays = g }
        if let n = o.int("sustainabilityMonths", range: 0...120) { terms.sustainabilityMonths = n }
        terms.bonusCapPercent = percent(o, "bonusCapPercent", required: false)
        terms.malusCapPercent = percent(o, "malusCapPercent", required: false)
        if let f = o.object("family", required: false, keys: ["perGoalArea", "threshold"]) {
            terms.familyPerGoalArea = f.money("perGoalArea")
            if let t = percent(f, "threshold", required: false) { terms.familyThreshold = t }
        }
        if let w = o.object("rankingWeights", required: false, keys: ["goalAttainment", "reportsOnTime", "plannedEnds", "questionnaire", "costPerCase"]) {
            var weights = RankingWeights()
            let keys: [(String, WritableKeyPath<RankingWeights, ExactDecimal>)] = [
                ("goalAttainment", \.goalAttainment), ("reportsOnTime", \.reportsOnTime), ("plannedEnds", \.plannedEnds),
                ("questionnaire", \.questionnaire), ("costPerCase", \.costPerCase),
            ]
            for (key, path) in keys {
                guard let v = w.decimal(key, required: false) else { continue }
                if v.units < 0 { w.reader.error(w.at(key), "a weight cannot be negative; found \(v)") } else { weights[keyPath: path] = v }
            }
            terms.rankingWeights = weights
        }
        return terms
    }

    private static func party(_ o: ObjectReader?) -> Party? {
        guard let o else { return nil }
        let name = o.string("name"), address = o.strings("address", required: true)
        let leitweg = o.string("leitwegId", required: false), email = o.string("email", required: false)
        let bank = bankAccount(o)
        guard let name, let address else { return nil }
        return Party(name: name, address: address, leitwegID: leitweg, email: email, bank: bank)
    }

    private static func provider(_ o: ObjectReader?) -> Provider? {
        guard let o else { return nil }
        let id = o.string("id"), name = o.string("name"), address = o.strings("address", required: true)
        let tax = o.string("taxNumber"), creditor = o.string("creditorNumber"), leitweg = o.string("leitwegId")
        let prefix = o.string("statementPrefix", required: false)
        let bank = bankAccount(o), vat = o.string("vatId", required: false)
        var contact: Contact?
        if let c = o.object("contact", required: false, keys: ["name", "phone", "email"]) {
            let n = c.string("name"), p = c.string("phone"), e = c.string("email")
            if let e, !e.contains("@") { c.reader.error(c.at("email"), "'\(e)' is not an e-mail address") }
            if let n, let p, let e { contact = Contact(name: n, phone: p, email: e) }
        }
        guard let id, let name, let address, let tax, let creditor, let leitweg else { return nil }
        return Provider(id: id, name: name, address: address, taxNumber: tax, creditorNumber: creditor,
                        leitwegID: leitweg, statementPrefix: prefix ?? id.uppercased(), bank: bank, contact: contact, vatID: vat)
    }

    /// `bank: {iban, bic?, accountHolder}`: the IBAN's check digits (mod 97) and the BIC's form are checked.
    private static func bankAccount(_ o: ObjectReader) -> BankAccount? {
        guard let b = o.object("bank", required: false, keys: ["iban", "bic", "accountHolder"]) else { return nil }
        let holder = b.string("accountHolder")
        var iban: String?
        if let text = b.string("iban") {
            switch IBAN.check(text) {
            case let .success(i): iban = i
            case .failure(.form):
                b.reader.error(b.at("iban"), "'\(text)' is not an IBAN; expected two letters, two check digits and the account, e.g. \"DE89 3704 0044 0532 0130 00\"")
            case let .failure(.length(country, expected)):
                b.reader.error(b.at("iban"), "'\(text)' has \(text.filter { $0 != " " }.count) characters; an IBAN of \(country) has \(expected)")
            case .failure(.checkDigits):
                b.reader.error(b.at("iban"), "'\(text)': the check digits do not match (mod 97); a digit is wrong or two are swapped")
            }
        }
        var bic: String?
        if let text = b.string("bic", required: false) {
            bic = IBAN.bic(text)
            if bic == nil { b.reader.error(b.at("bic"), "'\(text)' is not a BIC; expected 8 or 11 characters, e.g. \"COBADEFFXXX\"") }
        }
        guard let iban, let holder else { return nil }
        return BankAccount(iban: iban, bic: bic, holder: holder)
    }

    /// `"calendar"`, `"thirty"`, or `{"divisor": "30.42"}`.
    private static func prorationMethod(_ o: ObjectReader, _ key: String) -> Proration? {
        guard let v = o.value(key, required: false) else { return nil }
        if case .object = v {
            guard let d = o.object(key, keys: ["divisor"]), let divisor = d.decimal("divisor") else { return nil }
            guard divisor.units >= divisor.denominator * 28, divisor.units <= divisor.denominator * 31 else {
                o.reader.error(d.at("divisor"), "a divisor is the days of an average month, between 28 and 31; found \(divisor)")
                return nil
            }
            return .divisor(divisor)
        }
        guard case let .string(s) = v else {
            o.reader.error(o.at(key), "expected \"calendar\", \"thirty\" or {\"divisor\": \"30.42\"}, found \(v.kindName)")
            return nil
        }
        switch s {
        case "calendar": return .calendar
        case "thirty": return .thirty
        default:
            o.reader.error(o.at(key), "'\(s)' is not a proration method; expected calendar, thirty or {\"divisor\": \"30.42\"}")
            return nil
        }
    }

    /// A percentage between 0 and 100, e.g. "75" or "2.35".
    private static func percent(_ o: ObjectReader, _ key: String, required: Bool = true) -> ExactDecimal? {
        guard let p = o.decimal(key, required: required) else { return nil }
        guard p.units >= 0, p.units <= 100 * p.denominator else {
            o.reader.error(o.at(key), "a percentage between 0 and 100; found \(p)")
            return nil
        }
        return p
    }

    /// `[{"fromCaseMonth": 7, "percent": "90"}, …]`, case months ascending.
    private static func degressionSteps(_ o: ObjectReader) -> [DegressionStep] {
        var steps: [DegressionStep] = []
        for item in o.array("degression", required: false) ?? [] {
            guard let d = o.reader.object(item.value, at: item.path, keys: ["fromCaseMonth", "percent"]) else { continue }
            guard let month = d.int("fromCaseMonth", required: true, range: 1...600), let p = percent(d, "percent") else { continue }
            if let last = steps.last, month <= last.fromCaseMonth {
                o.reader.error(d.at("fromCaseMonth"), "steps are listed by ascending case month; \(month) follows \(last.fromCaseMonth)")
                continue
            }
            steps.append(DegressionStep(fromCaseMonth: month, percent: p))
        }
        return steps
    }

    /// Daily or hourly rates: `[{service, category?, from, amount}]` for services paid that way.
    private static func serviceRates(_ top: ObjectReader, _ key: String, payment: Payment, services: [Service],
                                     serviceIDs: [String], categories: [String]) -> [ServiceRateEntry] {
        var entries: [ServiceRateEntry] = []
        var seen: [String: String] = [:]
        for item in top.array(key, required: false) ?? [] {
            guard let o = top.reader.object(item.value, at: item.path, keys: ["service", "category", "from", "amount"]) else { continue }
            let s = o.string("service"), c = o.string("category", required: false), from = o.date("from"), amount = o.money("amount")
            if let s, !serviceIDs.contains(s) {
                top.reader.error(o.at("service"), "unknown service '\(s)'; the agreement's services are: \(serviceIDs.joined(separator: ", "))")
            } else if let s, let service = services.first(where: { $0.id == s }), service.payment != payment {
                top.reader.error(o.at("service"), "service '\(s)' is paid \(service.payment.rawValue), not \(payment.rawValue); set \"pay\": \"\(payment.rawValue)\" on the service")
            }
            if let c, !categories.contains(c) {
                top.reader.error(o.at("category"), "unknown category '\(c)'; the agreement's categories are: \(categories.joined(separator: ", "))")
            }
            guard let s, let from, let amount else { continue }
            let keyText = "\(s)|\(c ?? "*")|\(from)"
            if let first = seen[keyText] {
                if let c {
                    top.reader.error(item.path, "a second rate for service '\(s)', category '\(c)' from \(from) (the first is at \(first))")
                } else {
                    top.reader.error(item.path, "a second rate for service '\(s)' from \(from) (the first is at \(first))")
                }
                continue
            }
            seen[keyText] = item.path.description
            entries.append(ServiceRateEntry(service: s, category: c, from: from, amount: amount))
        }
        return entries
    }

    /// `{"yearlyCapDays": 63, "rules": [{reason?, graceDays, reducedFrom, percent, onlyFullDays?, yearlyCapDays?}]}`.
    private static func absences(_ top: ObjectReader) -> AbsenceRules? {
        guard let o = top.object("absences", required: false, keys: ["yearlyCapDays", "rules"]) else { return nil }
        let cap = o.int("yearlyCapDays", range: 0...366)
        var rules: [AbsenceRule] = []
        for item in o.array("rules") ?? [] {
            guard let r = o.reader.object(item.value, at: item.path,
                                          keys: ["reason", "graceDays", "reducedFrom", "percent", "onlyFullDays", "yearlyCapDays"])
            else { continue }
            let reason = r.string("reason", required: false)
            let grace = r.int("graceDays", required: true, range: 0...366)
            let from = r.choice("reducedFrom", AbsenceRule.ReducedFrom.self, choices: AbsenceRule.ReducedFrom.allCases)
            let p = percent(r, "percent")
            let full = r.bool("onlyFullDays") ?? false
            let ruleCap = r.int("yearlyCapDays", range: 0...366)
            if rules.contains(where: { $0.reason == reason }) {
                o.reader.error(item.path, reason.map { "a second rule for reason '\($0)'" } ?? "a second default rule (without a reason)")
                continue
            }
            if let grace, let from, let p {
                rules.append(AbsenceRule(reason: reason, graceDays: grace, reducedFrom: from, percent: p, onlyFullDays: full,
                                         yearlyCapDays: ruleCap))
            }
        }
        return AbsenceRules(yearlyCapDays: cap, rules: rules)
    }

    /// A rate history: `[{"from": ..., "amount": ...}]`, no two entries on the same day.
    private static func rateEntries(_ o: ObjectReader, _ key: String) -> [RateEntry] {
        var entries: [RateEntry] = []
        var seen: [CivilDate: String] = [:]
        for item in o.array(key) ?? [] {
            guard let e = o.reader.object(item.value, at: item.path, keys: ["from", "amount"]) else { continue }
            guard let from = e.date("from"), let amount = e.money("amount") else { continue }
            if let first = seen[from] {
                o.reader.error(item.path, "a second entry from \(from) (the first is at \(first))")
                continue
            }
            seen[from] = item.path.description
            entries.append(RateEntry(from: from, amount: amount))
        }
        return entries
    }

    private static func bearerRule(_ value: JSONValue, at path: String, _ reader: JSONReader, bearers: [CostBearer],
                                   serviceIDs: [String]) -> BearerRule? {
        guard let o = reader.object(value, at: path, keys: ["services", "settings", "kinds", "flags", "shares"]) else { return nil }
        var ok = true
        var serviceSet: Set<String>?
        if let list = o.strings("services") {
            for (k, s) in list.enumerated() where !serviceIDs.contains(s) {
                reader.error("\(o.at("services"))[\(k)]", "unknown service '\(s)'")
                ok = false
            }
            serviceSet = Set(list)
        }
        var settingSet: Set<Setting>?
        if let list = o.strings("settings") {
            settingSet = []
            for (k, s) in list.enumerated() {
                if let setting = Setting(rawValue: s) { settingSet!.insert(setting) } else {
                    reader.error("\(o.at("settings"))[\(k)]",
                                 "'\(s)' is not a setting; expected one of: \(Setting.allCases.map(\.rawValue).joined(separator: ", "))")
                    ok = false
                }
            }
        }
        var kindSet: Set<LineKind>?
        if let list = o.strings("kinds") {
            kindSet = []
            for (k, s) in list.enumerated() {
                if let kind = LineKind(rawValue: s) { kindSet!.insert(kind) } else {
                    reader.error("\(o.at("kinds"))[\(k)]",
                                 "'\(s)' is not a line kind; expected one of: \(LineKind.allCases.map(\.rawValue).joined(separator: ", "))")
                    ok = false
                }
            }
        }
        let flags = o.strings("flags") ?? []
        guard let shares = o.object("shares", keys: bearers.map(\.id)) else { return nil }
        // Shares as exact fractions over a common denominator, in bearer order.
        var fractions: [Fraction] = []
        for bearer in bearers {
            guard let d = shares.decimal(bearer.id, required: false) else {
                fractions.append(.zero)
                continue
            }
            if d.units < 0 || d.fraction > .one {
                reader.error(shares.at(bearer.id), "a share is between 0 and 1; found \(d)")
                ok = false
            }
            fractions.append(d.fraction)
        }
        let sum = fractions.reduce(Fraction.zero, +)
        if sum != .one {
            reader.error(o.at("shares"), "the shares add up to \(sum.numerator)/\(sum.denominator); they must add up to 1 exactly")
            ok = false
        }
        guard ok else { return nil }
        let denominator = fractions.reduce(Int64(1)) { lcm($0, $1.denominator) }
        return BearerRule(services: serviceSet, settings: settingSet, kinds: kindSet, flags: flags,
                          numerators: fractions.map { $0.numerator * (denominator / $0.denominator) }, denominator: denominator)
    }

    private static func lcm(_ a: Int64, _ b: Int64) -> Int64 {
        var (x, y) = (a, b)
        while y != 0 { (x, y) = (y, x % y) }
        return a / x * b
    }
}

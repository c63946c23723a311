import LEQCore

/// Reads a case file (`"format": "leq-cases/1"`, see docs/formats.md), checks each case on its
/// own and against the agreements, and reports every problem with its JSON path.
public enum CaseFile {
    public static let format = "leq-cases/1"

    /// The cases of a file, and where each was found (for messages about a case later on).
    public struct Contents: Sendable {
        public var cases: [Case]
        /// Where each case is in the file: its index in the file's `cases` array (`cases[i]`), per
        /// case id (read in settling order, that is not its place in `cases` here). In parts by a
        /// hash of the id (`part(of:)`), so that a large file's are gathered on all cores.
        fileprivate var indexParts: [[String: Int]]

        init(cases: [Case], parts: Int = 1) {
            self.cases = cases
            indexParts = Array(repeating: [:], count: parts)
        }

        /// Every case's index in the file, per case id, gathered from the parts on each call.
        public func allIndexes() -> [String: Int] { indexParts.reduce(into: [:]) { $0.merge($1) { a, _ in a } } }

        /// The file index of the case with `id`, or nil.
        func index(of id: String) -> Int? { indexParts[Self.part(of: id, parts: indexParts.count)][id] }

        /// Records the file index of the case with `id`; false if the id is there already.
        mutating func insert(_ id: String, at index: Int) -> Bool {
            indexParts[Self.part(of: id, parts: indexParts.count)].updateValue(index, forKey: id) == nil
        }

        /// The JSON path of a case (`cases[12]`), for messages about it.
        public func path(of id: String) -> String? { index(of: id).map { "cases[\($0)]" } }

        /// The part an id's index is kept in, by its stable hash (not the dictionaries' own, which
        /// differs from process to process).
        static func part(of id: String, parts: Int) -> Int {
            parts > 1 ? Int((id.stableHash >> 32) % UInt64(parts)) : 0
        }
    }

    private static let caseKeys = [
        "id", "person", "provider", "service", "socialSpace", "fileReference", "start", "plannedEnd", "end",
        "endReason", "clearing", "categories", "flags", "absences", "hours", "budgets", "topUps", "evaluations", "reports",
        "questionnaire", "reimbursement",
    ]

    /// Decodes the cases; with `agreements`, also checks providers, services, categories and
    /// that a rate exists for every day a case needs one.
    /// `someAgreementsUnread`: some agreement files could not be read, so a case whose provider
    /// has no agreement here may well have one there; that is not reported.
    /// `settlingOrder`: the cases in the order settling walks them (by provider, then id) where
    /// the file allows finding that before parsing, so that a caseload need not lay them out
    /// afresh; else in the file's order. Either way `indexes` are places in the file.
    public static func decode(_ bytes: [UInt8], file: String, agreements: [Agreement]? = nil,
                              someAgreementsUnread: Bool = false, settlingOrder: Bool = false) throws(InputError) -> Contents {
        if let contents = decodeInParts(bytes, file: file, agreements: agreements, someAgreementsUnread: someAgreementsUnread,
                                        settlingOrder: settlingOrder) {
            return contents
        }
        return try decodeWhole(bytes, file: file, agreements: agreements, someAgreementsUnread: someAgreementsUnread)
    }

    /// The fast way, for a file without a fault: the cases are found by a scan, then parsed,
    /// read and checked in chunks on all cores, each case's tree dropped once read. Nil at the
    /// first sign of any problem: then `decodeWhole` reads the file as it always has and reports
    /// every problem in its order — so the messages are the same whichever way a file is read.
    static func decodeInParts(_ bytes: [UInt8], file: String, agreements: [Agreement]?, someAgreementsUnread: Bool,
                              settlingOrder: Bool = false) -> Contents? {
        guard let found = JSONParser.elements(ofArray: "cases", in: bytes) else { return nil }
        // The file without its cases: format and unknown keys.
        let head = Array(bytes[..<(found.array.lowerBound + 1)]) + Array(bytes[(found.array.upperBound - 1)...])
        let reader = JSONReader(file: file)
        guard let root = reader.parse(head), let top = reader.object(root, at: "", keys: ["format", "cases"]),
              top.string("format") == Self.format, reader.diagnostics.isEmpty else { return nil }
        let chunk = 1_024
        let count = found.elements.count
        let starts = Array(stride(from: 0, to: count, by: chunk))
        // The file's place of the case decoded k-th (nil: the k-th in the file).
        let order = settlingOrder ? Self.settlingOrder(bytes, found.elements, chunk: chunk) : nil
        // Each chunk's cases go straight into their places in the one list (the chunks write
        // apart), so that the cases are never held twice while the file is.
        var complete = true
        let cases = [Case](unsafeUninitializedCapacity: count) { buffer, initialized in
            let base = buffer.baseAddress
            // Per chunk: how many of its cases it put in place (fewer: a fault, stop).
            let placed = starts.parallelMap(parallel: count >= 4 * chunk) { start -> Int in
                let reader = JSONReader(file: file)
                let strings = SmallStrings()
                let end = min(start + chunk, count)
                for k in start..<end {
                    let index = order?[k] ?? k
                    let path = JSONPath(array: "cases", index: index)
                    let c: Case
                    if let plain = bytes.withUnsafeBufferPointer({ PlainCase.read($0, range: found.elements[index], strings: strings) }) {
                        c = plain
                    } else {
                        // A duplicate key gives up (its place is named by the whole reading): no places kept.
                        guard let parsed = try? JSONParser.parseValue(bytes, range: found.elements[index], path: nil, strings: strings),
                              parsed.duplicateKeys.isEmpty, let decoded = decodeCase(parsed.value, at: path, reader) else { return k - start }
                        c = decoded
                    }
                    if let agreements { check(c, at: path, against: agreements, someUnread: someAgreementsUnread, reader) }
                    guard reader.diagnostics.isEmpty else { return k - start }
                    (base! + k).initialize(to: c)
                }
                return end - start
            }
            if zip(starts, placed).allSatisfy({ start, n in n == min(start + chunk, count) - start }) {
                initialized = count
            } else {
                // A fault somewhere: what was put in place goes, and the file is read whole.
                for (start, n) in zip(starts, placed) { (base! + start).deinitialize(count: n) }
                initialized = 0
                complete = false
            }
        }
        guard complete else { return nil }
        // Each case's place in the file, per id, gathered in two parts on both cores (one part
        // on one core was a fifth of a second at a million cases, the other core idle).
        let parts = count >= 4 * chunk ? 2 : 1
        let gathered = Array(0..<parts).parallelMap(parallel: parts > 1) { part -> [String: Int]? in
            var indexes: [String: Int] = [:]
            indexes.reserveCapacity(count / parts + count / 16)
            for i in cases.indices where Contents.part(of: cases[i].id, parts: parts) == part {
                // A case id used twice: the whole reading names it.
                guard indexes.updateValue(order?[i] ?? i, forKey: cases[i].id) == nil else { return nil }
            }
            return indexes
        }
        guard gathered.allSatisfy({ $0 != nil }) else { return nil }
        var contents = Contents(cases: cases, parts: parts)
        contents.indexParts = gathered.map { $0! }
        return contents
    }

    /// The cases' places in the file, in the order settling walks them: by provider, then by
    /// id (as `Caseload` lays them out, which checks it), both read from the bytes before
    /// parsing, on all cores. Nil if some case does not give both plainly: then the file's order.
    static func settlingOrder(_ bytes: [UInt8], _ elements: [Range<Int>], chunk: Int) -> [Int]? {
        let starts = Array(stride(from: 0, to: elements.count, by: chunk))
        let keys = bytes.withUnsafeBufferPointer { b in
            starts.parallelMap(parallel: elements.count >= 4 * chunk) { start -> [(provider: String, id: String)]? in
                var part: [(provider: String, id: String)] = []
                part.reserveCapacity(chunk)
                for index in start..<min(start + chunk, elements.count) {
                    guard let (provider, id) = JSONParser.memberStrings("provider", "id", ofObjectAt: elements[index], in: b) else { return nil }
                    part.append((provider, id))
                }
                return part
            }
        }
        guard keys.allSatisfy({ $0 != nil }) else { return nil }
        let all = keys.flatMap { $0! }
        return Caseload.settlingOrder(providers: all.map(\.provider), ids: all.map(\.id), parallel: elements.count >= 4 * chunk)
            .places.flatMap { $0 }
    }

    /// Reads the file as one tree, reporting every problem with its place.
    static func decodeWhole(_ bytes: [UInt8], file: String, agreements: [Agreement]?, someAgreementsUnread: Bool) throws(InputError) -> Contents {
        let reader = JSONReader(file: file)
        var contents = Contents(cases: [])
        if let root = reader.parse(bytes), let top = reader.object(root, at: "", keys: ["format", "cases"]) {
            if let format = top.string("format"), format != Self.format {
                reader.error("format", "'\(format)' is not a case file; expected \"\(Self.format)\"")
            }
            for item in top.array("cases") ?? [] {
                guard let c = decodeCase(item.value, at: item.path, reader) else { continue }
                if let first = contents.path(of: c.id) {
                    reader.error("\(item.path).id", "case id '\(c.id)' is used twice (first at \(first))")
                    continue
                }
                _ = contents.insert(c.id, at: item.path.index)
                contents.cases.append(c)
                if let agreements { check(c, at: item.path, against: agreements, someUnread: someAgreementsUnread, reader) }
            }
        }
        if reader.diagnostics.isEmpty { return contents }
        throw InputError(reader.diagnostics)
    }

    private static func decodeCase(_ value: JSONValue, at path: JSONPath, _ reader: JSONReader) -> Case? {
        guard let o = reader.object(value, at: path, keys: caseKeys) else { return nil }
        let before = reader.diagnostics.count
        let id = o.string("id"), person = o.string("person"), provider = o.string("provider"), service = o.string("service")
        let socialSpace = o.string("socialSpace", required: false) ?? ""
        let fileReference = o.string("fileReference", required: false) ?? ""
        let start = o.date("start"), plannedEnd = o.date("plannedEnd", required: false), end = o.date("end", required: false)
        let endReason = o.choice("endReason", required: false, EndReason.self, choices: EndReason.allCases)
        let flags = o.strings("flags") ?? []

        if let start, let end, end < start { reader.error(o.at("end"), "the case ends (\(end)) before it starts (\(start))") }
        if let start, let plannedEnd, plannedEnd < start {
            reader.error(o.at("plannedEnd"), "the planned end (\(plannedEnd)) lies before the start (\(start))")
        }
        if end != nil && endReason == nil && o.value("endReason", required: false) == nil {
            reader.error(o.at("endReason"), "a case that has ended needs an endReason; expected one of: \(EndReason.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        if end == nil && endReason != nil { reader.error(o.at("endReason"), "an endReason needs an end date") }

        var clearing: Clearing?
        if let co = o.object("clearing", required: false, keys: ["from", "to", "extensionApproved", "category"]) {
            let from = co.date("from"), to = co.date("to", required: false)
            let approved = co.bool("extensionApproved") ?? false
            let category = co.string("category", required: false)
            if let from, let to, to < from { reader.error(co.at("to"), "clearing ends (\(to)) before it starts (\(from))") }
            if let from, let start, from < start { reader.error(co.at("from"), "clearing starts (\(from)) before the case (\(start))") }
            if let to, let end, to > end { reader.error(co.at("to"), "clearing ends (\(to)) after the case (\(end))") }
            if let from { clearing = Clearing(from: from, to: to, extensionApproved: approved, category: category) }
        }

        var categories: [CategoryPeriod] = []
        let categoriesItems = o.array("categories", required: false) ?? []
        categories.reserveCapacity(categoriesItems.count)
        for item in categoriesItems {
            guard let po = reader.object(item.value, at: item.path, keys: ["category", "from"]) else { continue }
            guard let category = po.string("category"), let from = po.date("from") else { continue }
            if let last = categories.last, from <= last.from {
                reader.error("\(item.path).from", "category periods overlap: \(from) is not after the previous period's start (\(last.from)); list them in order, one per start date")
            } else if let start, from < start {
                reader.error("\(item.path).from", "the category period starts (\(from)) before the case (\(start))")
            } else if let end, from > end {
                reader.error("\(item.path).from", "the category period starts (\(from)) after the case has ended (\(end))")
            } else if let clearing, from <= (clearing.to ?? from) {
                reader.error("\(item.path).from", clearing.to == nil
                    ? "a category cannot start while clearing is still running (no clearing.to)"
                    : "the category period starts (\(from)) during clearing, which ends \(clearing.to!); a category applies from the day after clearing")
            }
            categories.append(CategoryPeriod(category: category, from: from))
        }

        let caseDays = start.flatMap { s in (end ?? s) < s ? nil : Period(s, end ?? CivilDate(year: 9999, month: 12, day: 31)!) }
        let absences = decodeAbsences(o, caseDays: caseDays)
        let hours = decodeHours(o, caseDays: caseDays)
        let budgets = decodeBudgets(o, caseDays: caseDays)
        let topUps = decodeTopUps(o, caseDays: caseDays)
        let evaluations = decodeEvaluations(o, caseDays: caseDays)
        let reports = decodeReports(o)
        let questionnaire = o.decimal("questionnaire", required: false)
        if let q = questionnaire, q.units < 0 || q.units > 100 * q.denominator {
            reader.error(o.at("questionnaire"), "the questionnaire score \(q) is outside 0–100")
        }

        var reimbursement: Reimbursement?
        if let r = o.object("reimbursement", required: false, keys: ["office", "legalBasis", "from", "to", "reference"]) {
            let office = r.string("office"), basis = r.string("legalBasis"), from = r.date("from", required: false), to = r.date("to", required: false)
            if let basis, !basis.contains("89") {
                reader.error(r.at("legalBasis"), "'\(basis)' is not a basis for reimbursement between youth offices; expected one of §§ 89–89h SGB VIII, e.g. \"§ 89a SGB VIII\"")
            }
            if let from, let to, to < from { reader.error(r.at("to"), "the duty ends (\(to)) before it starts (\(from))") }
            if let office, let basis { reimbursement = Reimbursement(office: office, legalBasis: basis, from: from, to: to, reference: r.string("reference", required: false)) }
        }

        guard reader.diagnostics.count == before, let id, let person, let provider, let service, let start else { return nil }
        return Case(id: id, person: person, provider: provider, service: service, socialSpace: socialSpace,
                    fileReference: fileReference, start: start, plannedEnd: plannedEnd, end: end, endReason: endReason,
                    clearing: clearing, categories: categories, flags: flags, absences: absences, hours: hours, budgets: budgets,
                    topUps: topUps, evaluations: evaluations, reports: reports, questionnaire: questionnaire,
                    reimbursement: reimbursement)
    }

    /// `[{from, to?, reason}]`: inside the case, in order, not overlapping.
    private static func decodeAbsences(_ o: ObjectReader, caseDays: Period?) -> [Absence] {
        var absences: [Absence] = []
        let absencesItems = o.array("absences", required: false) ?? []
        absences.reserveCapacity(absencesItems.count)
        for item in absencesItems {
            guard let a = o.reader.object(item.value, at: item.path, keys: ["from", "to", "reason"]) else { continue }
            let from = a.date("from"), to = a.date("to", required: false), reason = a.string("reason")
            guard let from, let reason else { continue }
            if let to, to < from { a.reader.error(a.at("to"), "the absence ends (\(to)) before it starts (\(from))"); continue }
            if let caseDays, !caseDays.contains(from) || !(to.map(caseDays.contains) ?? true) {
                a.reader.error(item.path, "the absence \(from)–\(to.map { "\($0)" } ?? "…") lies outside the case (\(caseDays.from)–\(caseDays.to.year == 9999 ? "…" : "\(caseDays.to)"))")
                continue
            }
            if let last = absences.last {
                guard let lastTo = last.to else {
                    a.reader.error(item.path, "the absence before it has no end, so this one overlaps it")
                    continue
                }
                if from <= lastTo {
                    a.reader.error("\(item.path).from", "absences overlap: \(from) is not after the previous absence's end (\(lastTo)); list them in order")
                    continue
                }
            }
            absences.append(Absence(from: from, to: to, reason: reason))
        }
        return absences
    }

    /// Hours as a string or number in quarter hours, e.g. "7.25"; nil (and an error) otherwise.
    private static func quarterHours(_ o: ObjectReader, _ key: String) -> Int? {
        guard let h = o.decimal(key) else { return nil }
        guard h.units >= 0 else {
            o.reader.error(o.at(key), "hours cannot be negative; found \(h)")
            return nil
        }
        switch quarters(of: h) {
        case let .whole(quarters): return quarters
        case .tooMany: o.reader.error(o.at(key), "too many hours to count in quarter hours; found \(h)")
        case .notQuarters: o.reader.error(o.at(key), "hours are counted in quarter hours (.25, .5, .75); found \(h)")
        }
        return nil
    }

    /// The most hours a month has (31 days of 24 hours), in quarter hours: more cannot have been
    /// delivered in one.
    static let mostQuartersInAMonth = 31 * 24 * 4

    /// Hours delivered in one month, in quarter hours: at most a month's hours; nil (and an error) otherwise.
    private static func deliveredQuarterHours(_ o: ObjectReader, _ key: String) -> Int? {
        guard let q = quarterHours(o, key) else { return nil }
        guard q <= mostQuartersInAMonth else {
            o.reader.error(o.at(key), "\(ExactDecimal(quarterHours: q)) hours in one month; a month has at most 744")
            return nil
        }
        return q
    }

    /// Four times some hours, if that is a whole number that fits.
    enum Quarters {
        case whole(Int)
        case notQuarters
        case tooMany
    }

    /// Hours (not negative) in quarter hours: in integers (as a fraction, reduced by its greatest
    /// common divisor, this was a thousand instructions a month of hours).
    static func quarters(of hours: ExactDecimal) -> Quarters {
        let (four, overflow) = hours.units.multipliedReportingOverflow(by: 4)
        if overflow { return .tooMany }
        return four % hours.denominator == 0 ? .whole(Int(four / hours.denominator)) : .notQuarters
    }

    /// `{"approvals": [{from, to, hours}], "delivered": [{month, hours}]}`.
    private static func decodeHours(_ o: ObjectReader, caseDays: Period?) -> Hours {
        guard let h = o.object("hours", required: false, keys: ["approvals", "delivered"]) else { return Hours() }
        var approvals: [HourApproval] = []
        let approvalsItems = h.array("approvals", required: false) ?? []
        approvals.reserveCapacity(approvalsItems.count)
        for item in approvalsItems {
            guard let a = h.reader.object(item.value, at: item.path, keys: ["from", "to", "hours"]) else { continue }
            let from = a.date("from"), to = a.date("to"), q = quarterHours(a, "hours")
            guard let from, let to, let q else { continue }
            if to < from { a.reader.error(a.at("to"), "the approval ends (\(to)) before it starts (\(from))"); continue }
            if let clash = approvals.first(where: { $0.period.intersection(Period(from, to)) != nil }) {
                a.reader.error(item.path, "approvals overlap: \(from)–\(to) and \(clash.period.from)–\(clash.period.to)")
                continue
            }
            approvals.append(HourApproval(period: Period(from, to), quarterHours: q))
        }
        var delivered: [DeliveredHours] = []
        let deliveredItems = h.array("delivered", required: false) ?? []
        delivered.reserveCapacity(deliveredItems.count)
        for item in deliveredItems {
            guard let d = h.reader.object(item.value, at: item.path, keys: ["month", "hours"]) else { continue }
            let text = d.string("month"), q = deliveredQuarterHours(d, "hours")
            guard let text else { continue }
            guard let month = Month(iso: text) else {
                d.reader.error(d.at("month"), "'\(text)' is not a month; expected YYYY-MM")
                continue
            }
            if delivered.contains(where: { $0.month == month }) {
                d.reader.error(d.at("month"), "hours for \(text) are listed twice; give one total per month")
                continue
            }
            if let caseDays, caseDays.intersection(month.period) == nil {
                d.reader.error(d.at("month"), "\(text) lies outside the case")
                continue
            }
            if !approvals.contains(where: { $0.period.intersection(month.period) != nil }) {
                d.reader.error(d.at("month"), "hours delivered in \(text) lie outside any approval")
                continue
            }
            if let q { delivered.append(DeliveredHours(month: month, quarterHours: q)) }
        }
        return Hours(approvals: approvals, delivered: delivered)
    }

    /// `[{from, to, amount, mode?, overrunApproved?}]`, each inside the case.
    private static func decodeBudgets(_ o: ObjectReader, caseDays: Period?) -> [CaseBudget] {
        var budgets: [CaseBudget] = []
        let budgetsItems = o.array("budgets", required: false) ?? []
        budgets.reserveCapacity(budgetsItems.count)
        for item in budgetsItems {
            guard let b = o.reader.object(item.value, at: item.path, keys: ["from", "to", "amount", "mode", "overrunApproved"]) else { continue }
            let from = b.date("from"), to = b.date("to"), amount = b.money("amount")
            let mode = b.choice("mode", required: false, BudgetMode.self, choices: BudgetMode.allCases)
            let overrun = b.money("overrunApproved", required: false) ?? .zero
            guard let from, let to, let amount else { continue }
            if to < from { b.reader.error(b.at("to"), "the budget period ends (\(to)) before it starts (\(from))"); continue }
            if let caseDays, !caseDays.contains(from) || !caseDays.contains(to) {
                b.reader.error(item.path, "the budget period \(from)–\(to) lies outside the case (\(caseDays.from)–\(caseDays.to.year == 9999 ? "…" : "\(caseDays.to)"))")
                continue
            }
            if budgets.contains(where: { $0.period.intersection(Period(from, to)) != nil }) {
                b.reader.error(item.path, "budget periods overlap")
                continue
            }
            budgets.append(CaseBudget(period: Period(from, to), amount: amount, mode: mode, overrunApproved: overrun))
        }
        return budgets
    }

    /// A goal area's rating: 0 to 100, at most two decimals.
    static func isRating(_ r: ExactDecimal) -> Bool { r.units >= 0 && r.units <= 100 * r.denominator && r.scale <= 2 }

    /// A goal area's weight: above 0, at most 100, at most three decimals. Within these and the
    /// ratings', the weighted mean is exact in 64 bits (`GoalEvaluation.attainment`); a weight of
    /// a trillion or of twelve decimals overflowed it and stopped the run.
    static func isWeight(_ w: ExactDecimal) -> Bool { w.units > 0 && w.units <= 100 * w.denominator && w.scale <= 3 }

    /// `evaluations: [{date, ratings: {area: 0–100}, weights?: {area: w}}]`, inside the case, one a day.
    /// The goal areas' names, made once (made per case, they were a list and six strings a case).
    private static let goalAreas = GoalArea.allCases.map(\.rawValue)

    private static func decodeEvaluations(_ o: ObjectReader, caseDays: Period?) -> [GoalEvaluation] {
        var out: [GoalEvaluation] = []
        let areas = goalAreas
        let outItems = o.array("evaluations", required: false) ?? []
        out.reserveCapacity(outItems.count)
        for item in outItems {
            guard let e = o.reader.object(item.value, at: item.path, keys: ["date", "ratings", "weights"]), let date = e.date("date") else { continue }
            if let caseDays, !caseDays.contains(date) {
                e.reader.error(e.at("date"), "the evaluation (\(date)) lies outside the case (\(caseDays.from)–\(caseDays.to.year == 9999 ? "…" : "\(caseDays.to)"))")
                continue
            }
            if out.contains(where: { $0.date == date }) { e.reader.error(e.at("date"), "two evaluations on \(date)"); continue }
            guard let r = e.object("ratings", keys: areas) else { continue }
            let w = e.object("weights", required: false, keys: areas)
            var ratings: [(area: GoalArea, rating: ExactDecimal, weight: ExactDecimal)] = []
            ratings.reserveCapacity(GoalArea.allCases.count)
            for area in GoalArea.allCases {
                guard let rating = r.decimal(area.rawValue, required: false) else {
                    if w?.value(area.rawValue, required: false) != nil { e.reader.error(w!.at(area.rawValue), "a weight for a goal area that is not rated") }
                    continue
                }
                // Rating and weight checked both, so that both errors are said at once.
                let ratingFits = Self.isRating(rating)
                if !ratingFits {
                    e.reader.error(r.at(area.rawValue), "a rating from 0 to 100 with at most two decimals; found \(rating)")
                }
                let weight = w?.decimal(area.rawValue, required: false) ?? ExactDecimal(units: 1, scale: 0)
                let weightFits = Self.isWeight(weight)
                if !weightFits {
                    e.reader.error(w!.at(area.rawValue), "a weight above 0 and at most 100, with at most three decimals; found \(weight)")
                }
                if ratingFits && weightFits { ratings.append((area, rating, weight)) }
            }
            // A rating refused above is not also "no rating".
            if r.members.isEmpty { e.reader.error(e.at("ratings"), "rate at least one goal area: \(areas.joined(separator: ", "))"); continue }
            if ratings.isEmpty { continue }
            out.append(GoalEvaluation(date: date, ratings: ratings))
        }
        return out
    }

    /// `reports: [{due, received?}]`.
    private static func decodeReports(_ o: ObjectReader) -> [CaseReport] {
        var out: [CaseReport] = []
        let outItems = o.array("reports", required: false) ?? []
        out.reserveCapacity(outItems.count)
        for item in outItems {
            guard let r = o.reader.object(item.value, at: item.path, keys: ["due", "received"]), let due = r.date("due") else { continue }
            out.append(CaseReport(due: due, received: r.date("received", required: false)))
        }
        return out
    }

    private static let topUpKeys = [
        "from", "to", "mode", "staff", "annualCost", "positionShare", "hourlyRate", "tariffChanges", "staffStart",
        "proofReceived", "bettengeld", "delivered", "staffIllness", "end",
    ]

    /// Top-up approvals (SPEC § 11): at most two years each, starting inside the case, not
    /// overlapping; the cost fields the mode needs and no others.
    private static func decodeTopUps(_ o: ObjectReader, caseDays: Period?) -> [TopUpApproval] {
        var approvals: [TopUpApproval] = []
        let approvalsItems = o.array("topUps", required: false) ?? []
        approvals.reserveCapacity(approvalsItems.count)
        for item in approvalsItems {
            guard let a = o.reader.object(item.value, at: item.path, keys: topUpKeys) else { continue }
            let reader = a.reader, before = reader.diagnostics.count
            let from = a.date("from"), to = a.date("to")
            let mode: TopUpApproval.Mode? = a.value("mode", required: false) == nil ? .daily
                : a.choice("mode", TopUpApproval.Mode.self, choices: TopUpApproval.Mode.allCases)
            let staff = a.choice("staff", TopUpApproval.Staff.self, choices: TopUpApproval.Staff.allCases)
            let staffStart = a.date("staffStart"), proof = a.date("proofReceived", required: false)
            let bettengeld = a.bool("bettengeld") ?? false
            let approved = from.flatMap { f in to.flatMap { t in f <= t ? Period(f, t) : nil } }
            if let from, let to {
                if to < from {
                    reader.error(a.at("to"), "the approval ends (\(to)) before it starts (\(from))")
                } else if to > TopUpApproval.longestEnd(from: from) {
                    reader.error(a.at("to"), "a top-up is approved for at most two years (seed 003 no. 9): from \(from) the last day is \(TopUpApproval.longestEnd(from: from)), not \(to); approve again for the time after")
                }
                if let caseDays, !caseDays.contains(from) {
                    reader.error(a.at("from"), "the approval starts (\(from)) outside the case (\(caseDays.from)–\(caseDays.to.year == 9999 ? "…" : "\(caseDays.to)"))")
                }
                if let staffStart, staffStart > to {
                    reader.error(a.at("staffStart"), "the extra staff starts (\(staffStart)) after the approval ends (\(to))")
                }
            }
            // What it costs: the first tariff from the approval's start, then the changes.
            var tariffs: [TopUpTariff] = []
            if let mode, let from {
                let first = topUpTariff(a, mode: mode, from: from, previous: nil)
                // When the first tariff is broken, its errors are reported; the changes are still
                // checked on their own, against a stand-in, so that they do not repeat them.
                var previous = first ?? TopUpTariff(from: from, annualCost: .zero, positionShare: ExactDecimal(units: 1, scale: 0))
                if let first { tariffs.append(first) }
                for change in a.array("tariffChanges", required: false) ?? [] {
                    guard let t = reader.object(change.value, at: change.path, keys: ["from", "annualCost", "positionShare", "hourlyRate"]),
                          let day = t.date("from") else { continue }
                    if day <= previous.from {
                        reader.error(t.at("from"), "tariff changes must be in order, each after the one before (\(previous.from))")
                    } else if let to, day > to {
                        reader.error(t.at("from"), "the tariff change (\(day)) lies after the approval ends (\(to))")
                    } else if let next = topUpTariff(t, mode: mode, from: day, previous: previous) {
                        tariffs.append(next)
                        previous = next
                    }
                }
            }
            var delivered: [DeliveredHours] = []
            let deliveredItems = a.array("delivered", required: false) ?? []
            delivered.reserveCapacity(deliveredItems.count)
            for d in deliveredItems {
                guard let h = reader.object(d.value, at: d.path, keys: ["month", "hours"]), let text = h.string("month") else { continue }
                let q = deliveredQuarterHours(h, "hours")
                guard let month = Month(iso: text) else { reader.error(h.at("month"), "'\(text)' is not a month; expected YYYY-MM"); continue }
                if mode == .daily { reader.error(d.path, "hours are delivered in hourly mode only; this approval is daily"); continue }
                if let approved, approved.intersection(month.period) == nil {
                    reader.error(h.at("month"), "\(text) lies outside the approval (\(approved.from)–\(approved.to))")
                    continue
                }
                if delivered.contains(where: { $0.month == month }) { reader.error(h.at("month"), "hours for \(text) are listed twice; give one total per month"); continue }
                if let q { delivered.append(DeliveredHours(month: month, quarterHours: q)) }
            }
            let illnesses = decodeStaffIllnesses(a)
            let end = decodeTopUpEnd(a, approved: approved)
            guard reader.diagnostics.count == before, let from, let to, let mode, let staff, let staffStart, !tariffs.isEmpty else { continue }
            if let clash = approvals.first(where: { $0.period.intersection(Period(from, to)) != nil }) {
                reader.error(item.path, "top-up approvals overlap: \(from)–\(to) and \(clash.period.from)–\(clash.period.to)")
                continue
            }
            approvals.append(TopUpApproval(period: Period(from, to), mode: mode, staff: staff, tariffs: tariffs, staffStart: staffStart,
                                           proofReceived: proof, bettengeld: bettengeld, delivered: delivered,
                                           staffIllnesses: illnesses, end: end))
        }
        return approvals
    }

    /// `staffIllness: [{from, to?, substituteFrom?}]`, in order, not overlapping.
    private static func decodeStaffIllnesses(_ a: ObjectReader) -> [StaffIllness] {
        var illnesses: [StaffIllness] = []
        let illnessesItems = a.array("staffIllness", required: false) ?? []
        illnesses.reserveCapacity(illnessesItems.count)
        for i in illnessesItems {
            guard let ill = a.reader.object(i.value, at: i.path, keys: ["from", "to", "substituteFrom"]), let start = ill.date("from") else { continue }
            let end = ill.date("to", required: false), substitute = ill.date("substituteFrom", required: false)
            if let end, end < start { a.reader.error(ill.at("to"), "the illness ends (\(end)) before it starts (\(start))"); continue }
            if let substitute, substitute < start { a.reader.error(ill.at("substituteFrom"), "the substitute starts (\(substitute)) before the illness (\(start))"); continue }
            if let last = illnesses.last {
                guard let lastTo = last.to else { a.reader.error(i.path, "the illness before it has no end, so this one overlaps it"); continue }
                if start <= lastTo { a.reader.error(ill.at("from"), "illnesses overlap: \(start) is not after the previous illness's end (\(lastTo)); list them in order"); continue }
            }
            illnesses.append(StaffIllness(from: start, to: end, substituteFrom: substitute))
        }
        return illnesses
    }

    /// `end: {lastDay, reason}` with a reason the engine cannot find itself, inside the approval.
    private static func decodeTopUpEnd(_ a: ObjectReader, approved: Period?) -> TopUpEnd? {
        guard let e = a.object("end", required: false, keys: ["lastDay", "reason"]) else { return nil }
        let day = e.date("lastDay")
        let reason = e.choice("reason", TopUpEndReason.self, choices: TopUpEndReason.recorded)
        if let reason, !TopUpEndReason.recorded.contains(reason) {
            a.reader.error(e.at("reason"), "'\(reason.rawValue)' follows from the data and is not recorded; expected one of: \(TopUpEndReason.recorded.map(\.rawValue).joined(separator: ", "))")
        }
        if let day, let approved, !approved.contains(day) {
            a.reader.error(e.at("lastDay"), "the end (\(day)) lies outside the approval (\(approved.from)–\(approved.to))")
        }
        guard let day, let reason else { return nil }
        return TopUpEnd(lastDay: day, reason: reason)
    }

    /// The cost fields of an approval or a tariff change: annual cost and position share (daily
    /// mode; a change may keep the share) or an hourly rate (hourly mode).
    private static func topUpTariff(_ o: ObjectReader, mode: TopUpApproval.Mode, from: CivilDate, previous: TopUpTariff?) -> TopUpTariff? {
        switch mode {
        case .daily:
            if o.value("hourlyRate", required: false) != nil {
                o.reader.error(o.at("hourlyRate"), "a daily top-up derives from annualCost and positionShare; hourlyRate is for \"mode\": \"hourly\"")
            }
            let cost = o.money("annualCost")
            var share = previous?.positionShare
            if previous == nil || o.value("positionShare", required: false) != nil {
                share = o.decimal("positionShare")
                if let s = share, s.units <= 0 || s.units > s.denominator {
                    o.reader.error(o.at("positionShare"), "the position share \(s) is outside 0–1; expected e.g. \"0.25\" for a quarter position")
                    return nil
                }
            }
            guard let cost, let share else { return nil }
            return TopUpTariff(from: from, annualCost: cost, positionShare: share)
        case .hourly:
            for key in ["annualCost", "positionShare"] where o.value(key, required: false) != nil {
                o.reader.error(o.at(key), "an hourly top-up is paid at hourlyRate; \(key) is for \"mode\": \"daily\"")
            }
            return o.money("hourlyRate").map { TopUpTariff(from: from, hourlyRate: $0) }
        }
    }

    /// Checks absences, hours and budgets against what the agreement pays for the service.
    private static func checkRecords(_ c: Case, service: Service, at path: JSONPath, agreement: Agreement, _ reader: JSONReader) {
        if service.payment == .daily, !c.absences.isEmpty {
            if let rules = agreement.absenceRules {
                for (k, a) in c.absences.enumerated() where rules.rule(for: a.reason) == nil {
                    reader.error("\(path).absences[\(k)].reason", "agreement '\(agreement.id)' has no absence rule for '\(a.reason)' and no default rule; its reasons are: \(rules.rules.compactMap(\.reason).joined(separator: ", "))")
                }
            } else {
                reader.error("\(path).absences", "agreement '\(agreement.id)' has no absence rules, so absences cannot be paid")
            }
        }
        if !c.hours.isEmpty && service.payment != .hourly {
            reader.error("\(path).hours", "service '\(service.id)' is paid \(service.payment.rawValue), not by specialist hours")
        }
        for (k, b) in c.budgets.enumerated() {
            let mode = b.mode ?? agreement.budgetTerms.mode
            if mode == .installments && service.payment != .budget {
                reader.error("\(path).budgets[\(k)]", "an installments budget pays the case itself, but service '\(service.id)' is paid \(service.payment.rawValue): that would pay twice; use \"mode\": \"drawdown\" or a service with \"pay\": \"budget\"")
            }
            if mode == .drawdown && service.payment == .budget {
                reader.error("\(path).budgets[\(k)]", "a drawdown budget is drawn by rate lines, but service '\(service.id)' is paid by budget only; use \"mode\": \"installments\"")
            }
            if mode == .installments && b.overrunApproved != .zero {
                reader.error("\(path).budgets[\(k)].overrunApproved", "an overrun applies to drawdown budgets only")
            }
        }
        for (k, a) in c.topUps.enumerated() where a.bettengeld && agreement.absenceRules == nil {
            reader.error("\(path).topUps[\(k)].bettengeld", "Bettengeld is agreed for this top-up, but agreement '\(agreement.id)' has no absence rules to reduce it by")
        }
        if service.payment == .budget && c.budgets.isEmpty {
            reader.error("\(path).budgets", "service '\(service.id)' is paid by budget, but the case has none")
        }
    }

    /// Checks a case against the agreements of its provider: known service and categories, and a
    /// rate in force for each category period and clearing from the day it is first needed.
    static func check(_ c: Case, at path: JSONPath, against agreements: [Agreement], someUnread: Bool, _ reader: JSONReader) {
        guard agreements.contains(where: { $0.provider.id == c.provider }) else {
            if someUnread { return }
            reader.error("\(path).provider", "no agreement for provider '\(c.provider)'; agreements are for: \(Set(agreements.map(\.provider.id)).sorted().joined(separator: ", "))")
            return
        }
        let caseDays = Period(c.start, c.end ?? CivilDate(year: 9999, month: 12, day: 31)!)
        // The provider's agreements read in place (`withPlacesForReading`): a list of them, the
        // loop over it, or one borrowed from it copied each agreement for every case, a retain per field.
        agreements.withPlacesForReading { list in
            for a in agreements.indices where list![a].provider.id == c.provider {
                guard check(c, at: path, caseDays: caseDays, against: &list![a], reader) else { return }
            }
        }
    }

    /// The case against one of its provider's agreements (read, never changed); false when the
    /// rest need not be checked (a service the agreement does not know).
    private static func check(_ c: Case, at path: JSONPath, caseDays: Period, against agreement: inout Agreement, _ reader: JSONReader) -> Bool {
        guard let days = caseDays.intersection(agreement.validity) else { return true }
        guard agreement.service(c.service) != nil else {
            reader.error("\(path).service", "unknown service '\(c.service)' in agreement '\(agreement.id)'; its services are: \(agreement.services.map(\.id).joined(separator: ", "))")
            return false
        }
        if let clearing = c.clearing {
            if agreement.clearing == nil {
                reader.error("\(path).clearing", "agreement '\(agreement.id)' has no clearing terms")
            } else if let terms = agreement.clearing, let to = clearing.to, days.contains(to),
                      terms.fee.step(on: clearing.from) == nil {
                reader.error("\(path).clearing.from", "agreement '\(agreement.id)' has no clearing fee in force on \(clearing.from)")
            }
            if let category = clearing.category, !agreement.categories.contains(category) {
                reader.error("\(path).clearing.category", "unknown category '\(category)'; expected one of: \(agreement.categories.joined(separator: ", "))")
            }
        }
        guard let service = agreement.service(c.service) else { return true }
        let periods = c.effectiveCategories
        for (k, period) in periods.enumerated() {
            // Spelt out only for a message.
            func place() -> String { c.categories.isEmpty ? "\(path).clearing.category" : "\(path).categories[\(k)]" }
            guard agreement.categories.contains(period.category) else {
                if c.categories.isEmpty { continue }  // reported above for the clearing category
                reader.error("\(place()).category", "unknown category '\(period.category)'; expected one of: \(agreement.categories.joined(separator: ", "))")
                continue
            }
            let until = k + 1 < periods.count ? periods[k + 1].from.previous : caseDays.to
            guard period.from <= until, let needed = Period(period.from, until).intersection(days) else { continue }
            let schedule: RateSchedule?, name: Message
            switch service.payment {
            case .monthly: (schedule, name) = (agreement.flatRate(service: c.service, category: period.category), "flat rate")
            case .daily: (schedule, name) = (agreement.dailyRate(service: c.service, category: period.category), "daily rate")
            case .hourly: (schedule, name) = (agreement.hourlyRate(service: c.service, category: period.category), "hourly rate")
            case .budget: continue
            }
            if schedule?.step(on: needed.from) == nil {
                reader.error(place(), "no \(name) for service '\(c.service)', category '\(period.category)' in force on \(needed.from) in agreement '\(agreement.id)'")
            }
        }
        checkRecords(c, service: service, at: path, agreement: agreement, reader)
        return true
    }
}

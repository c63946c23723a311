import LEQCore

/// Reads a case file (`"format": "leq-cases/1"`, see docs/formats.md), checks each case on its
/// own and against the agreements, and reports every problem with its JSON path.
public enum CaseFile {
    public static let format = "leq-cases/1"

    /// The cases of a file, and where each was found (for messages about a case later on).
    public struct Contents: Sendable {
        public var cases: [Case]
        /// `cases[i]` path per case id.
        public var paths: [String: String]
    }

    private static let caseKeys = [
        "id", "person", "provider", "service", "socialSpace", "fileReference", "start", "plannedEnd", "end",
        "endReason", "clearing", "categories", "flags",
    ]

    /// Decodes the cases; with `agreements`, also checks providers, services, categories and
    /// that a rate exists for every day a case needs one.
    public static func decode(_ bytes: [UInt8], file: String, agreements: [Agreement]? = nil) throws(InputError) -> Contents {
        let reader = JSONReader(file: file)
        var contents = Contents(cases: [], paths: [:])
        if let root = reader.parse(bytes), let top = reader.object(root, at: "", keys: ["format", "cases"]) {
            if let format = top.string("format"), format != Self.format {
                reader.error("format", "'\(format)' is not a case file; expected \"\(Self.format)\"")
            }
            for item in top.array("cases") ?? [] {
                guard let c = decodeCase(item.value, at: item.path, reader) else { continue }
                if let first = contents.paths[c.id] {
                    reader.error("\(item.path).id", "case id '\(c.id)' is used twice (first at \(first))")
                    continue
                }
                contents.paths[c.id] = item.path
                contents.cases.append(c)
                if let agreements { check(c, at: item.path, against: agreements, reader) }
            }
        }
        if reader.diagnostics.isEmpty { return contents }
        throw InputError(reader.diagnostics)
    }

    private static func decodeCase(_ value: JSONValue, at path: String, _ reader: JSONReader) -> Case? {
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
        for item in o.array("categories", required: false) ?? [] {
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

        guard reader.diagnostics.count == before, let id, let person, let provider, let service, let start else { return nil }
        return Case(id: id, person: person, provider: provider, service: service, socialSpace: socialSpace,
                    fileReference: fileReference, start: start, plannedEnd: plannedEnd, end: end, endReason: endReason,
                    clearing: clearing, categories: categories, flags: flags)
    }

    /// Checks a case against the agreements of its provider: known service and categories, and a
    /// rate in force for each category period and clearing from the day it is first needed.
    static func check(_ c: Case, at path: String, against agreements: [Agreement], _ reader: JSONReader) {
        let own = agreements.filter { $0.provider.id == c.provider }
        guard !own.isEmpty else {
            reader.error("\(path).provider", "no agreement for provider '\(c.provider)'; agreements are for: \(Set(agreements.map(\.provider.id)).sorted().joined(separator: ", "))")
            return
        }
        let caseDays = Period(c.start, c.end ?? CivilDate(year: 9999, month: 12, day: 31)!)
        for agreement in own {
            guard let days = caseDays.intersection(agreement.validity) else { continue }
            guard agreement.service(c.service) != nil else {
                reader.error("\(path).service", "unknown service '\(c.service)' in agreement '\(agreement.id)'; its services are: \(agreement.services.map(\.id).joined(separator: ", "))")
                return
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
            let periods = c.effectiveCategories
            for (k, period) in periods.enumerated() {
                let place = c.categories.isEmpty ? "\(path).clearing.category" : "\(path).categories[\(k)]"
                guard let schedule = agreement.flatRate(service: c.service, category: period.category) else {
                    if c.categories.isEmpty { continue }  // reported above for the clearing category
                    reader.error("\(place).category", "unknown category '\(period.category)'; expected one of: \(agreement.categories.joined(separator: ", "))")
                    continue
                }
                let until = k + 1 < periods.count ? periods[k + 1].from.previous : caseDays.to
                guard period.from <= until, let needed = Period(period.from, until).intersection(days) else { continue }
                if schedule.step(on: needed.from) == nil {
                    reader.error(place, "no flat rate for service '\(c.service)', category '\(period.category)' in force on \(needed.from) in agreement '\(agreement.id)'")
                }
            }
        }
    }
}

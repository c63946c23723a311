import LEQCore

/// Reads a scenario file (`"format": "leq-scenario/1"`, see docs/scenarios.md): a horizon, a seed
/// and one or more scenarios of changes; names of services, categories and providers are checked
/// against the agreements.
public enum ScenarioFile {
    public static let format = "leq-scenario/1"

    public struct Contents: Sendable {
        public var horizon: [Month]
        public var seed: UInt64
        public var scenarios: [Scenario]
    }

    public static func decode(_ bytes: [UInt8], file: String, agreements: [Agreement]) throws(InputError) -> Contents {
        let reader = JSONReader(file: file)
        var contents: Contents?
        let services = Set(agreements.flatMap { $0.services.map(\.id) }), categories = Set(agreements.flatMap(\.categories))
        let providers = Set(agreements.map(\.provider.id))
        if let root = reader.parse(bytes), let top = reader.object(root, at: "", keys: ["format", "horizon", "seed", "scenarios"]) {
            if let format = top.string("format"), format != Self.format {
                reader.error("format", "'\(format)' is not a scenario file; expected \"\(Self.format)\"")
            }
            var horizon: [Month] = []
            if let h = top.object("horizon", keys: ["start", "months"]), let text = h.string("start"), let n = h.int("months", required: true, range: 1...120) {
                if let start = Month(iso: text) {
                    horizon = [start]
                    while horizon.count < n { horizon.append(horizon.last!.next) }
                } else { reader.error(h.at("start"), "'\(text)' is not a month; expected YYYY-MM") }
            }
            let seed = top.int("seed", range: 0...Int(Int32.max)).map { UInt64($0) } ?? 1
            var scenarios: [Scenario] = []
            for item in top.array("scenarios") ?? [] {
                guard let o = reader.object(item.value, at: item.path, keys: ["name", "changes"]), let name = o.string("name") else { continue }
                if scenarios.contains(where: { $0.name == name }) { reader.error(o.at("name"), "two scenarios are named '\(name)'") }
                var changes: [Scenario.Change] = []
                for c in o.array("changes") ?? [] {
                    if let change = decodeChange(c.value, at: c.path.description, reader, services: services, categories: categories, providers: providers) {
                        changes.append(change)
                    }
                }
                scenarios.append(Scenario(name: name, changes: changes))
            }
            if scenarios.isEmpty && top.value("scenarios", required: false) != nil { reader.error("scenarios", "give at least one scenario") }
            if !horizon.isEmpty { contents = Contents(horizon: horizon, seed: seed, scenarios: scenarios) }
        }
        if reader.diagnostics.isEmpty, let contents { return contents }
        throw InputError(reader.diagnostics)
    }

    static let kinds = ["rate", "categoryShift", "newCases", "incentives", "topUps"]

    private static func decodeChange(_ value: JSONValue, at path: String, _ reader: JSONReader, services: Set<String>, categories: Set<String>,
                                     providers: Set<String>) -> Scenario.Change? {
        guard case let .object(members) = value, case let .string(kind)? = members.first(where: { $0.key == "kind" })?.value else {
            reader.error(path, "a change needs a \"kind\": one of \(kinds.joined(separator: ", "))")
            return nil
        }
        func service(_ o: ObjectReader, _ key: String, required: Bool) -> String? {
            guard let s = o.string(key, required: required) else { return nil }
            if !services.contains(s) { o.reader.error(o.at(key), "unknown service '\(s)'; the agreements have: \(services.sorted().joined(separator: ", "))") }
            return s
        }
        func category(_ o: ObjectReader, _ key: String, required: Bool) -> String? {
            guard let c = o.string(key, required: required) else { return nil }
            if !categories.contains(c) { o.reader.error(o.at(key), "unknown category '\(c)'; expected one of: \(categories.sorted().joined(separator: ", "))") }
            return c
        }
        func percent(_ o: ObjectReader, _ key: String, required: Bool) -> ExactDecimal? {
            guard let p = o.decimal(key, required: required) else { return nil }
            if p.units <= -100 * p.denominator || p.units > 1000 * p.denominator { o.reader.error(o.at(key), "a percentage above −100 and at most 1000; found \(p)") }
            return p
        }
        switch kind {
        case "rate":
            guard let o = reader.object(value, at: path, keys: ["kind", "service", "category", "from", "percent", "amount"]) else { return nil }
            let s = service(o, "service", required: false), c = category(o, "category", required: false), from = o.date("from")
            let p = percent(o, "percent", required: false), a = o.money("amount", required: false, allowNegative: true)
            if (p == nil) == (a == nil) { reader.error(path, "give the change as \"percent\" or as \"amount\" (one of them)") }
            guard let from else { return nil }
            return .rate(Scenario.RateChange(service: s, category: c, from: from, percent: p, amount: a))
        case "categoryShift":
            guard let o = reader.object(value, at: path, keys: ["kind", "from", "to", "share", "on"]) else { return nil }
            let from = category(o, "from", required: true), to = category(o, "to", required: true), on = o.date("on")
            let share = o.decimal("share")
            if let share, share.units < 0 || share.units > share.denominator { reader.error(o.at("share"), "a share from 0 to 1; found \(share)") }
            guard let from, let to, let on, let share else { return nil }
            return .categoryShift(from: from, to: to, share: share, on: on)
        case "newCases":
            guard let o = reader.object(value, at: path, keys: ["kind", "provider", "perMonth", "months", "mix"]) else { return nil }
            let provider = o.string("provider")
            if let provider, !providers.contains(provider) { reader.error(o.at("provider"), "no agreement for provider '\(provider)'") }
            let perMonth = o.int("perMonth", required: true, range: 0...10_000), months = o.int("months", required: true, range: 1...120)
            var mix: [(service: String, category: String, share: ExactDecimal)] = []
            for m in o.array("mix") ?? [] {
                guard let mo = reader.object(m.value, at: m.path, keys: ["service", "category", "share"]) else { continue }
                let s = service(mo, "service", required: true), c = category(mo, "category", required: true), share = mo.decimal("share")
                // Weights of the mix: drawn from as exact fractions, which larger or finer weights overflowed.
                if let share, share.units <= 0 || share.units > 1000 * share.denominator || share.scale > 4 {
                    reader.error(mo.at("share"), "a share above 0 and at most 1000, with at most four decimals; found \(share)")
                }
                if let s, let c, let share { mix.append((s, c, share)) }
            }
            if mix.isEmpty && o.value("mix", required: false) != nil { reader.error(o.at("mix"), "give at least one service and category") }
            guard let provider, let perMonth, let months, !mix.isEmpty else { return nil }
            return .newCases(Scenario.NewCases(provider: provider, perMonth: perMonth, mix: mix, months: months))
        case "incentives":
            guard let o = reader.object(value, at: path, keys: ["kind", "category", "bonusPercent", "malusPercent", "bonusThreshold",
                                                                 "malusThreshold", "endBonus", "endMalus", "reportMalus"]) else { return nil }
            var change = Scenario.IncentiveChange(category: category(o, "category", required: false))
            change.bonusPercent = percent(o, "bonusPercent", required: false)
            change.malusPercent = percent(o, "malusPercent", required: false)
            change.bonusThreshold = percent(o, "bonusThreshold", required: false)
            change.malusThreshold = percent(o, "malusThreshold", required: false)
            change.endBonus = o.money("endBonus", required: false)
            change.endMalus = o.money("endMalus", required: false)
            change.reportMalus = o.money("reportMalus", required: false)
            return .incentives(change)
        case "topUps":
            guard let o = reader.object(value, at: path, keys: ["kind", "percent", "from"]) else { return nil }
            let p = percent(o, "percent", required: true), from = o.date("from")
            guard let p, let from else { return nil }
            return .topUps(percent: p, from: from)
        default:
            reader.error("\(path).kind", "'\(kind)' is not a change; expected one of: \(kinds.joined(separator: ", "))")
            return nil
        }
    }
}

import LEQCore

/// The data files `leq report` reads besides agreements and cases: inhabitants per social space
/// (`leq-population/1`) and planned amounts (`leq-plan/1`). See docs/controlling.md.
public enum ControllingFiles {
    public static func population(_ bytes: [UInt8], file: String) throws(InputError) -> [Controlling.Population] {
        let reader = JSONReader(file: file)
        var out: [Controlling.Population] = []
        if let root = reader.parse(bytes), let top = reader.object(root, at: "", keys: ["format", "asOf", "source", "socialSpaces"]) {
            if let f = top.string("format"), f != "leq-population/1" {
                reader.error("format", "'\(f)' is not a population file; expected \"leq-population/1\"")
            }
            let asOf = top.date("asOf", required: false)
            let source = top.string("source", required: false)
            for item in top.array("socialSpaces") ?? [] {
                guard let o = reader.object(item.value, at: item.path, keys: ["name", "inhabitants", "under18"]), let name = o.string("name"),
                      let n = o.int("inhabitants", required: true, range: 1...100_000_000) else { continue }
                let under18 = o.int("under18", range: 0...n)
                if out.contains(where: { $0.socialSpace == name }) { reader.error(o.at("name"), "'\(name)' is listed twice"); continue }
                out.append(Controlling.Population(socialSpace: name, inhabitants: n, under18: under18, asOf: asOf, source: source))
            }
        }
        if reader.diagnostics.isEmpty { return out }
        throw InputError(reader.diagnostics)
    }

    /// The largest planned amount: a youth office's plan for a year may pass what one rate or
    /// budget may (`Money.largestInput`); a hundred billion euros still sums safely.
    static let largestPlan = Money(cents: 100_000_000_000_00)

    public struct PlanContents: Sendable {
        public var from: Month
        public var to: Month
        public var plans: [Controlling.Plan]
    }

    public static func plan(_ bytes: [UInt8], file: String) throws(InputError) -> PlanContents {
        let reader = JSONReader(file: file)
        var contents: PlanContents?
        if let root = reader.parse(bytes), let top = reader.object(root, at: "", keys: ["format", "from", "to", "plans"]) {
            if let f = top.string("format"), f != "leq-plan/1" { reader.error("format", "'\(f)' is not a plan file; expected \"leq-plan/1\"") }
            let from = top.string("from").flatMap { t in Month(iso: t) ?? { reader.error(top.at("from"), "'\(t)' is not a month; expected YYYY-MM"); return nil }() }
            let to = top.string("to").flatMap { t in Month(iso: t) ?? { reader.error(top.at("to"), "'\(t)' is not a month; expected YYYY-MM"); return nil }() }
            if let from, let to, to < from { reader.error(top.at("to"), "the plan ends (\(to)) before it starts (\(from))") }
            var plans: [Controlling.Plan] = []
            for item in top.array("plans") ?? [] {
                guard let o = reader.object(item.value, at: item.path, keys: ["socialSpace", "amount"]), let amount = o.money("amount", largest: Self.largestPlan) else { continue }
                let space = o.string("socialSpace", required: false)
                if plans.contains(where: { $0.socialSpace == space }) {
                    reader.error(item.path, space.map { "a second plan for '\($0)'" } ?? "a second plan for all social spaces")
                    continue
                }
                plans.append(Controlling.Plan(socialSpace: space, amount: amount))
            }
            if let from, let to { contents = PlanContents(from: from, to: to, plans: plans) }
        }
        if reader.diagnostics.isEmpty, let contents { return contents }
        throw InputError(reader.diagnostics)
    }
}

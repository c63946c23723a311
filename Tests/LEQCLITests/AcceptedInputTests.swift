import Foundation
import Testing
@testable import LEQCore
@testable import LEQFormats
@testable import LEQCLI

/// Whatever the input files accept is settled, month after month, without stopping. The sample
/// cases and agreements are changed at random the way real files differ: dates moved (by days,
/// to a month's first or last day), an entry of a list given again a few days apart, a small
/// number of an agreement set to 0, 1, another of its numbers or one more, a decimal set to an
/// end of what the files take (the largest amount, a month's hours, a cent, nothing). Changes like these
/// found two ways valid input stopped `leq settle` (a second goal evaluation in one month; an
/// agreement whose clearing maximum is the days the fee covers).
@Suite("Accepted input settles")
struct AcceptedInputTests {
    static let caseFiles = ["samples/halle/cases-2026.json", "samples/daily/cases-2026.json", "samples/topups/cases-2026.json",
                            "samples/incentives/cases-2026.json", "samples/controlling/cases-2026.json"]

    @Test("Property: sample cases and agreements changed at random; what the input accepts settles every month of 2026, each statement adding up",
          arguments: [UInt64(1), 2, 3, 4])
    func changedSamples(seed: UInt64) throws {
        var random = ScenarioRandom(seed: seed)
        let contracts = CaseWriterTests.contracts.map { try! JSONParser.parse([UInt8](FileManager.default.contents(atPath: $0)!)).value }
        let originals = CaseWriterTests.agreements()
        var templates: [JSONValue] = []
        for file in Self.caseFiles {
            let root = try JSONParser.parse([UInt8](FileManager.default.contents(atPath: path(file))!)).value
            if case let .array(cases)? = root["cases"] { templates += cases }
        }
        // Cases with records of their own (clearing, evaluations, absences, top-ups …) are drawn
        // half the time: the rules that can stop on odd input are theirs.
        let rich = templates.filter { t in
            guard case let .object(members) = t else { return false }
            return members.contains { ["clearing", "evaluations", "absences", "topUps", "budgets", "hours", "reports"].contains($0.key) }
        }
        var settled = 0
        let tries = 150
        for attempt in 0..<tries {
            // Each agreement changed half the time; one the input refuses is used as it was.
            let agreements = zip(contracts, originals).enumerated().map { k, pair -> Agreement in
                guard random.next() % 2 == 0 else { return pair.1 }
                let changed = Changes.agreement(pair.0, &random)
                return (try? AgreementFile.decode(Array(changed.json.utf8), file: "a\(k).json")) ?? pair.1
            }
            var cases: [JSONValue] = []
            for k in 0..<(1 + Int(random.next() % 3)) {
                let pool = random.next() % 2 == 0 ? rich : templates
                var c = Changes.case(pool[Int(random.next() % UInt64(pool.count))], &random)
                c = c.setting("id", .string("X\(k)"))
                if random.next() % 3 == 0 { c = c.setting("person", .string("P-same")) }
                cases.append(c)
            }
            let file = JSONValue.object([JSONMember("format", .string("leq-cases/1")), JSONMember("cases", .array(cases))]).json
            guard let read = try? CaseFile.decode(Array(file.utf8), file: "cases.json", agreements: agreements) else { continue }
            settled += 1
            var ledgers: [String: IncentiveLedger]?
            var month = Month(year: 2026, month: 1)!
            for _ in 1...12 {
                let run = Settlement.run(agreements: agreements, caseload: Caseload(read.cases), month: month, issued: month.lastDay.next,
                                         ledgers: ledgers)
                ledgers = run.ledgers
                for s in run.statements {
                    #expect(s.invariantViolations().isEmpty, "attempt \(attempt), \(month): \(s.invariantViolations())\n\(file)")
                }
                month = month.next
            }
        }
        // Not a test of refusals only: a good part of what is changed is still accepted.
        #expect(settled >= tries / 4, "\(settled) of \(tries) accepted")
    }
}

/// The random changes, on JSON trees.
private enum Changes {
    static func `case`(_ value: JSONValue, _ random: inout ScenarioRandom) -> JSONValue {
        switch value {
        case let .string(s) where isDate(s):
            return random.next() % 4 == 0 ? .string(moved(s, &random)) : value
        case let .string(s) where isAmount(s):
            return random.next() % 10 == 0 ? .string(extreme(&random)) : value
        case let .array(items):
            var items = items.map { self.case($0, &random) }
            if !items.isEmpty && random.next() % 4 == 0 {
                items.append(shiftedDates(items[Int(random.next() % UInt64(items.count))], &random))
            }
            return .array(items)
        case let .object(members):
            return .object(members.map { JSONMember($0.key, self.case($0.value, &random)) })
        default:
            return value
        }
    }

    static func agreement(_ value: JSONValue, _ random: inout ScenarioRandom) -> JSONValue {
        switch value {
        case let .string(s) where isDate(s):
            return random.next() % 20 == 0 ? .string(moved(s, &random)) : value
        case let .string(s) where isAmount(s):
            return random.next() % 10 == 0 ? .string(extreme(&random)) : value
        case let .array(items):
            return .array(items.map { agreement($0, &random) })
        case let .object(members):
            let numbers = members.compactMap { m -> Int? in if case let .number(n) = m.value { return Int(n) } else { return nil } }
            return .object(members.map { m in
                if case let .number(n) = m.value, let v = Int(n), v >= 0, random.next() % 2 == 0 {
                    // Another of the object's numbers twice as often: limits that meet (the days a
                    // clearing fee covers and its maximum) are where rules have an edge.
                    let sibling = numbers[Int(random.next() % UInt64(numbers.count))]
                    let choices = [0, 1, Int(random.next() % UInt64(v + 1)), sibling, sibling, v + 1]
                    return JSONMember(m.key, .number(String(choices[Int(random.next() % UInt64(choices.count))])))
                }
                return JSONMember(m.key, agreement(m.value, &random))
            })
        default:
            return value
        }
    }

    /// An entry given again: its own dates moved by up to 12 days either way.
    static func shiftedDates(_ value: JSONValue, _ random: inout ScenarioRandom) -> JSONValue {
        guard case let .object(members) = value else { return value }
        return .object(members.map { m in
            if case let .string(s) = m.value, isDate(s), let d = CivilDate(iso: s) {
                return JSONMember(m.key, .string(d.advanced(by: Int(random.next() % 25) - 12).description))
            }
            return m
        })
    }

    static func isDate(_ s: String) -> Bool { s.utf8.count == 10 && CivilDate(iso: s) != nil }

    /// An amount (two decimals), or hours, a share or a percentage written as a decimal string.
    static func isAmount(_ s: String) -> Bool { !s.isEmpty && !isDate(s) && ExactDecimal(s) != nil }

    /// The ends of what the files take: the largest amount, a month's hours, one cent, nothing.
    static func extreme(_ random: inout ScenarioRandom) -> String {
        ["10000000.00", "744", "0.01", "0", "100"][Int(random.next() % 5)]
    }

    static func moved(_ s: String, _ random: inout ScenarioRandom) -> String {
        let d = CivilDate(iso: s)!
        switch random.next() % 5 {
        case 0, 1: return d.advanced(by: Int(random.next() % 81) - 40).description
        case 2: return d.month.firstDay.description
        case 3: return d.month.lastDay.description
        default: return d.advanced(by: random.next() % 2 == 0 ? -1 : 1).description
        }
    }
}

private extension JSONValue {
    func setting(_ key: String, _ value: JSONValue) -> JSONValue {
        guard case let .object(members) = self else { return self }
        return .object(members.map { $0.key == key ? JSONMember(key, value) : $0 })
    }

    /// The value as JSON text.
    var json: String {
        switch self {
        case .null: return "null"
        case let .bool(b): return b ? "true" : "false"
        case let .number(n): return n
        case let .string(s):
            var out = "\""
            for u in s.unicodeScalars {
                switch u {
                case "\"": out += "\\\""
                case "\\": out += "\\\\"
                default: out.unicodeScalars.append(u)
                }
            }
            return out + "\""
        case let .array(items): return "[" + items.map(\.json).joined(separator: ",") + "]"
        case let .object(members): return "{" + members.map { JSONValue.string($0.key).json + ":" + $0.value.json }.joined(separator: ",") + "}"
        }
    }
}

import Foundation
import Testing
import LEQFormats

/// The JSON Schemas in docs/schema are the documentation of the file formats; these tests keep
/// them honest: the samples and the statements `leq` writes must conform, and broken files must
/// not.
@Suite("JSON Schemas in docs/schema")
struct SchemaTests {
    @Test("Every sample agreement conforms to the agreement schema",
          arguments: ["halle-tsd-2026", "halle-jhn-2026", "essen-krr-2026", "kassel-hjw-2026", "ulm-jhu-2026"])
    func agreement(name: String) throws {
        let problems = try validate(file: "contracts/\(name).json", schema: "leq-agreement-1")
        #expect(problems.isEmpty, "\(problems)")
    }

    @Test("Every sample caseload conforms to the case-file schema", arguments: ["halle", "daily", "topups", "incentives", "controlling"])
    func cases(sample: String) throws {
        let problems = try validate(file: "samples/\(sample)/cases-2026.json", schema: "leq-cases-1")
        #expect(problems.isEmpty, "\(problems)")
    }

    @Test("Every golden JSON statement conforms to the statements schema",
          arguments: ["halle/statements/2026-01", "halle/statements/2026-02", "halle/statements/2026-03", "halle/statements/2026-04",
                      "halle/statements/2026-05", "daily/statements/2026-03", "daily/statements/2026-04", "daily/statements/2026-05",
                      "topups/statements/2026-01", "topups/statements/2026-03", "topups/statements/2026-04",
                      "incentives/statements/2026-03", "incentives/statements/2026-06", "incentives/statements/2026-09"])
    func statements(golden: String) throws {
        let problems = try validate(file: "samples/\(golden).json", schema: "leq-statements-1")
        #expect(problems.isEmpty, "\(problems)")
    }

    @Test("The sample scenario, population and plan files conform to their schemas", arguments: [
        ("samples/scenarios/halle-2027.json", "leq-scenario-1"), ("samples/controlling/ulm-population.json", "leq-population-1"),
        ("samples/controlling/plan-2026.json", "leq-plan-1"),
    ])
    func controllingFiles(_ file: String, _ schema: String) throws {
        let problems = try validate(file: file, schema: schema)
        #expect(problems.isEmpty, "\(problems)")
    }

    @Test("The golden claims conform to the claims schema", arguments: ["land-2026-Q1", "reimbursement-2026"])
    func claims(name: String) throws {
        let problems = try validate(file: "samples/halle/claims/\(name).json", schema: "leq-claims-1")
        #expect(problems.isEmpty, "\(problems)")
    }

    @Test("The sample personnel cost calculation conforms to its schema")
    func personnelCost() throws {
        let problems = try validate(file: "samples/topups/personnel-cost.json", schema: "leq-personnel-cost-1")
        #expect(problems.isEmpty, "\(problems)")
    }

    @Test("The schema validator used here does reject what the schemas forbid")
    func rejects() throws {
        let schema = try load("docs/schema/leq-agreement-1.schema.json")
        var text = String(decoding: FileManager.default.contents(atPath: halleAgreement)!, as: UTF8.self)
        text = text.replacingOccurrences(of: #""setting": "stationär""#, with: #""setting": "stationaer""#)
        text = text.replacingOccurrences(of: #""amount": "1960.00""#, with: #""amount": 1960"#)
        text = text.replacingOccurrences(of: #""rounding": "half-away-from-zero","#, with: #""roundng": "half-even","#)
        let value = try JSONParser.parse(Array(text.utf8)).value
        let problems = SchemaValidator(root: schema).validate(value)
        #expect(problems.contains { $0.hasPrefix("services[5].setting:") }, "\(problems)")
        #expect(problems.contains { $0.hasPrefix("flatRates[1].amount:") }, "\(problems)")
        #expect(problems.contains { $0.hasPrefix(": unknown property 'roundng'") }, "\(problems)")
    }

    private func load(_ relative: String) throws -> JSONValue {
        try JSONParser.parse(Array(FileManager.default.contents(atPath: path(relative))!)).value
    }

    private func validate(file: String, schema: String) throws -> [String] {
        SchemaValidator(root: try load("docs/schema/\(schema).schema.json")).validate(try load(file))
    }
}

/// The part of JSON Schema (2020-12) the schemas in docs/schema use. A keyword it does not know
/// is itself a problem, so a schema cannot quietly say more than is checked.
struct SchemaValidator {
    let root: JSONValue

    func validate(_ value: JSONValue) -> [String] {
        var problems: [String] = []
        check(value, against: root, at: "", &problems)
        return problems
    }

    private static let annotations: Set<String> = ["$schema", "$id", "title", "description", "default", "$defs"]

    private func check(_ value: JSONValue, against schema: JSONValue, at path: String, _ problems: inout [String]) {
        guard case let .object(keywords) = schema else { problems.append("\(path): schema is not an object"); return }
        let k = Dictionary(keywords.map(\.pair), uniquingKeysWith: { a, _ in a })
        for (key, _) in keywords.map(\.pair) where !Self.annotations.contains(key) && !Self.known.contains(key) {
            problems.append("\(path): schema keyword '\(key)' is not supported by this validator")
        }
        if case let .string(ref)? = k["$ref"] { check(value, against: resolve(ref), at: path, &problems) }
        if case let .string(type)? = k["type"], !has(value, type: type) {
            problems.append("\(path): expected \(type), found \(value.kindName)")
            return
        }
        if let c = k["const"], c != value { problems.append("\(path): expected \(c)") }
        if case let .array(options)? = k["enum"], !options.contains(value) { problems.append("\(path): \(value) is not one of \(options)") }
        if case let .array(options)? = k["oneOf"] {
            let matching = options.filter { option in
                var p: [String] = []
                check(value, against: option, at: path, &p)
                return p.isEmpty
            }
            if matching.count != 1 { problems.append("\(path): matches \(matching.count) of the oneOf alternatives, not one") }
        }
        if case let .string(s) = value {
            if case let .string(pattern)? = k["pattern"],
               s.range(of: pattern, options: .regularExpression) == nil { problems.append("\(path): '\(s)' does not match \(pattern)") }
            if case let .number(n)? = k["minLength"], s.count < Int(n)! { problems.append("\(path): shorter than \(n)") }
        }
        if case let .number(text) = value, let n = Double(text) {
            if case let .number(m)? = k["minimum"], n < Double(m)! { problems.append("\(path): less than \(m)") }
            if case let .number(m)? = k["maximum"], n > Double(m)! { problems.append("\(path): more than \(m)") }
        }
        if case let .array(items) = value {
            if case let .number(m)? = k["minItems"], items.count < Int(m)! { problems.append("\(path): fewer than \(m) items") }
            if case .bool(true)? = k["uniqueItems"] {
                for (i, item) in items.enumerated() where items[..<i].contains(item) { problems.append("\(path)[\(i)]: repeats an item") }
            }
            if let itemSchema = k["items"] {
                for (i, item) in items.enumerated() { check(item, against: itemSchema, at: "\(path)[\(i)]", &problems) }
            }
        }
        if case let .object(members) = value {
            let names = Set(members.map(\.key))
            if case let .array(required)? = k["required"] {
                for case let .string(r) in required where !names.contains(r) { problems.append("\(path): '\(r)' is missing") }
            }
            var properties: [String: JSONValue] = [:]
            if case let .object(p)? = k["properties"] { properties = Dictionary(p.map(\.pair), uniquingKeysWith: { a, _ in a }) }
            for (key, member) in members.map(\.pair) {
                let at = path.isEmpty ? key : "\(path).\(key)"
                if let s = properties[key] {
                    check(member, against: s, at: at, &problems)
                } else if let additional = k["additionalProperties"] {
                    if additional == .bool(false) { problems.append("\(path): unknown property '\(key)'") } else {
                        check(member, against: additional, at: at, &problems)
                    }
                }
            }
        }
    }

    private static let known: Set<String> = [
        "$ref", "type", "const", "enum", "oneOf", "pattern", "minLength", "minimum", "maximum", "minItems",
        "uniqueItems", "items", "required", "properties", "additionalProperties",
    ]

    private func resolve(_ ref: String) -> JSONValue {
        var node = root
        for part in ref.dropFirst(2).split(separator: "/") {
            guard case let .object(members) = node, let next = members.first(where: { $0.key == part })?.value else { return .null }
            node = next
        }
        return node
    }

    private func has(_ value: JSONValue, type: String) -> Bool {
        switch (type, value) {
        case ("object", .object), ("array", .array), ("string", .string), ("boolean", .bool), ("null", .null), ("number", .number):
            return true
        case let ("integer", .number(n)): return Int(n) != nil
        default: return false
        }
    }
}

import Foundation
import Testing
import LEQCore
@testable import LEQFormats
@testable import LEQCLI

/// The case file writer (`CaseJSON`, used by `leq bench --write`): what it writes reads back to
/// cases that settle exactly as the originals, and writing them again gives the same bytes.
@Suite("Case files written and read back")
struct CaseWriterTests {
    static let contracts = try! FileManager.default.contentsOfDirectory(atPath: path("contracts")).sorted().map { path("contracts/" + $0) }

    static func agreements() -> [Agreement] {
        let inputs = Inputs.load(agreements: contracts, cases: nil)
        precondition(inputs.diagnostics.isEmpty)
        return inputs.agreements
    }

    /// Every month of 2026, every provider, as canonical JSON.
    static func year(_ cases: [Case], _ agreements: [Agreement]) -> [[UInt8]] {
        var ledgers: [String: IncentiveLedger]?
        var out: [[UInt8]] = []
        var month = Month(year: 2026, month: 1)!
        for _ in 1...12 {
            let run = Settlement.run(agreements: agreements, caseload: Caseload(cases), month: month, issued: month.lastDay.next, ledgers: ledgers)
            ledgers = run.ledgers
            out.append(StatementJSON.render(run.statements))
            month = month.next
        }
        return out
    }

    @Test("every sample case file: written, read back, settled the same; written again, the same bytes",
          arguments: ["samples/halle/cases-2026.json", "samples/daily/cases-2026.json", "samples/topups/cases-2026.json",
                      "samples/incentives/cases-2026.json", "samples/controlling/cases-2026.json"])
    func samples(_ file: String) throws {
        let agreements = Self.agreements()
        let original = try CaseFile.decode([UInt8](FileManager.default.contents(atPath: path(file))!), file: file, agreements: agreements)
        let written = CaseJSON.render(original.cases)
        let read = try CaseFile.decode(written, file: "written.json", agreements: agreements)
        #expect(read.cases.map(\.id) == original.cases.map(\.id))
        #expect(CaseJSON.render(read.cases) == written)
        #expect(Self.year(read.cases, agreements) == Self.year(original.cases, agreements))
    }

    @Test("a generated caseload (every record kind) reads back without a complaint and settles the same")
    func generated() throws {
        var generator = Synthetic(seed: 11)
        let agreements = generator.agreements()
        let cases = generator.cases(1_000, providers: agreements.map(\.provider.id))
        let written = CaseJSON.render(cases)
        #expect(CaseJSON.render(cases, parallel: false) == written)
        let read = try CaseFile.decode(written, file: "cases.json", agreements: agreements)
        #expect(CaseJSON.render(read.cases) == written)
        #expect(Self.year(read.cases, agreements) == Self.year(cases, agreements))
    }

    @Test("hours in quarter hours", arguments: [(0, "0"), (1, "0.25"), (2, "0.5"), (3, "0.75"), (29, "7.25"), (400, "100")])
    func hours(_ quarters: Int, _ text: String) {
        #expect(CaseJSON.hours(quarters) == text)
    }
}

/// Case files are read in parts (scan, then cases parsed and read on all cores) when nothing is
/// wrong, and whole when anything is: the parts must give exactly the whole's cases, and must
/// give up on every fault, so that every message comes from the whole reading.
@Suite("Case files read in parts")
struct CaseFilePartsTests {
    static func generated(_ n: Int) -> (agreements: [Agreement], bytes: [UInt8]) {
        var generator = Synthetic(seed: 5)
        let agreements = generator.agreements()
        return (agreements, CaseJSON.render(generator.cases(n, providers: agreements.map(\.provider.id))))
    }

    @Test("a sound file is read in parts, to the same cases as read whole (generated and every sample)")
    func same() throws {
        let (agreements, bytes) = Self.generated(6_000)
        var inputs: [([UInt8], [Agreement])] = [(bytes, agreements)]
        for file in ["halle", "daily", "topups", "incentives", "controlling"] {
            inputs.append(([UInt8](FileManager.default.contents(atPath: path("samples/\(file)/cases-2026.json"))!), CaseWriterTests.agreements()))
        }
        for (bytes, agreements) in inputs {
            let parts = try #require(CaseFile.decodeInParts(bytes, file: "c.json", agreements: agreements, someAgreementsUnread: false))
            let whole = try CaseFile.decodeWhole(bytes, file: "c.json", agreements: agreements, someAgreementsUnread: false)
            #expect(CaseJSON.render(parts.cases) == CaseJSON.render(whole.cases))
            #expect(parts.allIndexes() == whole.allIndexes())
            // In settling order: the same cases at the same places in the file, in the order a
            // caseload lays them out (so it takes them as they are).
            let ordered = try #require(CaseFile.decodeInParts(bytes, file: "c.json", agreements: agreements, someAgreementsUnread: false,
                                                              settlingOrder: true))
            #expect(ordered.allIndexes() == whole.allIndexes())
            #expect(ordered.cases.map(\.id) == Caseload(whole.cases).cases.map(\.id))
            let indexes = ordered.allIndexes()
            #expect(ordered.cases.allSatisfy { ordered.path(of: $0.id) == "cases[\(indexes[$0.id]!)]" })
            let byPlace = ordered.cases.sorted { indexes[$0.id]! < indexes[$1.id]! }
            #expect(CaseJSON.render(byPlace) == CaseJSON.render(whole.cases))
        }
    }

    @Test("A case whose provider or id is not written plainly (an escape): the file's order, the same cases")
    func settlingOrderIsAHint() throws {
        let (agreements, bytes) = Self.generated(50)
        var text = String(decoding: bytes, as: UTF8.self)
        // "p1" written with an escape, which means the same: read the same, but not found by the scan.
        text = text.replacingOccurrences(of: #""provider": "p1""#, with: #""provider": "\u00701""#)
        let escaped = Array(text.utf8)
        let whole = try CaseFile.decodeWhole(escaped, file: "c.json", agreements: agreements, someAgreementsUnread: false)
        let ordered = try #require(CaseFile.decodeInParts(escaped, file: "c.json", agreements: agreements, someAgreementsUnread: false,
                                                          settlingOrder: true))
        #expect(whole.cases.contains { $0.provider == "p1" })
        #expect(CaseJSON.render(ordered.cases) == CaseJSON.render(whole.cases))
        #expect(ordered.allIndexes() == whole.allIndexes())
    }

    @Test("Two members read from an object's bytes: plain strings found, anything else not", arguments: [
        (#"{"id": "C1", "person": "P", "provider": "p1"}"#, "p1", "C1"),
        (#" { "provider":"p 2" , "id" : "C2", "x": 1 } "#, "p 2", "C2"),
        (#"{"a": {"provider": "no", "id": "no"}, "b": [1, "]", {"c": "}"}], "id": "C3", "provider": "p3"}"#, "p3", "C3"),
        (#"{"id": "C4", "provider": "pä"}"#, "pä", "C4"),
        (#"{"id": "C\u0035", "provider": "p5"}"#, nil, nil),
        (#"{"id": "C6"}"#, nil, nil),
        (#"{"id": 7, "provider": "p7"}"#, nil, nil),
        (#"{"id": "C8", "id": "C9", "provider": "p8"}"#, nil, nil),
        (#"["id", "C10"]"#, nil, nil),
        (#"{"id": "C11", "provider": "p11"#, nil, nil),
        (#"{}"#, nil, nil),
    ] as [(String, String?, String?)])
    func memberStrings(_ text: String, provider: String?, id: String?) {
        let bytes = Array(text.utf8)
        let found = bytes.withUnsafeBufferPointer { JSONParser.memberStrings("provider", "id", ofObjectAt: 0..<bytes.count, in: $0) }
        #expect(found?.0 == provider && found?.1 == id, "\(text)")
    }

    @Test("A fault in one chunk of a large file (read on both cores): the other chunks' cases are let go, and the whole reading names it")
    func faultInOneChunk() throws {
        let (agreements, bytes) = Self.generated(4_500)
        let text = String(decoding: bytes, as: UTF8.self)
        /// The text with the value after the `n`-th occurrence of `key` replaced.
        func changed(_ key: String, _ n: Int, to value: String) -> [UInt8] {
            var rest = text[...]
            for _ in 0..<n { rest = rest[rest.range(of: key)!.upperBound...] }
            let start = rest.range(of: key)!.upperBound
            let end = text[start...].firstIndex(of: "\"")!
            return Array((text[..<start] + value + text[end...]).utf8)
        }
        let firstID = String(text[text.range(of: "\"id\": \"")!.upperBound...].prefix { $0 != "\"" })
        for (name, faulty) in [("a date that does not exist in case 2,500", changed("\"start\": \"", 2_500, to: "2026-13-40")),
                               ("the first case's id again in case 4,000", changed("\"id\": \"", 4_000, to: firstID)),
                               ("a date that does not exist in the last case", changed("\"start\": \"", 4_499, to: "2026-02-30"))] {
            #expect(CaseFile.decodeInParts(faulty, file: "c.json", agreements: agreements, someAgreementsUnread: false) == nil, "\(name)")
            #expect(CaseFile.decodeInParts(faulty, file: "c.json", agreements: agreements, someAgreementsUnread: false, settlingOrder: true) == nil,
                    "\(name)")
        }
        let faulty = changed("\"start\": \"", 2_500, to: "2026-13-40")
        #expect(throws: InputError.self) { try CaseFile.decode(faulty, file: "c.json", agreements: agreements) }
    }

    @Test("any fault: the parts give up, and the whole reading names it", arguments: [
        ("the format after the cases, wrong", #"{"cases": [], "format": "leq-cases/2"}"#),
        ("an unknown key after the cases", #"{"format": "leq-cases/1", "cases": [], "extra": 1}"#),
        ("text after the document", #"{"format": "leq-cases/1", "cases": []} x"#),
        ("a syntax error inside a case", #"{"format": "leq-cases/1", "cases": [{"id": "A" "person": "P"}]}"#),
        ("a duplicate key inside a case", #"{"format": "leq-cases/1", "cases": [{"id": "A", "id": "B"}]}"#),
        ("a case id twice", #"{"format": "leq-cases/1", "cases": [CASE, CASE]}"#),
        ("a string left open", #"{"format": "leq-cases/1", "cases": [{"id": "A}]}"#),
        ("cases not an array", #"{"format": "leq-cases/1", "cases": {}}"#),
        ("the cases key twice", #"{"format": "leq-cases/1", "cases": [], "cases": []}"#),
    ])
    func fault(_ name: String, _ text: String) {
        let one = #"{"id": "A", "person": "P", "provider": "p1", "service": "flex", "start": "2026-01-05", "categories": [{"category": "A", "from": "2026-01-05"}]}"#
        let bytes = Array(text.replacingOccurrences(of: "CASE", with: one).utf8)
        let agreements = Synthetic(seed: 1).agreements()
        #expect(CaseFile.decodeInParts(bytes, file: "c.json", agreements: agreements, someAgreementsUnread: false) == nil, "\(name)")
        #expect(CaseFile.decodeInParts(bytes, file: "c.json", agreements: agreements, someAgreementsUnread: false, settlingOrder: true) == nil, "\(name)")
        #expect(throws: InputError.self, "\(name)") { try CaseFile.decode(bytes, file: "c.json", agreements: agreements) }
        #expect(throws: InputError.self, "\(name)") { try CaseFile.decode(bytes, file: "c.json", agreements: agreements, settlingOrder: true) }
    }
}

/// Most cases of a large file are read straight from their bytes (`PlainCase`), the rest the
/// general way: a case read straight must be the case the general way reads, and anything the
/// general way refuses must not be read straight (it is then read the general way, which names it).
@Suite("Cases read straight from their bytes")
struct PlainCaseTests {
    /// The case at `range` read straight, and the same case read whole the general way (nil: refused).
    static func bothWays(_ bytes: [UInt8], _ range: Range<Int>) -> (plain: Case?, general: Case?) {
        let plain = bytes.withUnsafeBufferPointer { PlainCase.read($0, range: range, strings: SmallStrings()) }
        let file = Array(#"{"format": "leq-cases/1", "cases": ["#.utf8) + bytes[range] + Array("]}".utf8)
        let general = (try? CaseFile.decodeWhole(file, file: "c.json", agreements: nil, someAgreementsUnread: false))?.cases.first
        return (plain, general)
    }

    @Test("Every case read straight is the case read the general way (generated, every sample); most generated ones are read straight")
    func same() throws {
        var inputs = [CaseFilePartsTests.generated(3_000).bytes]
        for file in ["halle", "daily", "topups", "incentives", "controlling"] {
            inputs.append([UInt8](FileManager.default.contents(atPath: path("samples/\(file)/cases-2026.json"))!))
        }
        for (n, bytes) in inputs.enumerated() {
            let elements = try #require(JSONParser.elements(ofArray: "cases", in: bytes)).elements
            var straight = 0
            for range in elements {
                let (plain, general) = Self.bothWays(bytes, range)
                #expect(general != nil)
                guard let plain, let general else { continue }
                straight += 1
                #expect(CaseJSON.render([plain]) == CaseJSON.render([general]), "\(String(decoding: bytes[range], as: UTF8.self))")
            }
            // The generated caseload has every record kind; those without top-ups are read straight.
            if n == 0 { #expect(straight * 10 >= elements.count * 9, "\(straight) of \(elements.count)") }
        }
        #expect(PlainCase.goalAreaKeys.map(\.description) == GoalArea.allCases.map(\.rawValue))
    }

    @Test("A case changed at random (a byte left out, put in or changed, a member twice): read straight only if the general way reads it the same, 12,000 changes")
    func changed() throws {
        let bytes = CaseFilePartsTests.generated(600).bytes
        let elements = try #require(JSONParser.elements(ofArray: "cases", in: bytes)).elements
        var state: UInt64 = 15
        func next(_ n: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(n))
        }
        let inserted: [[UInt8]] = ["\"", ",", "{", "}", "[", "]", ":", "\\", " ", "0", "9", "-", "a", "x", "é", "null", "\u{01}", "\n"]
            .map { Array($0.utf8) }
        var readStraight = 0, refused = 0
        for k in 0..<12_000 {
            var text = Array(bytes[elements[k % elements.count]])
            switch next(4) {
            case 0: text.remove(at: next(text.count))
            case 1: text.insert(contentsOf: inserted[next(inserted.count)], at: next(text.count))
            case 2:
                // A digit changed: dates before others, outside the case, periods overlapping, days that do not exist.
                let digits = text.indices.filter { text[$0] >= UInt8(ascii: "0") && text[$0] <= UInt8(ascii: "9") }
                text[digits[next(digits.count)]] = UInt8(ascii: "0") + UInt8(next(10))
            default:
                // A member line twice (a key given twice, or a value of the wrong kind after it).
                let breaks = text.indices.filter { text[$0] == 0x0A }
                guard breaks.count > 2 else { continue }
                let at = next(breaks.count - 1)
                let line = Array(text[breaks[at]..<breaks[at + 1]])
                text.insert(contentsOf: line, at: breaks[at])
            }
            let (plain, general) = Self.bothWays(text, 0..<text.count)
            if general == nil { refused += 1 }
            guard let plain else { continue }
            readStraight += 1
            let shown = String(decoding: text, as: UTF8.self)
            guard let general else { Issue.record("read straight, refused the general way: \(shown)"); continue }
            #expect(CaseJSON.render([plain]) == CaseJSON.render([general]), "\(shown)")
        }
        // The changes reach both ways: some cases are still read straight, many are refused.
        #expect(readStraight > 1_000 && refused > 1_000, "\(readStraight) read straight, \(refused) refused")
    }
}

extension PlainCaseTests {
    /// A case with every record read straight.
    static let full = #"{"id": "A", "person": "P", "provider": "p1", "service": "flex", "fileReference": "51-1", "start": "2026-01-05", "plannedEnd": "2026-11-30", "end": "2026-12-31", "endReason": "planned", "flags": ["avoidsResidential", ""], "clearing": {"from": "2026-01-05", "to": "2026-02-01", "extensionApproved": false, "category": "B"}, "categories": [{"category": "A", "from": "2026-02-02"}, {"category": "B", "from": "2026-06-01"}], "absences": [{"from": "2026-03-02", "to": "2026-03-09", "reason": "holiday"}, {"from": "2026-05-01", "to": "2026-05-03", "reason": "hospital"}], "hours": {"approvals": [{"from": "2026-01-05", "to": "2026-06-30", "hours": "40"}, {"from": "2026-07-01", "to": "2026-12-31", "hours": "20.5"}], "delivered": [{"month": "2026-01", "hours": "7.25"}, {"month": "2026-07", "hours": "3"}]}, "budgets": [{"from": "2026-01-05", "to": "2026-06-30", "amount": "1200.00", "mode": "drawdown", "overrunApproved": "100.50"}], "evaluations": [{"date": "2026-04-01", "ratings": {"school": "60", "other": "80.5"}, "weights": {"other": "2"}}, {"date": "2026-10-01", "ratings": {"leisure": "100"}}], "reports": [{"due": "2026-04-01", "received": "2026-04-03"}, {"due": "2026-10-01"}]}"#

    @Test("A case with every record kind read straight is the case read the general way")
    func fullCase() throws {
        let bytes = Array(Self.full.utf8)
        let (plain, general) = Self.bothWays(bytes, 0..<bytes.count)
        let read = try #require(plain)
        #expect(CaseJSON.render([read]) == CaseJSON.render([try #require(general)]))
        #expect(read.evaluations.count == 2 && read.reports.count == 2 && read.hours.delivered.count == 2 && read.budgets.count == 1)
    }

    @Test("What the general way refuses is not read straight", arguments: [
        ("two evaluations on one day", #""date": "2026-10-01""#, #""date": "2026-04-01""#),
        ("an evaluation outside the case", #""date": "2026-10-01""#, #""date": "2027-01-01""#),
        ("a rating above 100", #""leisure": "100""#, #""leisure": "100.5""#),
        ("a weight for an area not rated", #""weights": {"other": "2"}"#, #""weights": {"therapy": "2"}"#),
        ("a weight of 0", #""weights": {"other": "2"}"#, #""weights": {"other": "0"}"#),
        ("no area rated", #""ratings": {"leisure": "100"}"#, #""ratings": {}"#),
        ("a month of hours twice", #""month": "2026-07""#, #""month": "2026-01""#),
        ("hours outside any approval", #""to": "2026-12-31", "hours": "20.5""#, #""to": "2026-06-30", "hours": "20.5""#),
        ("approvals overlapping", #""from": "2026-07-01", "to": "2026-12-31""#, #""from": "2026-06-30", "to": "2026-12-31""#),
        ("hours not in quarter hours", #""hours": "7.25""#, #""hours": "7.3""#),
        ("absences overlapping", #""from": "2026-05-01", "to": "2026-05-03""#, #""from": "2026-03-09", "to": "2026-05-03""#),
        ("an absence outside the case", #""from": "2026-05-01", "to": "2026-05-03""#, #""from": "2027-05-01", "to": "2027-05-03""#),
        ("budgets outside the case", #""to": "2026-06-30", "amount""#, #""to": "2027-06-30", "amount""#),
        ("a negative amount", #""amount": "1200.00""#, #""amount": "-1200.00""#),
        ("categories out of order", #""from": "2026-06-01""#, #""from": "2026-02-01""#),
        ("a category during clearing", #""category": "A", "from": "2026-02-02""#, #""category": "A", "from": "2026-02-01""#),
        ("clearing after the case", #""to": "2026-02-01", "extensionApproved""#, #""to": "2027-02-01", "extensionApproved""#),
        ("an end without a reason", #", "endReason": "planned""#, ""),
        ("an end before the start", #""end": "2026-12-31""#, #""end": "2026-01-01""#),
        ("a blank file reference", #""fileReference": "51-1""#, #""fileReference": " ""#),
        ("a report without due date", #"{"due": "2026-10-01"}"#, #"{"received": "2026-10-01"}"#),
        ("an unknown field", #""plannedEnd""#, #""plannedEnde""#),
    ])
    func refused(_ name: String, _ from: String, _ to: String) {
        #expect(Self.full.contains(from), "\(name)")
        let bytes = Array(Self.full.replacingOccurrences(of: from, with: to).utf8)
        let (plain, general) = Self.bothWays(bytes, 0..<bytes.count)
        #expect(general == nil, "\(name)")
        #expect(plain == nil, "\(name)")
    }
}

import Foundation
import Testing
import LEQCore
@testable import LEQFormats

@Suite("JSON parser")
struct JSONParserTests {
    func parse(_ s: String) throws -> JSONValue { try JSONParser.parse(Array(s.utf8)).value }

    @Test func values() throws {
        let v = try parse(#"{"a": [1, -2.5, "x\u00e4\n", true, false, null], "b": {}}"#)
        #expect(v["a"] == .array([.number("1"), .number("-2.5"), .string("xä\n"), .bool(true), .bool(false), .null]))
        #expect(v["b"] == .object([]))
    }

    @Test func keyOrderIsKept() throws {
        guard case let .object(members) = try parse(#"{"z": 1, "a": 2}"#) else { Issue.record("not an object"); return }
        #expect(members.map(\.key) == ["z", "a"])
    }

    @Test func surrogatePairs() throws {
        #expect(try parse(#""\ud83d\ude00""#) == .string("😀"))
    }

    struct Bad: Sendable, CustomTestStringConvertible {
        var text: String, line: Int, column: Int
        var testDescription: String { text }
    }

    @Test("Syntax errors say line and column", arguments: [
        Bad(text: "{\n  \"a\": 1,\n}", line: 3, column: 1),
        Bad(text: "{\"a\" 1}", line: 1, column: 6),
        Bad(text: "[1, 2", line: 1, column: 6),
        Bad(text: "{\"a\": 01}", line: 1, column: 7),
        Bad(text: "\"abc", line: 1, column: 5),
        Bad(text: "{} x", line: 1, column: 4),
        Bad(text: "", line: 1, column: 1),
        Bad(text: "{\"a\": tru}", line: 1, column: 7),
    ])
    func syntaxErrors(_ bad: Bad) {
        #expect(throws: JSONSyntaxError.self) { try JSONParser.parse(Array(bad.text.utf8)) }
        do {
            _ = try JSONParser.parse(Array(bad.text.utf8))
        } catch {
            #expect(error.line == bad.line && error.column == bad.column, "\(error)")
        }
    }

    @Test func duplicateKeysAreReportedWithTheirPath() throws {
        let (_, duplicates) = try JSONParser.parse(Array(#"{"cases": [{"id": 1, "id": 2}]}"#.utf8))
        #expect(duplicates == ["cases[0].id"])
    }
}

@Suite("JSON writer")
struct JSONWriterTests {
    @Test("Whole numbers written digit by digit as their text")
    func wholeNumbers() {
        let numbers = [0, 1, -1, 9, 10, 99, 100, 12_345, -70_000, 1 << 40, Int.max, Int.min]
        var w = JSONWriter()
        w.beginArray()
        for n in numbers { w.int(n) }
        w.endArray()
        let text = String(decoding: w.finish(), as: UTF8.self)
        #expect(text == "[\n" + numbers.map { "  \($0)" }.joined(separator: ",\n") + "\n]\n")
    }

    @Test("Strings of every length up to 40 with any byte that needs escaping at any place: escaped there, the rest as it is")
    func escapedAtAnyPlace() {
        func reference(_ s: String) -> [UInt8] {
            var out: [UInt8] = [0x22]
            for b in s.utf8 {
                switch b {
                case 0x22, 0x5C: out += [0x5C, b]
                case 0x0A: out += Array("\\n".utf8)
                case 0x0D: out += Array("\\r".utf8)
                case 0x09: out += Array("\\t".utf8)
                case ..<0x20: out += Array("\\u00".utf8) + Array(String(format: "%02x", b).utf8)
                default: out.append(b)
                }
            }
            return out + [0x22]
        }
        let plain = Array("C1000-äz~ !#[]{}".utf8)
        var checked = 0
        for length in 0...40 {
            let base = (0..<length).map { plain[$0 % plain.count] }
            var texts = [base]
            for at in 0..<length {
                for special: UInt8 in [0x22, 0x5C, 0x0A, 0x01, 0x1F, 0x00] {
                    var t = base
                    t[at] = special
                    texts.append(t)
                }
            }
            for bytes in texts {
                // Broken UTF-8 (a special byte in place of part of `ä`) is not what a string holds.
                guard let text = String(validating: bytes, as: UTF8.self) else { continue }
                var w = JSONWriter()
                w.string(text)
                #expect(w.bytes == reference(text), "\(bytes)")
                checked += 1
            }
        }
        #expect(checked > 4_000)
    }

    @Test func prettyAndEscaped() {
        var w = JSONWriter()
        w.beginObject()
        w.field("a", "x\"y\n")
        w.beginArray("b")
        w.int(1)
        w.beginObject()
        w.endObject()
        w.endArray()
        w.beginObject("c")
        w.endObject()
        w.endObject()
        let text = String(decoding: w.finish(), as: UTF8.self)
        #expect(text == "{\n  \"a\": \"x\\\"y\\n\",\n  \"b\": [\n    1,\n    {}\n  ],\n  \"c\": {}\n}\n")
        // What it writes, the parser reads back.
        #expect(throws: Never.self) { try JSONParser.parse(Array(text.utf8)) }
    }
}

@Suite("JSON writer: keys made once")
struct JSONWriterKeyTests {
    @Test("Members made beforehand write the bytes of the fields written one by one, first in their object or after another member; a line's kind, section and units found by their case's place")
    func membersMadeOnce() {
        #expect(StatementJSON.LineMembers.ordinalsHold())
        for depth in 1...6 {
            for members: [(name: String, value: String)] in [[("kind", "flatRate"), ("section", "base")], [("legalBasis", "§ 34 SGB \"VIII\"")], [("unit", "")]] {
                for first in [true, false] {
                    var byName = JSONWriter(open: Array(repeating: true, count: depth - 1) + [!first])
                    var made = JSONWriter(open: Array(repeating: true, count: depth - 1) + [!first])
                    for (name, value) in members { byName.field(name, value) }
                    made.members(JSONWriter.Key.shared(members: members, depth: depth))
                    byName.field("after", 1)
                    made.field("after", 1)
                    #expect(made.bytes == byName.bytes, "\(members) \(depth) \(first)")
                }
            }
        }
        for kind in LineKind.allCases {
            var byName = JSONWriter(open: [true, true, true, true, true]), made = JSONWriter(open: [true, true, true, true, true])
            byName.field("kind", kind.rawValue)
            byName.field("section", kind.section.rawValue)
            made.members(StatementJSON.LineMembers.kindAndSection(kind))
            #expect(made.bytes == byName.bytes, "\(kind)")
        }
        for unit in QuantityUnit.allCases {
            var byName = JSONWriter(open: [true, true, true, true, true]), made = JSONWriter(open: [true, true, true, true, true])
            byName.field("unit", unit.rawValue)
            made.members(StatementJSON.LineMembers.unit(unit))
            #expect(made.bytes == byName.bytes, "\(unit)")
        }
        for unit in RateUnit.allCases {
            var byName = JSONWriter(open: [true, true, true, true, true]), made = JSONWriter(open: [true, true, true, true, true])
            byName.field("rateUnit", unit.rawValue)
            made.members(StatementJSON.LineMembers.rateUnit(unit))
            #expect(made.bytes == byName.bytes, "\(unit)")
        }
    }

    @Test("A key made beforehand (once per name and depth) writes the bytes of the key written by name, first in its object or after another member, at any depth; amounts, decimals and dates the bytes of their texts")
    func sameBytes() {
        for depth in 1...7 {
            for name in ["case", "fileReference", "a\"b", "Jugendamt ä", "", String(repeating: "longer than a stretch ", count: 4)] {
                var byName = JSONWriter(open: Array(repeating: true, count: depth - 1) + [false])
                var made = JSONWriter(open: Array(repeating: true, count: depth - 1) + [false])
                let key = JSONWriter.Key.shared(name, depth: depth)
                #expect(JSONWriter.Key.shared(name, depth: depth).kept == key.kept)
                byName.field(name, "x"); byName.field(name, 1); byName.field(name, Money(cents: -5))
                made.field(key, "x"); made.field(key, 1); made.field(key, Money(cents: -5))
                for cents: Int64 in [0, 7, -7, 100, 123_456_789, -99, .max, .min] {
                    byName.field(name, Money(cents: cents))
                    made.field(key, Money(cents: cents))
                }
                for d in [ExactDecimal(units: 5, scale: 2), ExactDecimal(units: -375, scale: 3), ExactDecimal(units: 30, scale: 0),
                          ExactDecimal(units: 1, scale: 20), ExactDecimal(units: .max, scale: 18)] {
                    byName.field(name, d.text)
                    made.field(key, d)
                }
                for date in [CivilDate(year: 2026, month: 3, day: 7)!, CivilDate(year: 5, month: 12, day: 31)!, CivilDate(dayNumber: 5_000_000)] {
                    byName.field(name, date.iso)
                    made.field(key, date)
                }
                byName.beginObject(name); byName.endObject()
                made.beginObject(key); made.endObject()
                #expect(byName.bytes == made.bytes, "\(depth) \(name)")
            }
        }
    }
}

@Suite("JSON writer: strings")
struct JSONWriterStringTests {
    @Test("Any text, plain or needing escapes, short or long, is read back as written")
    func roundTrip() throws {
        var texts = ["", "plain", "Fallpauschale Kategorie B: 3.100,00 € × 31/31 Tage", "\"", "\\", "a\u{1}b", "\t\r\n",
                     "Umlaute äöü ß – €", String(repeating: "x", count: 200_000), String(repeating: "\"", count: 70_000)]
        var x: UInt64 = 99
        let alphabet = Array("ab\"\\\n\u{0}\u{1f} äß€😀")
        for _ in 0..<500 {
            var t = ""
            for _ in 0..<Int(x % 40) {
                x = x &* 6364136223846793005 &+ 1442695040888963407
                t.append(alphabet[Int(x >> 33) % alphabet.count])
            }
            x = x &* 6364136223846793005 &+ 1442695040888963407
            texts.append(t)
        }
        var w = JSONWriter()
        w.beginArray()
        for t in texts { w.string(t) }
        w.endArray()
        guard case let .array(items) = try JSONParser.parse(w.finish()).value else { Issue.record("not an array"); return }
        #expect(items.count == texts.count)
        for (item, text) in zip(items, texts) {
            guard case let .string(read) = item else { Issue.record("not a string"); continue }
            #expect(read == text)
        }
    }
}

@Suite("CSV")
struct CSVTests {
    @Test func quoting() {
        #expect(CSV.format([["a;b", "c\"d", "e"]]) == "\"a;b\";\"c\"\"d\";e\r\n")
    }

    @Test func roundTrip() throws {
        let rows = [["Fall", "Text"], ["H-001", "a;b \"quoted\"\nnext line"], ["", "x"]]
        #expect(try CSV.parse(CSV.format(rows)).get() == rows)
    }

    @Test func unterminatedQuote() {
        #expect(CSV.parse("a;b\n\"open;x\n") == .failure(CSVError(line: 2, message: "a quoted cell is not closed")))
    }
}

@Suite("JSON writer: amounts")
struct JSONWriterMoneyTests {
    @Test("An amount written digit by digit is the bytes of its decimal string, for every kind of amount")
    func moneyEqualsDecimalString() {
        var values: [Int64] = [0, 1, -1, 9, 10, 99, 100, 101, -100, -101, 123_456_789, -987_654_321, Int64.max, Int64.min + 1]
        var x: UInt64 = 12345
        for _ in 0..<2000 {
            x = x &* 6364136223846793005 &+ 1442695040888963407
            values.append(Int64(bitPattern: x) >> Int64(x % 60))
        }
        for cents in values {
            var a = JSONWriter(), b = JSONWriter()
            a.beginObject(); a.field("amount", Money(cents: cents)); a.endObject()
            b.beginObject(); b.field("amount", Money(cents: cents).decimalString); b.endObject()
            #expect(a.finish() == b.finish(), "\(cents)")
        }
    }
}

/// Short strings made once and found again by their bytes (`SmallStrings`): whatever the table
/// holds, a string handed out is the one its bytes spell.
@Suite("Short strings made once")
struct SmallStringsTests {
    func made(_ table: SmallStrings, _ text: String) -> String {
        // Both ways of reading the bytes: as words from a longer text, and one by one.
        let padded = Array(text.utf8) + Array(repeating: UInt8(ascii: "~"), count: 16)
        let wide = padded.withUnsafeBufferPointer { table.string($0.baseAddress!, count: text.utf8.count, wide: true) }
        let bytes = Array(text.utf8)
        let narrow = bytes.withUnsafeBufferPointer { table.string($0.baseAddress ?? UnsafePointer(bitPattern: 1)!, count: $0.count, wide: false) }
        #expect(wide == narrow)
        return narrow
    }

    @Test("Every string read back as written, many more strings than slots, again and again")
    func readBack() {
        let table = SmallStrings()
        // 20,000 distinct strings of 0 to 24 bytes: slots are shared and replaced, lengths cross 8, 15 and 16.
        let texts = (0..<20_000).map { n -> String in
            let base = String(n, radix: 36)
            return String(repeating: "x", count: n % 25 > base.count ? n % 25 - base.count : 0) + base
        } + ["", "a", "from", "hours", "2026-05", "2026-05-01", "12345678", "123456789012345", "1234567890123456"]
        for _ in 0..<3 {
            for text in texts {
                #expect(made(table, text) == text)
            }
        }
    }

    @Test("A case file parsed with the table holds what it holds without it")
    func sameTree() throws {
        var checked = 0
        for name in ["halle", "daily", "incentives", "topups"] {
            let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                .deletingLastPathComponent().appendingPathComponent("samples").appendingPathComponent(name)
            for file in try FileManager.default.contentsOfDirectory(atPath: folder.path) where file.hasSuffix(".json") {
                let bytes = Array(try Data(contentsOf: folder.appendingPathComponent(file)))
                let plain = try JSONParser.parseValue(bytes, range: 0..<bytes.count, path: [])
                let table = SmallStrings()
                for _ in 0..<2 {
                    let cached = try JSONParser.parseValue(bytes, range: 0..<bytes.count, path: [], strings: table)
                    #expect(cached.value == plain.value && cached.duplicateKeys == plain.duplicateKeys, "\(name)/\(file)")
                }
                checked += 1
            }
        }
        #expect(checked >= 7)
    }
}

/// The elements of a large array found on two cores (`ElementScan`) are those found on one, for
/// a second half starting anywhere; where the halves cannot be joined, it says so (nil) and the
/// one-core scan is used.
@Suite("Finding an array's elements on two cores")
struct ElementScanTests {
    /// The one-core scan's result, and the two-core one's for every split point.
    func compare(_ text: String, key: String = "cases", expectJoined: Bool) {
        let bytes = Array(text.utf8)
        let serial = JSONParser.elements(ofArray: key, in: bytes)
        guard let open = serial?.array.lowerBound ?? bytes.firstIndex(of: UInt8(ascii: "[")) else {
            Issue.record("no array in the text")
            return
        }
        var joined = 0, splits = 0
        bytes.withUnsafeBufferPointer { b in
            // Every split point in a short text; some 300 spread over a long one.
            for split in stride(from: open, to: b.count, by: max(1, (b.count - open) / 300)) {
                splits += 1
                guard let two = ElementScan.elements(b, open: open, split: split) else { continue }
                joined += 1
                #expect(serial != nil, "joined where one core finds no array, split \(split)")
                if let serial {
                    #expect(two.array == serial.array && two.elements == serial.elements, "split \(split)")
                }
            }
        }
        if expectJoined {
            // Split points after the last line break cannot start a second half; most others must join.
            #expect(joined * 4 >= splits, "joined \(joined) of \(splits)")
        }
    }

    @Test("The sample case files, split anywhere")
    func samples() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        for name in ["halle", "daily", "incentives", "topups", "controlling"] {
            let text = try String(contentsOf: root.appendingPathComponent("samples/\(name)/cases-2026.json"), encoding: .utf8)
            compare(text, expectJoined: true)
        }
    }

    @Test("Strings holding brackets, quotes, escapes and commas; nesting; keys after the array")
    func awkwardText() {
        compare("""
        {"format": "x", "cases": [
          {"id": "a{[", "n": [1, [2, {"x": "]}"}], 3], "s": "q\\"uote\\\\", "e": {}},
          {"id": "b,\\n", "list": [], "deep": [[[[{"k": "}}}"}]]]]},
          [1, 2, {"in": ["x"]}],
          {}
        ], "after": [{"not": "an element"}, 5]}
        """, expectJoined: true)
    }

    @Test("Arrays that are empty, hold one element, scalars, or are cut short: never joined wrongly")
    func edges() {
        compare("{\"cases\": [\n]\n}", expectJoined: false)
        compare("{\"cases\": [\n  {\"a\": 1}\n]\n}", expectJoined: false)
        compare("{\"cases\": [\n  \"a\",\n  \"b\",\n  3\n]\n}", expectJoined: false)
        compare("{\"cases\": [\n  {\"a\": 1},\n  {\"b\": 2},\n]\n}", expectJoined: false)
        compare("{\"cases\": [\n  {\"a\": 1},\n  {\"b\": 2}\n", expectJoined: false)
        compare("{\"cases\": [\n  {\"a\": 1}\n  {\"b\": 2}\n]\n}", expectJoined: false)
        compare("{\"cases\": [\n  {\"a\": 1},,\n  {\"b\": 2}\n]\n}", expectJoined: false)
        compare("{\"cases\": [\n  {\"a\": \"x\n\"},\n  {\"b\": 2}\n]\n}", expectJoined: false)
    }
}

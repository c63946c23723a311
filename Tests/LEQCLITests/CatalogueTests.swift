import Foundation
import Testing
import LEQFormats
@testable import LEQCLI

/// Every text a person reads is a `Message` whose English template is the key of the German
/// catalogue. These tests read the sources as text: every string literal that is prose (it has a
/// space and words) in the command line, the input readers, the provider check and the JSON
/// parser must have its German entry, and every entry must still be used — so that no message
/// reaches a German clerk in English, and the catalogue does not rot.
@Suite("One catalogue per language")
struct CatalogueTests {
    /// Where user-facing messages are written.
    static let folders = ["Sources/LEQCLI", "Sources/LEQFormats/Input", "Sources/LEQFormats/Check", "Sources/LEQFormats/JSON",
                          "Sources/LEQFormats/Text", "Sources/LEQStore"]
    static let files = ["Sources/LEQFormats/Output/XRechnung.swift", "Sources/LEQFormats/Output/StatementCSV.swift"]

    /// Prose that is not ours to translate: usage synopses (option names and placeholders, which
    /// `placeholders` turns German), sample data of the benchmark, the SEPA remittance text (a
    /// document in German), and parts of places ("line 3, column 7", translated as a whole).
    static let untranslated: Set<String> = [
        "[--cases N] [--months M] [--seed S] [--simulate]", "Flexible ambulante Hilfe", "§ 27 Abs. 2 SGB VIII", "§ 32 SGB VIII",
        "§ 34 SGB VIII", "Heimerziehung (Tagessatz)", "Sozialpädagogische Familienhilfe", "§ 31 SGB VIII", "Individuelles Fallbudget",
        "Marktplatz 1", "06108 Halle (Saale)", "{1} MiB", "Träger {1}", "Straße {1}", "  help{1}  {2}", "-h, --help", "  -h, --help",
        ", Kreditor {1}", "Abrechnung {1}, Leistungsmonat {2}{3}", "statements show", ", column ", ", Spalte ", "line {1}, column {2}",
        "line {1}", "line 1", "Sonn- und Feiertagszulage", "Zeile ", "Aufruf: leq",
        // Technical: a part name in the chain, SQLite's own words passed on as they are.
        "rendering {1}/{2}", "cannot open", "error {1}", "SQLite format 3\0",
        // The e-invoice is a German document, whatever the language of the run.
        "Steuerfrei nach § 4 Nr. 25 UStG (Leistungen der Kinder- und Jugendhilfe)", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n",
        "Gutschrift: Abrechnung Nr. {1} für den Leistungsmonat {2}, ",
        "ausgestellt vom Jugendamt im Namen des Leistungserbringers nach der Vereinbarung {1} (§§ 78a ff. SGB VIII).",
        "Zahlbar innerhalb von {1} Tagen nach Feststellung und Anordnung (Vier-Augen-Prinzip), ohne Abzug.",
        "Zahlbar nach Feststellung und Anordnung (Vier-Augen-Prinzip), ohne Abzug.", "Fall {1}, Aktenzeichen {2}", "{1} – Fall {2}",
    ]

    static func isUsageSynopsis(_ t: String) -> Bool {
        (t.hasPrefix("--") || t.hasPrefix("[") || t.hasPrefix("(") || t.hasPrefix("list [") || t.hasPrefix("add ID") || t.hasPrefix("NUMBER ")
            || t.hasPrefix("FILE ")) && (t.contains(" [--") || t.contains("FILE") || t.contains("PATH"))
            && !t.contains(": ") && !t.hasSuffix(".") && !t.contains(";")
    }

    static func isProse(_ t: String) -> Bool {
        // SQL is for the database, not for people.
        let s = t.trimmingCharacters(in: .whitespacesAndNewlines)
        for word in ["SELECT ", "INSERT ", "CREATE ", "PRAGMA ", "BEGIN ", "AND ", "ORDER BY ", "UPDATE ", "DELETE ", "DROP ", "WHERE "]
            where s.hasPrefix(word) { return false }
        if s.contains("sqlite_master") || s.contains("case_id, ") { return false }
        // JSON documents (the benchmark's agreement template) are for the reader, not for people.
        if s.hasPrefix("{\n  \"format\"") { return false }
        guard s.contains(" ") else { return false }
        var letters = 0
        for c in s { if c.isLetter { letters += 1; if letters >= 2 { return true } } else { letters = 0 } }
        return false
    }

    /// Every prose template of the sources, with the file it was found in.
    static func templates() throws -> [(template: String, file: String)] {
        var paths: [String] = files
        for folder in folders {
            for name in try FileManager.default.contentsOfDirectory(atPath: path(folder)).sorted() where name.hasSuffix(".swift") && name != "Catalogue.swift" {
                paths.append(folder + "/" + name)
            }
        }
        var out: [(String, String)] = []
        for p in paths {
            for t in try SwiftLiterals.templates(in: String(contentsOfFile: path(p), encoding: .utf8)) where isProse(t) {
                if !untranslated.contains(t) && !isUsageSynopsis(t) { out.append((t, p)) }
            }
        }
        return out
    }

    @Test("Every message in the sources has its German text")
    func everyMessageHasGerman() throws {
        let found = try Self.templates()
        #expect(found.count > 300, "the scanner found only \(found.count) messages")
        let missing = found.filter { Catalogue.german[$0.template] == nil }
        let list = missing.map { "\($0.file): \($0.template.debugDescription)" }.joined(separator: "\n")
        #expect(missing.isEmpty, "no German text for:\n\(list)")
    }

    @Test("Every German text is still used, and keeps every placeholder of its template")
    func noStaleEntries() throws {
        let used = Set(try Self.templates().map(\.template))
        // Messages assembled from words the scanner does not see as prose (single words, names of JSON kinds).
        let words: Set<String> = ["yes", "Number", "Month", "Provider", "Amount", "certified", "ordered", "finalised", "Payment file", "Execution",
                                  "Statements", "made", "not transferred", "certify", "approve", "ID", "Name", "may", "registered", "null",
                                  "Options:", " (required)", "Guard", "Chain", "SQLite", "lengthened", "cut short", "  - {1}: {2}",
                                  "step", "seconds", "case-months/s", "memory"]
        for (english, german) in Catalogue.german {
            #expect(used.contains(english) || words.contains(english) || english.hasPrefix("a ") || english.hasPrefix("an "),
                    "unused catalogue entry: \(english.debugDescription)")
            for n in 1...9 where english.contains("{\(n)}") {
                #expect(german.contains("{\(n)}"), "\(english.debugDescription): the German text lacks {\(n)}")
            }
        }
    }

    @Test("A message renders in both languages; nested messages follow the language; a file value is never translated")
    func rendering() {
        let inner: Message = "file not found"
        let n: Message = "leq \("settle"): \(inner)\n"
        #expect(n.text(.de) == "leq settle: Datei nicht gefunden\n" && n.text(.en) == "leq settle: file not found\n")
        #expect(Message(verbatim: "file not found").text(.de) == "file not found")
        let d = Diagnostic(file: "a.csv", place: "line 3, column 7", message: "'\("x")' is not an amount; expected e.g. 1390,97 or 1390.97")
        #expect(d.text(.de) == "a.csv: Zeile 3, Spalte 7: 'x' ist kein Betrag; erwartet z. B. 1390,97 oder 1390.97")
        #expect(d.text(.en) == "a.csv: line 3, column 7: 'x' is not an amount; expected e.g. 1390,97 or 1390.97")
    }
}

/// The string literals of a Swift source as `Message` templates: interpolations become `{1}`,
/// `{2}`…, escapes are decoded, multi-line literals lose their indentation. Comments and raw
/// strings (`#"…"#`) are skipped.
enum SwiftLiterals {
    static func templates(in source: String) throws -> [String] {
        let s = Array(source.unicodeScalars)
        var out: [String] = []
        var i = 0
        while i < s.count {
            if s[i] == "/", i + 1 < s.count, s[i + 1] == "/" {
                while i < s.count, s[i] != "\n" { i += 1 }
                continue
            }
            if s[i] == "#", i + 1 < s.count, s[i + 1] == "\"" {
                i += 2
                while i + 1 < s.count, !(s[i] == "\"" && s[i + 1] == "#") { i += 1 }
                i += 2
                continue
            }
            if s[i] == "\"" {
                let (t, end) = literal(s, i)
                out.append(t)
                i = end
                continue
            }
            i += 1
        }
        return out
    }

    /// The literal starting at the quote `start`; returns its template and the index after it.
    static func literal(_ s: [Unicode.Scalar], _ start: Int) -> (String, Int) {
        if start + 2 < s.count, s[start + 1] == "\"", s[start + 2] == "\"" { return multiline(s, start) }
        var out = "", n = 0, k = start + 1
        while k < s.count {
            let c = s[k]
            if c == "\\", k + 1 < s.count {
                let next = s[k + 1]
                if next == "(" {
                    k = skipInterpolation(s, k + 2)
                    n += 1
                    out += "{\(n)}"
                    continue
                }
                switch next {
                case "n": out += "\n"
                case "t": out += "\t"
                case "r": out += "\r"
                case "0": out += "\0"
                case "u":
                    var j = k + 3, hex = ""
                    while j < s.count, s[j] != "}" { hex.unicodeScalars.append(s[j]); j += 1 }
                    if let v = UInt32(hex, radix: 16), let u = Unicode.Scalar(v) { out.unicodeScalars.append(u) }
                    k = j + 1
                    continue
                default: out.unicodeScalars.append(next)
                }
                k += 2
                continue
            }
            if c == "\"" { return (out, k + 1) }
            out.unicodeScalars.append(c)
            k += 1
        }
        return (out, k)
    }

    /// From just inside `\(` to just after its `)`, stepping over nested literals.
    static func skipInterpolation(_ s: [Unicode.Scalar], _ from: Int) -> Int {
        var depth = 1, m = from
        while m < s.count, depth > 0 {
            if s[m] == "\"" {
                m = literal(s, m).1
                continue
            }
            if s[m] == "(" { depth += 1 }
            if s[m] == ")" { depth -= 1 }
            m += 1
        }
        return m
    }

    static func multiline(_ s: [Unicode.Scalar], _ start: Int) -> (String, Int) {
        var k = start + 3
        var raw = ""
        var n = 0
        while k + 2 < s.count, !(s[k] == "\"" && s[k + 1] == "\"" && s[k + 2] == "\"") {
            if s[k] == "\\", s[k + 1] == "(" {
                k = skipInterpolation(s, k + 2)
                n += 1
                raw += "{\(n)}"
                continue
            }
            if s[k] == "\\", s[k + 1] == "n" { raw += "\u{2}"; k += 2; continue }
            // A backslash at the end of a line continues it: no line break in the text.
            if s[k] == "\\", s[k + 1] == "\n" { raw += "\u{1}\n"; k += 2; continue }
            if s[k] == "\\", s[k + 1] == "\"" { raw += "\""; k += 2; continue }
            if s[k] == "\\", s[k + 1] == "\\" { raw += "\\"; k += 2; continue }
            raw.unicodeScalars.append(s[k])
            k += 1
        }
        var lines = raw.components(separatedBy: "\n")
        let indent = lines.last.map { $0.prefix { $0 == " " }.count } ?? 0
        lines.removeFirst()
        lines.removeLast()
        let text = lines.map { String($0.dropFirst(min(indent, $0.prefix { $0 == " " }.count))) }.joined(separator: "\n")
        return (text.replacingOccurrences(of: "\u{1}\n", with: "").replacingOccurrences(of: "\u{2}", with: "\n"), k + 3)
    }
}
